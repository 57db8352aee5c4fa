"""The inbox list: a window over a SQL query, drawn a line at a time.

Shaped like toolong's `LogLines`: a Line-API `ScrollView` whose height is the stored count of the
query and whose `render_line(y)` reads rows from an LRU cache of keyset pages. Only the rows on
screen are ever fetched or drawn, so 100,000 articles open as fast as five. Line 0 is the column
header; it stays put while the rows scroll under it.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import sqlite_utils
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from bientap.checks.text import visible
from bientap.store import articles, duplicates, presence
from bientap.store.articles import Query
from bientap.i18n import N_, _, current
from bientap.store.workflow import STATUS_LABELS, status_label
from bientap.tui.keys import localize_bindings

PAGE_SIZE = 100
MAX_PAGES = 64  # 6,400 rows cached at most
MAX_STRIPS = 512


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # English, marked N_(): shown as _(label)
    width: int  # 0 = takes the remaining width


# Left to right; columns are dropped in DROP_ORDER when the terminal is narrow.
COLUMNS = (
    Column("mark", "", 1),
    Column("status", N_("Status"), 10),
    Column("title", N_("Title"), 0),
    Column("source", N_("Source"), 14),
    Column("location", N_("Place"), 12),
    Column("date", N_("Date"), 10),
    Column("byline", N_("Byline"), 14),
    Column("counts", N_("Err/Wrn"), 7),
    Column("words", N_("Words"), 6),
    Column("updated", N_("Updated"), 11),
)
DROP_ORDER = ("updated", "words", "byline", "location", "source")
MIN_TITLE = 32
WIDE_TITLE = 90  # past this, extra width goes to the source and byline columns


@lru_cache(maxsize=16)
def layout(width: int) -> tuple[tuple[Column, int], ...]:
    """The columns that fit in `width` cells, each with its width (the title takes the rest)."""
    shown = list(COLUMNS)

    def fixed(cols):
        return sum(c.width for c in cols) + len(cols) - 1  # one space between columns

    for key in DROP_ORDER:
        if fixed(shown) + MIN_TITLE <= width:
            break
        shown = [c for c in shown if c.key != key]
    widths = {c.key: c.width for c in shown}
    spare = width - fixed(shown) - WIDE_TITLE
    # On a wide terminal the title stops growing first; sources and bylines get the rest.
    for key, most in (("source", 16), ("byline", 8), ("location", 4)):
        if spare > 0 and key in widths:
            grow = min(spare, most)
            widths[key] += grow
            spare -= grow
    title_width = max(8, width - sum(widths.values()) - (len(shown) - 1))
    return tuple((c, c.width and widths[c.key] or title_width) for c in shown)


def one_line(value: str | None) -> str:
    """A field as it may appear in one cell: controls as escapes, line breaks as ⏎."""
    if not value:
        return ""
    if value.isprintable():  # nothing to escape or replace (the usual case, checked in C)
        return value
    return visible(value).replace("\n", "⏎").replace("\t", " ")


# Characters rich measures as one cell each (checked one by one at import): a cell made of them
# alone is cut and padded by counting characters, not by measuring each one.
_ONE_CELL = frozenset(
    ch for ch in (*map(chr, range(0x20, 0x7F)), *map(chr, range(0xA0, 0x300)), *map(chr, range(0x1E00, 0x1F00)),
                  *map(chr, range(0x2010, 0x2060)), "⏎", "✓", "●")
    if ch.isprintable() and cell_len(ch) == 1
)


def fit(text: str, width: int) -> str:
    """`text` cut with "…" or padded with spaces to `width` cells — what rich's
    `Text.truncate(width, overflow="ellipsis", pad=True)` makes of it, without building a Text."""
    if _ONE_CELL.issuperset(text):
        length = len(text)
        if length > width:
            return text[:width - 1] + "…"
        return text + " " * (width - length)
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - length)


def shown_date(value: str | None) -> str:
    if not value:
        return ""
    day = value[:10]
    try:
        return dt.date.fromisoformat(day).strftime("%d/%m/%Y")
    except ValueError:
        return one_line(value)[:10]


def shown_time(value: str | None) -> str:
    if not value:
        return ""
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return one_line(value)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone()
    return stamp.strftime("%d/%m %H:%M")


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of the inbox; `cursor` is the index of the highlighted row in the query's order."""

    COMPONENT_CLASSES = {
        "article-list--header",
        "article-list--cursor",
        "article-list--marked",
        "article-list--errors",
        "article-list--warnings",
        "article-list--clean",
        "article-list--dim",
        "article-list--flag",
        "article-list--status-draft",
        "article-list--status-review",
        "article-list--status-ready",
        "article-list--status-published",
        "article-list--status-spiked",
    }

    BINDINGS = [
        Binding("j,down", "cursor_down", N_("Down"), id="list.down", show=False),
        Binding("k,up", "cursor_up", N_("Up"), id="list.up", show=False),
        Binding("g,home", "first", N_("First"), id="list.first", show=False),
        Binding("G,end", "last", N_("Last"), id="list.last", show=False),
        Binding("pagedown", "page_down", N_("Page down"), id="list.page_down", show=False),
        Binding("pageup", "page_up", N_("Page up"), id="list.page_up", show=False),
    ]

    def __init__(self, db: sqlite_utils.Database, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.db = db
        self.query_spec = Query()
        self.total = 0
        self.cursor = 0
        self.marked: set[int] = set()
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._strips: OrderedDict[tuple, Strip] = OrderedDict()
        self._generation = 0
        self._style_cache: dict[tuple[str, bool], Style] = {}
        # The newsroom data the desk checks with (Context.fingerprint); counts stored under another
        # are drawn as stale ("~2/5"). None: nothing is marked.
        self.fingerprint: str | None = None

    # ---- data ------------------------------------------------------------------------------------

    def show(self, query: Query, total: int, first_page: list[dict] | None = None, *,
             keep_cursor: bool = False) -> None:
        """Show `query` (with `total` rows); `first_page` may come ready from a worker.

        With `keep_cursor`, the cursor stays on the same article when it is still near (rows
        may have moved under it: another desk added or moved some), else on the same line.
        """
        cached = self._pages.get(self.cursor // PAGE_SIZE) or []
        offset = self.cursor % PAGE_SIZE
        current = cached[offset]["id"] if keep_cursor and offset < len(cached) else None
        self.query_spec = query
        self.total = total
        self._forget()
        if first_page is not None:
            self._pages[0] = self._annotated(first_page[:PAGE_SIZE])
        if keep_cursor:
            self.cursor = max(0, min(self.cursor, total - 1))
            if current is not None:
                self.cursor = self._find_near(current, self.cursor)
        else:
            self.cursor = 0
        self.virtual_size = Size(self.size.width, total + 1)
        if not keep_cursor:
            self.scroll_to(y=0, animate=False)
        self._scroll_cursor_into_view()
        self.refresh()

    def _find_near(self, article_id: int, index: int) -> int:
        """The index of `article_id` within a page of `index`, or `index` when it went further."""
        number = index // PAGE_SIZE
        for page_number in (number, number - 1, number + 1):
            if page_number < 0 or page_number * PAGE_SIZE >= self.total:
                continue
            for i, row in enumerate(self._page(page_number)):
                if row["id"] == article_id:
                    return page_number * PAGE_SIZE + i
        return index

    def reload(self, total: int) -> None:
        """The rows changed underneath (a save, another desk): drop the caches, keep the place."""
        self.show(self.query_spec, total, keep_cursor=True)

    def _forget(self) -> None:
        self._pages.clear()
        self._strips.clear()
        self._generation += 1

    def _page(self, number: int) -> list[dict]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        before = self._pages.get(number - 1)
        if before is not None and len(before) == PAGE_SIZE:
            page = articles.list_page(self.db, self.query_spec, after=before[-1]["_key"], limit=PAGE_SIZE)
        else:
            page = articles.list_page(self.db, self.query_spec, limit=PAGE_SIZE, offset=number * PAGE_SIZE)
        page = self._pages[number] = self._annotated(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _annotated(self, page: list[dict]) -> list[dict]:
        """Rows with who has them open (`_locked_by`, colleagues only) and their duplicate group."""
        ids = [row["id"] for row in page]
        me = articles.current_editor()
        locks = presence.locks_for(self.db, ids)
        groups = duplicates.duplicate_of(self.db, ids)
        for row in page:
            lock = locks.get(row["id"])
            row["_locked_by"] = lock.editor if lock is not None and lock.editor != me else None
            row["_duplicate_of"] = groups.get(row["id"])
        return page

    def row_at(self, index: int) -> dict | None:
        if not 0 <= index < self.total:
            return None
        page = self._page(index // PAGE_SIZE)
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def current_row(self) -> dict | None:
        return self.row_at(self.cursor)

    @property
    def current_id(self) -> int | None:
        row = self.current_row()
        return row["id"] if row else None

    def selection(self) -> list[int]:
        """The marked articles, or the current one when none is marked."""
        if self.marked:
            return sorted(self.marked)
        current = self.current_id
        return [current] if current is not None else []

    # ---- cursor ----------------------------------------------------------------------------------

    @property
    def rows_visible(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_to(self, index: int) -> None:
        index = max(0, min(index, self.total - 1))
        if index == self.cursor:
            return
        self.cursor = index
        self._scroll_cursor_into_view()
        self.refresh()
        self.call_after_refresh(self._prefetch)

    def _prefetch(self) -> None:
        """After the move is drawn: read the page a further page jump down would need, so that the
        jump does not wait on SQL. Only the next page in key order (a keyset read, never an OFFSET
        scan); the pages above were read on the way down and are still cached."""
        index = round(self.scroll_y) + 2 * self.rows_visible
        number = index // PAGE_SIZE
        if index < self.total and number not in self._pages and (number - 1) in self._pages:
            self._page(number)

    def _scroll_cursor_into_view(self) -> None:
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self.rows_visible:
            self.scroll_to(y=self.cursor - self.rows_visible + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.total - 1)

    def action_page_down(self) -> None:
        step = self.rows_visible
        self.scroll_to(y=round(self.scroll_y) + step, animate=False, immediate=True)
        self.move_to(self.cursor + step)

    def action_page_up(self) -> None:
        step = self.rows_visible
        self.scroll_to(y=max(0, round(self.scroll_y) - step), animate=False, immediate=True)
        self.move_to(self.cursor - step)

    def toggle_mark(self) -> None:
        current = self.current_id
        if current is None:
            return
        self.marked.symmetric_difference_update({current})
        self._strips.clear()
        self.refresh()

    def set_marks(self, ids: set[int]) -> None:
        self.marked = set(ids)
        self._strips.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self.move_to(round(self.scroll_y) + event.y - 1)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.total + 1)
        self._strips.clear()
        self._scroll_cursor_into_view()

    # ---- drawing ---------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._render_header(width)
        index = round(self.scroll_y) + y - 1
        row = self.row_at(index)
        if row is None:
            if y == 1 and self.total == 0:
                empty = "  " + _("(no articles)")
                return self._to_strip(Text(empty), width, self._style("") + self._style("article-list--dim"))
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor and self.total > 0
        key = (self._generation, index, width, is_cursor, row["id"] in self.marked, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, width, is_cursor, row["id"] in self.marked)
            self._strips[key] = strip
            while len(self._strips) > MAX_STRIPS:
                self._strips.popitem(last=False)
        return strip

    def on_mount(self) -> None:
        localize_bindings(self)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._strips.clear()

    def _style(self, name: str, partial: bool = True) -> Style:
        """A component style, or the widget's own for "" — looked up once per theme."""
        style = self._style_cache.get((name, partial))
        if style is None:
            style = self.rich_style if not name else self.get_component_rich_style(name, partial=partial)
            self._style_cache[(name, partial)] = style
        return style

    def _to_strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = [Segment(s.text, style + s.style if s.style else style) for s in
                    text.render(self.app.console) if s.text != "\n"]
        return Strip(segments).adjust_cell_length(width, style)

    def _render_header(self, width: int) -> Strip:
        key = ("header", width, current())
        strip = self._strips.get(key)
        if strip is None:
            style = self._style("") + self._style("article-list--header", partial=False)
            cells = []
            for column, cell_width in layout(width):
                cells.append(_cell(Text(_(column.label) if column.label else ""), cell_width))
            strip = self._strips[key] = self._to_strip(Text(" ").join(cells), width, style)
        return strip

    def _render_row(self, row: dict, width: int, is_cursor: bool, is_marked: bool) -> Strip:
        """One row as segments, built straight from strings: the same segments as joining one
        rich `Text` per cell and rendering it (unstyled runs merged, each styled cell its own
        segment), at a fraction of the cost — a page jump draws a whole screen of new rows."""
        style = self._style("")
        if is_marked:
            style += self._style("article-list--marked", partial=False)
        if is_cursor and self.has_focus:
            style += self._style("article-list--cursor", partial=False)
        elif is_cursor:
            style += Style(reverse=True, dim=True)
        labels = {status: status_label(status) for status in STATUS_LABELS}
        segments: list[Segment] = []
        plain: list[str] = []  # unstyled text waiting to be merged into one segment
        first = True
        for column, cell_width in layout(width):
            if not first:
                plain.append(" ")
            first = False
            for text, cell_style in self._cell_runs(column.key, row, labels, is_marked, cell_width):
                if cell_style:
                    if plain:
                        segments.append(Segment("".join(plain), style))
                        plain = []
                    segments.append(Segment(text, style + cell_style))
                else:
                    plain.append(text)
        if plain:
            segments.append(Segment("".join(plain), style))
        return Strip(segments).adjust_cell_length(width, style)

    def _cell_runs(self, key: str, row: dict, labels: dict, is_marked: bool,
                   width: int) -> list[tuple[str, Style | None]] | tuple[tuple[str, Style | None], ...]:
        """A cell fitted to `width`, as (text, style) runs; a falsy style means unstyled."""
        comp = self._style
        if key == "mark":
            return ((fit("●" if is_marked else " ", width), None),)
        if key == "status":
            status = row["status"]
            return ((fit(labels.get(status, status), width), comp(f"article-list--status-{status}")),)
        if key == "title":
            title = one_line(row["title"]) or _("(no title)")
            flags = []
            if row.get("_locked_by"):
                flags.append(_("editing: {editor}").format(editor=one_line(row["_locked_by"])))
            if row.get("_duplicate_of"):
                flags.append(f"≈#{row['_duplicate_of']}")
            if not flags:
                return ((fit(title, width), None),)
            flag = "[" + " · ".join(flags) + "] "
            room = width - cell_len(flag)
            if room < 8:  # a narrow column: the flag alone says the most
                return ((fit(flag, width), comp("article-list--flag")),)
            return ((flag, comp("article-list--flag")), (fit(title, room), None))
        if key == "source":
            return ((fit(one_line(row["source"]), width), comp("article-list--dim")),)
        if key == "location":
            return ((fit(one_line(row["location"]), width), None),)
        if key == "date":
            return ((fit(shown_date(row["published_at"]), width), None),)
        if key == "byline":
            return ((fit(one_line(row["byline"]), width), comp("article-list--dim")),)
        if key == "counts":
            errors, warnings = row["errors"] or 0, row["warnings"] or 0
            if self.fingerprint is not None and row.get("checked_with") != self.fingerprint:
                # Counted with another glossary, dictionary or house style: shown, marked, until re-checked.
                return ((fit(f"~{errors}/{warnings}", width), comp("article-list--dim")),)
            if not errors and not warnings:
                return ((fit("✓", width), comp("article-list--clean")),)
            text = _cell(Text.assemble(
                (str(errors), comp("article-list--errors") if errors else Style()),
                "/",
                (str(warnings), comp("article-list--warnings") if warnings else Style()),
            ), width)
            return [(s.text, s.style) for s in text.render(self.app.console)]
        if key == "words":
            return ((fit(str(row["word_count"] or 0).rjust(6), width), None),)
        if key == "updated":
            return ((fit(shown_time(row["updated_at"]), width), comp("article-list--dim")),)
        return ((fit("", width), None),)


def _cell(text: Text, width: int) -> Text:
    text = text.copy()
    text.truncate(width, overflow="ellipsis", pad=True)
    return text
