"""The `?` overlay: the bindings in force right now (after any keymap), with what they do."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from bientap.tui.dialogs import tr


# Textual's own bindings, in the desk's language.
BUILTIN_VI = {"Quit": "Thoát", "Focus Next": "Sang ô sau", "Focus Previous": "Về ô trước",
              "Copy selected text": "Chép chữ đã chọn", "Command palette": "Bảng lệnh"}
# A text field's own keys (cursor moves, deletions...) are the usual ones and stay out of the list,
# but for these few, named in the desk's language; every other binding of a text field is hidden.
TEXT_KEYS = {"undo": ("Hoàn tác", "Undo"), "redo": ("Làm lại", "Redo"), "cut": ("Cắt", "Cut"),
             "copy": ("Chép", "Copy"), "paste": ("Dán", "Paste"), "select_all": ("Chọn hết ô chữ", "Select all")}


def takes_text(widget) -> bool:
    """Whether `widget` types printable keys (so `:` or `?` there are characters, not commands)."""
    return isinstance(widget, (Input, TextArea))


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

    @property
    def typing(self) -> bool:
        """Whether the focus underneath is in a text field, where `:` types a colon."""
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) > 0 else None
        return below is not None and takes_text(below.focused)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, description) per action, keys that share an action joined: "j, ↓"."""
        grouped: dict[tuple[int, str], tuple[list[str], str]] = {}
        for _key, active in self.bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            description = binding.description
            english = getattr(self.app, "lang", "vi") == "en"
            if takes_text(active.node):
                if binding.action not in TEXT_KEYS:
                    continue
                description = TEXT_KEYS[binding.action][english]
            elif not english:
                description = BUILTIN_VI.get(description, description)
            keys, _ = grouped.setdefault((id(active.node), binding.action), ([], description))
            shown = self.app.get_key_display(binding)
            if len(shown) <= 3 and shown[:1] == "f" and shown[1:].isdigit():
                shown = shown.upper()  # "F7", as the desk writes its own F-keys
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
            if self.typing:  # ":" types a colon in a text field; Ctrl+P works everywhere
                hint = tr(self, "Ctrl+P mở bảng lệnh · Esc đóng", "Ctrl+P opens the command palette · Esc closes")
            else:
                hint = tr(self, ": hoặc Ctrl+P mở bảng lệnh · Esc đóng",
                          ": or Ctrl+P opens the command palette · Esc closes")
            yield Static(Text(hint, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
