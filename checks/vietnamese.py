"""Vietnamese syllable structure: onset, rhyme and tone; tone-mark placement; spelling validity.

A syllable (tiếng) is onset + rhyme + tone: "chuyển" = "ch" + "uyên" + hỏi. Tone marks sit on one
vowel of the rhyme; where the rhyme is "oa", "oe" or "uy" with no final consonant, newsrooms differ:
traditional "hòa, thủy" or modern "hoà, thuỷ". Every lookup here keys on the traditional spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letter classes for regular expressions: every upper-case (U) and lower-case (L) letter up to
# U+1FFF, Vietnamese's precomposed letters (U+1E00-U+1EFF) included. `\w` would also take digits.
UPPER_LETTERS = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper() and chr(c).isalpha()) + \
    "".join(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
LOWER_LETTERS = "".join(chr(c) for c in range(0x61, 0x2000) if chr(c).islower() and chr(c).isalpha()) + \
    "".join(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).islower())
U = f"[{re.escape(UPPER_LETTERS)}]"
L = f"[{re.escape(LOWER_LETTERS)}]"

# Tone numbers: 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
TONE_NAMES = ("ngang", "huyền", "sắc", "hỏi", "ngã", "nặng")
_COMBINING_TONE = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_TONE_COMBINING = {v: k for k, v in _COMBINING_TONE.items()}

VOWELS = "aăâeêioôơuưy"
_TONED: dict[str, tuple[str, int]] = {}
_PLAIN: dict[tuple[str, int], str] = {}
for _v in VOWELS:
    for _t in range(6):
        _c = unicodedata.normalize("NFC", _v + _TONE_COMBINING[_t]) if _t else _v
        _TONED[_c] = (_v, _t)
        _PLAIN[(_v, _t)] = _c

ONSETS = ("ngh", "ng", "nh", "ch", "tr", "th", "ph", "kh", "gh", "gi", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "o", "u", "y")
_STOP_CODAS = ("c", "ch", "p", "t")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" + "".join(_TONED))

# Toneless rhymes of standard Vietnamese (after the onset; "qu" and "gi" take their u/i along).
RHYMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oet oi om on ong
oong op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uơ uâng uât uây uc uê uêch uênh uêt ui um un ung uô uôc uôi uôm uôn uông uôt up ut uy uya uych
uyên uyêt uyn uynh uyp uyt uyu
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y yêm yên yêng yêt yêu
""".split())


def strip_tone(word: str) -> tuple[str, int]:
    """("chuyen"-with-marks-but-no-tone, tone): "chuyển" → ("chuyên", 3). Lower-case NFC input.
    (Of several tone marks, the last one's.)"""
    plain = word.translate(_UNTONE)
    tone = 0
    if plain != word:
        for ch in word:
            tone = _TONE_OF.get(ch, tone)
    return plain, tone


_UNTONE = str.maketrans({c: v for c, (v, t) in _TONED.items() if t})
_TONE_OF = {c: t for c, (v, t) in _TONED.items() if t}


def split_onset(plain: str) -> tuple[str, str]:
    """Onset and rhyme of a toneless syllable: "chuyên" → ("ch", "uyên"), "gin" → ("g", "in")."""
    for n in (3, 2, 1):  # the longest onset the syllable starts with (ONSETS, by length)
        onset = plain[:n]
        if len(onset) == n and onset in _ONSETS_OF_LENGTH[n]:
            rest = plain[n:]
            if onset == "gi" and not any(ch in VOWELS for ch in rest):
                return "g", plain[1:]
            if onset == "qu" and not rest:
                continue
            return onset, rest
    return "", plain


_ONSETS_OF_LENGTH = {n: frozenset(o for o in ONSETS if len(o) == n) for n in (1, 2, 3)}


