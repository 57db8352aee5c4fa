"""The editor's parts one by one (tui/widgets/editor/), without a desk: the session they reach the
store through, and the messages they post up to the editor screen."""

from __future__ import annotations

import sqlite3

import pytest

from _desk import make_app, open_editor, settle
from bientap.checks import engine
from bientap.store import articles, presence
from bientap.store.articles import Article
from bientap.store.db import StoreError, open_db
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


class FakeApp:
    """What a part asks of the app: dialogs (answered by the test) and notifications."""

    def __init__(self) -> None:
        self.dialogs: list = []
        self.notes: list[str] = []

    def push_screen(self, screen, callback=None) -> None:
        self.dialogs.append((screen, callback))

    def notify(self, message: str, **kwargs) -> None:
        self.notes.append(message)

    def answer(self, value) -> None:
        _screen, callback = self.dialogs.pop()
        callback(value)


def test_drafts_write_only_unsaved_changed_fields_and_offer_them_back(session):
    from bientap.tui.widgets.editor.drafts import Drafts

    editor = {"fields": {"title": "Tin", "body": "Nội dung bài. Thêm", "tags": "a, b"}, "dirty": False}
    posted, app = [], FakeApp()
    drafts = Drafts(session, app, post=posted.append, set_timer=None, delay=0,
                    fields=lambda: dict(editor["fields"]), dirty=lambda: editor["dirty"], version=lambda: 1)
    drafts.autosave()
    assert session.load_draft() is None  # nothing unsaved, nothing written
    editor["dirty"] = True
    drafts.autosave()
    assert session.load_draft().fields == {"title": "Tin", "body": "Nội dung bài. Thêm", "tags": ["a", "b"]}
    session.discard_draft()
    drafts.autosave()
    assert session.load_draft() is None  # unchanged since the last draft: not written again

    session.save_draft({"body": "bản nháp"}, 1)
    drafts.offer()
    app.answer(True)
    assert [(type(m), m.fields, m.base_version) for m in posted] == [(Drafts.Restore, {"body": "bản nháp"}, 1)]
    drafts.offer()
    app.answer(False)
    assert session.load_draft() is None and len(posted) == 1


def test_a_conflict_answer_goes_up_as_a_message(session):
    from bientap.tui.widgets.editor.conflict import Conflicts

    posted, app = [], FakeApp()
    conflicts = Conflicts(session, app, post=posted.append, title=lambda: "Tin", changes=lambda: {"body": "mine"},
                          draft_fields=lambda: {"body": "mine", "tags": []}, version=lambda: 0)
    then = object()
    conflicts.conflict(then)
    app.answer("mine")
    [keep] = posted
    assert isinstance(keep, Conflicts.KeepMine) and keep.changes == {"body": "mine"} and keep.then is then
    assert keep.theirs.version == 1 and keep.note == "kept mine over v1"

    conflicts.conflict(None)
    app.answer("theirs")
    assert isinstance(posted[-1], Conflicts.Reload) and posted[-1].article.version == 1
    assert session.load_draft().fields == {"body": "mine", "tags": []}  # mine is kept as the draft
    assert session.load_draft().base_version == 1


def test_history_says_what_changes_in_the_editor_with_messages(session, monkeypatch):
    from bientap.i18n import _
    from bientap.store.articles import ConflictError
    from bientap.store.drafts import RemovedLine
    from bientap.store.workflow import GateRefused
    from bientap.tui.widgets.editor.history import History

    posted, app = [], FakeApp()
    history = History(session, app, post=posted.append, dirty=lambda: False, version=lambda: 1)
    line = RemovedLine(7, session.article_id, 0, "ad", "quảng cáo", "Quảng cáo.", False)
    monkeypatch.setattr(session, "removed_lines", lambda: [line])
    history.removed_lines()
    app.answer(7)
    assert [(type(m), m.line) for m in posted] == [(History.LinePutBack, line)] and history.pending == [7]
    history.removed_lines()  # a line put back is not offered again
    assert not app.dialogs and app.notes[-1] == _("No lines were removed at import.")
    history.clear()
    assert history.pending == []

    calls = []

    def restore(version, expected, *, demote):
        calls.append((version, expected, demote))
        if not demote:
            raise GateRefused(session.article_id, "ready", [], demotable=True)
        return session.get()

    monkeypatch.setattr(session, "restore", restore)
    posted.clear()
    history.restore(1)
    [refused] = posted
    assert isinstance(refused, History.Refused) and refused.refused.status == "ready"
    refused.demote()  # the editor chose to restore it back in review
    assert calls == [(1, 1, False), (1, 1, True)]
    assert isinstance(posted[-1], History.Restored) and posted[-1].article.id == session.article_id

    def conflict(version, expected, *, demote):
        raise ConflictError(session.article_id, expected, 2)

    monkeypatch.setattr(session, "restore", conflict)
    history.restore(1)
    assert len(posted) == 2 and app.notes[-1] == _("Someone else saved this article; save or reload first.")


