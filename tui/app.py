"""The desk: a Textual app over the newsroom database. Screens do the work; this file wires them."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from store.db import open_db
from tui.palette import DeskCommands


class BientapApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "bientap"
    COMMANDS = App.COMMANDS | {DeskCommands}
    BINDINGS = [
        # ":" only where no text field takes it; Ctrl+P everywhere (Textual's own palette key).
        Binding("colon", "command_palette", "Bảng lệnh", id="app.palette", show=False),
        Binding("ctrl+p", "command_palette", "Bảng lệnh", id="app.palette_ctrl", show=False, priority=True),
    ]

    def __init__(self, db_path: Path, *, lang: str = "vi") -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.lang = lang
        # The main thread's connection: reads for drawing. Workers open their own.
        self.db = open_db(self.db_path)

    def on_mount(self) -> None:
        from tui.keys import localize_bindings
        from tui.screens.inbox import InboxScreen

        localize_bindings(self, self.lang, {"app.palette": "Commands", "app.palette_ctrl": "Commands"})
        self.push_screen(InboxScreen())

    def open_article(self, article_id: int) -> None:
        try:
            from tui.screens.editor import EditorScreen
        except ImportError as exc:
            self.notify(f"{'Chưa mở được bài' if self.lang != 'en' else 'Cannot open the article'}: {exc}",
                        severity="error", markup=False)
            return
        self.push_screen(EditorScreen(article_id))

    def on_app_focus(self) -> None:
        # Back from another window: another desk may have saved meanwhile.
        poll = getattr(self.screen, "poll_changes", None)
        if poll is not None:
            poll()

    def on_unmount(self) -> None:
        self.db.close()