@lru_cache(maxsize=4096)
def _tone_index(onset: str, rhyme: str, modern: bool) -> int:
    """Index in `rhyme` of the vowel that carries the tone mark."""
    vowels = [i for i, ch in enumerate(rhyme) if ch in VOWELS]
    if not vowels:
        return -1
    # A final i/y/o/u after another vowel is a glide coda, not the nucleus.
    coda = rhyme[vowels[-1] + 1:]
    marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    if marked:
        return marked[-1]
    if len(vowels) == 1:
        return vowels[0]
    if coda:
        return vowels[-1]
    if len(vowels) >= 3:
        return vowels[1]
    pair = rhyme[vowels[0]] + rhyme[vowels[1]]
    if pair in ("oa", "oe", "uy"):
        return vowels[1] if modern else vowels[0]
    return vowels[0]


@lru_cache(maxsize=65536)
def place_tone(plain: str, tone: int, modern: bool = False) -> str:
    """Put `tone` on the right vowel of toneless `plain`: ("hoa", 1) → "hòa" (modern: "hoà")."""
    if not tone:
        return plain
    onset, rhyme = split_onset(plain)
    i = _tone_index(onset, rhyme, modern)
    if i < 0:
        return plain
    return onset + rhyme[:i] + _PLAIN[(rhyme[i], tone)] + rhyme[i + 1:]


@lru_cache(maxsize=65536)
def normalize(word: str, modern: bool = False) -> str:
    """Lower-case syllable with its tone mark where the placement style puts it ("hoà" → "hòa")."""
    low = word.lower()
    plain, tone = strip_tone(low)
    if not tone:
        return low
    return place_tone(plain, tone, modern)


@lru_cache(maxsize=65536)
def is_structural(word: str) -> bool:
    """Spelling a Vietnamese syllable could have: valid onset, rhyme, tone and spelling rules.

    `word` is lower-case; "đươc" fails (stop final with a level tone), "ngiên" fails (ngh before i).
    """
    if not word or any(ch not in LETTERS for ch in word):
        return False
    plain, tone = strip_tone(word)
    if sum(1 for ch in word if ch in _TONED and _TONED[ch][1]) > 1:
        return False
    onset, rhyme = split_onset(plain)
    if not (rhyme in RHYMES or (onset == "gi" and "i" + rhyme in RHYMES)
            or (onset == "qu" and "u" + rhyme in RHYMES)):
        return False
    if rhyme.endswith(_STOP_CODAS) and tone not in (2, 5):
        return False
    front = rhyme[:1] in ("i", "e", "ê", "y")
    if onset in ("c", "g", "ng") and front and not (onset == "g" and rhyme[:1] == "i"):
        return False
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if word != normalize(word) and word != normalize(word, modern=True):
        return False
    return True


# Letters an editor's finger or ear swaps: a mark on a vowel, a confusable onset or final.
# i/y ("quý"/"quí", "lý"/"lí") is a spelling variant, not a slip.
_VOWEL_MARKS = {"a": "ăâ", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "o": "ôơ", "ô": "oơ", "ơ": "oô",
                "u": "ư", "ư": "u"}
# "lại"/"tại" and "hát"/"hán" are not sound-alikes but are among the slips editors correct most.
_ONSET_SWAPS = {"ch": ("tr",), "tr": ("ch",), "s": ("x",), "x": ("s",), "d": ("gi", "r", "đ"),
                "gi": ("d", "r"), "r": ("d", "gi"), "l": ("n", "t"), "n": ("l",), "đ": ("d",), "t": ("l",)}
_CODA_SWAPS = {"n": ("ng", "t"), "ng": ("n",), "t": ("c", "n"), "c": ("t",)}
# Finals Southern speech merges (n/ng, t/c above; nh/n, ch/t, m/n, p/t) and their neighbours on the
# keyboard of the ear (nh/ch, ng/c): real-word slips only the context can tell apart, so they are
# offered to the rules (bientap.checks.ngrams weighs them) but not injected by the benchmarks' "final" slips.
_CODA_HEARD = {"m": ("n",), "n": ("m",), "nh": ("ch", "n"), "ch": ("nh", "t"), "ng": ("c", "nh"),
               "c": ("ng",), "p": ("t",), "t": ("p", "ch")}
