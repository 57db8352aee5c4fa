"""House-style rules and metadata record rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.engine import Context, check_article, check_text
from bientap.checks.style import HouseStyle
from rulehelp import ctx, fixed, run, spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
STYLE = ["style.capitalization", "style.prefix_space", "style.quotes"]


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def test_name_capitalization_inconsistent_in_seed_004():
    found = check_text(seed(4), ctx(), rules=["style.capitalization"])
    assert [(f.text, f.suggestions) for f in found] == [("Viện", ("viện",))]


def test_name_capitalization_majority_wins_and_consistent_is_quiet():
    found = run("Học viện A. Theo Học Viện B và Học Viện C.", "style.capitalization")
    assert [(f.text, f.suggestions[0]) for f in found] == [("viện", "Viện")]
    assert run("Sở Khoa học và Công nghệ, Sở Khoa học và Công nghệ, ông Nguyễn Văn A", "style.capitalization") == []


def test_prefix_space():
    assert spans("Sở Khoa học và Công nghệ TP.Cần Thơ", "style.prefix_space") == [("style.prefix_space", "TP.")]
    assert fixed("TP.Cần Thơ và TS.Nguyễn Văn A", "style.prefix_space") == "TP. Cần Thơ và TS. Nguyễn Văn A"
    assert run("TP.HCM, Tp.HCM, TP. Cần Thơ, PGS.TS Trần", "style.prefix_space") == []


def test_quotation_marks():
    text = 'chủ đề "Khoa học và đổi mới". Ông nói: «Tốt».'
    assert fixed(text, "style.quotes") == "chủ đề “Khoa học và đổi mới”. Ông nói: “Tốt”."
    assert run('một dấu " lẻ', "style.quotes") == []  # spacing.brackets reports it
    assert run("“Đúng kiểu” rồi", "style.quotes") == []


def test_rules_switchable_and_severity_from_house_style():
    style = HouseStyle.from_toml('[rules]\n"style.quotes" = false\n"style.prefix_space" = "error"\n')
    found = run('TP.Cần Thơ "x"', STYLE, Context(style=style))
    assert [(f.rule, f.severity) for f in found] == [("style.prefix_space", "error")]
    off = HouseStyle.from_toml('[rules]\nspacing = false\n')
    assert run("a  b", "spacing.double", Context(style=off)) == []


@pytest.mark.parametrize("title, fixed", [("“HỘI THẢO VỀ ĐỔI MỚI”", "“Hội thảo về đổi mới”"),
                                          ("5 ĐIỀU CẦN BIẾT VỀ UBND", "5 điều cần biết về UBND")])
def test_headline_caps_fix_capitalizes_the_first_letter_not_a_quote(title, fixed):
    out = check_article({"title": title, "body": "x"}, ctx(), rules=["style.headline_caps"])
    assert [f.suggestions for f in out] == [(fixed,)]


def test_headline_caps_and_period():
    out = check_article({"title": "HỘI THẢO VỀ UBND TỈNH.", "body": "x"}, ctx(),
                        rules=["style.headline_caps", "style.headline_period"])
    assert [(f.rule, f.suggestions) for f in out] == [
        ("style.headline_caps", ("Hội thảo về UBND tỉnh.",)), ("style.headline_period", ("",))]
    out = check_article({"title": "Hội Thảo Góp Ý Xây Dựng Bộ Chỉ Số", "body": "x"}, ctx(),
                        rules=["style.headline_caps"])
    assert [f.rule for f in out] == ["style.headline_caps"]
    assert check_article({"title": "Hội thảo góp ý xây dựng Bộ chỉ số tại Cần Thơ", "body": "x"}, ctx(),
                         rules=["style.headline_caps", "style.headline_period"]) == []


def test_metadata_record_rules():
    out = check_article({"title": "", "body": "x"}, Context(),
                        rules=["metadata.title", "metadata.byline", "metadata.date", "metadata.source"])
    assert sorted((f.rule, f.field, f.severity) for f in out) == [
        ("metadata.byline", "byline", "warning"), ("metadata.date", "published_at", "warning"),
        ("metadata.source", "source", "info"), ("metadata.title", "title", "error")]
    full = {"title": "Tít", "body": "x", "byline": "Đ.Mãi", "published_at": "2022-05-14", "source_url": "https://a.vn"}
    assert check_article(full, Context(), rules=["metadata"]) == []
    long = check_article({"title": " ".join(["chữ"] * 30), "body": "x"}, Context(), rules=["metadata.headline_long"])
    assert [f.rule for f in long] == ["metadata.headline_long"] and "30" in long[0].message


def test_english_messages():
    [f] = run("TP.Cần Thơ", "style.prefix_space", Context(lang="en"))
    assert f.message.startswith("Write")


style_text = st.text(alphabet=st.sampled_from(list('ab HVT.Ppviện "«»“”\nS')), max_size=60)


@settings(max_examples=150, deadline=None)
@given(style_text)
def test_style_fixes_idempotent_and_in_bounds(text):
    for f in run(text, STYLE):
        assert 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
    once = fixed(text, STYLE)
    assert fixed(once, STYLE) == once
