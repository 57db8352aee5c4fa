"""Filter the inbox by source, place and date range. Dismisses with the filter values or None.

Dates are shown as dd/mm/yyyy and may be typed so or as yyyy-mm-dd; a date that cannot be read
keeps the dialog open with the reason.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from bientap.i18n import N_, _
from bientap.store.articles import normalize_date
from bientap.tui.dates import display_date
from bientap.tui.keys import localize_bindings


class FilterDialog(ModalScreen[dict | None]):
    DEFAULT_CSS = """
    FilterDialog { align: center middle; }
    FilterDialog > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    FilterDialog Grid { grid-size: 2; grid-columns: 14 1fr; height: auto; grid-rows: 3; }
    FilterDialog Label { padding-top: 1; }
    FilterDialog #error { color: $error; height: auto; }
    FilterDialog Horizontal { height: auto; align-horizontal: right; }
    FilterDialog Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="filters.cancel")]
    FIELDS = (("source", N_("Source")), ("location", N_("Place")), ("date_from", N_("From date")),
              ("date_to", N_("To date")))

    def __init__(self, **values: str | None) -> None:
        super().__init__()
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(_("Filter articles (empty = any)"),
                              style="bold"), markup=False)
            with Grid():
                for key, label in self.FIELDS:
                    yield Label(_(label))
                    placeholder = "dd/mm/yyyy" if key.startswith("date") else ""
                    value = self.values.get(key) or ""
                    yield Input(display_date(value) if key.startswith("date") else value, id=key,
                                placeholder=placeholder)
            yield Static("", id="error", markup=False)
            with Horizontal():
                yield Button(_("Filter"), id="ok", variant="primary")
                yield Button(_("Clear filters"), id="clear")

    def _answer(self) -> dict | None:
        out = {}
        for key, _label in self.FIELDS:
            value = self.query_one(f"#{key}", Input).value.strip()
            if value and key.startswith("date"):
                try:
                    value = normalize_date(value)[:10]
                except ValueError as exc:
                    self.query_one("#error", Static).update(Text(str(exc)))
                    return None
            out[key] = value or None
        return out

    def on_mount(self) -> None:
        localize_bindings(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = self._answer()
        if answer is not None:
            self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "clear":
            self.dismiss({key: None for key, _label in self.FIELDS})
            return
        answer = self._answer()
        if answer is not None:
            self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
