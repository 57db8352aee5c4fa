"""The inbox: every article with its problems counted — triage from the keyboard.

Tabs per status (counts stored in `status_counts`, never recounted on open), search as you type
(folded FTS5, debounced in a worker), filters, sort, marks, and the workflow actions on the marked
articles (or the current one). Anything slower than a frame runs in a thread worker with its own
database connection; results come back as messages.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import replace
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from bientap.store import articles, duplicates, presence, views
from bientap.store.articles import STATUSES, Query
from bientap.store.checking import ASKED, BACKGROUND
from bientap.store.db import StoreError, data_version
from bientap.store.workflow import GATED, StatusReport, status_label
from bientap.checks.text import visible
from bientap.i18n import N_, _, ngettext
from bientap.i18n import current as current_language
from bientap.tui.dates import display_date
from bientap.tui.keys import localize_bindings
from bientap.tui.widgets.article_list import PAGE_SIZE, ArticleList, one_line

SORT_CYCLE = ("date", "updated", "title", "errors")
# The order shown in the info line, and the palette's command for it: whole phrases for the translator.
SORTED_BY = {"date": N_("sorted by date"), "updated": N_("sorted by last edit"),
             "title": N_("sorted by title (A→Z)"), "errors": N_("sorted by errors")}
SORT_BY = {"date": N_("Sort by date"), "updated": N_("Sort by last edit"), "title": N_("Sort by title (A→Z)"),
           "errors": N_("Sort by errors")}
# The number keys' filters, one whole phrase per status for the translator.
STATUS_FILTERS = {"draft": N_("Show: Draft"), "review": N_("Show: Review"), "ready": N_("Show: Ready"),
                  "published": N_("Show: Published"), "spiked": N_("Show: Spiked")}
SEARCH_DELAY = 0.15  # seconds of quiet typing before the search runs
POLL_SECONDS = 1.0  # how often to look for another desk's changes (PRAGMA data_version)


def open_worker_db(path: Path):
    """A connection for one worker thread (sqlite3 connections stay in their thread)."""
    from bientap.store.db import open_db

    return open_db(path, migrate=False)


class QueryLoaded(Message):
    def __init__(self, seq: int, query: Query, total: int, first_page: list[dict], keep_cursor: bool) -> None:
        super().__init__()
        self.seq, self.query, self.total, self.first_page = seq, query, total, first_page
        self.keep_cursor = keep_cursor


class StatusDone(Message):
    def __init__(self, report: StatusReport | None, error: str = "") -> None:
        super().__init__()
        self.report, self.error = report, error


class StaleRechecked(Message):
    """The background job brought every stale count up to date."""


class Notice(Message):
    """Something a worker has to say: `text` is plain, never markup."""

    def __init__(self, text: str, severity: str = "information") -> None:
        super().__init__()
        self.text, self.severity = text, severity


class WorkDone(Notice):
    """A background job changed the database: say so and reload the list."""


class InboxScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="inbox.open"),
        # priority: checked as the key arrives, so letters typed right after "/" land in the search
        Binding("slash,ctrl+f", "search", N_("Search"), id="inbox.search", priority=True),
        Binding("escape", "clear_search", N_("Clear search"), id="inbox.clear_search", show=False),
        Binding("space", "mark", N_("Mark"), id="inbox.mark", key_display="␣"),
        Binding("insert", "mark", N_("Mark"), id="inbox.mark", show=False),
        Binding("asterisk,ctrl+a", "mark_all", N_("Mark all shown"), id="inbox.mark_all", show=False),
        Binding("u,ctrl+u", "unmark", N_("Unmark all"), id="inbox.unmark", show=False),
        Binding("s,f2", "set_status", N_("Status"), id="inbox.status"),
        Binding("e,f4", "export", N_("Export"), id="inbox.export"),
        Binding("a", "assign", N_("Assign"), id="inbox.assign", show=False),
        Binding("m", "toggle_mine", N_("Assigned to me"), id="inbox.mine", show=False),
        Binding("v", "cycle_view", N_("View"), id="inbox.view", show=False),
        Binding("d", "duplicates", N_("Duplicates"), id="inbox.duplicates", show=False),
        Binding("r,f5", "recheck", N_("Re-check"), id="inbox.recheck", show=False),
        Binding("o,f6", "cycle_sort", N_("Sort"), id="inbox.sort", show=False),
        Binding("f,f7", "filters", N_("Filter"), id="inbox.filters", show=False),
        Binding("0", "show_status('')", N_("All"), id="inbox.status_all", show=False),
        *(Binding(str(n), f"show_status('{s}')", STATUS_FILTERS[s], id=f"inbox.status_{s}", show=False)
          for n, s in enumerate(STATUSES, 1)),
        Binding("right", "next_tab", N_("Next tab"), id="inbox.next_tab", show=False),
        Binding("left", "previous_tab", N_("Previous tab"), id="inbox.previous_tab", show=False),
        Binding("question_mark,f1", "help", N_("Help"), id="inbox.help"),
        Binding("q,f10", "app.quit", N_("Quit"), id="inbox.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_spec = Query()
        self._views: tuple[views.View, ...] = views.DEFAULT_VIEWS
        self._view = 0  # which saved view is shown (0: all)
        self._last_look: str | None = None  # when this editor last opened the desk
        self._seq = 0
        self._data_version: int | None = None
        self._counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="tabs", markup=False)
        yield Input(id="search", placeholder=_("Search (accents optional)…"))
        yield Static(id="info", markup=False)
        yield ArticleList(self.app.db, id="articles")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        localize_bindings(self)
        article_list = self.list
        self.query_one("#search", Input).display = False
        self._counts = articles.status_counts(self.app.db)
        total = articles.count(self.app.db, self.query_spec)
        article_list.show(self.query_spec, total)
        article_list.focus()
        self._render_bars()
        self._data_version = self._db_version()
        self.set_interval(POLL_SECONDS, self.poll_changes)
        try:
            self._views = views.load_views()
        except views.ViewsError as exc:
            self.notify(visible(str(exc)), severity="error", markup=False, timeout=10)
        try:
            self._last_look = views.begin_look(self.app.db, articles.current_editor())
        except StoreError:  # a database we may only read: nothing is remembered, "changed" shows all
            self._last_look = None
        self.data_changed()

    def data_changed(self) -> None:
        """The newsroom's glossary, dictionary or house style may have changed: counts stored with
        other data show as stale, and a background job re-checks them, newest first."""
        from bientap.store.context import load_context

        try:
            fingerprint = load_context(self.app.db).fingerprint
        except Exception as exc:  # a broken style.toml: the editor reads why; nothing is marked
            self.notify(visible(str(exc)), severity="error", markup=False)
            return
        if fingerprint != self.list.fingerprint:
            self.list.fingerprint = fingerprint
            self.list.reload(self.list.total)
        self._recheck_stale()

    @work(thread=True, exclusive=True, group="stale")
    def _recheck_stale(self) -> None:
        from bientap.store.workflow import recheck_stale

        worker = get_current_worker()
        try:
            db = open_worker_db(self.app.db_path)
            try:
                done = recheck_stale(db, should_stop=lambda: worker.is_cancelled,
                                     assess=self.app.checks.assessor(BACKGROUND))
            finally:
                db.close()
        except Exception as exc:
            self.post_message(Notice(_("Re-check failed: {error}").format(error=exc), "error"))
            return
        if done:
            self.post_message(StaleRechecked())

    def on_stale_rechecked(self, message: StaleRechecked) -> None:
        self.refresh_data()

    @property
    def list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    # ---- loading ---------------------------------------------------------------------------------

    def load(self, query: Query, *, delay: float = 0.0, keep_cursor: bool = False) -> None:
        """Show `query`. Plain status/sort views are counted from the stored totals at once;
        searches and filters count and fetch their first page in a worker."""
        self.query_spec = query
        self._seq += 1
        self._render_bars()
        if query == Query(status=query.status, sort=query.sort):
            self.list.show(query, articles.count(self.app.db, query), keep_cursor=keep_cursor)
            self._render_bars()
            return
        self._run_query(self._seq, query, delay, keep_cursor)

    @work(thread=True, exclusive=True, group="query")
    def _run_query(self, seq: int, query: Query, delay: float, keep_cursor: bool) -> None:
        if delay:
            time.sleep(delay)
        if get_current_worker().is_cancelled:
            return
        try:
            db = open_worker_db(self.app.db_path)
            try:
                first = articles.list_page(db, query, limit=PAGE_SIZE)
                total = len(first) if len(first) < PAGE_SIZE else articles.count(db, query)
            finally:
                db.close()
        except Exception as exc:  # the list stays as it was; the editor reads why
            self.post_message(Notice(_("Cannot load the list: {error}").format(error=exc), "error"))
            return
        self.post_message(QueryLoaded(seq, query, total, first, keep_cursor))

    def on_query_loaded(self, message: QueryLoaded) -> None:
        if message.seq != self._seq:
            return  # a newer query was asked for meanwhile
        self.list.show(message.query, message.total, message.first_page, keep_cursor=message.keep_cursor)
        self._render_bars()

    def refresh_data(self) -> None:
        """Reload counts and the visible rows after a change (ours or another desk's)."""
        self._counts = articles.status_counts(self.app.db)
        self._data_version = self._db_version()
        self.load(self.query_spec, keep_cursor=True)

    def _db_version(self) -> int:
        return data_version(self.app.db)

    def poll_changes(self) -> None:
        """Reload when the database changed since we last looked (another desk, a CLI import)."""
        if self._db_version() != self._data_version:
            self.refresh_data()

    def on_screen_resume(self) -> None:
        # Back from the editor: its saves use this connection, which data_version does not count.
        if self._data_version is not None:
            self.refresh_data()

    # ---- bars ------------------------------------------------------------------------------------

    def _render_bars(self) -> None:
        tabs = Text(no_wrap=True, overflow="ellipsis")
        entries = [("", "0", _("All"), sum(self._counts.values()))]
        entries += [(s, str(n), status_label(s), self._counts.get(s, 0)) for n, s in enumerate(STATUSES, 1)]
        for status, key, label, n in entries:
            active = (self.query_spec.status or "") == status
            tabs.append(f" {key} ", style="dim" if not active else "bold reverse")
            tabs.append(f"{label} {n} ", style="bold reverse" if active else "")
            tabs.append("│", style="dim")
        self.query_one("#tabs", Static).update(tabs)

        q = self.query_spec
        info = Text(no_wrap=True, overflow="ellipsis")
        total = self.list.total
        info.append(ngettext("{n} article", "{n} articles", total).format(n=total), style="bold")
        info.append(" · ")
        info.append(_(SORTED_BY[q.sort]))
        if q.search:
            info.append(" · " + _("search:") + " ")
            info.append(one_line(q.search), style="bold")
        for label, value in ((N_("source:"), q.source), (N_("place:"), q.location),
                             (N_("from:"), display_date(q.date_from)), (N_("to:"), display_date(q.date_to))):
            if value:
                info.append(" · " + _(label) + " ")
                info.append(one_line(value), style="bold")
        if self._view:
            info.append(" · ")
            info.append(one_line(self._views[self._view].label(current_language())), style="bold reverse")
        if q.assignee and not self._views[self._view].assigned:
            info.append(" · ")
            info.append(_("assigned to me"), style="bold")
        if self.list.marked:
            marked = len(self.list.marked)
            info.append(" · ")
            info.append(ngettext("{n} marked", "{n} marked", marked).format(n=marked), style="bold")
        self.query_one("#info", Static).update(info)

    # ---- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        # Focus now, not via call_later: keys typed right after "/" are already queued.
        self.set_focus(search)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and self.focused is self.query_one("#search", Input):
            return False  # "/" is typed into the search, not a new search
        return True

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        words = unicodedata.normalize("NFC", event.value)
        if words != self.query_spec.search:
            self.load(replace(self.query_spec, search=words), delay=SEARCH_DELAY)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        words = unicodedata.normalize("NFC", event.value)
        if not words.strip():
            self.query_one("#search", Input).display = False
        if words != self.query_spec.search or self.workers:
            self.load(replace(self.query_spec, search=words))
        self.set_focus(self.list)

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.set_focus(self.list)
        if self.query_spec.search:
            self.load(replace(self.query_spec, search=""))

    # ---- views -----------------------------------------------------------------------------------

    def action_show_status(self, status: str) -> None:
        self.load(replace(self.query_spec, status=status or None))

    def _step_tab(self, step: int) -> None:
        order = ("", *STATUSES)
        current = order.index(self.query_spec.status or "")
        self.action_show_status(order[(current + step) % len(order)])

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def action_cycle_sort(self) -> None:
        current = SORT_CYCLE.index(self.query_spec.sort) if self.query_spec.sort in SORT_CYCLE else -1
        self.load(replace(self.query_spec, sort=SORT_CYCLE[(current + 1) % len(SORT_CYCLE)]))

    def set_filters(self, *, source: str | None = None, location: str | None = None,
                    date_from: str | None = None, date_to: str | None = None) -> None:
        self.load(replace(self.query_spec, source=source or None, location=location or None,
                          date_from=date_from or None, date_to=date_to or None))

    def action_filters(self) -> None:
        from bientap.tui.dialogs.filters import FilterDialog

        def apply(values: dict | None) -> None:
            if values is not None:
                self.set_filters(**values)

        q = self.query_spec
        self.app.push_screen(FilterDialog(source=q.source, location=q.location, date_from=q.date_from,
                                          date_to=q.date_to), apply)

    def action_clear_filters(self) -> None:
        self.set_filters()

    # ---- marks -----------------------------------------------------------------------------------

    def action_mark(self) -> None:
        self.list.toggle_mark()
        self.list.action_cursor_down()
        self._render_bars()

    def action_mark_all(self) -> None:
        from bientap.store.workflow import matching_ids

        self.list.set_marks(self.list.marked | set(matching_ids(self.app.db, self.query_spec)))
        self._render_bars()

    def action_unmark(self) -> None:
        self.list.set_marks(set())
        self._render_bars()

    # ---- actions on the selection ----------------------------------------------------------------

    def action_open(self) -> None:
        article_id = self.list.current_id
        if article_id is not None:
            self.app.open_article(article_id)

    def action_set_status(self) -> None:
        from bientap.tui.dialogs.status import StatusDialog

        ids = self.list.selection()
        if not ids:
            return

        def chosen(status: str | None) -> None:
            if status:
                self.move_to_status(ids, status)

        self.app.push_screen(StatusDialog(len(ids)), chosen)

    def move_to_status(self, ids: list[int], status: str) -> None:
        if status in GATED and len(ids) > 1:
            n = len(ids)
            self.notify(ngettext("Checking {n} article before moving it…",
                                 "Checking {n} articles before moving them…", n).format(n=n), markup=False)
        self._set_status_worker(list(ids), status)

    @work(thread=True, group="status")
    def _set_status_worker(self, ids: list[int], status: str) -> None:
        from bientap.store.workflow import set_status

        db = open_worker_db(self.app.db_path)
        try:
            report = set_status(db, ids, status, assess=self.app.checks.assessor(ASKED))
        except Exception as exc:  # shown to the editor; the list stays as it was
            self.post_message(StatusDone(None, f"{type(exc).__name__}: {exc}"))
            return
        finally:
            db.close()
        self.post_message(StatusDone(report))

    def on_status_done(self, message: StatusDone) -> None:
        if message.report is None:
            self.notify(message.error, severity="error", markup=False)
            return
        report = message.report
        label = status_label(report.status)
        if report.moved:
            n = len(report.moved)
            self.notify(ngettext("Moved {n} article to “{status}”.", "Moved {n} articles to “{status}”.", n)
                        .format(n=n, status=label), markup=False)
        if report.conflicts:
            n = len(report.conflicts)
            self.notify(ngettext("{n} article was changed by someone else meanwhile; not moved.",
                                 "{n} articles were changed by someone else meanwhile; not moved.", n).format(n=n),
                        severity="warning", markup=False)
        self.list.set_marks(self.list.marked - set(report.moved))
        self.refresh_data()
        if report.refused:
            from bientap.tui.screens.checklist import ChecklistScreen

            titles = {i: articles.title_of(self.app.db, i) for i in report.refused}
            self.app.push_screen(ChecklistScreen(report, titles))

    def action_recheck(self) -> None:
        ids = self.list.selection()
        if ids:
            n = len(ids)
            self.notify(ngettext("Re-checking {n} article…", "Re-checking {n} articles…", n).format(n=n), markup=False)
            self._recheck_worker(ids)

    def action_recheck_all(self) -> None:
        from bientap.store.workflow import matching_ids

        ids = matching_ids(self.app.db, self.query_spec)
        if ids:
            self._recheck_worker(ids)

    @work(thread=True, group="recheck")
    def _recheck_worker(self, ids: list[int]) -> None:
        from bientap.store.workflow import recheck

        try:
            db = open_worker_db(self.app.db_path)
            try:
                changed = recheck(db, ids, assess=self.app.checks.assessor(ASKED))
            finally:
                db.close()
        except Exception as exc:
            self.post_message(Notice(_("Re-check failed: {error}").format(error=exc), "error"))
            return
        self.post_message(WorkDone(ngettext("Re-checked {n} article; {changed} changed counts.",
                                            "Re-checked {n} articles; {changed} changed counts.", len(ids))
                                   .format(n=len(ids), changed=changed)))

    @on(Notice)  # WorkDone too: @on matches subclasses, the on_* naming does not
    def _notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity, markup=False)
        if isinstance(message, WorkDone):
            self.refresh_data()

    # ---- assignment and duplicates ----------------------------------------------------------------

    def action_assign(self) -> None:
        from bientap.tui.dialogs.assign import AssignDialog

        ids = self.list.selection()
        if not ids:
            return

        def chosen(name: str | None) -> None:
            if name is None:
                return
            try:
                presence.assign(self.app.db, ids, name)
            except (articles.NotFound, ValueError, StoreError) as exc:
                self.notify(visible(str(exc)), severity="error", markup=False)
                return
            who = name.strip()
            n = len(ids)
            if who:
                text = ngettext("Assigned {n} article to {editor}.", "Assigned {n} articles to {editor}.", n)
            else:
                text = ngettext("Unassigned {n} article.", "Unassigned {n} articles.", n)
            self.notify(text.format(n=n, editor=who), markup=False)
            self.refresh_data()

        self.app.push_screen(AssignDialog(len(ids), articles.current_editor()), chosen)

    def action_cycle_view(self) -> None:
        """The next saved view (v): all, imported today, with errors, changed since I last looked,
        assigned to me, then the newsroom's own from desk.toml."""
        self._view = (self._view + 1) % len(self._views)
        view = self._views[self._view]
        self.load(views.query_for(view, self.query_spec, editor=articles.current_editor(),
                                  last_look=self._last_look))
        self.notify(view.label(current_language()), markup=False, timeout=2)

    def action_toggle_mine(self) -> None:
        """The view "giao cho tôi": only the articles assigned to this editor (m again: all)."""
        mine = None if self.query_spec.assignee else articles.current_editor()
        self.load(replace(self.query_spec, assignee=mine))

    def action_duplicates(self) -> None:
        from bientap.tui.screens.duplicates import DuplicatesScreen

        article_id = self.list.current_id
        if article_id is None:
            return
        try:
            members = duplicates.group(self.app.db, article_id)
        except articles.NotFound:
            return  # deleted by another desk meanwhile
        if len(members) < 2:
            self.notify(_("This article has no near-duplicates."), markup=False)
            return
        self.app.push_screen(DuplicatesScreen(article_id))

    def action_export(self) -> None:
        from bientap.tui.dialogs.export import ExportDialog

        ids = self.list.selection()
        if not ids:
            return

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer:
                self._export_worker(ids, *answer)

        self.app.push_screen(ExportDialog(len(ids)), chosen)

    @work(thread=True, group="export")
    def _export_worker(self, ids: list[int], fmt: str, folder: str) -> None:
        from bientap.store.export import ExportOutcome, export_articles

        try:
            db = open_worker_db(self.app.db_path)
            try:
                report = export_articles(db, ids, fmt, Path(folder).expanduser())
            finally:
                db.close()
        except Exception as exc:  # folder not writable, unknown format...: one clear line
            self.post_message(Notice(_("Export failed: {error}").format(error=exc), "error"))
            return
        written, unchanged, skipped = report.count(ExportOutcome.WRITTEN), report.count(ExportOutcome.UNCHANGED), len(report.skipped)
        parts = [ngettext("Exported {n} article to {folder}", "Exported {n} articles to {folder}", written)
                 .format(n=written, folder=report.out_dir)]
        if unchanged:
            parts.append(ngettext("{n} unchanged", "{n} unchanged", unchanged).format(n=unchanged))
        if skipped:
            parts.append(ngettext("skipped {n} (a different file exists)", "skipped {n} (a different file exists)",
                                  skipped).format(n=skipped))
        text = "; ".join(parts)
        self.post_message(Notice(text, "warning" if report.skipped else "information"))

    def palette_actions(self) -> list[tuple[str, object]]:
        """Actions without a key of their own, for the command palette."""
        out = [(_("Clear all filters"), self.action_clear_filters),
               (_("Re-check every article shown"), self.action_recheck_all)]
        for sort in SORT_CYCLE:
            out.append((_(SORT_BY[sort]), partial(self.load, replace(self.query_spec, sort=sort))))
        return out

    def action_help(self) -> None:
        from bientap.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))
