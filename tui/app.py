"""The desk: a Textual app over the newsroom database. Screens do the work; this file wires them."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.screen import Screen
from textual.widget import AwaitMount

from bientap.checks import collector
from bientap.i18n import N_, _
from bientap.store import articles
from bientap.store.checking import BACKGROUND, CheckService
from bientap.store.db import open_db
from bientap.tui.palette import DeskCommands, DeskPalette


def warm_up(db_path: Path, checks: CheckService) -> None:
    """Import the editor (and with it the rules' registry), and have the check process check the
    newest article once (its word caches), so the first article opened is warm. Best effort: any
    failure here shows up again, properly reported, when an article is opened."""
    try:
        import bientap.tui.screens.editor  # noqa: F401
        from bientap.store.context import ArticleChecker, load_context

        db = open_db(db_path, readonly=True, migrate=False)
        try:
            article = articles.newest(db)
            if article is not None:
                checks.submit(ArticleChecker(load_context(db)), article.editable(), priority=BACKGROUND)
        finally:
            db.close()
    except Exception:  # noqa: BLE001 - a warm-up must never take the desk down
        pass


class BientapApp(App):
    # The editor's stylesheet is read with the app's: read on the first open, it would reparse
    # every stylesheet and restyle the whole app in the middle of that open.
    CSS_PATH = ["app.tcss", "screens/editor.tcss"]
    TITLE = "bientap"
    COMMANDS = {DeskCommands}  # Textual's system commands too (get_system_commands, below)
    BINDINGS = [
        # ":" only where no text field takes it; Ctrl+P everywhere (Textual's own palette key).
        Binding("colon", "command_palette", N_("Command palette"), id="app.palette", show=False),
        Binding("ctrl+p", "command_palette", N_("Command palette"), id="app.palette_ctrl", show=False,
                priority=True),
    ]

    def __init__(self, db_path: Path, *, lang: str = "vi", ask_user: bool = False) -> None:
        from bientap.tui.language import use

        # One language for the whole desk (and every word of it respelt in the house's tone marks);
        # before Textual is set up, so its own words are looked up in it too.
        use(lang)
        super().__init__()
        self.db_path = Path(db_path)
        self.ask_user = ask_user  # ask who is at the desk before the inbox (a desk served in a browser)
        # The main thread's connection: reads for drawing. Workers open their own.
        self.db = open_db(self.db_path)
        # Every check the desk runs goes to its check process, under a time budget.
        self.checks = CheckService()
        self._heap_lock = threading.Lock()
        self._heap_closed = False
        self._collector_paused = False

    def on_mount(self) -> None:
        from bientap.tui.keys import localize_bindings
        from bientap.tui.screens.inbox import InboxScreen

        localize_bindings(self)
        self.checks.start()  # spawned in the background; warm by the time an article is opened
        if self.ask_user:
            from bientap.tui.dialogs.login import LoginDialog

            self.push_screen(LoginDialog(), self._logged_in)
        else:
            self.push_screen(InboxScreen())
        self.set_timer(self.WARM_UP_DELAY, self._warm_up)

    def _logged_in(self, name: str | None) -> None:
        import os

        from bientap.tui.screens.inbox import InboxScreen

        # This desk process is this editor: every store call reads it (bientap.store.articles.current_editor).
        os.environ["BIENTAP_USER"] = name or ""
        self.push_screen(InboxScreen())

    WARM_UP_DELAY = 0.2  # seconds after start-up (the inbox is drawn by then)

    def _warm_up(self) -> None:
        """Load what opening the first article needs (the editor module, the rules) in a background
        thread while the editor reads the inbox."""
        threading.Thread(target=self._warm_up_thread, name="bientap-warm-up", daemon=True).start()

    def _warm_up_thread(self) -> None:
        warm_up(self.db_path, self.checks)
        self._freeze_heap()

    # ---- Textual's own words, in the desk's language (frameworks.po: Textual marks none of them) ----

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(DeskPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def search_commands(self, commands: Sequence[CommandListItem], placeholder: str | None = None) -> AwaitMount:
        return self.push_screen(DeskPalette(providers=[SimpleProvider(self.screen, commands)],
                                            placeholder=placeholder or _("Search for commands…")))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(DeskPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def open_article(self, article_id: int) -> None:
        try:
            from bientap.tui.screens.editor import EditorScreen
        except ImportError as exc:
            self.notify(_("Cannot open the article: {error}").format(error=exc), severity="error", markup=False)
            return
        self._pause_collector()
        self.push_screen(EditorScreen(article_id))

    # The desk's garbage collection (bientap.checks.collector says what measured each): what is alive
    # after the warm-up lives as long as the desk and is frozen out of the collector's sight; the
    # collector waits while an article's editor is built and drawn. Both are undone when the app
    # ends. Textual's own pause while scrolling (App.PAUSE_GC_ON_SCROLL) is off here.
    GC_PAUSE_SECONDS = 0.5  # long enough for the editor's first paint

    def _freeze_heap(self) -> None:
        with self._heap_lock:  # the warm-up thread may finish after the app ended
            if not self._heap_closed:
                collector.freeze_survivors()

    def _pause_collector(self) -> None:
        if self._collector_paused:
            return
        collector.pause()
        self._collector_paused = True
        self.set_timer(self.GC_PAUSE_SECONDS, self._resume_collector)

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            collector.resume()

    def newsroom_data_changed(self) -> None:
        """The glossary, the dictionary or an article's ignores changed: every open editor checks
        again with them, and the inbox shows counts computed with the old data as stale."""
        for screen in self.screen_stack:
            for handler in ("reload_checker", "data_changed"):
                method = getattr(screen, handler, None)
                if method is not None:
                    method()

    def on_app_focus(self) -> None:
        # Back from another window: another desk may have saved meanwhile.
        poll = getattr(self.screen, "poll_changes", None)
        if poll is not None:
            poll()

    def on_unmount(self) -> None:
        with self._heap_lock:
            self._heap_closed = True
            collector.thaw()
        self._resume_collector()
        self.checks.close()
        self.db.close()
