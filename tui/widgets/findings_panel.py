"""The findings of the open article, one option each: where, rule, message, first suggestion.

All of it comes from the article and is built as rich `Text` (never markup); control characters in
the flagged text or a suggestion are shown as escapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bientap.checks import engine
from bientap.checks.findings import Finding
from bientap.checks.text import visible
from bientap.i18n import N_, _
from bientap.tui.keys import localize_bindings

SEVERITY_MARK = {"error": ("●", "bold bright_red"), "warning": ("●", "yellow"), "info": ("●", "cyan")}
FIELD_LABEL = {"title": N_("Title"), "sapo": N_("Sapo"), "byline": N_("Byline"), "published_at": N_("Date"),
               "source": N_("Source")}


def finding_prompt(f: Finding) -> Text:
    mark, style = SEVERITY_MARK.get(f.severity, ("●", "cyan"))
    out = Text(no_wrap=False)
    out.append(mark + " ", style=style)
    where = "" if f.field == "body" else _(FIELD_LABEL[f.field]) if f.field in FIELD_LABEL else f.field
    if f.rule in engine.RECORD_RULES:  # about the whole record: no line or column
        out.append((where or _("Article")) + " ", style="bold")
    else:
        out.append(f"{where + ' ' if where else ''}{f.line}:{f.column} ", style="bold")
    out.append(f.rule, style="dim")
    if f.text:
        out.append("  «")
        out.append(visible(f.text[:60]) + ("…" if len(f.text) > 60 else ""), style=style)
        out.append("»")
    out.append("\n  " + visible(f.message))
    if f.suggestions:
        first = f.suggestions[0]
        out.append("\n  → ", style="green")
        out.append(visible(first) if first else _("(delete)"), style="green")
    return out


class FindingsPanel(OptionList):
    """j/k move; Enter applies the first suggestion; i ignores; w adds the word to the dictionary."""

    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="findings.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="findings.up"),
        Binding("i", "screen.ignore_finding", N_("Ignore"), id="findings.ignore"),
        Binding("w", "screen.add_word", N_("Add word"), id="findings.add_word"),
        Binding("question_mark", "screen.help", N_("Help"), show=False, id="findings.help"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] = []

    def on_mount(self) -> None:
        localize_bindings(self)

    def show(self, findings: Sequence[Finding], keep: Finding | None = None) -> None:
        """Replace the list; keep the highlight on `keep` (or the same index) when possible."""
        old_index = self.highlighted
        self.findings = list(findings)
        self.clear_options()
        self.add_options([Option(finding_prompt(f)) for f in self.findings])
        if not self.findings:
            return
        index = None
        if keep is not None:
            index = next((i for i, f in enumerate(self.findings)
                          if (f.rule, f.field, f.start, f.text) == (keep.rule, keep.field, keep.start, keep.text)),
                         None)
        if index is None and old_index is not None:
            index = min(old_index, len(self.findings) - 1)
        self.highlighted = index if index is not None else 0

    @property
    def current(self) -> Finding | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self.findings)):
            return None
        return self.findings[self.highlighted]
