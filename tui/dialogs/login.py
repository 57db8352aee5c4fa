"""Who is at this desk: asked once at start when the desk does not know (a desk served in a
browser with no authenticating proxy naming the editor). Dismisses with the name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from bientap.i18n import _


class LoginDialog(ModalScreen[str]):
    DEFAULT_CSS = """
    LoginDialog { align: center middle; }
    LoginDialog > Vertical {
        width: 60; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    LoginDialog .error { color: $error; height: auto; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Your name (recorded in the history of every article you edit):"), markup=False)
            yield Input(id="login-name", placeholder=_("e.g. Lan"))
            yield Static("", id="login-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name or not name.isprintable():
            self.query_one("#login-error", Static).update(
                _("Type a name (printable characters)."))
            return
        self.dismiss(name)
