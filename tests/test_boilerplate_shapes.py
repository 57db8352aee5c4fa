"""Shapes of real portals the classifier must know without having met the site (issue 15.3).

Every line here is invented; each test puts one shape into an otherwise ordinary page and checks
the verdict and that the removed-lines list says why in words."""

from __future__ import annotations

import pytest

from bientap.checks.boilerplate import classify_lines, explain_reason
from bientap.checks.metadata import extract_article

TITLE = "Huyện Tân Kỳ khánh thành cầu treo qua sông Con"
LEAD = ("Sáng 10/10, Ủy ban nhân dân huyện Tân Kỳ tổ chức lễ khánh thành cây cầu treo bắc qua sông Con, "
        "giúp hàng nghìn hộ dân đi lại an toàn hơn trong mùa mưa lũ.")
MORE = ("Cây cầu dài 150 mét, rộng 3 mét, được xây dựng trong chín tháng với tổng kinh phí gần 8 tỷ đồng, "
        "trong đó người dân đóng góp hơn một tỷ đồng và nhiều ngày công lao động.")
LAST = ("Phát biểu tại buổi lễ, lãnh đạo huyện đề nghị chính quyền các xã có phương án quản lý, "
        "bảo trì công trình để cầu phát huy hiệu quả lâu dài.")
HEAD = ["Trang chủ", "Thời sự", "Kinh tế", "Xã hội", ""]
FOOT = ["", "Tin khác", "Tân Kỳ ra quân làm đường giao thông nông thôn dịp cuối năm",
        "© 2026 Báo điện tử Miền Tây Nghệ", "Địa chỉ: 5 Trần Phú, thị trấn Tân Kỳ"]


def page(top: list[str], bottom: list[str], inside: str | None = None) -> str:
    middle = ["", LEAD, ""] + ([inside, ""] if inside is not None else []) + [MORE, "", LAST]
    return "\n".join([*HEAD, *top, *middle, *bottom, *FOOT])


def verdict(text: str, line: str):
    return next(c for c, s in zip(classify_lines(text), text.split("\n")) if s == line)


@pytest.mark.parametrize("line", [
    "Xem video:", "Mời quý độc giả xem video", "Mời xem clip:", "Bấm để xem video", "Nhấn vào đây để xem",
    "Tắt tiếng", "Xem toàn màn hình", "Quảng cáo", "Đang tải...", "Theo dõi kênh YouTube", "Đọc tiếp", "▶ Play",
])
def test_a_players_or_an_ad_slots_words_inside_the_text_are_the_site(line):
    c = verdict(page([TITLE, "12/10/2026 08:30"], ["", "Hoài Thu"], inside=line), line)
    assert (c.kind, c.rule, c.evidence) == ("boilerplate", "boilerplate.widget", "widget")


@pytest.mark.parametrize("line", ["Your browser does not support the video tag.",
                                  "Trình duyệt của bạn không hỗ trợ phát video này."])
def test_a_players_notice_is_the_site(line):
    c = verdict(page([TITLE, "12/10/2026 08:30"], ["", "Hoài Thu"], inside=line), line)
    assert (c.kind, c.evidence) == ("boilerplate", "notice")


@pytest.mark.parametrize("line, evidence", [
    (">> Tân Kỳ ra quân làm đường giao thông nông thôn", "link_arrow"),
    ("» Nông dân Tân Kỳ thu hoạch mía sớm hơn mọi năm", "link_arrow"),
    ("Tin nổi bật: Tân Kỳ ra quân làm đường giao thông nông thôn dịp cuối năm", "heading"),
    ("Các tin, bài viết khác", "heading"),
    ("Truyền hình trực tiếp", "heading"),
])
def test_links_to_other_articles_inside_the_text(line, evidence):
    text = page([TITLE, "12/10/2026 08:30"], ["", "Hoài Thu"], inside=line)
    c = verdict(text, line)
    assert (c.kind, c.rule, c.evidence) == ("boilerplate", "boilerplate.related", evidence)
    ex = extract_article(text)
    assert (ex.title, ex.byline, ex.sapo) == (TITLE, "Hoài Thu", LEAD)
    assert MORE in ex.body and LAST in ex.body


