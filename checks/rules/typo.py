"""Typo rules (lỗi chính tả): non-words, real-word slips in context, doubled words, names.

The text is cut into syllables (tiếng); a syllable is "ordinary" when it is lower-case Vietnamese,
or capitalised only because it opens a sentence. Names (capitalised runs), abbreviations, foreign
words, numbers, URLs and e-mail addresses are never read as slips.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checks.engine import Context, rule
from checks.findings import Document, Hit
from checks.lexicon import COMMON, SEEN, UNSEEN, WORD, Lexicon, lexicon
from checks.text import fold
from checks.vietnamese import (confusions, is_structural, normalize, place_tone,
                               strip_tone, _PLAIN)

_WORD = re.compile(r"[^\W\d_]+")
# Spans where letters are not prose: URLs, e-mail addresses, domain names, file paths.
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu)\b"
                        r"|[A-Za-z]:\\\S*", re.IGNORECASE)
_SENTENCE_OPENERS = set('.!?…:;\n"“”‘’\'(«»[-–—•*+>|')
_JOINERS = set("./@_\\-&:'’+#=%$§")

LOW, CAP, ABBR, OTHER = 0, 1, 2, 3

SURNAMES = frozenset(normalize(s) for s in """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Đinh
Lâm Phùng Mai Tô Hà Tạ Lương Lưu Châu Thái Quách Cao Kiều Khúc Mạc Nông Triệu Thân Chu Doãn Văn Tôn Âu
""".split())
# Middle names that never end a name: "Nguyễn Văn" is always followed by a given name.
_NAME_MIDDLES = frozenset(("văn", "thị"))
# Distributive and emphatic doubling the dictionaries miss ("người người", "nhà nhà").
_REDUPLICATION = frozenset(normalize(s) for s in """
người nhà ngày đêm năm tháng tuần sáng chiều tối trưa đời lớp nơi ai gì đâu xa từ chầm rất
hàng đâu nhiều mãi đi lần vùng tầng đợt
""".split())


@dataclass(frozen=True)
class Syllable:
    start: int
    end: int
    raw: str
    key: str          # normalized lower-case spelling ("hoà" → "hòa")
    kind: int         # LOW, CAP, ABBR, OTHER
    valid: bool       # a Vietnamese syllable
    linked: bool      # separated from the previous syllable by exactly one space
    opens: bool       # first word of a sentence or line
    touches: bool     # glued to digits or joiners (codes, URLs, hyphenated forms)


def _kind(raw: str) -> int:
    if raw.islower():
        return LOW
    if raw.isupper():
        return ABBR if len(raw) > 1 else CAP
    return CAP if raw[1:].islower() else OTHER


@lru_cache(maxsize=200_000)
def _key(raw_lower: str) -> tuple[str, bool]:
    key = normalize(raw_lower)
    return key, is_structural(key)


def syllables(doc: Document) -> list[Syllable]:
    """The letter runs of the document, with what the typo rules need to know about each.

    Computed once per document: the five typo rules share it.
    """
    cached = doc.__dict__.get("_typo_syllables")
    if cached is None:
        cached = doc.__dict__["_typo_syllables"] = _scan(doc.text)
    return cached


def _scan(text: str) -> list[Syllable]:
    masked = [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)] if ("." in text or "@" in text) else []
    out: list[Syllable] = []
    prev_end = -1
    mi = 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        while mi < len(masked) and masked[mi][1] <= start:
            mi += 1
        if mi < len(masked) and masked[mi][0] <= start:
            prev_end = -1
            continue
        raw = m.group()
        key, valid = _key(raw.lower())
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        touches = before in _JOINERS or after in _JOINERS or before.isdigit() or after.isdigit()
        linked = prev_end == start - 1 and before == " "
        j = start - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        opens = j < 0 or text[j] in _SENTENCE_OPENERS
        out.append(Syllable(start, end, raw, key, _kind(raw), valid, linked, opens, touches))
        prev_end = end
    return out


def _ordinary(sylls: list[Syllable], custom: frozenset[str]) -> list[str | None]:
    """Key of each syllable that reads as ordinary prose, None elsewhere (names, codes, foreign)."""
    keys: list[str | None] = []
    n = len(sylls)
    for i, s in enumerate(sylls):
        ok = s.valid and not s.touches and s.key not in custom
        if ok and s.kind != LOW:
            nxt = sylls[i + 1] if i + 1 < n else None
            ok = s.kind == CAP and s.opens and nxt is not None and nxt.linked and nxt.kind == LOW
        keys.append(s.key if ok else None)
    return keys


def _custom(ctx: Context) -> frozenset[str]:
    return frozenset(normalize(w) if " " not in w else " ".join(normalize(p) for p in w.split())
                     for w in ctx.custom_words)


def _render(key: str, like: str, ctx: Context) -> str:
    """`key` spelled for the house style and cased like the text it replaces."""
    modern = ctx.style.tone_marks == "modern"
    out = " ".join(normalize(part, modern) for part in key.split(" ")) if modern else key
    if like[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


# --- non-words -------------------------------------------------------------------------------

_ALPHABET = "abcdefghijklmnopqrstuvwxyzđ" + "".join(v for v in _PLAIN.values() if v not in "aeiouy")


@lru_cache(maxsize=4096)
def _near_syllables(word: str) -> tuple[str, ...]:
    """Known syllables one edit from `word` (delete, insert, replace, swap, retone, resplit)."""
    lex = lexicon()
    cands: set[str] = set()
    n = len(word)
    for i in range(n + 1):
        if i < n:
            cands.add(word[:i] + word[i + 1:])
        if i < n - 1:
            cands.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        for ch in _ALPHABET:
            cands.add(word[:i] + ch + word[i:])
            if i < n:
                cands.add(word[:i] + ch + word[i + 1:])
    plain, _ = strip_tone(word)
    cands.update(place_tone(plain, t) for t in range(6))
    out = {normalize(c) for c in cands if c}
    return tuple(sorted(c for c in out if c in lex.syllables and c != word and is_structural(c)))


def _nonword_suggestions(word: str, left: str | None, right: str | None, lex: Lexicon) -> list[str]:
    scored: list[tuple[float, str]] = []
    for cand in _near_syllables(word):
        score = 4 * max(lex.pair(left, cand), lex.pair(cand, right)) + lex.zipf(cand)
        scored.append((score, cand))
    for i in range(1, len(word)):
        a, b = normalize(word[:i]), normalize(word[i:])
        if a in lex.syllables and b in lex.syllables and is_structural(a) and is_structural(b):
            strength = lex.pair(a, b)
            if strength >= COMMON:
                scored.append((4 * strength + min(lex.zipf(a), lex.zipf(b)), a + " " + b))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [c for _, c in scored[:3]]


@rule("typo.nonword", category="typo", severity="error", prose_only=True)
def nonword(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Không phải tiếng Việt (non-word): a syllable no Vietnamese word is spelled with.

    "sản xuấtl" → "sản xuất"; "đươc" → "được". Names, foreign words, abbreviations, numbers,
    URLs and e-mail addresses are left alone.
    """
    lex = lexicon()
    sylls = syllables(doc)
    custom = _custom(ctx)
    keys = _ordinary(sylls, custom)
    for i, s in enumerate(sylls):
        if s.kind != LOW or s.touches or len(s.raw) < 2 or (s.valid and s.key in lex.syllables):
            continue
        low = s.raw.lower()
        if low in lex.foreign or s.key in custom or low in custom:
            continue
        left = keys[i - 1] if i and s.linked else None
        right = keys[i + 1] if i + 1 < len(sylls) and sylls[i + 1].linked else None
        suggestions = _nonword_suggestions(s.key, left, right, lex)
        marked = not s.raw.isascii()
        if not marked and not suggestions:
            # Plain ASCII with no Vietnamese reading near it is a foreign word we do not know.
            continue
        yield Hit(s.start, s.end,
                  f"“{s.raw}” không phải tiếng Việt", f"“{s.raw}” is not a Vietnamese word",
                  tuple(_render(c, s.raw, ctx) for c in suggestions),
                  severity=None if marked else "warning")


