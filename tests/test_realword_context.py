"""typo.realword hears what its immediate neighbours leave out: a break on the left, a wider phrase.

Invented sentences of the shapes that made false alarms on real news prose (issue 15), beside slips
of the same shapes that must still be found.
"""

from __future__ import annotations

import pytest

from bientap.checks.engine import Context, check_text

LEAD = "Sở Khoa học và Công nghệ tỉnh đã tổ chức hội thảo về đổi mới sáng tạo cho các doanh nghiệp. "


def realword(sentence: str) -> list[tuple[str, str]]:
    found = check_text(LEAD + sentence, Context(), rules=["typo.realword"])
    return [(f.text, f.suggestions[0]) for f in found]


@pytest.mark.parametrize("sentence", [
    # A new clause after a comma: "cho hay", "con tôm" are commoner pairs, but nothing on the left
    # speaks for them.
    "Bé bị sốt cao, ho hay nôn trớ thì cha mẹ cần đưa đi khám ngay.",
    "Người bệnh thường mệt mỏi, ho hay khó thở vào ban đêm.",
    "Chợ có nhiều loại hải sản như cua, còn tôm thì đắt hơn mọi năm.",
])
def test_a_weak_case_after_a_break_is_not_made(sentence):
    assert realword(sentence) == []


@pytest.mark.parametrize("sentence", [
    # "biểu hiện này", "môn phải dự": news has the written syllable in a phrase of three there.
    "Cha mẹ nên chú ý tới biểu hiện này của trẻ.",
    "Những học sinh chỉ thi một môn phải dự thi cả bài.",
])
def test_a_wider_phrase_vouches_for_the_syllable_written(sentence):
    assert realword(sentence) == []


@pytest.mark.parametrize("sentence, slip", [
    ("Trong năm qua, chuyên giao công nghệ cho nông dân được đẩy mạnh.", ("chuyên", "chuyển")),
    ("Theo kế hoạch, vẫn đề này sẽ được giải quyết trong năm nay.", ("vẫn", "vấn")),
])
def test_a_clear_slip_after_a_break_is_still_found(sentence, slip):
    assert realword(sentence) == [slip]
