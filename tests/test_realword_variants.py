"""typo.realword on two shapes of real writers' mistakes (issue 15): a slip right after the capital
that opens a title ("Đại xứ Hoa Kỳ"), and old spellings with â that editors modernise ("tầu", "giầu").

Invented sentences, beside the look-alikes that must stay silent: names, distinct words with â.
"""

from __future__ import annotations

import pytest

from bientap.checks.engine import Context, check_text
from bientap.checks.lexicon import lexicon
from bientap.checks.ngrams import ngrams
from bientap.checks.rules.typo import _old_pairs
from bientap.checks.vietnamese import strip_tone


def realword(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check_text(sentence, Context(), rules=["typo.realword"])]


@pytest.mark.parametrize("sentence, slip, fixed", [
    ("Hôm qua, Đại xứ Pháp đã gặp bộ trưởng.", "xứ", "sứ"),
    ("Ông được mời vào Ủy bản nhân dân tỉnh.", "bản", "ban"),
    ("Phó đô đốc chỉ huy Hạm dội Thái Bình Dương.", "dội", "đội"),
])
def test_a_slip_after_the_capital_opening_a_title_is_found(sentence, slip, fixed):
    found = realword(sentence)
    assert [(w, s[0]) for w, s in found] == [(slip, fixed)]


@pytest.mark.parametrize("sentence", [
    "Ông Đại sứ Pháp đã gặp bộ trưởng.",
    # A name before the syllable: no title opens there.
    "Hôm qua, ông Nam xứ Nghệ về quê.",
    "Cả nước Anh thứ bảy vừa qua đều mưa.",
    # The capital closes a name of two syllables ("Hoa Kỳ"), it opens nothing.
    "Phái đoàn Hoa Kỳ thì đến muộn một ngày.",
])
def test_a_name_beside_the_syllable_is_no_title(sentence):
    assert realword(sentence) == []


@pytest.mark.parametrize("sentence, old, modern", [
    ("Trên sông có nhiều tầu thuyền qua lại.", "tầu", "tàu"),
    ("Ông là một nhà buôn giầu có ở phố cổ.", "giầu", "giàu"),
    ("Chuyện nầy không ai biết.", "nầy", "này"),
    ("Lớp tuyết dầy đặc phủ kín con đường.", "dầy", "dày"),
    ("Ngôi nhà có mầu xanh nhạt rất đẹp.", "mầu", "màu"),
])
def test_an_old_spelling_is_modernised(sentence, old, modern):
    found = realword(sentence)
    assert [(w, s[0]) for w, s in found] == [(old, modern)]


def test_an_old_spelling_used_all_through_an_article_is_still_found():
    # Repeated in varied company, "tầu" would pass for the article's subject (the topic guard).
    text = ("Đội tìm kiếm tin rằng xác tầu nằm ở vùng biển phía nam. Vụ đắm tầu đã xảy ra từ lâu. "
            "Họ chia vùng biển thành ô và tính xác suất tìm thấy xác tầu trong mỗi ô. "
            "Ông cho rằng chiếc tầu đã chìm từ đêm hôm trước.")
    assert [w for w, _ in realword(text)] == ["tầu"] * 4


@pytest.mark.parametrize("sentence", [
    # Distinct words spelt with â: their own company in edited news speaks for them.
    "Chiếc áo vấy bẩn được giặt sạch.",
    "Đàn châu chấu bay ngang cánh đồng.",
    "Cô bé ngây người vì sợ.",
    "Mọi người ngồi quây quần bên bếp lửa.",
])
def test_a_distinct_word_with_a_is_no_old_spelling(sentence):
    assert realword(sentence) == []


def test_old_spellings_are_rare_forms_with_a_much_commoner_twin():
    pairs = _old_pairs(lexicon(), ngrams())
    counts = ngrams()
    assert pairs["tầu"] == "tàu" and pairs["giầu"] == "giàu"
    assert "đầy" not in pairs and "sâu" not in pairs and "cây" not in pairs  # words of their own
    for old, modern in pairs.items():
        plain, tone = strip_tone(old)
        assert plain.endswith(("âu", "ây")) and strip_tone(modern) == (plain.replace("â", "a"), tone)
        assert counts.unigram(modern) >= 50 * (counts.unigram(old) + 1)
