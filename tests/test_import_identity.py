"""Feed records keep their identity across imports: an edited feed updates its articles (a new
revision) instead of adding copies. Also: feeds written with CR-only line ends are read."""

from __future__ import annotations

import json

import pytest

from bientap import i18n
from bientap.store import articles
from bientap.store.db import open_db


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin import's English wording (reasons, the summary line); the Vietnamese run is
    tests/test_cli_language.py's."""
    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")


def write_feed(path, records, end="\n"):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + end for r in records), encoding="utf-8")
    return path


def summary(result) -> str:
    assert "Traceback" not in result.output
    return result.stdout.strip().splitlines()[-1]


def stored(db_path) -> list[dict]:
    db = open_db(db_path)
    try:
        return [dict(r) for r in db.query("SELECT id, title, body, source_key, version FROM articles ORDER BY id")]
    finally:
        db.close()


FEED = [
    {"id": "vx-101", "source": "VnExpress", "title": "Giá xăng giảm", "body": "Giá xăng giảm 500 đồng.",
     "source_url": "https://vnexpress.net/101"},
    {"source": "Tuổi Trẻ", "title": "Mưa lớn ở Huế", "body": "Huế mưa lớn suốt đêm.",
     "source_url": "https://tuoitre.vn/mua-hue"},
    {"guid": "urn:ttxvn:77", "title": "Hội nghị tỉnh ủy", "body": "Hội nghị khai mạc sáng nay."},
    {"source": "Báo Cần Thơ", "title": "Chợ nổi Cái Răng", "published_at": "2024-03-01",
     "body": "Chợ nổi đông khách dịp cuối tuần."},
]


def test_edited_feed_updates_its_articles(cli, db_path, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", FEED)
    assert summary(cli("import", str(feed))) == "imported 4, updated 0, unchanged 0, rejected 0"

    edited = [dict(r) for r in FEED]
    edited[0].update(title="Giá xăng giảm mạnh", source_url="https://vnexpress.net/101-cap-nhat")  # id holds
    edited[1]["body"] = "Huế mưa lớn suốt đêm, nhiều nơi ngập."  # source_url holds
    edited[2].update(title="Khai mạc hội nghị", body="Hội nghị khai mạc sáng 5/3.")  # guid holds
    edited[3]["body"] = "Chợ nổi đông khách dịp cuối tuần, giá trái cây ổn định."  # source + title + date
    write_feed(feed, edited)
    assert summary(cli("import", str(feed))) == "imported 0, updated 4, unchanged 0, rejected 0"
    rows = stored(db_path)
    assert len(rows) == 4 and [r["version"] for r in rows] == [2, 2, 2, 2]
    assert rows[0]["title"] == "Giá xăng giảm mạnh" and rows[2]["body"] == "Hội nghị khai mạc sáng 5/3."
    history = json.loads(cli("show", str(rows[0]["id"]), "--format", "json").stdout)
    assert history["version"] == 2

    assert summary(cli("import", str(feed))) == "imported 0, updated 0, unchanged 4, rejected 0"
    # The same records written differently (keys in another order, CRLF) are the same records.
    (tmp_path / "again.jsonl").write_text(
        "".join(json.dumps(dict(reversed(list(r.items()))), ensure_ascii=False) + "\r\n" for r in edited),
        encoding="utf-8")
    assert summary(cli("import", str(tmp_path / "again.jsonl"))) == "imported 0, updated 0, unchanged 4, rejected 0"
    assert len(stored(db_path)) == 4


def test_json_array_feed_keeps_identity_too(cli, db_path, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED, ensure_ascii=False), encoding="utf-8")
    assert summary(cli("import", str(feed))) == "imported 4, updated 0, unchanged 0, rejected 0"
    feed.write_text(json.dumps([{**FEED[0], "body": "Giá xăng giảm 700 đồng."}] + FEED[1:], ensure_ascii=False),
                    encoding="utf-8")
    assert summary(cli("import", str(feed))) == "imported 0, updated 1, unchanged 3, rejected 0"
    assert len(stored(db_path)) == 4


def test_same_id_from_another_source_is_another_article(cli, db_path, tmp_path):
    a = write_feed(tmp_path / "a.jsonl", [{"id": 1, "source": "Báo A", "title": "Tin A", "body": "Nội dung A."}])
    b = write_feed(tmp_path / "b.jsonl", [{"id": 1, "source": "Báo B", "title": "Tin B", "body": "Nội dung B."}])
    assert summary(cli("import", str(a), str(b))) == "imported 2, updated 0, unchanged 0, rejected 0"


