"""This desk's soft lock on the open article (bientap.store.presence): taken when the editor opens
it, kept alive by a heartbeat, given back on leaving. When a colleague has the article open, the
editor chooses: read it without editing, take it over (recorded in its history; their next save
meets a conflict, their text is never lost), or go back."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import App
from textual.message import Message

from bientap.checks.text import visible
from bientap.i18n import _
from bientap.store import presence
from bientap.store.db import StoreError
from bientap.tui.dialogs.choice import ChoiceDialog, keyed
from bientap.tui.widgets.editor.session import ArticleSession


class SoftLock:
    """Owns whether this desk holds the article's lock (`held`) and its heartbeat. What the editor
    should do about it goes up as messages: `Taken`, `ReadOnly`, `Lost`, `Leave`."""

    class Taken(Message):
        """This desk holds the lock now; `took_over`: from a colleague (a revision of its own)."""

        def __init__(self, took_over: bool) -> None:
            super().__init__()
            self.took_over = took_over

    class ReadOnly(Message):
        """Read the article without editing: a colleague edits it, or the database cannot take the lock."""

    class Lost(Message):
        """A colleague took the article over: keep this desk's text as a draft, read only."""

    class Leave(Message):
        """The editor chose to go back rather than read the article or take it over."""

    def __init__(self, session: ArticleSession, app: App, *, post: Callable[[Message], object],
                 set_interval: Callable[..., object]) -> None:
        self.session, self.app, self._post, self._set_interval = session, app, post, set_interval
        self.held = False

    def take(self) -> None:
        """On opening: take the lock (or ask, when a colleague holds it) and start beating."""
        self._set_interval(presence.HEARTBEAT_SECONDS, self._beat)
        try:
            self.session.take_lock()
        except presence.Locked as held:
            self._ask(held.lock)
            return
        except StoreError as exc:  # a database this desk may only read: the article can be read
            self.app.notify(visible(str(exc)), severity="warning", markup=False)
            self._post(self.ReadOnly())
            return
        self.held = True
        self._post(self.Taken(took_over=False))

    def _ask(self, lock: presence.Lock) -> None:
        since = lock.since[11:16] if len(lock.since) >= 16 else lock.since
        question = Text(_("{editor} is editing this article (since {time} UTC, on {host}).")
                        .format(editor=lock.editor, time=since, host=lock.host))

        def chosen(answer: str | None) -> None:
            if answer == "take":
                try:
                    self.session.take_lock(take_over=True)
                except StoreError as exc:
                    self.app.notify(visible(str(exc)), severity="error", markup=False)
                    self._post(self.ReadOnly())
                    return
                self.held = True
                self._post(self.Taken(took_over=True))
                self.app.notify(_("Took the article over from {editor}.").format(editor=lock.editor), markup=False)
            elif answer == "read":
                self._post(self.ReadOnly())
            else:
                self._post(self.Leave())

        self.app.push_screen(ChoiceDialog(question, [
            ("read", *keyed(_("Read only (r)"))),
            ("take", *keyed(_("Take over (t)"))),
            ("back", *keyed(_("Go back (b)"))),
        ]), chosen)

    def _beat(self) -> None:
        if not self.held:
            return
        try:
            mine = self.session.heartbeat()
        except StoreError:  # the database is busy (a long import): beat again later
            return
        if not mine:
            self.held = False
            lock = self.session.current_lock()
            who = lock.editor if lock is not None else "?"
            message = _("{editor} took this article over; it is read-only now (your text is kept as a draft).")
            self.app.notify(message.format(editor=who), severity="warning", markup=False, timeout=10)
            self._post(self.Lost())

    def release(self) -> None:
        """Give the lock back, if this desk holds it; a database too busy to take the write now lets
        it expire instead."""
        if not self.held:
            return
        self.held = False
        try:
            self.session.release()
        except StoreError:
            pass
