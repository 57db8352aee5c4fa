"""Lines removed at import (F3: put one back in the body, restored for good on save) and the
article's history (F9: every version, restoring one as a new version on top)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bientap.checks.text import visible
from bientap.i18n import _
from bientap.store import drafts
from bientap.store.articles import ConflictError
from bientap.store.db import StoreError
from bientap.store.workflow import GateRefused
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.dialogs.history import HistoryDialog
from bientap.tui.dialogs.removed_lines import RemovedLinesDialog
from bientap.tui.widgets.editor.form import field_labels
from bientap.tui.widgets.editor.session import ArticleSession

if TYPE_CHECKING:
    from bientap.tui.screens.editor import EditorScreen


class History:
    """Owns the removed lines put back since the last save (`pending`)."""

    def __init__(self, screen: EditorScreen, session: ArticleSession) -> None:
        self.screen, self.session = screen, session
        self.pending: list[int] = []  # removed lines put back in the body, restored by the next save

    def removed_lines(self) -> None:
        screen = self.screen
        lines = [line for line in self.session.removed_lines() if line.id not in self.pending]
        if not lines:
            screen.notify(_("No lines were removed at import."), markup=False)
            return

        def done(line_id: int | None) -> None:
            line = next((line for line in lines if line.id == line_id), None)
            if line is None:
                return
            body = screen.body
            new_body, at = drafts.insert_paragraph(body.text, line.position, line.text)
            body.replace(new_body, body.document.start, body.document.end)
            body.move_cursor(body.location_of(at), center=True)
            body.focus()
            self.pending.append(line.id)
            screen.notify(_("Line restored (Ctrl+S saves)."), markup=False)

        screen.app.push_screen(RemovedLinesDialog(lines), done)

    def show(self) -> None:
        screen = self.screen

        def restore(version: int | None) -> None:
            if version is None:
                return
            if screen.dirty:
                screen.app.push_screen(
                    ConfirmDialog(_("Drop unsaved changes and restore v{version}?").format(version=version)),
                    lambda ok: self.restore(version) if ok else None)
            else:
                self.restore(version)

        screen.app.push_screen(HistoryDialog(self.session.revisions(), field_labels()), restore)

    def restore(self, version: int, demote: bool = False) -> None:
        screen = self.screen
        try:
            article = self.session.restore(version, screen.version, demote=demote)
        except GateRefused as refused:
            screen.conflicts.refused(refused, lambda: self.restore(version, demote=True))
            return
        except ConflictError:
            screen.notify(_("Someone else saved this article; save or reload first."), severity="error",
                          markup=False)
            return
        except StoreError as exc:
            screen.notify(_("Not restored ({error}).").format(error=visible(str(exc))), severity="error",
                          markup=False)
            return
        screen.load(article)
        screen.notify(_("Restored v{version} as v{new}.").format(version=version, new=article.version),
                      markup=False)
