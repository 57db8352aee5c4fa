"""A modal list to pick one item from by id: j/k and arrows move, Enter picks, Escape closes."""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import OptionList

from bientap.tui.keys import localize_bindings


class PickerDialog(ModalScreen[int | None]):
    """Dismisses with the picked option's id as an int, or None. Subclasses compose the OptionList
    and bind escape → cancel, j → list_down, k → list_up with ids of their own (remappable), their
    descriptions marked N_() (shown in the run's language once mounted)."""

    def on_mount(self) -> None:  # Textual runs this one as well as a subclass's own on_mount
        localize_bindings(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id))

    def action_list_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_list_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
