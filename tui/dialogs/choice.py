"""Pick one of a few answers: `ChoiceDialog(question, [(value, label, hotkey), ...])` dismisses with
the chosen value, or None on Escape. Each answer's hotkey (shown beside it) selects it.

A hotkey belongs to its language ("Keep mine (k)", "Giữ bản của tôi (g)"): write the answer with its
key in one translated string and split it with `keyed`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bientap.i18n import N_
from bientap.tui.keys import localize_bindings


_KEYED = re.compile(r"(.*\S)\s*\((\w)\)")


def keyed(answer: str) -> tuple[str, str]:
    """A translated answer written with its hotkey, "Keep mine (k)", as (label, hotkey); an answer
    without one is chosen by its first letter."""
    m = _KEYED.fullmatch(answer.strip())
    return (m.group(1), m.group(2)) if m else (answer, answer[:1])


class ChoiceDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 90; height: auto; max-height: 80%; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ChoiceDialog .question { margin-bottom: 1; }
    ChoiceDialog Horizontal { height: auto; align-horizontal: right; }
    ChoiceDialog Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel")]

    def __init__(self, question: str | Text, choices: Sequence[tuple[str, str, str]]) -> None:
        """`choices`: (value, label, hotkey) — the hotkey is one character shown in the label."""
        super().__init__()
        self.question = question if isinstance(question, Text) else Text(question)
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question", markup=False)
            with Horizontal():
                for i, (value, label, hotkey) in enumerate(self.choices):
                    yield Button(Text(f"{label} ({hotkey})"), id=f"choice-{value}",
                                 variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id.removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
        for value, _label, hotkey in self.choices:
            if event.character and event.character.lower() == hotkey.lower():
                event.stop()
                self.dismiss(value)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)
