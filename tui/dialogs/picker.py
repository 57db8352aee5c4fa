"""A modal list to pick one item from by id: j/k and arrows move, Enter picks, Escape closes."""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import OptionList


class PickerDialog(ModalScreen[int | None]):
    """Dismisses with the picked option's id as an int, or None. Subclasses compose the OptionList
    and bind escape → cancel, j → list_down, k → list_up with ids of their own (remappable)."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id))

    def action_list_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_list_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