# --- real-word slips -------------------------------------------------------------------------

@lru_cache(maxsize=100_000)
def _variants(a: str) -> tuple[str, ...]:
    lex = lexicon()
    return tuple(v for v in confusions(a) if v in lex.syllables)


def _repair(keys: list[str | None], linked: list[bool], i: int,
            lex: Lexicon) -> tuple[tuple[int, float], str] | None:
    """The best slip repair of syllable i in its context: ((strength, zipf), intended), or None."""
    a = keys[i]
    n = len(keys)
    l = keys[i - 1] if i and linked[i] else None
    r = keys[i + 1] if i + 1 < n and linked[i + 1] else None
    ll = keys[i - 2] if l and i > 1 and linked[i - 1] else None
    rr = keys[i + 2] if r and i + 2 < n and linked[i + 2] else None
    if l is None and r is None:
        return None
    pairs = lex.pairs
    pl = pairs.get(f"{l} {a}", UNSEEN) if l else UNSEEN
    pr = pairs.get(f"{a} {r}", UNSEEN) if r else UNSEEN
    if pl >= COMMON or pr >= COMMON:
        return None
    variants = _variants(a)
    if not variants:
        return None
    za = lex.zipf(a)
    orphan = pl == UNSEEN and pr == UNSEEN
    best = None
    for v in variants:
        zv = lex.zipf(v)
        for strength, neighbour_taken in ((pairs.get(f"{l} {v}", UNSEEN) if l else UNSEEN, lex.pair(ll, l)),
                                          (pairs.get(f"{v} {r}", UNSEEN) if r else UNSEEN, lex.pair(r, rr))):
            if strength == WORD:
                # The neighbour must be free to join: not in a word of its own on the other side
                # ("địa bàn tỉnh" is not "bàn tính").
                if neighbour_taken == WORD:
                    continue
                ok = zv >= za - 1.5
            elif strength == COMMON:
                ok = orphan and (zv >= za + 1.0 or (lex.bound(a) and lex.free(v)))
            else:
                continue
            if ok and (best is None or (strength, zv) > best[0]):
                best = ((strength, zv), v)
    return best