class Marks:
    """Stands for a text widget the findings are marked in (the body, the sapo)."""

    def __init__(self) -> None:
        self.spans: list = []

    def set_findings(self, spans) -> None:
        self.spans = spans


class Panel:
    """Stands for the findings panel."""

    current = None

    def show(self, findings, keep=None) -> None:
        self.shown = findings


def test_findings_mark_their_widgets_and_tell_the_editor_with_messages(session):
    from types import SimpleNamespace

    from bientap.checks.findings import Finding
    from bientap.tui.widgets.editor.body import Findings

    body, sapo, panel, posted = Marks(), Marks(), Panel(), []
    fields = {"title": "Tin", "sapo": "Sapo sai", "body": "Thân bài sai", "tags": ""}
    findings = Findings(session, FakeApp(), post=posted.append, run_worker=None, raw=lambda: dict(fields),
                        body=body, form=SimpleNamespace(sapo=sapo), panel=panel, recheck_delay=0,
                        first_paint_wait=0, sync_check_chars=0)
    in_body = Finding("x.typo", "spelling", "error", 9, 12, 1, 10, "sai", "sai chính tả", ("đúng",), True, "body")
    in_sapo = Finding("x.typo", "spelling", "error", 5, 8, 1, 6, "sai", "sai chính tả", ("đúng",), True, "sapo")
    findings.show(findings.fields(), [in_body, in_sapo])
    assert body.spans == [in_body] and sapo.spans == [in_sapo] and panel.shown == [in_sapo, in_body]
    assert [type(m) for m in posted] == [Findings.Updated]


@pytest.fixture
def test_rules(monkeypatch):
    """tests/test_editor.py's two small rules, in the desk and in its check process."""
    from test_editor import editor_registry

    monkeypatch.setattr(engine, "REGISTRY", editor_registry())
    monkeypatch.setattr(engine, "RECORD_RULES", {})
    monkeypatch.setenv("BIENTAP_CHECK_SETUP", "test_editor:install_test_rules")


async def test_fix_all_and_replace_are_said_in_the_saved_revision(db_path, fresh_db, test_rules):
    from test_editor import BODY

    art = articles.insert(fresh_db, Article(title="Tít", body=BODY, byline="Hà"), source_key="n", raw_id=None)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, art.id)
        await pilot.press("f5")  # Findings.FixesApplied
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        await pilot.press("ctrl+f", *"ba", "ctrl+r", *"bốn", "enter")  # FindBar.Replaced
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert "Dòng bốn bình thường." in screen.body.text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    db = open_db(db_path)
    try:
        assert articles.revisions(db, art.id)[0]["note"] == "fix-all: 2, replace: 1"
    finally:
        db.close()


def test_the_soft_lock_says_what_the_editor_should_do_with_messages(session, monkeypatch):
    from bientap.tui.widgets.editor.lock import SoftLock

    monkeypatch.setattr(articles, "current_editor", lambda: "Minh")
    beats, posted, app = [], [], FakeApp()
    lock = SoftLock(session, app, post=posted.append, set_interval=lambda seconds, beat: beats.append(beat))
    lock.take()
    assert lock.held and [(type(m), m.took_over) for m in posted] == [(SoftLock.Taken, False)] and beats
    presence.take_lock(session.db, session.article_id, "Lan", take_over=True)  # a colleague takes it over
    beats[0]()
    assert not lock.held and isinstance(posted[-1], SoftLock.Lost) and "Lan" in app.notes[-1]

    posted.clear()
    lock.take()  # opened again while Lan edits it: read, take over or go back
    for answer, expected in [("read", SoftLock.ReadOnly), ("back", SoftLock.Leave)]:
        app.answer(answer)
        assert isinstance(posted[-1], expected) and not lock.held
        lock.take()
    app.answer("take")
    assert isinstance(posted[-1], SoftLock.Taken) and posted[-1].took_over and lock.held
    assert session.current_lock().editor == "Minh"
    lock.release()
    assert session.current_lock() is None and not lock.held
