"""Syllable n-gram counts from edited news prose: the context the real-word rule reads.

checks/data/vi_ngrams.bin is built by checks/data/build_ngrams.py (layout in its docstring) from a
2017 news corpus (checks/data/NOTICE names it). It holds only counts, pruned: bigrams seen at least
3 times, trigrams at least 5, over about 6,000 syllables and two edge tokens (a break, a number: see
EDGES) counted as neighbours where a stretch of prose ends. It is read once per process, on first use,
into sorted arrays (about 10 ms) and looked up by bisection, only for the few syllables a rule is
weighing.
"""

from __future__ import annotations

import struct
from math import exp, log
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from bientap.checks.vietnamese import CLUSTERS, MERGED_ONSETS, split_onset, strip_tone

DATA = Path(__file__).resolve().parent / "data" / "vi_ngrams.bin"
BITS = 14
# Edge tokens (build_ngrams.BREAK, NUMBER): what a stretch of prose meets at an end, counted as a
# neighbour: a break (punctuation, a line's end) or a number. "cơn bão." — "bão" ends clauses, "báo"
# seldom does; "tối 5/1" — "tối" stands before dates, "tội" hardly.
BREAK, NUMBER = "|", "0"
EDGES = frozenset((BREAK, NUMBER))


def edge_token(ch: str) -> str:
    """The edge token for the character a stretch of prose meets (one space passed over): a number,
    or any other break (punctuation, a line's end, another blank, the text's end: "")."""
    return NUMBER if ch.isdigit() else BREAK


class Ngrams:
    """Counts of syllables (`unigram`), of pairs (`bigram`) and of triples (`trigram`) by syllable."""

    def __init__(self, blob: bytes) -> None:
        if blob[:4] != b"VNG1":
            raise ValueError("not an n-gram file")
        vocab_len, n_vocab, n_bi, n_tri, self.tokens = struct.unpack_from("<5I", blob, 4)
        at = 24
        names = blob[at:at + vocab_len].decode("utf-8").split("\n")
        at += vocab_len
        self.ids: dict[str, int] = {s: i for i, s in enumerate(names) if i}
        self._names = names

        def take(code: str, n: int) -> array:
            nonlocal at
            arr = array(code)
            arr.frombytes(blob[at:at + n * arr.itemsize])
            at += n * arr.itemsize
            return arr

        self.counts = take("I", n_vocab)
        self._bkeys, self._bcounts = take("I", n_bi), take("H", n_bi)
        self._tkeys, self._tcounts = take("Q", n_tri), take("H", n_tri)
        # Where each first syllable's pairs and triples start in the sorted keys (a few ms to make):
        # a lookup bisects a syllable's few dozen entries instead of all 370,000, half the time of
        # the real-word rule's first pass over a text (tests/test_context_model.py ties it to a plain search).
        self._bstart = _starts(self._bkeys, n_vocab, BITS)
        self._tstart = _starts(self._tkeys, n_vocab, 2 * BITS)
        self._after: dict[str, frozenset[str]] = {}  # see after()

    def id(self, syllable: str | None) -> int:
        return self.ids.get(syllable, 0)  # None and "" are no syllable: 0

    def unigram(self, a: str | None) -> int:
        return self.counts[self.ids.get(a, 0)] if a else 0

    def bigram(self, a: str | None, b: str | None) -> int:
        ids = self.ids
        i, j = ids.get(a, 0), ids.get(b, 0)
        if not (i and j):
            return 0
        key, keys = i << BITS | j, self._bkeys
        hi = self._bstart[i + 1]
        at = bisect_left(keys, key, self._bstart[i], hi)
        return self._bcounts[at] if at < hi and keys[at] == key else 0

    def trigram(self, a: str | None, b: str | None, c: str | None) -> int:
        ids = self.ids
        i, j, k = ids.get(a, 0), ids.get(b, 0), ids.get(c, 0)
        if not (i and j and k):
            return 0
        key, keys = (i << BITS | j) << BITS | k, self._tkeys
        hi = self._tstart[i + 1]
        at = bisect_left(keys, key, self._tstart[i], hi)
        return self._tcounts[at] if at < hi and keys[at] == key else 0

    def after(self, a: str | None) -> frozenset[str]:
        """The syllables seen right after `a` (none when `a` is unknown). Made on first asking and
        kept (at most every pair once, a few MB): the real-word rule asks which of a syllable's
        dozens of near spellings follow a neighbour, one set intersection instead of a lookup each."""
        got = self._after.get(a)  # type: ignore[arg-type]
        if got is None:
            i = self.ids.get(a, 0)
            if not i:
                return frozenset()
            names, mask = self._names, (1 << BITS) - 1
            got = self._after[a] = frozenset(names[k & mask] for k in self._bkeys[self._bstart[i]:self._bstart[i + 1]])
        return got


