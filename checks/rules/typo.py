"""Typo rules (lỗi chính tả): non-words, real-word slips in context, doubled words, names.

The text is cut into syllables (tiếng); a syllable is "ordinary" when it is lower-case Vietnamese,
or capitalised only because it opens a sentence. Names (capitalised runs), abbreviations, foreign
words, numbers, URLs and e-mail addresses are never read as slips.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, compress, repeat
from math import log
from operator import and_, eq, gt, is_, itemgetter, mul, ne, not_
from pathlib import Path

from bientap.checks.context import Context
from bientap.checks.findings import Document, Hit, Message
from bientap.checks.lexicon import COMMON, SEEN, UNSEEN, WORD, Lexicon
from bientap.checks.ngrams import (EDGES, JOINS_LEFT, JOINS_RIGHT, NUMBER, SLIP_COST, Ngrams, context_score,
                                   edge_token, known_context, rank, slip_kind, weighable_edits, wider)
from bientap.checks.registry import rule
from bientap.checks.text import BLANK, UNITS, fold, rstrip_blank
from bientap.checks.vietnamese import (LETTERS, MERGED_ONSETS, ONSETS, SURNAMES, VOWELS, confusions, is_structural, iy_variant,
                                       normalize, place_tone, split_onset, strip_tone, swap_onset)
from bientap.i18n import N_

# Letter runs. "\s" changes nothing ([^\W\d_] already leaves spaces out) but lets the engine skip
# spaces at once: the split runs 1.6x faster.
# Superscript and subscript digits are no letters, though str.isalnum says so: "km²", "CO₂".
_WORD_SPLIT = re.compile(r"([^\s\d\W_\u00b2\u00b3\u00b9\u2070-\u209f]+)")
_SENTENCE_OPENERS = frozenset('.!?…:;\n"“”‘’\'(«»[-–—•*+>|')
# Letters glued to these (or to digits) belong to codes, URLs, e-mail addresses, paths or
# hyphenated forms, not to prose: "09-NQ/TW", "tin.example.vn/a_b", "ban@so.gov.vn".
_JOINERS = frozenset("./@_\\-&:'’+#=%$§?~^")
_TOUCHING = _JOINERS | frozenset("0123456789")

LOW, CAP, ABBR, OTHER = 0, 1, 2, 3
_BLOCK = 256

# Middle names that never end a name: "Nguyễn Văn" is always followed by a given name.
_NAME_MIDDLES = frozenset(("văn", "thị"))
# Other common middle names, and given names that are also everyday words ("bình", "hùng").
_MIDDLES = frozenset(normalize(s) for s in """
Thanh Minh Ngọc Hữu Đức Quang Xuân Thu Hồng Kim Anh Hoàng Công Đình Bá Quốc Thế Trọng Duy Tiến Mạnh
Huy Hải Phương Thúy Bích Mỹ Gia Bảo Khánh Tuấn Việt Nhật Trung Đăng Vĩnh Phúc Thùy Diệu Hoài
""".split())
_GIVEN_NAMES = frozenset(normalize(s) for s in """
an anh bình cường dũng dung giang hà hải hạnh hiền hiếu hoa hòa hùng hưng hương huy khang khánh
lan linh long mai minh nam nga ngân ngọc nhung phong phúc phương quân quang sơn tâm thắng thành
thảo thủy tiến toàn trang trung tú tuấn tùng vân vinh yến hằng hậu hiệp hoàng lâm loan lực nghĩa
nhân phát quý tài thái thanh thịnh thu thuận trí vy xuân
""".split())
# Distributive and emphatic doubling the dictionaries miss ("người người", "nhà nhà").
_REDUPLICATION = frozenset(normalize(s) for s in """
người nhà ngày đêm năm tháng tuần sáng chiều tối trưa đời lớp nơi ai gì đâu xa từ chầm rất
hàng nhiều mãi đi lần tầng đợt
""".split())

# How much rarer than the syllable written a repair may be when it makes a dictionary word with a
# neighbour, and how much more frequent it must be when it only makes a phrase seen in text.
WORD_MARGIN = 1.5
COMMON_WORD_MARGIN = 1.0  # the same, for a common word written ("để" for "đề")
PHRASE_MARGIN = 1.0
# Syllables this frequent (Zipf scale) combine with almost anything: only a neighbour waiting for
# its word ("vẫn đề") makes one of them suspect.
COMMON_ZIPF = 6.0
# Function words ("là", "và", "của"): their dictionary reduplications are rare next to a slip.
FUNCTION_ZIPF = 6.5
# A syllable that pairs with nothing around it and is much rarer than a slip variant: repaired when
# the variant was seen with a neighbour (RARE_MARGIN), or even unseen when the written syllable is
# itself rare (BLIND_MARGIN, below BLIND_ZIPF): "vơi" for "với", "nược" for "nước".
RARE_MARGIN = 1.5
BLIND_MARGIN = 2.0
# Onsets that whole dialects pronounce alike (ch/tr, s/x, d/gi/r, l/n) are the commonest real-word
# slips writers make, so a blind repair across them needs less of a frequency gap: "chao kỷ niệm
# chương" → "trao".
MERGER_BLIND_MARGIN = 1.3
BLIND_ZIPF = 4.5
# Evidence (natural log, as the news counts weigh context) that a repair making a dictionary word
# with a neighbour adds to what the counts say: phrase membership the counts may miss.
WORD_BONUS = 1.5
EDITS_IN_CONTEXT = True
EDITS_BOTH_SIDES = True
WORD_BOUNDARIES = True
# A blind repair trusts the absence of a pair only where every neighbour is common enough for its
# pairs to be known: "chao liệng" says nothing when "liệng" itself is hardly ever seen.
INFORMED_ZIPF = 4.5
# A syllable the article keeps using, in varied company and far more often than news prose would
# ("giá quế", "từ quế", "người trồng quế" in a piece on cinnamon) is the article's subject, not a
# slip: the counts' case against it must be stronger by TOPIC_COST (natural log) to be made.
# A slip a writer repeats ("rỏ ràng", "nói rỏ") still is, as each of its contexts speaks loudly.
TOPIC_COUNT = 3
TOPIC_RATIO = 20.0
TOPIC_COST = 2.5
# A syllable after a break (comma, number, bracket, line start) has no left neighbour, and the
# counts then weigh that side by frequency alone, which favours the commoner variant where a new
# clause starts ("mũi, ho hay" is no "cho hay"): a repair the counts weighed needs this much gain.
OPEN_LEFT_GAIN = 1.0
# Read a break or a number beside a syllable as context (ngrams.EDGES).
EDGE_CONTEXT = True
# A dictionary word the syllable makes with one neighbour is contested when that neighbour is in a
# word on its other side too ("công việt | văn phòng": "việt văn" is a word, but "văn" belongs to
# "văn phòng"): the syllable is then read as a suspect still, if its other side is weak.
CONTESTED_WORDS = True
CONTEST_RATIO = 20.0
# A variant its neighbours alone make likelier by less than the slip costs, but by no more than
# NEAR_GAIN short of it, with ordinary syllables on both sides, is a near miss: flagged only where
# the phrases of three beyond the neighbours (`wider`) speak for it by more than RESCUE_GAIN past
# the shortfall ("đội hình tre tham dự" → "trẻ": "hình trẻ" and "trẻ tham" fall just short, "đội
# hình trẻ" settles it). The wider phrase vetoes a repair; here it may also make one. A near miss so
# made ranks after every repair the neighbours made alone, never taking the place of one beside it.
NEAR_GAIN = 1.0
RESCUE_GAIN = 1.0
# Where edited news has the written syllable in a phrase of three with the two syllables on one side
# ("biểu hiện | này", "này | của trẻ") and the variant in none on the other side, the wider phrase
# vouches for what is written: a repair there needs at least this gain (natural log).
PHRASE_COST = 2.0


class TypoTables:
    """What the typo rules read besides the text, made once per checker (`Checker.tables`): the
    checker's lexicon and the news counts, the newsroom dictionary in the lexicon's spelling, and
    memo tables of what each letter run, separator, syllable and situation came to. Texts repeat
    their words, so most lookups are answered here; each table is emptied when it outgrows its
    limit (a stream of new words cannot grow it without end)."""

    INFO_LIMIT = 300_000
    GLUE_LIMIT = 50_000
    VARIANTS_LIMIT = 100_000
    NEAR_LIMIT = 4096
    REPAIRS_LIMIT = 200_000

    def __init__(self, checker) -> None:
        self.lex: Lexicon = checker.lexicon
        self.counts: Ngrams = checker.counts
        self.custom = frozenset(" ".join(normalize(p) for p in w.split()) for w in checker.custom_words)
        self.infos: dict[str, tuple] = {}
        self.glues: dict[str, int] = {}
        self.repairs: dict[tuple, tuple[tuple[int, float], tuple[str, ...]] | None] = {}
        self._variants: dict[str, tuple[tuple[str, float, bool], ...]] = {}
        self._near: dict[str, tuple[str, ...]] = {}
        self._names: dict[str, tuple[str, ...]] = {}

    def prepare(self) -> None:
        """Build the index of near spellings now (about 0.1 s of CPU; Checker.prepare)."""
        _delete_index(self.lex)

    def info(self, raw: str) -> tuple:
        """(key, valid, kind, known, context) of a letter run: key is the normalized lower-case
        spelling ("Hoà" → "hòa"), valid a Vietnamese spelling, known a syllable the lexicon has seen;
        context the key when known, else None."""
        got = self.infos.get(raw)
        if got is None:
            low = raw.lower()
            key = normalize(low)
            valid = is_structural(low)  # as written: "hóan" has its mark on the wrong vowel
            if raw.islower():
                kind = LOW
            elif raw.isupper():
                kind = ABBR if len(raw) > 1 else CAP
            else:
                kind = CAP if raw[1:].islower() else OTHER
            if len(self.infos) > self.INFO_LIMIT:
                self.infos.clear()
            lex = self.lex
            known = valid and key in lex.syllables
            if known:
                key = lex.canonical[key]  # the lexicon's own string: pair lookups match it by identity
            got = self.infos[raw] = (key, valid, kind, known, key if known else None)
        return got

    def glue(self, sep: str) -> int:
        """Whether a separator glues the run after it (_LEFT) and the run before it (_RIGHT) to a
        code, taking runs on both sides; the ends of the text are checked apart."""
        g = 0
        if sep[-1:] in _TOUCHING and _glued_left(sep, True):
            g |= _LEFT
        if sep[:1] in _TOUCHING and _glued_right(sep, True):
            g |= _RIGHT
        if len(self.glues) > self.GLUE_LIMIT:
            self.glues.clear()
        self.glues[sep] = g
        return g

    def variants(self, a: str) -> tuple[tuple[str, float, bool], ...]:
        """Slip variants of `a` the lexicon knows, with their frequencies and whether they are a
        dialect merger of onsets."""
        got = self._variants.get(a)
        if got is None:
            lex = self.lex
            plain, tone = strip_tone(a)
            merged = {place_tone(swap, tone) for swap in _merger_swaps(plain)}
            got = tuple((v, lex.zipf(v), v in merged) for v in confusions(a) if v in lex.syllables)
            if len(self._variants) > self.VARIANTS_LIMIT:
                self._variants.clear()
            self._variants[a] = got
        return got

    def names_near(self, low: str) -> tuple[str, ...]:
        """The foreign words (Lexicon.foreign) of NAME_LEN letters or more one letter off inside
        lower-case `low`, its first and last letters kept, Vietnamised letters aside (_misspelt_name);
        remembered, as a text's foreign names recur."""
        got = self._names.get(low)
        if got is None:
            got = _names_near(low, self.lex.foreign)
            if len(self._names) > self.NEAR_LIMIT:
                self._names.clear()
            self._names[low] = got
        return got

    def near(self, word: str) -> tuple[str, ...]:
        """Known syllables one edit from `word` (delete, insert, replace, swap), or the same letters
        with another tone, or with an onset dialects merge (ch/tr, s/x, d/gi/r, l/n) and any tone."""
        got = self._near.get(word)
        if got is None:
            got = _near_syllables(word, self.lex)
            if len(self._near) > self.NEAR_LIMIT:
                self._near.clear()
            self._near[word] = got
        return got


def _tables(ctx: Context) -> TypoTables:
    """The typo tables of the checker running this check (the engine attaches it to `ctx`)."""
    return ctx.checker.tables(TypoTables)


def _cached_map(cache: dict, work, items: list[str]) -> list:
    """`work(item)` for every item, read from `cache` (which `work` fills, and may empty when it
    grows too big). Each item not met before is worked out once, then all are looked up again."""
    got = list(map(cache.get, items))
    if None in got:
        for item in set(compress(items, map(is_, got, repeat(None)))):
            work(item)
        got = list(map(cache.get, items))
        if None in got:  # the cache was emptied on the way
            for i in compress(range(len(items)), map(is_, got, repeat(None))):
                got[i] = work(items[i])
    return got


def positions(seq: bytes | list, value: int) -> list[int]:
    """The indices of `value` in `seq`, ascending: `index` hops in C from one to the next (in
    bytes, by memchr), where compress over a map would compare every item (capitals among a
    text's runs: Scan.kind)."""
    out: list[int] = []
    find, append, i = seq.index, out.append, -1
    try:
        while True:
            i = find(value, i + 1)
            append(i)
    except ValueError:
        return out


