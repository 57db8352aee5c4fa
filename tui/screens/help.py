"""The `?` overlay: the bindings in force right now (after any keymap), with what they do, in the
run's language (the same words as the footer: both read the bindings' descriptions)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from bientap.i18n import N_, _
from bientap.tui.keys import localize_bindings

# A text field's own keys (cursor moves, deletions...) are the usual ones and stay out of the list,
# but for these few, named in our words; every other binding of a text field is hidden.
TEXT_KEYS = {"undo": N_("Undo"), "redo": N_("Redo"), "cut": N_("Cut"), "copy": N_("Copy"), "paste": N_("Paste"),
             "select_all": N_("Select all of the field")}


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
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", N_("Close"), id="help.close")]

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
            if takes_text(active.node):
                if binding.action not in TEXT_KEYS:
                    continue
                description = _(TEXT_KEYS[binding.action])
            else:
                # The desk's own are translated already; Textual's (Focus Next, a list's cursor keys...)
                # are looked up here (frameworks.po).
                description = _(binding.description)
            keys, _description = grouped.setdefault((id(active.node), binding.action), ([], description))
            shown = self.app.get_key_display(binding)
            if len(shown) <= 3 and shown[:1] == "f" and shown[1:].isdigit():
                shown = shown.upper()  # "F7", as the desk writes its own F-keys
            if shown not in keys:
                keys.append(shown)
        return [(", ".join(keys), description) for keys, description in grouped.values()]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, expand=True, padding=(0, 1))
        table.add_column(_("Keys"), style="bold", no_wrap=True)
        table.add_column(_("Action"))
        for keys, description in self.rows():
            table.add_row(Text(keys), Text(description))
        with VerticalScroll():
            yield Static(Text(_("Key bindings"), style="bold"), markup=False)
            yield Static(table)
            if self.typing:  # ":" types a colon in a text field; Ctrl+P works everywhere
                hint = _("Ctrl+P opens the command palette · Esc closes")
            else:
                hint = _(": or Ctrl+P opens the command palette · Esc closes")
            yield Static(Text(hint, style="dim"))

    def on_mount(self) -> None:
        localize_bindings(self)

    def action_close(self) -> None:
        self.dismiss(None)
