"""Workflow integrity (issue 14): one publish gate for every path, one count, live newsroom data,
dictionary phrases, and revisions that say who and why — driven through the desk and the CLI."""

from __future__ import annotations

import json

from textual.widgets import Select

from _desk import make_app, open_editor, settle
from bientap.store import articles, drafts
from bientap.store.context import assess_stored, load_context
from bientap.store.db import open_db
from bientap.store.importer import import_paths
from bientap.store.workflow import set_status


def stored(db_path, article_id):
    db = open_db(db_path)
    try:
        return articles.get(db, article_id), articles.history(db, article_id)
    finally:
        db.close()


# ---- one gate -------------------------------------------------------------------------------------

async def test_editor_status_field_cannot_bypass_the_gate(db_path, fresh_db, add_article, gate_rules):
    from bientap.tui.screens.checklist import ChecklistScreen

    a = add_article(fresh_db, title="Tít", body="Câu này CHẶN việc đăng.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        screen.query_one("#f-status", Select).value = "published"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistScreen)  # the inbox's checklist, with the blocking rule
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "test.blocker" in shown and "CHẶN" in shown
    art, history = stored(db_path, a.id)
    assert art.status == "draft" and art.version == 1 and len(history) == 1


async def test_editor_status_move_goes_through_and_is_noted(db_path, fresh_db, add_article, gate_rules):
    a = add_article(fresh_db, title="Tít", body="Câu sạch.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        screen.query_one("#f-status", Select).value = "ready"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    art, history = stored(db_path, a.id)
    assert art.status == "ready"
    assert history[-1]["note"] == "status: draft → ready" and history[-1]["fields_changed"] == ["status"]


async def test_published_edit_with_new_blocker_asks_and_records_the_choice(db_path, fresh_db, add_article,
                                                                         gate_rules):
    from bientap.tui.dialogs.choice import ChoiceDialog

    a = add_article(fresh_db, title="Tít", body="Câu sạch.")
    assert set_status(fresh_db, [a.id], "published").moved == [a.id]
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        screen.body.move_cursor(screen.body.document.end)
        await pilot.press(*" CHẶN")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("g")  # keep the status: nothing saved, the text stays in the editor
        await settle(app, pilot)
        assert stored(db_path, a.id)[0].version == 2 and screen.dirty
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("d")  # save, back to review
        await settle(app, pilot)
        assert not screen.dirty
        assert screen.query_one("#f-status", Select).value == "review"
    art, history = stored(db_path, a.id)
    assert art.status == "review" and art.body.endswith("CHẶN") and art.errors >= 1
    assert history[-1]["note"].startswith("status: published → review")
    assert set(history[-1]["fields_changed"]) == {"body", "status"}


def test_published_edit_without_new_blocker_saves(fresh_db, add_article, gate_rules):
    from bientap.store.workflow import save_article

    a = add_article(fresh_db, title="Tít", body="Câu sạch.")
    set_status(fresh_db, [a.id], "published")
    saved = save_article(fresh_db, a.id, {"body": "Câu sạch hơn."}, 2)
    assert saved.status == "published" and saved.version == 3


def test_restore_goes_through_the_gate_and_keeps_the_status(fresh_db, add_article, gate_rules):
    from bientap.store.workflow import GateRefused, restore_revision

    a = add_article(fresh_db, title="Tít", body="Có CHẶN.")
    articles.save(fresh_db, a.id, {"body": "Sạch rồi."}, 1)
    assert set_status(fresh_db, [a.id], "published").moved == [a.id]
    try:
        restore_revision(fresh_db, a.id, 1, 3)  # v1 had the blocker: published cannot take it back silently
    except GateRefused as refused:
        assert refused.demotable
    else:
        raise AssertionError("restore bypassed the gate")
    back = restore_revision(fresh_db, a.id, 1, 3, demote=True)
    assert back.status == "review" and "restore v1" in articles.history(fresh_db, a.id)[-1]["note"]


# ---- one count ------------------------------------------------------------------------------------

HOSTILE_PAGE = (
    "Trang chủ | Tin tức | Liên hệ\n"
    "UBND tỉnh họp về KHCN\x1b[31m và chuyên giao công nghệ\n"
    "Ngày 12/03/2024, Sở KH&CN  tổ chức hội thảo về chuyển đổi số ,với sự tham gia của các các doanh nghiệp.\n"
    "Description: C:\\Users\\pv\\IMG_4774.JPG\n"
    "Ông Nguyễn Văn A cho biết:“ đây là bước tiến quan trọng”.Hội thảo kết thúc lúc 11h.\n"
    "Lượt truy cập: 12345\n"
)


async def test_one_count_everywhere(db_path, fresh_db, seed_paths, tmp_path, cli):
    """Import, re-check, gate, CLI and desk agree on every article, raw text and ignores included."""
    page = tmp_path / "hostile.txt"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    import_paths(fresh_db, [*map(str, seed_paths), str(page)], jobs=1)
    ids = [row["id"] for row in fresh_db.query("SELECT id FROM articles ORDER BY id")]
    hostile = ids[-1]
    first = assess_stored(fresh_db, articles.get(fresh_db, hostile)).findings[0]
    drafts.ignore_finding(fresh_db, hostile, first.rule, first.text)  # an editor's ignore counts too
    ctx = load_context(fresh_db)
    rules_fired = set()
    expected = {}
    for article_id in ids:
        art = articles.get(fresh_db, article_id)
        assessment = assess_stored(fresh_db, art, ctx)
        rules_fired |= {f.rule for f in assessment.findings}
        expected[article_id] = assessment.counts
        if article_id != hostile:
            assert (art.errors, art.warnings, art.infos) == assessment.counts, "import counted differently"
    assert {"unicode.dropped", "typo.doubled", "spacing.double"} <= rules_fired or len(rules_fired) >= 8
    from bientap.store.workflow import recheck

    recheck(fresh_db, ids, ctx)
    for article_id in ids:
        art = articles.get(fresh_db, article_id)
        assert (art.errors, art.warnings, art.infos) == expected[article_id], "re-check counted differently"
        result = cli("check", "--id", str(article_id), "--format", "json", "--fail-on", "never")
        severities = [f["severity"] for f in json.loads(result.output)]
        assert (severities.count("error"), severities.count("warning"), severities.count("info")) == \
            expected[article_id], "the CLI counted differently"
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for article_id in (ids[1], hostile):
            screen = await open_editor(app, pilot, article_id)
            shown = [sum(f.severity == s for f in screen.findings) for s in ("error", "warning", "info")]
            assert tuple(shown) == expected[article_id], "the desk counted differently"
            await pilot.press("escape")
            await settle(app, pilot)


# ---- live data ------------------------------------------------------------------------------------

async def test_glossary_entry_from_the_desk_reaches_the_open_article(db_path, fresh_db, add_article):
    from bientap.checks.engine import GlossaryEntry
    from bientap.store import glossary as store_glossary
    from bientap.tui.screens.glossary import GlossaryScreen

    a = add_article(fresh_db, title="Tin", body="Ban QZX họp sáng nay để bàn kế hoạch năm.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        assert any(f.text == "QZX" for f in screen.findings)
        app.push_screen(GlossaryScreen())
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#g-abbr").value = "QZX"
        app.screen.query_one("#g-expansion").value = "quản trị xã"
        app.screen.query_one("#g-policy").value = "known"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "QZX" in {e.abbr for e in store_glossary.list_entries(app.db)}
        assert not any(f.text == "QZX" and f.rule.startswith("abbr.") for f in screen.findings)
        assert isinstance(GlossaryEntry("QZX", "x"), GlossaryEntry)


# ---- phrases --------------------------------------------------------------------------------------

def test_dictionary_phrase_silences_its_syllables(cli, tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Nghệ nhân thổi klông pút trong lễ hội, tiếng Klông  Pút vang xa.\n", encoding="utf-8")
    before = cli("check", str(page), "--format", "json", "--fail-on", "never")
    flagged = [f["text"] for f in json.loads(before.output)]
    assert "klông" in flagged  # ("pút", a syllable Vietnamese could spell, written twice: the text's term)
    assert cli("words", "add", "klông pút").exit_code == 0
    after = cli("check", str(page), "--format", "json", "--fail-on", "never")
    findings = json.loads(after.output)
    assert not [f for f in findings if f["rule"].startswith("typo.")]
    assert any(f["rule"] == "spacing.double" for f in findings)  # other rules still read the phrase


async def test_shift_f6_offers_the_syllable_or_the_phrase(db_path, fresh_db, add_article):
    from bientap.store.glossary import load_words
    from bientap.tui.dialogs.choice import ChoiceDialog

    a = add_article(fresh_db, title="Tin", body="Nghệ nhân thổi klông pút trong lễ hội.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        first = next(f for f in screen.findings if f.text == "klông")
        screen.body.move_cursor(screen.body.location_of(first.start + 1))
        await pilot.press("shift+f6")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        labels = [c[1] for c in app.screen.choices]
        assert labels[0] == "klông" and "klông pút" in labels and "thổi klông" in labels
        await pilot.press(str(labels.index("klông pút") + 1))
        await settle(app, pilot)
        assert "klông pút" in load_words(app.db)
        assert not [f for f in screen.findings if f.rule.startswith("typo.")]


# ---- who and why ----------------------------------------------------------------------------------

def test_history_records_who_and_why(cli, fresh_db, add_article, monkeypatch):
    a = add_article(fresh_db, title="Tít", body="Nội dung.")
    assert cli("--user", "Lan", "status", str(a.id), "review").exit_code == 0
    monkeypatch.setenv("BIENTAP_USER", "Minh")
    assert cli("status", str(a.id), "draft").exit_code == 0
    result = cli("history", str(a.id), "--format", "json")
    assert result.exit_code == 0
    revs = json.loads(result.output)
    assert [r["version"] for r in revs] == [1, 2, 3]
    assert set(revs[0]) == {"version", "author", "created_at", "note", "fields_changed"}
    assert [r["author"] for r in revs[1:]] == ["Lan", "Minh"]
    assert [r["note"] for r in revs[1:]] == ["status: draft → review", "status: review → draft"]
    assert revs[1]["fields_changed"] == ["status"] and "body" in revs[0]["fields_changed"]
    text = cli("history", str(a.id))
    assert "Lan" in text.output and "status: draft → review" in text.output
    assert cli("history", "999").exit_code == 2


async def test_desk_user_is_recorded_and_shown_in_f9(db_path, fresh_db, add_article, monkeypatch):
    from bientap.tui.dialogs.history import HistoryDialog

    monkeypatch.setenv("BIENTAP_USER", "Lan")
    a = add_article(fresh_db, title="Tít", body="Nội dung.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        screen.body.move_cursor(screen.body.document.end)
        await pilot.press(*" Thêm")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryDialog)
        prompt = str(app.screen.query_one("OptionList").get_option_at_index(0).prompt)
        assert "Lan" in prompt
    assert stored(db_path, a.id)[1][-1]["author"] == "Lan"


async def test_counts_made_with_old_data_show_stale_until_rechecked(db_path, fresh_db, seed_paths, monkeypatch):
    from bientap.store.articles import stale_ids
    from bientap.tui.screens.glossary import GlossaryScreen
    from bientap.tui.screens.inbox import InboxScreen

    import_paths(fresh_db, [str(p) for p in seed_paths], jobs=1)
    fingerprint = load_context(fresh_db).fingerprint
    assert stale_ids(fresh_db, fingerprint) == []  # the import stored what it counted with
    app = make_app(db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen) and inbox.list.fingerprint == fingerprint
        assert "~" not in "".join(inbox.list.render_line(y).text for y in range(1, 6))
        app.push_screen(GlossaryScreen())
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#g-abbr").value = "QZX"
        app.screen.query_one("#g-expansion").value = "quản trị xã"
        await pilot.press("enter")
        await settle(app, pilot)
        new = load_context(app.db).fingerprint
        assert new != fingerprint and inbox.list.fingerprint == new
        await pilot.press("escape")
        await settle(app, pilot)
        assert stale_ids(app.db, new) == []  # the background job re-checked every article
        assert "~" not in "".join(inbox.list.render_line(y).text for y in range(1, 6))
    db = open_db(db_path)
    try:
        db.execute("UPDATE articles SET checked_with = 'old' WHERE id = 1")
        db.conn.commit()
    finally:
        db.close()
    import bientap.store.workflow

    monkeypatch.setattr(bientap.store.workflow, "recheck_stale", lambda db, **kw: 0)  # the job never catches up
    app = make_app(db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        rows = [app.screen.list.render_line(y).text for y in range(1, 6)]
        assert sum("~" in row for row in rows) == 1


def test_check_timeout_blocks_even_when_the_house_turns_errors_off(fresh_db, add_article):
    from bientap.store.config import config_dir
    from bientap.store.workflow import gate_items

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "style.toml").write_text('[publish_gate]\nerror = "off"\n', encoding="utf-8")
    a = add_article(fresh_db, title="Tít", body="Nội dung.")
    fresh_db.execute("UPDATE articles SET timed_out_sha256 = ? WHERE id = ?",
                     [articles.checked_digest(articles.get(fresh_db, a.id).editable()), a.id])
    findings = assess_stored(fresh_db, articles.get(fresh_db, a.id)).findings
    assert [f.rule for f in findings] == [articles.CHECK_TIMEOUT]
    items = gate_items(findings, load_context(fresh_db))
    assert items and items[0].blocking
    assert set_status(fresh_db, [a.id], "ready").refused


async def test_a_save_the_database_refuses_keeps_the_text(db_path, fresh_db, add_article, monkeypatch):
    """A database locked past the wait (a long import), a full disk: one line, the desk stays, the
    text stays in the editor and as a draft."""
    from bientap.store import workflow
    from bientap.store.db import StoreError

    def locked(*args, **kwargs):
        raise StoreError("cơ sở dữ liệu đang bị tiến trình khác khóa (database is locked by another process)")

    a = add_article(fresh_db, title="Tít", body="Nội dung.")
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, a.id)
        screen.body.move_cursor(screen.body.document.end)
        await pilot.press(*" Thêm")
        monkeypatch.setattr(workflow, "save_article", locked)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen and screen.dirty and screen.body.text.endswith("Thêm")
        assert any("database is locked" in str(n.message) for n in app._notifications)
    assert articles.get(fresh_db, a.id).version == 1
    assert drafts.load_draft(fresh_db, a.id).fields["body"].endswith("Thêm")


def test_an_articles_context_keeps_the_newsroom_fingerprint(fresh_db):
    """with_ignored carries the fingerprint over instead of hashing the glossary again: the same
    value the plain computation gives, and the ignores are not part of it."""
    import dataclasses

    ctx = load_context(fresh_db)
    mine = ctx.with_ignored(frozenset({("typo.nonword", "klông")}))
    plain = dataclasses.replace(ctx, ignored=frozenset({("typo.nonword", "klông")}))
    assert mine.ignored == plain.ignored and mine.fingerprint == plain.fingerprint == ctx.fingerprint
