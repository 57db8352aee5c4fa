"""Unicode rules: NFD, invisible and control characters, mojibake, tone-mark placement."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.engine import Context, check_article
from bientap.checks.style import HouseStyle
from bientap.checks.vietnamese import move_tone
from rulehelp import fixed, run, spans


def moji(s: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1), the way broken pages show it."""
    out = []
    for b in s.encode():
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def test_nfd_found_and_composed_with_original_offsets():
    text = "Khánh Hòa: " + unicodedata.normalize("NFD", "đổi mới") + " xong"
    found = run(text, "unicode.nfd")
    assert [f.text for f in found] == [unicodedata.normalize("NFD", "ổ"), unicodedata.normalize("NFD", "ớ")]
    for f in found:
        assert text[f.start:f.end] == f.text
        assert unicodedata.normalize("NFC", f.text) == f.suggestions[0]
    assert fixed(text, "unicode.nfd") == unicodedata.normalize("NFC", text)


def test_nfd_after_crlf_and_bom_less_text_keeps_offsets():
    text = "dòng một\r\n" + unicodedata.normalize("NFD", "Việt") + "\r\nba"
    [f] = run(text, "unicode.nfd")
    assert text[f.start:f.end] == f.text and f.line == 2 and f.column == 3


def test_composed_text_is_quiet():
    assert run("Sở Khoa học và Công nghệ Khánh Hòa 👩‍💻", ["unicode.nfd", "unicode.invisible"]) == []


def test_invisible_characters():
    text = "khoa\u200bhọc \u202eabc \u00adx \ufeffy"
    assert [f.text for f in run(text, "unicode.invisible")] == ["\u200b", "\u202e", "\u00ad", "\ufeff"]
    assert fixed(text, "unicode.invisible") == "khoahọc abc x y"


def test_zwj_inside_emoji_is_kept_but_not_between_letters():
    assert run("nhóm 👩\u200d💻 lập trình", "unicode.invisible") == []
    assert spans("a\u200db", "unicode.invisible") == [("unicode.invisible", "\u200d")]


def test_control_characters_reported_with_visible_escape():
    [f] = run("abc\x1b[2J def", "unicode.control")
    assert f.text == "\x1b" and "\\x1b" in f.message and f.severity == "error" and f.safe
    assert run("tab\tand\nnewline\r\nok", "unicode.control") == []


def test_mojibake_decoded_back():
    text = "Tin: " + moji("Khoa học và công nghệ “Đổi mới”") + " hết"
    assert fixed(text, ["unicode.mojibake", "unicode.control"]) == "Tin: Khoa học và công nghệ “Đổi mới” hết"


def test_mojibake_in_decomposed_text_is_decoded_not_half_composed():
    # The decomposed letter starts where the mojibake does: the wider fix wins, as in composed text.
    from bientap.checks.engine import fix_text

    assert fix_text("Tôi là người Via\u0301»‡t.") == fix_text("Tôi là người Viá»‡t.") == "Tôi là người Việt."


def test_mojibake_false_positives():
    quiet = "Ông Ánh và bà Ấu đến Đà Nẵng; giá 1.500 € — “trích dẫn” là Ðông, São Paulo, Müller"
    assert run(quiet, "unicode.mojibake") == []


def test_replacement_character_reported_without_fix():
    [f] = run("Kh\ufffd\ufffdc", "unicode.mojibake")
    assert f.text == "\ufffd\ufffd" and not f.suggestions and not f.safe


def test_move_tone():
    assert move_tone("òa") == "oà" and move_tone("oà") == "òa"
    assert move_tone("ủy") == "uỷ" and move_tone("UỶ") == "ỦY"
    assert move_tone("ỏe") == "oẻ"


def test_tone_marks_mixed_is_warning_and_fix_follows_house_style():
    text = "Thanh Hóa và Thanh Hoá, Tỉnh ủy và Tỉnh uỷ."
    found = run(text, "unicode.tone_marks")
    assert [(f.text, f.severity) for f in found] == [("oá", "warning"), ("uỷ", "warning")]
    assert fixed(text, "unicode.tone_marks") == "Thanh Hóa và Thanh Hóa, Tỉnh ủy và Tỉnh ủy."
    modern = Context(style=HouseStyle(tone_marks="modern"))
    assert fixed(text, "unicode.tone_marks", modern) == "Thanh Hoá và Thanh Hoá, Tỉnh uỷ và Tỉnh uỷ."


def test_tone_marks_consistent_other_style_is_info():
    found = run("văn hoá, sức khoẻ, thuỷ lợi", "unicode.tone_marks")
    assert [(f.text, f.severity) for f in found] == [("oá", "info"), ("oẻ", "info"), ("uỷ", "info")]


def test_tone_marks_leave_closed_syllables_and_qu_alone():
    quiet = "hoàn thành, toàn quốc, thuyết phục, quý vị, quả, khoảng, hoạt động, Thủy, hòa"
    assert run(quiet, "unicode.tone_marks") == []


def test_dropped_characters_reported_for_a_stored_article():
    out = check_article({"title": "Tít", "body": "abc", "raw": "Tít\nab\x1bc\u202e"}, Context(),
                        rules=["unicode.dropped"])
    assert [f.rule for f in out] == ["unicode.dropped"]
    assert "\\x1b" in out[0].message and "\\u202e" in out[0].message
    assert check_article({"title": "Tít", "body": "abc", "raw": "Tít\nabc"}, Context(),
                         rules=["unicode.dropped"]) == []


UNICODE_RULES = ["unicode.nfd", "unicode.invisible", "unicode.control", "unicode.mojibake", "unicode.tone_marks"]
texts = st.text(alphabet=st.sampled_from(list("aoeuyAOUhkđ òóỏọõàáảạãoáuỷủyỳ\u0301\u0300\u0323\u200b\x1b\r\n\ufffdÃ¡»‡Ä‘")),
                max_size=60)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_unicode_fixes_idempotent_local_and_in_bounds(text):
    findings = run(text, UNICODE_RULES)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
    once = fixed(text, UNICODE_RULES)
    assert fixed(once, UNICODE_RULES) == once


MINE = ["unicode", "spacing", "abbreviation", "style"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_unicode_text_no_exception_findings_in_bounds_fixes_idempotent(text):
    from bientap.checks.engine import check_text, fix_text

    from rulehelp import ctx as make_ctx

    context = make_ctx()
    for f in check_text(text, context, rules=MINE):
        assert 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
        assert f.line >= 1 and f.column >= 1
    once = fix_text(text, context, rules=MINE)
    assert fix_text(once, context, rules=MINE) == once


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({"title": st.text(max_size=40), "sapo": st.text(max_size=60),
                              "body": st.text(max_size=120), "raw": st.text(max_size=60)}))
def test_any_article_fields_no_exception(fields):
    from rulehelp import ctx as make_ctx

    for f in check_article(fields, make_ctx(), rules=MINE + ["metadata", "unicode.dropped"]):
        text = fields.get(f.field) or ""
        assert 0 <= f.start <= f.end <= len(text)
