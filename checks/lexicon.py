"""The Vietnamese word data the typo rules read: loaded once per process, on first use.

Built by checks/data/build_lexicon.py from package text (Viet74K, underthesea's CRF features and
VLSP sample, wordfreq) into checks/data/vi_lexicon.txt; keys use traditional tone placement.

The file is UTF-8 text that diffs line by line and is read without executing anything: lines
starting with "#" are comments, "[name]" opens a section, then one entry a line, its fields
separated by a tab:

    [freq]        syllable, Zipf frequency          a	5.65
    [syllables]   every known syllable              chuyển
    [compounds]   syllable pairs of dictionary words  chuyển giao
    [bigrams]     pair, times seen in text          chuyển giao	12
    [standalone]  syllable, alone, total            trong	40	52
    [redup]       reduplications                    từ từ
    [foreign]     foreign words                     chip
    [modern]      syllable, modern tone placement   hòa	hoà
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "vi_lexicon.txt"
FORMAT = 1
# Each section and its number of fields a line.
SECTIONS = {"freq": 2, "syllables": 1, "compounds": 1, "bigrams": 2, "standalone": 3, "redup": 1,
            "foreign": 1, "modern": 2}

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
        # Indexes the rules build from this data, by the function that builds them (the typo
        # rules' one-edit index): kept as long as the lexicon, shared by every checker reading it.
        self.derived: dict = {}

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


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The committed word data, read once per process. A checker built with a lexicon of its own
    (`Checker(lexicon=...)`, as benchmarks/typo_eval.py --split dev does) reads that one instead."""
    return Lexicon(read_text(DATA.read_text(encoding="utf-8")))


class LexiconError(ValueError):
    """Word data that is not in the format this version reads."""


def read_text(text: str) -> dict:
    """The sections of a lexicon file (see the module docstring) as the dict Lexicon takes.

    Whole sections are split at once (a line-by-line loop took twice as long as unpickling)."""
    sections: dict[str, list[str]] = {}
    for block in text.split("\n[")[1:]:
        name, _, body = block.partition("]\n")
        sections[name] = body.split("\n")[:-1] if body.endswith("\n") else body.split("\n")
    if sections.get("format") != [str(FORMAT)] or not set(SECTIONS) <= set(sections):
        raise LexiconError(f"{DATA.name}: not lexicon format {FORMAT}")
    data: dict = {"format": FORMAT}
    for name, width in SECTIONS.items():
        lines = sections[name]
        if width == 1:
            data[name] = lines
            continue
        fields = "\t".join(lines).split("\t")
        if len(fields) != width * len(lines):
            raise LexiconError(f"{DATA.name}: [{name}] wants {width} fields a line")
        keys = fields[0::width]
        if name == "freq":
            data[name] = dict(zip(keys, map(float, fields[1::2])))
        elif name == "bigrams":
            data[name] = dict(zip(keys, map(int, fields[1::2])))
        elif name == "standalone":
            data[name] = dict(zip(keys, zip(map(int, fields[1::3]), map(int, fields[2::3]))))
        else:
            data[name] = dict(zip(keys, fields[1::2]))
    return data

