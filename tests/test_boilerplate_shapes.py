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
