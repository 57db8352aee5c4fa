"""Import of raw scraped text and feeds: metadata, encodings, identity, refusals."""

from __future__ import annotations

import json
import unicodedata

import pytest

from bientap import i18n
from bientap.store import articles
from bientap.store.importer import import_paths, raw_original


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin import's English wording (reasons, the summary line); the Vietnamese run is
    tests/test_cli_language.py's."""
    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")


def by_seed(db, prefix):
    row = next(db.query("SELECT id FROM articles WHERE source_file LIKE ?", [f"%{prefix}%"]))
    return articles.get(db, row["id"])


def test_seed_metadata(seeded_db):
    a0 = by_seed(seeded_db, "000_")
    assert a0.title == "Hội thảo – Tập huấn “Đổi mới sáng tạo và hệ thống quản lý đổi mới sáng tạo”"
    assert a0.published_at.startswith("2022-05-14")
    assert a0.byline == "Đ.Mãi"
    assert a0.location == "Khánh Hòa"
    a2 = by_seed(seeded_db, "002_")
    assert (a2.byline, a2.published_at[:10], a2.location) == ("Khánh Trang", "2023-05-17", "Phú Thọ")
    a4 = by_seed(seeded_db, "004_")
    assert (a4.byline, a4.published_at[:10], a4.location) == ("ctngoc", "2022-05-10", "Cần Thơ")
    assert by_seed(seeded_db, "003_").byline is None


def test_boilerplate_leaves_body_but_stays_restorable(seeded_db):
    a3 = by_seed(seeded_db, "003_")
    assert "Truy cập tổng" not in a3.body
    removed = [r["text"] for r in seeded_db.query("SELECT text FROM removed_lines WHERE article_id = ?", [a3.id])]
    assert any("Truy cập tổng" in t for t in removed)
    a1 = by_seed(seeded_db, "001_")
    assert "Description: C:\\" not in a1.body


def test_raw_original_is_byte_for_byte(seeded_db, seed_paths):
    for path in seed_paths:
        a = by_seed(seeded_db, path.name[:4])
        assert raw_original(seeded_db, a.id) == path.read_bytes()


def test_import_twice_changes_nothing(seeded_db, seed_paths):
    report = import_paths(seeded_db, [str(p) for p in seed_paths])
    assert report.count("unchanged") == 5
    assert seeded_db["articles"].count == 5
    assert seeded_db["raw_imports"].count == 5


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


ARTICLE = ("Tỉnh Nghệ An khởi công dự án mới\n\n"
           "Ngày 3/4/2024, UBND tỉnh Nghệ An tổ chức lễ khởi công dự án cấp nước sạch cho ba huyện miền núi.\n\n"
           "Dự án có tổng vốn đầu tư hơn 200 tỷ đồng, dự kiến hoàn thành trong năm 2025, phục vụ hơn 30.000 hộ dân.\n\n"
           "Minh Anh\n")


@pytest.mark.parametrize("name,encode", [
    ("bom.txt", lambda s: b"\xef\xbb\xbf" + s.encode()),
    ("utf16.txt", lambda s: s.encode("utf-16")),
    ("crlf.txt", lambda s: s.replace("\n", "\r\n").encode()),
    ("cr.txt", lambda s: s.replace("\n", "\r").encode()),
    ("nfd.txt", lambda s: unicodedata.normalize("NFD", s).encode()),
])
def test_encodings_and_line_ends_import_alike(fresh_db, tmp_path, name, encode):
    path = write(tmp_path, name, encode(ARTICLE))
    report = import_paths(fresh_db, [str(path)])
    assert report.count("imported") == 1, report.results
    a = articles.get(fresh_db, report.results[0].article_id)
    assert a.title == "Tỉnh Nghệ An khởi công dự án mới"
    assert "\r" not in a.body and unicodedata.is_normalized("NFC", a.body)
    assert "hơn 200 tỷ đồng" in a.body
    assert raw_original(fresh_db, a.id) == path.read_bytes()


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 has the base letters (ê, ơ, ă...) and tones as combining marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def test_windows_1258_is_converted_not_mojibake(fresh_db, tmp_path):
    path = write(tmp_path, "cp1258.txt", encode_cp1258(ARTICLE))
    report = import_paths(fresh_db, [str(path)])
    assert report.count("imported") == 1, report.results
    a = articles.get(fresh_db, report.results[0].article_id)
    assert a.title == "Tỉnh Nghệ An khởi công dự án mới"