@pytest.mark.parametrize("line", [
    "> Hai là, đẩy mạnh cải cách hành chính.",  # a quoted sentence, not a link
    "» 2026",
])
def test_an_arrow_before_a_sentence_or_a_number_is_no_link(line):
    c = verdict(page([TITLE, "12/10/2026 08:30"], ["", "Hoài Thu"], inside=line), line)
    assert c.evidence != "link_arrow"


def test_the_removed_lines_list_says_why_for_the_new_evidence():
    assert "another article" in explain_reason("boilerplate.related link_arrow", "en")
    assert explain_reason("boilerplate.related link_arrow", "vi") != explain_reason("boilerplate.related", "vi")


@pytest.mark.parametrize("line, name", [
    ("(Hoài Thu)", "Hoài Thu"),  # the name in brackets
    ("- Hoài Thu -", "Hoài Thu"),  # between two dashes
    ("Quế Chi - Bảo Ngọc - Đình Khoa", "Quế Chi - Bảo Ngọc - Đình Khoa"),  # three names joined
    ("Lê Thị Hoài Thu - Phan Đình Khoa", "Lê Thị Hoài Thu - Phan Đình Khoa"),
])
@pytest.mark.parametrize("after", [[], FOOT])
def test_bylines_closing_the_text(line, name, after):
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", "", LEAD, "", MORE, "", LAST, "", line, *after])
    ex = extract_article(text)
    assert (ex.title, ex.byline) == (TITLE, name)
    assert [r.reason for r in ex.removed if r.text == line] == ["metadata.byline after_text"]


@pytest.mark.parametrize("line", ["- Hoài Thu", "(Hoài Thu"])
def test_a_dash_or_a_bracket_on_one_side_is_no_byline_shape(line):
    from bientap.checks.boilerplate import byline_name

    assert byline_name(line) is None


@pytest.mark.parametrize("line, name", [
    ("Lê Thị Hoài Thu - Phan Đình Khoa -", "Lê Thị Hoài Thu - Phan Đình Khoa"),  # a trailing separator
    ("Hoài Thu (Báo Miền Tây) -", "Hoài Thu (Báo Miền Tây)"),
    ("CTV Đình Khoa |", "CTV Đình Khoa"),
])
def test_a_byline_with_a_trailing_separator_under_the_title_is_never_the_title(line, name):
    ex = extract_article(page([TITLE, line, "12/10/2026 08:30"], []))
    assert (ex.title, ex.byline, ex.published_at[:10]) == (TITLE, name, "2026-10-12")


@pytest.mark.parametrize("date_line", [
    "THỜI SỰ 12/10/2026",  # a section in capitals is not a pen name
    "KINH TẾ - XÃ HỘI | 12/10/2026",
    "Văn hóa - Thể thao 12/10/2026 08:30",
    "Ngày phát hành: 12/10/2026",
    "October 12, 2026",  # English, as blog software under an English locale prints it
    "12 Oct 2026 08:30",
    "Đăng bởi Hoài Thu vào lúc 12/10/2026",
])
@pytest.mark.parametrize("above", [False, True])
def test_date_lines_with_a_section_or_in_other_words(date_line, above):
    top = [date_line, TITLE] if above else [TITLE, date_line]
    signed = "Hoài Thu" in date_line
    ex = extract_article(page(top, [] if signed else ["", "Phan Đình Khoa"]))
    assert (ex.title, ex.published_at[:10]) == (TITLE, "2026-10-12")
    assert ex.byline == ("Hoài Thu" if signed else "Phan Đình Khoa")
    assert [r.rule for r in ex.removed if r.text == date_line] == ["metadata.date"]


@pytest.mark.parametrize("line", [
    "Tin đăng tải 12/10/2026 trong mục Quê hương",  # shapes no date-line pattern reads as a whole
    "Báo in số 245 ra ngày 12/10/2026",
])
def test_a_short_line_with_a_date_under_the_headline_is_the_date_line(line):
    ex = extract_article(page([TITLE, line], ["", "Phan Đình Khoa"]))
    assert (ex.title, ex.published_at[:10]) == (TITLE, "2026-10-12")
    assert [r.reason for r in ex.removed if r.text == line] == ["metadata.date date_under_title"]
    assert "under the title" in explain_reason("metadata.date date_under_title", "en")


def test_a_short_headline_with_a_date_stays_the_title():
    headline = "Giá lúa hôm nay 12/10/2026"
    ex = extract_article(page([headline], ["", "Phan Đình Khoa"]))
    assert ex.title == headline


