"""Metadata extraction from raw scraped pages: tít, sapo, date, bút danh, source, place, body."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.metadata import extract_article, locate
from bientap.checks.text import clean_field

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def seed(n: int):
    return extract_article(clean_field(SEEDS[n].read_text(encoding="utf-8")))


def test_seed_000():
    ex = seed(0)
    assert ex.title == "Hội thảo – Tập huấn “Đổi mới sáng tạo và hệ thống quản lý đổi mới sáng tạo”"
    assert ex.published_at == "2022-05-14T10:38:00+07:00"
    assert ex.byline == "Đ.Mãi"
    assert ex.location == "Khánh Hòa"
    assert ex.sapo.startswith("Sáng ngày 10/5/ 2022 tại Hội trường")
    assert "Hoạt động KHCN" not in ex.body and "Đ.Mãi" not in ex.body
    assert ex.body.endswith("giá trị thực về kinh tế - xã hội.")


def test_seed_001():
    ex = seed(1)
    assert ex.title.startswith("Sở Khoa học và Công nghệ tổ chức Hội thảo:")
    assert ex.published_at == "2022-05-16"  # "Ngày 16/5/2022" in the lead
    assert ex.byline == "Nguyễn Ngọc Hưng"
    assert ex.location == "Lạng Sơn"
    assert "Description:" not in ex.body and "-A A +A" not in ex.body
    captions = [r.text for r in ex.removed if r.kind == "caption"]
    assert len(captions) == 3 and captions[1].startswith("Đồng chí Nguyễn Thị Hà")


def test_seed_002():
    ex = seed(2)
    assert (ex.byline, ex.published_at, ex.location) == ("Khánh Trang", "2023-05-17", "Phú Thọ")
    assert ex.source == "PhuthoPortal"
    assert ex.title.startswith("Hội thảo khoa học đẩy mạnh hợp tác")


def test_seed_003():
    ex = seed(3)
    assert ex.byline is None
    assert ex.published_at == "2023-01-13"
    assert ex.source_url == "https://thuathienhue.gov.vn/"
    assert ex.source == "thuathienhue.gov.vn"
    assert ex.location == "Huế"  # "Thừa Thiên Huế", as the bundled data names it
    assert ex.title.startswith("Thúc đẩy phát triển khoa học")
    assert "Truy cập tổng" not in ex.body and "CỔNG DỊCH VỤ CÔNG" not in ex.body
    # the subheads stay in the body; the doubled caption leaves it
    assert "Tạo bứt phá phát triển khoa học, công nghệ và đổi mới sáng tạo" in ex.body.split("\n\n")
    assert [r.rule for r in ex.removed].count("boilerplate.duplicate") == 1


def test_seed_004():
    ex = seed(4)
    assert (ex.byline, ex.published_at, ex.location) == ("ctngoc", "2022-05-10", "Cần Thơ")
    assert ex.title == "Hội thảo góp ý xây dựng thử nghiệm Bộ chỉ số đổi mới sáng tạo cấp địa phương"
    assert ex.source == "Sở Khoa học và Công nghệ thành phố Cần Thơ"
    assert "Bản quyền" not in ex.body


def test_nothing_is_lost_and_removed_lines_restore_in_place():
    for path in SEEDS:
        text = clean_field(path.read_text(encoding="utf-8"))
        ex = extract_article(text)
        kept = [p for p in [ex.title, ex.sapo] if p] + (ex.body.split("\n\n") if ex.body else [])
        removed = [r.text for r in ex.removed]
        for line in text.split("\n"):
            s = line.strip(" \t\u00a0")
            if s:
                assert s in kept or s in removed, (path.name, s)
        paragraphs = ex.body.split("\n\n")
        for r in ex.removed:
            assert 0 <= r.position <= len(paragraphs)
            assert r.kind in ("boilerplate", "caption", "metadata")


def test_page_without_title_or_byline():
    paras = ["Ngày 3/4/2024, Sở Y tế tỉnh Bình Định tổ chức tập huấn phòng chống dịch bệnh mùa hè cho cán bộ "
             "y tế cơ sở trên địa bàn tỉnh.",
             "Tại lớp tập huấn, các học viên được cập nhật kiến thức về giám sát, phát hiện sớm và xử lý ổ dịch "
             "sốt xuất huyết, tay chân miệng."]
    ex = extract_article("\n\n".join(paras))
    assert ex.title is None
    assert ex.byline is None
    assert ex.sapo == paras[0] and ex.body == paras[1]
    assert ex.published_at == "2024-04-03"
    assert ex.location == "Bình Định"


def test_synthetic_portal_page():
    page = "\n".join([
        "BÁO ĐIỆN TỬ ĐẮK LẮK",
        "Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao",
        "Đắk Lắk: Nông dân thu hoạch cà phê đúng độ chín",
        "Cập nhật: 08:30, 15/11/2023",
        "Vào vụ thu hoạch, nông dân các huyện Cư M'gar, Krông Pắc tỉnh Đắk Lắk chỉ hái những quả cà phê chín "
        "đỏ để nâng cao chất lượng hạt và giá bán.",
        "Ảnh: Hoàng Nam",
        "Theo Sở Nông nghiệp và Phát triển nông thôn, năm nay toàn tỉnh có hơn 210.000 ha cà phê, sản lượng "
        "ước đạt 550.000 tấn nhân; giá cà phê tăng cao giúp người trồng có lãi khá.",
        "Hoàng Nam",
        "Nguồn: Báo Đắk Lắk",
        "Tin cùng chuyên mục",
        "Giá cà phê hôm nay tăng mạnh tại Tây Nguyên",
        "Bản quyền thuộc về Báo Đắk Lắk. Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
    ])
    ex = extract_article(page)
    assert ex.title == "Đắk Lắk: Nông dân thu hoạch cà phê đúng độ chín"
    assert ex.published_at == "2023-11-15T08:30:00+07:00"
    assert ex.byline == "Hoàng Nam"
    assert ex.source == "Báo Đắk Lắk"
    assert ex.location == "Đắk Lắk"
    assert ex.body.startswith("Theo Sở Nông nghiệp") and "\n" not in ex.body
    assert {r.rule for r in ex.removed} >= {"boilerplate.menu", "boilerplate.caption", "metadata.date",
                                              "metadata.byline", "metadata.source", "boilerplate.related",
                                              "boilerplate.footer"}


@pytest.mark.parametrize("text, date, expected", [
    ("Khánh Hoà đón khách quốc tế", None, "Khánh Hòa"),
    ("Lễ hội ở Thừa Thiên - Huế thu hút du khách", "2024-05-01", "Huế"),
    ("TP.HCM khởi công tuyến metro số 2", None, "Hồ Chí Minh"),
    ("Hà Giang: mùa hoa tam giác mạch", "2024-10-01", "Hà Giang"),
    ("Hà Giang: mùa hoa tam giác mạch", "2025-10-01", "Tuyên Quang"),  # merged on 2025-07-01
    ("Khát vọng hòa bình của nhân dân", None, None),  # peace, not the province Hòa Bình
])
def test_place_as_named_at_the_date(text, date, expected):
    assert locate(text, "", [], [], date) == expected


def test_place_prefers_title_and_lead_over_footer():
    where = locate("Cần Thơ khai mạc hội chợ", "Sáng 2/3, tại TP. Cần Thơ, hội chợ nông nghiệp khai mạc.",
                   ["Đoàn doanh nghiệp Hà Nội, Hà Nội và Hà Nội tham gia."],
                   ["Địa chỉ: tỉnh Quảng Ninh"] * 3, None)
    assert where == "Cần Thơ"


_PIECES = list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠHTĐK0123456789 .,:;!?-/|()“”\n\n\n@©\u00a0") + [
    "Khánh Hòa", "ngày ", "12/05/2023", "Nguồn: ", "http://a.vn", "Tin liên quan", "Minh Anh", "TP.", "Bản quyền"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
def test_random_text_never_raises_and_loses_nothing(text):
    ex = extract_article(text)
    kept = [p for p in [ex.title, ex.sapo] if p] + (ex.body.split("\n\n") if ex.body else [])
    removed = {r.text for r in ex.removed}
    for line in text.split("\n"):
        s = line.strip(" \t\u00a0")
        if s:
            assert s in kept or s in removed


def test_top_byline_header_date_and_prose_like_related_titles():
    lead = ("Sáng 5/9, hơn 600.000 học sinh trên địa bàn tỉnh Thanh Hóa bước vào năm học mới trong không khí "
            "phấn khởi.")
    para = ("Năm học này, ngành giáo dục tỉnh tập trung nâng cao chất lượng dạy và học, bảo đảm đủ giáo viên "
            "và cơ sở vật chất cho các trường vùng cao.")
    page = "\n".join([
        "Thứ Năm, ngày 07/09/2023",  # today's date in the site header
        "Trang chủ", "Giáo dục", "Xã hội", "Video",
        "Thanh Hóa: Hơn 600.000 học sinh khai giảng năm học mới",
        "05/09/2023 07:45",
        "Bài, ảnh: Lê Hà",
        lead, para,
        "N.T.H",
        "Tin cùng chuyên mục",
        "Nghệ An: Học sinh vùng cao đến trường sớm hơn mọi năm, các thầy cô vượt núi vận động học sinh ra lớp.",
        "Hà Tĩnh: Trường học sẵn sàng đón năm học mới, cơ sở vật chất được đầu tư đồng bộ.",
        "Bản quyền thuộc Báo Thanh Hóa",
    ])
    ex = extract_article(page)
    assert ex.title == "Thanh Hóa: Hơn 600.000 học sinh khai giảng năm học mới"
    assert ex.published_at == "2023-09-05T07:45:00+07:00"
    assert ex.byline == "N.T.H"  # the last bút danh, at the end of the article
    assert (ex.sapo, ex.body) == (lead, para)
    assert ex.location == "Thanh Hóa"
    assert "Bài, ảnh: Lê Hà" in [r.text for r in ex.removed if r.rule == "metadata.byline"]


def test_ho_chi_minh_the_person_is_not_the_city():
    text = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở Sơn La"
    assert locate(text, "", [], [], None) == "Sơn La"
    assert locate("Khai trương tuyến metro ở TP. Hồ Chí Minh", "", [], [], None) == "Hồ Chí Minh"


@pytest.mark.parametrize("text, expected", [
    ("Du khách đổ về Đà Lạt dịp lễ", "Lâm Đồng"),
    ("Khánh thành cầu mới ở TP. Nha Trang", "Khánh Hòa"),
    ("Ông Trần Vinh nhận giải thưởng tại Hà Nội", "Hà Nội"),  # Vinh: a given name too, not counted
])
def test_provincial_cities_point_to_their_province(text, expected):
    assert locate(text, "", [], [], None) == expected


def test_outlet_prefix_caps_byline_and_name_on_the_date_line():
    lead = ("(Dân trí) - Sáng 12/6, Bộ Giáo dục và Đào tạo công bố phương án tổ chức kỳ thi tốt nghiệp "
            "trung học phổ thông năm 2024 với nhiều điểm mới.")
    para = ("Theo phương án, thí sinh làm bốn bài thi, trong đó có ba bài thi độc lập và một bài thi tổ hợp; "
            "đề thi bám sát chương trình giáo dục phổ thông.")
    page = "\n\n".join(["Công bố phương án thi tốt nghiệp năm 2024", "Hoài Nam - 12/06/2023 08:15",
                        lead, para, "NGỌC PHƯỢNG - ĐỨC HÙNG", "Ý kiến bạn đọc",
                        "Bài viết rất hữu ích cho các em học sinh lớp 12 chuẩn bị bước vào kỳ thi quan trọng."])
    ex = extract_article(page)
    assert ex.source == "Dân trí"
    assert ex.published_at == "2023-06-12T08:15:00+07:00"
    assert ex.byline == "NGỌC PHƯỢNG - ĐỨC HÙNG"
    assert ex.body == para
    assert "boilerplate.comments" in {r.rule for r in ex.removed}
    assert extract_article("\n\n".join([page.split("\n\n")[0], "Hoài Nam - 12/06/2023 08:15", lead, para])).byline \
        == "Hoài Nam"


def test_date_under_the_title_wins_over_dates_in_teasers_and_the_header():
    para = ("Sáng nay, Sở Thông tin và Truyền thông tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2023 "
            "với sự tham gia của các sở, ngành.")
    page = "\n".join(["Thứ Hai, ngày 20/11/2023", "Tỉnh đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
                      "14/07/2023 08:00", para, para.replace("Sáng nay", "Chiều qua"),
                      "Đọc nhiều", "Hội nghị xúc tiến đầu tư năm 2023", "10/07/2023 09:00", para + "..",
                      "Khởi công cầu mới", "11/07/2023 10:00"])
    ex = extract_article(page)
    assert ex.published_at == "2023-07-14T08:00:00+07:00"
    assert ex.title == "Tỉnh đẩy mạnh chuyển đổi số trong cơ quan nhà nước"


def test_impossible_dates_are_not_dates():
    para = ("Ngày 31/02/2023, hội nghị được tổ chức tại hội trường lớn của tỉnh với sự tham gia của nhiều "
            "đại biểu.")
    ex = extract_article("\n\n".join(["Hội nghị tổng kết năm", "31/02/2023 10:00", para, para + " Tiếp."]))
    assert ex.published_at is None


# ---- shapes real portals use (issue 15.3) ---------------------------------------------------------

_LEAD = ("Sáng nay, Ủy ban nhân dân tỉnh Nghệ An tổ chức hội nghị sơ kết công tác sáu tháng đầu năm, "
         "với sự tham dự của đại diện các sở, ngành và địa phương trong tỉnh.")
_MORE = ("Theo báo cáo, tổng sản phẩm trên địa bàn tăng 7,2% so với cùng kỳ năm trước; thu ngân sách đạt "
         "hơn 9.000 tỷ đồng, bằng 56% dự toán năm. Nhiều công trình trọng điểm đã hoàn thành.")
_TITLE = "Nghệ An sơ kết công tác sáu tháng đầu năm"


def _portal(date_line: str, byline: str, byline_on_top: bool = False) -> str:
    top = [_TITLE, byline, date_line] if byline_on_top else [_TITLE, date_line]
    bottom = [] if byline_on_top else [byline]
    return "\n".join(["Trang chủ", "Tin tức", "Kinh tế", "", *top, "", _LEAD, "", _MORE, "", *bottom,
                      "", "Tin liên quan", "Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2023",
                      "© 2023 Báo Nghệ An"])


@pytest.mark.parametrize("date_line", [
    "Thứ hai, 12/6/2023 - 08:00 | Xã hội",  # a section name after the date
    "Xã hội 12/06/2023 08:00",  # ... before it
    "Thời sựThứ Hai, 12/06/2023 08:00",  # ... glued to it
    "Chính trị12/06/2023 08:00",
    "Thứ 2, 12/06/2023 | 08:00 GMT+7 | Chính trị",  # pipes and a time zone
    "03:06 PM 12/06/2023 |   Lượt xem: 4186 |   In bài viết | ",  # counter and print button
    "Ngày đăng: 12/06/2023 - 08:00 | Cập nhật: 13/06/2023",
    "Giáo dục · 12/06/2023, 08:00",
    "Giáo dục12/06/2023",  # a section glued on, no clock
    "Thứ Hai, 12/06/2023 - 08:00 | Chia sẻ | Facebook | Zalo | In bài | Lưu bài viết | Cỡ chữ A- A+",
])
def test_date_lines_with_sections_pipes_and_widgets(date_line):
    ex = extract_article(_portal(date_line, "Minh Anh"))
    assert ex.title == _TITLE
    assert ex.published_at[:10] == "2023-06-12"
    assert ex.byline == "Minh Anh"
    assert date_line.strip() in [r.text for r in ex.removed if r.rule == "metadata.date"]


def test_a_title_with_a_date_in_it_is_not_a_date_line():
    ex = extract_article(_portal("12/06/2023", "Minh Anh").replace(_TITLE, "Hội nghị 15/5/2023 đã bàn gì"))
    assert ex.title == "Hội nghị 15/5/2023 đã bàn gì" and ex.published_at == "2023-06-12"


def test_a_date_glued_before_the_headline():
    text = "Xã hội\n08/08/2023 17:26Hàng trăm thực khách đau bụng sau bữa tiệc cưới\n" + _LEAD + "\n" + _MORE
    ex = extract_article(text)
    assert ex.title == "Hàng trăm thực khách đau bụng sau bữa tiệc cưới"
    assert ex.published_at == "2023-08-08T17:26:00+07:00"


@pytest.mark.parametrize("line, name", [
    ("Minh Anh -", "Minh Anh"),  # a trailing separator
    ("Minh Anh |", "Minh Anh"),
    ("Minh Anh,", "Minh Anh"),
    ("Văn Hùng/VOV-Tây Bắc", "Văn Hùng/VOV-Tây Bắc"),  # an agency after the slash
    ("Minh Anh/Báo Nghệ An", "Minh Anh/Báo Nghệ An"),
    ("Tác giả: Minh Anh - Nguồn: Báo Nghệ An", "Minh Anh"),  # a source credit after the name
    ("Thực hiện: Ngọc Thắng", "Ngọc Thắng"),
    ("Thu Trang (T/h)", "Thu Trang"),
    ("Lê Văn Tám, CTV", "Lê Văn Tám, CTV"),
    ("CTV Sỹ Quý/HTTV", "CTV Sỹ Quý/HTTV"),
    ("Bởi Trần Khánh Linh", "Trần Khánh Linh"),  # "by", with or without a colon
    ("Viết bởi: Trần Khánh Linh", "Trần Khánh Linh"),
    ("ThS. Đỗ Quang Huy", "ThS. Đỗ Quang Huy"),  # a degree stays, as written
    ("BSCKII Phạm Thu Hà", "BSCKII Phạm Thu Hà"),
    ("Luật sư Trần Bình", "Luật sư Trần Bình"),
    ("Khánh Linh - khanhlinh@baotinhnha.vn", "Khánh Linh"),  # an e-mail address after the name
    ("Lê Quang Vinh - Trung tâm Văn hóa huyện", "Lê Quang Vinh - Trung tâm Văn hóa huyện"),  # name + office
    ("Lê Quang Vinh (Phòng Nông nghiệp huyện)", "Lê Quang Vinh (Phòng Nông nghiệp huyện)"),
])
@pytest.mark.parametrize("on_top", [False, True])
def test_bylines_before_or_after_the_body(line, name, on_top):
    ex = extract_article(_portal("12/06/2023 08:00", line, byline_on_top=on_top))
    assert ex.title == _TITLE
    assert ex.byline == name


@pytest.mark.parametrize("between", [["Y tế"], ["Minh Anh", "Y tế"], ["Tiêm chủng", "Trẻ em"],
                                     ["Cập nhật lúc 08:00"], ["Đăng bởi admin"]])
def test_title_case_headline_over_a_short_label_stays_the_title(between):
    """Issue 17.7: "Quảng Ninh Đẩy Mạnh ..." was removed as a menu line, leaving no title."""
    headline = "Quảng Ninh Đẩy Mạnh Tiêm Chủng Mở Rộng Cho Trẻ Em"
    ex = extract_article("\n".join([headline, *between, _LEAD, "", _MORE]))
    assert ex.title == headline
    assert headline not in [r.text for r in ex.removed]


def test_keyword_line_gives_tags_and_every_removed_line_says_why():
    ex = extract_article(_portal("12/06/2023 08:00", "Minh Anh") + "\nTừ khóa: Festival Huế, Nam Giao, di sản")
    assert ex.tags == ["Festival Huế", "Nam Giao", "di sản"]
    from bientap.checks.boilerplate import explain_reason

    for r in ex.removed:
        said = explain_reason(r.reason, "en")
        assert said and said != r.reason, r
    menu = [r for r in ex.removed if r.text == "Trang chủ"][0]
    assert explain_reason(menu.reason) != explain_reason(menu.rule)  # the evidence, not only the rule's name
    assert explain_reason("boilerplate.menu") == "menu, điều hướng của trang"  # older rows: the rule's name
    assert explain_reason("something else") == "something else"


@pytest.mark.parametrize("date_line, day", [
    ("Thứ Năm, 9 tháng 4, 2026", "2026-04-09"),  # the month in words, a comma before the year
    ("9 tháng 4 năm 2026", "2026-04-09"),
    ("Tháng Tư 9, 2026", "2026-04-09"),  # the month by name, as localised blog software prints it
    ("9 Tháng Mười Một, 2026", "2026-11-09"),
    ("4/27/2026 12:00:00 AM", "2026-04-27"),  # month first: only that reading is a date
    ("4/9/2026 3:15:00 PM", "2026-04-09"),  # the default ASP.NET print under an English locale
    ("09/04/2026 03:15:00 PM", "2026-04-09"),  # zero-padded: a Vietnamese day-first format
    ("Thứ Năm, 9/4/2026 | 3:15:00 PM", "2026-04-09"),
])
def test_dates_with_the_month_in_words_or_first(date_line, day):
    ex = extract_article(_portal(date_line, "Minh Anh"))
    assert ex.title == _TITLE
    assert ex.published_at[:10] == day
    assert date_line in [r.text for r in ex.removed if r.rule == "metadata.date"]


@pytest.mark.parametrize("date_line, name", [
    ("Xã hội | Minh Anh | 12/06/2023 08:00", "Minh Anh"),  # section, bút danh, date: the name is found
    ("Minh Anh | Xã hội | 12/06/2023", "Minh Anh"),
    ("Đăng bởi: Minh Anh - 12/06/2023 08:00", "Minh Anh"),
    ("Đăng bởi Ban Tuyên giáo | 12/06/2023 | Tin tức", "Ban Tuyên giáo"),  # an office posted it
    ("Người đăng: Phòng Văn hóa và Thông tin | 12/06/2023 08:00", "Phòng Văn hóa và Thông tin"),
])
def test_a_date_line_with_a_section_and_the_byline(date_line, name):
    ex = extract_article(_portal(date_line, ""))
    assert ex.title == _TITLE and ex.published_at[:10] == "2023-06-12" and ex.byline == name
    removed = {r.text: r.reason for r in ex.removed}
    assert removed[date_line] == "metadata.date date+name"


def test_a_name_with_an_email_in_the_footer_is_still_a_contact_line():
    from bientap.checks.boilerplate import classify_lines

    text = _portal("12/06/2023", "Minh Anh") + "\nĐường dây nóng: 0912 345 678 - toasoan@baotinhnha.vn"
    assert classify_lines(text)[-1].kind == "boilerplate"


@pytest.mark.parametrize("line", ["Phòng Văn hóa và Thông tin huyện", "Trung tâm Y tế huyện Tân Phước",
                                  "Hội Nông dân tỉnh",
                                  # only each part's first word capitalised, as Vietnamese names offices
                                  "Trung tâm Kiểm soát bệnh tật tỉnh", "Chi cục Trồng trọt và Bảo vệ thực vật",
                                  "Trung tâm Phát triển quỹ đất huyện Ba Vì", "Phòng Kinh tế và Hạ tầng",
                                  "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"])
def test_an_office_signing_after_the_last_paragraph_is_the_byline(line):
    ex = extract_article(_portal("12/06/2023 08:00", line))
    assert ex.byline == line
    assert [r.reason for r in ex.removed if r.text == line] == ["metadata.byline agency"]


@pytest.mark.parametrize("line", ["Ban tổ chức sẽ trao giải vào cuối tháng này",
                                  "Trung tâm Y tế huyện tổ chức khám bệnh miễn phí",
                                  "Hội Nông dân xã tổ chức tập huấn cho bà con",
                                  # an office word, a name, then what it does: a clause, no signature
                                  "Sở Y tế khuyến cáo", "Phòng Giáo dục thông báo", "Hội Phụ nữ tặng quà"])
def test_a_closing_line_opening_with_an_office_word_is_not_a_byline(line):
    ex = extract_article(_portal("12/06/2023 08:00", line))
    assert ex.byline is None


# ---- more shapes of unseen portals (issue 15.3, item 3) -------------------------------------------

@pytest.mark.parametrize("date_line, when", [
    ("Thứ Hai, 12/10/2026 - 08:15", "2026-10-12T08:15"),  # a weekday first
    ("Chủ nhật, ngày 5 tháng 11 năm 2026", "2026-11-05"),
    ("Chủ Nhật, 05/11/2026, 14:05 GMT+7", "2026-11-05T14:05"),  # a time zone after the clock
    ("05/11/2026 14:05 (GMT+07:00)", "2026-11-05T14:05"),
    ("Thứ hai, 12/10/2026 08:15 (GMT+07:00) Xã hội", "2026-10-12T08:15"),  # ... then a section
    ("Thứ Hai, 12/10/2026 | 08:15 (GMT+07:00) | Thời sự - Chính trị", "2026-10-12T08:15"),
    ("Thứ Hai, 12/10/2026 (GMT+07:00)", "2026-10-12"),  # the zone's 07:00 is no clock time
    ("12/10/2026 | 08:15", "2026-10-12T08:15"),
    ("Ngày xuất bản: 12-10-2026 08:15", "2026-10-12T08:15"),
    ("Đăng lúc 08:15 ngày 12/10/2026", "2026-10-12T08:15"),
    ("Cập nhật lúc: 08:15, 12/10/2026", "2026-10-12T08:15"),
    ("12 Th10 2026", "2026-10-12"),  # the month abbreviated
    ("Thứ hai, 12 Th 10, 2026 08:15", "2026-10-12T08:15"),
    ("12 thg 10, 2026", "2026-10-12"),
    ("Thời sự 12/10/2026 08:15", "2026-10-12T08:15"),  # a section before the date ...
    ("12/10/2026 08:15 Thời sự", "2026-10-12T08:15"),  # ... or after it
    ("Thời sự | Thứ Hai, 12/10/2026 | 08:15 GMT+7 | 1.234 lượt xem", "2026-10-12T08:15"),
])
@pytest.mark.parametrize("above", [False, True])
def test_date_lines_of_unseen_portals_under_or_above_the_title(date_line, when, above):
    ex = extract_article(_portal(date_line, "Minh Anh").replace(
        f"{_TITLE}\n{date_line}", f"{date_line}\n{_TITLE}" if above else f"{_TITLE}\n{date_line}"))
    assert ex.title == _TITLE
    assert ex.published_at[:16] == when
    assert ex.byline == "Minh Anh"
    assert date_line in [r.text for r in ex.removed if r.rule == "metadata.date"]


@pytest.mark.parametrize("header", [
    ["Thứ Tư, ngày 21/10/2026", "Trang chủ", "Tin tức", "Kinh tế"],  # today's date, then the menu
    ["Hôm nay: Thứ Tư, 21/10/2026", "Trang chủ", "Kinh tế"],
    ["Thứ Tư, 21/10/2026", "Trang chủ | Tin tức | Kinh tế"],
])
@pytest.mark.parametrize("own_date", [None, "12/10/2026 08:15"])
def test_the_headers_date_of_today_is_not_the_publication_date(header, own_date):
    top = [_TITLE, own_date] if own_date else [_TITLE]
    ex = extract_article("\n".join([*header, "", *top, "", _LEAD, "", _MORE, "", "Minh Anh"]))
    assert ex.title == _TITLE
    assert ex.published_at == ("2026-10-12T08:15:00+07:00" if own_date else None)
    assert [r.reason for r in ex.removed if r.text == header[0]] == ["boilerplate.banner today"]


def test_of_two_date_lines_above_the_title_the_nearer_is_the_articles():
    ex = extract_article("\n".join(["Thứ Tư, ngày 21 tháng 10 năm 2026", "Thứ Hai, ngày 12 tháng 10 năm 2026 | 08:15",
                                    "", _TITLE, "", _LEAD, "", _MORE]))
    assert ex.published_at == "2026-10-12T08:15:00+07:00"
    assert ex.removed[0].reason == "boilerplate.banner today"


def test_publication_and_update_lines_above_the_title_both_stay_date_lines():
    ex = extract_article("\n".join(["Ngày đăng: 12/10/2026", "Cập nhật: 14/10/2026", _TITLE, _LEAD, _MORE]))
    assert [r.rule for r in ex.removed] == ["metadata.date", "metadata.date"]


@pytest.mark.parametrize("line, name", [
    ("Tác giả: Minh Anh", "Minh Anh"),
    ("Bài và ảnh: Hồng Nhung - Thu Hà", "Hồng Nhung - Thu Hà"),
    ("PV", "PV"),
    ("Nhóm PV", "Nhóm PV"),
    ("Minh Anh (TTXVN)", "Minh Anh (TTXVN)"),
    ("Minh Anh/Báo Quảng Trị", "Minh Anh/Báo Quảng Trị"),
    ("Hồng Nhung - Trung tâm VH-TT", "Hồng Nhung - Trung tâm VH-TT"),
    ("Minh Anh -", "Minh Anh"),  # a trailing separator
])
def test_a_byline_above_the_title(line, name):
    ex = extract_article("\n".join(["Trang chủ", "Tin tức", "Kinh tế", "", line, _TITLE, "12/10/2026 08:15",
                                    "", _LEAD, "", _MORE]))
    assert (ex.title, ex.byline) == (_TITLE, name)
    assert [r.reason for r in ex.removed if r.text == line] == ["metadata.byline over_title"]


def test_a_title_case_label_above_the_title_is_no_byline():
    ex = extract_article("\n".join(["Trang chủ", "Tin tức", "", "Kinh Tế", _TITLE, "12/10/2026", "", _LEAD,
                                    "", _MORE]))
    assert ex.title == _TITLE and ex.byline is None


@pytest.mark.parametrize("line, name", [
    ("Bài: Minh Anh; ảnh: Thu Hà", "Minh Anh"),  # the photo credit after the name is not the name
    ("Bài: Minh Anh - Ảnh: Thu Hà", "Minh Anh"),
    ("Minh Anh - Hồng Nhung (Trung tâm VH-TT huyện)", "Minh Anh - Hồng Nhung (Trung tâm VH-TT huyện)"),
    ("Minh Anh - Đài TT-TH huyện Vĩnh Linh", "Minh Anh - Đài TT-TH huyện Vĩnh Linh"),
    ("CTV Minh Anh", "CTV Minh Anh"),
])
@pytest.mark.parametrize("on_top", [False, True])
def test_bylines_with_a_photo_credit_or_an_office(line, name, on_top):
    ex = extract_article(_portal("12/06/2023 08:00", line, byline_on_top=on_top))
    assert (ex.title, ex.byline) == (_TITLE, name)


def test_a_pen_name_in_capitals_before_a_related_box_without_a_blank_line():
    ex = extract_article("\n".join([_TITLE, "12/10/2026 08:15", _LEAD, _MORE, "MINH ANH - HỒNG NHUNG",
                                    "Tin liên quan", "Nghệ An đẩy mạnh giải ngân vốn đầu tư công năm 2026"]))
    assert ex.byline == "MINH ANH - HỒNG NHUNG"
    menu = "\n".join([_TITLE, "12/10/2026 08:15", _LEAD, _MORE, "TIN TỨC", "LIÊN HỆ", "GÓP Ý"])
    assert extract_article(menu).byline is None


@pytest.mark.parametrize("line", ["Ảnh: Thu Hà", "Quang cảnh hội nghị sơ kết (Ảnh: Thu Hà)", "Video: Thu Hà"])
def test_a_photo_credit_is_a_caption_never_the_byline_or_the_title(line):
    ex = extract_article("\n".join(["Trang chủ", "Tin tức", _TITLE, "12/10/2026 08:15", line, _LEAD, _MORE]))
    assert (ex.title, ex.byline) == (_TITLE, None)
    assert [r.kind for r in ex.removed if r.text == line] == ["caption"]


@pytest.mark.parametrize("tail, byline, source", [
    ("Nguồn: Báo Quảng Trị", None, "Báo Quảng Trị"),
    ("Nguồn tin: Báo Quảng Trị", None, "Báo Quảng Trị"),  # the qualified labels name the source too
    ("Nguồn bài viết: Sở Y tế", None, "Sở Y tế"),
    ("(Theo TTXVN)", None, "TTXVN"),
    ("Theo Thanh Niên", None, "Thanh Niên"),  # a paper alone, even in Title Case
    ("Theo Sở Y tế (Báo Quảng Trị)", None, "Sở Y tế (Báo Quảng Trị)"),  # an office is no reporter
    ("Nguồn: Sở Y tế (Báo Quảng Trị)", None, "Sở Y tế (Báo Quảng Trị)"),  # the outlet's brackets stay
    ("Theo Minh Anh (Báo Quảng Trị)", "Minh Anh", "Báo Quảng Trị"),  # a reporter, then the outlet
    ("Theo Trần Thị Minh Anh/VOV", "Trần Thị Minh Anh", "VOV"),
    ("(Theo Hồng Nhung - VnExpress)", "Hồng Nhung", "VnExpress"),
    ("Theo Hồng Nhung | Nông thôn Ngày nay", "Hồng Nhung", "Nông thôn Ngày nay"),  # a bar between them
])
def test_theo_lines_name_the_source_and_a_reporter_before_an_outlet(tail, byline, source):
    ex = extract_article("\n".join([_TITLE, "12/10/2026 08:15", _LEAD, _MORE, tail]))
    assert (ex.byline, ex.source) == (byline, source)


@pytest.mark.parametrize("tail", ["Nguồn ảnh: Báo Quảng Trị", "Nguồn tin cho biết, đoàn kiểm tra sẽ trở lại."])
def test_a_photos_credit_or_a_sentence_opening_with_nguon_tin_names_no_source(tail):
    assert extract_article("\n".join([_TITLE, "12/10/2026 08:15", _LEAD, _MORE, tail])).source is None


def test_a_byline_of_the_page_wins_over_the_theo_line():
    ex = extract_article("\n".join([_TITLE, "12/10/2026 08:15", _LEAD, _MORE, "Hà Linh", "Theo Minh Anh (VOV)"]))
    assert ex.byline == "Hà Linh"


@pytest.mark.parametrize("date_line, name", [
    # long rows of fields the site prints by the date: each a date, a name, buttons, a count, a section
    ("Thứ Hai, 12/10/2026 | 08:15 GMT+7 | Thời sự | Chia sẻ | Facebook | Zalo | Twitter | Email | In bài viết", None),
    ("Cập nhật lúc 08:15 GMT+7 | Thứ Hai, 12/10/2026 | Tác giả: Minh Anh | 1.234 lượt xem | 5 bình luận",
     "Minh Anh"),
    ("08:15 | 12/10/2026 | Thời sự - Chính trị | Tin trong nước", None),
    ("Thứ Hai, 12/10/2026 08:15 AM GMT+7 | Nghe đọc bài | Theo dõi trên Google News", None),
    ("2026/10/12 08:15 | Kinh tế", None),  # year first, with slashes
])
def test_long_date_lines_of_fields_are_never_the_title(date_line, name):
    ex = extract_article("\n".join(["Trang chủ", "Tin tức", "", date_line, _TITLE, "", _LEAD, "", _MORE]))
    assert ex.title == _TITLE and ex.published_at[:10] == "2026-10-12" and ex.byline == name
    assert [r.rule for r in ex.removed if r.text == date_line] == ["metadata.date"]


@pytest.mark.parametrize("line", ["Tin tức | Hội nghị 12/10/2026 bàn về kế hoạch phát triển kinh tế",
                                  "Kinh tế | Giá vàng hôm nay 12/10/2026 tăng mạnh"])
def test_a_headline_with_a_date_and_a_section_is_no_date_line(line):
    from bientap.checks.boilerplate import is_date_line

    assert not is_date_line(line)


@pytest.mark.parametrize("date_line", [[], ["12/10/2026 08:15"]])
def test_a_headline_with_a_full_stop_first_on_a_page_without_menus(date_line):
    headline = "Ông Trần Văn Bình được bầu giữ chức Chủ tịch UBND huyện nhiệm kỳ mới."
    ex = extract_article("\n\n".join([headline, *date_line, _LEAD, _MORE, "Đài Phát thanh huyện"]))
    assert ex.title == headline and ex.sapo == _LEAD


@pytest.mark.parametrize("first", [
    "Sáng 12/10, hội nghị sơ kết được tổ chức tại hội trường lớn của tỉnh.",  # opens like a lead
    "Hôm nay trời mưa to ở nhiều nơi.",
])
def test_a_lead_sentence_first_is_not_taken_for_a_headline(first):
    ex = extract_article("\n\n".join([first, _LEAD, _MORE, "Minh Anh"]))
    assert ex.title is None


def test_a_stored_body_with_a_short_first_sentence_has_no_title():
    assert extract_article("\n\n".join(["Tình hình kinh tế sáu tháng đầu năm có nhiều khởi sắc rõ rệt.",
                                        _LEAD, _MORE])).title is None


def test_a_price_bulletins_title_above_its_date_line():
    bulletin = "Bản tin giá cả thị trường số 42/2026"
    subhead = "Giá lúa tăng nhẹ so với tuần trước"
    ex = extract_article("\n\n".join(["Trang chủ", bulletin, "Ngày 12/10/2026", "GIÁ NÔNG SẢN", "Đồng Tháp:",
                                      subhead, _LEAD, _MORE]))
    assert ex.title == bulletin and ex.published_at == "2026-10-12"
    assert "GIÁ NÔNG SẢN" in ex.body and subhead in ex.body


def test_a_related_headline_with_its_date_above_the_title_stays_the_site():
    teaser = "Quảng Trị đẩy mạnh giải ngân vốn đầu tư công năm 2026"
    ex = extract_article("\n".join(["Tin nổi bật", teaser, "10/10/2026", "Thời sự", _TITLE, _LEAD, _MORE]))
    assert ex.title == _TITLE


@pytest.mark.parametrize("reason, words", [
    ("boilerplate.banner today", "today's date in the site header"),
    ("metadata.byline over_title", "right above the title"),
    ("boilerplate.caption credit", "photo credit"),
    ("boilerplate.outside_main", "outside the page's main text"),  # the HTML importer's reasons too
    ("boilerplate.list_heading", "list of links"),
    ("caption.figcaption", "figcaption"),
])
def test_every_reason_a_line_is_set_aside_for_is_said_in_words(reason, words):
    from bientap.checks.boilerplate import explain_reason

    assert words in explain_reason(reason, "en")
    assert explain_reason(reason, "vi") != reason


@pytest.mark.parametrize("top", [
    # the site's description, then its menu, above the title and its date line
    ["Đài Phát thanh - Truyền hình tỉnh cập nhật tin tức nhanh và chính xác nhất mỗi ngày.",
     "Trang chủ", "Thời sự", "Truyền hình", "", _TITLE, "Thứ Hai, 12/10/2026 08:15"],
    # an alert under the menu; the date line above the title
    ["Trang chủ", "Thời sự", "Truyền hình", "", "Cảnh báo: Bão số 5 đang tiến vào đất liền, người dân cần "
     "chủ động phòng tránh.", "", "Thứ Hai, 12/10/2026 08:15", _TITLE],
])
def test_a_sentence_of_the_site_above_the_title_is_not_the_lead(top):
    ex = extract_article("\n".join([*top, _LEAD, _MORE, "Minh Anh"]))
    assert (ex.title, ex.sapo, ex.published_at) == (_TITLE, _LEAD, "2026-10-12T08:15:00+07:00")
    assert top[0] in [r.text for r in ex.removed] or top[4] in [r.text for r in ex.removed]


@pytest.mark.parametrize("top", [[_TITLE], ["Trang chủ", "Thời sự", _TITLE], []])
def test_a_related_box_with_its_date_inside_the_text_does_not_cut_the_lead(top):
    ex = extract_article("\n".join([*top, _LEAD, "Quảng Trị đẩy mạnh giải ngân vốn đầu tư công năm 2026",
                                    "10/10/2026", _MORE, _MORE.replace("Theo báo cáo", "Cũng theo báo cáo")]))
    assert _LEAD in (ex.sapo, ex.body.split("\n\n")[0])


@pytest.mark.parametrize("footer, source", [
    ("© Copyright 2019 - Báo Điện tử Tây Ninh", "Báo Điện tử Tây Ninh"),  # two signs: the owner after the last
    ("Copyright © 2024 Cổng thông tin điện tử huyện Đông Sơn", "Cổng thông tin điện tử huyện Đông Sơn"),
    ("© 2024 Tạp chí Nông thôn mới, All rights reserved", "Tạp chí Nông thôn mới"),
    ("Copyright © 2024", None),  # no owner: the year is none
])
def test_a_copyright_line_names_its_owner_once(footer, source):
    ex = extract_article(_portal("12/06/2023 08:00", "Minh Anh").replace("© 2023 Báo Nghệ An", footer))
    assert ex.source == source


@pytest.mark.parametrize("line, name", [("Tác giả Lê Thị Thu Hà", "Lê Thị Thu Hà"), ("Người viết Hoàng Minh", "Hoàng Minh")])
def test_a_role_word_without_its_colon_still_announces_the_byline(line, name):
    assert extract_article(_portal("12/06/2023 08:00", line)).byline == name


def test_a_sentence_about_an_author_is_no_byline():
    assert extract_article(_portal("12/06/2023 08:00", "Tác giả cuốn sách")).byline is None


def test_share_buttons_between_the_date_line_and_the_lead_do_not_hide_the_title():
    # A blog theme: a menu run closed by the headline, the date line, then the share buttons.
    ex = extract_article("\n".join(["Tin Nhanh Miền Trung", "Home", "Thời sự", "Kinh tế", _TITLE,
                                    "By Minh Anh - 12/10/2026", "Share", "Facebook", "Twitter", "Zalo", "WhatsApp",
                                    _LEAD, _MORE]))
    assert (ex.title, ex.byline) == (_TITLE, "Minh Anh")


def test_a_reading_time_line_is_no_title_and_written_by_announces_the_byline():
    ex = extract_article("\n".join(["Đọc & Nghĩ", "Home", "Books", "About", _TITLE, "March 5, 2026",
                                    "Written by Lan Phương", "Reading time: 3 minutes", _LEAD, _MORE]))
    assert (ex.title, ex.byline) == (_TITLE, "Lan Phương")
    assert [r.rule for r in ex.removed if r.text == "Reading time: 3 minutes"] == ["boilerplate.widget"]


@pytest.mark.parametrize("headline", ["Vì sao nông dân Nghệ An vẫn bám ruộng giữa mùa nắng hạn?",
                                      "Nghệ An vượt mọi chỉ tiêu sáu tháng đầu năm!"])
@pytest.mark.parametrize("byline", ["Tác giả: Trần An", "Bài, ảnh: Trần An"])
def test_a_question_headline_over_its_byline_is_the_title(headline, byline):
    # Before, with no date line under it, the question was read as the first paragraph and the
    # byline kept in the text.
    ex = extract_article("\n".join(["Trang chủ", "Tin tức", headline, byline, _LEAD, _MORE, _MORE]))
    assert (ex.title, ex.byline) == (headline, "Trần An")
    assert byline not in ex.body


def test_a_navigation_bar_copied_as_one_line_is_no_title():
    # The items run together after "Trang chủ": a menu, not a headline, even with no date line.
    ex = extract_article("\n".join(["Góc Cha Mẹ", "Trang chủ Nuôi dạy con Sức khỏe Giáo dục",
                                    "Vì sao nên đọc sách cùng con trước giờ ngủ mỗi tối?", "Tác giả: Trần An",
                                    _LEAD, _MORE, _MORE]))
    assert (ex.title, ex.byline) == ("Vì sao nên đọc sách cùng con trước giờ ngủ mỗi tối?", "Trần An")


@pytest.mark.parametrize("headline", ["Home Credit Việt Nam giãn nợ cho khách hàng vùng lũ",
                                      "Trang chủ Cổng Dịch vụ công quốc gia có giao diện mới"])
def test_a_headline_that_opens_with_home_is_still_the_title(headline):
    ex = extract_article("\n".join(["Tin tức", "Kinh tế", "Xã hội", headline, "12/10/2026 08:15", _LEAD, _MORE]))
    assert ex.title == headline


@pytest.mark.parametrize("line, name", [("Tác giả Ánh Tuyết", "Ánh Tuyết"), ("Người viết Ông Văn Tùng", "Ông Văn Tùng")])
def test_a_name_opening_with_an_accented_capital_after_a_role_word(line, name):
    assert extract_article(_portal("12/06/2023 08:00", line)).byline == name


@pytest.mark.parametrize("mark", ["—", "•", "|", ","])
def test_all_rights_reserved_after_any_separator_is_no_part_of_the_owner(mark):
    ex = extract_article(_portal("12/06/2023 08:00", "Minh Anh").replace(
        "© 2023 Báo Nghệ An", f"© 2023 Báo Nghệ An {mark} All rights reserved"))
    assert ex.source == "Báo Nghệ An"
