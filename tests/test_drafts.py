"""Drafts, ignored findings and removed lines: what the editor keeps beside an article."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bientap.store import articles, drafts
from bientap.store.articles import Article


def _article(db, body="Đoạn một.\n\nĐoạn hai.", title="Tít") -> Article:
    return articles.insert(db, Article(title=title, body=body), source_key=f"k-{title}-{body[:10]}", raw_id=None)


def test_draft_round_trip_and_discard(fresh_db):
    art = _article(fresh_db)
    assert drafts.load_draft(fresh_db, art.id) is None
    drafts.save_draft(fresh_db, art.id, {"body": "mới [bold]x[/]", "title": "Tít", "version": 99}, art.version)
    draft = drafts.load_draft(fresh_db, art.id)
    assert draft.fields == {"body": "mới [bold]x[/]", "title": "Tít"}  # only editable fields kept
    assert draft.base_version == art.version
    drafts.save_draft(fresh_db, art.id, {"body": "lần hai"}, art.version)
    assert drafts.load_draft(fresh_db, art.id).fields == {"body": "lần hai"}
    assert fresh_db["drafts"].count == 1
    drafts.discard_draft(fresh_db, art.id)
    assert drafts.load_draft(fresh_db, art.id) is None


def test_someone_elses_save_leaves_the_draft(fresh_db):
    """A desk that crashed keeps its unsaved text even when a colleague saves the article meanwhile."""
    art = _article(fresh_db)
    drafts.save_draft(fresh_db, art.id, {"body": "chưa lưu"}, art.version)
    articles.save(fresh_db, art.id, {"title": "Tít khác"}, art.version, editor="colleague")
    draft = drafts.load_draft(fresh_db, art.id)
    assert draft.fields == {"body": "chưa lưu"} and draft.base_version == art.version


def test_draft_survives_another_connection(db_path, fresh_db):
    from bientap.store.db import open_db

    art = _article(fresh_db)
    drafts.save_draft(fresh_db, art.id, {"body": "sống sót"}, art.version)
    other = open_db(db_path)
    try:
        assert drafts.load_draft(other, art.id).fields["body"] == "sống sót"
    finally:
        other.close()


def test_ignore_finding_is_per_article_and_idempotent(fresh_db):
    one, two = _article(fresh_db, title="Một"), _article(fresh_db, title="Hai")
    drafts.ignore_finding(fresh_db, one.id, "typo.unknown", "xuấtl")
    drafts.ignore_finding(fresh_db, one.id, "typo.unknown", "xuấtl")
    assert drafts.ignored_for(fresh_db, one.id) == {("typo.unknown", "xuấtl")}
    assert drafts.ignored_for(fresh_db, two.id) == frozenset()
    assert fresh_db["ignored_findings"].count == 1
    drafts.unignore_finding(fresh_db, one.id, "typo.unknown", "xuấtl")
    assert drafts.ignored_for(fresh_db, one.id) == frozenset()


def test_removed_lines_listed_and_restored(fresh_db):
    art = _article(fresh_db)
    fresh_db["removed_lines"].insert_all([
        {"article_id": art.id, "position": 1, "kind": "caption", "reason": "chú thích ảnh", "text": "Ảnh: X"},
        {"article_id": art.id, "position": 0, "kind": "boilerplate", "reason": "menu", "text": "Trang chủ"},
    ])
    lines = drafts.removed_lines_for(fresh_db, art.id)
    assert [line.text for line in lines] == ["Trang chủ", "Ảnh: X"]
    restored = drafts.restore_removed_line(fresh_db, lines[1].id)
    assert restored.restored and restored.text == "Ảnh: X"
    assert [line.text for line in drafts.removed_lines_for(fresh_db, art.id)] == ["Trang chủ"]
    assert len(drafts.removed_lines_for(fresh_db, art.id, include_restored=True)) == 2


def test_insert_paragraph_positions():
    body = "Một.\n\nHai.\n\nBa."
    assert drafts.insert_paragraph(body, 0, "X") == ("X\n\nMột.\n\nHai.\n\nBa.", 0)
    assert drafts.insert_paragraph(body, 1, "X") == ("Một.\n\nX\n\nHai.\n\nBa.", 6)
    assert drafts.insert_paragraph(body, 9, "X") == ("Một.\n\nHai.\n\nBa.\n\nX", 17)
    assert drafts.insert_paragraph("Một.\nHai.\n", 1, "X") == ("Một.\nX\nHai.\n", 5)
    assert drafts.insert_paragraph("", 0, "X") == ("X", 0)


@given(st.text(alphabet="ab \n", max_size=30), st.integers(0, 6), st.text(alphabet="xyz", min_size=1, max_size=5))
def test_insert_paragraph_keeps_every_character(body, position, text):
    new, at = drafts.insert_paragraph(body, position, text)
    assert new[at:at + len(text)] == text
    assert new.replace(text, "", 1).replace("\n", "") == body.replace("\n", "")


def test_each_editor_has_their_own_draft(fresh_db):
    art = _article(fresh_db)
    drafts.save_draft(fresh_db, art.id, {"body": "của An"}, art.version, editor="an")
    drafts.save_draft(fresh_db, art.id, {"body": "của Bình"}, art.version, editor="binh")
    assert drafts.load_draft(fresh_db, art.id, editor="an").fields["body"] == "của An"
    assert drafts.load_draft(fresh_db, art.id, editor="binh").fields["body"] == "của Bình"
    drafts.discard_draft(fresh_db, art.id, editor="an")
    assert drafts.load_draft(fresh_db, art.id, editor="an") is None
    assert drafts.load_draft(fresh_db, art.id, editor="binh") is not None


def test_a_version_2_database_keeps_its_drafts_through_the_migration(db_path):
    import sqlite3

    from bientap.store.db import SCHEMA_VERSION, open_db

    db = open_db(db_path)
    art = _article(db)
    db.close()
    # Back to the schema before drafts had an editor, with a draft in it.
    conn = sqlite3.connect(db_path)
    conn.executescript(
        "DROP TABLE drafts; CREATE TABLE drafts (article_id INTEGER PRIMARY KEY REFERENCES articles(id), "
        "base_version INTEGER, fields TEXT, saved_at TEXT);"
        "DELETE FROM _sqlite_migrations WHERE name = 'm003_drafts_per_editor'; PRAGMA user_version = 2;")
    conn.execute("INSERT INTO drafts VALUES (?, 1, ?, '2026-01-01T00:00:00')", [art.id, '{"body": "cũ"}'])
    conn.commit()
    conn.close()
    db = open_db(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert drafts.load_draft(db, art.id).fields == {"body": "cũ"}  # offered to whoever opens it
    drafts.discard_draft(db, art.id)
    assert drafts.load_draft(db, art.id) is None
    db.close()


def test_ignoring_a_finding_makes_the_stored_counts_stale_and_the_recheck_counts_it_out(fresh_db):
    from bientap.store import workflow
    from bientap.store.context import load_context

    art = _article(fresh_db, body="Sở đề nghị cacs phòng ban phối hợp chặt chẽ.", title="Phối hợp")
    ctx = load_context(fresh_db)
    workflow.recheck(fresh_db, [art.id], ctx)
    before = articles.get(fresh_db, art.id).warnings
    assert before >= 1 and art.id not in articles.stale_ids(fresh_db, ctx.fingerprint)
    drafts.ignore_finding(fresh_db, art.id, "typo.nonword", "cacs")
    assert art.id in articles.stale_ids(fresh_db, ctx.fingerprint)  # the inbox shows it stale
    workflow.recheck_stale(fresh_db, ctx)
    assert articles.get(fresh_db, art.id).warnings == before - 1
    drafts.unignore_finding(fresh_db, art.id, "typo.nonword", "cacs")
    workflow.recheck_stale(fresh_db, ctx)
    assert articles.get(fresh_db, art.id).warnings == before
