"""Ask how to export: `ExportDialog(n)` dismisses with (format, folder) or None on Escape."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from bientap.i18n import N_, _, ngettext
from bientap.tui.keys import localize_bindings

FORMATS = (("md", "Markdown"), ("html", "HTML"), ("txt", N_("Plain text")), ("json", "JSON"), ("ninjs", "ninjs"))
DEFAULT_FOLDER = "~/bientap-export"


class ExportDialog(ModalScreen[tuple[str, str] | None]):
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    ExportDialog RadioSet { width: 100%; height: auto; }
    ExportDialog Input { margin-top: 1; }
    ExportDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ExportDialog Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="export.cancel")]

    def __init__(self, count: int, *, folder: str = DEFAULT_FOLDER, fmt: str = "md") -> None:
        super().__init__()
        self.count, self.folder, self.fmt = count, folder, fmt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(ngettext("Export {n} article — format and folder:",
                                       "Export {n} articles — format and folder:", self.count).format(n=self.count)),
                         markup=False)
            with RadioSet(id="format"):
                for value, label in FORMATS:
                    yield RadioButton(_(label), value=value == self.fmt, name=value)
            yield Input(self.folder, id="folder")
            with Horizontal():
                yield Button(_("Export"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query_one("#folder", Input).focus()

    def _answer(self) -> tuple[str, str] | None:
        pressed = self.query_one("#format", RadioSet).pressed_button
        folder = self.query_one("#folder", Input).value.strip()
        if pressed is None or not folder:
            return None
        return pressed.name, folder

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self._answer())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self._answer() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