def _slips(keys: list[str | None], linked: list[bool], lex: Lexicon) -> list[tuple[int, str]]:
    """(syllable index, intended syllable) for each real-word slip; never two side by side."""
    found = []
    for i, a in enumerate(keys):
        if a is None:
            continue
        got = _repair(keys, linked, i, lex)
        if got is not None:
            found.append((got[0], i, got[1]))
    found.sort(key=lambda x: (-x[0][0], -x[0][1], x[1]))
    taken: set[int] = set()
    out = []
    for _, i, v in found:
        if i - 1 in taken or i + 1 in taken:
            continue
        taken.add(i)
        out.append((i, v))
    out.sort()
    return out


@rule("typo.realword", category="typo", severity="warning", prose_only=True)
def realword(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Gõ nhầm thành một tiếng khác (real-word slip): a tone, mark or onset slip that makes a
    real syllable which does not fit its neighbour.

    "chuyên giao" → "chuyển giao", "vẫn đề" → "vấn đề", "đề cấp" → "đề cập", "trọng hoạt động" → "trong".
    """
    lex = lexicon()
    sylls = syllables(doc)
    custom = _custom(ctx)
    keys = _ordinary(sylls, custom)
    for i, intended in _slips(keys, [s.linked for s in sylls], lex):
        s = sylls[i]
        if custom and any(p in custom for p in _phrases(keys, i)):
            continue
        yield Hit(s.start, s.end,
                  f"“{s.raw}” có lẽ là “{_render(intended, s.raw, ctx)}”",
                  f"“{s.raw}” is probably “{_render(intended, s.raw, ctx)}”",
                  (_render(intended, s.raw, ctx),))


def _phrases(keys: list[str | None], i: int) -> list[str]:
    out = []
    if i and keys[i - 1]:
        out.append(f"{keys[i - 1]} {keys[i]}")
    if i + 1 < len(keys) and keys[i + 1]:
        out.append(f"{keys[i]} {keys[i + 1]}")
    return out


# --- doubled words ---------------------------------------------------------------------------

@rule("typo.doubled", category="typo", severity="warning", prose_only=True)
def doubled(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Lặp từ (doubled word): the same word typed twice, "chuyên sâu hơn hơn" → "hơn".

    Reduplication is grammar and stays: "từ từ", "ngày ngày", "xa xa".
    """
    lex = lexicon()
    sylls = syllables(doc)
    custom = _custom(ctx)
    for i in range(1, len(sylls)):
        a, b = sylls[i - 1], sylls[i]
        if not b.linked or a.key != b.key or b.kind != LOW or a.kind not in (LOW, CAP):
            continue
        if a.kind == CAP and not a.opens:
            continue
        if a.touches or b.touches or not b.valid:
            continue
        pair = a.key + " " + b.key
        if pair in lex.redup or a.key in _REDUPLICATION or pair in custom:
            continue
        before = sylls[i - 2].key if i > 1 and a.linked else None
        after = sylls[i + 1].key if i + 1 < len(sylls) and sylls[i + 1].linked else None
        # "sáng tạo tạo động lực": each half may belong to its own word; say so, quietly.
        ambiguous = lex.pair(before, a.key) == WORD and lex.pair(b.key, after) == WORD
        yield Hit(a.start, b.end, f"Lặp từ “{b.raw}”", f"Doubled word “{b.raw}”", (a.raw,),
                  severity="info" if ambiguous else None)


# --- names -----------------------------------------------------------------------------------

def _name_runs(sylls: list[Syllable]) -> Iterator[list[int]]:
    """Indices of runs of two or more capitalised syllables joined by single spaces."""
    run: list[int] = []
    for i, s in enumerate(sylls):
        if s.kind == CAP and s.valid and not s.touches and (run and s.linked):
            run.append(i)
            continue
        if len(run) >= 2:
            yield run
        run = [i] if s.kind == CAP and s.valid and not s.touches else []
    if len(run) >= 2:
        yield run


@rule("typo.name_case", category="typo", severity="warning", prose_only=True)
def name_case(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Tên riêng viết thường một tiếng: "Nguyễn Thanh bình" → "Bình".

    Flagged where a surname and a middle name ("Nguyễn Văn", "Trần Thị") are left without a given
    name, or where the same name is written in full capitals elsewhere in the article.
    """
    lex = lexicon()
    sylls = syllables(doc)
    runs = list(_name_runs(sylls))
    full = {tuple(sylls[j].key for j in run) for run in runs}
    custom = _custom(ctx)
    for run in runs:
        if sylls[run[0]].key not in SURNAMES or len(run) > 3:
            continue
        nxt = run[-1] + 1
        if nxt >= len(sylls):
            continue
        s = sylls[nxt]
        if not s.linked or s.kind != LOW or not s.valid or s.touches or s.key in custom:
            continue
        names = tuple(sylls[j].key for j in run)
        written_full = any(len(f) > len(names) and f[:len(names) + 1] == names + (s.key,) for f in full)
        lone_middle = (len(run) == 2 and sylls[run[1]].key in _NAME_MIDDLES
                       and lex.pair(sylls[run[1]].key, s.key) < WORD)
        if written_full or lone_middle:
            fixed = s.raw[:1].upper() + s.raw[1:]
            yield Hit(s.start, s.end, f"Tên riêng viết thường: “{s.raw}” → “{fixed}”",
                      f"Lower-case syllable in a name: “{s.raw}” → “{fixed}”", (fixed,))


@rule("typo.name_variant", category="typo", severity="warning", prose_only=True)
def name_variant(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Một tên viết hai cách (name spelled two ways): "Nguyễn Thanh Bình" and "Nguyễn Thanh Binh"
    in one article; the less frequent spelling is flagged, the other suggested."""
    sylls = syllables(doc)
    groups: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple[str, ...], list[list[int]]] = defaultdict(list)
    for run in _name_runs(sylls):
        keys = tuple(sylls[j].key for j in run)
        groups[fold(" ".join(keys))][keys] += 1
        where[keys].append(run)
    custom = _custom(ctx)
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        (main, main_n), *rest = spellings.most_common()
        for keys, n in rest:
            if n == main_n or " ".join(keys) in custom:
                continue
            for run in where[keys]:
                for j, (got, want) in zip(run, zip(keys, main)):
                    if got != want:
                        s = sylls[j]
                        fixed = _render(want, s.raw, ctx)
                        yield Hit(s.start, s.end,
                                  f"Tên viết khác trong cùng bài: “{s.raw}” (nơi khác: “{fixed}”)",
                                  f"Name spelled two ways in this article: “{s.raw}” (elsewhere “{fixed}”)",
                                  (fixed,))
