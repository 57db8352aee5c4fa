"""The editor's parts one by one (tui/widgets/editor/), without a desk: the session they reach the
store through, and the messages they post up to the editor screen."""

from __future__ import annotations

import sqlite3

import pytest

from bientap.store import presence
from bientap.store.db import StoreError
from bientap.tui.widgets.editor.session import ArticleSession


@pytest.fixture
def session(fresh_db, add_article):
    article = add_article(fresh_db, title="Tin", body="Nội dung bài.")
    return ArticleSession(fresh_db, None, article.id)


def test_the_session_tells_whose_lock_is_live(session, monkeypatch):
    assert session.current_lock() is None
    monkeypatch.setattr("bientap.store.articles.current_editor", lambda: "Lan")
    session.take_lock()
    assert session.current_lock().editor == "Lan"
    session.release()
    assert session.current_lock() is None


@pytest.mark.parametrize("call", ["heartbeat", "release", "current_lock"])
def test_a_busy_database_reaches_the_editor_as_a_store_error(session, monkeypatch, call):
    def busy(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(presence, call, busy)
    with pytest.raises(StoreError) as raised:
        getattr(session, call)()
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
