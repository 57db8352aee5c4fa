"""Pick the status to move articles to: `StatusDialog(n)` dismisses with a status or None.

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

from bientap.i18n import N_, _, ngettext
from bientap.store.articles import STATUSES
from bientap.store.workflow import GATED, status_label
from bientap.tui.keys import localize_bindings


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
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="status.cancel")]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        options = []
        for n, status in enumerate(STATUSES, 1):
            label = Text(f"{n}  {status_label(status)}")
            if status in GATED:
                label.append("  " + _("(publish gate)"), style="dim")
            options.append(Option(label, id=status))
        with Vertical():
            yield Static(Text(ngettext("Move {n} article to:", "Move {n} articles to:", self.count).format(
                n=self.count), style="bold"), markup=False)
            yield OptionList(*options)
            yield Static(Text(_("↑↓ Enter or 1–5 · Esc cancels")),
                         classes="hint", markup=False)

    def on_mount(self) -> None:
        localize_bindings(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and 1 <= int(event.character) <= len(STATUSES):
            event.stop()
            self.dismiss(STATUSES[int(event.character) - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
