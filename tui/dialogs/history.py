"""An article's revisions, newest first, each with what it changed; Enter restores one
(as a new revision on top — history is never rewritten). Dismisses with the version, or None."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bientap.checks.text import visible
from bientap.i18n import N_, _
from bientap.tui.dialogs.diff import diff_fields
from bientap.tui.dialogs.picker import PickerDialog


def revision_prompt(rev: Mapping) -> Text:
    out = Text()
    out.append(f"v{rev['version']}", style="bold")
    out.append(f"  {(rev.get('created_at') or '')[:16].replace('T', ' ')}  ")
    out.append(visible(rev.get("editor") or ""), style="cyan")
    if rev.get("note"):
        out.append("\n  " + visible(rev["note"]), style="dim")
    return out


class HistoryDialog(PickerDialog):
    DEFAULT_CSS = """
    HistoryDialog { align: center middle; }
    HistoryDialog > Vertical {
        width: 95%; height: 90%; padding: 0 1; border: thick $primary; background: $surface;
    }
    HistoryDialog .title { text-style: bold; height: auto; margin-bottom: 1; }
    HistoryDialog OptionList { width: 36; height: 1fr; }
    HistoryDialog VerticalScroll { width: 1fr; height: 1fr; padding-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="history.close"),
        Binding("j", "list_down", show=False, id="history.down"),
        Binding("k", "list_up", show=False, id="history.up"),
    ]

    def __init__(self, revisions: Sequence[Mapping], labels: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.revisions = list(revisions)  # newest first, as bientap.store.articles.revisions returns them
        self.labels = labels or {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("History — Enter restores a version as the newest one, Esc closes"),
                         classes="title", markup=False)
            with Horizontal():
                yield OptionList(*[Option(revision_prompt(r), id=str(r["version"])) for r in self.revisions])
                with VerticalScroll():
                    yield Static(id="revision-diff", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.revisions:
            options.highlighted = 0
            self._show(0)

    def _show(self, index: int) -> None:
        rev = self.revisions[index]
        before = json.loads(self.revisions[index + 1]["snapshot"]) if index + 1 < len(self.revisions) else {}
        after = json.loads(rev["snapshot"])
        diff = diff_fields(before, after, self.labels)
        heading = Text(_("What v{version} changed:").format(version=rev["version"]) + "\n", style="bold")
        self.query_one("#revision-diff", Static).update(
            heading + (diff or Text(_("(no change)"))))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index is not None:
            self._show(event.option_index)
