"""House-style rules (warnings): capitalization of names, "TP. Cần Thơ", quotation marks, headlines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from bientap.checks.findings import Hit, Message
from bientap.checks.glossary import forms
from bientap.checks.registry import rule
from bientap.checks.vietnamese import L, U
from bientap.i18n import N_

ALL_FIELDS = ("title", "sapo", "body")

_WORD = rf"{U}{L}*+"
# Two words of a name: "Học Viện", "Học viện", "Sở Khoa". The first is capitalized, the second a word.
# The second word sits in a lookahead so "Theo Học Viện" yields both "Theo Học" and "Học Viện".
# Possessive: a shorter word would end before a letter, which neither " " nor (?![\w&]) accepts.
_NAME_PAIR = re.compile(rf"({_WORD})(?= ((?:{U}|{L}){L}*+)(?![\w&]))")


@rule("style.capitalization", category="style", severity="warning", safe=False, prose_only=True)
def name_capitalization(doc, ctx):
    """Viết hoa không thống nhất: one name written two ways in an article, "Học Viện" and "Học viện".

    The spelling used most in the article is suggested (on a tie, the one that capitalizes only
    the first word, as Vietnamese names of organizations do).
    """
    text = doc.text
    # Most articles write every name one way: a pass in C over the distinct pairs says so, and
    # only an article with two spellings of one pair is read match by match.
    spellings = Counter((first, second.lower()) for first, second in set(_NAME_PAIR.findall(text)))
    mixed = {key for key, n in spellings.items() if n >= 2}
    if not mixed:
        return
    forms: dict[tuple[str, str], dict[str, int]] = {}
    spots: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for m in _NAME_PAIR.finditer(text):
        second = m.group(2)
        key = (m.group(1), second.lower())
        if key not in mixed:
            continue  # one spelling throughout: nothing to report, whatever the checks below say
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "&.-_"):
            continue
        if len(second) < 2:
            continue
        counts = forms.setdefault(key, {})
        counts[second] = counts.get(second, 0) + 1
        spots.setdefault(key, []).append((m.start(2), m.end(2), second))
    for key, counts in forms.items():
        if len(counts) < 2:
            continue
        best = max(counts, key=lambda s: (counts[s], s.islower()))
        for start, end, second in spots[key]:
            if second == best or not doc.is_prose(start):
                continue
            yield Hit(start, end,
                      Message(N_("Inconsistent capitalization: “{first} {second}” and “{first} {best}” in one article"),
                              first=key[0], second=second, best=best),
                      suggestions=(best,))


# "TP.Cần Thơ" → "TP. Cần Thơ"; "TP.HCM" (capitals after the dot) is a name of its own.
_PREFIX_NO_SPACE = re.compile(rf"(T[PpXTS]|ThS|PGS|GS|BS|KS)\.(?={U}{L})")


@rule("style.prefix_space", category="style", severity="warning", safe=True, fields=ALL_FIELDS)
def prefix_space(doc, ctx):
    """Thiếu dấu cách sau chữ tắt đứng trước tên: "TP.Cần Thơ" → "TP. Cần Thơ", "TS.Nguyễn" → "TS. Nguyễn".

    "TP.HCM" stays as it is.
    """
    text = doc.text
    for m in _PREFIX_NO_SPACE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue
        yield Hit(m.start(), m.end(), Message(N_("Write “{prefix}. ” with a space before the name"), prefix=m.group(1)),
                  suggestions=(m.group() + " ",))


_STRAIGHT = re.compile(r'"')
_GUILLEMETS = re.compile(r"[«»]")


@rule("style.quotes", category="style", severity="warning", safe=True, fields=ALL_FIELDS)
def quotation_marks(doc, ctx):
    """Dấu ngoặc kép: Vietnamese text quotes with “ ” — not "straight" quotes or «guillemets».

    Only paired quotes in a paragraph are fixed; an unpaired one is spacing.brackets' business.
    """
    text = doc.text
    if '"' in text:
        for start, end in doc.lines:
            positions = [m.start() for m in _STRAIGHT.finditer(text, start, end)]
            if not positions or len(positions) % 2:
                continue
            for n, pos in enumerate(positions):
                curly = "“" if n % 2 == 0 else "”"
                yield Hit(pos, pos + 1, Message(N_("Use “ ” quotation marks instead of {mark}"), mark=text[pos]),
                          suggestions=(curly,))
    for m in _GUILLEMETS.finditer(text):
        curly = "“" if m.group() == "«" else "”"
        yield Hit(m.start(), m.end(), Message(N_("Use “ ” quotation marks instead of {mark}"), mark=m.group()),
                  suggestions=(curly,))


def _sentence_case(title: str, keep: Mapping) -> str:
    """Lower-case every word but the first and known abbreviations (names need the editor's eye)."""
    def lower(m: re.Match) -> str:
        word = m.group()
        return word if word in keep else word.lower()

    lowered = re.sub(r"[\w&.\-]+", lower, title)
    first = next((k for k, c in enumerate(lowered) if c.isalnum()), 0)  # behind a quote; a number stays first
    return lowered[:first] + lowered[first:first + 1].upper() + lowered[first + 1:]


@rule("style.headline_caps", category="style", severity="warning", safe=False, fields=("title",))
def headline_caps(doc, ctx):
    """Tít viết hoa toàn bộ hoặc viết hoa mọi chữ: "HỘI THẢO VỀ ĐỔI MỚI", "Hội Thảo Về Đổi Mới".

    Vietnamese headlines capitalize the first word and names only.
    """
    text = doc.text
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 3:
        return
    stripped = text.strip()
    start = text.index(stripped[:1]) if stripped else 0
    end = start + len(stripped)
    if all(w.isupper() for w in words if len(w) > 1):
        yield Hit(start, end, Message(N_("Headline in capitals: capitalize the first word and names only")),
                  suggestions=(_sentence_case(stripped, forms(ctx.glossary)),))
        return
    capitalized = sum(1 for w in words if w[:1].isupper() and not w.isupper())
    if len(words) >= 4 and capitalized >= 0.8 * len(words):
        yield Hit(start, end, Message(N_("Headline in Title Case: capitalize the first word and names only")))


@rule("style.headline_period", category="style", severity="info", safe=True, fields=("title",))
def headline_period(doc, ctx):
    """Tít có dấu chấm cuối: "Hội thảo khoa học năm 2023." → no full stop after a headline."""
    text = doc.text.rstrip()
    if text.endswith(".") and not text.endswith("..") and len(text) > 1:
        yield Hit(len(text) - 1, len(text), Message(N_("No full stop after a headline")), suggestions=("",))
