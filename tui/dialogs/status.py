"""Pick the status to move articles to: `StatusDialog(n, lang)` dismisses with a status or None.

A list, so it fits 80 columns: arrows and Enter, or the digit shown beside each status.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bientap.store.articles import STATUSES
from bientap.store.workflow import GATED, STATUS_LABELS
from bientap.tui.dialogs import tr


class StatusDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    StatusDialog { align: center middle; }
    StatusDialog > Vertical {
        width: 56; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    StatusDialog OptionList { height: auto; margin-top: 1; }
    StatusDialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Hủy", id="status.cancel")]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "vi")
        labels = STATUS_LABELS.get(lang, STATUS_LABELS["vi"])
        options = []
        for n, status in enumerate(STATUSES, 1):
            label = Text(f"{n}  {labels[status]}")
            if status in GATED:
                label.append(tr(self, "  (qua kiểm tra trước khi đăng)", "  (publish gate)"), style="dim")
            options.append(Option(label, id=status))
        with Vertical():
            yield Static(Text(tr(self, f"Chuyển {self.count} bài sang:", f"Move {self.count} article(s) to:"),
                              style="bold"), markup=False)
            yield OptionList(*options)
            yield Static(Text(tr(self, "↑↓ Enter hoặc số 1–5 · Esc hủy", "↑↓ Enter or 1–5 · Esc cancels")),
                         classes="hint", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and 1 <= int(event.character) <= len(STATUSES):
            event.stop()
            self.dismiss(STATUSES[int(event.character) - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
