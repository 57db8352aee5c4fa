"""Saves that cannot simply go through: one the publish gate stops (the same checklist as the
inbox's; for an article already ready or published, the choice to save it back in review), and
one that meets a colleague's save made since this editor opened the article (nothing is lost:
keep mine on top of theirs, reload theirs keeping mine as a draft, or compare)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import App
from textual.message import Message

from bientap.checks.text import visible
from bientap.i18n import _
from bientap.store import workflow
from bientap.store.articles import Article
from bientap.store.workflow import GateRefused, StatusReport, status_label
from bientap.tui.dialogs.choice import ChoiceDialog, keyed
from bientap.tui.dialogs.diff import DiffDialog, diff_fields
from bientap.tui.screens.checklist import ChecklistScreen
from bientap.tui.widgets.editor.form import field_labels
from bientap.tui.widgets.editor.session import ArticleSession


class Conflicts:
    """Asks what to do with a save that cannot go through. It reads the editor through `title`,
    `changes` (the fields changed, typed), `draft_fields` and `version`; the answer goes up as a
    `Conflicts.Reload` or `Conflicts.KeepMine` message."""

    class Reload(Message):
        """Show `article` (theirs) as stored; this editor's text is kept as a draft already."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class KeepMine(Message):
        """Save `changes` on top of `theirs` (then `then`), with `note` in the revision."""

        def __init__(self, changes: dict, theirs: Article, then: Callable[[], None] | None, note: str) -> None:
            super().__init__()
            self.changes, self.theirs, self.then, self.note = changes, theirs, then, note

    def __init__(self, session: ArticleSession, app: App, *, post: Callable[[Message], object],
                 title: Callable[[], str], changes: Callable[[], dict], draft_fields: Callable[[], dict],
                 version: Callable[[], int]) -> None:
        self.session, self.app, self._post = session, app, post
        self._title, self._changes, self._draft_fields, self._version = title, changes, draft_fields, version

    def refused(self, refused: GateRefused, demote: Callable[[], None]) -> None:
        """The publish gate stopped this save; `demote` saves it back in review instead."""
        article_id = self.session.article_id
        if not refused.demotable:
            report = StatusReport(refused.status, refused={article_id: refused.items})
            self.app.push_screen(ChecklistScreen(report, {article_id: self._title()}))
            return
        lines = "\n".join(visible(line) for line in workflow.checklist_lines(refused.items))
        question = Text(_(
            "The article is “{status}” and this change brings findings that must be fixed:\n{findings}\n"
            "Keep the status and do not save yet (fix, then save), or save and move it back to “{review}”."
        ).format(status=status_label(refused.status), findings=lines, review=status_label("review")))
        choices = [
            ("keep", *keyed(_("Keep the status, don't save (k)"))),
            ("review", *keyed(_("Save, back to {review} (s)").format(review=status_label("review")))),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "review":
                demote()
            else:
                self.app.notify(_("Not saved: fix the required findings first."), severity="warning", markup=False)

        self.app.push_screen(ChoiceDialog(question, choices), chosen)

    def conflict(self, then: Callable[[], None] | None) -> None:
        """Someone else saved the article since this editor's version: ask what to do."""
        theirs = self.session.get()
        mine = self._changes()  # what this editor changed goes on top of theirs; the rest stays theirs
        question = Text(_(
            "Someone else saved this article (v{theirs}) after you opened it (v{yours}).\n"
            "Nothing is lost: keeping yours puts the fields you changed on top of theirs (theirs stays in "
            "the history); reloading theirs keeps yours as a draft."
        ).format(theirs=theirs.version, yours=self._version()))
        choices = [
            ("theirs", *keyed(_("Reload theirs (r)"))),
            ("mine", *keyed(_("Keep mine (k)"))),
            ("compare", *keyed(_("Compare (c)"))),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "theirs":
                self.session.save_draft(self._draft_fields(), theirs.version)
                self._post(self.Reload(theirs))
                self.app.notify(_("Loaded theirs; yours is kept as this article's draft."), markup=False)
            elif answer == "mine":
                self._post(self.KeepMine(mine, theirs, then,
                                         note=f"kept mine over v{theirs.version}"))  # history data, like "restore v3"
            elif answer == "compare":
                diff = diff_fields(theirs.editable(), {**theirs.editable(), **mine}, field_labels())
                title = _("Theirs (v{version}) → yours").format(version=theirs.version)
                self.app.push_screen(DiffDialog(title, diff), lambda _: self.conflict(then))

        self.app.push_screen(ChoiceDialog(question, choices), chosen)
