"""Build checks/data/vi_lexicon.txt, the word data the typo rules read, from package text only.

Sources (all shipped in installed wheels, read by path; nothing is downloaded):
- underthesea's Viet74K word list: multi-syllable entries give known syllable pairs ("chuyển giao");
  "x x" entries are reduplications ("từ từ").
- the syllable bigrams kept as features in underthesea's two CRF models (trained on VLSP-2013).
- the first half of the VLSP-2013 sample text under the POS model folder (the second half is kept
  out for benchmarks/typo_eval.py): syllable pair counts, and how often a syllable stands alone as
  a word ("trong") rather than inside one ("quan trọng").
- wordfreq's Vietnamese syllable frequencies; its non-Vietnamese entries and the commonest English
  words form the foreign-word list.

    python checks/data/build_lexicon.py        # same package versions → same bytes

The file is plain text (format in checks/lexicon.py), sorted, one entry a line: a rebuild's diff
shows exactly which syllables and pairs came and went.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from pathlib import Path

from bientap.checks.lexicon import DATA as OUT, FORMAT, SECTIONS
from bientap.checks.text import fold
from bientap.checks.vietnamese import confusions, is_structural, normalize

ROOT = Path(__file__).resolve().parents[2]


def underthesea_dir() -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("underthesea is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def vlsp_raw_sentences() -> list[list[str]]:
    """Sentences of the VLSP-2013 sample, each a list of segmented words ("quan trọng")."""
    path = underthesea_dir() / "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sentences.append(words)
                words = []
            continue
        words.append(line.split("\t")[0])
    return sentences


def vlsp_halves() -> tuple[list[list[str]], list[list[str]]]:
    """(tune, held-out): the first and second half of the sample, in document order."""
    sents = vlsp_raw_sentences()
    half = len(sents) // 2
    return sents[:half], sents[half:]


def syllable_key(token: str) -> str | None:
    key = normalize(unicodedata.normalize("NFC", token))
    return key if is_structural(key) else None


def viet74k_lines() -> list[str]:
    path = underthesea_dir() / "corpus/data/Viet74K.txt"
    return [unicodedata.normalize("NFC", line) for line in path.read_text(encoding="utf-8").splitlines()]


def viet74k_entries() -> list[list[str]]:
    out = []
    for line in viet74k_lines():
        keys = [syllable_key(s) for s in line.split()]
        if keys and all(keys):
            out.append(keys)
    return out


def crf_pairs() -> set[str]:
    """Syllable pairs the CRF models kept as features (word-internal and across words)."""
    pairs: set[str] = set()
    models = underthesea_dir() / "pipeline"
    pattern = re.compile(rb"T\[(?:-1,0|0,1|1,2|-2,-1)\](?:\.lower)?=([^\x00]+)\x00")
    for path in (models / "word_tokenize/models/ws_crf_vlsp2013_20230727/models.bin",
                 models / "pos_tag/models/pos_crf_vlsp2013_20230303/models.bin"):
        for m in pattern.finditer(path.read_bytes()):
            try:
                keys = [syllable_key(s) for s in m.group(1).decode("utf-8").split()]
            except UnicodeDecodeError:
                continue
            for a, b in zip(keys, keys[1:]):
                if a and b:
                    pairs.add(a + " " + b)
    return pairs


def build(text_sentences: list[list[str]] | None = None) -> dict:
    """The lexicon; `text_sentences` (segmented) default to the tune half of the VLSP sample."""
    import wordfreq

    freq: dict[str, float] = {}
    foreign: set[str] = set()
    entries = viet74k_entries()
    # Vietnamese typed without its marks ("hoc" for "học") is not a foreign word.
    unmarked = {fold(k) for keys in entries for k in keys}
    for word in wordfreq.iter_wordlist("vi"):
        if not word.isalpha():
            continue
        key = syllable_key(word)
        zipf = wordfreq.zipf_frequency(word, "vi")
        if key:
            freq[key] = max(freq.get(key, 0.0), zipf)
        elif len(word) > 1 and word not in unmarked and word.isascii():
            # Its marked entries that fail the syllable rules are misspellings ("đươc"), not loans.
            foreign.add(word)
    for i, word in enumerate(wordfreq.iter_wordlist("en")):
        if i >= 30000:
            break
        # "top", "set", "chip" are common English; "hoc", "mot", "dat" are unmarked Vietnamese.
        if word.isascii() and word.isalpha() and len(word) > 1 and (
                word not in unmarked or wordfreq.zipf_frequency(word, "en") >= 4.5):
            foreign.add(word)

    # Loanwords the dictionary spells as one word ("lôgic", "ôtô") are foreign words, not slips.
    for line in viet74k_lines():
        word = line.strip().lower()
        if word.isalpha() and not syllable_key(word):
            foreign.add(word)

    compounds: set[str] = set()
    phrases: set[str] = set()
    redup: set[str] = set()
    syllables: set[str] = set(freq)
    for keys in entries:
        syllables.update(keys)
        if len(keys) == 2 and keys[0] == keys[1]:
            redup.add(" ".join(keys))
        # Idioms of four syllables or more ("của nhà trồng được") hold phrases, not words.
        target = compounds if len(keys) <= 3 else phrases
        for a, b in zip(keys, keys[1:]):
            if a != b:
                target.add(a + " " + b)

    tune = vlsp_halves()[0] if text_sentences is None else text_sentences
    bigrams: Counter = Counter(dict.fromkeys(crf_pairs() | (phrases - compounds), 1))
    alone: Counter = Counter()
    inside: Counter = Counter()
    for words in tune:
        prev = None
        for word in words:
            keys = [syllable_key(s) for s in word.split()]
            if not all(keys):
                prev = None
                continue
            syllables.update(keys)
            if len(keys) == 1:
                alone[keys[0]] += 1
            else:
                for k in keys:
                    inside[k] += 1
                if len(keys) == 2 and keys[0] == keys[1]:
                    redup.add(" ".join(keys))
                if len(keys) <= 3:  # longer "words" are titles and names of documents
                    compounds.update(a + " " + b for a, b in zip(keys, keys[1:]) if a != b)
            if prev:
                bigrams[prev + " " + keys[0]] += 1
            for a, b in zip(keys, keys[1:]):
                bigrams[a + " " + b] += 1
            prev = keys[-1]

    # Dictionary pairs never seen in text whose one-slip variant is a dictionary pair common in text
    # are slips of the dictionary itself (Viet74K spells "có vấn để").
    for pair in sorted(compounds):
        if bigrams.get(pair):
            continue
        a, b = pair.split(" ")
        variants = [v + " " + b for v in confusions(a)] + [a + " " + v for v in confusions(b)]
        if any(v in compounds and bigrams.get(v, 0) >= 2 for v in variants):
            compounds.discard(pair)

    standalone = {s: (alone[s], alone[s] + inside[s]) for s in set(alone) | set(inside)}
    return {
        "format": FORMAT,
        "freq": dict(sorted(freq.items())),
        "syllables": sorted(syllables),
        "compounds": sorted(compounds),
        "bigrams": dict(sorted(bigrams.items())),
        "standalone": dict(sorted(standalone.items())),
        "redup": sorted(redup),
        "foreign": sorted(foreign),
        # Syllables the modern placement spells differently ("hòa" → "hoà").
        "modern": {k: normalize(k, True) for k in sorted(syllables) if normalize(k, True) != k},
    }


def to_text(data: dict) -> str:
    """The lexicon as checks.lexicon.read_text reads it back."""
    lines = ["# Vietnamese word data of bientap's typo rules: written by checks/data/build_lexicon.py,",
             "# read by checks/lexicon.py (the format is described there). Rebuild rather than edit.",
             f"[format]\n{data['format']}"]
    for name, fields in SECTIONS.items():
        lines.append(f"[{name}]")
        values = data[name]
        if fields == 1:
            lines.extend(values)
        elif name == "standalone":
            lines.extend(f"{k}\t{alone}\t{total}" for k, (alone, total) in values.items())
        else:
            lines.extend(f"{k}\t{v}" for k, v in values.items())
    return "\n".join(lines) + "\n"


def main() -> None:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(to_text(data), encoding="utf-8", newline="\n")
    sizes = {k: len(v) for k, v in data.items() if k != "format"}
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.2f} MB): {sizes}")


if __name__ == "__main__":
    main()