def test_record_without_identity_is_new_when_changed(cli, db_path, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", [{"body": "Chỉ có nội dung."}])
    assert summary(cli("import", str(feed))) == "imported 1, updated 0, unchanged 0, rejected 0"
    assert summary(cli("import", str(feed))) == "imported 0, updated 0, unchanged 1, rejected 0"
    write_feed(feed, [{"body": "Chỉ có nội dung, đã sửa."}])
    assert summary(cli("import", str(feed))) == "imported 1, updated 0, unchanged 0, rejected 0"


def test_an_editors_article_only_gets_a_note(cli, db_path, tmp_path):
    feed = write_feed(tmp_path / "feed.jsonl", FEED[:1])
    cli("import", str(feed))
    db = open_db(db_path)
    article = articles.get(db, 1)
    articles.save(db, 1, {"body": "Bản biên tập viên đã sửa."}, article.version)
    db.close()
    write_feed(feed, [{**FEED[0], "body": "Giá xăng giảm 900 đồng."}])
    assert summary(cli("import", str(feed))) == "imported 0, updated 1, unchanged 0, rejected 0"
    shown = json.loads(cli("show", "1", "--format", "json").stdout)
    assert shown["body"] == "Bản biên tập viên đã sửa." and shown["source_changed"]
    assert summary(cli("import", str(feed))) == "imported 0, updated 0, unchanged 1, rejected 0"


def test_article_imported_by_url_is_found_when_the_record_gains_an_id(cli, db_path, tmp_path):
    """Articles imported before records had ids (stored under their source_url) are not copied."""
    record = {"title": "Giá vàng", "body": "Giá vàng tăng.", "source_url": "https://a.vn/vang"}
    feed = write_feed(tmp_path / "feed.jsonl", [record])
    cli("import", str(feed))
    write_feed(feed, [{"id": "a-9", **record}])
    assert summary(cli("import", str(feed))) == "imported 0, updated 0, unchanged 1, rejected 0"
    write_feed(feed, [{"id": "a-9", **record, "body": "Giá vàng tăng mạnh."}])
    assert summary(cli("import", str(feed))) == "imported 0, updated 1, unchanged 0, rejected 0"
    rows = stored(db_path)
    assert len(rows) == 1 and rows[0]["source_key"].startswith("id:")
    write_feed(feed, [{"id": "a-9", **record, "body": "Giá vàng tăng mạnh.", "source_url": "https://a.vn/v2"}])
    assert summary(cli("import", str(feed))) == "imported 0, updated 1, unchanged 0, rejected 0"
    assert len(stored(db_path)) == 1


@pytest.mark.parametrize("ident", [[1], {"a": 1}, True, 1.5])
def test_unusable_id_is_refused_in_one_line(cli, db_path, tmp_path, ident):
    feed = write_feed(tmp_path / "feed.jsonl", [{"id": ident, "body": "Nội dung."}, {"body": "Tin khác."}])
    result = cli("import", str(feed))
    assert result.exit_code == 2 and summary(result) == "imported 1, updated 0, unchanged 0, rejected 1"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "feed.jsonl:1" in lines[0] and "id" in lines[0]


# ---- CR-only line ends -------------------------------------------------------------------------

def test_jsonl_with_cr_only_line_ends_is_read(cli, db_path, tmp_path):
    feed = write_feed(tmp_path / "mac.jsonl", FEED, end="\r")
    result = cli("import", str(feed))
    assert result.exit_code == 0 and summary(result) == "imported 4, updated 0, unchanged 0, rejected 0"
    assert [r["title"] for r in stored(db_path)] == [r["title"] for r in FEED]
    assert summary(cli("import", str(feed))) == "imported 0, updated 0, unchanged 4, rejected 0"


def test_cr_only_feed_keeps_line_numbers_and_the_record_cap(cli, db_path, tmp_path):
    lines = [json.dumps(FEED[0], ensure_ascii=False), "{not json",
             json.dumps({"title": "Dài", "body": "x" * 5000}), json.dumps(FEED[1], ensure_ascii=False)]
    feed = tmp_path / "mac.jsonl"
    feed.write_bytes("\r".join(lines).encode() + b"\r")
    result = cli("import", "--max-size", "2000", str(feed))
    assert result.exit_code == 2 and summary(result) == "imported 2, updated 0, unchanged 0, rejected 2"
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("mac.jsonl:2" in line and "JSON" in line for line in errors), errors
    assert any("mac.jsonl:3" in line and "record too large" in line for line in errors), errors


@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 16])
def test_line_ends_split_across_reads(block):
    import io

    from bientap.store.importer import _capped_lines

    data = b"one\r\ntwo\rthree\n\nfour\r\r\nfive"
    lines = list(_capped_lines(io.BytesIO(data), 100, block=block))
    assert lines == [b"one", b"two", b"three", b"", b"four", b"", b"five"]
    assert list(_capped_lines(io.BytesIO(b"short\rtoo long here\rok\r"), 5, block=block)) == [b"short", None, b"ok"]