@pytest.mark.parametrize("label", ["Thời sự", "THỜI SỰ", "Chính trị - Xã hội", "KINH TẾ"])
def test_a_section_after_the_text_is_no_byline(label):
    ex = extract_article("\n".join([TITLE, "12/10/2026", "", LEAD, "", MORE, "", label, *FOOT]))
    assert ex.byline is None


TEASERS = ["Tân Kỳ ra quân làm đường giao thông nông thôn dịp cuối năm",
           "Sáng 9/10, huyện Tân Kỳ ra quân làm đường giao thông nông thôn với sự tham gia của hàng nghìn "
           "người dân các xã.",
           "Nông dân Nghĩa Đàn thu hoạch mía sớm hơn mọi năm",
           "Những ngày này, nông dân huyện Nghĩa Đàn tranh thủ thời tiết thuận lợi để thu hoạch mía, năng suất "
           "đạt khá."]


@pytest.mark.parametrize("tail", [
    TEASERS,  # other articles' headlines and summaries straight after the name
    [TEASERS[0], "09/10/2026", TEASERS[1], TEASERS[2], "08/10/2026", TEASERS[3]],  # ... each with its date
])
@pytest.mark.parametrize("name", ["Hoài Thu", "PV", "CTV Đình Khoa"])
def test_a_byline_closing_the_text_before_other_articles_teasers(tail, name):
    text = "\n".join([TITLE, "12/10/2026 08:30", "", LEAD, "", MORE, "", LAST, "", name, "", *tail])
    ex = extract_article(text)
    assert (ex.byline, ex.published_at[:10]) == (name, "2026-10-12")
    assert [r.reason for r in ex.removed if r.text == name] == ["metadata.byline after_text"]
    assert ex.body == "\n\n".join([MORE, LAST])


def test_a_person_named_under_a_photo_before_a_subhead_does_not_end_the_text():
    sub1, sub2 = "Cây cầu mơ ước của bà con hai bờ sông Con", "Những người góp công xây cầu mới cho bản"
    text = "\n".join([TITLE, "12/10/2026 08:30", "", LEAD, "", MORE, "", LAST, "", "Ông Lương Văn Khải", "", sub1, "", MORE,
                      "", sub2, "", LAST.replace("Phát biểu", "Cũng phát biểu"), "", "Hoài Thu"])
    ex = extract_article(text)
    assert ex.byline == "Hoài Thu"
    assert sub1 in ex.body and sub2 in ex.body


@pytest.mark.parametrize("date_line, name", [("PV - 12/10/2026 08:30", "PV"), ("12/10/2026 08:30 - CTV", "CTV"),
                                             ("Đ.Khoa | 12/10/2026", "Đ.Khoa")])
def test_an_agency_or_initials_alone_beside_the_date_sign_the_article(date_line, name):
    ex = extract_article(page([TITLE, date_line], []))
    assert (ex.title, ex.published_at[:10], ex.byline) == (TITLE, "2026-10-12", name)


@pytest.mark.parametrize("date_line", ["Video - 12/10/2026 08:30", "12/10/2026 08:30 | Print"])
def test_a_lone_word_beside_the_date_is_no_byline(date_line):
    assert extract_article(page([TITLE, date_line], [])).byline is None


# --- helper-52's battery of pages (issue 15.3): shapes found there, each with invented lines ---

def test_a_video_players_controls_and_a_video_marker_before_the_headline():
    headline = "(Video) " + TITLE
    text = "\n".join(["Video > Thời sự", headline, "12/10/2026 - 08:15 AM", "▶ 00:00 / 02:47",
                      "Tự động phát   HD   Toàn màn hình", LEAD, MORE, LAST, "Hoài Thu", *FOOT])
    assert verdict(text, "Tự động phát   HD   Toàn màn hình").evidence == "widget"
    assert extract_article(text).title == headline


@pytest.mark.parametrize("bar, n", [("Thời sự\tKinh tế\tXã hội\tThể thao\tVideo", 5),
                                    ("Trang chủ  Thời sự  Kinh tế  Xã hội", 4)])
