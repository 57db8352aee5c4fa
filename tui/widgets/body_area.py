"""The article body in a `TextArea`, with every finding coloured and underlined at its span.

Findings carry code-point offsets into the body string. They are turned into per-line (column
start, column end) marks once per check, and `get_line()` — the documented hook, whose `rich.Text`
takes code-point offsets — stylizes each line as it is drawn.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea

from bientap.checks.findings import SEVERITY_RANK, Finding

SEVERITY_STYLES = {
    "error": Style(color="bright_red", bold=True, underline=True),
    "warning": Style(color="yellow", underline=True),
    "info": Style(color="cyan", underline=True),
}


def line_starts_lf(text: str) -> list[int]:
    """Start offset of every line of a TextArea's text (its lines break at \\n only)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def to_location(starts: list[int], offset: int) -> tuple[int, int]:
    row = bisect.bisect_right(starts, offset) - 1
    return row, offset - starts[row]


def line_marks(text: str, findings: Iterable[Finding]) -> dict[int, list[tuple[int, int, str]]]:
    """Per row, the (start column, end column, severity) of every finding span, least severe first
    so the most severe style is applied last. A span over several lines is split at the breaks;
    an empty span (an insertion point) marks the character after it."""
    starts = line_starts_lf(text)
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    n = len(text)
    for f in sorted(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 0)):
        start, end = max(0, min(f.start, n)), max(0, min(f.end, n))
        if end <= start:
            end = min(start + 1, n)
            if end <= start:
                continue
        row, col = to_location(starts, start)
        end_row, end_col = to_location(starts, end)
        while row < end_row:
            line_end = starts[row + 1] - 1 - starts[row]
            if line_end > col:
                marks[row].append((col, line_end, f.severity))
            row, col = row + 1, 0
        if end_col > col:
            marks[row].append((col, end_col, f.severity))
    return dict(marks)


class BodyArea(TextArea):
    """A soft-wrapped prose `TextArea` that draws finding marks from `set_findings`."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)
        self._marks: dict[int, list[tuple[int, int, str]]] = {}

    def set_findings(self, findings: Iterable[Finding]) -> None:
        """Mark `findings` (offsets into the current text) and redraw."""
        self._marks = line_marks(self.text, findings)
        self._line_cache.clear()  # cached strips do not know about the marks
        self.refresh()

    def marks(self, row: int) -> list[tuple[int, int, str]]:
        return list(self._marks.get(row, ()))

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, severity in self._marks.get(line_index, ()):
            line.stylize(SEVERITY_STYLES.get(severity, SEVERITY_STYLES["info"]), start, end)
        return line

    def offset_of(self, location: tuple[int, int]) -> int:
        return self.document.get_index_from_location(location)

    def location_of(self, offset: int) -> tuple[int, int]:
        return self.document.get_location_from_index(offset)