class Scan:
    """The letter runs of a document as parallel lists, with what the typo rules need of each.

    `linked[i]`: run i follows run i-1 after exactly one space; `touches[i]`: glued to digits or
    joiners. Built once per document and shared by the five typo rules.
    """

    __slots__ = ("text", "raw", "seps", "key", "kind", "linked", "touches", "_infos", "_valid", "_known",
                 "_offsets", "_cursor", "_ordinary", "_runs", "_context", "_twins", "_caps", "_capitals",
                 "_lowered", "_as_written")

    def __init__(self, text: str, tables: TypoTables) -> None:
        self.text = text
        parts = _WORD_SPLIT.split(text)
        raw = self.raw = parts[1::2]
        seps = self.seps = parts[0::2]  # seps[k] is the text before run k; seps[-1] the tail
        n = len(raw)
        infos = self._infos = _cached_map(tables.infos, tables.info, raw)
        self.key, context = (list(map(itemgetter(k), infos)) for k in (0, 4))
        # Bytes, one a run: the few capitals and codes among them are found by memchr (positions).
        self.kind = bytes(map(itemgetter(2), infos))
        self._valid = self._known = None  # see valid, known: the real-word rule reads neither
        linked = list(map(" ".__eq__, seps[:-1]))
        if linked:
            linked[0] = False
        self.linked = linked
        # Glued on the left to a joiner or digit ("/TW", "2021-xã"), or on the right to a joiner
        # that continues ("example.vn", "https://"), not one that ends a sentence ("pháp luật. Bảo").
        # Separators repeat (", ", ". "), so each distinct one is judged once; one space, nine
        # separators in ten, glues nothing and is passed over.
        touches = [False] * n
        odd = list(compress(range(n + 1), map(" ".__ne__, seps)))
        glue = _cached_map(tables.glues, tables.glue, [seps[k] for k in odd])
        for k, g in compress(zip(odd, glue), glue):
            if g & _LEFT and (k > 0 or _glued_left(seps[k], False)) and k < n:
                touches[k] = True
            if g & _RIGHT and (k < n or _glued_right(seps[k], False)) and k > 0:
                touches[k - 1] = True
        self.touches = touches
        for i in compress(range(n), touches):
            context[i] = None
        self._context = context
        self._offsets = [0]  # offset of run k * _BLOCK's separator, k = 0, 1, ...
        self._cursor = (0, len(seps[0]))  # the last run whose offset was asked for, and that offset
        self._ordinary: dict[frozenset[str], list[str | None]] = {}
        self._twins: dict[frozenset[str], list[int]] = {}
        self._caps: list[int] | None = None
        self._capitals: list[int] | None = None
        self._runs: list[list[int]] | None = None
        self._lowered: Counter | None = None
        self._as_written: Counter | None = None

    @property
    def valid(self) -> list[bool]:
        """valid[i]: run i is spelt as a Vietnamese syllable could be."""
        if self._valid is None:
            self._valid = list(map(itemgetter(1), self._infos))
        return self._valid

    @property
    def known(self) -> list[bool]:
        """known[i]: run i is a syllable the lexicon has seen."""
        if self._known is None:
            self._known = list(map(itemgetter(3), self._infos))
        return self._known

    def lowered_counts(self) -> Counter:
        """How often each run is written in prose, lower-cased, not counting runs glued to a URL or a
        code (made once, on first use)."""
        if self._lowered is None:
            self._lowered = Counter(r.lower() for r, glued in zip(self.raw, self.touches) if not glued)
        return self._lowered

    def written(self, raw: str) -> int:
        """How often run text `raw` is written, as it is, in capitals or in lower case (a Counter of
        the runs as written, made on first use: cheaper than lowered_counts for a few words)."""
        if self._as_written is None:
            self._as_written = Counter(self.raw)
        got = self._as_written
        return got[raw] + (got[raw.upper()] if raw.upper() != raw else 0) + (got[raw.lower()] if raw.lower() != raw else 0)

    def touching(self) -> list[int]:
        return list(compress(range(len(self.raw)), self.touches))

    def __len__(self) -> int:
        return len(self.raw)

    def offset(self, i: int) -> int:
        """Where run i starts in the text. Findings are few, so offsets are summed on demand from
        a checkpoint every _BLOCK runs rather than worked out for every run; from the last run
        asked for when i is just after it (rules report left to right, and a text of nothing
        but findings, "a a a a ...", would sum up to _BLOCK runs for each)."""
        seps, raw = self.seps, self.raw
        last, at = self._cursor
        if last <= i < last + 16:
            at += sum(map(len, seps[last + 1:i + 1])) + sum(map(len, raw[last:i]))
        else:
            b = i // _BLOCK
            marks = self._offsets
            while len(marks) <= b:
                k = (len(marks) - 1) * _BLOCK
                marks.append(marks[-1] + sum(map(len, seps[k:k + _BLOCK])) + sum(map(len, raw[k:k + _BLOCK])))
            k = b * _BLOCK
            at = marks[b] + sum(map(len, seps[k:i + 1])) + sum(map(len, raw[k:i]))
        self._cursor = (i, at)
        return at

    def span(self, i: int, j: int | None = None) -> tuple[int, int]:
        """(start, end) of run i, or of runs i to j."""
        start = self.offset(i)
        if j is None or j == i:
            return start, start + len(self.raw[i])
        end = self.offset(j)
        return start, end + len(self.raw[j])

    def opens(self, i: int) -> bool:
        """Run i is the first word of a sentence, line or quotation."""
        if i == 0:
            return True  # the text's first word, whatever (a quote, a BOM, a number) is before it
        before = self.seps[i].rstrip(BLANK)
        return bool(before) and before[-1] in _SENTENCE_OPENERS

    def context_keys(self) -> list[str | None]:
        """Key of every Vietnamese run whatever its case: the neighbours a syllable is read with
        ("Thông tư" vouches for "tư" even though "Thông" is capitalised)."""
        return self._context

    def ordinary(self, custom: frozenset[str]) -> list[str | None]:
        """Key of each run that reads as ordinary prose, None elsewhere (names, codes, foreign
        words, custom words). A capital counts as ordinary only where it opens a sentence."""
        got = self._ordinary.get(custom)
        if got is not None:
            return got
        kind, linked = self.kind, self.linked
        keys = list(self.context_keys())
        # As _capital_reads_ordinary, for every capital of the text at once (one space before a
        # run opens nothing: most capitals, names inside sentences, are passed over without a look).
        kept = {i for i in self.capitals() if not linked[i] and keys[i] is not None and self.opens(i)}
        for i in chain(self.capital_runs(), positions(kind, ABBR), positions(kind, OTHER)):  # few
            if i not in kept:
                keys[i] = None
        if custom:
            keys = [None if k in custom else k for k in keys]
        self._ordinary[custom] = keys
        return keys

    def capital_runs(self) -> list[int]:
        """Every run that is a capital, in order (made once a text: ordinary(), capitals() and the
        names rule walk them)."""
        got = self._caps
        if got is None:
            got = self._caps = positions(self.kind, CAP)
        return got

    def capitals(self) -> list[int]:
        """The runs that are a capital before a lower-case word, one space on (made once a text:
        ordinary() and the title readings of typo.realword walk them)."""
        got = self._capitals
        if got is None:
            kind, linked = self.kind, self.linked
            last = len(kind) - 1
            got = self._capitals = [i for i in self.capital_runs()
                                    if i < last and kind[i + 1] == LOW and linked[i + 1]]
        return got

    def neighbours(self, i: int) -> tuple[str | None, str | None]:
        """The context keys of the runs on either side of run i that one space joins to it (None
        elsewhere): the neighbours the news counts read."""
        context, linked = self._context, self.linked
        return (context[i - 1] if i and linked[i] else None,
                context[i + 1] if i + 1 < len(context) and linked[i + 1] else None)

    def edge_before(self, i: int) -> str:
        """The edge token (ngrams.EDGES) for what stands before run i, one space passed over, as
        checks/data/build_ngrams.py counts it: a number, or any other break."""
        sep = self.seps[i]
        return edge_token(sep[-2:-1] if sep[-1:] == " " else sep[-1:])

    def edge_after(self, i: int) -> str:
        """The edge token for what stands after run i (see edge_before)."""
        sep = self.seps[i + 1]
        return edge_token(sep[1:2] if sep[:1] == " " else sep[:1])

    def ordinary_at(self, i: int, custom: frozenset[str]) -> str | None:
        """ordinary(custom)[i], worked out for run i alone (the non-word rule reads only the
        neighbours of the few runs it flags)."""
        key = self._context[i]
        if key is None or (self.kind[i] != LOW and not self._capital_reads_ordinary(i)) or key in custom:
            return None
        return key

    def _capital_reads_ordinary(self, i: int) -> bool:
        """A capital before a lower-case word, one space on: ordinary where it opens a sentence."""
        kind = self.kind
        return (kind[i] == CAP and i + 1 < len(kind) and kind[i + 1] == LOW and self.linked[i + 1]
                and self._context[i] is not None and self.opens(i))


_JOINER_CHARS = "".join(_JOINERS)


_LEFT, _RIGHT = 1, 2


def _glued_left(sep: str, after_run: bool) -> bool:
    """"09-NQ", "/TW", "tin.example": joiners (or digits) with a letter or digit right before them."""
    rest = sep.rstrip(_JOINER_CHARS)
    return rest[-1:].isalnum() or (not rest and after_run)


def _glued_right(sep: str, before_run: bool) -> bool:
    """"example.vn", "https://", "2021": joiners (or digits) followed by a letter or digit, not the
    end of a sentence ("xã hội... Chỉ")."""
    rest = sep.lstrip(_JOINER_CHARS)
    return rest[:1].isalnum() or (not rest and before_run)


def scan(doc: Document, tables: TypoTables) -> Scan:
    """The document's scan, made once and shared by the typo rules."""
    return doc.shared(tables, lambda: Scan(doc.text, tables))


