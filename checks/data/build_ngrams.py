"""Build checks/data/vi_ngrams.bin: pruned syllable n-gram counts the typo rules read as context.

    python checks/data/build_ngrams.py [CORPUS] [--min-bigram 3] [--min-trigram 5]

CORPUS is the 2017 Vietnamese news corpus (JSON Lines, xz; `id` and `text` a line), by default
../shared/data/corpus-news/vn_news_2017.jsonl.xz beside the checkout. Each line of each article is
cut at anything that is not a single space between letter runs (sentence punctuation, commas,
quotes, digits), so an n-gram is only ever counted across one space, the way the rules read text;
what a stretch meets at either end is counted beside it as an edge token (BREAK, or NUMBER for a
digit), one space passed over, so that a break or a number is context as well.
Syllables are lower-cased, NFC and given one tone-mark placement (checks.vietnamese.normalize);
only Vietnamese spellings (is_structural) enter the counts, anything else breaks the run.

Articles whose id is a multiple of HOLDOUT_MOD are never counted: benchmarks/typo_domains.py measures
false alarms on them (`held_out`). Only counts are written, pruned (bigrams seen at least
--min-bigram times, trigrams --min-trigram), so no text can be rebuilt from them; NOTICE beside the
data names the source.

File layout (little-endian; see checks/ngrams.py, which reads it):
    b"VNG1", then uint32 each: vocabulary bytes, syllables, bigrams, trigrams, corpus tokens
    the vocabulary: syllables by id, "\\n"-joined UTF-8 (id 0 is unused)
    uint32 unigram count per syllable id
    uint32 bigram keys (id1 << 14 | id2), sorted; uint16 counts (capped at 65535)
    uint64 trigram keys (id1 << 28 | id2 << 14 | id3), sorted; uint16 counts
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import struct
import sys
import time
from array import array
from collections import Counter
from itertools import repeat
from operator import lshift, or_
from pathlib import Path

# Edge tokens (BREAK, NUMBER: what a stretch meets at either end) are counted as if each were a
# syllable beside it, so that a break or a number is context too; the rules read them as ngrams does.
from bientap.checks.ngrams import BREAK, NUMBER, edge_token
from bientap.checks.vietnamese import is_structural, normalize

HERE = Path(__file__).resolve().parent

CORPUS = HERE.parents[2] / "shared" / "data" / "corpus-news" / "vn_news_2017.jsonl.xz"
OUT = HERE / "vi_ngrams.bin"
HOLDOUT_MOD = 10
BITS = 14
MAX_VOCAB = (1 << BITS) - 1
# Runs of letter words joined by single spaces: the stretches whose neighbours are real neighbours.
_STRETCH = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def held_out(article_id: str) -> bool:
    """Articles kept out of the counts, to measure on."""
    digits = re.sub(r"\D", "", article_id)
    return bool(digits) and int(digits) % HOLDOUT_MOD == 0


def articles(path: Path, keep_held_out: bool = False):
    """(id, text) of each article of the corpus; the held-out ones only when asked."""
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if held_out(str(record["id"])) == keep_held_out:
                yield str(record["id"]), record["text"]


def stretches(text: str):
    """(keys, left edge, right edge) of each stretch: lists of normalized syllables (None for a run
    that is no Vietnamese spelling), and the edge tokens for what stands before and after it (one
    space passed over)."""
    cache: dict[str, str | None] = _KEYS
    for m in _STRETCH.finditer(text):
        words = m.group().lower().split(" ")
        keys = []
        for w in words:
            k = cache.get(w, False)
            if k is False:
                k = normalize(w)
                k = cache[w] = k if is_structural(k) else None
            keys.append(k)
        start, end = m.span()
        before = text[max(0, start - 2):start]
        before = before[:1] if before[-1:] == " " else before[-1:]
        after = text[end:end + 2]
        after = after[1:] if after[:1] == " " else after[:1]
        yield keys, edge_token(before[-1:]), edge_token(after[:1])


_KEYS: dict[str, str | None] = {}


def count(path: Path, limit: int | None = None) -> tuple[Counter, Counter, Counter, int, dict[int, str]]:
    uni: Counter = Counter()
    ids: dict[str, int] = {}
    bi: Counter = Counter()
    tri: Counter = Counter()
    tokens = 0
    edges: Counter = Counter()
    edge_id = {BREAK: 1, NUMBER: 2}
    ids.update(edge_id)
    for n, (_, text) in enumerate(articles(path)):
        if limit and n >= limit:
            break
        for keys, left, right in stretches(text):
            # Split again at non-Vietnamese runs; only the stretch's own ends meet an edge.
            last = len(keys) - 1
            at = 0
            while at <= last:
                if keys[at] is None:
                    at += 1
                    continue
                stop = at
                while stop < last and keys[stop + 1] is not None:
                    stop += 1
                run = []
                for k in keys[at:stop + 1]:
                    i = ids.get(k)
                    if i is None:
                        i = ids[k] = len(ids) + 1
                    run.append(i)
                tokens += len(run)
                uni.update(run)
                seq = run
                if at == 0:
                    seq = [edge_id[left]] + seq
                    edges[left] += 1
                if stop == last:
                    seq = seq + [edge_id[right]]
                    edges[right] += 1
                if len(seq) > 1:
                    b = list(map(or_, map(lshift, seq[:-1], repeat(BITS)), seq[1:]))
                    bi.update(b)
                    if len(seq) > 2:
                        # None from the left edge: the rules read a triple only as P(r | l x) with l
                        # a syllable (an edge on the left speaks through its pair alone).
                        tri.update(map(or_, map(lshift, b[1:-1] if at == 0 else b[:-1], repeat(BITS)),
                                       seq[3:] if at == 0 else seq[2:]))
                at = stop + 1
    # An edge token's count: how many stretches meet one on a side (each has two sides).
    for e, i in edge_id.items():
        uni[i] = (edges[e] + 1) // 2
    names = {i: k for k, i in ids.items()}
    return Counter({names[i]: c for i, c in uni.items()}), bi, tri, tokens, names


def build(path: Path, min_bigram: int, min_trigram: int, min_unigram: int, limit: int | None,
          out_path: Path = OUT) -> None:
    t = time.time()
    uni, bi, tri, tokens, names = count(path, limit)
    print(f"counted {tokens:,} tokens, {len(uni):,} syllables, {len(bi):,} bigrams, {len(tri):,} trigrams "
          f"in {time.time() - t:.0f}s")
    # The vocabulary: syllables seen min_unigram times, most frequent first, at most MAX_VOCAB.
    vocab = [s for s, c in uni.most_common(MAX_VOCAB) if c >= min_unigram]
    new_id = {s: i for i, s in enumerate(vocab, 1)}
    old_to_new = {old: new_id.get(s, 0) for old, s in names.items()}
    mask = (1 << BITS) - 1

    def remap(counter: Counter, minimum: int, width: int) -> tuple[array, array]:
        keys, counts = [], []
        for key, c in counter.items():
            if c < minimum:
                continue
            parts = [(key >> (BITS * j)) & mask for j in range(width)]
            new = [old_to_new[p] for p in parts]
            if 0 in new:
                continue
            k = 0
            for p in reversed(new):
                k = (k << BITS) | p
            keys.append(k)
            counts.append(min(c, 65535))
        order = sorted(range(len(keys)), key=keys.__getitem__)
        return array("Q", [keys[i] for i in order]), array("H", [counts[i] for i in order])

    bkeys, bcounts = remap(bi, min_bigram, 2)
    tkeys, tcounts = remap(tri, min_trigram, 3)
    vocab_bytes = "\n".join([""] + vocab).encode("utf-8")
    unigrams = array("I", [0] + [min(uni[s], 2**32 - 1) for s in vocab])
    bkeys32 = array("I", bkeys)
    with out_path.open("wb") as out:
        out.write(b"VNG1" + struct.pack("<5I", len(vocab_bytes), len(vocab) + 1, len(bkeys32), len(tkeys), tokens))
        out.write(vocab_bytes)
        for arr in (unigrams, bkeys32, bcounts, tkeys, tcounts):
            if sys.byteorder != "little":
                arr.byteswap()
            out.write(arr.tobytes())
    print(f"wrote {out_path.name}: {len(vocab):,} syllables, {len(bkeys32):,} bigrams (>= {min_bigram}), "
          f"{len(tkeys):,} trigrams (>= {min_trigram}); {out_path.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--min-unigram", type=int, default=3)
    parser.add_argument("--min-bigram", type=int, default=3)
    parser.add_argument("--min-trigram", type=int, default=5)
    parser.add_argument("--limit", type=int, help="count only this many articles (a quick try)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: the shipped file)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        parser.error(f"no such file: {args.corpus}")
    build(args.corpus, args.min_bigram, args.min_trigram, args.min_unigram, args.limit, args.out)


if __name__ == "__main__":
    main()
