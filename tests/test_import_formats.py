"""HTML pages, RSS/Atom files and .docx through `bientap import`, and their guarantees (issue 18)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from _feeds import atom, rss
from _pages import LAYOUTS, seed_fields
from bientap import i18n


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin import's English wording (reasons, the summary line); the Vietnamese run is
    tests/test_cli_language.py's."""
    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _listed(cli) -> list[dict]:
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _shown(cli, article_id: int) -> dict:
    return json.loads(cli("show", str(article_id), "--format", "json").output)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", [0, 3])
def test_html_page_fields_from_structure(cli, tmp_path, layout, seed):
    fields = seed_fields(seed)
    page = tmp_path / f"bai.{'htm' if layout == 'cms' else 'html'}"
    page.write_text(LAYOUTS[layout](fields), encoding="utf-8")
    result = cli("import", str(page))
    assert result.exit_code == 0, result.output
    (row,) = _listed(cli)
    art = _shown(cli, row["id"])
    assert art["title"] == fields.title
    assert art["published_at"] == "2023-05-17T08:30:00+07:00"
    assert _norm(art["sapo"]) == _norm(fields.sapo)
    assert art["byline"] == fields.byline or (layout == "news" and art["byline"] is None)
    body = _norm(art["body"])
    for para in fields.paragraphs:
        assert _norm(para) in body
    for intertitle in fields.intertitles.values():
        assert intertitle in art["body"].split("\n\n")
    for chrome in ("Trang chủ", "Lượt truy cập", "Giá vàng", "Tin liên quan", "Các tin khác", "Xem nhiều nhất",
                   "Quảng cáo chèn", "Nội dung ẩn", "Đoạn ẩn", "_gaq", "color: red", "tin khác: bản cũ",
                   "Quang cảnh hội thảo"):
        assert chrome not in art["body"] and chrome not in (art["sapo"] or "")
    assert cli("show", str(row["id"]), "--raw").stdout_bytes == page.read_bytes()


def test_html_caption_is_a_removed_line(cli, tmp_path, fresh_db):
    page = tmp_path / "p.html"
    page.write_text(LAYOUTS["news"](seed_fields(2)), encoding="utf-8")
    cli("import", str(page))
    rows = list(fresh_db.query("SELECT kind, text FROM removed_lines"))
    assert {"kind": "caption", "text": "Quang cảnh hội thảo. Ảnh: Minh Anh"} in rows


def test_windows_1258_page_by_meta_charset(cli, tmp_path):
    fields = seed_fields(4)
    html = LAYOUTS["cms"](fields).replace('charset="UTF-8"', 'charset="windows-1258"')
    page = tmp_path / "cu.html"
    page.write_bytes(html.encode("cp1258", "xmlcharrefreplace"))
    assert cli("import", str(page)).exit_code == 0
    (row,) = _listed(cli)
    assert _shown(cli, row["id"])["title"] == fields.title


def test_rss_and_atom_one_article_per_item(cli, tmp_path):
    (tmp_path / "tin.rss").write_bytes(rss())
    (tmp_path / "tin.atom").write_bytes(atom())
    result = cli("import", str(tmp_path))
    assert result.exit_code == 0, result.output
    rows = {r["title"]: r for r in _listed(cli)}
    assert len(rows) == 5
    f = seed_fields(1)
    art = _shown(cli, rows[f.title]["id"])
    assert art["source_url"] == "https://sokhcn.example.gov.vn/tin/1.html"
    assert art["published_at"] == "2023-05-17T08:30:00+07:00"
    assert art["byline"] == f.byline and _norm(art["sapo"]) == _norm(f.sapo)
    assert "alert" not in art["body"] and "Ảnh minh họa" not in art["body"]
    raw = cli("show", str(art["id"]), "--raw").stdout_bytes
    assert raw.startswith(b"<item>") and raw.endswith(b"</item>") and raw in rss()
    assert seed_fields(3).title in rows  # Atom's type="html" title read as text
    again = cli("import", str(tmp_path))
    assert "unchanged 5" in again.output