def _render(key: str, like: str, ctx: Context) -> str:
    """`key` spelled for the house style and cased like the text it replaces."""
    out = key
    if ctx.style.tone_marks == "modern":
        out = " ".join(normalize(part, True) for part in key.split(" "))
    if like[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


# --- non-words -------------------------------------------------------------------------------

# Zipf frequencies are decimal logs, the slip costs natural ones.
LN10 = log(10)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _delete_index(lex: Lexicon) -> dict[str, set[str]]:
    """Each known syllable under itself and every one-letter deletion of its spellings (both
    tone placements): looking a word's deletions up finds the syllables one edit away. Built on
    the first misspelling met and kept with the lexicon it indexes (`Lexicon.derived`), so a new
    checker over the same lexicon (a glossary edited at the desk) does not build it again."""
    got = lex.derived.get(_delete_index)
    if got is not None:
        return got
    index: dict[str, set[str]] = defaultdict(set)
    for key in lex.syllables:
        for spelling in {key, lex.modern.get(key, key)}:
            index[spelling].add(key)
            for probe in _deletes(spelling):
                index[probe].add(key)
    got = lex.derived[_delete_index] = dict(index)  # (its sets are read, never written, after this)
    return got


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion, replacement or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _merger_swaps(plain: str) -> list[str]:
    """A toneless syllable with its onset swapped for each one dialects merge it with:
    "chao" → ["trao"], "gi" (of "gì") → ["di", "ri"], "da" → ["gia", "ra"]."""
    onset, rhyme = split_onset(plain)
    if onset == "g" and rhyme[:1] == "i":  # "gì": the i is the onset's and the vowel
        onset, rhyme = "gi", rhyme[1:]
    return [swap_onset(onset, rhyme, alt) for alt in MERGED_ONSETS.get(onset, ())]


def _near_syllables(word: str, lex: Lexicon) -> tuple[str, ...]:
    """See TypoTables.near."""
    index = _delete_index(lex)
    found: set[str] = set()
    for probe in _deletes(word) | {word}:
        for key in index.get(probe, ()):
            if _one_edit(word, key) or _one_edit(word, lex.modern.get(key, key)):
                found.add(key)
    plain, _ = strip_tone(word)
    known = lex.syllables
    # Any tone on the same letters, or on an onset heard alike: "chiển" → "triển", "sằng" → "xăng".
    for letters in [plain, *_merger_swaps(plain)]:
        found.update(c for c in (place_tone(letters, t) for t in range(6)) if c in known)
    found.discard(word)
    return tuple(sorted(found))


# Typing-method residue: the keystrokes a Vietnamese keyboard turns into marks, left as typed when it
# was switched off or missed them. Telex: a tone key after the vowel (s sắc, f huyền, r hỏi, x ngã,
# j nặng; none of them can follow a vowel in a syllable), vowels doubled or followed by w for their
# marks, dd for đ. VNI: a digit after the letter it marks.
_TELEX_TONES = {"f": 1, "s": 2, "r": 3, "x": 4, "j": 5}
_TELEX_MARKS = (("uwow", "ươ"), ("uow", "ươ"), ("uw", "ư"), ("ow", "ơ"), ("aw", "ă"), ("aa", "â"),
                ("ee", "ê"), ("oo", "ô"), ("w", "ư"))
_VNI_TONES = {"1": 2, "2": 1, "3": 3, "4": 4, "5": 5}
_VNI_MARKS = {("a", "6"): "â", ("e", "6"): "ê", ("o", "6"): "ô", ("o", "7"): "ơ", ("u", "7"): "ư",
              ("a", "8"): "ă", ("d", "9"): "đ"}
_PLAIN_VOWELS = frozenset("aeiouy")


def _known_spelling(plain: str, tone: int, lex: Lexicon) -> str | None:
    """The known syllable `plain` spells with `tone`, or None."""
    key = normalize(place_tone(plain, tone))
    return key if is_structural(key) and key in lex.syllables else None


def _telex(word: str, lex: Lexicon, least: int = 2) -> str | None:
    """The syllable a plain lower-case word spells when read as Telex keystrokes ("vieetj" → "việt",
    "vieejt" → "việt", "ddaays" → "đấy", "truwowngf" → "trường"), or None. Only where at least `least`
    keystrokes were left (a tone key, a mark): one letter too many is as often a slip of another kind
    ("xee" for "xe", "vius" for "virus"), which the ranking of near syllables weighs. A tone key may
    stand anywhere after the first vowel: no Vietnamese syllable has f, j, r, s or x there."""
    tone, plain = 0, word
    if word[-1] in _TELEX_TONES and any(c in _PLAIN_VOWELS for c in word[:-1]):
        tone, plain = _TELEX_TONES[word[-1]], word[:-1]
    else:
        first = next((k for k, c in enumerate(word) if c in _PLAIN_VOWELS), len(word))
        keys = [k for k in range(first + 1, len(word)) if word[k] in _TELEX_TONES]
        if len(keys) == 1:  # "vieejt", "nguwowfi": the tone typed before the final letters
            tone, plain = _TELEX_TONES[word[keys[0]]], word[:keys[0]] + word[keys[0] + 1:]
    left = 1 if tone else 0
    if plain.startswith("dd"):
        plain, left = "đ" + plain[2:], left + 1
    for typed, letter in _TELEX_MARKS:
        if typed in plain:
            left += plain.count(typed)
            plain = plain.replace(typed, letter)
    return _known_spelling(plain, tone, lex) if left >= least else None


def _vni(letters: str, digits: str, rest: str, lex: Lexicon) -> list[str]:
    """Known syllables a word with VNI digits left inside it was meant as: the digits read as VNI
    ("vie65t" → "việt"), else a digit VNI gives no meaning after its letter read as a mark of that
    letter slipped to a neighbouring key ("na9m" → "năm"), or as no mark at all ("nam"); the
    commonest first."""
    plain, tone, marks = letters, 0, [letters[-1]]
    for d in digits:
        if d in _VNI_TONES and not tone:
            tone = _VNI_TONES[d]
        elif (plain[-1], d) in _VNI_MARKS:
            plain = plain[:-1] + _VNI_MARKS[plain[-1], d]
        else:
            marks = [letters[-1], *(m for (c, _), m in _VNI_MARKS.items() if c == letters[-1])]
            plain = ""
            break
    read = plain and _known_spelling(plain + rest, tone, lex)
    if read:
        return [read]
    found = {_known_spelling(letters[:-1] + m + rest, tone, lex) for m in marks} - {None}
    return sorted(found, key=lambda x: (-lex.zipf(x), x))


def _unmarked(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The common syllables (UNMARKED_ZIPF) by their letters with every mark left out ("truoc":
    "trước"; "nguoi": "người", "nguội"), commonest first; kept with the lexicon."""
    got = lex.derived.get(_unmarked)
    if got is None:
        by: dict[str, list[str]] = defaultdict(list)
        for c in lex.syllables:
            if lex.zipf(c) >= UNMARKED_ZIPF and not c.isascii():
                by[fold(c)].append(c)
        got = lex.derived[_unmarked] = {k: tuple(sorted(v, key=lambda c: (-lex.zipf(c), c))) for k, v in by.items()}
    return got


# A plain-ASCII word is read as two syllables run together only where news writes the pair at least
# this often (in 20M words): "choba" → "cho ba"; "nilon", "momen", "patin" are loanwords.
SPLIT_SEEN = 5


def _nonword_suggestions(word: str, left: str | None, right: str | None, tables: TypoTables) -> list[str]:
    """Best first: the same letters with the tone mark where it belongs ("hóan" → "hoán"), then
    syllables one edit away: where the news counts know a neighbour, ranked by how likely each is in
    this context less what its kind of slip costs (hỏi/ngã and onsets dialects merge cost least:
    "giử được" → "giữ", "xữ lý" → "xử"); elsewhere by how they pair with the neighbours, then by
    frequency less the same cost ("Quân doàn 4" → "đoàn": only the stroke of đ left out). First of
    all, a word Telex residue spells ("vieetj" → "việt"). Then a lost space ("màcòn" → "mà còn"),
    first when the two halves make a phrase; in plain ASCII only where they are a phrase someone
    writes ("choba" → "cho ba", not "momen" → "mo men")."""
    scored: list[tuple[float, str]] = []
    lex, counts = tables.lex, tables.counts
    typed = word.isascii() and _telex(word, lex)
    if typed:  # "vieetj" → "việt": the keyboard's residue says what was meant
        scored.append((1000.0, typed))
    letters = strip_tone(word)
    in_context = any(known_context(counts, left, right))
    near = tables.near(word)
    # One keystroke left ("cacs", "khoong"): a reading among the others, weighed like them.
    once = not typed and word.isascii() and _telex(word, lex, least=1)
    if once and once not in near:
        near = (*near, once)
    # Every mark left out ("truoc", "nguoi"): the common syllables spelt with these letters, whose
    # context then chooses ("nguoi dân" → "người", not "nguội").
    bare = _unmarked(lex).get(word, ()) if word.isascii() else ()
    near = (*near, *(c for c in bare if c not in near))
    for cand in near:
        if cand == typed:
            continue
        if in_context:
            score = 50 + sum(context_score(counts, left, cand, right)) - SLIP_COST[slip_kind(word, cand)]
        else:
            score = (4 * max(lex.pair(left, cand), lex.pair(cand, right)) + lex.zipf(cand)
                     - SLIP_COST[slip_kind(word, cand)] / LN10)
        if strip_tone(cand) == letters or cand in bare:
            score += 100
        scored.append((score, cand))
    plain = word.isascii()
    for i in range(2, len(word) - 1):
        # A lost space: "màcòn" → "mà còn".
        a, b = normalize(word[:i]), normalize(word[i:])
        if a in lex.syllables and b in lex.syllables and is_structural(a) and is_structural(b):
            if plain and not lex.pair(a, b) and counts.bigram(a, b) < SPLIT_SEEN:
                continue  # "nilon", "momen", "patin": a loanword, not two syllables no one writes together
            strength = max(lex.pair(a, b), SEEN)
            score = 4 * strength + min(lex.zipf(a), lex.zipf(b))
            scored.append((score + (50 if in_context and strength >= COMMON else 0), a + " " + b))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [c for _, c in scored[:5]]


@rule("typo.nonword", category="typo", severity="error", prose_only=True, captions=True, fields=("title", "sapo", "body"))
def nonword(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Không phải tiếng Việt (non-word): a syllable no Vietnamese word is spelled with.

    "sản xuấtl" → "sản xuất"; "đươc" → "được". Names, foreign words, abbreviations, numbers,
    URLs and e-mail addresses are left alone, and so is a loanword spelt the Vietnamese way with its
    syllables run together ("kilômét", "amiăng", "prôtêin", "nuclêôtit", "ôxy", "điốt") or a word with
    marks the text writes twice or more ("axít", "phượt"); plain ASCII words are flagged (as warnings) only
    where a Vietnamese syllable is one keystroke away and the article does not write them twice
    (a loanword it is about: "chip", "rap"), and so are consonants alone between two
    syllables ("thông tn của" → "tin"), units, "vs" and lower-case abbreviations apart, and a vowel
    alone with a tone no syllable has ("đóng ỏ các khu vực" → "ở"). Telex keys left in a word that
    spell a syllable only a place's name has ("khoong thể" → "không", of Chiềng Khoong) are read
    where the reading makes a dictionary word with a neighbour ("xoong nồi" stays). A plain capital opening a
    sentence is read too where its Telex reading or a keystroke's repair makes a dictionary word with
    the next syllable ("Hocj sinh" → "Học", "Vhai trò" → "Vai"; "Max cho biết" is a name). A capital
    inside a sentence is read where its tone sits on the wrong vowel ("Hòang" → "Hoàng") or, short,
    where a slipped mark makes a word with a neighbour or a surname before a name ("thăm Duơng Văn
    Minh" → "Dương"). A foreign word or name of seven letters or more, written once, with two letters
    swapped inside it is one too ("Facbeook" → "Facebook"), and so is a capitalised one of six letters
    or more, written once, one letter off inside a name Vietnamese text often writes ("Mlaysia" →
    "Malaysia", "Stockhom" → "Stockholm"; its first and last letters as written). A text pulled only partway that stops
    mid-word ("… lên sân khấu biểu diễ") is told so (information).
    """
    tables = _tables(ctx)
    lex = tables.lex
    sc = scan(doc, tables)
    custom = tables.custom
    n = len(sc)
    raw, linked = sc.raw, sc.linked
    for i in list(compress(range(n), map(not_, sc.known))):
        if sc.touches[i] or len(raw[i]) > 16:
            continue  # longer runs are codes or run-together text, not a slip of one word
        if len(raw[i]) == 1 and not _stray_vowel(sc, i):
            continue  # a letter alone is a list's item, a variable or an initial ("điểm đ", "x")
        swapped = _swapped_foreign(sc, i, tables)
        if swapped:
            yield Hit(*sc.span(i), Message(N_("“{word}” is probably “{fixed}” (two letters swapped)"), word=raw[i],
                                           fixed=swapped), suggestions=(swapped,), severity="warning")
            continue
        if sc.kind[i] == CAP:
            known = _misspelt_name(sc, i, tables)
            if known:
                yield Hit(*sc.span(i), Message(N_("“{word}” is probably “{fixed}”"), word=raw[i], fixed=known),
                          suggestions=(known,), severity="warning")
                continue
        if sc.kind[i] != LOW:
            # A capital opening a sentence before lower-case words ("Đươc biết, ...") is not a name.
            if not (sc.kind[i] == CAP and not raw[i].isascii() and i + 1 < n
                    and sc.kind[i + 1] == LOW and sc.opens(i)) and not _telex_capital(sc, i, tables):
                slip = sc.kind[i] == CAP and not raw[i].isascii() and _capital_slip(sc, i, tables)
                if slip:
                    yield Hit(*sc.span(i), Message(N_("“{word}” is not a Vietnamese word"), word=raw[i]),
                              suggestions=tuple(_render(c, raw[i], ctx) for c in slip))
                continue
        low, key = raw[i].lower(), sc.key[i]
        if i == n - 1 and _stops_after_last(sc, doc) and low in _syllable_starts(lex):
            # "… lên sân khấu biểu diễ": the text was cut off mid-word, not misspelt.
            yield Hit(*sc.span(i), Message(N_("The text stops mid-word at “{word}”: is its end missing?"), word=raw[i]),
                      severity="info")
            continue
        foreign = low in lex.foreign
        cut = foreign and _cut_short(sc, i, low)
        if (foreign and not cut) or key in custom or low in custom or key in _SPOKEN_PRONOUNS:
            continue
        left = sc.ordinary_at(i - 1, custom) if i and linked[i] else None
        right = sc.ordinary_at(i + 1, custom) if i + 1 < n and linked[i + 1] else None
        suggestions = _nonword_suggestions(low, left, right, tables)
        if cut:
            # Only a word that makes a dictionary word with a neighbour ("thông tin", "lập tức") or a
            # phrase of three the news writes ("nói cho anh"): the same letters as a lower-case
            # abbreviation ("ở tp Huế", "xem tv cả ngày", "là sv năm hai") find none.
            cl, cr = sc.neighbours(i)
            counts, pair = tables.counts, lex.pair
            suggestions = [c for c in suggestions if " " not in c and (
                pair(cl, c) == WORD or pair(c, cr) == WORD
                or (cl is not None and cr is not None and counts.trigram(cl, c, cr)))]
            if not suggestions:
                continue
        marked = not low.isascii() and not cut
        if not suggestions and (not marked or sc.kind[i] != LOW or _joined_syllables(low, tables.lex)
                                or _loan_spelling(low)):
            continue  # a foreign word or name we do not know ("Ácmêni"), or one spelt the Vietnamese way, run together ("kilômét", "prôtêin")
        if marked and _a_marked_term(sc, low, key, suggestions, tables.counts):
            continue  # "ôxít", "điốt" written again and again: the loanword the text is about
        foreign_left = linked[i] and _foreign_at(sc, i - 1)
        foreign_right = i + 1 < n and linked[i + 1] and _foreign_at(sc, i + 1)
        if not marked and (foreign_left or foreign_right) and not (
                not (foreign_left and foreign_right) and _word_with(low, suggestions, left if foreign_right else None,
                                                                    right if foreign_left else None, lex)):
            continue  # inside a foreign phrase: "Pacta sunt servanda"; "đội du kich Kuban" is no such phrase
        if not marked and not cut and _a_term(sc, low, suggestions, tables):
            continue  # "dòng chip mới ... con chip này": a loanword the article uses, not a slip
        yield Hit(*sc.span(i), Message(N_("“{word}” is not a Vietnamese word"), word=raw[i]),
                  suggestions=tuple(_render(c, raw[i], ctx) for c in suggestions),
                  severity=None if marked else "warning")
    yield from _vni_residue(sc, ctx, tables)
    yield from _telex_residue_known(sc, ctx, tables)


# A syllable the lexicon holds only from a name ("khoong" of the commune Chiềng Khoong), that the news
# never writes, whose Telex reading is a common syllable ("khoong" → "không", "coong" → "công").
RESIDUE_ZIPF = 4.0


def _known_residue(lex: Lexicon) -> dict[str, str]:
    """Those syllables, each to its Telex reading; made on first use (under a millisecond)."""
    got = lex.derived.get(_known_residue)
    if got is None:
        got = lex.derived[_known_residue] = {
            s: t for s in lex.syllables if s.isascii() and lex.zipf(s) == 0
            and (t := _telex(s, lex, least=1)) and lex.zipf(t) >= RESIDUE_ZIPF}
    return got


def _telex_residue_known(sc: Scan, ctx: Context, tables: TypoTables) -> Iterator[Hit]:
    """Telex keystrokes left in a word that happen to spell a syllable of a name: "khoong thể" →
    "không thể". Only where the reading makes a dictionary word with a neighbour and the word as
    written makes none ("xoong nồi", a saucepan, stays)."""
    lex = tables.lex
    residue = _known_residue(lex)
    pair = lex.pair
    keys = sc.key
    for i in compress(range(len(keys)), map(residue.__contains__, keys)):
        key = keys[i]
        reading = residue[key]
        if sc.kind[i] != LOW and not (sc.kind[i] == CAP and sc.opens(i)):
            continue  # ("Khoong thể tin được": a sentence's capital too)
        cl, cr = sc.neighbours(i)
        if (pair(cl, reading) == WORD or pair(reading, cr) == WORD) and not (pair(cl, key) == WORD or pair(key, cr) == WORD):
            yield Hit(*sc.span(i), Message(N_("“{word}” is not a Vietnamese word"), word=sc.raw[i]),
                      suggestions=(_render(reading, sc.raw[i], ctx),), severity="warning")


# A word in Latin letters this long at least that is no word and no name the lexicon knows, but is
# one with two neighbouring letters swapped, is that word mistyped: "Facbeook", "Leciester",
# "Volskwagen", "Porshce" (not shorter: "Potro" and "Porto" are both names).
SWAP_LEN = 7


def _swapped_foreign(sc: Scan, i: int, tables: TypoTables) -> str | None:
    """The foreign word or name (Lexicon.foreign) that plain-ASCII run i spells with two neighbouring
    letters swapped back, where there is exactly one and the article writes run i once (a name it
    keeps writing is a name: "Arleigh Burke") and English text never writes (wordfreq: "Magento",
    "Fiedler", "Kirstin" are names); None elsewhere. Names differ from each other in their first two
    letters or their last two ("Rolando"/"Orlando", "Cristian"/"Cristina"): a swap there is not read;
    nor a British "-re" ending for "-er", a spelling ("millimetres")."""
    raw = sc.raw[i]
    if len(raw) < SWAP_LEN or not raw.isascii() or sc.kind[i] not in (LOW, CAP):
        return None
    low = raw.lower()
    foreign = tables.lex.foreign
    if low in foreign or low in tables.custom:
        return None
    found = {w for k in range(1, len(low) - 2)
             if low[k] != low[k + 1] and not (low[k:k + 2] == "re" and low[k + 2:] in ("", "s"))
             and (w := low[:k] + low[k + 1] + low[k] + low[k + 2:]) in foreign}
    if len(found) != 1 or sc.lowered_counts().get(low, 0) > 1:
        return None
    import wordfreq  # on first use only: few words get here

    if wordfreq.zipf_frequency(low, "en") > 0:
        return None  # a name English text knows ("Magento", "Fiedler", "Kirstin"), no slip
    (word,) = found
    return word[:1].upper() + word[1:] if raw[:1].isupper() else word


# A name Vietnamese text writes at least this often (wordfreq's Zipf for Vietnamese) is one a
# writer may misspell: "Malaysia", "Juventus", "Microsoft" (4.0–4.8), not "marker" or "prayed" (0).
NAME_ZIPF = 3.0
NAME_LEN = 6
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _misspelt_name(sc: Scan, i: int, tables: TypoTables) -> str | None:
    """The well-known foreign name (Lexicon.foreign, written in Vietnamese text: NAME_ZIPF) that
    capitalised run i misses by one letter inside it — one left out, added, or typed for another
    ("Mlaysia", "Juvetus", "Micrsoft", "Doanld", "Stockhom"); None elsewhere. Only a name of
    NAME_LEN letters or more, written once, that no text wordfreq knows writes (English or
    Vietnamese: "Hemmingway" is a spelling some write, "Davinson" a name), with exactly one such
    name near it; its first and last letters stay (names differ there: "Jemerson", "Cristol")."""
    raw = sc.raw[i]
    if len(raw) < NAME_LEN or not raw.isascii() or not raw.isalpha():
        return None
    low = raw.lower()
    foreign = tables.lex.foreign
    if low in foreign or low in tables.custom:
        return None
    if any(0 <= o < len(sc) and sc.linked[max(k, i)] and sc.linked[max(k, o)] and sc.kind[k] == LOW
           and sc.raw[k] in foreign and sc.kind[o] == CAP and sc.raw[o].isascii()
           for k, o in ((i - 1, i - 2), (i + 1, i + 2))):
        return None  # a name of another language, its small words inside ("Plateau de Beille"): its own spelling
    if sc.opens(i):
        return None  # a capital a sentence gives: "Etanol", "Nitrit" are Vietnamese spellings, no names
    found = tables.names_near(low)
    if not found or sc.written(raw) > 1:
        return None
    import wordfreq  # on first use only: few words get here

    zipf = wordfreq.zipf_frequency
    # a name Vietnamese text writes about as often as English does ("Malaysia", "Juventus"), not an
    # English word it borrows now and then ("brain", "always")
    found = [w for w in found if zipf(w, "vi") >= max(NAME_ZIPF, zipf(w, "en") - 1.0)]
    if len(found) != 1 or zipf(low, "en") > 0 or zipf(low, "vi") > 0:
        return None
    return found[0][:1].upper() + found[0][1:]


def _names_near(low: str, foreign: frozenset[str] | set[str]) -> tuple[str, ...]:
    """TypoTables.names_near, worked out."""
    n = len(low)
    near = set()
    for k in range(1, n):
        head, tail = low[:k], low[k:]
        for c in _ASCII_LOWER:
            if c != "h":
                near.add(head + c + tail)  # a letter left out ("th" → "t" is how Vietnamese spells it)
            if k < n - 1 and (tail[0], c) not in _VIETNAMISED:
                near.add(head + c + tail[1:])  # a letter typed for another
        if k < n - 1:
            near.add(head + tail[1:])  # a letter added
    near.discard(low)
    return tuple(sorted(w for w in near if len(w) >= NAME_LEN and w in foreign))


# Letters Vietnamese puts for a foreign one when it spells a name its own way ("Braxin", "Pakixtan",
# "Grudia", "Acmenia", "Urugoay"): (written, in the name) — no slips.
_VIETNAMISED = frozenset((("x", "s"), ("x", "z"), ("d", "z"), ("c", "k"), ("c", "r"), ("o", "u"), ("u", "w"),
                          ("i", "y"), ("y", "i"), ("g", "j"), ("p", "f")))


def _word_with(word: str, suggestions: list[str], left: str | None, right: str | None, lex: Lexicon) -> bool:
    """Whether one of the first suggestions, `word` with its marks put back, makes a dictionary word
    with the ordinary neighbour given ("du kich" → "du kích")."""
    return any((left is not None and lex.pair(left, c) == WORD) or (right is not None and lex.pair(c, right) == WORD)
               for c in suggestions[:3] if fold(c) == word)


def _joined_syllables(word: str, lex: Lexicon) -> bool:
    """Whether `word` is two Vietnamese syllables or more run together, every piece of it, with a
    tone on one of them at most ("kilômét": ki-lô-mét, "amiăng": a-mi-ăng, "điôxít", "ôtô"): a
    loanword written the Vietnamese way without its hyphens, which keeps a tone for its last syllable,
    not a slip (a slip of one word leaves a near spelling, which was looked for first). "kílômét",
    tones on two pieces, is still read."""
    if sum(strip_tone(ch)[1] != 0 for ch in word if not ch.isascii()) > 1:
        return False
    known = lex.syllables

    def syllable(piece: str, first: bool) -> bool:
        return (piece := normalize(piece)) in known and is_structural(piece)

    return _most_pieces(word, syllable, 7) >= 1 and normalize(word) not in known


def _most_pieces(word: str, fits, longest: int) -> int:
    """The most pieces of `longest` letters at most that `word` splits into, each one `fits(piece,
    first)` takes, or 0 where it cannot be split so (words of 16 letters at most: bounded)."""
    n = len(word)
    best = [0] * (n + 1)  # best[k]: one more than the most pieces word[:k] splits into; 0 where it cannot
    best[0] = 1
    for k in range(1, n + 1):
        for j in range(max(0, k - longest), k):
            if best[j] and fits(word[j:k], not j):
                best[k] = max(best[k], best[j] + 1)
    return best[n] - 1 if best[n] else 0


def _stray_vowel(sc: Scan, i: int) -> bool:
    """Whether run i is one lower-case vowel with a tone mark that no syllable is spelt with, in a
    clause of Vietnamese syllables: every neighbour one space away is one, and there is at least one
    ("đóng ỏ các khu vực" → "ở", "làm ễ xuống tóc" → "lễ", "ầm ỹ" → "ĩ"). A letter alone without a
    tone ("điểm đ", "chữ ă") is a list's item or a letter named."""
    if not (sc.kind[i] == LOW and strip_tone(sc.raw[i].lower())[1]):
        return False
    n = len(sc)
    sides = [k for j, k in ((i, i - 1), (i + 1, i + 1)) if 0 <= k < n and sc.linked[j]]
    return bool(sides) and all(sc.known[k] and sc.kind[k] in (LOW, CAP) for k in sides)


# A plain-ASCII word with the letters of a syllable this common (Zipf) is that syllable typed without
# its marks, however often it recurs ("biet": "biết"); "chip" has only the rare "chíp".
UNMARKED_ZIPF = 4.5


def _a_term(sc: Scan, low: str, suggestions: list[str], tables: TypoTables) -> bool:
    """Whether plain-ASCII `low` is written more than once in the text's prose, in any case ("chip",
    "rap", "osin"): a slip is seldom typed twice the same way, a loanword the article is about is.
    Never a common Vietnamese word typed without its marks ("biet" for "biết", UNMARKED_ZIPF) or
    Telex residue ("vieetj"), which a writer repeats."""
    if sc.lowered_counts().get(low, 0) < 2:
        return False
    lex = tables.lex
    return not (_telex(low, lex, least=1) or any(fold(c) == low and lex.zipf(normalize(c)) >= UNMARKED_ZIPF
                                        for c in suggestions if " " not in c))


_VOWELS = frozenset(VOWELS)
_MARK_SLIPS = frozenset(("hoi_nga", "tone", "dropped"))
# A suggestion of two words news writes side by side this often (in 20M words) says a space was lost.
LOST_SPACE_SEEN = 100


def _a_marked_term(sc: Scan, low: str, key: str, suggestions: list[str], counts: Ngrams) -> bool:
    """Whether `low`, a word with Vietnamese marks no syllable spells, is a loanword spelt the
    Vietnamese way, or a word the lexicon lacks, that the text keeps using ("ôxy", "điốt", "ôxít",
    "phượt", "phuộc"): written twice or more, a syllable Vietnamese could spell or two pieces or more
    (_loan_pieces, leniently: "trườg" twice is still a letter lost), a tone on one piece at most
    ("kílômét" is a slip however often it is typed), and no suggestion a slip of its tone or its
    marks ("nguời" twice is "người" twice, a writer's habit, not a term) or two words news writes
    side by side (LOST_SPACE_SEEN: "nhândân")."""
    if not all(c in LETTERS for c in low) or sum(strip_tone(c)[1] != 0 for c in low if not c.isascii()) > 1 \
            or not (is_structural(low) or _loan_pieces(low, strict=False) >= 2):
        return False  # "trườg", "chuyểnn" written twice are still a letter lost or doubled
    if any(slip_kind(key, normalize(c)) in _MARK_SLIPS if " " not in c
           else counts.bigram(*c.split(" ", 1)) >= LOST_SPACE_SEEN for c in suggestions):
        return False
    return sc.lowered_counts().get(low, 0) >= 2  # made once a text, for the few words that get here


# The pieces of a loanword spelt the Vietnamese way: an onset (Vietnamese, or a cluster or letter of
# the language it comes from: "prô", "clê", "đrô", "zin"), one vowel, maybe a final ("tit", "rin").
# Vietnamese onsets no loanword is spelt with (ch, kh, gh, ng, ngh, qu) are not among them.
_LOAN_ONSETS = frozenset("b c d đ g h k l m n p r s t v x ph th tr gi nh pr br dr đr cr kr gr pl bl cl kl gl fl sl "
                         "sp st sc z f j w".split())
_LOAN_CODAS = frozenset("c ch m n ng nh p t l s r k x".split()) | {""}
_LOAN_VOWELS = frozenset("aeêioôuy")
_LOAN_FIRST = frozenset("aeêioô")  # a vowel alone opening one: "ôxy", "axít", "êkíp"
_VIETNAMESE_GLIDES = frozenset("ia iê iu ua uâ uô uơ uy ưa ươ ưô ưo ưi ưu oa oă oe ai ao au ay âu ây eo êu oi ôi ơi ui uê yê".split())


def _loan_piece(piece: str, first: bool, strict: bool) -> bool:
    """One piece of a loanword spelt the Vietnamese way (see _LOAN_ONSETS); one without an onset
    opens the word ("ô-xy") or has a final ("prô-tê-in", "đi-ốt"). Leniently (`strict` False), any
    Vietnamese onset and vowel, and a vowel alone anywhere."""
    vowels = _LOAN_VOWELS if strict else _VOWELS
    k = 2 if piece[:2] == "gi" and len(piece) > 2 else 0  # "gi" before a vowel is an onset: "ma-giê"
    while k < len(piece) and strip_tone(piece[k])[0] not in vowels:
        k += 1
    if k == len(piece) or piece[k + 1:] not in _LOAN_CODAS:
        return False
    if k:
        return piece[:k] in _LOAN_ONSETS or not strict and piece[:k] in _ONSET_SET
    return not strict or strip_tone(piece[0])[0] in _LOAN_FIRST and (first or len(piece) > 1)


_ONSET_SET = frozenset(ONSETS)


def _loan_pieces(low: str, strict: bool = True) -> int:
    """The most pieces `low` splits into (_loan_piece), 0 where it cannot, or where two vowels side
    by side make one Vietnamese rhyme or repeat one ("nguời", "khôong": a syllable misspelt)."""
    plain = [strip_tone(c)[0] for c in low]
    if any((a + b in _VIETNAMESE_GLIDES and not (a == "i" and plain[k - 1:k] == ["g"])) or a in _VOWELS and fold(a) == fold(b)
           for k, (a, b) in enumerate(zip(plain, plain[1:]))):
        return 0
    return _most_pieces(low, lambda piece, first: _loan_piece(piece, first, strict), 6)


def _loan_spelling(low: str) -> bool:
    """Whether `low`, a word with marks no syllable is one keystroke from, is a loanword spelt the
    Vietnamese way, syllable by syllable and run together ("prôtêin", "nuclêôtit", "hiđrô",
    "xitôzin", "lôgarit"): two pieces or more of one vowel each (_loan_piece), an ê or ô among them
    and no ă, â, ơ or ư, a tone on its last piece at most (a French word's stress: "kilômét"), no
    two vowels side by side that make one Vietnamese rhyme or repeat one ("khôong"). Read only where
    no suggestion was found: a keystroke too many makes the same shape beside the word it spoils
    ("êkịp" for "kịp", "tisếp" for "tiếp"), and there the suggestion speaks."""
    plain = [strip_tone(c)[0] for c in low]
    if not 3 <= len(low) <= 16 or not all(c in LETTERS for c in low) or not ("ê" in plain or "ô" in plain) \
            or any(c in "ăâơư" for c in plain):
        return False
    toned = [k for k, c in enumerate(low) if strip_tone(c)[1]]
    if len(toned) > 1 or toned and any(c in _LOAN_VOWELS for c in plain[toned[0] + 1:]):
        return False
    return _loan_pieces(low) >= 2


def _stops_after_last(sc: Scan, doc: Document) -> bool:
    """The text stops mid-sentence right after its last letter run (see Document.stops_short)."""
    return doc.stops_short and not rstrip_blank(sc.seps[-1])


def _syllable_starts(lex: Lexicon) -> frozenset[str]:
    """Every proper beginning of a known syllable ("đậ" of "đậm", "diễ" of "diễn"), kept with the lexicon."""
    got = lex.derived.get(_syllable_starts)
    if got is None:
        got = lex.derived[_syllable_starts] = frozenset(s[:k] for s in lex.syllables for k in range(1, len(s)))
    return got


# Two to four letters and no vowel, between two Vietnamese syllables ("đã nói ch anh", "thông tn
# của"), are a word cut short, though the same letters stand for something elsewhere ("ch", "tn" are
# abbreviations in lists and addresses). Between syllables, edited news writes them only as units
# ("một kg", "vài km") and "vs"; a single letter is a clause's point ("điểm c khoản 1") or a variable.
_BARE_CONSONANTS = re.compile(r"[bcdđghklmnpqrstvxzfjw]{2,4}")
# ... or after a syllable at the end of a clause ("ngay lập tc.", "tc…", "tc.”", a line's or the text's
# end), never before what continues a URL or a code ("http://", "www.", "ph.ng").
_CLAUSE_END = re.compile(r"[,;!?)…\n]|[.:](?:[.”’\"')\]]|(?!\S))|\Z")


def _cut_short(sc: Scan, i: int, low: str) -> bool:
    """Whether the lower-case run `i` (spelt `low`) is letters with no vowel after a Vietnamese
    syllable and before another or the end of a clause, neither a unit nor "vs" (see
    _BARE_CONSONANTS)."""
    if not _BARE_CONSONANTS.fullmatch(low) or low.upper() in UNITS or low == "vs":
        return False
    if not (i > 0 and sc.linked[i] and sc.known[i - 1] and sc.kind[i - 1] in (LOW, CAP)):
        return False
    if i + 1 < len(sc) and sc.linked[i + 1]:
        return sc.known[i + 1] and sc.kind[i + 1] in (LOW, CAP)
    return _CLAUSE_END.match(sc.seps[i + 1]) is not None


# A Telex tone key between two vowels ("Boro"): a name's letters as often as keystrokes.
_KEY_AMID_VOWELS = re.compile(r"[aeiouy][fjrsx][aeiouy]")


def _telex_capital(sc: Scan, i: int, tables: TypoTables) -> bool:
    """Whether plain-ASCII capital run i, opening a sentence, is a slip rather than a foreign name:
    no foreign word the lexicon knows, before a known lower-case syllable one space on, and read as
    Telex it spells a common syllable (UNMARKED_ZIPF) that makes a dictionary word with that
    syllable ("Hocj sinh …" → "Học"), or one keystroke from it (or its letters with every mark)
    lies a syllable that does, or that usually stands before it (CAPITAL_LEFT_SHARE: "Vhai trò" →
    "Vai", "Ktheo bà" → "Theo", "Nguoi dân" → "Người"). Two Telex keystrokes left or more spell no
    name: a common syllable so read is a slip before any known syllable ("Vieejt Nam").
    A name opening a sentence ("Max cho biết", "Hans nói", "Lahm cũng") makes none."""
    raw = sc.raw
    if not (sc.kind[i] == CAP and raw[i].isascii() and i + 1 < len(raw) and sc.kind[i + 1] in (LOW, CAP)
            and sc.linked[i + 1] and sc.known[i + 1] and sc.opens(i)):
        return False
    lex, low = tables.lex, raw[i].lower()
    if low in lex.foreign or low in tables.custom or sc.lowered_counts().get(low, 0) >= 2:
        return False  # a name the article writes again ("Dustin Nguyen … Nguyen sinh năm 1962")
    strong = _telex(low, lex) if not _KEY_AMID_VOWELS.search(low) else None
    if strong:  # two keystrokes left or more ("Vieejt Nam", "Ddaauf tháng"): no name is spelt so
        return lex.zipf(strong) >= UNMARKED_ZIPF
    if sc.kind[i + 1] != LOW:
        return False
    right = sc.neighbours(i)[1]
    typed = _telex(low, lex, least=1)
    if typed:
        return lex.zipf(typed) >= UNMARKED_ZIPF and lex.pair(typed, right) == WORD
    counts = tables.counts
    least = max(CAPITAL_LEFT_SEEN, CAPITAL_LEFT_SHARE * counts.unigram(right))
    return any(lex.pair(c, right) == WORD or counts.bigram(c, right) >= least
               for c in chain(tables.near(low), _unmarked(lex).get(low, ())))


# A repair of a plain capital opening a sentence that makes no dictionary word with the next syllable
# must be one of that syllable's usual left partners in edited news: this share of its uses, and at
# least this often ("Ktheo bà" → "Theo": "theo bà" is 2 % of "bà"; "Gita có" is no "gia có", 0.2 %).
CAPITAL_LEFT_SHARE = 0.01
CAPITAL_LEFT_SEEN = 10


# A capitalised word inside a sentence that no Vietnamese syllable spells is read as a name (a
# transliteration: "Ácmêni", "Lênin"), unless it is short, spelt with Vietnamese letters, and two
# letters swapped give a syllable that makes a dictionary word or a phrase seen in text with a
# neighbour: "Tổgn thống" → "Tổng", "khu vực Chuâ Á" → "Châu". A tone or a vowel mark slipped is
# read as well ("Liên Xộ" → "Xô", "Đức Quóc xã" → "Quốc") where the syllable makes a dictionary word
# with a neighbour; a letter changed is not: "Hồng Kông" is a name.
CAPITAL_SLIP_LEN = 6
_CAPITAL_SLIPS = frozenset(("hoi_nga", "tone", "dropped"))


def _capital_slip(sc: Scan, i: int, tables: TypoTables) -> list[str]:
    """What a capitalised non-word with marks, inside a sentence, was meant as, or []: a syllable
    with its tone mark on the wrong vowel ("Hòang" → "Hoàng"), at any length; a short one's slips
    (see CAPITAL_SLIP_LEN)."""
    low = sc.raw[i].lower()
    if not all(c in LETTERS for c in low) or low in tables.lex.foreign or low in tables.custom:
        return []
    lex = tables.lex
    key = normalize(low)
    if key != low and key in lex.syllables and is_structural(key):
        return [key]  # the tone on another vowel of the same letters: no foreign name is spelt so
    if len(low) > CAPITAL_SLIP_LEN:
        return []
    left, right = sc.neighbours(i)
    found = []
    for k in range(len(low) - 1):
        swapped = normalize(low[:k] + low[k + 1] + low[k] + low[k + 2:])
        if (swapped != low and swapped in lex.syllables and is_structural(swapped) and swapped not in found
                and max(lex.pair(left, swapped), lex.pair(swapped, right)) >= SEEN):
            found.append(swapped)
    for k in range(len(low) - 1):  # a letter typed twice ("Ttây Bengal" → "Tây")
        single = normalize(low[:k] + low[k + 1:])
        if (low[k] == low[k + 1] and single in lex.syllables and is_structural(single) and single not in found
                and max(lex.pair(left, single), lex.pair(single, right)) >= SEEN):
            found.append(single)
    # A surname before another capital ("thăm Duơng Xương Tế" → "Dương") is a name's first syllable:
    # its neighbours make no dictionary word with it, the name does the vouching.
    surname = i + 1 < len(sc) and sc.linked[i + 1] and sc.kind[i + 1] == CAP and sc.valid[i + 1]
    slips = [(SLIP_COST[kind], -lex.zipf(near), near) for near in tables.near(key)
             if (kind := slip_kind(key, near)) in _CAPITAL_SLIPS and near not in found
             and (max(lex.pair(left, near), lex.pair(near, right)) >= WORD or (surname and near in SURNAMES))]
    return found + [near for *_, near in sorted(slips)]


def _vni_residue(sc: Scan, ctx: Context, tables: TypoTables) -> Iterator[Hit]:
    """Lower-case words with one or two VNI digits left inside, after a vowel ("vie65t" → "việt",
    "na9m" → "năm"), where converting or deleting the digits gives a known syllable. The runs
    around the digits touch them, so the scan reads them as a code: here only a word standing alone
    is read, never one glued to other codes, URLs or addresses. A word ending in a digit ("mi8",
    "h5n1", "a340") is a code, but for one VNI tone digit after a word of two letters or more, between
    Vietnamese syllables or opening a sentence before one, that reads as a common syllable ("nhà
    nha2 mới" → "nhà", "Gia1 thuê" → "Giá"; _vni_tone_left)."""
    raw, seps, kind = sc.raw, sc.seps, sc.kind
    n = len(raw)
    for i in sc.touching():
        d = seps[i + 1] if i + 1 < n else ""
        read = _vni_tone_left(sc, i, tables)
        if read:
            word = raw[i] + d[0]
            start, end = sc.span(i)
            yield Hit(start, end + 1, Message(N_("“{word}” is not a Vietnamese word"), word=word),
                      suggestions=(_render(read, raw[i], ctx),), severity="warning")
            continue
        if not (0 < len(d) <= 2 and d.isascii() and d.isdigit() and "0" not in d and kind[i + 1] == LOW
                and (kind[i] == LOW or kind[i] == CAP and sc.opens(i))
                and raw[i][-1] in _PLAIN_VOWELS and raw[i].isascii() and raw[i + 1].isascii()):
            continue
        before, after = seps[i], seps[i + 2]
        if (before[-1:] in _TOUCHING and _glued_left(before, i > 0)) or (
                after[:1] in _TOUCHING and _glued_right(after, i + 2 < n)):
            continue
        suggestions = _vni(raw[i], d, raw[i + 1], tables.lex)
        if suggestions:
            word = raw[i] + d + raw[i + 1]
            yield Hit(*sc.span(i, i + 1), Message(N_("“{word}” is not a Vietnamese word"), word=word),
                      suggestions=tuple(_render(c, word, ctx) for c in suggestions), severity="warning")


_CLAUSE_PUNCT = frozenset(",.;:!?)…")


def _vni_tone_left(sc: Scan, i: int, tables: TypoTables) -> str | None:
    """The common syllable (UNMARKED_ZIPF) plain-ASCII run i spells with the one VNI tone digit
    (1–5) glued after it, where it stands among Vietnamese syllables: a known lower-case syllable
    after the digit and one space, and before it a known syllable one space away, or a sentence's
    start for a capital. Else None."""
    raw, seps, kind = sc.raw, sc.seps, sc.kind
    n = len(raw)
    word, d = raw[i], seps[i + 1] if i + 1 < n else ""
    if not (len(word) >= 2 and word.isascii() and len(d) >= 2 and d[0] in _VNI_TONES and d[1] == " "
            and d[2:].strip(" ") == "" and kind[i + 1] == LOW and sc.known[i + 1]):
        return None
    if kind[i] == LOW:
        if not (i and sc.linked[i] and sc.known[i - 1] and kind[i - 1] in (LOW, CAP)):
            return None
    elif not (kind[i] == CAP and sc.opens(i) and (i == 0 or seps[i][-1:] in BLANK)):
        return None
    lex = tables.lex
    read = _known_spelling(word.lower(), _VNI_TONES[d[0]], lex)
    return read if read is not None and lex.zipf(read) >= UNMARKED_ZIPF else None


def _foreign_at(sc: Scan, i: int) -> bool:
    """Run i is plain ASCII that is no Vietnamese syllable."""
    return i >= 0 and not sc.known[i] and sc.raw[i].isascii()


# --- real-word slips -------------------------------------------------------------------------

def _repair(situation: tuple, tables: TypoTables) -> tuple | None:
    """The repairs of syllable `a` between `l` and `r`, best first: ((strength, score), intended
    syllables), with the gain of each beside them where the counts weighed them; or None.

    Where the news counts (bientap.checks.ngrams) know `a` and a neighbour, they alone decide: a variant
    must be clearly likelier in this context, and none is offered when the context was never seen.
    Elsewhere the lexicon's pairs do: `pl`, `pr` are the strengths of (l, a) and (a, r); `l_side`,
    `r_side` those of the pairs the neighbours make on their other side; `cl`, `cr` the neighbours
    whatever their case, which the counts read (names are context to them).
    """
    l, a, r, pl, pr, l_side, r_side, cl, cr = situation
    variants = tables.variants(a)
    if not variants:
        return None
    lex, counts = tables.lex, tables.counts
    edge_l, edge_r = cl in EDGES, cr in EDGES
    if counts.id(a) and any(known_context(counts, None if edge_l else cl, None if edge_r else cr)):
        # A dictionary word the variant makes with a neighbour the written syllable makes none with;
        # only with context on both sides (one side alone is how "thông minh tỉnh Thừa Thiên" would
        # read as "minh tinh"), and only with a neighbour free to join it: one already inside a word
        # on its other side is taken ("lao động | tỉnh" is no split into "động tĩnh").
        pairs = lex.pairs

        def word_joins(candidates) -> dict[str, int]:
            """Which free neighbour each candidate makes a dictionary word with (JOINS_LEFT, _RIGHT)."""
            if not (l and r):
                return {}
            out = {}
            for v in candidates:
                j = ((JOINS_LEFT if pl != WORD and l_side != WORD and pairs.get(l + " " + v) == WORD else 0)
                     | (JOINS_RIGHT if pr != WORD and r_side != WORD and pairs.get(v + " " + r) == WORD else 0))
                if j:
                    out[v] = j
            return out

        near = [v for v, _, _ in variants
                if not (cr in _DOUBLETS.get((a, v), ()) and lex.pair(cl, v) != WORD)]  # "mặt hằng" is "mặt hàng" still
        joins = word_joins(near)
        bonus = dict.fromkeys(joins, WORD_BONUS)
        names = (cl is not None and l is None and not edge_l, cr is not None and r is None and not edge_r)
        ranked = rank(counts, cl, a, cr, near, bonus, names=names, joins=joins if WORD_BOUNDARIES else None,
                      least=-NEAR_GAIN if (l and r and not edge_l and not edge_r) else 0.0)
        if (not ranked or ranked[0][0] <= 0) and EDITS_IN_CONTEXT:
            # No slip of the usual kinds fits: a syllable a keystroke away may ("lú" for "lúc"), at
            # the higher cost of an edit; where the syllable written was seen beside a neighbour,
            # only one seen beside both ("thuộc nào thời" → "vào").
            # Spelling with i or with y is a variant, never a slip ("mỳ"/"mì").
            seen = bool((not edge_l and counts.bigram(cl, a)) or (not edge_r and counts.bigram(a, cr)))
            if not seen or EDITS_BOTH_SIDES:
                # Only those rank would weigh are spelt out (most syllables are right: this is the
                # common path, and a syllable has dozens of near spellings).
                edits = [e for e in weighable_edits(counts, cl, cr, tables.near(a), seen, names)
                         if e not in near and not iy_variant(a, e)]
                if edits:
                    joins = word_joins(edits)
                    ranked = rank(counts, cl, a, cr, (), dict.fromkeys(joins, WORD_BONUS), edits, names,
                                  edits_both=seen, joins=joins if WORD_BOUNDARIES else None) or ranked
        if not ranked:
            return None
        return (WORD + 1, ranked[0][0]), tuple(v for _, v in ranked), tuple(g for g, _ in ranked)
    pairs = lex.pairs
    bound, free = lex.bound_set, lex.free_set
    za = lex.freq.get(a, 0.0)
    orphan = pl == UNSEEN and pr == UNSEEN
    informed = (l is None or lex.zipf(l) >= INFORMED_ZIPF) and (r is None or lex.zipf(r) >= INFORMED_ZIPF)
    # What the neighbour a repair would join is doing on its other side: already in a word
    # (then it is not free to join), or without a word while it never stands alone (then it is
    # waiting for exactly this repair: "vẫn đề" where "đề" has no word otherwise).
    a_free = a in free
    a_common = a_free or za >= COMMON_ZIPF
    a_stranded = a in bound and pl != WORD and pr != WORD
    # A common free-standing word pairs with anything: only a neighbour with nothing at all on its
    # other side outweighs that, and only for a repair that is itself part of words ("vẫn đề").
    l_waiting = l is not None and l in bound and (l_side == UNSEEN if a_common else l_side != WORD)
    r_waiting = r is not None and r in bound and (r_side == UNSEEN if a_common else r_side != WORD)
    ok_repairs: dict[str, tuple[int, float]] = {}
    for v, zv, merged in variants:
        for strength, taken, waiting, written in (
                (pairs.get(l + " " + v, UNSEEN) if l else UNSEEN, l_side == WORD, l_waiting, pl),
                (pairs.get(v + " " + r, UNSEEN) if r else UNSEEN, r_side == WORD, r_waiting, pr)):
            if strength == WORD:
                # The repair replaces a pair never seen, with a neighbour free to join it.
                # A common syllable that only lives inside words, here in none, slipped by ear into
                # another word's onset: "sử lý" → "xử lý".
                ok = (written == UNSEEN and not taken and (
                    (not a_common and zv >= za - WORD_MARGIN)
                    or (waiting and v not in free and zv >= za - COMMON_WORD_MARGIN)
                    or (merged and a_stranded and zv >= za - WORD_MARGIN)))
            elif strength == COMMON:
                ok = orphan and ((zv >= za + PHRASE_MARGIN and not a_free) or (a in bound and v in free))
            elif strength == SEEN:
                ok = orphan and zv >= za + RARE_MARGIN and not a_free
            else:
                margin = MERGER_BLIND_MARGIN if merged else BLIND_MARGIN
                ok = orphan and zv >= za + margin and za < BLIND_ZIPF and not a_free and informed
            if ok and (strength, zv) > ok_repairs.get(v, (UNSEEN - 1, 0.0)):
                ok_repairs[v] = (strength, zv)
    if not ok_repairs:
        return None
    ranked = sorted(ok_repairs, key=lambda v: (ok_repairs[v], v), reverse=True)
    return ok_repairs[ranked[0]], tuple(ranked)


# Two spellings of one expression, both in good use before these words ("hằng năm" and "hàng năm",
# "hằng ngày" and "hàng ngày"): neither is a slip of the other there, whichever news writes more.
_TIME_UNITS = frozenset("năm tháng ngày tuần quý giờ đêm".split())
_DOUBLETS = {("hằng", "hàng"): _TIME_UNITS, ("hàng", "hằng"): _TIME_UNITS}

_NO_PAIRS: dict[str, int] = {}
_PHRASE = frozenset((SEEN, COMMON))


def _memo_repair(situation: tuple, memo: dict, tables: TypoTables) -> tuple | None:
    """_repair(situation), remembered for the checker's life (most situations recur)."""
    best = memo.get(situation, False)
    if best is False:
        best = _repair(situation, tables)
        if len(memo) > tables.REPAIRS_LIMIT:
            memo.clear()
        memo[situation] = best
    return best


def _slips(sc: Scan, keys: list[str | None], tables: TypoTables) -> list[tuple[int, tuple[str, ...]]]:
    """(run index, intended syllables best first) for each real-word slip; never two side by side.
    A capital before the syllable that opens a title ("Đại xứ Hoa Kỳ", see _opens_title) is read
    as an ordinary neighbour, not as a name.

    A syllable is suspect when neither neighbour is seen with it in the lexicon. One of its slip
    variants (tone, mark, onset, final) then repairs it when the variant makes a dictionary word
    with a neighbour that is not already in a word of its own ("chuyên giao" → "chuyển giao"), or
    a common phrase when the syllable pairs with nothing and the variant is much more frequent or
    free-standing where the original is only ever part of a word ("trọng hoạt động" → "trong").
    """
    lex = tables.lex
    context, linked, kind = sc.context_keys(), sc.linked, sc.kind
    n = len(keys)
    # ps[i]: strength of the pair (i-1, i); 0 where they are not adjacent prose.
    # (UNSEEN is 0: multiplied by `linked`, a pair across anything but one space is UNSEEN.)
    ps = [UNSEEN]
    ps += map(mul, map(dict.get, map(lex.following.get, context[:-1], repeat(_NO_PAIRS)), context[1:],
                       repeat(UNSEEN)), linked[1:])
    ps += [UNSEEN, UNSEEN]
    for i in sc.touching():
        ps[i] = ps[i + 1] = UNSEEN
    # A phrase seen across a word boundary ("vấn đề | cấp bách") vouches for "đề cấp" only where
    # the bound syllable has its word here too: the phrase (SEEN or COMMON) of pair (i-1, i) is
    # dropped when the left one is bound and not in a word on its left, or the right one is bound
    # and not in a word on its right. Whether a pair is a WORD never changes here, so every phrase
    # is decided on the same footing.
    bound = lex.bound_set
    doubtful = [i for i in compress(range(1, n), map(_PHRASE.__contains__, ps[1:n]))
                if (ps[i - 1] != WORD and context[i - 1] in bound) or (ps[i + 1] != WORD and context[i] in bound)]
    for i in doubtful:
        ps[i] = UNSEEN
    found = []
    memo = tables.repairs
    weak = list(map(gt, repeat(COMMON), ps))
    suspects = list(map(and_, weak, weak[1:]))
    contested: dict[int, str | None] = {}  # a contested suspect: its neighbour on the weak side
    following = lex.following

    def word_beside(v: str, side: str) -> bool:
        """Whether `v` makes a dictionary word with `side`, on either side of it."""
        return following.get(side, _NO_PAIRS).get(v) == WORD or following.get(v, _NO_PAIRS).get(side) == WORD

    if CONTESTED_WORDS:
        # pair (i-1, i) a word while (i-2, i-1) is one too: i-1 is taken, i's side of it contested;
        # pair (i, i+1) a word while (i+1, i+2) is one too: i+1 is taken. One side weak at least.
        # Only where the neighbour's other word is far the commoner in the news (CONTEST_RATIO; "văn
        # phòng" against "việt văn"), and never where the three as written are a phrase the news
        # writes ("vi tích phân", "kịch tác gia").
        counts = tables.counts
        bigram, trigram = counts.bigram, counts.trigram
        word = list(map(eq, ps, repeat(WORD)))

        def joins(i: int, side: str | None) -> bool:
            """Whether a slip variant of syllable i makes a dictionary word with `side` (checked
            before the counts: most contests end here)."""
            return side is not None and any(word_beside(v, side) for v, _, _ in tables.variants(keys[i]))

        # k: a syllable inside a word on each side (few); the suspect is its neighbour beyond one of them
        for k in compress(range(n), map(and_, word, word[1:])):
            i = k + 1  # "việt văn | phòng"-like on the left of i: (i-2, i-1) and (i-1, i) are words
            if i < n and weak[i + 1] and i > 1 and not suspects[i] and keys[i] is not None:
                side = context[i + 1] if i + 1 < n and linked[i + 1] else None
                if joins(i, side):
                    taken, held = bigram(context[i - 2], context[i - 1]), bigram(context[i - 1], context[i])
                    if taken >= CONTEST_RATIO * max(held, 1) and not trigram(context[i - 2], context[i - 1], context[i]):
                        suspects[i] = True
                        contested[i] = side
            i = k - 1  # "công việt | văn phòng": (i, i+1) and (i+1, i+2) are words
            if i >= 0 and weak[i] and not suspects[i] and keys[i] is not None:
                side = context[i - 1] if i and linked[i] else None
                if joins(i, side):
                    taken, held = bigram(context[i + 1], context[i + 2]), bigram(context[i], context[i + 1])
                    if taken >= CONTEST_RATIO * max(held, 1) and not trigram(context[i], context[i + 1], context[i + 2]):
                        suspects[i] = True
                        contested[i] = side
    for i in compress(range(n), suspects):
        a = keys[i]
        if a is None:
            continue  # not ordinary prose
        if (i and a == keys[i - 1]) or (i + 1 < n and a == keys[i + 1]):
            continue  # a doubled word is typo.doubled's
        spoken = _SPOKEN_PRONOUNS.get(a)
        pl, pr = ps[i], ps[i + 1]
        l = keys[i - 1] if i and linked[i] else None
        r = keys[i + 1] if i + 1 < n and linked[i + 1] else None
        # The counts read a name beside the syllable as context too ("tỉnh Bà Rịa", "ông Nguyễn").
        cl = context[i - 1] if i and linked[i] else None
        cr = context[i + 1] if i + 1 < n and linked[i + 1] else None
        # A piece of a hyphenated word is context too ("tiêm vắc-xin": "vắc"), though no target.
        if cl is None and i and linked[i] and _hyphen_piece(sc, i - 1):
            cl = sc.key[i - 1]
        if cr is None and i + 1 < n and linked[i + 1] and _hyphen_piece(sc, i + 1):
            cr = sc.key[i + 1]
        if cl is None and cr is None:
            continue
        if EDGE_CONTEXT:
            # A break or a number on a side is context too (ngrams.EDGES): the counts know how
            # often each syllable stands there ("trước cơn bão." — "báo" seldom ends a clause).
            if not (i and linked[i]):
                cl = sc.edge_before(i)
            if not (i + 1 < n and linked[i + 1]):
                cr = sc.edge_after(i)
        if (l is None and cl is not None and kind[i - 1] == CAP and not (i > 1 and linked[i - 1] and kind[i - 2] == CAP)
                and _opens_title(cl, a, tables)):
            l = cl
        situation = (l, a, r, pl, pr, ps[i - 1] if l is not None and i > 1 else UNSEEN,
                     ps[i + 2] if r is not None else UNSEEN, cl, cr)
        best = _memo_repair(situation, memo, tables)
        if best is not None and best[0][0] > WORD:
            near = best[0][1] <= 0
            best = _widened(best, i, keys, linked, tables.counts)
            if near and best is not None:
                best = None if best[0][1] <= RESCUE_GAIN else ((WORD + 0.5, best[0][1]), best[1])
        if best is not None and (cl in EDGES or cr in EDGES):
            # An edge decides whether there is a slip, never what it was: the repairs and their
            # order are the ones read without it (a rare syllable's rate at a clause end says
            # little about which variant was meant: "không dam." is "dám", not "giam").
            plain = _memo_repair(situation[:7] + (None if cl in EDGES else cl, None if cr in EDGES else cr),
                                 memo, tables)
            if plain is not None and plain[0][0] > WORD:
                plain = _widened(plain, i, keys, linked, tables.counts)
            if plain is not None:
                best = (best[0], plain[1])
        if best is not None and spoken is not None:
            # "Ổng nói", "xe của bả", "tôi gặp bả.": where the best reading is "ông", "bà", it is the
            # spoken pronoun, no slip; a better reading is still one ("ổng nước" → "ống")
            best = None if best[1][0] == spoken else (best[0], tuple(v for v in best[1] if v != spoken))
        if best is not None and i in contested:
            # the repair must make a dictionary word on the weak side ("công việc"), not merely
            # read likelier there
            side = contested[i]
            best = best if side is not None and word_beside(best[1][0], side) else None
        if best is not None and (best[0][0] <= WORD or _weighed_enough(best, i, linked[i], context, linked,
                                                                          tables.counts)):
            found.append((best[0], i, best[1]))
    if found:
        found = _off_topic(found, keys, tables.counts)
    found.sort(key=lambda x: (-x[0][0], -x[0][1], x[1]))
    taken_at: set[int] = set()
    out = []
    for _, i, v in found:
        if i - 1 in taken_at or i + 1 in taken_at:
            continue
        taken_at.add(i)
        out.append((i, v))
    out.sort()
    return out


def _hyphen_piece(sc: Scan, k: int) -> bool:
    """Whether run k, glued to its neighbour only by a hyphen, is a lower-case syllable of a
    hyphenated word ("vắc" of "vắc-xin", "nô" of "ca-nô"): a hyphen alone on one side, a letter run
    there, one space (or the text's edge) on the other. Codes ("XR-B2040", "H5N1") are none."""
    if not (sc.touches[k] and sc.kind[k] == LOW and sc.known[k]):
        return False
    seps, n = sc.seps, len(sc)
    before, after = seps[k], seps[k + 1]
    if after == "-" and before in (" ", "") and k + 1 < n and sc.kind[k + 1] == LOW and seps[k + 2] in _WORD_ENDS:
        return True
    return before == "-" and after in _WORD_ENDS and k > 0 and sc.kind[k - 1] == LOW and seps[k - 1] in (" ", "")


_WORD_ENDS = frozenset((" ", "", ".", ",", ";", ":"))


# A capital opens a title only where the word it would make is a usual sequel of it in edited news:
# at least this share of its occurrences ("Đại sứ", "Ủy ban"; "Anh thư" is no sequel of "Anh").
TITLE_SHARE = 0.01


def _opens_title(c: str, a: str, tables: TypoTables) -> bool:
    """Whether capitalised `c` before lower-case `a` is the first syllable of a title or an
    institution's name, capitalised alone as Vietnamese writes them ("Đại sứ Hoa Kỳ", "Ủy ban Quốc
    phòng", "Hạm đội Biển Đen"), rather than a name: it makes no dictionary word with `a` but does
    with one of its slip variants ("Đại xứ" → "Đại sứ"). The real-word rule then reads it as an
    ordinary neighbour."""
    pairs, counts = tables.lex.pairs, tables.counts
    if pairs.get(c + " " + a) == WORD:
        return False
    least = TITLE_SHARE * counts.unigram(c)
    return any(pairs.get(c + " " + v) == WORD and counts.bigram(c, v) >= least for v, _, _ in tables.variants(a))


# A capitalised syllable that opens a title mid-sentence ("Chiến dịch Bão táp", "Đạo luật Định cư",
# "gần Quảng trường"), written as a slip of the word it begins: its slip variant makes a dictionary word
# with the lower-case syllable after it that edited news writes at least TITLE_SLIP_COUNT times, while
# the syllable written makes no word, and no pair news ever wrote, with it, and that syllable is not
# already in a word on its other side. Only slips heard or typed
# as a tone or a mark (SLIP_COST at most TITLE_SLIP_COST): a name beside a word is the usual reading
# of a capital, and only a cheap slip into a common word outweighs it.
TITLE_SLIP_COUNT = 20
TITLE_SLIP_COST = 4.0


# The lower-case syllable that ends a capitalised title ("Phó Chủ lịch" → "tịch") is read with the two
# capitals before it: its variant must make a dictionary word with the last of them and a phrase of
# three that edited news writes at least TITLE_SLIP_COUNT times and at least TAIL_SHARE of the times
# it writes the two capitals' syllables ("trung quốc vương" is seen, but not in 5 % of "trung quốc"),
# the phrase as written never. An onset slip may do ("lịch" → "tịch"): three syllables are evidence
# enough. Held-out 2017 news, 2.09M words: three new warnings, all real ("Luật Đất đại").
TAIL_SLIP_COST = 5.0
TAIL_SHARE = 0.05


# The pronouns of southern speech that fold "ấy" into a hỏi tone: "ổng" (ông ấy), "bả" (bà ấy), "ẻm"
# (em ấy). Quoted speech and features use them; the counts, from edited news, hardly know them and
# read them as slips of the far commoner "ông", "bà", "em". ("ảnh", "cổ", "chỉ" are words of their own.)
_SPOKEN_PRONOUNS = {"ổng": "ông", "bả": "bà", "ẻm": "em"}


# A province's or a provincial city's name written with one syllable's tone slipped ("Quãng Ngãi",
# "Đà Nẳng", "Hà Tỉnh" → "Quảng Ngãi", "Đà Nẵng", "Hà Tĩnh"): the whole run of capitals, or that run
# after a capitalised "Tỉnh" or "Thành phố"; never after a word that comes before a person's given
# name ("anh Hải Phong" is a man), nor where a district or a ward bears the name as written.
_PLACE_PREFIXES = (("tỉnh",), ("thành", "phố"))


def _place_index(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each place name of two syllables or more, by its letters without marks → its syllables
    (lexicon keys); kept with the lexicon."""
    got = lex.derived.get(_place_index)
    if got is None:
        from bientap.checks.metadata import place_names  # the administrative data, read on first use
        got = {}
        for name in place_names():
            syllables = tuple(normalize(w.lower()) for w in name.split())
            if len(syllables) >= 2 and all(w in lex.syllables for w in syllables):
                got[fold(" ".join(syllables))] = syllables
        lex.derived[_place_index] = got
    return got


def _place_slips(sc: Scan, tables: TypoTables) -> list[tuple[int, tuple[str, ...]]]:
    """(run index, (intended syllable,)) for each syllable of a place name written with a slip
    (see _PLACE_PREFIXES)."""
    index = _place_index(tables.lex)
    out = []
    key, raw = sc.key, sc.raw
    for run in _name_runs(sc):
        words = [key[j] for j in run]
        for prefix in _PLACE_PREFIXES:
            if tuple(words[:len(prefix)]) == prefix and len(run) > len(prefix) + 1:
                run, words = run[len(prefix):], words[len(prefix):]
                break
        if len(run) > 4 or None in words:
            continue
        place = index.get(fold(" ".join(words)))
        if place is None or tuple(words) == place:
            continue
        differ = [(j, want) for j, got, want in zip(run, words, place) if got != want]
        if len(differ) != 1 or strip_tone(key[differ[0][0]])[0] != strip_tone(differ[0][1])[0]:
            continue  # "Nhà Trắng" is no "Nha Trang", "Thạnh Hòa" no "Thanh Hóa": one tone slipped only
        if key[differ[0][0]] in SURNAMES or key[differ[0][0]] in _GIVEN_NAMES:
            continue  # "Ảnh: Thái Nguyễn", "Quang Nam", "Vinh Phúc" sign or name a person
        before = run[0] - 1
        if before >= 0 and sc.linked[run[0]] and key[before] in _BEFORE_NAMES:
            continue  # "anh Hải Phong", "Ông Hải Phong" opening a sentence
        if " ".join(words) in _admin_keys(tables.lex):
            continue  # a district's or a ward's own name: "Quang Bình" (Hà Giang) is no "Quảng Bình"
        out += [(j, (want,)) for j, want in differ]
    return out


def _admin_keys(lex: Lexicon) -> frozenset[str]:
    """The districts' and wards' names (metadata.admin_names) in lexicon keys; made on first use."""
    got = lex.derived.get(_admin_keys)
    if got is None:
        from bientap.checks.metadata import admin_names
        got = lex.derived[_admin_keys] = frozenset(" ".join(normalize(w) for w in n.split()) for n in admin_names())
    return got


# The words Vietnamese puts before a given name (kinship terms and titles of address): the capital
# after them is a name, never a title ("anh Tiến học", "chị An uống", "em Hòa học", "bé Hiếu biết").
_BEFORE_NAMES = frozenset(normalize(w) for w in """
ông bà anh chị em cô chú bác cậu mợ dì thím dượng cháu con bé cụ cố thầy chàng nàng lão gã cu mệ
bạn chồng vợ mẹ bố cha má
""".split())


def _title_slips(sc: Scan, keys: list[str | None], tables: TypoTables) -> list[tuple[int, tuple[str, ...]]]:
    """(run index, intended syllables) for each capitalised syllable that opens a title with a slip.
    A context met again is read once (_title_head_repair)."""
    kind, linked, context = sc.kind, sc.linked, sc.context_keys()
    custom = tables.custom
    n = len(kind)
    out = []
    memo: dict[tuple, tuple[str, ...]] = {}
    for i in sc.capitals():
        if i and linked[i] and (kind[i - 1] != LOW or context[i - 1] in _BEFORE_NAMES):
            continue  # inside a name ("Nguyễn Văn An cho biết"), or one after "anh", "chị" ("anh Tiến học")
        a, r = context[i], keys[i + 1]
        if a is None or r is None or keys[i] is not None or a in custom:
            continue
        after = context[i + 2] if i + 2 < n and linked[i + 2] else None
        found = memo.get((a, r, after))
        if found is None:
            found = memo[a, r, after] = _title_head_repair(a, r, after, tables)
        if found:
            out.append((i, found))
    return out


def _title_tail_slips(sc: Scan, keys: list[str | None], tables: TypoTables) -> list[tuple[int, tuple[str, ...]]]:
    """(run index, intended syllables) for each lower-case syllable that ends a capitalised title
    with a slip ("Phó Chủ lịch" → "tịch", "Bộ Quốc phong" → "phòng", "Tổng Bí thứ" → "thư"): as
    _title_slips, the other way round — the two capitals before it are its context (a lone capital
    is a name as often as not: "Hậu cầm", "Thắng cứ"; _title_slips reads one that opens a title).
    See TAIL_SHARE."""
    kind, linked, context = sc.kind, sc.linked, sc.context_keys()
    n = len(kind)
    out = []
    memo: dict[tuple, tuple[str, ...]] = {}
    for i in sc.capitals():
        if not (i and linked[i] and kind[i - 1] == CAP):
            continue
        j = i - 1  # j, j + 1: the capitals; j + 2: the syllable read
        p, c, a = context[j], context[i], keys[i + 1]
        if p is None or c is None or a is None:
            continue
        after = context[j + 3] if j + 3 < n and linked[j + 3] else None
        found = memo.get((p, c, a, after))
        if found is None:
            found = memo[p, c, a, after] = _title_tail_repair(p, c, a, after, tables)
        if found:
            out.append((j + 2, found))
    return out


def _title_head_repair(a: str, r: str, after: str | None, tables: TypoTables) -> tuple[str, ...]:
    """The repairs, best first, of capitalised `a` opening a title before lower-case `r` (`after`:
    the syllable after them), or () (see TITLE_SLIP_COUNT)."""
    pairs, counts = tables.lex.pairs, tables.counts
    if pairs.get(a + " " + r, UNSEEN) != UNSEEN or counts.bigram(a, r) or _in_word(r, after, pairs):
        return ()
    found = [(counts.bigram(v, r), v) for v, _, _ in tables.variants(a)
             if pairs.get(v + " " + r) == WORD and SLIP_COST[slip_kind(a, v)] <= TITLE_SLIP_COST]
    return _best_seen(found, TITLE_SLIP_COUNT)


def _title_tail_repair(p: str, c: str, a: str, after: str | None, tables: TypoTables) -> tuple[str, ...]:
    """The repairs, best first, of lower-case `a` ending a title after the capitals `p` and `c`
    (`after`: the syllable after it), or () (see TAIL_SHARE)."""
    pairs, counts = tables.lex.pairs, tables.counts
    if pairs.get(c + " " + a, UNSEEN) == WORD or counts.trigram(p, c, a) or _in_word(a, after, pairs):
        return ()
    found = [(counts.trigram(p, c, v), v) for v, _, _ in tables.variants(a)
             if pairs.get(c + " " + v) == WORD and SLIP_COST[slip_kind(a, v)] <= TAIL_SLIP_COST]
    return _best_seen(found, max(TITLE_SLIP_COUNT, TAIL_SHARE * counts.bigram(p, c)))


def _in_word(r: str, after: str | None, pairs: dict[str, int]) -> bool:
    """Whether lower-case `r` is in a dictionary word with the syllable after it ("Bảo tin tưởng",
    "Hà Nội có thể"): then it is no title's syllable."""
    return after is not None and pairs.get(r + " " + after) == WORD


def _best_seen(found: list[tuple[float, str]], least: float) -> tuple[str, ...]:
    """The variants of `found` ((count, variant)) seen at least `least` times, most seen first."""
    return tuple(v for _, v in sorted((x for x in found if x[0] >= least), reverse=True))


def _widened(best: tuple, i: int, keys: list[str | None], linked: list[bool], counts: Ngrams) -> tuple | None:
    """A repair the counts weighed (`best`, for run i, its candidates' gains beside them) with each
    gain corrected by what the ordinary syllables beyond the neighbours say (`wider`): the
    candidates left with a gain, best first, or None. Asked only of the few repairs made: a phrase
    of three that news writes with the syllable written, and not with the repair, speaks against it
    ("Điều khiến hành khách": "khiển hành" is likelier between the neighbours alone), and the wider
    phrase may put another candidate first ("cửa hàng vàn nhỏ" → "vàng" before "vạn")."""
    _, vs, gains = best
    n = len(keys)
    l = keys[i - 1] if i and linked[i] else None
    l2 = keys[i - 2] if l is not None and i > 1 and linked[i - 1] else None
    r = keys[i + 1] if i + 1 < n and linked[i + 1] else None
    r2 = keys[i + 2] if r is not None and i + 2 < n and linked[i + 2] else None
    if l2 is None and r2 is None:
        kept = [(g, v) for g, v in zip(gains, vs) if g > 0]
        return ((WORD + 1, kept[0][0]), tuple(v for _, v in kept)) if kept else None
    a = keys[i]
    kept = sorted(((g + wider(counts, l2, l, a, v, r, r2), v) for g, v in zip(gains, vs)), key=lambda x: (-x[0], x[1]))
    kept = [x for x in kept if x[0] > 0]
    if not kept:
        return None
    return (WORD + 1, kept[0][0]), tuple(v for _, v in kept)


def _weighed_enough(best: tuple, i: int, left_linked: bool, context: list[str | None], linked: list[bool],
                    counts: Ngrams) -> bool:
    """Whether a repair the counts weighed (`best`, for run i) stands once what its situation leaves
    out is heard: a break on its left (OPEN_LEFT_GAIN), and the syllables beyond its neighbours
    (PHRASE_COST). Asked only of the few repairs made."""
    (_, gain), (v, *_) = best
    if not left_linked and gain < OPEN_LEFT_GAIN:
        return False
    a, n = context[i], len(context)
    l = context[i - 1] if left_linked else None
    l2 = context[i - 2] if l is not None and linked[i - 1] else None
    r = context[i + 1] if i + 1 < n and linked[i + 1] else None
    r2 = context[i + 2] if r is not None and i + 2 < n and linked[i + 2] else None
    la = counts.trigram(l2, l, a) if l2 else 0
    ra = counts.trigram(a, r, r2) if r2 else 0
    if not (la or ra) or gain >= PHRASE_COST:
        return True
    lv = counts.trigram(l2, l, v) if l2 else 0
    rv = counts.trigram(v, r, r2) if r2 else 0
    return not ((la > lv and not rv) or (ra > rv and not lv))


def _off_topic(found: list, keys: list[str | None], counts: Ngrams) -> list:
    """`found` less the repairs the counts weighed (strength above WORD) whose gain does not cover
    TOPIC_COST where the syllable written is a topic of the article: at least TOPIC_COUNT times,
    TOPIC_RATIO times more often than in news prose, beside at least two different syllables on
    each side."""
    weighed = {keys[i] for (strength, _), i, _ in found if strength > WORD}
    if not weighed:
        return found
    where: dict[str, list[int]] = defaultdict(list)
    for j in compress(range(len(keys)), map(weighed.__contains__, keys)):
        where[keys[j]].append(j)
    n, last = len(keys), len(keys) - 1
    topics = set()
    for a, at in where.items():
        if len(at) < TOPIC_COUNT or len(at) < TOPIC_RATIO * n * (counts.unigram(a) + 0.5) / counts.tokens:
            continue
        lefts = {keys[j - 1] for j in at if j}
        rights = {keys[j + 1] for j in at if j < last}
        if len(lefts) >= 2 and len(rights) >= 2:
            topics.add(a)
    if not topics:
        return found
    return [f for f in found if not (f[0][0] > WORD and keys[f[1]] in topics and f[0][1] <= TOPIC_COST)]


@rule("typo.realword", category="typo", severity="warning", prose_only=True, captions=True, fields=("title", "sapo", "body"))
def realword(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Gõ nhầm thành một tiếng khác (real-word slip): a tone, mark, onset or final slip, or a vowel
    pair typed short or long ("cúi cùng" → "cuối", "thức đo" → "thước"), that makes a real syllable
    which does not fit its neighbours; also an old spelling with â that edited
    prose no longer uses ("xác tầu" → "xác tàu", "giầu có" → "giàu có"); also a slip in the capital
    that opens a title mid-sentence ("ở Quãng trường Ba Đình" → "Quảng trường"), or in the syllable
    that ends one ("Phó Chủ lịch" → "Phó Chủ tịch"); also a province's or a provincial city's name
    with one syllable's tone slipped ("Quảng Ngải" → "Quảng Ngãi", "Đà Nẳng" → "Đà Nẵng"); also an
    expression written as one of its common misspellings, which a dictionary may even list
    (checks/data/misspellings.txt: "sát nhập" → "sáp nhập", "chuẩn đoán" → "chẩn đoán", "sắc xuất" →
    "xác suất", "vô hình chung" → "vô hình trung"), unless a word runs across its edge ("tài năng xuất sắc").

    "chuyên giao" → "chuyển giao", "vẫn đề" → "vấn đề", "đề cấp" → "đề cập", "trọng hoạt động" → "trong".
    """
    tables = _tables(ctx)
    sc = scan(doc, tables)
    custom = tables.custom
    keys = sc.ordinary(custom)
    slips = _slips(sc, keys, tables)
    titles = _title_slips(sc, keys, tables) + _title_tail_slips(sc, keys, tables) + _place_slips(sc, tables)
    if titles:
        slips = sorted(dict(titles + slips).items())
    old = _old_spellings(sc, keys, tables)
    if old:
        merged = dict(slips)
        for i, (twin, score) in old:
            found = merged.get(i)
            if not found:
                merged[i] = (twin,)
            elif twin not in found:
                # A slip found there too: the likelier of the two between these neighbours first
                # ("phi công dầy kinh nghiệm" → "đầy", "lớp băng dầy" → "dày").
                first = 0 if score >= _context_at(sc, i, found[0], tables.counts) else 1
                merged[i] = (*found[:first], twin, *found[first:])
        slips = sorted(merged.items())
    usage = _misspelt_expressions(sc, keys, tables)
    if usage:
        # A known misspelling of an expression ("sát nhập" → "sáp nhập") is the finding there: one
        # syllable wrong joins the slips, several are told as one ("sắc xuất" → "xác suất").
        merged = dict(slips)
        for first, last, fixed in usage:
            for k in range(first, last + 1):
                merged.pop(k, None)
            if first == last:
                merged[first] = fixed
            else:
                raw = doc.text[sc.span(first)[0]:sc.span(last)[1]]
                said = _render(" ".join(fixed), raw, ctx)
                yield Hit(sc.span(first)[0], sc.span(last)[1], Message(N_("“{word}” is probably “{fixed}”"),
                                                                       word=raw, fixed=said), suggestions=(said,))
        slips = sorted(merged.items())
    cut = len(sc) - 1 if _stops_after_last(sc, doc) else None
    spoken = _dialect_runs(sc, tables) if slips else frozenset()
    for i, intended in slips:
        if custom and any(p in custom for p in _phrases(keys, i)):
            continue
        if i == cut:
            continue  # "… vài em nhỏ có bi": the text was cut off, maybe mid-word, and has no right side
        if i in spoken:
            continue  # a speaker's own words in dialect ("Mà anh ở mô ra đây rứa?"): not the news' Vietnamese
        raw = sc.raw[i]
        fixed = tuple(_render(v, raw, ctx) for v in intended)
        yield Hit(*sc.span(i), Message(N_("“{word}” is probably “{fixed}”"), word=raw, fixed=fixed[0]),
                  suggestions=fixed)


# Words of the Central and Southern spoken language that standard news prose does not use alone
# (outside a dictionary word with a neighbour: "lỗ hổng", "quy mô" are no such use): a quotation
# holding one is a speaker's own words in dialect, where the news counts read "rứa" as "rửa", "chừ"
# as "chỉ", "mô" as "mỹ". The dialect's words there, and the common words right beside them, are not
# read as real-word slips; a slip further off in the quotation still is ("Tui mong … vẫn đề này").
_DIALECT = frozenset(normalize(w) for w in "rứa chừ nớ nghen".split())
# Spoken words that standard prose has too ("mô" tissue, "răng" a tooth, "mạ" rice seedlings, "tui"
# for "túi", "hổng" a gap): they back a dialect word or each other, but make no quotation dialect alone.
_DIALECT_SUPPORT = frozenset(normalize(w) for w in
                             "tui hổng mô mạ mi tau ri răng ni tê chi nỏ hông chớ nè nha o má tía hén nhen ráng".split())
_SPOKEN = _DIALECT | _DIALECT_SUPPORT
# Beside a dialect word, this many runs on either side; a common word there (Zipf) is its company.
SPOKEN_REACH = 2
SPOKEN_ZIPF = 4.0
# A quotation is read between curly quotes, guillemets or straight quotes glued to its first and last
# words, within a paragraph and this many runs at most: an unclosed one is no licence for the rest.
_QUOTES = {"“": "”", "«": "»"}
QUOTE_RUNS = 80


def _quotation_around(sc: Scan, k: int) -> tuple[int, int] | None:
    """(first run, run after the last) of the quotation run k stands in, within its paragraph and
    QUOTE_RUNS runs, else None (see _QUOTES). A straight quote opens glued to the word after it
    ('nói: "Mà anh') and closes where no word follows it glued ('rứa?" Bà cười')."""
    seps, n = sc.seps, len(sc)
    start = None
    for j in range(k, max(-1, k - QUOTE_RUNS), -1):
        sep = seps[j]
        if sep == " ":
            continue
        cut = sep.rfind("\n")
        tail = sep[cut + 1:]
        opens = [q for q in ("“", "«") if q in tail]
        if opens and _QUOTES[opens[0]] not in tail[tail.index(opens[0]):]:
            start, closing = j, _QUOTES[opens[0]]
            break
        if tail.endswith('"') and (len(tail) == 1 or tail[-2] in " :(") and j < n:
            start, closing = j, '"'
            break
        if cut >= 0 or "”" in sep or "»" in sep or '"' in sep:
            return None  # a paragraph's start, or a quotation closed before run k
    if start is None:
        return None
    for j in range(k + 1, min(n + 1, start + QUOTE_RUNS + 1)):
        sep = seps[j]
        if sep == " ":
            continue
        q = sep.find('"')
        if (q >= 0 and (q < len(sep) - 1 or j == n)) if closing == '"' else closing in sep:
            return start, j
        if "\n" in sep:
            return None
    return None


def _dialect_runs(sc: Scan, tables: TypoTables) -> frozenset[int]:
    """The runs of quotations in dialect that typo.realword passes over: the spoken words
    (_DIALECT, _DIALECT_SUPPORT) and the common words within SPOKEN_REACH of them, in a quotation
    holding a dialect word, or two spoken words, outside dictionary words with their neighbours.
    Read around the text's spoken words only (most texts have none, the rest a few)."""
    key, linked, kind = sc.key, sc.linked, sc.kind
    lex = tables.lex
    n = len(key)
    words = [k for k in compress(range(n), map(_SPOKEN.__contains__, key))
             if (kind[k] == LOW or kind[k] == CAP and sc.opens(k))
             and not (k and linked[k] and lex.pair(key[k - 1], key[k]) == WORD)
             and not (k + 1 < n and linked[k + 1] and lex.pair(key[k], key[k + 1]) == WORD)]
    if not words:
        return frozenset()
    spans: dict[tuple[int, int], list[int]] = {}
    for k in words:
        span = _quotation_around(sc, k)
        if span is not None:
            spans.setdefault(span, []).append(k)
    out: set[int] = set()
    for (a, b), marks in spans.items():
        if len(marks) < 2 and not any(key[k] in _DIALECT for k in marks):
            continue  # no dialect here
        for k in marks:
            if len(marks) > 1:
                out.add(k)  # a lone dialect word is still read itself ("Tôi chừ về" may be "chỉ")
            out.update(j for j in range(max(a, k - SPOKEN_REACH), min(b, k + SPOKEN_REACH + 1))
                       if j != k and key[j] is not None and lex.zipf(key[j]) >= SPOKEN_ZIPF)
    return frozenset(out)


# Old spellings: a syllable with the rhyme âu or ây that has a twin with au or ay, same onset and
# tone ("tầu"/"tàu", "giầu"/"giàu", "nầy"/"này", "dầy"/"dày"), where edited news all but never writes
# it (OLD_ZIPF) and writes the twin at least OLD_RATIO times as often: a spelling editors modernise,
# which writers use consistently, so neither the lexicon (which lists it) nor the rule's topic guard
# may hide it. Flagged where the counts find the twin likelier between the same neighbours by
# OLD_GAIN (natural log); a pair of distinct words ("lưu đầy" / "lưu đày", "sâu" / "sau") fails the
# frequency test and is left to the slips above.
OLD_ZIPF = 4.5
OLD_RATIO = 50
OLD_GAIN = 1.0
_OLD_RHYMES = {"âu": "au", "ây": "ay"}


def _old_pairs(lex: Lexicon, counts: Ngrams) -> dict[str, str]:
    """Each old spelling the lexicon knows with its modern twin (kept with the lexicon)."""
    got = lex.derived.get(_old_pairs)
    if got is None:
        got = {}
        for s in lex.syllables:
            plain, tone = strip_tone(s)
            onset, rhyme = split_onset(plain)
            twin = _OLD_RHYMES.get(rhyme)
            if twin is None:
                continue
            o = place_tone(onset + twin, tone)
            if (o in lex.syllables and lex.zipf(s) < OLD_ZIPF
                    and counts.unigram(o) >= OLD_RATIO * (counts.unigram(s) + 1)):
                got[s] = o
        lex.derived[_old_pairs] = got
    return got


def _context_at(sc: Scan, i: int, x: str, counts: Ngrams) -> float:
    """How likely syllable `x` is in run i's place (context_score's two logs summed)."""
    l, r = sc.neighbours(i)
    return sum(context_score(counts, l, x, r))


def _twin_scores(counts: Ngrams, l: str | None, a: str, twin: str, r: str | None) -> tuple[float, float] | None:
    """How likely `twin` (the other spelling of `a`) is between `l` and `r`, and how much likelier
    than `a`, as natural logs; None where the twin was never seen beside either neighbour: the
    counts cannot tell (typo.iy, and typo.realword's old spellings)."""
    if not ((l and counts.bigram(l, twin)) or (r and counts.bigram(twin, r))):
        return None
    score = sum(context_score(counts, l, twin, r))
    return score, score - sum(context_score(counts, l, a, r))


def _twin_runs(sc: Scan, tables: TypoTables) -> list[int]:
    """The ordinary runs whose syllable has a twin spelling, with i or y (typo.iy) or an old one
    with â (typo.realword): one pass over the text's syllables, made once for both rules (a pass
    costs ~20 ms on 3 MB, where the twins themselves are few)."""
    custom = tables.custom
    got = sc._twins.get(custom)
    if got is None:
        lex = tables.lex
        twins = lex.derived.get(_twin_runs)
        if twins is None:
            twins = lex.derived[_twin_runs] = frozenset(_iy_pairs(lex)) | frozenset(_old_pairs(lex, tables.counts))
        keys = sc.ordinary(custom)
        got = sc._twins[custom] = list(compress(range(len(keys)), map(twins.__contains__, keys)))
    return got


def _old_spellings(sc: Scan, keys: list[str | None], tables: TypoTables) -> list[tuple[int, tuple[str, float]]]:
    """(run index, (modern twin, its context score)) of each old spelling its context speaks
    against (see OLD_ZIPF)."""
    pairs, counts = _old_pairs(tables.lex, tables.counts), tables.counts
    out = []
    for i in _twin_runs(sc, tables):
        o = pairs.get(keys[i])
        if o is None:
            continue
        l, r = sc.neighbours(i)
        scores = _twin_scores(counts, l, keys[i], o, r)
        if scores is not None and scores[1] > OLD_GAIN:
            out.append((i, (o, scores[0])))
    return out


# --- misspelt expressions ---------------------------------------------------------------------

MISSPELLINGS = Path(__file__).resolve().parent.parent / "data" / "misspellings.txt"


@lru_cache(maxsize=1)
def _misspellings() -> dict[tuple[str, ...], tuple[str, ...]]:
    """checks/data/misspellings.txt: each written expression (normalized syllables) to its standard
    spelling, syllable by syllable."""
    out = {}
    for line in MISSPELLINGS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, _, standard = line.partition("|")
        w = tuple(normalize(x) for x in written.split())
        r = tuple(normalize(x) for x in standard.split())
        if len(w) == len(r):
            out[w] = r
    return out


@lru_cache(maxsize=1)
def _misspelling_starts() -> frozenset[tuple[str, str]]:
    return frozenset(w[:2] for w in _misspellings())


# How much more readily (share of the syllable's uses) the news writes a neighbour beside the syllable
# as written than beside the standard one before that neighbour speaks for the written reading.
KEEP_RATIO = 2.0


def _keeps(counts: Ngrams, neighbour: str, written: str, standard: str, left: bool) -> bool:
    """Whether `neighbour` (on the left or the right) goes with `written` KEEP_RATIO times more
    readily than with `standard`: "trước đó" 7,338 of 40,554 "trước", "chước đó" never; "mạng của"
    is no such case against "mạn của" ("lãng mạng của" is still read)."""
    seen = counts.bigram(neighbour, written) if left else counts.bigram(written, neighbour)
    other = counts.bigram(neighbour, standard) if left else counts.bigram(standard, neighbour)
    return seen * max(counts.unigram(standard), 1) >= KEEP_RATIO * (other + 0.5) * max(counts.unigram(written), 1)


def _misspelt_expressions(sc: Scan, keys: list[str | None], tables: TypoTables) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first, last differing run, their standard spelling) of each expression written as a common
    misspelling of it (checks/data/misspellings.txt), its syllables one space apart in ordinary
    prose, and not split by a word across its edges: its first syllable in no dictionary word with
    the one before, its last in none with the one after ("tài năng xuất sắc", "che dấu vết"), nor,
    where it differs from the standard spelling, beside a neighbour the news writes with it more
    often than with the standard one ("bị bắt trước đó", "ở mặt dù đã đội mũ")."""
    table = _misspellings()
    starts = _misspelling_starts()
    pair, linked, counts = tables.lex.pair, sc.linked, tables.counts
    n = len(keys)
    out = []
    # (the first two syllables are looked up first: most texts hold a start now and then, few a pair)
    for i in compress(range(n - 1), map(starts.__contains__, zip(keys, keys[1:]))):
        for size in (4, 3, 2):
            j = i + size
            if j > n or not all(linked[i + 1:j]):
                continue
            fixed = table.get(tuple(keys[i:j]))
            if fixed is None:
                continue
            before = keys[i - 1] if i and linked[i] else None
            after = keys[j] if j < n and linked[j] else None
            # A word across an edge leaves it ("tài năng | xuất sắc"); so does a neighbour the news
            # writes beside the syllable as written far more readily than beside the standard one,
            # where they differ: two words of their own ("bị bắt | trước đó", "ở mặt | dù", "sẽ không").
            if (before and (pair(before, keys[i]) == WORD or keys[i] != fixed[0]
                            and _keeps(counts, before, keys[i], fixed[0], left=True))) \
                    or (after and (pair(keys[j - 1], after) == WORD or keys[j - 1] != fixed[-1]
                                   and _keeps(counts, after, keys[j - 1], fixed[-1], left=False))):
                break
            differ = [k for k in range(size) if keys[i + k] != fixed[k]]
            out.append((i + differ[0], i + differ[-1], fixed[differ[0]:differ[-1] + 1]))
            break
    return out


def _phrases(keys: list[str | None], i: int) -> list[str]:
    out = []
    if i and keys[i - 1]:
        out.append(f"{keys[i - 1]} {keys[i]}")
    if i + 1 < len(keys) and keys[i + 1]:
        out.append(f"{keys[i]} {keys[i + 1]}")
    return out


# --- doubled words ---------------------------------------------------------------------------

# How often edited news must write the word after its left neighbour before a reduplication there
# that it never writes (under the counts' five) reads as the word typed twice: "sinh năm năm 1963",
# "tất cả cả mọi người", "mầm non non"; "chết từ từ", "đi vòng vòng" are not that common a start.
# A neighbour already in a word with its own left ("bà con | người người") is no such evidence.
TWICE_SEEN = 200
# The second copy of a reduplication starts the next word ("thời đại ngày | ngày nay") only where
# edited news writes that word this often: "xa xa | vọng lại" is no "xa vọng", a word in the
# dictionary that news never writes.
STARTS_NEXT_SEEN = 20
# A reduplication the news writes this often is a word of its own ("từ từ", "luôn luôn", "dần dần"),
# and its neighbour's count may be another sense's: "đi từ" is "go from", "đi từ từ" still "go slowly".
ESTABLISHED_REDUP = 150


# A number word that is also a unit of time: "năm năm" is "five years" ("trong vòng năm năm qua", "ba
# đến năm năm tới"), a slip only before a number ("sinh năm năm 1963").
_NUMBER_UNITS = frozenset(("năm",))


def _typed_twice(counts: Ngrams, lex: Lexicon, before2: str | None, before: str | None, x: str,
                 after: str | None) -> bool:
    """Whether the counts read "x x" after `before` as one word typed twice rather than a
    reduplication: the news writes `before x` often and never `before x x`, nor `x x after`, the
    reduplication is no established word (ESTABLISHED_REDUP), and `before` is not in a dictionary
    word with `before2`, the syllable before it."""
    if (before is None or counts.bigram(before, x) < TWICE_SEEN or counts.trigram(before, x, x)
            or counts.bigram(x, x) >= ESTABLISHED_REDUP or lex.pair(before2, before) == WORD):
        return False
    return after is None or not counts.trigram(x, x, after)


# How often edited news must write the three syllables with one copy ("cơ quan chức năng") before
# a doubling where each copy would complete a word ("quan chức | chức năng") is read as a slip.
ONE_PHRASE_SEEN = 20


def _one_phrase(counts: Ngrams, before: str | None, x: str, after: str | None) -> bool:
    """Whether the counts read `before x x after` as one phrase with a syllable typed twice: the
    news writes `before x after` often, and neither `before x x` nor `x x after` at all
    ("Trung tâm tâm Truyền hình"; "hành vi vi phạm", "kết hợp hợp tác" stay)."""
    return (before is not None and after is not None and counts.trigram(before, x, after) >= ONE_PHRASE_SEEN
            and not counts.trigram(before, x, x) and not counts.trigram(x, x, after))


@rule("typo.doubled", category="typo", severity="warning", prose_only=True, captions=True, fields=("title", "sapo", "body"))
def doubled(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Lặp từ (doubled word): the same word typed twice, "chuyên sâu hơn hơn" → "hơn".

    Reduplication is grammar and stays: "từ từ", "ngày ngày", "xa xa", except where edited news
    writes the syllable after its left neighbour hundreds of times and the reduplication there
    never ("sinh năm năm 1963", "tất cả cả mọi người"); "năm năm" is five years but before a number.
    Where each copy completes
    a word of its own ("phát triển triển lãm") the finding is only informational, unless the news
    writes the phrase with one copy often and the doubling never ("cơ quan chức chức năng").
    """
    tables = _tables(ctx)
    lex = tables.lex
    sc = scan(doc, tables)
    custom = tables.custom
    key, kind, linked, touches, raw = sc.key, sc.kind, sc.linked, sc.touches, sc.raw
    n = len(sc)
    for i in compress(range(1, n), map(eq, key, key[1:])):
        if not linked[i] or kind[i] != LOW or not sc.valid[i]:
            continue
        if kind[i - 1] not in (LOW, CAP) or (kind[i - 1] == CAP and not sc.opens(i - 1)):
            continue
        if touches[i] or touches[i - 1]:
            continue
        pair = key[i - 1] + " " + key[i]
        if pair in custom or key[i] in custom:
            continue
        if key[i] in _NUMBER_UNITS and sc.edge_after(i) != NUMBER:
            continue  # "trong vòng năm năm qua": five years; "sinh năm năm 1963" is the slip
        before = key[i - 2] if i > 1 and linked[i - 1] else None
        after = key[i + 1] if i + 1 < n and linked[i + 1] else None
        # Reduplication ("ngày ngày", "xa xa"), unless the second copy plainly starts the next word
        # ("thời đại ngày ngày nay"). The dictionaries' "là là" (hovering) is far rarer than "là"
        # typed twice.
        before2 = key[i - 3] if before is not None and i > 2 and linked[i - 2] else None
        if (key[i] in _REDUPLICATION or (pair in lex.redup and lex.zipf(key[i]) < FUNCTION_ZIPF)) and not (
                lex.pair(key[i], after) == WORD and lex.pair(before, key[i]) != WORD
                and tables.counts.bigram(key[i], after) >= STARTS_NEXT_SEEN) and not (
                _typed_twice(tables.counts, lex, before2, before, key[i], after)):
            continue
        after2 = key[i + 2] if after is not None and i + 2 < n and linked[i + 2] else None
        # Each copy may belong to a word of its own: "phát triển | triển lãm", or a free word
        # before another word, "sáng tạo | tạo | động lực". Say so, quietly.
        ambiguous = lex.pair(before, key[i]) == WORD and (
            lex.pair(key[i], after) == WORD or (lex.free(key[i]) and lex.pair(after, after2) == WORD)) and not (
            _one_phrase(tables.counts, before, key[i], after))
        yield Hit(*sc.span(i - 1, i), Message(N_("Doubled word “{word}”"), word=raw[i]),
                  suggestions=(raw[i - 1],), severity="info" if ambiguous else None)


# --- spelling with i or y --------------------------------------------------------------------

# How much likelier (natural log) edited news finds the other spelling between these neighbours
# before a consistent article hears of it ("lí do" → "lý do": ~e^3; "ti vi", "bác sĩ" stay).
IY_GAIN = 2.3


def _iy_other(key: str) -> str | None:
    """The same syllable spelt with y for i or i for y, where the rhyme is that vowel alone after an
    onset ("lí" ↔ "lý", "qui" ↔ "quy", "kỉ" ↔ "kỷ"); None elsewhere ("tai" and "tay" are two words)."""
    plain, tone = strip_tone(key)
    onset, rhyme = split_onset(plain)
    if not onset or rhyme not in ("i", "y"):
        return None
    return place_tone(onset + ("y" if rhyme == "i" else "i"), tone)


def _iy_pairs(lex: Lexicon) -> dict[str, str]:
    """Each known syllable with its other spelling, where that is known too (kept with the lexicon)."""
    got = lex.derived.get(_iy_pairs)
    if got is None:
        got = lex.derived[_iy_pairs] = {
            s: o for s in lex.syllables if (o := _iy_other(s)) is not None and o in lex.syllables}
    return got


@rule("typo.iy", category="typo", severity="warning", prose_only=True, captions=True, fields=("title", "sapo", "body"))
def iy(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Viết i hay y (spelling with i or y): "lí do" and "lý do", "kĩ thuật" and "kỹ thuật" are one
    word spelt two ways. Mixed in one article → warning, towards the spelling edited news uses
    between the same neighbours; used consistently where the news counts find the other spelling
    far likelier there (IY_GAIN) → information. Where the other spelling was never seen beside a
    neighbour, nothing is said ("ti vi", "bác sĩ" stay). A place's or a country's name has one
    spelling: "Hoa Kì", "Qui Nhơn" → warning, where edited news writes the other far more often
    (NAME_IY_SEEN); a person's given name is left as its bearer spells it.
    """
    tables = _tables(ctx)
    sc = scan(doc, tables)
    pairs, counts = _iy_pairs(tables.lex), tables.counts
    keys = sc.ordinary(tables.custom)
    gains: dict[tuple, float] = {}
    present = set(keys)  # the article's own prose: "Mỹ" the country is no spelling of "mĩ quan"
    for i in _twin_runs(sc, tables):
        a = keys[i]
        other = pairs.get(a)
        if other is None:
            continue
        l, r = sc.neighbours(i)
        gain = gains.get((l, a, r))
        if gain is None:  # contexts repeat: each is weighed once per text
            scores = _twin_scores(counts, l, a, other, r)
            gain = gains[l, a, r] = scores[1] if scores is not None else 0.0
        mixed = other in present
        if gain <= 0 or (gain <= IY_GAIN and not mixed):
            continue
        raw = sc.raw[i]
        fixed = _render(other, raw, ctx)
        message = (Message(N_("“{word}” and “{fixed}” are one word spelt two ways in this article"), word=raw, fixed=fixed)
                   if mixed else Message(N_("“{word}”: edited news writes “{fixed}” here"), word=raw, fixed=fixed))
        yield Hit(*sc.span(i), message, suggestions=(fixed,), severity=None if mixed else "info")
    yield from _name_iy(sc, ctx, tables, pairs)


# A place's name with a syllable spelt with i for y or y for i where edited news writes the name the
# other way this many times at least, and this many times as often ("Hoa Kì" → "Hoa Kỳ": 1,489 against
# 4): a place has one spelling. Only the names of places (_place_pairs): a person's name ("chị Mĩ
# Linh", "Lê Thị Mĩ") is left as its bearer spells it, and a name the article keeps writing one way
# only is its own (a business: "khách sạn Phú Quí").
NAME_IY_SEEN = 100
NAME_IY_RATIO = 50


# Countries and regions whose names have a syllable spelt with y, beside the administrative data's.
_COUNTRY_NAMES = ("Hoa Kỳ", "Thổ Nhĩ Kỳ", "Nam Mỹ", "Bắc Mỹ", "Trung Mỹ", "Mỹ Latinh")


def _place_pairs(lex: Lexicon) -> frozenset[tuple[str, str]]:
    """Every two syllables side by side in a place's name: provinces, cities, districts, wards
    (underthesea's administrative data) and _COUNTRY_NAMES, in lexicon keys; made on first use."""
    got = lex.derived.get(_place_pairs)
    if got is None:
        from bientap.checks.metadata import place_names  # the administrative data, read on first use

        out = set()
        for name in chain((" ".join(normalize(w) for w in n.split()) for n in (*place_names(), *_COUNTRY_NAMES)),
                          _admin_keys(lex)):
            keys = name.split()
            out.update(zip(keys, keys[1:]))
        got = lex.derived[_place_pairs] = frozenset(out)
    return got


def _name_iy(sc: Scan, ctx: Context, tables: TypoTables, pairs: dict[str, str]) -> Iterator[Hit]:
    """typo.iy for a capitalised syllable beside another in a place's name (see NAME_IY_SEEN)."""
    context, kind, linked = sc.context_keys(), sc.kind, sc.linked
    counts = tables.counts
    n = len(context)
    written: Counter | None = None
    for i in sc.capital_runs():
        a = context[i]
        other = pairs.get(a) if a is not None else None
        if other is None:
            continue
        sides = []
        if i and linked[i] and kind[i - 1] == CAP and context[i - 1] is not None and not sc.opens(i - 1):
            sides.append((context[i - 1], other, context[i - 1], a))  # "Hoa Kì"; "Ông Lí …" opens a sentence
        if i + 1 < n and linked[i + 1] and kind[i + 1] == CAP and context[i + 1] is not None:
            sides.append((other, context[i + 1], a, context[i + 1]))  # "Qui Nhơn"
        for x, y, wx, wy in sides:
            seen = counts.bigram(x, y)
            if seen < NAME_IY_SEEN or seen < NAME_IY_RATIO * counts.bigram(wx, wy) or (x, y) not in _place_pairs(tables.lex):
                continue  # a person's name is spelt as its bearer spells it ("chị Mĩ Linh")
            if written is None:  # the pairs of capitals the text writes, counted once
                caps = sc.capital_runs()
                written = Counter((context[k], context[k + 1]) for k in caps if k + 1 < n and linked[k + 1])
            if written[wx, wy] > 1 and not written[x, y]:
                break  # the article's own name, kept to ("khách sạn Phú Quí" six times)
            raw = sc.raw[i]
            fixed = _render(other, raw, ctx)
            yield Hit(*sc.span(i), Message(N_("“{word}”: edited news writes “{fixed}” here"), word=raw, fixed=fixed),
                      suggestions=(fixed,))
            break


# --- words glued together --------------------------------------------------------------------

def _case_breaks(word: str) -> list[int]:
    """Where a lower-case letter is followed by a capital inside `word` ("gọiQueensland": [3])."""
    return [j + 1 for j in range(len(word) - 1) if word[j].islower() and word[j + 1].isupper()]


@rule("typo.glued", category="typo", severity="warning", prose_only=True, captions=True, fields=("title", "sapo", "body"))
def glued(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Dính chữ (words glued together): a word that ends and the next, capitalised, that begins with
    no space between them, "tên gọiQueensland", "Đại học QuốcGia", "Đắk NôngLũ quét": a space lost
    when the text was typed or copied from a page.

    Only where the glued run holds a Vietnamese letter and every piece is two letters or more and
    one is a Vietnamese syllable: brand names written in capitals inside ("VinFast", "iPhone",
    "PetroVietnam") are plain ASCII and stay. Also a name glued to one of the commonest words after
    it, written with its marks ("Trumpvà", "Seoullà", "HCMvà" → "Trump và", "Seoul là", "HCM và").
    """
    tables = _tables(ctx)
    sc = scan(doc, tables)
    known = tables.lex.syllables
    raw, kind, touches = sc.raw, sc.kind, sc.touches
    for i in compress(range(len(sc)), map(OTHER.__eq__, kind)):
        word = raw[i]
        if touches[i] or word.isascii():
            continue
        breaks = _case_breaks(word)
        if not breaks:
            continue
        pieces = [word[a:b] for a, b in zip([0, *breaks], [*breaks, len(word)])]
        if min(map(len, pieces)) < 2 or not any(normalize(p.lower()) in known for p in pieces):
            continue
        yield _glued_hit(sc, i, " ".join(pieces))
    tails = _glued_tails(tables.lex)
    n = len(sc)
    for i in sc.capital_runs() + positions(kind, OTHER):
        if touches[i] or sc.known[i] or len(raw[i]) > GLUED_NAME_MAX or (
                kind[i] == CAP and not raw[i].isascii() and i + 1 < n and kind[i + 1] == LOW and sc.opens(i)):
            continue  # a marked capital opening a sentence is typo.nonword's to split ("Giangcũng nói")
        cut = _glued_tail(raw[i], tails, known)
        if cut:
            yield _glued_hit(sc, i, f"{raw[i][:cut]} {raw[i][cut:]}")


def _glued_hit(sc: Scan, i: int, fixed: str) -> Hit:
    """typo.glued's finding on run i, its words set apart as `fixed`."""
    return Hit(*sc.span(i), Message(N_("Words glued together: “{word}” → “{fixed}”"), word=sc.raw[i], fixed=fixed),
               suggestions=(fixed,))


# A name glued to the common word after it ("Trumpvà", "Seoullà", "Biệnchỉ", "HCMvà"): the word is one
# of edited news's commonest (GLUED_TAIL_ZIPF) and written with Vietnamese marks, which no foreign
# name ends with; what stands before it is a syllable or a word in Latin letters, three letters or more.
GLUED_TAIL_ZIPF = 6.0
GLUED_NAME_MAX = 36  # letters in all: a longer run is a code or a heading run together, read no further


def _glued_tails(lex: Lexicon) -> frozenset[str]:
    """The common marked words a name may be glued to (kept with the lexicon)."""
    got = lex.derived.get(_glued_tails)
    if got is None:
        got = lex.derived[_glued_tails] = frozenset(
            w for w in lex.syllables if not w.isascii() and len(w) >= 2 and lex.zipf(w) >= GLUED_TAIL_ZIPF)
    return got


def _glued_tail(word: str, tails: frozenset[str], known: frozenset[str]) -> int | None:
    """Where the common word glued to the end of `word` starts, else None (see GLUED_TAIL_ZIPF)."""
    for k in range(3, len(word) - 1):  # the longest tail first
        tail, head = word[k:], word[:k]
        if tail.islower() and normalize(tail) in tails and (
                head.isascii() and head.isalpha() or normalize(head.lower()) in known):
            return k
    return None


# --- names -----------------------------------------------------------------------------------

def _name_runs(sc: Scan) -> list[list[int]]:
    """Indices of runs of two or more capitalised syllables joined by single spaces."""
    if sc._runs is not None:
        return sc._runs
    runs: list[list[int]] = []
    run: list[int] = []
    linked = sc.linked
    names = [i for i in sc.capital_runs() if sc.valid[i] and not sc.touches[i]]
    for i in names + [-2]:
        if run and i == run[-1] + 1 and linked[i]:
            run.append(i)
            continue
        # "Ông Nguyễn Văn A" opening a sentence: the capital of "Ông" is the sentence's.
        if len(run) >= 3 and sc.key[run[0]] not in SURNAMES and sc.opens(run[0]):
            run = run[1:]
        if len(run) >= 2:
            runs.append(run)
        run = [i]
    sc._runs = runs
    return runs


@rule("typo.name_case", category="typo", severity="warning", prose_only=True, captions=True)
def name_case(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Tên riêng viết thường một tiếng: "Nguyễn Thanh bình" → "Bình".

    Flagged where a surname and a middle name ("Nguyễn Văn", "Trần Thị") are left without a given
    name, where a common given name follows a surname and middle name and pairs with nothing after
    it, or where the same name is written with that syllable capitalised elsewhere in the article.
    """
    tables = _tables(ctx)
    lex = tables.lex
    sc = scan(doc, tables)
    runs = _name_runs(sc)
    full = {tuple(sc.key[j] for j in run) for run in runs}
    prefixes: set[tuple[str, ...]] | None = None
    custom = tables.custom
    for run in runs:
        if sc.key[run[0]] not in SURNAMES or len(run) > 3:
            continue
        i = run[-1] + 1
        if i >= len(sc) or not sc.linked[i] or sc.kind[i] != LOW or not sc.valid[i] or sc.touches[i]:
            continue
        if sc.key[i] in custom:
            continue
        names = tuple(sc.key[j] for j in run) + (sc.key[i],)
        if prefixes is None:  # every beginning of a name written in full, for one lookup each
            # (as long as `names` can be: every beginning of a long run would be quadratic)
            prefixes = {f[:k] for f in full for k in range(1, min(len(f), 4) + 1)}
        written_full = names in prefixes
        middle, given = sc.key[run[1]], sc.key[i]
        after = sc.key[i + 1] if i + 1 < len(sc) and sc.linked[i + 1] else None
        lone_middle = len(run) == 2 and middle in _NAME_MIDDLES and lex.pair(middle, given) < WORD
        # "Nguyễn Thanh bình trao đổi": a given name that reads as a word only if it pairs with
        # nothing after it.
        given_name = (len(run) == 2 and middle in _MIDDLES and given in _GIVEN_NAMES
                      and lex.pair(given, after) == UNSEEN)
        if written_full or lone_middle or given_name:
            raw = sc.raw[i]
            fixed = raw[:1].upper() + raw[1:]
            yield Hit(*sc.span(i), Message(N_("Lower-case syllable in a name: “{word}” → “{fixed}”"), word=raw, fixed=fixed),
                      suggestions=(fixed,))


# A foreign name (a capitalised word in Latin letters, no Vietnamese syllable, this long at least)
# the article writes once, one keystroke (OSA distance) from one it writes more often, is a slip of
# it: "Stalingrrad", "Roamnia", "Vielott" beside "Stalingrad", "Romania", "Vietlott". Kept apart:
# names that differ in their first letter or their last two ("Kenji"/"Senji", "Gustaf"/"Gustav",
# "Hogwart"/"Hogwarts": families of names, declensions, plurals), and foreign words the lexicon knows.
# The spelling written more often may be a letter shorter where a letter was typed twice ("Harrry"
# beside "Harry"; "Pieter" beside "Peter" is another name).
FOREIGN_NAME_LEN = 6
FOREIGN_NAME_MAX = 30
_NEAR_NAMES_PER_KEY = 16


# A capitalised word in Latin letters the length of a foreign name, in the article's other fields.
_LATIN_NAME = re.compile(rf"(?<![^\W\d_])[A-Z][A-Za-z]{{{FOREIGN_NAME_LEN - 2},{FOREIGN_NAME_MAX - 1}}}(?![^\W\d_])")


def _foreign_name_slips(sc: Scan, tables: TypoTables, before: str = "") -> Iterator[tuple[int, str]]:
    """(run index, the spelling the article writes more often) for each foreign name written once
    one keystroke from another (see FOREIGN_NAME_LEN), counting the names of `before` too (the
    article's title and sapo, above the text checked). Names are matched by the deletions of one
    letter they share, so each costs the same however many names the article holds."""
    raw, known, touches = sc.raw, sc.known, sc.touches
    runs = [i for i in sc.capital_runs()
            if FOREIGN_NAME_LEN - 1 <= len(raw[i]) <= FOREIGN_NAME_MAX and raw[i].isascii() and raw[i].isalpha()
            and not known[i] and not touches[i]]
    if not runs:
        return
    above = _LATIN_NAME.findall(before) if before else []
    if len(runs) + len(above) < 2:
        return
    counts = Counter(w.lower() for w in chain((raw[i] for i in runs), above))  # names are written with their capital
    spelt: dict[str, str] = {}
    for w in chain((raw[i] for i in runs), above):
        spelt.setdefault(w.lower(), w)
    index: dict[str, list[str]] = defaultdict(list)
    for w in spelt:
        if counts[w] >= 2:
            for d in _with_one_deleted(w):
                index[d].append(w)
    if not index:
        return
    from rapidfuzz.distance import OSA  # only where an article writes foreign names more than once

    lex, custom = tables.lex, tables.custom
    for i in runs:
        low = raw[i].lower()
        if counts[low] != 1 or len(low) < FOREIGN_NAME_LEN or low in lex.foreign or low in custom:
            continue  # a slip of a name one letter shorter is read ("Harrry" beside "Harry")
        near = {w for d in _with_one_deleted(low) for w in index.get(d, ())[:_NEAR_NAMES_PER_KEY]
                if w[0] == low[0] and w[-2:] == low[-2:] and OSA.distance(low, w, score_cutoff=1) <= 1
                and (len(w) >= FOREIGN_NAME_LEN or _letter_typed_twice(low, w))}
        if near:
            yield i, spelt[min(near, key=lambda w: (-counts[w], w))]


def _letter_typed_twice(low: str, w: str) -> bool:
    """Whether `low` is `w` with one of its letters typed twice ("harrry", "messsi"): how a short
    name is misspelt, where one letter more or other is as often another name ("Pieter", "Peter")."""
    return len(low) == len(w) + 1 and any(low[k] == low[k + 1] and low[:k] + low[k + 1:] == w for k in range(len(w)))


def _with_one_deleted(word: str) -> set[str]:
    """`word` and every spelling of it with one letter left out: two words one keystroke apart
    share one of these (the index _foreign_name_slips matches names by)."""
    return {word, *(word[:k] + word[k + 1:] for k in range(len(word)))}


@rule("typo.name_variant", category="typo", severity="warning", prose_only=True, captions=True)
def name_variant(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Một tên viết hai cách (name spelled two ways): "Nguyễn Thanh Bình" and "Nguyễn Thanh Binh"
    in one article (its headline and sapo count); the less frequent spelling is flagged, the other
    suggested. A foreign name of six letters or more written once, a keystroke from one of six or
    more written more often (or of five, with a letter typed twice), is flagged too ("Stalingrrad"
    beside "Stalingrad", "Harrry" beside "Harry").

    Tone-mark placement alone ("Thanh Hoá" / "Thanh Hóa") is the unicode rules' business.
    """
    tables = _tables(ctx)
    sc = scan(doc, tables)
    groups: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple[str, ...], list[list[int]]] = defaultdict(list)
    for run in _name_runs(sc):
        keys = tuple(sc.key[j] for j in run)
        groups[fold(" ".join(keys))][keys] += 1
        where[keys].append(run)
    # The article's headline and sapo, above the text checked, count too ("in this article").
    before = {"sapo": ctx.title or "", "body": f"{ctx.title or ''}\n{ctx.sapo or ''}"}.get(doc.field, "")
    if before.strip() and groups:
        above = Scan(before, tables)
        for run in _name_runs(above):
            keys = tuple(above.key[j] for j in run)
            group = groups.get(fold(" ".join(keys)))
            if group is not None:
                group[keys] += 1
    custom = tables.custom
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        (main, main_n), *rest = spellings.most_common()
        for keys, count in rest:
            if count == main_n or " ".join(keys) in custom:
                continue
            for run in where.get(keys, ()):
                for j, got, want in zip(run, keys, main):
                    if got != want:
                        yield _two_ways(sc, j, _render(want, sc.raw[j], ctx))
    for i, fixed in _foreign_name_slips(sc, tables, before):
        yield _two_ways(sc, i, fixed)


def _two_ways(sc: Scan, i: int, fixed: str) -> Hit:
    """typo.name_variant's finding on run i, the spelling written more often `fixed`."""
    return Hit(*sc.span(i), Message(N_("Name spelled two ways in this article: “{word}” (elsewhere “{fixed}”)"),
                                    word=sc.raw[i], fixed=fixed), suggestions=(fixed,))
