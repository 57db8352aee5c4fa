"""Spacing and punctuation rules: true and false positives, offsets, fixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bientap.checks.engine import Context, apply_fixes, check_text
from bientap.checks.style import HouseStyle
from rulehelp import fixed, run, spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SPACING = ["spacing.after_punct", "spacing.date", "spacing.before_punct", "spacing.double", "spacing.nbsp",
           "spacing.trailing", "spacing.dash", "spacing.brackets"]


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def test_missing_space_after_sentence_punctuation():
    assert spans("tỉnh Khánh Hòa.Tại Thông tư", "spacing.after_punct") == [("spacing.after_punct", ".")]
    assert spans("ở Hà Nội.Ông nói", "spacing.after_punct") == [("spacing.after_punct", ".")]
    assert fixed("Khánh Hòa.Tại đây; kinh tế,xã hội;môi trường", "spacing.after_punct") == \
        "Khánh Hòa. Tại đây; kinh tế, xã hội; môi trường"


@pytest.mark.parametrize("text", [
    "TP.HCM", "Tp.HCM", "Đ.Mãi", "T.Chuẩn - Đ.Lường - C.Lượng", "Truy cập tổng 1.983.286", "lúc 10:38",
    "https://thuathienhue.gov.vn/Tin.aspx?Id=1", "Email: sokhcn@cantho.gov.vn", "Th.S Nguyễn", "PGS.TS Trần",
    "C:\\Users\\Desktop\\IMG_4774.JPG", "v.v.", "nghiên cứu...", "1,5 triệu", "TS.Nguyễn", "của Ch.Beka-ria", "Th.Hà",
])
def test_missing_space_false_positives(text):
    assert run(text, "spacing.after_punct") == []


def test_space_inside_date():
    [f] = run("Sáng ngày 10/5/ 2022 tại", "spacing.date")
    assert f.text == "10/5/ 2022" and f.suggestions == ("10/5/2022",) and f.safe
    assert run("ngày 18/5/2013 - 18/5/2023 và 01/3/2021", "spacing.date") == []


def test_space_before_punctuation_and_inside_brackets():
    assert fixed("hội thảo , tại ( xem ) “ Đổi mới ” ; hết .", "spacing.before_punct") == \
        "hội thảo, tại (xem) “Đổi mới”; hết."
    assert run("các dự án ... và; …", "spacing.before_punct") == []


def test_doubled_space_but_not_indentation():
    assert spans("Tập huấn  với chủ đề", "spacing.double") == [("spacing.double", "  ")]
    assert run("  thụt đầu dòng", "spacing.double") == []


def test_doubled_space_is_information_and_still_fixed_by_the_safe_fixes():
    # Rendering collapses it, so it is not a warning (nor in the publish gate); F5 still removes it.
    [f] = run("Tập huấn  với chủ đề", "spacing.double")
    assert f.severity == "info" and f.safe
    assert fixed("Tập huấn  với chủ đề", "spacing.double") == "Tập huấn với chủ đề"
    raised = Context(style=HouseStyle(rules={"spacing.double": "warning"}))
    assert [f.severity for f in run("a  b", "spacing.double", raised)] == ["warning"]


def test_nbsp():
    found = run("Đại biểu\u00a0 Ban Tuyên giáo, hội thảo\u00a0có, 10\u00a0km", "spacing.nbsp")
    assert [(f.text, f.severity) for f in found] == [("\u00a0 ", "warning"), ("\u00a0", "info")]
    assert fixed("Đại biểu\u00a0 Ban", "spacing.nbsp") == "Đại biểu Ban"


def test_nbsp_skips_boilerplate_lines():
    text = "Trang chủ\u00a0 Tin tức\u00a0 Liên hệ\n\n" + seed(2)
    found = check_text(text, Context(), rules=["spacing.nbsp"])
    assert all(f.line > 1 for f in found)


def test_trailing_whitespace():
    assert spans("dòng một  \ndòng hai\u00a0\n", "spacing.trailing") == [
        ("spacing.trailing", "  "), ("spacing.trailing", "\u00a0")]


@pytest.mark.parametrize("text, fixed_text", [
    ("Hãng vừa ra máy ,rất mạnh.", "Hãng vừa ra máy, rất mạnh."),
    ("Anh sống ở TX .Sơn Tây đã lâu.", "Anh sống ở TX. Sơn Tây đã lâu."),
    ("Cô dặn :Mai nhớ đến sớm.", "Cô dặn: Mai nhớ đến sớm."),
])
def test_a_space_on_the_wrong_side_of_a_mark_moves_after_it(text, fixed_text):
    assert fixed(text, "spacing.before_punct") == fixed_text


@pytest.mark.parametrize("text", ["Giá tăng 1 ,5 lần.", "Mở trang .com của hãng.", "Số liệu .xlsx đã gửi."])
def test_a_mark_glued_to_a_number_or_a_lower_case_word_after_a_full_stop_stays(text):
    assert run(text, "spacing.before_punct") == []


def test_dash_spacing():
    assert fixed("phát triển kinh tế- xã hội giai đoạn 2021- 2025, kinh tế -xã hội", "spacing.dash") == \
        "phát triển kinh tế - xã hội giai đoạn 2021 - 2025, kinh tế - xã hội"


def test_a_code_cut_by_a_space_after_its_dash_is_offered_joined_again():
    [f] = run("Máy đo mã XR- B2040 vừa về kho.", "spacing.dash")
    assert f.suggestions == ("-",) and not f.safe and "XR-B2040" in f.message
    # a heading, a place's name or a period before a number are spaced, as before
    assert fixed("HÀ TĨNH- Chiều qua, TP HCM- 10 giờ sáng, quý I- 2024 và máy XR- B2040", "spacing.dash") == \
        "HÀ TĨNH - Chiều qua, TP HCM - 10 giờ sáng, quý I - 2024 và máy XR- B2040"


@pytest.mark.parametrize("text", ["KT-XH", "COVID-19", "kinh tế - xã hội", "nhiệt độ -5 độ", "- gạch đầu dòng",
                                  "(18/5/2013 - 18/5/2023)", "-A A +A"])
def test_dash_false_positives(text):
    assert run(text, "spacing.dash") == []


def test_unbalanced_quotes_and_brackets():
    title = 'Sở Khoa học và Công nghệ tổ chức Hội thảo: "Khoa học, công nghệ và đổi mới sáng tạo'
    [f] = run(title, "spacing.brackets")
    assert f.text == '"' and not f.safe and not f.suggestions
    assert [f.text for f in run("mở (ngoặc và “trích dẫn", "spacing.brackets")] == ["(", "“"]
    assert [f.text for f in run("thừa) đóng", "spacing.brackets")] == [")"]


def test_balanced_and_list_markers_are_quiet():
    assert run('“a” (b [c]) "d" gồm: a) một, b) hai', "spacing.brackets") == []
    assert run("Gồm:\na) một;\n1) hai", "spacing.brackets") == []
    assert run("Ban Bí thư Trung ương Đảng (khoá IX), và (mục a) xong", "spacing.brackets") == []


def test_quotation_running_over_paragraphs():
    # Closed in the next paragraph, or re-opened at the start of each paragraph it spans.
    assert run("Ông nói: “Phần tôi đã có.\n\nThế nào cũng phải có”. Rồi đi.", "spacing.brackets") == []
    assert run("Ông nói: “Một.\n“Hai.\n“Ba”. Hết.", "spacing.brackets") == []
    # Never closed, closed too late, or a closing quote with no opener: still found.
    assert [f.text for f in run("Ông nói: “Một.\n\nHai. Ba.", "spacing.brackets")] == ["“"]
    late = "Ông nói: “Một.\nHai.\nBa.\nBốn”."
    assert [f.text for f in run(late, "spacing.brackets")] == ["“", "”"]
    assert [f.text for f in run("Một.\n\nHai” ba.", "spacing.brackets")] == ["”"]
    assert [f.text for f in run("“Một”.\n“Hai\n(ba.", "spacing.brackets")] == ["“", "("]


def test_seed_spacing_faults_found():
    s0, s3 = seed(0), seed(3)
    found0 = {(f.rule, f.text) for f in check_text(s0, Context(), rules=SPACING)}
    assert ("spacing.date", "10/5/ 2022") in found0
    assert ("spacing.after_punct", ".") in found0
    assert ("spacing.nbsp", "\u00a0 ") in found0
    dash = [f for f in check_text(s3, Context(), rules=["spacing.dash"])]
    assert {s3[f.start - 4:f.end + 3] for f in dash} == {"h tế- xã ", "2021- 202"}
    [title_quote] = check_text(seed(1), Context(), rules=["spacing.brackets"])
    assert title_quote.line == 6 and title_quote.text == '"'


def test_no_missing_space_false_alarm_in_seeds():
    for n in range(5):
        text = seed(n)
        for f in check_text(text, Context(), rules=["spacing.after_punct"]):
            assert text[f.start - 9:f.end + 3] == "Khánh Hòa.Tại", f


def test_offsets_with_crlf_cr_bom_and_emoji():
    from bientap.checks.text import decode_bytes

    raw = "\ufeff😀 dòng một\r\nKhánh Hòa.Tại\rhai  ba".encode("utf-8")
    text = decode_bytes(raw).text
    found = run(text, ["spacing.after_punct", "spacing.double"])
    assert [(f.rule, f.line, f.column, text[f.start:f.end]) for f in found] == [
        ("spacing.after_punct", 2, 10, "."), ("spacing.double", 3, 4, "  ")]
    assert apply_fixes(text, found) == "😀 dòng một\r\nKhánh Hòa. Tại\rhai ba"


spacing_text = st.text(alphabet=st.sampled_from(list("ab Hđ.,;:!?()“”\"-–/0123456789\u00a0\n\r\t ")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(spacing_text)
def test_spacing_fixes_idempotent_span_local_in_bounds(text):
    findings = run(text, SPACING)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text) and text[f.start:f.end] == f.text
    once = apply_fixes(text, findings)
    # Span-local: every kept stretch of text between applied spans survives in order (the wider of two
    # fixes at one start first, as apply_fixes takes them).
    chosen = sorted((f for f in findings if f.safe and f.suggestions), key=lambda f: (f.start, -f.end))
    pos, rebuilt = 0, []
    for f in chosen:
        if f.start < pos:
            continue
        rebuilt += [text[pos:f.start], f.suggestions[0]]
        pos = f.end
    rebuilt.append(text[pos:])
    assert once == "".join(rebuilt)
    done = fixed(text, SPACING)
    assert fixed(done, SPACING) == done


def test_quotation_closed_with_the_other_kind_of_mark_is_one_finding():
    # “...", "...”: one fault, at the straight quote, with the curly mark that pairs.
    [f] = run('“Khách mua vé tháng", ông Thủy nói.', "spacing.brackets")
    assert (f.text, f.suggestions) == ('"', ("”",))
    [f] = run('"Tôi nhắc mấy ổng”, bà Thu nói.', "spacing.brackets")
    assert (f.text, f.start, f.suggestions) == ('"', 0, ("“",))
    text = '“văn hóa và hy vọng". Được biết'
    [f] = run(text, "spacing.brackets")
    assert not f.safe and apply_fixes(text, [f], safe_only=False) == "“văn hóa và hy vọng”. Được biết"
    # A straight quote left alone, or an unclosed curly one, is still unbalanced.
    assert [f.text for f in run('Ông nói: “x” "y', "spacing.brackets")] == ['"']
    assert [f.text for f in run('“a "b" c', "spacing.brackets")] == ["“"]


def test_emoticons_open_and_close_nothing():
    for text in ("Vui quá :) thật", "Buồn :( quá", "Hay =))) nhỉ", "(xem :)) hết", "Ừ ;-) được"):
        assert run(text, ["spacing.brackets", "spacing.before_punct"]) == [], text
    assert [f.text for f in run("mở (ngoặc :( và", "spacing.brackets")] == ["("]
    assert [f.text for f in run("thừa) đóng :)", "spacing.brackets")] == [")"]


@pytest.mark.parametrize("text", ["Bộ VH,TT&DL đã ban hành", "Sở LĐ,TB&XH tỉnh", "Sở KH,CN&MT"])
def test_initials_keeping_the_comma_of_the_full_name(text):
    assert run(text, "spacing.after_punct") == []


def test_comma_glued_between_capitals_without_initials_is_still_found():
    assert spans("HÀ NỘI,TP HCM", "spacing.after_punct") == [("spacing.after_punct", ",")]
    assert spans("ông A,B&C và", "spacing.after_punct") == []  # too short to tell: left alone


_GLUED_TEXT = st.text(alphabet="aAđĐ .,;:!?…“(\n/wx", max_size=60)


@settings(max_examples=400, deadline=None)
@given(_GLUED_TEXT)
def test_missing_space_pattern_finds_what_its_two_alternatives_find(text):
    # The pattern is written as one class and lookaheads for speed; its plain form is the two
    # alternatives apart.
    import re

    from bientap.checks.rules.spacing import _MISSING_SPACE
    from bientap.checks.vietnamese import L, U

    plain = re.compile(rf"[.…!?;:,](?=[“‘\"(]?{U})|[,;](?={L})")
    assert [m.span() for m in _MISSING_SPACE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aĐ.,:/w", max_size=150), max_size=5),
       st.lists(st.integers(min_value=0, max_value=600), max_size=8))
@example(["a.", "w" * 100 + ".a", "b"], [1, 90, 104])
def test_a_run_is_found_as_by_reading_back_to_its_last_space(words, points):
    # _Runs looks for the last space just before a position first, then in the rest of the run:
    # the run it finds is the one a plain search back from the position finds.
    import re

    from bientap.checks.rules import spacing

    text = " ".join(words)  # runs longer than the window looked at first
    runs = spacing._Runs(text)
    for i in sorted({p for p in points if p < len(text) and not text[p].isspace()}):  # matches are marks
        urlish = runs.urlish_at(i)
        start = max((m.end() for m in re.finditer(r"\s", text[:i])), default=0)
        end = next((m.start() for m in re.finditer(r"\s", text[i:])), len(text) - i) + i
        assert (runs.start, runs.end) == (start, end)
        assert urlish == bool(spacing._URLISH.search(text, start, end))