def _starts(keys: array, n_vocab: int, shift: int) -> list[int]:
    """starts[i]: the first position in `keys` whose first syllable (key >> shift) is i or more;
    starts[n_vocab] is the end."""
    return [bisect_left(keys, i << shift) for i in range(n_vocab)] + [len(keys)]


@lru_cache(maxsize=1)
def ngrams() -> Ngrams:
    """The committed counts, loaded on first use."""
    return Ngrams(DATA.read_bytes())


# --- judging a syllable in its context ---------------------------------------------------------

# Weight of the syllable's own frequency in the smoothed pair probabilities (Dirichlet prior): a pair
# never seen is expected about MU * p(x) / (count(l) + MU) of the time, so an unseen pair tells
# little unless the neighbour is frequent.
MU = 100.0
# A pair missing from the pruned counts was seen up to twice: read it as seen once (and never more
# often than its two syllables would meet by chance), not as never.
PRUNED = 1.0
TRI_MU = 20.0
# A triple missing from the pruned counts may still have been seen a few times (see PRUNED).
TRI_PRUNED = 2.0
# A side of the context that has seen the syllable written or the variant may not make the variant
# less likely than this (natural log) if the variant is to be suggested.
SIDE_TOLERANCE = 2.5
# Where the variant makes a dictionary word with one neighbour, the other side is a word boundary:
# the side tolerance there is this many times wider (see `rank`'s `joins`).
BOUNDARY_TOLERANCE = 2.0
JOINS_LEFT, JOINS_RIGHT = 1, 2
# ... unless the written syllable's own pair with that neighbour is at least 1/ESTABLISHED as common
# as the word: then it is a phrase of its own ("chủ ý" beside "chú ý"), not a slip of the word.
ESTABLISHED = 100
# How much likelier in context (natural log) a variant must be than the syllable written, by how
# writers slip: tones heard alike (hỏi/ngã) and onsets whole dialects merge are the commonest real
# slips, so they need the least; a syllable merely a keystroke away ("edit") needs the most. A vowel
# mark or the stroke of đ left out ("dropped": Vietnamese keyboards type each as a keystroke of its
# own, Telex "aa", "ow", "dd") is as common in real corrected text as a tone slip, and as rarely a
# false alarm, so it costs as much as one rather than as much as another mark or final.
# A vowel pair shortened or lengthened (vietnamese.CLUSTERS: "cúi" for "cuối") makes real words
# of many that are right ("voi đực", "qua đừng"): it must be spoken for more loudly.
CLUSTER_COST = 7.5
SLIP_COST = {"hoi_nga": 2.5, "dropped": 4.0, "merger": 3.0, "tone": 4.0, "other": 5.0, "cluster": CLUSTER_COST,
             "edit": 8.0}
# A letter with its mark, and the letter typed when the mark's keystroke is left out (Telex "aa",
# "aw", "dd", ...; VNI "a6", "d9", ...).
_UNMARKED = {"â": "a", "ă": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}
# An edit of a syllable the context has seen beside a neighbour (`rank`'s `edits_both`): the context
# has spoken for what is written, so the edit must be seen beside both neighbours and pay more.
EDIT_SEEN_COST = 9.0


def slip_kind(a: str, v: str) -> str:
    """How `v` differs from `a`: hỏi/ngã only, another tone on the same letters, a mark left out (`a`
    is `v` without its vowel mark or the stroke of đ), a dialect merger of onsets (any tone), or
    something else (another mark, a final)."""
    (pa, ta), (pv, tv) = strip_tone(a), strip_tone(v)
    if pa == pv:
        return "hoi_nga" if {ta, tv} == {3, 4} else "tone"
    if ta == tv and len(pa) == len(pv):
        diff = [(x, y) for x, y in zip(pa, pv) if x != y]
        if all(_UNMARKED.get(y) == x for x, y in diff):  # "uo" for "ươ" is one keystroke left out
            return "dropped"
    (oa, ra), (ov, rv) = split_onset(pa), split_onset(pv)
    if oa == "g" and ra[:1] == "i":
        oa, ra = "gi", ra[1:] or "i"
    if ov == "g" and rv[:1] == "i":
        ov, rv = "gi", rv[1:] or "i"
    if ov in MERGED_ONSETS.get(oa, ()) and (ra == rv or (ra in ("", "i") and rv in ("", "i"))):
        return "merger"
    if oa == ov and ta == tv and any(ra.replace(full, short, 1) == rv or rv.replace(full, short, 1) == ra
                                     for full, short in CLUSTERS):
        return "cluster"
    return "other"


