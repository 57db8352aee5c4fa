"""The glossary: parsing and validation (bientap.checks.glossary), storage and import (bientap.store.glossary), context."""

from __future__ import annotations

import pytest

from bientap.checks.engine import GlossaryEntry
from bientap.checks.glossary import GlossaryError, default_glossary, parse_csv, parse_toml, to_toml, validate
from bientap.store import glossary as store_glossary
from bientap.store.context import article_counts, check_stored_article, load_context


def test_default_glossary_valid_and_has_the_newsroom_set():
    g = default_glossary()
    for abbr in ("KH&CN", "KHCN", "ĐMST", "KNĐMST", "UBND", "HĐND", "DN", "KT-XH", "KTXH", "UVTV", "TP.",
                 "NCKHCN", "TP.HCM"):
        assert abbr in g
    assert g["KHCN"].canonical == "KH&CN" and g["TP.HCM"].policy == "known"
    assert len(g) >= 40


def test_parse_toml_and_round_trip():
    text = '[[abbr]]\nabbr = "BCĐ"\nexpansion = "Ban Chỉ đạo"\nvariants = ["BCD"]\npolicy = "define-first"\n'
    [e] = parse_toml(text)
    assert e == GlossaryEntry("BCĐ", "Ban Chỉ đạo", ("BCD",), "", "define-first")
    assert parse_toml(to_toml([e])) == [e]


def test_parse_csv():
    text = "abbr,expansion,variants,canonical,policy\nBCĐ,Ban Chỉ đạo,BCD;B.C.Đ,,\nXYZ,,,,known\n"
    entries = parse_csv(text)
    assert entries[0].variants == ("BCD", "B.C.Đ") and entries[0].policy == "define-first"
    assert entries[1].policy == "known"


@pytest.mark.parametrize("text, reason", [
    ('[[abbr]]\nabbr = ""\nexpansion = "x"\n', "abbr"),
    ('[[abbr]]\nabbr = "A B"\nexpansion = "x"\n', "dấu cách"),
    ('[[abbr]]\nabbr = "AB"\nexpansion = "x"\npolicy = "sometimes"\n', "policy"),
    ('[[abbr]]\nabbr = "AB"\n', "expansion"),
    ('[[abbr]]\nabbr = "AB"\nexpansion = "x"\ncolour = "red"\n', "khoá lạ"),
    ("[[abbr]\n", "glossary"),
])
def test_parse_errors(text, reason):
    with pytest.raises(GlossaryError, match=reason):
        parse_toml(text)


def test_validate_refuses_shared_spellings_and_dangling_canonical():
    with pytest.raises(GlossaryError, match="thuộc cả"):
        validate([GlossaryEntry("AB", "x", ("CD",)), GlossaryEntry("CD", "y")])
    with pytest.raises(GlossaryError, match="dạng chuẩn"):
        validate([GlossaryEntry("AB", "x", canonical="ZZ")])


def test_store_seeds_defaults_once_and_crud(fresh_db):
    assert store_glossary.ensure_default_glossary(fresh_db) == len(default_glossary())
    assert store_glossary.ensure_default_glossary(fresh_db) == 0
    entry = store_glossary.entry_from_args("BCĐ", "Ban Chỉ đạo", ["BCD"])
    assert store_glossary.add_entry(fresh_db, entry) is True
    assert store_glossary.add_entry(fresh_db, entry) is False
    assert store_glossary.load_glossary(fresh_db)["BCĐ"].variants == ("BCD",)
    with pytest.raises(GlossaryError):
        store_glossary.add_entry(fresh_db, store_glossary.entry_from_args("XX", "y", ["BCD"]))
    with pytest.raises(GlossaryError, match="dạng chuẩn"):
        store_glossary.remove_entry(fresh_db, "KH&CN")  # KHCN points at it
    assert store_glossary.remove_entry(fresh_db, "BCĐ") is True
    assert store_glossary.remove_entry(fresh_db, "BCĐ") is False


def test_import_is_all_or_nothing(fresh_db, tmp_path):
    store_glossary.ensure_default_glossary(fresh_db)
    good = tmp_path / "g.csv"
    good.write_text("abbr,expansion,variants,canonical,policy\nBCĐ,Ban Chỉ đạo,,,\nUBND,Ủy ban nhân dân,,,known\n",
                    encoding="utf-8")
    result = store_glossary.import_file(fresh_db, good)
    assert (result.added, result.updated) == (1, 1)
    assert store_glossary.load_glossary(fresh_db)["UBND"].policy == "known"
    bad = tmp_path / "g.toml"
    bad.write_text('[[abbr]]\nabbr = "NEW"\nexpansion = "x"\n[[abbr]]\nabbr = "OTHER"\nexpansion = "y"\n'
                   'canonical = "MISSING"\n', encoding="utf-8")
    with pytest.raises(GlossaryError):
        store_glossary.import_file(fresh_db, bad)
    assert "NEW" not in store_glossary.load_glossary(fresh_db)


def test_custom_words(fresh_db):
    assert store_glossary.add_word(fresh_db, " PhuthoPortal ") is True
    assert store_glossary.add_word(fresh_db, "PhuthoPortal") is False
    assert store_glossary.load_words(fresh_db) == frozenset({"PhuthoPortal"})
    assert [r["added_by"] for r in store_glossary.list_words(fresh_db)] == ["tester"]
    assert store_glossary.remove_word(fresh_db, "PhuthoPortal") is True
    assert store_glossary.load_words(fresh_db) == frozenset()


def test_load_context_uses_db_words_glossary_and_style(fresh_db, tmp_path):
    assert load_context(None).glossary == default_glossary()
    store_glossary.ensure_default_glossary(fresh_db)
    store_glossary.add_word(fresh_db, "ABCX")
    style = tmp_path / "style.toml"
    style.write_text('tone_marks = "modern"\n', encoding="utf-8")
    ctx = load_context(fresh_db, style, "en")
    assert "ABCX" in ctx.custom_words and ctx.style.tone_marks == "modern" and ctx.lang == "en"


def test_load_context_reads_config_dir_style(monkeypatch, tmp_path):
    from bientap.store.config import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "style.toml").write_text('tone_marks = "modern"\n', encoding="utf-8")
    assert load_context(None).style.tone_marks == "modern"


def test_check_stored_article_respects_ignored_findings(seeded_db):
    from bientap.store import articles
    from bientap.store.drafts import ignore_finding

    ctx = load_context(seeded_db)
    article = articles.get(seeded_db, 4)  # seed 003: UBND undefined
    before = check_stored_article(seeded_db, article, ctx, rules=["abbr.undefined"])
    assert "UBND" in {f.text for f in before}
    ignore_finding(seeded_db, 4, "abbr.undefined", "UBND")
    after = check_stored_article(seeded_db, article, ctx, rules=["abbr.undefined"])
    assert "UBND" not in {f.text for f in after} and len(after) == len(before) - 1
    errors, warnings, infos = article_counts(after)
    assert (errors, warnings, infos) == (0, len(after), 0)
