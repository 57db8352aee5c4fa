"""The store: migrations, optimistic saves, revisions, listing."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bientap.store import articles
from bientap.store.articles import Article, ConflictError, Query
from bientap.store.db import SCHEMA_VERSION, StoreError, open_db
from bientap.store.workflow import restore_revision


def make(db, title="Tít", body="Đoạn một.\n\nĐoạn hai.", key="k1", **kw):
    return articles.insert(db, Article(title=title, body=body, **kw), source_key=key, raw_id=None)


def test_migrations_from_an_empty_file(db_path):
    db = open_db(db_path)
    tables = set(db.table_names())
    assert {"articles", "raw_imports", "revisions", "removed_lines", "glossary", "custom_words",
            "drafts", "articles_fts"} <= tables
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = db["_sqlite_migrations"].count
    db.close()
    # Opening again applies nothing new.
    db = open_db(db_path)
    assert db["_sqlite_migrations"].count == applied >= 1


def test_newer_schema_is_refused(db_path):
    open_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_db(db_path)


def test_save_appends_revision_with_editor(fresh_db, monkeypatch):
    a = make(fresh_db)
    monkeypatch.setenv("BIENTAP_EDITOR", "Lan")
    saved = articles.save(fresh_db, a.id, {"title": "Tít mới"}, expected_version=1)
    assert saved.version == 2 and saved.edited == 1
    revs = articles.revisions(fresh_db, a.id)
    assert [r["version"] for r in revs] == [2, 1]
    assert revs[0]["editor"] == "Lan"
    assert json.loads(revs[0]["snapshot"])["title"] == "Tít mới"


def test_optimistic_conflict_keeps_both(fresh_db, db_path):
    a = make(fresh_db)
    other = open_db(db_path)
    articles.save(other, a.id, {"body": "Của đồng nghiệp."}, expected_version=1, editor="B")
    with pytest.raises(ConflictError) as info:
        articles.save(fresh_db, a.id, {"body": "Của tôi."}, expected_version=1, editor="A")
    assert info.value.actual == 2
    assert articles.get(fresh_db, a.id).body == "Của đồng nghiệp."
    # Keep mine as a new revision on top: save against the current version.
    mine = articles.save(fresh_db, a.id, {"body": "Của tôi."}, expected_version=2, editor="A")
    bodies = [json.loads(r["snapshot"])["body"] for r in articles.revisions(fresh_db, a.id)]
    assert mine.version == 3 and "Của đồng nghiệp." in bodies and "Của tôi." in bodies


def test_restore_revision_is_a_new_revision(fresh_db):
    a = make(fresh_db)
    articles.save(fresh_db, a.id, {"title": "Hai"}, 1)
    restored = restore_revision(fresh_db, a.id, 1, expected_version=2)
    assert restored.title == "Tít" and restored.version == 3


def test_save_rejects_unknown_fields_and_status(fresh_db):
    a = make(fresh_db)
    with pytest.raises(ValueError):
        articles.save(fresh_db, a.id, {"id": 5}, 1)
    with pytest.raises(ValueError):
        articles.save(fresh_db, a.id, {"status": "lost"}, 1)
    with pytest.raises(ValueError, match="ngày"):
        articles.save(fresh_db, a.id, {"published_at": "32/13/2022"}, 1)
    assert articles.get(fresh_db, a.id).version == 1


def test_stored_fields_drop_controls_and_keep_emoji_zwj(fresh_db):
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    a = make(fresh_db, title="A\x1b[31mB\u202eC", body=f"x\r\ny {family}\x07")
    got = articles.get(fresh_db, a.id)
    assert got.title == "A[31mBC"
    assert got.body == f"x\ny {family}"


@pytest.mark.parametrize("value,expected", [
    ("14/05/2022", "2022-05-14"),
    ("2022-05-14", "2022-05-14"),
    ("2022-05-14T10:38", "2022-05-14T10:38:00+07:00"),
    ("2022-05-14T10:38:00+07:00", "2022-05-14T10:38:00+07:00"),
])
def test_normalize_date(value, expected):
    assert articles.normalize_date(value) == expected


def test_keyset_pages_cover_everything_once(fresh_db):
    for i in range(23):
        make(fresh_db, title=f"Bài {i}", key=f"k{i}", published_at=f"2022-01-{1 + i % 5:02d}")
    seen, after = [], None
    while True:
        page = articles.list_page(fresh_db, Query(), after=after, limit=7)
        seen += [r["id"] for r in page]
        if len(page) < 7:
            break
        after = page[-1]["_key"]
    assert sorted(seen) == list(range(1, 24)) and len(seen) == 23
    dates = [articles.get(fresh_db, i).published_at for i in seen]
    assert dates == sorted(dates, reverse=True)
    assert articles.count(fresh_db, Query()) == 23
    assert articles.status_counts(fresh_db)["draft"] == 23


def test_search_folds_diacritics_and_d(fresh_db):
    make(fresh_db, title="Đổi mới ở Cần Thơ", key="a")
    make(fresh_db, title="Khánh Hòa", key="b")
    assert [r["title"] for r in articles.list_page(fresh_db, Query(search="doi moi"))] == ["Đổi mới ở Cần Thơ"]
    assert [r["title"] for r in articles.list_page(fresh_db, Query(search="Can Tho"))] == ["Đổi mới ở Cần Thơ"]
    assert [r["title"] for r in articles.list_page(fresh_db, Query(search="hoà"))] == ["Khánh Hòa"]
    for hostile in ['"', "*", "NEAR(", "-x", "a OR", "(", "^"]:
        articles.list_page(fresh_db, Query(search=hostile))


def test_vietnamese_title_order():
    titles = ["Đà Nẵng", "Dân số", "Zalo", "Ăn uống", "An Giang", "Âm nhạc", "Bến Tre"]
    assert sorted(titles, key=articles.title_sort_key) == [
        "An Giang", "Ăn uống", "Âm nhạc", "Bến Tre", "Dân số", "Đà Nẵng", "Zalo"]


def test_titles_in_korean_or_rare_cjk_are_stored_and_sorted(fresh_db):
    # Their sort keys once landed in the surrogate range ("한" U+D55C, "𭗾" U+2D5FE), which no
    # string stored in SQLite may hold: the article could not be saved at all.
    for key, title in (("a", "한국 관광"), ("b", "𭗾 tin"), ("c", "An Giang")):
        make(fresh_db, title=title, key=key)
    keys = [articles.title_sort_key(t) for t in ("한국 관광", "𭗾 tin", "An Giang")]
    assert all(k.encode("utf-8") for k in keys)
    assert [r["title"] for r in articles.list_page(fresh_db, Query(sort="title"))][0] == "An Giang"


def test_search_index_has_prefix_indexes_and_keeps_rows(fresh_db):
    make(fresh_db, title="Kinh tế Cần Thơ", key="a")
    sql = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "prefix='1 2 3'" in sql
    for typed in ("k", "kinh t", "Kinh te", "can th"):
        assert [r["title"] for r in articles.list_page(fresh_db, Query(search=typed))] == ["Kinh tế Cần Thơ"]


def test_prefix_migration_carries_the_old_index(db_path):
    from bientap.store.db import migrations

    db = open_db(db_path, migrate=False)
    migrations.apply(db, stop_before="m004_search_prefix_index")
    # An article as that schema held it (only the columns it had), with its search row.
    prepared = articles.prepare_insert(Article(title="Đổi mới sáng tạo", body="Đoạn một."))
    have = {c.name for c in db["articles"].columns}
    row = {k: v for k, v in prepared.record.items() if k in have} | {"source_key": "a", "raw_id": None}
    with db.atomic():
        article_id = articles.insert_row(db, "articles", row)
        db.execute("INSERT INTO articles_fts(rowid, title, sapo, body, byline) VALUES (?, ?, ?, ?, ?)",
                   [article_id, *prepared.folded])
    db.close()
    db = open_db(db_path)
    assert [r["title"] for r in articles.list_page(db, Query(search="doi moi s"))] == ["Đổi mới sáng tạo"]
