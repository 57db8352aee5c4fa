"""Scale work keeps behaviour: worker processes give what one process gives, and the fast paths of
the checks give what the plain code they replaced gives. Speed itself is measured by
benchmarks/run.py, never asserted here."""

from __future__ import annotations

import json
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import bientap.store.importer
from bientap.checks.engine import REGISTRY, Context, check_text, load_rules
from bientap.checks.style import HouseStyle
from bientap.checks.text import fold
from bientap.store.db import open_db
from bientap.store.importer import import_paths

ARTICLE = ("Sở KH&CN tỉnh Khánh Hoà tổ chức hội thảo về chuyên giao công nghệ.\n\n"
           "Hội thảo có sự tham gia của  các doanh nghiệp , viện nghiên cứu và trường đại học.\n\n"
           "Ông Nguyễn Văn An, Giám đốc Sở, cho biết: \"đổi mới sáng tạo là động lực\".\n\n"
           "Thanh Hóa và Thanh Hoá, Học Viện và Học viện.\n")

VIETNAMESE = st.lists(st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạòóỏõọùúủũụ"
                                           "ỳýỷỹỵèéẻẽẹoOuUyY \n.,“”…–\"()") +
                                      ["\u0300", "\u0301", "Ã¡", "Ä‘", "á»", "\u00e2\u20ac"]),
                      max_size=60).map("".join)


def _rows(db) -> list:
    return [tuple(r) for r in db.execute(
        "SELECT source_key, title, sapo, body, errors, warnings, infos, word_count, title_sort, tags "
        "FROM articles ORDER BY source_key")]


def _fts(db) -> list:
    return [tuple(r) for r in db.execute("SELECT title, sapo, body, byline FROM articles_fts ORDER BY rowid")]


def test_import_in_worker_processes_writes_what_one_process_writes(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"title": f"Tin số {i}", "sapo": "UBND tỉnh họp.", "body": ARTICLE * (1 + i % 3),
                "source_url": f"https://tin.example.vn/{i}"} for i in range(30)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(7, "{not json")
    lines.insert(12, json.dumps({"title": "không có nội dung"}))
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(f"Bài {i}\n\n" + ARTICLE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(bientap.store.importer, "_POOL_MIN_FILES", 1)
    monkeypatch.setattr(bientap.store.importer, "CHUNK", 4)  # several chunks in flight, answered out of order

    reports, dbs = [], []
    for jobs in (1, 2):
        db = open_db(tmp_path / f"jobs{jobs}.db")
        reports.append(import_paths(db, [str(folder)], jobs=jobs))
        dbs.append(db)
    one, two = reports
    assert [(r.source, r.outcome, r.reason) for r in one.results] == \
        [(r.source, r.outcome, r.reason) for r in two.results]
    assert one.count("imported") == 42 and one.count("rejected") == 3
    assert _rows(dbs[0]) == _rows(dbs[1]) and _fts(dbs[0]) == _fts(dbs[1])
    again = import_paths(dbs[1], [str(folder)], jobs=2)
    assert again.count("unchanged") == 42 and again.count("imported") == 0
    for db in dbs:
        db.close()


def test_check_many_files_in_worker_processes_gives_the_same_findings(monkeypatch):
    import importlib

    importlib.import_module("bientap.tui.cli")  # the commands import it: load it first
    check_cmd = importlib.import_module("bientap.tui.commands.check")

    texts = [f"Bài {i}\n\n" + ARTICLE * (1 + i % 4) for i in range(10)]
    ctx = Context()
    monkeypatch.setattr(check_cmd, "_POOL_MIN_CHARS", 0)
    assert check_cmd.check_texts(texts, ctx, 2) == [check_text(t, ctx) for t in texts]


def test_rule_plan_follows_the_style_and_the_registry(monkeypatch):
    load_rules()
    text = 'Hội thảo , tại "Hà Nội"'
    assert any(f.rule == "spacing.before_punct" for f in check_text(text))
    off = HouseStyle(rules={"spacing": False})
    assert not any(f.category == "spacing" for f in check_text(text, Context(style=off)))
    loud = HouseStyle(rules={"spacing.before_punct": "error"})
    assert {f.severity for f in check_text(text, Context(style=loud)) if f.rule == "spacing.before_punct"} == {"error"}
    rule = REGISTRY["spacing.before_punct"]
    monkeypatch.setitem(REGISTRY, "spacing.before_punct", rule.__class__(
        rule.id, rule.category, "info", rule.safe, rule.fn, rule.prose_only, rule.fields))
    assert {f.severity for f in check_text(text) if f.rule == "spacing.before_punct"} == {"info"}


_OLD_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _fold_reference(text: str) -> str:
    decomposed = _OLD_COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d")))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@given(st.text(max_size=40) | VIETNAMESE)
@settings(max_examples=300)
def test_fold_as_the_plain_definition(text):
    assert fold(text) == _fold_reference(text)


@given(VIETNAMESE)
@settings(max_examples=300)
def test_mojibake_runs_are_the_pattern_s_matches(text):
    from bientap.checks.rules import unicode as u

    plain = [m.span() for m in u._MOJIBAKE.finditer(text)]
    assert [m.span() for m in u._mojibake_runs(text)] == plain


@given(VIETNAMESE)
@settings(max_examples=300)
def test_tone_placement_patterns_find_what_the_simple_ones_find(text):
    from bientap.checks import vietnamese as v

    traditional = re.compile(rf"[{v._O_TONED}][aAeE]|[{v._U_TONED}][yY]")
    modern = re.compile(rf"[oO][{v._A_TONED}{v._E_TONED}]|[uU][{v._Y_TONED}]")
    assert v._open_syllables(text, v._TRADITIONAL) == v._open_syllables(text, traditional)
    assert v._open_syllables(text, v._MODERN) == v._open_syllables(text, modern)
