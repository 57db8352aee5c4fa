"""Crash safety: the unsaved fields are written to the drafts table after a few seconds of
idleness (not a revision), and offered back when the article is opened again."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.timer import Timer

from bientap.i18n import _
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.widgets.editor.form import split_tags
from bientap.tui.widgets.editor.session import ArticleSession

if TYPE_CHECKING:
    from bientap.tui.screens.editor import EditorScreen


class Drafts:
    """Owns the autosave timer and the last draft written (`last`), so an unchanged one is not
    written again."""

    def __init__(self, screen: EditorScreen, session: ArticleSession) -> None:
        self.screen, self.session = screen, session
        self.last: dict | None = None
        self._timer: Timer | None = None

    def fields(self) -> dict:
        """The editor's fields as a draft keeps them (tags as a list)."""
        raw = self.screen.raw()
        raw["tags"] = split_tags(raw["tags"])
        return raw

    def restart(self) -> None:
        """Typing goes on: the draft is written AUTOSAVE_DELAY seconds after it stops."""
        self.stop()
        self._timer = self.screen.set_timer(self.screen.AUTOSAVE_DELAY, self.autosave)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def autosave(self) -> None:
        """Write the unsaved fields to the drafts table (not a revision)."""
        if not self.screen.dirty:
            return
        fields = self.fields()
        if fields == self.last:
            return
        self.session.save_draft(fields, self.screen.version)
        self.last = fields

    def offer(self) -> None:
        """A draft left from before (a crash, a closed terminal): offer it back."""
        screen = self.screen
        draft = self.session.load_draft()
        if draft is None:
            return
        current = self.fields()
        restored = {**current, **draft.fields}
        if restored == current:
            self.session.discard_draft()
            return
        when = dt.datetime.fromisoformat(draft.saved_at).astimezone().strftime("%H:%M %d/%m/%Y")
        question = Text(_("There is an unsaved draft of this article (from {when}). Restore it?").format(when=when))

        def answer(ok: bool | None) -> None:
            if ok:
                # Based on an older version: saving then goes through the conflict dialog.
                screen.restore_fields(draft.fields, min(screen.version, draft.base_version))
                self.last = self.fields()
            else:
                self.session.discard_draft()

        screen.app.push_screen(ConfirmDialog(question), answer)
