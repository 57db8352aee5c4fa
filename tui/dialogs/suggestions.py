"""Choose one of a finding's suggestions (ranked, best first): 1–9 pick at once, arrows or j/k and
Enter pick the highlighted one, Escape closes without a change."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bientap.checks.text import visible
from bientap.i18n import N_, _
from bientap.tui.dialogs.picker import PickerDialog


def suggestion_prompt(number: int, suggestion: str) -> Text:
    shown = visible(suggestion) if suggestion else "∅"  # "" deletes the flagged text
    return Text.assemble((f"{number} ", "bold"), shown)


class SuggestionDialog(PickerDialog):
    """Dismisses with the index of the chosen suggestion, or None."""

    DEFAULT_CSS = """
    SuggestionDialog { align: center middle; }
    SuggestionDialog > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 80%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    SuggestionDialog .title { text-style: bold; height: auto; margin-bottom: 1; }
    SuggestionDialog OptionList { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="suggestions.close"),
        Binding("j", "list_down", show=False, id="suggestions.down"),
        Binding("k", "list_up", show=False, id="suggestions.up"),
    ]

    def __init__(self, flagged: str, suggestions: Sequence[str]) -> None:
        super().__init__()
        self.flagged = flagged
        self.suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        flagged = visible(self.flagged)
        with Vertical():
            yield Static(Text(_("Replace «{flagged}» with (1–9, or ↑↓ then Enter; Esc closes):").format(
                flagged=flagged)),
                         classes="title", markup=False)
            yield OptionList(*[Option(suggestion_prompt(i + 1, s), id=str(i))
                               for i, s in enumerate(self.suggestions)])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            index = int(event.character) - 1
            if index < len(self.suggestions):
                event.stop()
                self.dismiss(index)