def test_a_navigation_bar_set_apart_by_tabs_or_wide_gaps(bar, n):
    text = "\n".join(["BÁO MIỀN TÂY", bar, TITLE, "12/10/2026 08:15", LEAD, MORE, LAST, *FOOT])
    assert verdict(text, bar).rule == "boilerplate.menu"  # (a short bar with "Trang chủ" is a breadcrumb's shape too)
    assert extract_article(text).title == TITLE


def test_a_navigation_bar_with_its_items_set_wide_apart_is_a_menu():
    bar = "Trang chủ  Tin tức  Thời sự  Kinh tế  Xã hội  Thể thao  Video  Chương trình  Lịch phát sóng"
    text = "\n".join(["ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH MIỀN TÂY", bar, TITLE, "12/10/2026 08:15", LEAD, MORE, LAST, *FOOT])
    c = verdict(text, bar)
    assert (c.kind, c.rule, c.evidence) == ("boilerplate", "boilerplate.menu", "spaced=9")
    assert "9" in explain_reason(f"{c.rule} {c.evidence}", "en")
    assert extract_article(text).title == TITLE
    # one space between a headline's words is a headline's, however many capitals it has
    assert extract_article(text.replace(bar, "Trang chủ Tin tức Thời sự")).title == TITLE


def test_a_question_headline_under_the_date_line():
    headline = "Giá cầu treo còn neo cao đến bao giờ?"
    text = "\n".join([*HEAD, "Góc nhìn", "Thứ sáu, 12/10/2026, 06:00 (GMT+7)", headline, LEAD, MORE, LAST, *FOOT])
    ex = extract_article(text)
    assert (ex.title, ex.published_at) == (headline, "2026-10-12T06:00:00+07:00")
    assert headline not in ex.body


def test_a_caption_marked_as_a_photo_under_the_date_is_no_headline():
    caption = "(Ảnh minh họa) Du khách tham quan vịnh Hạ Long bằng tàu"
    text = "\n".join([*HEAD, TITLE, "14/03/2026 09:30", caption, LEAD, MORE, LAST, *FOOT])
    assert extract_article(text).title == TITLE


def test_a_paragraph_about_the_authors_view_is_no_disclaimer():
    para = ("Ý kiến của nhiều bạn đọc đồng tình với quan điểm của tác giả, cho rằng huyện cần sớm có "
            "phương án bảo trì cây cầu.")
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", LEAD, MORE, para, LAST, "Hoài Thu", *FOOT])
    assert para in extract_article(text).body


@pytest.mark.parametrize("label", ["Nguồn", "Thẻ", "Gửi", "Ảnh"])
@pytest.mark.parametrize("below", ["Ý kiến bạn đọc", "© 2026 Báo điện tử Miền Tây Nghệ"])
def test_a_one_word_label_under_the_text_is_no_pen_name(label, below):
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", LEAD, MORE, LAST, label, "", below, *FOOT])
    assert extract_article(text).byline is None


def test_a_one_word_pen_name_over_the_opinion_disclaimer_and_the_comments():
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", LEAD, MORE, LAST, "Nhân",
                      "Nội dung bài viết thể hiện quan điểm riêng của tác giả.", "Chia sẻ ý kiến của bạn",
                      "Ý kiến (128)   Mới nhất | Quan tâm nhất", "Trần Long", "Nói đúng quá.", *FOOT])
    assert verdict(text, "Nội dung bài viết thể hiện quan điểm riêng của tác giả.").evidence == "notice"
    assert verdict(text, "Ý kiến (128)   Mới nhất | Quan tâm nhất").rule == "boilerplate.comments"
    assert extract_article(text).byline == "Nhân"  # not the commenter under it


@pytest.mark.parametrize("printed", [f"THỜI SỰ | {TITLE}", f"V-LEAGUE | {TITLE}", f"Kinh tế | {TITLE}",
                                     f"Những người\u200b {TITLE}\u200b"])
def test_a_section_printed_before_the_headline_and_zero_width_spaces_are_not_the_title(printed):
    text = "\n".join([*HEAD, printed, "12/10/2026 08:30", LEAD, MORE, LAST, *FOOT])
    title = extract_article(text).title
    assert title in (TITLE, f"Những người {TITLE}")


