"""Lines the importer set aside (menus, captions, metadata): pick one to put back into the body.

Dismisses with the chosen line's id, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bientap.checks.boilerplate import explain_reason
from bientap.checks.text import visible
from bientap.i18n import N_, _, current, respell
from bientap.store.drafts import RemovedLine
from bientap.tui.dialogs.picker import PickerDialog


_KINDS = {"boilerplate": N_("site chrome"), "caption": N_("photo caption"), "metadata": N_("article details")}


def line_prompt(line: RemovedLine) -> Text:
    """Where the line stood, what it was taken for and why (the classifier's evidence), then the line."""
    out = Text()
    out.append(_("before ¶{n}").format(n=line.position + 1) + " ", style="bold")
    kind = _KINDS.get(line.kind)
    out.append(_(kind) if kind else visible(line.kind), style="cyan")
    if line.reason:
        why = _("why: {reason}").format(reason=respell(explain_reason(line.reason, current())))
        out.append(" · " + visible(why), style="dim")
    out.append("\n  " + visible(line.text))
    return out


class RemovedLinesDialog(PickerDialog):
    DEFAULT_CSS = """
    RemovedLinesDialog { align: center middle; }
    RemovedLinesDialog > Vertical {
        width: 90%; height: 80%; padding: 0 1; border: thick $primary; background: $surface;
    }
    RemovedLinesDialog .title { text-style: bold; height: auto; margin-bottom: 1; }
    RemovedLinesDialog OptionList { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="removed.close"),
        Binding("j", "list_down", show=False, id="removed.down"),
        Binding("k", "list_up", show=False, id="removed.up"),
    ]

    def __init__(self, lines: Sequence[RemovedLine]) -> None:
        super().__init__()
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Lines removed at import — Enter puts one back in place, Esc closes"),
                         classes="title", markup=False)
            yield OptionList(*[Option(line_prompt(line), id=str(line.id)) for line in self.lines])

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