def test_file_without_title_line(fresh_db, tmp_path):
    path = write(tmp_path, "notitle.txt", "chỉ có một đoạn văn rất ngắn, không có tít, không có ngày.".encode())
    report = import_paths(fresh_db, [str(path)])
    assert report.count("imported") == 1
    a = articles.get(fresh_db, report.results[0].article_id)
    assert a.body and a.published_at is None and a.byline is None


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\n", "whitespace"),
    ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("bad.txt", b"Xin ch\xe0o \xff\xfe\xfd \x81\x82", "UTF-8"),
    ("nul.txt", "Tít\n\nBài có \x00 NUL".encode(), "NUL"),
])
def test_bad_files_refused_others_imported(fresh_db, tmp_path, name, data, reason):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", ARTICLE.encode())
    report = import_paths(fresh_db, [str(bad), str(good)])
    rejected = report.rejected
    assert len(rejected) == 1 and rejected[0].source == str(bad)
    assert reason.lower() in rejected[0].reason.lower()
    assert report.count("imported") == 1
    assert fresh_db["raw_imports"].count == 1


def test_size_cap(fresh_db, tmp_path):
    big = write(tmp_path, "big.txt", ARTICLE.encode() * 50)
    report = import_paths(fresh_db, [str(big)], size_cap=1000)
    assert report.rejected and "too large" in report.rejected[0].reason


def test_changed_source_updates_untouched_article(fresh_db, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE.encode())
    first = import_paths(fresh_db, [str(path)]).results[0]
    path.write_bytes(ARTICLE.replace("200 tỷ", "250 tỷ").encode())
    second = import_paths(fresh_db, [str(path)]).results[0]
    assert second.outcome == "updated" and second.article_id == first.article_id
    a = articles.get(fresh_db, first.article_id)
    assert "250 tỷ" in a.body and a.version == 2 and a.edited == 0


def test_changed_source_never_overwrites_an_editor(fresh_db, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE.encode())
    first = import_paths(fresh_db, [str(path)]).results[0]
    articles.save(fresh_db, first.article_id, {"body": "Bản đã biên tập."}, 1, editor="Lan")
    path.write_bytes(ARTICLE.replace("200 tỷ", "250 tỷ").encode())
    import_paths(fresh_db, [str(path)])
    a = articles.get(fresh_db, first.article_id)
    assert a.body == "Bản đã biên tập." and a.source_changed
    assert raw_original(fresh_db, a.id) == path.read_bytes()


def test_feed_records(fresh_db, tmp_path):
    records = [
        {"title": "Tin một", "body": "Nội dung tin một.", "source_url": "https://a.vn/1",
         "published_at": "2024-03-01", "tags": ["kinh tế"], "location": "Hà Nội"},
        {"title": "Không có thân bài"},
        {"title": "Tin hai", "body": "Nội dung tin hai.", "published_at": "2024-03-02T08:15:00+07:00"},
    ]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\nnot json\n"
    path = write(tmp_path, "feed.jsonl", lines.encode())
    report = import_paths(fresh_db, [str(path)])
    assert report.count("imported") == 2 and report.count("rejected") == 2
    first = articles.get(fresh_db, report.results[0].article_id)
    assert first.tags == ["kinh tế"] and first.location == "Hà Nội" and first.published_at == "2024-03-01"
    assert raw_original(fresh_db, first.id) == json.dumps(records[0], ensure_ascii=False).encode()
    again = import_paths(fresh_db, [str(path)])
    assert again.count("unchanged") == 2 and fresh_db["articles"].count == 2


def test_folder_recursive_and_missing_path(fresh_db, tmp_path):
    sub = tmp_path / "in" / "deep"
    sub.mkdir(parents=True)
    write(sub, "x.txt", ARTICLE.encode())
    write(tmp_path / "in", "ignore.png", b"\x89PNG")
    report = import_paths(fresh_db, [str(tmp_path / "in"), str(tmp_path / "nope.txt")])
    assert report.count("imported") == 1
    assert [r.source for r in report.rejected] == [str(tmp_path / "nope.txt")]