@pytest.mark.parametrize("headline", ["Hà Nội - Thành phố vì hòa bình được vinh danh",  # a place, a dash
                                      "Du lịch - Mũi nhọn kinh tế của tỉnh Quảng Ninh",  # a section's word, a dash
                                      "Kinh tế - xã hội tỉnh phục hồi mạnh mẽ",
                                      "TP.HCM | Hai dự án"])  # too short to be a headline alone
def test_a_headline_with_a_dash_or_a_bar_of_its_own_stays_whole(headline):
    text = "\n".join([*HEAD, headline, "12/10/2026 08:30", LEAD, MORE, LAST, *FOOT])
    assert extract_article(text).title == headline


def test_the_browser_tabs_title_is_the_headline_where_the_page_prints_none():
    text = "\n".join([f"{TITLE} - Báo Miền Tây Nghệ", "BÁO MIỀN TÂY NGHỆ", "Thời sự | Kinh tế | Xã hội | Văn hóa",
                      "Thứ Tư, 15/01/2025, 07:45", LEAD, MORE, LAST, *FOOT])
    c = verdict(text, f"{TITLE} - Báo Miền Tây Nghệ")
    assert (c.kind, c.evidence) == ("title", "tab_title")
    dashed = text.replace("Báo Miền Tây Nghệ", "Báo Bà Rịa - Vũng Tàu", 1).replace("BÁO MIỀN TÂY NGHỆ", "BÁO BÀ RỊA - VŨNG TÀU")
    assert extract_article(dashed).title == TITLE  # a site's name with a dash
    assert "tab" in explain_reason(f"{c.rule} {c.evidence}", "en")
    assert extract_article(text).title == TITLE
    # a printed headline wins; the tab's line is then the site's header
    printed = text.replace("Thứ Tư, 15/01/2025, 07:45", TITLE + "\nThứ Tư, 15/01/2025, 07:45")
    assert verdict(printed, f"{TITLE} - Báo Miền Tây Nghệ").kind == "boilerplate"
    assert extract_article(printed).title == TITLE


def test_a_line_that_says_it_gives_the_publication_wins_over_a_bare_date_by_the_title():
    text = "\n".join(["BÁO MIỀN TÂY NGHỆ", "Thứ Tư, 04/03/2026", "Thời sự | Kinh tế | Xã hội | Văn hóa",
                      TITLE, "Đăng ngày 03/03/2026 | 16:40", LEAD, MORE, LAST, *FOOT])
    assert extract_article(text).published_at == "2026-03-03T16:40:00+07:00"


def test_a_press_releases_dateline_dates_it_where_no_date_line_does():
    lead = "Hà Nội, ngày 15 tháng 9 năm 2026 – " + LEAD
    text = "\n".join([*HEAD, "THÔNG CÁO BÁO CHÍ", TITLE, lead, MORE, LAST, *FOOT])
    assert extract_article(text).published_at == "2026-09-15"
    # a date the story tells of is no dateline
    told = "Tại Quảng trường Ba Đình, ngày 2 tháng 9 năm 1945, Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập."
    assert extract_article(text.replace(lead, told)).published_at is None


def test_the_sites_login_beside_todays_date_says_no_publication():
    text = "\n".join(["BÁO VÙNG MỎ", "Thứ Hai, 16/03/2026 | Đăng nhập", "Thời sự | Kinh tế | Xã hội | Văn hóa",
                      TITLE, "14/03/2026 09:30", LEAD, MORE, LAST, *FOOT])
    assert extract_article(text).published_at == "2026-03-14T09:30:00+07:00"


@pytest.mark.parametrize("credit, byline", [
    ("Bài, ảnh: H’Linh Niê", "H’Linh Niê"),  # a Central Highlands name with its apostrophe
    ("Y’Jut Niê - Minh Anh", "Y’Jut Niê - Minh Anh"),
    ("Biên tập: Quốc Việt", None),  # the editor who handled it is no author
])
def test_author_credits_under_the_text(credit, byline):
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", LEAD, MORE, LAST, credit, *FOOT])
    assert extract_article(text).byline == byline


