"""Saves that cannot simply go through: one the publish gate stops (the same checklist as the
inbox's; for an article already ready or published, the choice to save it back in review), and
one that meets a colleague's save made since this editor opened the article (nothing is lost:
keep mine on top of theirs, reload theirs keeping mine as a draft, or compare)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from bientap.checks.text import visible
from bientap.store import workflow
from bientap.store.workflow import STATUS_LABELS, GateRefused, StatusReport
from bientap.tui.dialogs import tr
from bientap.tui.dialogs.choice import ChoiceDialog
from bientap.tui.dialogs.diff import DiffDialog, diff_fields
from bientap.tui.screens.checklist import ChecklistScreen
from bientap.tui.widgets.editor.form import LABELS
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
        label = STATUS_LABELS[screen.lang][refused.status]
        lines = "\n".join(visible(line) for line in workflow.checklist_lines(refused.items, screen.lang))
        question = Text(tr(
            screen,
            f"Bài đang ở “{label}” và thay đổi này có lỗi bắt buộc phải sửa:\n{lines}\n"
            "Giữ trạng thái thì chưa lưu (sửa lỗi rồi lưu lại); hoặc lưu và chuyển bài về “Chờ duyệt”.",
            f"The article is “{label}” and this change brings findings that must be fixed:\n{lines}\n"
            "Keep the status and do not save yet (fix, then save), or save and move it back to review.",
        ))
        choices = [
            ("keep", tr(screen, "Giữ trạng thái, chưa lưu", "Keep status, don't save"), "g"),
            ("review", tr(screen, "Lưu, về Chờ duyệt", "Save, back to review"), "d"),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "review":
                demote()
            else:
                screen.notify(tr(screen, "Chưa lưu: sửa các lỗi bắt buộc trước.",
                                 "Not saved: fix the required findings first."), severity="warning", markup=False)

        screen.app.push_screen(ChoiceDialog(question, choices), chosen)

    def conflict(self, then: Callable[[], None] | None) -> None:
        """Someone else saved the article since this editor's version: ask what to do."""
        screen = self.screen
        theirs = self.session.get()
        mine = screen.changes()  # what this editor changed goes on top of theirs; the rest stays theirs
        question = Text(tr(
            screen,
            f"Bài đã được lưu bởi người khác (v{theirs.version}) sau khi bạn mở (v{screen.version}).\n"
            "Không bản nào bị mất: giữ bản của bạn thì các ô bạn sửa đè lên bản của họ (bản của họ vẫn "
            "trong lịch sử); tải bản của họ thì bản của bạn được giữ làm bản nháp.",
            f"Someone else saved this article (v{theirs.version}) after you opened it (v{screen.version}).\n"
            "Nothing is lost: keeping yours puts the fields you changed on top of theirs (theirs stays in "
            "the history); reloading theirs keeps yours as a draft.",
        ))
        choices = [
            ("theirs", tr(screen, "Tải bản của họ", "Reload theirs"), "t"),
            ("mine", tr(screen, "Giữ bản của tôi", "Keep mine"), "g"),
            ("compare", tr(screen, "So sánh", "Compare"), "s"),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "theirs":
                self.session.save_draft(screen.drafts.fields(), theirs.version)
                screen.load(theirs)
                screen.notify(tr(screen, "Đã tải bản của họ; bản của bạn được giữ làm bản nháp của bài.",
                                 "Loaded theirs; yours is kept as this article's draft."), markup=False)
            elif answer == "mine":
                screen.write(mine, theirs.version, then, base=theirs,
                             note=tr(screen, f"giữ bản của tôi sau xung đột với v{theirs.version}",
                                     f"kept mine over v{theirs.version}"))
            elif answer == "compare":
                diff = diff_fields(theirs.editable(), {**theirs.editable(), **mine}, LABELS[screen.lang])
                title = tr(screen, f"Bản của họ (v{theirs.version}) → bản của bạn",
                           f"Theirs (v{theirs.version}) → yours")
                screen.app.push_screen(DiffDialog(title, diff), lambda _: self.conflict(then))

        screen.app.push_screen(ChoiceDialog(question, choices), chosen)
