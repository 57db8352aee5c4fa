"""Lines removed at import (F3: put one back in the body, restored for good on save) and the
article's history (F9: every version, restoring one as a new version on top)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.message import Message

from bientap.checks.text import visible
from bientap.i18n import _
from bientap.store import drafts
from bientap.store.articles import Article, ConflictError
from bientap.store.db import StoreError
from bientap.store.drafts import RemovedLine
from bientap.store.workflow import GateRefused
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.dialogs.history import HistoryDialog
from bientap.tui.dialogs.removed_lines import RemovedLinesDialog
from bientap.tui.widgets.body_area import BodyArea
from bientap.tui.widgets.editor.form import field_labels
from bientap.tui.widgets.editor.session import ArticleSession


def put_back(body: BodyArea, line: RemovedLine) -> None:
    """Insert a removed line in `body` where it stood, and put the cursor there."""
    new_body, at = drafts.insert_paragraph(body.text, line.position, line.text)
    body.replace(new_body, body.document.start, body.document.end)
    body.move_cursor(body.location_of(at), center=True)
    body.focus()


class History:
    """Owns the removed lines put back since the last save (`pending`). It reads the editor through
    `dirty` and `version`; what it changes there goes up as messages: `LinePutBack` (into the
    body), `Restored` (a version restored: show it), `Refused` (the publish gate stopped it)."""

    class LinePutBack(Message):
        """Put `line` back in the body (`put_back`); the next save restores it for good."""

        def __init__(self, line: RemovedLine) -> None:
            super().__init__()
            self.line = line

    class Restored(Message):
        """A version was restored as `article`: show it as stored."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Refused(Message):
        """The publish gate stopped restoring a version; `demote` restores it back in review."""

        def __init__(self, refused: GateRefused, demote: Callable[[], None]) -> None:
            super().__init__()
            self.refused, self.demote = refused, demote

    def __init__(self, session: ArticleSession, app: App, *, post: Callable[[Message], object],
                 dirty: Callable[[], bool], version: Callable[[], int]) -> None:
        self.session, self.app, self._post, self._dirty, self._version = session, app, post, dirty, version
        self.pending: list[int] = []  # removed lines put back in the body, restored by the next save

    def clear(self) -> None:
        """The article was loaded or saved: no line is waiting to be restored."""
        self.pending = []

    def removed_lines(self) -> None:
        lines = [line for line in self.session.removed_lines() if line.id not in self.pending]
        if not lines:
            self.app.notify(_("No lines were removed at import."), markup=False)
            return

        def done(line_id: int | None) -> None:
            line = next((line for line in lines if line.id == line_id), None)
            if line is None:
                return
            self._post(self.LinePutBack(line))
            self.pending.append(line.id)
            self.app.notify(_("Line restored (Ctrl+S saves)."), markup=False)

        self.app.push_screen(RemovedLinesDialog(lines), done)

    def show(self) -> None:
        def restore(version: int | None) -> None:
            if version is None:
                return
            if self._dirty():
                self.app.push_screen(
                    ConfirmDialog(_("Drop unsaved changes and restore v{version}?").format(version=version)),
                    lambda ok: self.restore(version) if ok else None)
            else:
                self.restore(version)

        self.app.push_screen(HistoryDialog(self.session.revisions(), field_labels()), restore)

    def restore(self, version: int, demote: bool = False) -> None:
        try:
            article = self.session.restore(version, self._version(), demote=demote)
        except GateRefused as refused:
            self._post(self.Refused(refused, lambda: self.restore(version, demote=True)))
            return
        except ConflictError:
            self.app.notify(_("Someone else saved this article; save or reload first."), severity="error",
                            markup=False)
            return
        except StoreError as exc:
            self.app.notify(_("Not restored ({error}).").format(error=visible(str(exc))), severity="error",
                            markup=False)
            return
        self._post(self.Restored(article))
        self.app.notify(_("Restored v{version} as v{new}.").format(version=version, new=article.version),
                        markup=False)