def test_only_lines_wrapped_inside_a_sentence_are_joined():
    from bientap.checks.metadata import unwrapped

    long = "Nuôi tôm là một trong những thế mạnh của các xã ven biển với tổng diện"
    pdf = "\n".join([long, "tích khoảng 1.800 ha, nhưng những năm gần đây dịch bệnh và thời tiết thất", "thường",
                     f"\t{long}", "tích khoảng 1.800 ha."])
    assert unwrapped(pdf) == "\n".join([f"{long} tích khoảng 1.800 ha, nhưng những năm gần đây dịch bệnh và thời "
                                        "tiết thất thường", f"\t{long} tích khoảng 1.800 ha."])
    # A page with one such pair is no PDF's copy: "Apple … năm nay" / "iPhone 15 …" stays two lines.
    assert unwrapped(f"{long}\ntích khoảng 1.800 ha.") == f"{long}\ntích khoảng 1.800 ha."
    # Nor are these joined in a PDF's copy: a list's items, an address, a table's row.
    for nxt in ("a) Hộ gia đình có nhà bị sập do mưa lũ gây ra", "https://example.vn/a.pdf",
                "xã Tam Kỳ\t1.200 tấn\t+5%"):
        assert f"{long}\n{nxt}" in unwrapped(f"{pdf}\n{long}\n{nxt}")
    kept = [f"{long}\nTích khoảng 1.800 ha.",  # a capital goes on: a new paragraph, maybe a heading
            f"{long}.\ntích khoảng",  # a sentence ended
            "Giá vàng tăng\nmạnh",  # a short line: a menu's, a headline's
            f"Bản tin Khoa học\tSố 11/2025\t{long}\ntích khoảng"]  # a running header's tabs
    assert [unwrapped(pdf + "\n" + t).endswith(t) for t in kept] == [True] * 4


# --- helper-55's battery of web-archive excerpts (the shapes pages-dev's README names) ---

def test_a_web_archives_month_marker_and_image_placeholders():
    text = "\n".join([" date 2022-09", LEAD, "![]() |", "Lãnh đạo huyện kiểm tra cầu treo tại xã Tân Hợp", MORE, LAST])
    ex = extract_article(text)
    assert (ex.title, ex.published_at) == (None, None)  # the marker dates nothing and heads nothing
    c = verdict(text, "![]() |")
    assert (c.kind, c.evidence) == ("caption", "image")
    assert "image" in explain_reason(f"{c.rule} {c.evidence}", "en")
    assert verdict(text, " date 2022-09").kind == "body"  # as pages-dev labels it


@pytest.mark.parametrize("credit", ["P.LĐTBXH", "TT.VHTT"])
def test_an_offices_initials_after_the_text_and_its_captions_sign_it(credit):
    text = "\n".join([*HEAD, TITLE, "12/10/2026 08:30", LEAD, MORE, "![]() |",
                      "Người dân qua cầu treo mới tại xã Tân Hợp", LAST, credit, "", "Chia sẻ", *FOOT])
    assert extract_article(text).byline == credit


@pytest.mark.parametrize("credit", ["Chi cục Chăn nuôi và Thú y", "Hải Đăng"])
def test_a_credit_between_the_headline_and_the_date_line(credit):
    text = "\n".join(["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Tin tức > Chăn nuôi - Thú y", TITLE, credit,
                      "Thứ Hai, 07/08/2023 09:05", "", LEAD, MORE, LAST, *FOOT])
    ex = extract_article(text)
    assert (ex.title, ex.byline) == (TITLE, credit)


def test_a_login_button_is_no_byline_but_a_name_with_dang_is():
    from bientap.checks.boilerplate import byline_name

    assert [byline_name(s) for s in ("Đăng nhập", "Đăng ký", "Hải Đăng", "Minh Đăng - Thu Hà")] == [
        None, None, "Hải Đăng", "Minh Đăng - Thu Hà"]


@pytest.mark.parametrize("label", ["TT.Huế", "Huyện Sơn Hà", "Đăng Bình Luận", "Người Đăng", "ĐĂNG TẢI"])
def test_a_place_or_a_button_between_the_headline_and_the_date_is_no_byline(label):
    text = "\n".join([*HEAD, TITLE, label, "12/06/2023 08:00", "", LEAD, MORE, LAST, *FOOT])
    assert extract_article(text).byline is None


def test_the_month_marker_is_kept_out_of_the_stored_text():
    ex = extract_article("\n".join([" date 2022-09", LEAD, MORE, LAST]))
    assert (ex.sapo, "date 2022-09" in ex.body) == (LEAD, False)
    assert any(r.text == "date 2022-09" for r in ex.removed)  # restorable, as every removed line
