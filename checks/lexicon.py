"""The Vietnamese word data the typo rules read: loaded once per process, on first use.

Built by benchmarks/build_lexicon.py from package text (Viet74K, underthesea's CRF features and
VLSP sample, wordfreq) into checks/data/vi_lexicon.pickle; keys use traditional tone placement.
"""

from __future__ import annotations

import pickle
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "vi_lexicon.pickle"

# Pair strengths: a word of the dictionary ("chuyển giao"), a phrase seen often, seen once or twice.
WORD, COMMON, SEEN, UNSEEN = 3, 2, 1, 0


class Lexicon:
    """Syllables, their frequencies and how they pair, with the lookups the rules need."""

    def __init__(self, data: dict) -> None:
        self.freq: dict[str, float] = data["freq"]
        self.syllables: frozenset[str] = frozenset(data["syllables"])
        self.foreign: frozenset[str] = frozenset(data["foreign"])
        self.redup: frozenset[str] = frozenset(data["redup"])
        self.standalone: dict[str, tuple[int, int]] = data["standalone"]
        self.modern: dict[str, str] = data["modern"]
        # One dict for every pair: its strength.
        pairs = {p: (COMMON if n >= 2 else SEEN) for p, n in data["bigrams"].items()}
        pairs.update(dict.fromkeys(data["compounds"], WORD))
        self.pairs: dict[str, int] = pairs
        self.bound_set = frozenset(s for s in self.standalone if self.bound(s))
        self.free_set = frozenset(s for s in self.standalone if self.free(s))

    @cached_property
    def canonical(self) -> dict[str, str]:
        """Each known syllable to the one string object the lexicon holds for it."""
        return {s: s for s in self.syllables}

    @cached_property
    def following(self) -> dict[str, dict[str, int]]:
        """The pairs again, by first syllable: `following[a][b]` is the strength of "a b". A text's
        pairs are looked up here without building a string for each (keys are `canonical`)."""
        canon = self.canonical
        out: dict[str, dict[str, int]] = {}
        for pair, strength in self.pairs.items():
            a, _, b = pair.partition(" ")
            if " " not in b:
                out.setdefault(canon.get(a, a), {})[canon.get(b, b)] = strength
        return out

    def pair(self, a: str | None, b: str | None) -> int:
        if a is None or b is None:
            return UNSEEN
        return self.pairs.get(a + " " + b, UNSEEN)

    def zipf(self, syllable: str) -> float:
        return self.freq.get(syllable, 0.0)

    def bound(self, syllable: str) -> bool:
        """A syllable that almost never stands alone as a word ("trọng" outside "quan trọng")."""
        alone, total = self.standalone.get(syllable, (0, 0))
        return total >= 8 and alone * 10 <= total

    def free(self, syllable: str) -> bool:
        alone, total = self.standalone.get(syllable, (0, 0))
        return total >= 8 and alone * 2 >= total


_installed: Lexicon | None = None


def lexicon() -> Lexicon:
    """The process's lexicon: the committed data, or one a benchmark installed."""
    return _installed or _committed()


@lru_cache(maxsize=1)
def _committed() -> Lexicon:
    with DATA.open("rb") as fh:
        return Lexicon(pickle.load(fh))


def install(lex: Lexicon | None) -> None:
    """Use `lex` instead of the committed data (None: back to it); for benchmarks that build
    their own. The typo rules' caches must be reset after: checks.rules.typo.reset_caches()."""
    global _installed
    _installed = lex
