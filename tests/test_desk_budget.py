"""The desk never freezes on a runaway rule (issue 13, item 2): its checks run in a budgeted check
process (bientap.store.checking). A rule stuck inside the regex engine — holding the GIL, which a thread
could not be protected from — costs the article a blocking check.timeout finding; the screen keeps
answering keys meanwhile, and the next check runs in a fresh process."""

from __future__ import annotations

import pytest
from _stuck_rule import SETUP

from bientap.checks.engine import Context
from bientap.store import articles
from bientap.store.articles import CHECK_TIMEOUT, Article
from bientap.store.checking import CheckService
from bientap.store.context import ArticleChecker

BODY = "Sáng nay, Sở Khoa học và Công nghệ tổ chức hội thảo về đổi mới sáng tạo.\n\nBài TREO máy kiểm tra."


@pytest.fixture
def stuck(monkeypatch):
    """The desk's check process runs the stuck rule; each check has 1.5 s."""
    monkeypatch.setenv("BIENTAP_CHECK_SETUP", SETUP)
    monkeypatch.setenv("BIENTAP_CHECK_BUDGET", "1.5")


def test_an_overrun_check_is_a_timeout_finding_and_the_next_check_runs():
    service = CheckService(budget=1, setup=SETUP)
    try:
        checker = ArticleChecker(Context(lang="en"))
        stuck = service.assess(checker, {"title": "Tít", "body": BODY})
        assert [f.rule for f in stuck.findings] == [CHECK_TIMEOUT] and stuck.counts == (1, 0, 0)
        assert stuck.findings[0].severity == "error" and "at import" not in stuck.findings[0].message
        fine = service.assess(checker, {"title": "Tít", "body": "Hội thảo về đổi mới sáng tạo."})
        assert CHECK_TIMEOUT not in {f.rule for f in fine.findings}
        assert service.restarts == 1
    finally:
        service.close()


def test_an_ignored_timeout_is_not_counted():
    service = CheckService(budget=1, setup=SETUP)
    try:
        checker = ArticleChecker(Context(ignored=frozenset({(CHECK_TIMEOUT, "")})))
        assert service.assess(checker, {"title": "Tít", "body": BODY}).counts == (0, 0, 0)
    finally:
        service.close()


async def test_editor_answers_keys_while_the_checks_hang(db_path, fresh_db, stuck):
    from bientap.tui.app import BientapApp
    from bientap.tui.screens.editor import EditorScreen

    article = articles.insert(fresh_db, Article(title="Hội thảo", body=BODY, byline="Hà"), source_key="t",
                              raw_id=None)
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article(article.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        screen.body.focus()
        screen.body.move_cursor((0, 0))
        await pilot.press("right", "right", "right")
        # The keys were handled while the checks were still stuck: nothing has come back yet.
        assert screen.body.cursor_location == (0, 3)
        assert screen.findings == []
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [f.rule for f in screen.findings] == [CHECK_TIMEOUT]
        assert "1 lỗi" in str(screen.query_one("#editor-status").render())

        # Typing checks again (the text still hangs); the screen still answers meanwhile.
        screen.body.move_cursor(screen.body.document.end)
        await pilot.press("x")
        await pilot.pause(0.4)  # past the typing pause: the new check is running now
        await pilot.press("left", "left")
        assert screen.body.text.endswith("tra.x")
        assert screen.body.cursor_location[1] == len(BODY.splitlines()[-1]) - 1
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [f.rule for f in screen.findings] == [CHECK_TIMEOUT]
        assert app.checks.restarts >= 2  # (the inbox's re-check of stale counts met it too)


async def test_publish_gate_in_the_inbox_refuses_a_text_whose_checks_hang(db_path, fresh_db, stuck):
    from bientap.tui.app import BientapApp
    from bientap.tui.screens.checklist import ChecklistScreen

    article = articles.insert(fresh_db, Article(title="Hội thảo", body=BODY, byline="Hà", status="review"),
                              source_key="t", raw_id=None)
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.move_to_status([article.id], "ready")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        from textual.widgets import Static

        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert CHECK_TIMEOUT in shown and f"#{article.id}" in shown
    assert articles.get(fresh_db, article.id).status == "review"
