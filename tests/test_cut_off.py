"""A text pulled only partway: it stops mid-sentence, perhaps mid-word. Its last word is not read as
a misspelling and what its last paragraph opened is not read as unbalanced (issue 15: pages are often
cut off where the scraper stopped)."""

from __future__ import annotations

import json

import pytest

from bientap.checks.engine import Context, check_text
from bientap.checks.findings import Document

# Our own sentences, cut off the way a partial page is.
LEAD = "Sáng nay, xã tổ chức ngày hội văn hóa cho bà con. "


def found(text: str, field: str = "body") -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, f.text) for f in check_text(text, Context(), field=field)
            if f.category in ("typo", "spacing")]


@pytest.mark.parametrize("text, stops", [
    (LEAD + "Đoàn văn công của huyện lên sân khấu", True),
    (LEAD + "Giá lúa tăng 5", True),
    (LEAD + "Giá lúa tăng,", True),
    (LEAD + "Đoàn văn công của huyện lên sân khấu.", False),
    (LEAD + "Ông nói: “Mọi người cùng vui”", False),
    ("Đoàn văn công của huyện lên sân khấu", False),  # a phrase alone
    ("Xe về TP. HCM (quận 1", False),  # the dot of an abbreviation ends no sentence
    ("", False),
])
def test_a_text_stops_short_when_it_ends_on_a_letter_after_sentences(text, stops):
    assert Document.from_text(text).stops_short is stops
    assert Document.from_text(text, field="title").stops_short is False


def test_a_word_cut_off_at_the_end_is_reported_as_a_cut_not_a_misspelling():
    text = LEAD + "Đoàn văn công của huyện lên sân khấu biểu diễ"
    findings = [f for f in check_text(text, Context()) if f.rule == "typo.nonword"]
    assert [(f.text, f.severity, f.suggestions) for f in findings] == [("diễ", "info", ())]
    assert "stops mid-word" in findings[0].message or "dừng giữa chữ" in findings[0].message


def test_the_same_letters_before_the_end_are_still_a_misspelling():
    text = LEAD + "Đoàn văn công của huyện lên sân khấu biểu diễ. Mọi người vỗ tay."
    assert ("typo.nonword", "error", "diễ") in found(text)
    # ... and at the end of a headline, which never ends with a full stop
    assert any(rule == "typo.nonword" and word == "diễ"
               for rule, _, word in found("Đoàn văn công lên sân khấu biểu diễ", field="title"))


def test_a_misspelling_no_syllable_begins_with_is_reported_at_the_end_too():
    text = LEAD + "Nhà máy đã tăng sản xuấtl"
    assert ("typo.nonword", "error", "xuấtl") in found(text)


def test_a_real_syllable_at_a_cut_off_end_is_not_weighed_without_its_right_side():
    cut = LEAD + "Sau giờ học, vài em nhỏ trong lớp có bi"
    assert not [f for f in found(cut) if f[0] == "typo.realword"]
    # the same syllable with its sentence ended is weighed as before
    ended = LEAD + "Sau giờ học, vài em nhỏ trong lớp có bi ho nhẹ."
    assert ("typo.realword", "warning", "bi") in found(ended)


def test_a_bracket_opened_in_the_cut_off_paragraph_is_not_unbalanced():
    assert not [f for f in found(LEAD + "Hành khách chờ xe ở bến (qu") if f[0] == "spacing.brackets"]
    assert not [f for f in found(LEAD + "Cô giáo dặn: “Các em về nhà nhớ ôn bài,") if f[0] == "spacing.brackets"]
    # an earlier paragraph's bracket, or a text that ends properly, is still read
    earlier = LEAD + "Hành khách chờ xe ở bến (quầy vé số 2.\n\nXe đến muộn (đông"
    assert [f[2] for f in found(earlier) if f[0] == "spacing.brackets"] == ["("]
    assert [f[2] for f in found(LEAD + "Hành khách chờ xe ở bến (quầy vé số 2.") if f[0] == "spacing.brackets"] == ["("]


def test_check_command_reports_the_cut(cli, tmp_path):
    page = tmp_path / "cut.txt"
    page.write_text(LEAD + "Đoàn văn công của huyện lên sân khấu biểu diễ\n", encoding="utf-8")
    result = cli("check", str(page), "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    cut = [f for f in json.loads(result.output) if f["rule"] == "typo.nonword"]
    assert [(f["text"], f["severity"], f["suggestions"]) for f in cut] == [("diễ", "info", [])]


@pytest.mark.parametrize("tail", ["", "\n", "\n\n  "])
def test_only_the_unfinished_last_sentence_is_read_as_cut(tail):
    doc = Document.from_text(LEAD + "Hành khách chờ xe (qu" + tail)
    assert doc.text[doc.last_sentence_start:].startswith("Hành khách")
    # a quotation closed earlier in the same paragraph and one left open before the cut sentence
    text = LEAD + "Ông nói “đi (nhé. Hành khách chờ xe (qu" + tail
    assert [f[2] for f in found(text) if f[0] == "spacing.brackets"] == ["“", "("]


@pytest.mark.parametrize("tail", ["\u200b", "\ufeff", "\u200e", " \u200b\n"])
def test_an_invisible_character_after_the_cut_hides_nothing(tail):
    text = LEAD + "Đoàn văn công của huyện lên sân khấu biểu diễ" + tail
    assert [(f.text, f.severity) for f in check_text(text, Context()) if f.rule == "typo.nonword"] == [("diễ", "info")]
    assert not [f for f in found(LEAD + "Hành khách chờ xe ở bến (qu" + tail) if f[0] == "spacing.brackets"]


def test_a_straight_quote_closing_in_the_cut_off_sentence_is_still_read():
    # Only what the unfinished sentence opens may close in the missing part; a stray closer may not.
    text = LEAD + 'Anh nói: "Đi đi.\nVề" rồi ăn'
    assert [f[2] for f in found(text) if f[0] == "spacing.brackets"] == ['"', '"']


def test_a_page_of_one_paragraph_cut_short_keeps_its_headline():
    from bientap.checks.metadata import extract_article

    page = "Lễ hội mùa xuân ở xã\n\n" + LEAD + "Đoàn văn công của huyện lên sân khấu biểu diễ\n"
    got = extract_article(page)
    assert got.title == "Lễ hội mùa xuân ở xã"
    assert got.body.startswith("Sáng nay") and got.body.rstrip().endswith("biểu diễ")
