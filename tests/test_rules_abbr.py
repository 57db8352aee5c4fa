"""Abbreviation rules: define-first, mixed spellings, headline, unknown capitals, never document codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.engine import Context, GlossaryEntry, check_article, check_text
from rulehelp import GLOSSARY, ctx, fixed, run, spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ABBR = ["abbr.undefined", "abbr.variant", "abbr.expand", "abbr.unknown"]


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def test_first_use_not_defined():
    [f] = run("Lãnh đạo UBND tỉnh dự. Sau đó UBND họp.", "abbr.undefined")
    assert f.text == "UBND" and f.suggestions == ("Ủy ban nhân dân (UBND)",) and not f.safe


def test_defined_by_the_text_itself():
    text = "Ủy ban nhân dân (UBND) tỉnh và các doanh nghiệp (DN). UBND cùng DN họp."
    assert run(text, ABBR) == []


def test_defined_after_the_abbreviation():
    assert run("DN (doanh nghiệp nhỏ) và DN lớn.", "abbr.undefined") == []


def test_spell_out_fix_capitalizes_at_sentence_start_and_after_a_name():
    [f] = run("Sở KH&CN tổ chức.", "abbr.undefined")
    assert f.suggestions == ("Khoa học và công nghệ (KH&CN)",)
    [f] = run("hoạt động KHCN tăng.", "abbr.undefined")
    assert f.suggestions == ("khoa học và công nghệ (KH&CN)",)


@pytest.mark.parametrize("text", ["“Sở KH&CN tổ chức.”", "\ufeffKH&CN tăng.", "Mưa.\u200b KH&CN tăng.", "- KH&CN tăng."])
def test_spell_out_is_capitalized_behind_a_quote_or_an_invisible_character(text):
    [f] = run(text, "abbr.undefined")
    assert f.suggestions == ("Khoa học và công nghệ (KH&CN)",)


def test_mixed_variants_flagged_and_fixed_to_canonical():
    text = "Sở Khoa học và Công nghệ (KHCN) họp. Sở KH&CN và ngành KHCN; KTXH và KT-XH."
    found = run(text, "abbr.variant")
    assert [(f.text, f.severity, f.suggestions[0]) for f in found] == [
        ("KHCN", "warning", "KH&CN"), ("KHCN", "warning", "KH&CN"), ("KTXH", "warning", "KT-XH")]
    assert all(f.safe for f in found)
    assert fixed(text, "abbr.variant") == \
        "Sở Khoa học và Công nghệ (KH&CN) họp. Sở KH&CN và ngành KH&CN; KT-XH và KT-XH."


def test_one_non_house_spelling_throughout_is_info():
    [f] = run("Sở Khoa học và Công nghệ (KHCN) họp.", "abbr.variant")
    assert f.severity == "info"


@pytest.mark.parametrize("text", [
    "Nghị quyết số 09-NQ/TW ngày 28/01/2022", "Thông tư số 01/2021/TT-BKHCN", "Quyết định 844/QĐ-TTg",
    "Hiệp hội Phần mềm & Dịch vụ công nghệ thông tin Việt Nam (VINASA) tặng. VINASA trao",
    "Chương II, mục IV, Điều XIV", "công suất 50 MW, 3 GB", "đến TP.HCM và GDP", "Sở KH&CN TP. Cần Thơ",
])
def test_never_flagged(text):
    found = [f for f in run(text, ABBR) if f.text != "KH&CN"]
    assert found == []


def test_unknown_capitals_are_info_once():
    found = run("Ban Chỉ đạo BCĐ họp; BCĐ quyết.", "abbr.unknown")
    assert [(f.text, f.severity) for f in found] == [("BCĐ", "info")]


def test_unknown_skips_all_caps_lines_and_custom_words():
    assert run("LỊCH TUẦN UBND XÃ QUẢNG THỌ\nSỞ KH&CN", "abbr.unknown") == []
    assert run("Ứng dụng ABCX ra mắt", "abbr.unknown", ctx(custom_words=frozenset({"ABCX"}))) == []


def test_compound_abbreviations_split():
    text = "Sở Khoa học và Công nghệ (KH&CN); hoạt động KHCN&ĐMST năm 2022"
    found = run(text, ["abbr.undefined", "abbr.variant"])
    assert [(f.rule, f.text) for f in found] == [("abbr.variant", "KHCN"), ("abbr.undefined", "ĐMST")]


def test_policies_expand_and_known():
    glossary = dict(GLOSSARY) | {"BCH": GlossaryEntry("BCH", "Ban Chấp hành", policy="always-expand"),
                                 "XYZ": GlossaryEntry("XYZ", "", policy="known")}
    found = run("họp BCH và XYZ", ABBR, ctx(glossary=glossary))
    assert [(f.rule, f.text, f.suggestions) for f in found] == [("abbr.expand", "BCH", ("Ban Chấp hành",))]


def test_abbreviation_in_headline():
    out = check_article({"title": "UBND tỉnh họp về KT-XH tại TP.HCM", "body": "x"}, ctx(), rules=["abbr.headline"])
    assert [(f.text, f.field, f.suggestions) for f in out] == [
        ("UBND", "title", ("Ủy ban nhân dân",)), ("KT-XH", "title", ("kinh tế - xã hội",))]


def test_sapo_definition_carries_to_body():
    fields = {"title": "Hội nghị", "sapo": "Ủy ban nhân dân (UBND) tỉnh họp.", "body": "UBND quyết định."}
    assert check_article(fields, ctx(), rules=["abbr.undefined"]) == []
    fields = {"title": "Hội nghị", "sapo": "UBND tỉnh họp.", "body": "UBND quyết định."}
    assert [f.field for f in check_article(fields, ctx(), rules=["abbr.undefined"])] == ["sapo"]


def test_boilerplate_lines_do_not_count_as_first_use():
    text = ("Tìm kiếm tin tức\nLiên kết website\nLỊCH TUẦN UBND XÃ QUẢNG THỌ\nCỔNG DỊCH VỤ CÔNG QUỐC GIA\n"
            "TRƯỜNG HỌC\nHội nghị triển khai kế hoạch phát triển năm 2023\nSáng nay, lãnh đạo UBND tỉnh đã làm "
            "việc với nhiều doanh nghiệp trên địa bàn về kế hoạch phát triển năm tới.\n")
    found = check_text(text, ctx(), rules=["abbr.undefined"])
    assert [f.line for f in found] == [7]


def test_seeds_every_undefined_and_mixed_abbreviation_flagged_no_document_code():
    expected = {
        0: {("abbr.undefined", "UBND"), ("abbr.undefined", "KH&CN")},
        1: {("abbr.variant", "KHCN"), ("abbr.undefined", "UBND"), ("abbr.undefined", "KNĐMST")},
        3: {("abbr.undefined", "UVTV"), ("abbr.undefined", "UBND"), ("abbr.variant", "KHCN"),
            ("abbr.undefined", "ĐMST"), ("abbr.undefined", "KT-XH"), ("abbr.undefined", "HĐND"),
            ("abbr.variant", "KTXH")},
        2: set(), 4: set(),
    }
    for n, want in expected.items():
        found = check_text(seed(n), ctx(), rules=ABBR)
        got = {(f.rule, f.text) for f in found if f.rule != "abbr.unknown"}
        assert got == want, n
        assert not any("/" in f.text or f.text in ("VINASA", "DN", "TW", "TT-BKHCN") for f in found), n
    # seed 001 mixes KHCN with KH&CN (in a caption): a warning, not a note.
    assert {f.severity for f in check_text(seed(1), ctx(), rules=["abbr.variant"])} == {"warning"}


abbr_text = st.lists(st.sampled_from(["UBND", "KHCN", "KH&CN", "KTXH", "KT-XH", "(DN)", "doanh nghiệp", "BCĐ",
                                      "09-NQ/TW", "TP.HCM", ".", " ", "\n", "Sở", "họp"]), max_size=25).map("".join)


@settings(max_examples=150, deadline=None)
@given(abbr_text)
def test_abbreviation_fixes_idempotent_and_in_bounds(text):
    for f in run(text, ABBR):
        assert 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
    once = fixed(text, ABBR)
    assert fixed(once, ABBR) == once


def test_offsets_refer_to_the_text_as_given():
    import unicodedata

    from bientap.checks.text import decode_bytes

    raw = ("\ufeff😀 Tin\u00a0 mới\r\n" + unicodedata.normalize("NFD", "Thanh Hóa") + " và Thanh Hoá, UBND\rhọp KHCN"
           " và KH&CN").encode("utf-8")
    text = decode_bytes(raw).text
    found = run(text, ["spacing.nbsp", "unicode.tone_marks", "abbr.undefined", "abbr.variant"])
    got = [(f.rule, f.line, f.column, text[f.start:f.end]) for f in found]
    assert got == [
        ("spacing.nbsp", 1, 6, "\u00a0 "),
        ("unicode.tone_marks", 2, 22, "oá"),  # the NFD "ó" before it counts two code points
        ("abbr.undefined", 2, 26, "UBND"),
        ("abbr.undefined", 3, 5, "KHCN"),
        ("abbr.variant", 3, 5, "KHCN"),
    ]
    assert all(f.text == text[f.start:f.end] for f in found)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAđĐắẮươƯƠ zZ.,(1\u00a0", max_size=40))
def test_a_line_in_capitals_is_told_as_by_counting_every_letter(line):
    # _mostly_caps stops counting lower-case letters once they match the capitals: the same
    # answer as counting them all.
    from bientap.checks.rules.abbreviations import _mostly_caps

    assert _mostly_caps(line) == (sum(c.isupper() for c in line) > sum(c.islower() for c in line))


def test_what_the_sapo_introduced_is_known_to_the_body_only():
    """The sapo travels in the context (`Context.sapo`): checking the body alone with it gives what
    check_article gives, an abbreviation the sapo introduced is neither undefined nor unknown there,
    and the sapo itself (and a text checked as sapo) is judged on its own."""
    from bientap.checks.engine import check_text

    sapo = "Ban chỉ đạo (BCĐ) tỉnh và Ủy ban nhân dân (UBND) họp."
    body = "BCĐ và UBND quyết định."
    rules = ["abbr.undefined", "abbr.unknown"]
    alone = [("abbr.unknown", "BCĐ"), ("abbr.undefined", "UBND")]
    assert [(f.rule, f.text) for f in check_text(body, ctx(), rules=rules)] == alone
    assert check_text(body, ctx(sapo=sapo), rules=rules) == []
    assert [(f.rule, f.text) for f in check_text(body, ctx(sapo=sapo), field="sapo", rules=rules)] == alone
    article = check_article({"title": "Hội nghị", "sapo": sapo, "body": body}, ctx(), rules=rules)
    assert [(f.field, f.rule) for f in article] == []
