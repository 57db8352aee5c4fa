"""The publish checklist shown when the gate refuses a move to ready or published.

Each line is exactly what `bientap status` prints: rule, level, count, message, flagged texts —
article text shown literally (rich `Text`, control characters as visible escapes).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from bientap.checks.text import visible
from bientap.i18n import N_, _, ngettext
from bientap.store.workflow import StatusReport, checklist_lines, status_label
from bientap.tui.keys import localize_bindings


class ChecklistScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    ChecklistScreen { align: center middle; }
    ChecklistScreen > VerticalScroll {
        width: 100; max-width: 95%; height: auto; max-height: 90%;
        border: thick $error; background: $surface; padding: 0 1;
    }
    ChecklistScreen .article { margin-top: 1; text-style: bold; }
    """
    BINDINGS = [
        Binding("escape,q", "close", N_("Close"), id="checklist.close"),
        Binding("enter", "open_first", N_("Open the article to fix it"), id="checklist.open"),
    ]

    def __init__(self, report: StatusReport, titles: dict[int, str]) -> None:
        super().__init__()
        self.report = report
        self.titles = titles

    def compose(self) -> ComposeResult:
        n = len(self.report.refused)
        heading = ngettext("{n} article cannot move to “{status}” yet:",
                           "{n} articles cannot move to “{status}” yet:", n)
        heading = heading.format(n=n, status=status_label(self.report.status))
        with VerticalScroll():
            yield Static(Text(heading, style="bold"), markup=False)
            for article_id, items in self.report.refused.items():
                title = visible(self.titles.get(article_id, "")).replace("\n", " ")
                yield Static(Text(f"#{article_id} {title}"), classes="article", markup=False)
                for line in checklist_lines(items):
                    style = "bold red" if line.startswith("✗") else "yellow"
                    yield Static(Text(visible(line), style=style), markup=False)
            yield Static(Text(_("✗ required before publishing · ! recommended · Enter opens · Esc closes"),
                              style="dim"), markup=False)

    def on_mount(self) -> None:
        localize_bindings(self)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open_first(self) -> None:
        """Straight to the first refused article, to fix what blocks it."""
        self.dismiss(None)
        self.app.open_article(next(iter(self.report.refused)))
