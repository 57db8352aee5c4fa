"""Saves that cannot simply go through: one the publish gate stops (the same checklist as the
inbox's; for an article already ready or published, the choice to save it back in review), and
one that meets a colleague's save made since this editor opened the article (nothing is lost:
keep mine on top of theirs, reload theirs keeping mine as a draft, or compare)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from bientap.checks.text import visible
from bientap.i18n import _
from bientap.store import workflow
from bientap.store.workflow import GateRefused, StatusReport, status_label
from bientap.tui.dialogs.choice import ChoiceDialog, keyed
from bientap.tui.dialogs.diff import DiffDialog, diff_fields
from bientap.tui.screens.checklist import ChecklistScreen
from bientap.tui.widgets.editor.form import field_labels
from bientap.tui.widgets.editor.session import ArticleSession

if TYPE_CHECKING:
    from bientap.tui.screens.editor import EditorScreen


class Conflicts:
    def __init__(self, screen: EditorScreen, session: ArticleSession) -> None:
        self.screen, self.session = screen, session

    def refused(self, refused: GateRefused, demote: Callable[[], None]) -> None:
        """The publish gate stopped this save; `demote` saves it back in review instead."""
        screen = self.screen
        if not refused.demotable:
            report = StatusReport(refused.status, refused={screen.article_id: refused.items})
            screen.app.push_screen(ChecklistScreen(report, {screen.article_id: screen.raw()["title"]}))
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
                screen.notify(_("Not saved: fix the required findings first."), severity="warning", markup=False)

        screen.app.push_screen(ChoiceDialog(question, choices), chosen)

    def conflict(self, then: Callable[[], None] | None) -> None:
        """Someone else saved the article since this editor's version: ask what to do."""
        screen = self.screen
        theirs = self.session.get()
        mine = screen.changes()  # what this editor changed goes on top of theirs; the rest stays theirs
        question = Text(_(
            "Someone else saved this article (v{theirs}) after you opened it (v{yours}).\n"
            "Nothing is lost: keeping yours puts the fields you changed on top of theirs (theirs stays in "
            "the history); reloading theirs keeps yours as a draft."
        ).format(theirs=theirs.version, yours=screen.version))
        choices = [
            ("theirs", *keyed(_("Reload theirs (r)"))),
            ("mine", *keyed(_("Keep mine (k)"))),
            ("compare", *keyed(_("Compare (c)"))),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "theirs":
                self.session.save_draft(screen.drafts.fields(), theirs.version)
                screen.load(theirs)
                screen.notify(_("Loaded theirs; yours is kept as this article's draft."), markup=False)
            elif answer == "mine":
                screen.write(mine, theirs.version, then, base=theirs,
                             note=f"kept mine over v{theirs.version}")  # history data, like "restore v3"
            elif answer == "compare":
                diff = diff_fields(theirs.editable(), {**theirs.editable(), **mine}, field_labels())
                title = _("Theirs (v{version}) → yours").format(version=theirs.version)
                screen.app.push_screen(DiffDialog(title, diff), lambda _: self.conflict(then))

        screen.app.push_screen(ChoiceDialog(question, choices), chosen)
