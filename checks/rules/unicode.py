"""Unicode rules: decomposed letters, invisible and control characters, mojibake, tone-mark placement.

Each rule reads the NFC/LF view (`doc.text`) except `unicode.nfd`, which has to look at the text as
given (the view is already composed) and maps its finds back to view offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter

from bientap.checks.findings import Hit, Message
from bientap.checks.registry import record_rule, rule
from bientap.checks.text import BIDI_CONTROLS, dropped_characters, nfc, visible
from bientap.checks.vietnamese import move_tone, tone_placements
from bientap.i18n import N_

ALL_FIELDS = ("title", "sapo", "body")

# A base character followed by combining marks: the shape NFD (dựng sẵn vs tổ hợp) text takes.
_COMBINING = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]")


@rule("unicode.nfd", category="unicode", severity="warning", safe=True, fields=ALL_FIELDS)
def decomposed(doc, ctx):
    """Chữ tổ hợp (NFD): a letter typed as base + combining mark ("e" + "̂" + "́" instead of "ế").

    It looks the same but breaks search, sorting and spell-checking; the fix composes it.
    """
    original = doc.original
    if original.isascii() or not _COMBINING.search(original):
        return
    mapping = doc._to_original
    seen = -1
    for m in _COMBINING.finditer(original):
        pos = m.start()
        if pos <= seen:
            continue
        # The view character whose cluster holds this mark.
        k = bisect.bisect_right(mapping, pos, 0, len(mapping) - 1) - 1
        while k > 0 and mapping[k - 1] == mapping[k]:
            k -= 1
        end = k + 1
        while end < len(doc.text) and mapping[end] == mapping[k]:
            end += 1
        cluster = original[mapping[k]:mapping[end]]
        seen = mapping[end] - 1
        composed = nfc(cluster)
        if composed == cluster or "\n" in cluster or "\r" in cluster:
            continue
        yield Hit(k, end, Message(N_("Decomposed (NFD) letter: use the composed form “{composed}”"), composed=composed),
                  suggestions=(composed,))


_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064" + "".join(
    sorted(BIDI_CONTROLS))
_INVISIBLE = re.compile(f"[{re.escape(_INVISIBLE_CHARS)}]")


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF or ch == "\ufe0f"


@rule("unicode.invisible", category="unicode", severity="warning", safe=True, fields=ALL_FIELDS)
def invisible(doc, ctx):
    r"""Ký tự vô hình: zero-width space, soft hyphen, a BOM inside the text, bidi overrides.

    "khoa\u200bhọc" looks like "khoahọc" and breaks search; a bidi override reorders what the
    reader sees. A zero-width joiner inside an emoji (👩‍💻) is kept.
    """
    text = doc.text
    for m in _INVISIBLE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\u200d" and 0 < i < len(text) - 1 and _is_emoji(text[i - 1]) and _is_emoji(text[i + 1]):
            continue
        name = unicodedata.name(ch, visible(ch))
        yield Hit(i, i + 1, Message(N_("Invisible character {char} ({name}): delete it"), char=visible(ch), name=name),
                  suggestions=("",))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@rule("unicode.control", category="unicode", severity="error", safe=True, fields=ALL_FIELDS)
def control(doc, ctx):
    """Ký tự điều khiển: ESC, form feed, C1 controls left by a scraper or a legacy editor.

    They never belong in an article and can drive the terminal ("\\x1b[2J" clears the screen).
    """
    for m in _CONTROL.finditer(doc.text):
        shown = visible(m.group())
        yield Hit(m.start(), m.end(), Message(N_("Control character {char}: delete it"), char=shown), suggestions=("",))


# UTF-8 bytes read as Windows-1252 (or Latin-1): "Khoa há»c" for "Khoa học", "Ä‘" for "đ".
_CP1252_CONT = ("\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
                "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
_MOJIBAKE = re.compile(
    rf"(?:[\u00c2-\u00df][{_CP1252_CONT}]|[\u00e0-\u00ef][{_CP1252_CONT}]{{2}})+")
# Where a run can start: found by scanning for the continuation byte's character (rare in
# Vietnamese text), not for the lead one (â, ê, à... are everywhere). Matches at its start - 1.
_MOJIBAKE_HINT = re.compile(rf"[{_CP1252_CONT}](?<=[\u00c2-\u00ef].)")
_VIETNAMESE_LETTER = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9"
                                r"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")


def _unmojibake(run: str) -> str | None:
    data = bytearray()
    for ch in run:
        try:
            data += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            data.append(ord(ch))  # bytes cp1252 leaves undefined come through as Latin-1
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mojibake_runs(text: str):
    """_MOJIBAKE.finditer(text), trying the full pattern only where a run can start."""
    hint = _MOJIBAKE_HINT.search(text)
    while hint is not None:
        m = _MOJIBAKE.match(text, hint.start() - 1)
        if m is None:
            hint = _MOJIBAKE_HINT.search(text, hint.end())
            continue
        yield m
        hint = _MOJIBAKE_HINT.search(text, m.end() + 1)


@rule("unicode.mojibake", category="unicode", severity="error", safe=True, fields=ALL_FIELDS)
def mojibake(doc, ctx):
    """Lỗi phông (mojibake): UTF-8 read as Windows-1252, "Khoa há»c" for "Khoa học".

    The fix decodes it back when the result is Vietnamese; "�" (characters already lost) is
    reported without a fix.
    """
    text = doc.text
    for m in _mojibake_runs(text):
        run = m.group()
        fixed = _unmojibake(run)
        if fixed is None or not _VIETNAMESE_LETTER.search(fixed) and not any(
                unicodedata.category(c).startswith("P") for c in fixed):
            continue
        # One short pair inside an all-caps word ("NGÃ\xa0") may be real text: offer, do not apply.
        safe = len(run) > 2 or not (m.start() and text[m.start() - 1].isupper())
        yield Hit(m.start(), m.end(), Message(N_("Mojibake: “{run}” is probably “{fixed}”"), run=visible(run), fixed=fixed),
                  suggestions=(fixed,), safe=safe)
    start = text.find("\ufffd")
    while start != -1:
        end = start + 1
        while end < len(text) and text[end] == "\ufffd":
            end += 1
        yield Hit(start, end, Message(N_("Characters lost in conversion (�): retype from the original")), safe=False)
        start = text.find("\ufffd", end)


@rule("unicode.tone_marks", category="unicode", severity="warning", safe=True, fields=ALL_FIELDS)
def tone_marks(doc, ctx):
    """Bỏ dấu thanh không thống nhất: "Thanh Hoá" and "Thanh Hóa" in one article.

    The house style picks the placement: traditional "hòa, khỏe, thủy" (default) or modern
    "hoà, khoẻ, thuỷ". Mixed in one article → warning; consistently the other style → info.
    """
    text = doc.text
    traditional = tone_placements(text, "traditional")
    modern = tone_placements(text, "modern")
    wrong = modern if ctx.style.tone_marks == "traditional" else traditional
    if not wrong:
        return
    mixed = bool(traditional) and bool(modern)
    severity = None if mixed else "info"
    # The examples go in as a value: the catalog is written in the traditional placement only.
    if ctx.style.tone_marks == "traditional":
        words, examples = N_("Tone mark placement: house style is traditional ({examples}) → “{fixed}”"), "hòa, thủy"
    else:
        words, examples = N_("Tone mark placement: house style is modern ({examples}) → “{fixed}”"), "hoà, thuỷ"
    for start, end, pair in wrong:
        fixed = move_tone(pair)
        yield Hit(start, end, Message(words, examples=examples, fixed=fixed), suggestions=(fixed,), severity=severity)


@record_rule("unicode.dropped", category="unicode", severity="info")
def dropped(fields, ctx):
    """Ký tự đã bị loại khi nhập: controls or bidi overrides in the source that the stored article dropped.

    Reported for a stored article when its raw original (field "raw") held such characters.
    """
    raw = fields.get("raw")
    if not raw:
        return
    chars = dropped_characters(raw)
    if not chars:
        return
    counts = Counter(visible(ch) for _, ch in chars)
    shown = ", ".join(f"{ch}×{n}" if n > 1 else ch for ch, n in counts.most_common(6))
    yield ("body", Message(N_("Control or bidi characters dropped on import ({count}): {chars}"),
                           count=len(chars), chars=shown))
