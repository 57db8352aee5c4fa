"""Yes or no: `ConfirmDialog(question)` dismisses with True (y, Enter) or False (n, Escape)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bientap.i18n import N_, _
from bientap.tui.keys import localize_bindings


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 70; height: auto; max-height: 80%; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ConfirmDialog .question { margin-bottom: 1; }
    ConfirmDialog Horizontal { height: auto; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="dialog.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="dialog.no"),
    ]

    def __init__(self, question: str | Text, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question if isinstance(question, Text) else Text(question)
        self._yes, self._no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question", markup=False)
            with Horizontal():
                yield Button(self._yes or _("Yes (y)"), id="yes", variant="primary")
                yield Button(self._no or _("No (n)"), id="no")

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
