"""typo.realword on a capitalised syllable that opens a title mid-sentence ("Quãng trường" for "Quảng trường")."""

from __future__ import annotations

import pytest

from bientap.checks.engine import Context, check_text

LEAD = "Sở Khoa học và Công nghệ tỉnh đã tổ chức hội thảo về đổi mới sáng tạo cho các doanh nghiệp. "


def realword(sentence: str) -> dict[str, tuple[str, ...]]:
    return {f.text: f.suggestions for f in check_text(LEAD + sentence, Context(), rules=["typo"])
            if f.rule == "typo.realword"}


@pytest.mark.parametrize("sentence, wrong, right", [
    ("Người dân tập trung ở Quãng trường Ba Đình từ sáng sớm.", "Quãng", "Quảng"),
    ("Các đại biểu dự Hồi nghị Trung ương lần thứ tư.", "Hồi", "Hội"),
    ("Đoàn công tác thăm Bão tàng Hồ Chí Minh.", "Bão", "Bảo"),
])
def test_a_slip_in_the_capital_that_opens_a_title_is_found_with_its_capital_kept(sentence, wrong, right):
    assert realword(sentence).get(wrong, ())[:1] == (right,)


@pytest.mark.parametrize("sentence", [
    "Đoàn công tác thăm Bảo tàng Hồ Chí Minh.",  # the title as written
    "Anh Tuấn cho biết giá lúa tăng.",  # a name beside a word: no variant makes one with it
    "Ông Nguyễn Văn An cho biết.",  # inside a name
    "Chị Hằng đi chợ.",
    "Xe của Bảo tin tưởng chạy tốt.",  # the lower-case syllable is in a word of its own
    # a given name after a kinship term or title of address
    "Sáng nay anh Tiến học ở trường huyện.", "Hôm ấy chị An uống nước rồi đi.", "Lúc ba tuổi, bé Hiếu biết đọc.",
])
def test_names_and_titles_written_right_are_left_alone(sentence):
    assert realword(sentence) == {}


# --- the lower-case syllable that ends a title --------------------------------------------------

@pytest.mark.parametrize("sentence, wrong, right", [
    ("Chiều qua, Phó Chủ lịch xã đã xuống thôn làm việc với bà con.", "lịch", "tịch"),
    ("Đoàn công tác của Bộ Quốc phong đã làm việc với tỉnh.", "phong", "phòng"),
    ("Bài viết nhắc lại lời của Tổng Bí thứ về công tác dân vận.", "thứ", "thư"),
    ("Trường tổ chức văn nghệ chào mừng Ngày Chiến thăng sắp tới.", "thăng", "thắng"),
])
def test_a_slip_in_the_syllable_that_ends_a_capitalised_title_is_found(sentence, wrong, right):
    assert realword(sentence).get(wrong, ())[:1] == (right,)


@pytest.mark.parametrize("sentence", [
    "Kinh tế Trung Quốc vươn lên mạnh mẽ trong năm qua.",  # "Trung Quốc vương" is seen, but rarely
    "Hôm ấy anh Hậu cầm gậy đứng chờ trước cổng.",  # a lone capital: a name
    "Phó Chủ tịch xã đã xuống thôn làm việc với bà con.",
])
def test_places_names_and_titles_written_right_before_a_word_are_left_alone(sentence):
    assert realword(sentence) == {}


def test_a_newsroom_word_is_never_read_as_a_title_slip():
    ctx = Context(custom_words=frozenset({"Quãng"}))
    found = check_text(LEAD + "Người dân tập trung ở Quãng trường Ba Đình từ sáng sớm.", ctx, rules=["typo"])
    assert [f for f in found if f.rule == "typo.realword"] == []