def _log_next(g: Ngrams, prev: str, x: str, seen: int | None = None) -> float:
    """log P(x | prev), smoothed towards P(x); `seen` is the count of the pair when the caller
    has it."""
    cx, cprev = g.unigram(x) + 0.5, g.unigram(prev)
    px = cx / g.tokens
    if seen is None:
        seen = g.bigram(prev, x)
    if not seen:
        seen = min(PRUNED, cprev * px)
    return log((seen + MU * px) / (cprev + MU))


def context_score(g: Ngrams, l: str | None, x: str, r: str | None, pairs: tuple[int, int] | None = None,
                  ) -> tuple[float, float]:
    """How likely `x` is between `l` and `r` (either may be None), as two natural logs up to constants
    shared by every candidate: P(x | l) from the left, P(r | l x) from the right (smoothed towards
    P(r | x) by `_log_tri`). `pairs`: the counts of (l, x) and (x, r) when the caller has looked them up."""
    lx, xr = pairs if pairs is not None else (None, None)
    left = _log_next(g, l, x, lx) if l else log((g.unigram(x) + 0.5) / g.tokens)
    right = 0.0
    if r:
        right = _log_next(g, x, r, xr)
        if l and l not in EDGES:  # no triple starts at an edge
            # Every candidate is read the same way, by _log_tri: a phrase of three missing from the
            # pruned counts was seen at most TRI_PRUNED times, however often its pair and its second
            # pair would have met ("bệnh viện người": the pair is common, the three are not).
            right = _log_tri(g, l, x, r, right, lx)
    return left, right


def known_context(g: Ngrams, l: str | None, r: str | None) -> tuple[bool, bool]:
    """Whether each neighbour is a syllable the counts know."""
    return bool(l and g.id(l)), bool(r and g.id(r))


def weighable_edits(g: Ngrams, l: str | None, r: str | None, edits, both: bool,
                    names=(False, False)) -> list[str]:
    """The `edits` rank weighs between neighbours `l` and `r` (a neighbour the counts do not know is
    none): those seen beside a neighbour; with `both`, those seen beside both, never beside a name.
    The typo rule sorts a syllable's near spellings out with it before it spells each of them out.
    An edge (EDGES) vouches for no edit: nearly every syllable was seen beside one."""
    if l in EDGES:
        l = None
    if r in EDGES:
        r = None
    after = g.after(l)
    right = bool(r and g.id(r))
    if both:
        if not (after and right) or names[0] or names[1] or after.isdisjoint(edits):
            return []
        return [e for e in edits if e in after and g.bigram(e, r)]
    if not right:
        return [] if after.isdisjoint(edits) else [e for e in edits if e in after]
    return [e for e in edits if e in after or g.bigram(e, r)]


# A syllable edited news sets after a break in under this share of its uses lives inside words
# ("nhiêu" of "bao nhiêu"): after a break, the break speaks for its variants too (see rank).
EDGE_RARE = 0.01