# Text that is empty once cleaned: refused like an empty file, one line naming the file.
INVISIBLE = {
    "zero_width.txt": "\u200b\u200c\u2060\ufeff\u200b\n\u200b",
    "bom_only.txt": "\ufeff\ufeff\n",
    "bidi.txt": "\u202e\u202d\u2066\u2069\u200f\n\u061c",
    "escapes.txt": "\x1b[31m\x1b[1;5m\x1b]0;title\x07\x1b[0m\n\x1b[2J",
    "combining.txt": "\u0301\u0300\u0303\u0309\u0323 \u20dd",
    "mixed.txt": "\ufeff \u200b\t\x1b[0m\u0301\u3164\u2800\n\u202e",
}


def test_text_empty_after_cleaning_is_refused(cli, db_path, tmp_path):
    for name, text in INVISIBLE.items():
        write(tmp_path, name, text.encode("utf-8"))
    good = write(tmp_path, "good.txt", ARTICLE.encode())
    result = cli("import", *(str(tmp_path / name) for name in INVISIBLE), str(good))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"imported 1, updated 0, unchanged 0, rejected {len(INVISIBLE)}" in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(INVISIBLE)
    for name in INVISIBLE:
        about = [line for line in lines if name in line]
        assert len(about) == 1 and "nothing left after cleaning" in about[0], lines
        assert "\x1b" not in about[0]


def test_feed_record_empty_after_cleaning_is_refused(cli, db_path, tmp_path):
    records = [{"title": "Tin", "body": text} for text in INVISIBLE.values()]
    records.append({"title": "\u200b\u200b", "body": "Nội dung thật.", "byline": "\u202e"})
    path = write(tmp_path, "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records).encode())
    result = cli("import", str(path))
    assert result.exit_code == 2
    assert f"imported 1, updated 0, unchanged 0, rejected {len(INVISIBLE)}" in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert [line.split(": ")[1] for line in lines] == [f"rejected {path}:{i}" for i in range(1, len(INVISIBLE) + 1)]
    assert all("nothing left after cleaning" in line for line in lines)
    kept = json.loads(cli("list", "--format", "json").stdout)
    assert len(kept) == 1 and kept[0]["title"] is None and kept[0]["byline"] is None  # no invisible-only tít


def test_a_pdf_bulletins_wrapped_lines_import_as_paragraphs(cli, tmp_path):
    # Text copied from a PDF breaks its lines inside sentences; each paragraph is one again, while
    # the running header with its tabs and page number stays apart.
    page = tmp_path / "bulletin.txt"
    page.write_text("\n".join([
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "BẢN TIN KHOA HỌC",
        "ỨNG DỤNG CÔNG NGHỆ MỚI TRONG NUÔI TÔM VÙNG VEN BIỂN",
        "\tNuôi tôm là một trong những thế mạnh của các xã ven biển với tổng diện",
        "tích khoảng 1.800 ha. Tuy nhiên, những năm gần đây, dịch bệnh và thời tiết",
        "khiến nhiều hộ nuôi thua lỗ nặng.",
        "\tTrước thực trạng đó, Sở đã phê duyệt nhiệm vụ ứng dụng hệ thống giám sát",
        "môi trường ao nuôi, giúp người nuôi theo dõi các chỉ số ngay trên điện thoại.",
        "Bản tin Khoa học\tSố 11/2025\t5",
        "\tKết quả cho thấy tỷ lệ sống của tôm đạt trên 85%, cao hơn hẳn cách nuôi cũ.",
    ]), encoding="utf-8")
    assert cli("import", str(page)).exit_code == 0
    got = json.loads(cli("show", "1", "--format", "json").output)
    assert got["title"] == "ỨNG DỤNG CÔNG NGHỆ MỚI TRONG NUÔI TÔM VÙNG VEN BIỂN"
    paragraphs = [got["sapo"], *got["body"].split("\n\n")]
    assert paragraphs[0].startswith("Nuôi tôm là một trong những thế mạnh") and paragraphs[0].endswith("thua lỗ nặng.")
    assert any(p.startswith("Trước thực trạng đó") and p.endswith("ngay trên điện thoại.") for p in paragraphs)
