"""The command palette (`:` or Ctrl+P): every action of the screen underneath, plus filters by the
sources and places in the database. Source and place names come from articles, so hits are built
from `Content` (the stock fuzzy highlighter would parse them as markup). `DeskPalette` is Textual's
palette speaking the run's language."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Callable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.widgets.option_list import Option

from bientap.checks.text import fold
from bientap.i18n import _
from bientap.store import articles
from bientap.store.db import open_db
from bientap.tui.widgets.article_list import one_line


def highlight(matcher, candidate: str) -> Content:
    """The candidate as plain text with the matched letters styled (matched without diacritics)."""
    content = Content(candidate)
    folded = fold(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, folded)
    if score and len(folded) == len(candidate):
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def distinct_values(db_path, column: str, limit: int = 40) -> list[str]:
    """The most common values of `column` (source or location) — read in a worker thread."""
    db = open_db(db_path, migrate=False)
    try:
        return articles.common_values(db, column, limit)
    finally:
        db.close()


class DeskPalette(CommandPalette):
    """Textual's command palette with its "No matches found" in the run's language (the app gives
    it a translated placeholder)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, but for the words (it writes them in a closure no hook reaches).
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class DeskCommands(Provider):
    """Every command of the desk, Textual's own (Theme, Quit...) among them: one provider, so that
    all of them are found without diacritics ("giao dien" finds "Giao diện")."""

    def _actions(self) -> list[tuple[str, str, Callable]]:
        """(label, help, callback) for Textual's commands, every bound action of the screen, then extra ones."""
        screen = self.screen
        seen: set[tuple[int, str]] = set()
        system = [c for c in self.app.get_system_commands(screen) if c.discover]
        out = [(c.title, escape(c.help), c.callback) for c in sorted(system, key=lambda c: c.title)]
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or (id(active.node), binding.action) in seen:
                continue
            seen.add((id(active.node), binding.action))
            keys = escape(self.app.get_key_display(binding))  # the palette reads help as markup
            out.append((binding.description, keys,
                        partial(self.app.run_action, binding.action, active.node)))
        extra = getattr(screen, "palette_actions", None)
        if extra is not None:
            out.extend((label, "", callback) for label, callback in extra())
        from bientap.tui.screens.glossary import palette_commands

        out.extend(palette_commands(self.app))
        return out

    async def startup(self) -> None:
        self._values: list[tuple[str, str, Callable]] = []
        screen = self.screen
        if not hasattr(screen, "set_filters"):
            return
        sources, places = await asyncio.gather(
            asyncio.to_thread(distinct_values, self.app.db_path, "source"),
            asyncio.to_thread(distinct_values, self.app.db_path, "location"),
        )
        q = screen.query_spec
        for value in sources:
            label = _("Filter by source: {source}").format(source=one_line(value))
            self._values.append((label, "", partial(
                screen.set_filters, source=value, location=q.location, date_from=q.date_from, date_to=q.date_to)))
        for value in places:
            label = _("Filter by place: {place}").format(place=one_line(value))
            self._values.append((label, "", partial(
                screen.set_filters, source=q.source, location=value, date_from=q.date_from, date_to=q.date_to)))

    async def discover(self) -> Hits:
        for label, help_text, callback in self._actions():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text or None)

    async def search(self, query: str) -> Hits:
        # Folded on both sides: "can tho" finds "Lọc theo nơi: Cần Thơ".
        matcher = self.matcher(fold(unicodedata.normalize("NFC", query)))
        for label, help_text, callback in [*self._actions(), *self._values]:
            score = matcher.match(fold(label))
            if score > 0:
                yield Hit(score, highlight(matcher, label), callback, text=label, help=help_text or None)
