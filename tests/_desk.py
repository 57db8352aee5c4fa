"""Driving the desk in tests: start the app, let its workers finish, open an article."""

from __future__ import annotations


def make_app(db_path, lang: str = "vi"):
    from bientap.tui.app import BientapApp

    return BientapApp(db_path, lang=lang)


async def settle(app, pilot) -> None:
    """Let pending messages and every worker (queries, checks, status moves) finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_editor(app, pilot, article_id):
    from bientap.tui.screens.editor import EditorScreen

    await settle(app, pilot)
    app.open_article(article_id)
    await settle(app, pilot)
    assert isinstance(app.screen, EditorScreen)
    return app.screen