def test_rss_edited_item_updates_by_link(cli, tmp_path):
    feed = tmp_path / "tin.xml"
    feed.write_bytes(rss((0,)))
    cli("import", str(feed))
    feed.write_bytes(rss((0,)).replace("Đ.Mãi".encode(), "Đức Mãi".encode()))
    result = cli("import", str(feed))
    assert "updated 1" in result.output
    (row,) = _listed(cli)
    assert row["byline"] == "Đức Mãi"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>x</title><item><title>&d;</title><description>&d;</description></item></channel></rss>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>t</title><description>&x;</description></item></channel></rss>"""


@pytest.mark.parametrize("data, reason", [
    (BILLION_LAUGHS, "DOCTYPE/ENTITY"),
    (XXE, "DOCTYPE/ENTITY"),
    (b"<rss><channel><item><title>a & b</title></item></channel></rss>", "broken XML"),
    (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    (b"", "empty file"),
])
def test_bad_feeds_refused_one_by_one(cli, tmp_path, data, reason):
    (tmp_path / "bad.xml").write_bytes(data)
    (tmp_path / "good.rss").write_bytes(rss((2,)))
    result = cli("import", str(tmp_path))
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "bad.xml" in line]
    assert len(lines) == 1 and reason in lines[0], result.stderr
    assert "root:" not in result.output and "Traceback" not in result.output
    assert [r["title"] for r in _listed(cli)] == [seed_fields(2).title]


@pytest.mark.parametrize("data, reason", [
    (b"<html><body><script>alert(1)</script><style>p{}</style><!-- x --></body></html>", "nothing left"),
    (b"<html>\x00\x01binary", "binary"),
    ("<html><meta charset='koi8-r'><body>Привет мир</body></html>".encode("koi8-r"), "charset"),
])
def test_bad_pages_refused(cli, tmp_path, data, reason):
    (tmp_path / "bad.html").write_bytes(data)
    result = cli("import", str(tmp_path))
    assert result.exit_code == 2 and reason in result.stderr, result.stderr
    assert _listed(cli) == []


def test_html_entity_bomb_is_inert(cli, tmp_path):
    html = BILLION_LAUGHS.replace(b"<rss", b"<html><body><p>Xin ch\xc3\xa0o &d; " + b"b\xc3\xa0i vi\xe1\xba\xbft " * 30
                                  + b"</p></body></html><rss")
    (tmp_path / "bomb.html").write_bytes(html)
    cli("import", str(tmp_path))
    for row in _listed(cli):
        assert "aaaaaaaaaa" not in _shown(cli, row["id"])["body"]


def test_html_over_the_size_cap(cli, tmp_path):
    (tmp_path / "big.html").write_bytes(b"<html><body>" + b"<p>chu</p>" * 2000 + b"</body></html>")
    result = cli("import", "--max-size", "1000", str(tmp_path))
    assert result.exit_code == 2 and "big.html" in result.stderr


def _docx(tmp_path):
    import docx

    f = seed_fields(1)
    document = docx.Document()
    document.add_heading(f.title, level=1)
    document.add_paragraph(f.sapo)
    for i, para in enumerate(f.paragraphs):
        if i == 2:
            document.add_paragraph().add_run("Kết quả nổi bật").bold = True
        document.add_paragraph(para)
    document.core_properties.author = "Phóng viên Lê Hà"
    path = tmp_path / "bai.docx"
    document.save(path)
    return path, f


def test_docx_from_a_reporter(cli, tmp_path):
    path, f = _docx(tmp_path)
    assert cli("import", str(path)).exit_code == 0
    (row,) = _listed(cli)
    art = _shown(cli, row["id"])
    assert art["title"] == f.title
    assert art["byline"] == "Phóng viên Lê Hà"
    assert _norm(art["sapo"]) == _norm(f.sapo)
    assert "Kết quả nổi bật" in art["body"].split("\n\n")
    assert all(_norm(p) in _norm(art["body"]) for p in f.paragraphs)
    assert cli("show", str(row["id"]), "--raw").stdout_bytes == path.read_bytes()


def test_bad_docx_refused(cli, tmp_path):
    (tmp_path / "cu.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old .doc")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (120 * 1024 * 1024) + b"/>")
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    result = cli("import", str(tmp_path))
    assert result.exit_code == 2
    assert "not a zip" in result.stderr and "unpacks too large" in result.stderr
    assert _listed(cli) == []


def test_json_record_html_field(cli, tmp_path):
    record = {"id": 7, "title": "Tít", "html": "<p>Đoạn một của bài viết.</p><script>x()</script><p>Đoạn hai.</p>"}
    (tmp_path / "f.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli("import", str(tmp_path)).exit_code == 0
    (row,) = _listed(cli)
    assert _shown(cli, row["id"])["body"] == "Đoạn một của bài viết.\n\nĐoạn hai."


def test_a_section_name_cut_from_the_headline_is_a_removed_line(cli, tmp_path, fresh_db):
    fields = seed_fields(2)
    page = tmp_path / "p.txt"
    page.write_text(f"BÁO BIỂN XANH\nTrang chủ\nThời sự\nKinh tế\nTHỜI SỰ | {fields.title}\n{fields.shown_date}\n\n"
                    f"{fields.sapo}\n\n" + "\n\n".join(fields.paragraphs) + f"\n\n{fields.byline}\n", encoding="utf-8")
    assert cli("import", str(page)).exit_code == 0
    (row,) = _listed(cli)
    assert _shown(cli, row["id"])["title"] == fields.title
    rows = list(fresh_db.query("SELECT kind, reason, text FROM removed_lines WHERE text = 'THỜI SỰ'"))
    assert rows == [{"kind": "boilerplate", "reason": "boilerplate.menu section_prefix", "text": "THỜI SỰ"}]
