"""typo.nonword: how suggestions are ranked, and the slips it reads that no syllable split shows."""

from __future__ import annotations

import pytest

from bientap.checks.engine import Context, check_text


def nonwords(text: str) -> dict[str, tuple[str, ...]]:
    return {f.text: f.suggestions for f in check_text(text, Context(), rules=["typo.nonword"])}


# --- ranking ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, first", [
    # No neighbour the counts read (a capital before it, a number after): the slip that only left out
    # the stroke of đ beats a commoner syllable that changes a letter.
    ("Ông là sĩ quan của Quân doàn 4.", "doàn", "đoàn"),
    # Dialect slips stay first, in context and out of it.
    ("Anh ấy giử được bình tĩnh.", "giử", "giữ"),
    ("Anh ấy giử.", "giử", "giữ"),
    ("Cần xữ lý ngay.", "xữ", "xử"),
])
def test_first_suggestion_weighs_the_kind_of_slip(text, word, first):
    assert nonwords(text)[word][0] == first
