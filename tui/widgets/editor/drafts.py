"""Crash safety: the unsaved fields are written to the drafts table after a few seconds of
idleness (not a revision), and offered back when the article is opened again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text
from textual.app import App
from textual.message import Message
from textual.timer import Timer

from bientap.i18n import _
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.widgets.editor.form import split_tags
from bientap.tui.widgets.editor.session import ArticleSession


class Drafts:
    """Owns the autosave timer and the last draft written (`last`), so an unchanged one is not
    written again. It reads the editor through `fields` (every field as typed), `dirty` and `version`
    (what its text is based on), and asks it to take a draft back with a `Drafts.Restore` message."""

    class Restore(Message):
        """Put the draft's `fields` in the editor, based on `base_version` (or the editor's own
        version, if that is older): saving then goes through the conflict dialog."""

        def __init__(self, fields: dict, base_version: int) -> None:
            super().__init__()
            self.fields, self.base_version = fields, base_version

    def __init__(self, session: ArticleSession, app: App, *, post: Callable[[Message], object],
                 set_timer: Callable[..., Timer], delay: float, fields: Callable[[], dict],
                 dirty: Callable[[], bool], version: Callable[[], int]) -> None:
        self.session, self.app, self._post, self._set_timer, self.delay = session, app, post, set_timer, delay
        self._raw, self._dirty, self._version = fields, dirty, version
        self.last: dict | None = None
        self._timer: Timer | None = None

    def fields(self) -> dict:
        """The editor's fields as a draft keeps them (tags as a list)."""
        raw = self._raw()
        raw["tags"] = split_tags(raw["tags"])
        return raw

    def clear(self) -> None:
        """The article was loaded or saved: no draft of this text is on file."""
        self.last = None

    def restored(self) -> None:
        """The editor took the draft back: its fields are the draft on file."""
        self.last = self.fields()

    def restart(self) -> None:
        """Typing goes on: the draft is written `delay` seconds after it stops."""
        self.stop()
        self._timer = self._set_timer(self.delay, self.autosave)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def autosave(self) -> None:
        """Write the unsaved fields to the drafts table (not a revision)."""
        if not self._dirty():
            return
        fields = self.fields()
        if fields == self.last:
            return
        self.session.save_draft(fields, self._version())
        self.last = fields

    def offer(self) -> None:
        """A draft left from before (a crash, a closed terminal): offer it back."""
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
                self._post(self.Restore(draft.fields, draft.base_version))
            else:
                self.session.discard_draft()

        self.app.push_screen(ConfirmDialog(question), answer)
