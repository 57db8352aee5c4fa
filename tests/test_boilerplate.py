"""The boilerplate line classifier and the rules that report it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.boilerplate import KINDS, classify_lines
from bientap.checks.engine import apply_fixes, check_text

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

PARA = ("Sáng nay, Ủy ban nhân dân tỉnh Nghệ An tổ chức hội nghị sơ kết công tác sáu tháng đầu năm, "
        "với sự tham dự của đại diện các sở, ngành và địa phương trong tỉnh.")
PARA2 = ("Theo báo cáo, tổng sản phẩm trên địa bàn tăng 7,2% so với cùng kỳ năm trước; thu ngân sách "
         "đạt hơn 9.000 tỷ đồng, bằng 56% dự toán năm. Nhiều công trình trọng điểm đã hoàn thành.")
PARA3 = ("Phát biểu kết luận, Chủ tịch UBND tỉnh đề nghị các đơn vị tập trung tháo gỡ khó khăn cho "
         "doanh nghiệp, đẩy nhanh giải ngân vốn đầu tư công trong những tháng cuối năm.")

PORTAL = f"""Trang chủ
Giới thiệu
Tin tức - Sự kiện
Văn bản
Liên hệ
Trang chủ > Tin tức > Kinh tế
Nghệ An sơ kết công tác sáu tháng đầu năm
Thứ Ba, 11/07/2023 | 09:15
Chia sẻ | In bài
{PARA}
{PARA2}
Toàn cảnh hội nghị (Ảnh: Minh Châu)
{PARA3}
Minh Châu
Tin liên quan
Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2023 (10/07/2023)
Hội nghị xúc tiến đầu tư vào khu kinh tế Đông Nam (05/07/2023)
© 2023 Cổng thông tin điện tử huyện Diễn Châu
Địa chỉ: 123 đường Lê Lợi, thị trấn Diễn Châu
Điện thoại: 0238.3862.123 - Email: bbt@dienchau.gov.vn
Đang truy cập: 57
"""


def kinds(text: str) -> list[tuple[str, str, str]]:
    lines = text.split("\n")
    return [(lines[i], c.kind, c.rule) for i, c in enumerate(classify_lines(text))]


def test_every_line_gets_one_verdict_with_exact_spans():
    text = PORTAL
    classes = classify_lines(text)
    lines = text.split("\n")
    assert len(classes) == len(lines)
    for c, line in zip(classes, lines):
        assert text[c.start:c.end] == line


def test_generic_portal_page():
    got = {line: (kind, rule) for line, kind, rule in kinds(PORTAL)}
    for line in ("Trang chủ", "Giới thiệu", "Văn bản", "Liên hệ", "Trang chủ > Tin tức > Kinh tế"):
        assert got[line][0] == "boilerplate", line
    assert got["Chia sẻ | In bài"] == ("boilerplate", "boilerplate.widget")
    assert got["Nghệ An sơ kết công tác sáu tháng đầu năm"][0] == "title"
    assert got["Thứ Ba, 11/07/2023 | 09:15"] == ("metadata", "metadata.date")
    for para in (PARA, PARA2, PARA3):
        assert got[para][0] == "body"
    assert got["Toàn cảnh hội nghị (Ảnh: Minh Châu)"][0] == "caption"
    assert got["Minh Châu"] == ("metadata", "metadata.byline")
    assert got["Tin liên quan"] == ("boilerplate", "boilerplate.related")
    assert got["Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2023 (10/07/2023)"][0] == "boilerplate"
    assert got["© 2023 Cổng thông tin điện tử huyện Diễn Châu"] == ("boilerplate", "boilerplate.footer")
    assert got["Địa chỉ: 123 đường Lê Lợi, thị trấn Diễn Châu"] == ("boilerplate", "boilerplate.footer")
    assert got["Điện thoại: 0238.3862.123 - Email: bbt@dienchau.gov.vn"][1] == "boilerplate.footer"
    assert got["Đang truy cập: 57"] == ("boilerplate", "boilerplate.counter")


def test_clean_body_stays_body():
    """A stored body (no site around it) must not lose its subheads or its short last paragraph."""
    body = "\n\n".join([PARA, "Tăng trưởng khá trong sáu tháng", PARA2, PARA3, "Xin trân trọng cảm ơn!"])
    assert {kind for _, kind, _ in kinds(body)} <= {"body", "blank", "title"}
    assert [k for _, k, _ in kinds(body) if k != "blank"].count("body") >= 4


def test_subhead_is_not_a_caption_but_speaker_line_is():
    text = "\n\n".join([PARA, "Đẩy mạnh chuyển đổi số trong nông nghiệp", PARA2,
                        "Ông Nguyễn Văn Hùng phát biểu tại hội nghị", PARA3])
    got = {line: kind for line, kind, _ in kinds(text)}
    assert got["Đẩy mạnh chuyển đổi số trong nông nghiệp"] == "body"
    assert got["Ông Nguyễn Văn Hùng phát biểu tại hội nghị"] == "caption"


def test_line_local_leftovers_anywhere():
    text = "\n".join([PARA, "Description: C:\\Users\\May\\Desktop\\DSC_0012.JPG", PARA2,
                      "https://baonghean.vn/tin-tuc", PARA3, PARA3, "-A A +A"])
    got = kinds(text)
    assert got[1][2] == "boilerplate.file_path"
    assert got[3][2] == "boilerplate.url"
    assert got[5][2] == "boilerplate.duplicate"
    assert got[6][2] == "boilerplate.widget"


def test_seed_chrome_is_found():
    text = SEEDS[3].read_text(encoding="utf-8")
    rules = {c.rule for c in classify_lines(text)}
    assert {"boilerplate.menu", "boilerplate.counter", "boilerplate.url", "boilerplate.duplicate",
            "boilerplate.caption"} <= rules
    text1 = SEEDS[1].read_text(encoding="utf-8")
    got = kinds(text1)
    assert [r for _, _, r in got[:4]] == ["boilerplate.widget", "boilerplate.banner", "boilerplate.widget",
                                          "boilerplate.widget"]
    assert sum(r == "boilerplate.file_path" for _, _, r in got) == 3
    assert sum(k == "caption" for _, k, _ in got) == 3


def test_rules_report_lines_and_fix_deletes_them():
    text = SEEDS[3].read_text(encoding="utf-8")
    findings = check_text(text, rules=["boilerplate"])
    counter = [f for f in findings if f.rule == "boilerplate.counter"]
    assert [f.text for f in counter][1:] == ["Truy cập tổng 1.983.286", "Truy cập hiện tại 1.712"]
    assert all(f.safe and f.suggestions == ("",) and f.severity == "warning" for f in counter)
    assert {f.severity for f in findings if f.rule == "boilerplate.caption"} == {"info"}
    assert {f.severity for f in findings if f.rule == "boilerplate.duplicate"} == {"warning"}
    ref = [f for f in findings if f.rule == "boilerplate.photo_ref"]
    assert [f.text for f in ref] == [" (ảnh dưới)"]
    fixed = apply_fixes(text, findings)
    assert "Truy cập tổng" not in fixed and "(ảnh dưới)" not in fixed
    assert "Năm 2022, với mục tiêu phát triển mạnh mẽ KHCN" in fixed


def test_offsets_map_back_through_crlf_and_bom_free_text():
    text = SEEDS[3].read_text(encoding="utf-8").replace("\n", "\r\n")
    for f in check_text(text, rules=["boilerplate.counter"]):
        assert text[f.start:f.end] == f.text
        assert "\r" not in f.text and "\n" not in f.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃHTĐ0123456789 .,:;!?-/\\|()“”"
                                             "\n\n\n\u00a0@©>")), max_size=400))
def test_random_text_never_raises_and_covers_every_line(text):
    classes = classify_lines(text)
    assert len(classes) == text.count("\n") + 1
    pos = 0
    for c in classes:
        assert c.start == pos and c.end >= c.start
        assert "\n" not in text[c.start:c.end]
        assert c.kind in KINDS
        pos = c.end + 1
    assert pos == len(text) + 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([PARA, PARA2, PARA3, "Trang chủ", "Liên hệ", "", "Minh Châu",
                                 "Toàn cảnh hội nghị", "Bản quyền © 2023", "12/07/2023"]), max_size=25))
def test_page_like_shuffles_never_raise(parts):
    text = "\n".join(parts)
    classes = classify_lines(text)
    assert len(classes) == len(parts) or (not parts and len(classes) == 1)


def test_pen_names():
    from bientap.checks.boilerplate import byline_name

    for name in ("Nguyễn Văn Hải", "Mai Phương - Hữu Nghĩa", "Đ.Mãi", "N.T.H", "PV", "ctngoc", "Thanh Tâm (TTXVN)",
                 "Lê Thành Trang"):
        assert byline_name(name) == name, name
    assert byline_name("Tin, ảnh: Minh Anh") == "Minh Anh"
    assert byline_name("Thu Hà/TTXVN") == "Thu Hà/TTXVN"
    assert byline_name("Hoàng Anh - Hữu Tuấn (thực hiện)") == "Hoàng Anh - Hữu Tuấn"
    assert byline_name("NGỌC PHƯỢNG") == "NGỌC PHƯỢNG"
    for label in ("Trang chủ", "Các tin khác", "Liên hệ", "Đa phương tiện", "Văn bản", "Hội thảo khoa học",
                  "Xem tin theo ngày", "Thống kê truy cập", "menu"):
        assert byline_name(label) is None, label


def test_deleting_boilerplate_keeps_the_article_and_settles_in_one_round():
    from bientap.checks.engine import fix_text

    for text in [p.read_text(encoding="utf-8") for p in SEEDS] + [PORTAL]:
        once = apply_fixes(text, check_text(text, rules=["boilerplate"]))
        assert fix_text(text, rules=["boilerplate"]) == once
        kept = [text[c.start:c.end] for c in classify_lines(text) if c.kind in ("body", "title")]
        for line in kept:
            assert line.replace(" (ảnh dưới)", "") in once


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([PARA, PARA2, PARA3, "Trang chủ", "Liên hệ", "", "Minh Châu", "Tin liên quan",
                                 "Toàn cảnh hội nghị", "Bản quyền © 2023", "12/07/2023", "Chia sẻ | In bài",
                                 "Nghệ An sơ kết công tác sáu tháng đầu năm", "Đang truy cập: 57"]),
                min_size=1, max_size=20))
def test_boilerplate_fixes_are_idempotent_on_page_like_text(parts):
    from bientap.checks.engine import fix_text

    text = "\n".join(parts)
    fixed = fix_text(text, rules=["boilerplate"])
    assert fix_text(fixed, rules=["boilerplate"]) == fixed


def test_teasers_after_the_sign_off_are_chrome_even_when_they_read_like_prose():
    teasers = [f"Tin {k}: Tỉnh tổ chức hội nghị tổng kết công tác năm, đề ra nhiệm vụ trọng tâm cho năm tới "
               f"với nhiều giải pháp đột phá." for k in range(6)]
    text = "\n".join(["Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, PARA2, PARA3, "Minh Châu",
                      "Tin cùng chuyên mục", *teasers])
    got = kinds(text)
    assert [k for _, k, _ in got[1:4]] == ["body"] * 3
    assert got[4][2] == "metadata.byline"
    assert all(k == "boilerplate" for _, k, _ in got[5:])


def test_a_table_inside_the_article_is_not_a_menu():
    table = ["Huyện", "Diện tích (ha)", "Nghi Lộc 1.250", "Diễn Châu 980", "Yên Thành 1.430", "Quỳnh Lưu 870"]
    text = "\n".join([PARA, *table, PARA2, PARA3])
    assert all(k == "body" for _, k, _ in kinds(text))


def test_teaser_sidebar_without_a_byline():
    teasers = []
    for k in range(5):
        teasers += [f"Tỉnh đẩy mạnh chuyển đổi số trong cơ quan nhà nước, phần {k}", f"1{k}/07/2023 08:00",
                    "Sáng nay, Sở Thông tin và Truyền thông tổ chức hội nghị triển khai kế hoạch chuyển đổi số "
                    "năm 2023 với sự tham gia của..."]
    text = "\n".join(["Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, PARA2, PARA3, "Đọc nhiều", *teasers])
    got = kinds(text)
    assert [k for _, k, _ in got[1:4]] == ["body"] * 3
    assert all(k in ("boilerplate", "metadata") for _, k, _ in got[4:])


@pytest.mark.parametrize("line, source", [
    ("Theo TTXVN", "TTXVN"), ("Theo baochinhphu.vn", "baochinhphu.vn"), ("(Theo VnExpress)", "VnExpress"),
    ("Nguồn: Báo Khánh Hòa", "Báo Khánh Hòa"), ("Theo đó, tỉnh sẽ", None), ("Theo kế hoạch", None),
])
def test_source_lines(line, source):
    from bientap.checks.boilerplate import source_of_line

    assert source_of_line(line) == source


@pytest.mark.parametrize("line, caption", [
    ("Tăng cường kiểm tra, giám sát việc thực hiện", False),
    ("Thúc đẩy chuyển đổi số trong nông nghiệp", False),
    ("Quang cảnh hội nghị", True),
    ("Bộ trưởng Nguyễn Văn A kiểm tra công trình", True),
    ("Sản phẩm OCOP của tỉnh được trưng bày. Ảnh: Minh Anh", True),
])
def test_caption_or_subhead_between_paragraphs(line, caption):
    got = kinds("\n\n".join([PARA, line, PARA2]))[2]
    assert (got[1] == "caption") is caption, got


def test_reader_comments_after_the_byline_leave_even_without_a_heading():
    comment = ("Bài viết rất hay, mong tỉnh tiếp tục quan tâm hơn nữa đến đời sống của bà con vùng sâu, "
               "vùng xa trong thời gian tới.")
    text = "\n".join(["Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, PARA2, PARA3, "Bài, ảnh: Minh Châu",
                      "Nguyễn Hoàng", comment, "Trả lời · Thích · 2 giờ trước", "Lê Thị Hạnh", comment + " Cảm ơn!",
                      "Thích (3) | Trả lời"])
    got = kinds(text)
    assert [k for _, k, _ in got[1:4]] == ["body"] * 3
    assert got[4][2] == "metadata.byline"
    assert all(k == "boilerplate" for _, k, _ in got[5:])


def test_a_list_of_names_inside_the_article_does_not_end_it():
    names = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Tuấn"]
    text = "\n".join(["Nghệ An khen thưởng các cá nhân tiêu biểu", PARA, "Các cá nhân được khen thưởng gồm:", *names,
                      PARA2, PARA3, PARA.replace("Sáng nay", "Chiều qua"), "Minh Châu"])
    got = {line: kind for line, kind, _ in kinds(text)}
    assert all(got[n] == "body" for n in names)
    assert got[PARA3] == "body"


def test_ticker_above_the_title_and_a_disclaimer_footer():
    teaser = ("Hôm nay, tỉnh tổ chức lễ khánh thành công trình trọng điểm với tổng vốn đầu tư hơn 500 tỷ đồng "
              "từ ngân sách.")
    text = "\n".join(["Trang chủ", "Tin tức", "Liên hệ", "Tin nóng", teaser, teaser.replace("Hôm nay", "Hôm qua"),
                      "Nghệ An sơ kết công tác sáu tháng đầu năm", "11/07/2023 09:15", PARA, PARA2, PARA3,
                      "Minh Châu", "Mọi hình thức sao chép thông tin trên trang này phải được sự đồng ý bằng văn "
                      "bản của cơ quan chủ quản."])
    got = kinds(text)
    assert [k for _, k, _ in got[:6]] == ["boilerplate"] * 6
    assert got[6][1] == "title"
    assert [k for _, k, _ in got[8:11]] == ["body"] * 3
    assert got[12][2] == "boilerplate.footer"


@pytest.mark.parametrize("line, crumb", [
    ("Trang chủ > Tin tức > Kinh tế", True), ("Trang chủ » Thời sự", True), ("Trang chủ / Xã hội", True),
    ("Kinh tế - Xã hội", False), ("Tính đến hết tháng 3 / 2008", False), ("Tỷ lệ đạt 45 / 50 xã", False),
])
def test_breadcrumbs(line, crumb):
    from bientap.checks.boilerplate import _is_breadcrumb

    assert _is_breadcrumb(line) is crumb


def test_related_box_inside_the_article_and_attachments_below_it():
    text = "\n".join(["Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, "Tin liên quan",
                      "Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2023",
                      "Hội nghị xúc tiến đầu tư vào khu kinh tế Đông Nam", "", PARA2, PARA3,
                      "Minh Châu", "Tài liệu đính kèm", "Bao cao so ket 6 thang.pdf"])
    got = kinds(text)
    assert [k for _, k, _ in got[2:5]] == ["boilerplate"] * 3
    assert [k for _, k, _ in got[6:8]] == ["body"] * 2
    assert [r for _, _, r in got[9:]] == ["boilerplate.widget"] * 2


def test_stored_body_opening_with_a_subhead_keeps_its_closing_line():
    body = "\n\n".join(["Tăng trưởng khá trong sáu tháng", PARA, PARA2, PARA3, "Xin trân trọng giới thiệu"])
    assert {k for _, k, _ in kinds(body)} <= {"body", "title", "blank"}


def test_stored_body_opening_with_section_headings_has_no_header():
    body = "\n\n".join(["I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Về phát triển kinh tế", PARA, PARA2])
    assert {k for _, k, _ in kinds(body)} <= {"body", "title", "blank"}


def test_menu_line_above_a_page_without_other_chrome_is_still_a_header():
    text = "Trang chủ\u00a0 Tin tức\u00a0 Liên hệ\n\n" + SEEDS[2].read_text(encoding="utf-8")
    assert classify_lines(text)[0].kind == "boilerplate"


def _kinds(text: str) -> dict[str, str]:
    return {text[c.start:c.end]: c.kind for c in classify_lines(text)}


def test_a_page_cut_off_mid_sentence_keeps_its_last_line():
    """Excerpts end mid-sentence: the last line right after the prose is the text, not a teaser."""
    cut = "Nhiều hộ dân trong xã đã chủ động gia cố nhà cửa, chằng chống mái tôn và chuyển lương thực lên ca"
    page = "\n".join(["Trang chủ", "Tin tức", "Kinh tế", "Nghệ An sơ kết công tác sáu tháng đầu năm",
                      PARA, PARA2, cut])
    assert _kinds(page)[cut] == "body"
    # ... but not when the site goes on below it, nor for a second line after the prose
    teaser = "Nghệ An đẩy mạnh giải ngân vốn đầu tư công, tháo gỡ khó khăn cho doanh nghiệp"
    assert _kinds(page + "\n© 2023 Báo Nghệ An")[cut] != "body"
    assert _kinds(page.replace(cut, teaser + "\n" + cut))[cut] != "body"


def test_dash_teasers_above_the_first_paragraph_are_the_site_even_without_other_chrome():
    teasers = ["- Cụ bà 90 tuổi ở xã miền núi vẫn ngày ngày dệt thổ cẩm giữ nghề cho con cháu",
               "- Hai học sinh lớp 9 nhặt được ví tiền trả lại người đánh rơi ngay trong buổi sáng"]
    page = "\n".join([*teasers, "", "Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, PARA2])
    kinds = _kinds(page)
    assert [kinds[t] for t in teasers] == ["boilerplate", "boilerplate"]
    assert kinds["Nghệ An sơ kết công tác sáu tháng đầu năm"] == "title"


def test_a_lead_printed_twice_stays_but_a_teaser_printed_twice_goes():
    teaser = "Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2023"
    page = "\n".join(["Trang chủ", "Tin tức", "Kinh tế", "Nghệ An sơ kết công tác sáu tháng đầu năm",
                      PARA, PARA, PARA2, PARA3, "Minh Châu", "Tin liên quan", teaser, teaser,
                      "© 2023 Báo Nghệ An"])
    got = classify_lines(page)
    assert [c.kind for c in got[4:6]] == ["body", "body"]
    assert got[11].kind == "boilerplate"
    para2_twice = page.replace(PARA3, PARA2)
    assert classify_lines(para2_twice)[7].rule == "boilerplate.duplicate"


def test_other_parts_of_a_series_and_a_row_of_headlines_inside_the_text():
    title = "Giữ rừng đầu nguồn - Bài 3: Những mô hình cần nhân rộng"
    parts = ["Bài 1: Những cánh rừng bị xẻ thịt", "Bài 2: Lời giải nào cho người giữ rừng"]
    teasers = ["Thị xã ven biển ra quân dọn rác thải nhựa trên các bãi tắm dịp hè",
               "Huyện miền núi khánh thành cây cầu treo thứ mười cho học sinh vùng cao",
               "Giá lúa chạy lũ tăng mạnh, thương lái về tận ruộng thu mua sớm"]
    page = "\n\n".join([title, PARA, *parts, PARA2, *teasers, PARA3])
    got = {page[c.start:c.end]: (c.kind, c.evidence) for c in classify_lines(page)}
    assert got[title][0] == "title"
    assert [got[p] for p in parts] == [("boilerplate", "series")] * 2
    assert [got[t] for t in teasers] == [("boilerplate", "headlines=3")] * 3
    assert got[PARA3][0] == "body"
    from bientap.checks.boilerplate import explain

    assert "series" in explain("boilerplate.related", "series", "en")
    assert "3 headlines" in explain("boilerplate.related", "headlines=3", "en")


@pytest.mark.parametrize("lines", [
    # a dashed list of the text's own items
    ["- Di tích đình làng Phú Hòa (xã Phú Hòa, huyện Đông Sơn, tỉnh Quảng Ngãi)",
     "- Di tích chùa Long Sơn (phường Tân Lập, thành phố Nha Trang)",
     "- Di tích lịch sử đền thờ Trần Quý Cáp (xã Điện Phước, tỉnh Quảng Nam)"],
    # verse quoted in the text
    ["Quê hương là chùm khế ngọt", "Cho con trèo hái mỗi ngày", "Quê hương là đường đi học",
     "Con về rợp bướm vàng bay"],
    # one subhead between paragraphs
    ["Mô hình tiết kiệm điện năng cho các trang trại"],
])
def test_lists_verse_and_a_subhead_inside_the_text_stay(lines):
    page = "\n\n".join(["Nghệ An sơ kết công tác sáu tháng đầu năm", PARA, PARA2, *lines, PARA3])
    got = {page[c.start:c.end]: c.kind for c in classify_lines(page)}
    assert [got[s] for s in lines] == ["body"] * len(lines)


@pytest.mark.parametrize("line, kind", [
    ("Đơn vị vận hành cho biết sự cố mất điện trên diện rộng là do một trạm biến áp bị quá tải.", "body"),
    ("Điện thoại di động giờ đây là công cụ làm việc không thể thiếu của phóng viên ở cơ sở.", "body"),
    ("Đơn vị vận hành: Công ty Cổ phần Truyền thông số Miền Trung", "boilerplate"),
    ("Điện thoại: 0235 3812 345 - Fax: 0235 3812 346", "boilerplate"),
    ("Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 10/3/2021", "boilerplate"),
])
def test_a_sentence_that_opens_with_a_footers_words_is_still_prose(line, kind):
    text = "\n".join(["Mưa lớn gây mất điện nhiều nơi", "",
                      "Chiều qua, mưa lớn kéo dài khiến nhiều khu dân cư trong thành phố bị mất điện nhiều giờ liền.",
                      "", line])
    assert classify_lines(text)[-1].kind == kind


def test_a_licence_line_printed_as_a_sentence_is_still_a_footer():
    text = "\n".join(["Mưa lớn gây mất điện nhiều nơi", "",
                      "Chiều qua, mưa lớn kéo dài khiến nhiều khu dân cư trong thành phố bị mất điện nhiều giờ liền.",
                      "", "Minh Anh", "",
                      "Giấy phép hoạt động báo điện tử số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 10/3/2021."])
    got = classify_lines(text)
    assert got[-1].rule == "boilerplate.footer"
    assert got[4].rule == "metadata.byline"


@pytest.mark.parametrize("line", [
    "Tổng biên tập Nguyễn Văn An, các Phó Tổng biên tập Trần Văn Bình và Lê Thị Hoa, Thư ký tòa soạn Phạm Minh.",
    "Điện thoại liên hệ đường dây nóng của tòa soạn trong giờ hành chính là 0235 3812 345 hoặc 0235 3812 346.",
    "Văn phòng đại diện tại Thành phố Hồ Chí Minh đặt tại số 12 đường Lê Lợi, phường Bến Nghé, quận 1.",
])
def test_footer_lines_of_officers_phones_and_offices_stay_footers_though_they_read_as_sentences(line):
    text = "\n".join(["Mưa lớn gây mất điện nhiều nơi", "",
                      "Chiều qua, mưa lớn kéo dài khiến nhiều khu dân cư trong thành phố bị mất điện nhiều giờ liền.",
                      "", line])
    assert classify_lines(text)[-1].rule == "boilerplate.footer"