# A vowel pair typed as its first vowel, or a vowel as the pair it opens ("cúi cùng" for "cuối",
# "thức đo" for "thước", "lim chính" for "liêm", "Tui nhiên" for "Tuy"): slips of hurried typing
# and of Southern speech, which shortens these rhymes.
CLUSTER_SLIPS = True
CLUSTERS = (("uô", "u"), ("ươ", "ư"), ("iê", "i"), ("uy", "ui"))
# Numerals count what follows them, whatever it is: a vowel pair is not read into them.
_NUMERALS = frozenset("một hai ba bốn năm sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ tỉ".split())
# Onsets that whole dialects pronounce alike: the commonest slips writers make by ear.
MERGED_ONSETS = {"ch": ("tr",), "tr": ("ch",), "s": ("x",), "x": ("s",), "d": ("gi", "r"), "gi": ("d", "r"),
                 "r": ("d", "gi"), "l": ("n",), "n": ("l",)}


def swap_onset(onset: str, rhyme: str, alt: str) -> str:
    """The toneless syllable `onset` + `rhyme` spelled with `alt` for its onset, moving the i that
    "gi" shares with its vowel: "gia" → "da", "dì" → "gì", "giêng" (gi + iêng) → "riêng"."""
    rest = rhyme
    if alt == "gi" and rest.startswith("i"):
        rest = rest[1:]
    if onset == "gi" and not (rhyme and rhyme[0] in VOWELS and rhyme[0] != "ê"):
        rest = "i" + rhyme
    return alt + rest


_I_FOR_Y = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def iy_variant(a: str, b: str) -> bool:
    """`a` and `b` are one syllable spelled with i and with y ("mì"/"mỳ", "lí"/"lý", "qui"/"quy"):
    a spelling variant, not a slip."""
    return a != b and a.translate(_I_FOR_Y) == b.translate(_I_FOR_Y)


# The commonest Vietnamese surnames (normalized): the first syllable of most people's names.
SURNAMES = frozenset(normalize(s) for s in """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Đinh
Lâm Phùng Mai Tô Hà Tạ Lương Lưu Châu Thái Quách Cao Kiều Khúc Mạc Nông Triệu Thân Chu Doãn Văn Tôn Âu
""".split())


@lru_cache(maxsize=65536)
def confusions(word: str) -> tuple[str, ...]:
    """Real-word slips of a normalized syllable: other tones, marks, onsets (ch/tr, s/x, d/gi/r, l/n,
    l/t), finals (n/ng, t/c, t/n). Only structurally valid spellings, traditional placement."""
    plain, tone = strip_tone(word)
    onset, rhyme = split_onset(plain)
    out: list[str] = []
    for t in range(6):
        if t != tone:
            out.append(place_tone(plain, t))
    for i, ch in enumerate(rhyme):
        for alt in _VOWEL_MARKS.get(ch, ""):
            out.append(place_tone(onset + rhyme[:i] + alt + rhyme[i + 1:], tone))
    out.extend(place_tone(swap_onset(onset, rhyme, alt), tone) for alt in _ONSET_SWAPS.get(onset, ()))
    if CLUSTER_SLIPS and word not in _NUMERALS:  # "chín thắng" is nine wins, no "chiến thắng"
        for full, short in CLUSTERS:
            if full in rhyme:
                out.append(place_tone(onset + rhyme.replace(full, short, 1), tone))
            elif short in rhyme:
                out.append(place_tone(onset + rhyme.replace(short, full, 1), tone))
    for swaps in (_CODA_SWAPS, _CODA_HEARD):
        for coda, alts in swaps.items():
            if rhyme.endswith(coda) and not (coda == "n" and rhyme.endswith(("nh", "ng"))) \
                    and not (coda == "c" and rhyme.endswith("ch")):
                out.extend(place_tone(onset + rhyme[: -len(coda)] + alt, tone) for alt in alts)
    seen = {word}
    result = []
    for cand in out:
        if cand not in seen and is_structural(cand):
            seen.add(cand)
            result.append(cand)
    return tuple(result)


