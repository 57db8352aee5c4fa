"""The `?` overlay: the bindings in force right now (after any keymap), with what they do."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.dialogs import tr


# Textual's own bindings, in the desk's language.
BUILTIN_VI = {"Quit": "Thoát", "Focus Next": "Sang ô sau", "Focus Previous": "Về ô trước",
              "Copy selected text": "Chép chữ đã chọn", "Command palette": "Bảng lệnh"}


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Đóng", id="help.close")]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def rows(self) -> list[tuple[str, str]]:
        """(keys, description) per action, keys that share an action joined: "j, ↓"."""
        grouped: dict[tuple[int, str], tuple[list[str], str]] = {}
        for _key, active in self.bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            description = binding.description
            if getattr(self.app, "lang", "vi") != "en":
                description = BUILTIN_VI.get(description, description)
            keys, _ = grouped.setdefault((id(active.node), binding.action), ([], description))
            shown = self.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
        return [(", ".join(keys), description) for keys, description in grouped.values()]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, expand=True, padding=(0, 1))
        table.add_column(tr(self, "Phím", "Keys"), style="bold", no_wrap=True)
        table.add_column(tr(self, "Việc", "Action"))
        for keys, description in self.rows():
            table.add_row(Text(keys), Text(description))
        with VerticalScroll():
            yield Static(Text(tr(self, "Phím tắt", "Key bindings"), style="bold"), markup=False)
            yield Static(table)
            yield Static(Text(tr(self, ": hoặc Ctrl+P mở bảng lệnh · Esc đóng",
                                 ": or Ctrl+P opens the command palette · Esc closes"), style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
