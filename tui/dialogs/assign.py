"""Give the marked articles (or the current one) to an editor: `AssignDialog` dismisses with the
name typed ("" unassigns), or None on Escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from bientap.i18n import N_, _, ngettext
from bientap.tui.keys import localize_bindings


class AssignDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    AssignDialog { align: center middle; }
    AssignDialog > Vertical {
        width: 64; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    AssignDialog .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="assign.cancel")]

    def __init__(self, count: int, me: str) -> None:
        super().__init__()
        self.count, self.me = count, me

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(ngettext("Assign {n} article to:", "Assign {n} articles to:", self.count).format(
                n=self.count), markup=False)
            yield Input(value=self.me, id="assign-name", select_on_focus=False)
            yield Static(_("Enter assigns · empty unassigns · Esc cancels"), classes="hint", markup=False)

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