# Tone marks and the open syllables whose placement differs: traditional "hòa, khỏe, thủy",
# modern "hoà, khoẻ, thuỷ". With a final consonant ("hoàn", "thuyết") both put it on the second vowel.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _toned(base: str) -> list[str]:
    return [unicodedata.normalize("NFC", base + t) for t in _TONE_MARKS]


def _cls(chars: list[str]) -> str:
    return "".join(chars + [c.upper() for c in chars])


_O_TONED, _U_TONED = _cls(_toned("o")), _cls(_toned("u"))
_A_TONED, _E_TONED, _Y_TONED = _cls(_toned("a")), _cls(_toned("e")), _cls(_toned("y"))
# The two-vowel nucleus, then the word around it is checked by hand: a regex that starts at every
# word boundary is several times slower on a few MB of text. Each pattern opens with one character
# class (the engine scans for it fast) and refuses a nucleus followed by an ASCII letter ("hoạt",
# "toán"), which _open_syllables would refuse anyway.
_TRADITIONAL = re.compile(
    rf"[{_O_TONED}{_U_TONED}](?:(?<=[{_O_TONED}])[aAeE]|(?<=[{_U_TONED}])[yY])(?![a-zA-Z])")
_MODERN = re.compile(rf"[oOuU](?:(?<=[oO])[{_A_TONED}{_E_TONED}]|(?<=[uU])[{_Y_TONED}])(?![a-zA-Z])")
# Onset consonants before oa/oe/uy; no "q": "quý", "quá" place the mark on the second vowel.
_OPEN_PAIR_ONSETS = frozenset("b c ch d đ g gh h k kh l m n ng ngh nh p ph r s t th tr v x".split()) | {""}


def move_tone(pair: str) -> str:
    """Move the tone mark to the other vowel of a two-vowel nucleus: "òa" ↔ "oà", "ủy" ↔ "uỷ"."""
    first, second = (unicodedata.normalize("NFD", c) for c in pair)
    tone = next((c for c in first if c in _TONE_MARKS), "")
    if tone:
        first, second = first.replace(tone, ""), second + tone
    else:
        tone = next((c for c in second if c in _TONE_MARKS), "")
        first, second = first + tone, second.replace(tone, "")
    return unicodedata.normalize("NFC", first + second)


def tone_placements(text: str, placement: str) -> list[tuple[int, int, str]]:
    """(start, end, nucleus) of every open syllable written in `placement` ("traditional": "hòa",
    "thủy"; "modern": "hoà", "thuỷ"): nothing after the two-vowel nucleus, a Vietnamese consonant
    cluster (or none) before it."""
    return _open_syllables(text, _TRADITIONAL if placement == "traditional" else _MODERN)


def _open_syllables(text: str, pattern: re.Pattern) -> list[tuple[int, int, str]]:
    out = []
    n = len(text)
    for m in pattern.finditer(text):
        start, end = m.span()
        if end < n and text[end].isalpha():
            continue
        i = start
        while i > 0 and text[i - 1].isalpha() and start - i <= 3:
            i -= 1
        if i > 0 and text[i - 1].isalpha():
            continue
        if text[i:start].lower() not in _OPEN_PAIR_ONSETS:
            continue
        out.append((start, end, m.group()))
    return out


def in_tone_style(text: str, tone_marks: str) -> str:
    """`text` with every open two-vowel syllable in the house's placement ("traditional" or "modern"):
    the words a newsroom reads in its desk follow the style it writes in."""
    wrong = tone_placements(text, "modern" if tone_marks == "traditional" else "traditional")
    if not wrong:
        return text
    out, last = [], 0
    for start, end, pair in wrong:
        out += [text[last:start], move_tone(pair)]
        last = end
    out.append(text[last:])
    return "".join(out)
