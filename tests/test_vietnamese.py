"""Syllable structure (checks/vietnamese.py): the fast strip_tone and split_onset say exactly what
the plain definitions say (a tone-by-tone walk, the onsets tried longest first), for every syllable
the lexicon knows and for random strings of Vietnamese letters."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from bientap.checks import vietnamese as V
from bientap.checks.lexicon import lexicon


def plain_strip_tone(word: str) -> tuple[str, int]:
    tone, out = 0, []
    for ch in word:
        got = V._TONED.get(ch)
        out.append(ch if got is None else got[0])
        if got is not None and got[1]:
            tone = got[1]
    return "".join(out), tone


def plain_split_onset(plain: str) -> tuple[str, str]:
    for onset in sorted(V.ONSETS, key=len, reverse=True):
        if plain.startswith(onset):
            rest = plain[len(onset):]
            if onset == "gi" and not any(ch in V.VOWELS for ch in rest):
                return "g", plain[1:]
            if onset == "qu" and not rest:
                continue
            return onset, rest
    return "", plain


LETTERS = "abcdđeghiklmnopqrstuvxy" + "".join(V._TONED)


def test_every_known_syllable_and_its_toneless_form():
    for word in lexicon().syllables:
        assert V.strip_tone(word) == plain_strip_tone(word)
        plain = plain_strip_tone(word)[0]
        assert V.split_onset(plain) == plain_split_onset(plain)
    for edge in ("", "q", "qu", "g", "gi", "gin", "giêng", "ngh", "nghiêng", "quy", "hòa", "hoà"):
        assert V.split_onset(edge) == plain_split_onset(edge)
        assert V.strip_tone(edge) == plain_strip_tone(edge)


@given(st.text(alphabet=LETTERS + "AĐ1 -", max_size=8))
def test_random_strings(word):
    assert V.strip_tone(word) == plain_strip_tone(word)
    assert V.split_onset(word) == plain_split_onset(word)


def test_several_tone_marks_keep_the_last():
    rng = random.Random(3)
    toned = [c for c, (_, t) in V._TONED.items() if t]
    for _ in range(200):
        word = "".join(rng.choice(toned + list("bcnt")) for _ in range(5))
        assert V.strip_tone(word) == plain_strip_tone(word)