def rank(g: Ngrams, l: str | None, a: str, r: str | None, variants,
         bonus: dict[str, float] | None = None, edits=(), names=(False, False),
         edits_both: bool = False, joins: dict[str, int] | None = None, least: float = 0.0) -> list[tuple[float, str]]:
    """Variants of `a` that its context makes clearly likelier, as (gain, variant), best first; the
    gain is how much likelier (natural log) beyond what the kind of slip costs. Empty when the
    context is unknown, or when no variant was ever seen beside a neighbour: the counts then do
    not know, and say nothing. `bonus` adds evidence the counts lack, by variant (a dictionary word
    the variant makes with a neighbour). `edits` are other syllables a keystroke away ("lú" for
    "lúc"), weighed at the cost of an edit: the context must speak for them louder still. `names`
    says which neighbour (left, right) is part of a name: a name may speak for the syllable written
    ("tỉnh Bà Rịa"), but for a variant no more than no neighbour would, since what stands beside a
    name in the news says little of what stands beside it here ("thằng Thuyết" is no "thắng").
    `edits_both`: an edit is weighed only when both neighbours were seen beside it (the syllable
    written was seen beside one of them, so one side alone does not outweigh that). `joins` says, by
    variant, which neighbour it makes a dictionary word with (JOINS_LEFT, JOINS_RIGHT): the other side
    is then a word boundary, where a pair rarer than the written syllable's speaks less against it:
    BOUNDARY_TOLERANCE times the side tolerance ("dịch | đề nghị": "dịch để" is the commoner pair,
    "đề nghị" the word). A neighbour may be an edge (EDGES: a break or a number): it speaks against a
    variant that seldom stands there ("trước cơn bão." is no "báo"), never for one, since the commonest
    words are what starts and ends clauses most. `least`: the lowest gain kept (below 0, the near
    misses a caller weighs further with a wider context)."""
    kl, kr = known_context(g, l, r)
    if not (kl or kr):
        return []
    l, r = (l if kl else None), (r if kr else None)
    l_edge, r_edge = l in EDGES, r in EDGES
    if l and r and l not in EDGES and r not in EDGES and g.trigram(l, a, r):
        return []  # the very phrase is in edited prose
    edits = weighable_edits(g, l, r, edits, edits_both, names)
    # Each pair is looked up once here and handed to context_score; on the left only those the
    # set of l's followers holds (most variants never follow l).
    after_l = g.after(l)
    la, ar = g.bigram(l, a) if a in after_l else 0, g.bigram(a, r) if r else 0
    base_l, base_r = context_score(g, l, a, r, (la, ar))
    a_left, a_right = bool(la), bool(ar)
    out = []
    kinds = [(v, None) for v in variants] + [(v, "edit") for v in edits]
    for v, kind in kinds:
        lv, vr = g.bigram(l, v) if v in after_l else 0, g.bigram(v, r) if r else 0
        v_left, v_right = bool(lv), bool(vr)
        if not ((v_left and not l_edge) or (v_right and not r_edge)):
            continue  # never seen beside a neighbour (an edge, beside which nearly all were seen, is none)
        left, right = context_score(g, l, v, r, (lv, vr))
        gl, gr = left - base_l, right - base_r
        if names[0]:  # no more than the variant's own frequency would say with no left neighbour
            gl = min(gl, log((g.unigram(v) + 0.5) / (g.unigram(a) + 0.5)))
        if names[1]:
            gr = min(gr, 0.0)
        # An edge speaks against a variant, never for it: what starts or ends a clause in the news
        # is mostly the commonest words, so its voice for the commoner variant is the prior again.
        # Only a break before a syllable that all but never opens a clause (EDGE_RARE) speaks
        # fully: "Nhiêu người …" opening a sentence is "Nhiều", whose "bao" is missing.
        if l_edge:  # no more than the frequencies say with no left context
            if not (l == BREAK and la + 0.5 < EDGE_RARE * (g.unigram(a) + 1)):
                gl = min(gl, log((g.unigram(v) + 0.5) / (g.unigram(a) + 0.5)))
        if r_edge:
            gr = min(gr, 0.0)
        # Evidence from both sides: a side that has seen either must not speak much against the
        # variant, however loudly the other speaks for it.
        joined = joins.get(v, 0) if joins else 0
        # Only a word the written syllable is a slip of: its own pair there no established phrase.
        if joined & JOINS_RIGHT and (not r or ar * ESTABLISHED > vr):
            joined &= ~JOINS_RIGHT
        if joined & JOINS_LEFT and (not l or la * ESTABLISHED > lv):
            joined &= ~JOINS_LEFT
        if (gl < -SIDE_TOLERANCE * (BOUNDARY_TOLERANCE if joined & JOINS_RIGHT else 1) and (a_left or v_left)) or (
                gr < -SIDE_TOLERANCE * (BOUNDARY_TOLERANCE if joined & JOINS_LEFT else 1) and (a_right or v_right)):
            continue
        cost = (EDIT_SEEN_COST if edits_both else SLIP_COST[kind]) if kind else SLIP_COST[slip_kind(a, v)]
        gain = gl + gr - cost + (bonus.get(v, 0.0) if bonus else 0.0)
        if gain > least:
            out.append((gain, v))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


def _log_tri(g: Ngrams, a: str, b: str, x: str, back: float, ab: int | None = None) -> float:
    """log P(x | a b), smoothed towards `back` = log P(x | b); `ab`: the count of (a, b) when the
    caller has it. Where (a, b) was never seen, `back` itself."""
    if ab is None:
        ab = g.bigram(a, b)
    p = exp(back)
    tri = g.trigram(a, b, x) or min(TRI_PRUNED, ab * p)
    return log((tri + TRI_MU * p) / (ab + TRI_MU))


def wider(g: Ngrams, l2: str | None, l: str | None, a: str, v: str, r: str | None, r2: str | None) -> float:
    """How much likelier (natural log) the syllables beyond the neighbours make `v` than `a`, over what
    context_score says between `l` and `r`: P(x | l2 l) in place of P(x | l), and P(r2 | x r). A side
    speaks only where edited news has the phrase of three with one of them: that a phrase is missing
    from the pruned counts alone says little."""
    out = 0.0
    if l2 and l and (g.trigram(l2, l, a) or g.trigram(l2, l, v)):
        for x, sign in ((v, 1), (a, -1)):
            back = _log_next(g, l, x)
            out += sign * (_log_tri(g, l2, l, x, back) - back)
    if r and r2 and (g.trigram(a, r, r2) or g.trigram(v, r, r2)):
        back = _log_next(g, r, r2)
        out += _log_tri(g, v, r, r2, back) - _log_tri(g, a, r, r2, back)
    return out
