"""Typo rules on real development data, by domain: the figures to tune on and to report.

Every row is DEVELOPMENT data: the organisers measure on other documents and pages kept apart.

- viwiki-dev: real mistakes writers made and others corrected (Viwiki-Spelling, 59 Wikipedia
  documents): recall, first suggestion right, other flags per 1,000 words (typo warnings on no
  labelled mistake; unlabelled real mistakes remain, so this over-counts false alarms somewhat).
- pages-dev: the `body` lines of 40 real news pages (provincial portals, newspapers): false alarms
  per 1,000 words on them as published, then recall on slips injected into them.
- news held out, by topic: articles of the 2017 news corpus that checks/data/build_ngrams.py keeps
  out of the counts (id a multiple of 10), sorted into topics by keywords of their title (traffic,
  courts, family, economy, other): false alarms on them as published, recall on injected slips.
- VLSP held-out half (secondary): the synthetic-free legal/political prose benchmarks/typo_eval.py
  measures; it is the domain the rules were first tuned on, so it is the least telling row.

False alarms are typo, spacing and unicode findings of warning or error severity (the typo-rule part
in brackets, then `typo.realword` alone). Slips are injected as benchmarks/typo_eval.py does (one per
sentence at most: non-word, tone, vowel mark, onset, final, missing tone, doubled word, missing
space); recall counts a slip found when a typo finding overlaps it.

With --shapes, the typo false alarms of each domain are also counted by rule and by the shape of
their context (a number or a name beside the word, a break before or after it, a title-case line,
or plain prose), to find the causes that recur across domains.

    python benchmarks/typo_domains.py [--seeds 3] [--show 5] [--only viwiki,pages,news,vlsp] [--shapes]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "checks" / "data"))

from build_ngrams import CORPUS, articles  # noqa: E402
from typo_eval import (FALSE_ALARM_CATEGORIES, corrected_documents, documents,  # noqa: E402
                       hunspell_available, hunspell_on, hunspell_on_corrected, hunspell_words, inject, nfc)

from bientap.checks.engine import Context, check_text  # noqa: E402
from bientap.checks.lexicon import lexicon  # noqa: E402
from bientap.checks.vietnamese import normalize  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
VIWIKI = DATA / "viwiki-dev" / "viwiki_dev.jsonl"
PAGES = DATA / "pages-dev"
# Topics of held-out news, by words of the title (first match wins), and how many words of each.
TOPICS = (("traffic", ("giao thông", "tai nạn", "xe ", "ô tô", "tàu", "đường", "cao tốc", "cầu")),
          ("courts", ("tòa", "xét xử", "bị cáo", "án ", "khởi tố", "bắt", "lừa", "trộm", "cướp", "ma túy",
                      "công an", "vụ án")),
          ("family", ("vợ", "chồng", "con ", "gia đình", "mẹ", "cha ", "bố ", "hôn nhân", "cưới", "trẻ")),
          ("economy", ("kinh tế", "doanh nghiệp", "giá", "thị trường", "ngân hàng", "xuất khẩu", "đầu tư",
                       "chứng khoán", "thuế", "tỷ đồng", "usd", "vàng", "bất động sản")))
WORDS_PER_TOPIC = 15_000


def warnings(text: str, categories=FALSE_ALARM_CATEGORIES) -> list:
    return [f for f in check_text(text, Context(), rules=categories) if f.severity in ("error", "warning")]


def pages_docs() -> list[str]:
    """The body lines of each development page, as one text a page."""
    out = []
    for path in sorted(PAGES.glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        lines = page["text"].split("\n")
        body = [lines[x["i"]] for x in page["lines"] if x["label"] == "body"]
        if body:
            out.append(nfc("\n\n".join(body)))
    return out


def news_docs() -> dict[str, list[str]]:
    """Held-out news articles by topic, about WORDS_PER_TOPIC words each, in corpus order."""
    by_topic: dict[str, list[str]] = {name: [] for name, _ in TOPICS}
    by_topic["other"] = []
    words = Counter()
    for _, text in articles(CORPUS, keep_held_out=True):
        title = text.split("\n", 1)[0].lower() + " "
        topic = next((name for name, keys in TOPICS if any(k in title for k in keys)), "other")
        if words[topic] >= WORDS_PER_TOPIC:
            if all(w >= WORDS_PER_TOPIC for w in words.values()) and len(words) == len(by_topic):
                break
            continue
        by_topic[topic].append(nfc(text))
        words[topic] += len(text.split())
    return by_topic


_WORD = re.compile(r"[^\W\d_]+")
SHAPES = ("number beside", "name beside", "break before", "break after", "title-case line", "prose")


def shape(text: str, start: int, end: int) -> str:
    """The shape of a finding's context: what stands right before and after the word flagged."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    before, after = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    left = re.search(r"([^\W\d_]+)?([^\w]*\d*[^\w]*)$", before)
    right = re.match(r"([^\w]*\d*[^\w]*)([^\W\d_]+)?", after)
    lgap, lword = left.group(2), left.group(1) or ""
    rgap, rword = right.group(1), right.group(2) or ""
    if any(c.isdigit() for c in lgap + rgap):
        return "number beside"
    if (lgap == " " and lword[:1].isupper() and not re.search(r"[.!?:\n]\s*$", before[:-len(lword) - 1] or ".")
            or rgap == " " and rword[:1].isupper()):
        return "name beside"
    if lgap != " " or not lword:
        return "break before"
    if rgap != " " or not rword:
        return "break after"
    words = _WORD.findall(line)
    if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
        return "title-case line"
    return "prose"


def print_shapes(name: str, alarms: list) -> None:
    """Typo false alarms of one domain by rule and shape."""
    table = Counter((f.rule, shape(d, f.start, f.end)) for f, d in alarms if f.category == "typo")
    for rule_id in sorted({r for r, _ in table}):
        cells = ", ".join(f"{s} {table[rule_id, s]}" for s in SHAPES if table[rule_id, s])
        print(f"   {name} shapes {rule_id}: {cells}")


def measure(name: str, docs: list[str], seeds: int, show: int, hunspell: bool, shapes: bool = False) -> dict:
    """False alarms on `docs` as they are, then recall on slips injected with `seeds` seeds."""
    words = sum(len(d.split()) for d in docs)
    alarms = [(f, d) for d in docs for f in warnings(d)]
    if shapes:
        print_shapes(name, alarms)
    typo = [f for f, _ in alarms if f.category == "typo"]
    realword = sum(f.rule == "typo.realword" for f in typo)
    known = lexicon().syllables
    found = first_ok = total = 0
    injected, misses = [], []
    for seed in range(1, seeds + 1):
        rng = random.Random(seed)
        for d in docs:
            text, slips = inject(d, rng, known)
            findings = [f for f in warnings(text, ("typo",))]
            for start, end, kind, intended in slips:
                total += 1
                hit = [f for f in findings if f.start < end and f.end > start]
                injected.append((text, start, end, kind, intended, bool(hit)))
                if not hit:
                    misses.append((kind, text[max(0, start - 25):end + 25], intended))
                    continue
                found += 1
                first = hit[0].suggestions[0].lower() if hit[0].suggestions else None
                if first is not None and (first == intended or first in text[hit[0].start:hit[0].end].lower()
                                          .replace(text[start:end].lower(), intended)):
                    first_ok += 1
    per_k = 1000 / max(words, 1)
    row = {"domain": name, "docs": len(docs), "words": words, "fa": len(alarms) * per_k,
           "fa_typo": len(typo) * per_k, "fa_realword": realword * per_k,
           "recall": found / max(total, 1), "slips": total, "first_ok": first_ok / max(found, 1)}
    if hunspell:
        hits, _ = hunspell_on(injected)
        row["hs_recall"] = sum(hits) / max(len(hits), 1)
        row["hs_fa"] = len(hunspell_words("\n".join(docs)) or []) * per_k
    for f, d in alarms[:show]:
        print(f"   {name} FA {f.rule} {f.text!r} {f.suggestions[:3]} …{d[max(0, f.start - 30):f.end + 30]!r}…")
    for kind, around, intended in misses[:show]:
        print(f"   {name} miss {kind}: …{around!r}… (intended {intended!r})")
    return row


def spelling(word: str) -> str:
    """`word` lower-case with one tone-mark placement and no surrounding spaces: a suggestion "tùy" is
    the correction "tuỳ" (the house style places the mark), "trưng" the correction "trưng "."""
    return " ".join(normalize(part) for part in nfc(word).lower().split())


def viwiki(show: int, hunspell: bool) -> dict:
    docs, _, _ = corrected_documents(VIWIKI)
    words = sum(len(text.split()) for text, _ in docs)
    n = sum(len(m) for _, m in docs)
    found = first_ok = other = 0
    shown = 0
    for text, mistakes in docs:
        findings = warnings(text, ("typo",))
        for start, end, written, corrections in mistakes:
            hit = [f for f in findings if f.start < end and f.end > start]
            found += bool(hit)
            first_ok += bool(hit and hit[0].suggestions and spelling(hit[0].suggestions[0]) in map(spelling, corrections))
            if not hit and shown < show:
                shown += 1
                print(f"   viwiki miss {written!r} → {sorted(corrections)} …{text[max(0, start - 25):end + 25]!r}…")
        for f in findings:
            if not any(f.start < end and f.end > start for start, end, *_ in mistakes):
                other += 1
                if shown < 2 * show:
                    shown += 1
                    print(f"   viwiki other {f.rule} {f.text!r} {f.suggestions[:3]} "
                          f"…{text[max(0, f.start - 25):f.end + 25]!r}…")
    row = {"domain": "viwiki-dev (real corrected mistakes)", "docs": len(docs), "words": words,
           "recall": found / n, "slips": n, "first_ok": first_ok / max(found, 1), "fa": other * 1000 / words}
    if hunspell:
        hs_found, hs_other = hunspell_on_corrected(docs)
        row["hs_recall"], row["hs_fa"] = hs_found / n, hs_other * 1000 / words
    return row


def print_table(rows: list[dict]) -> None:
    print()
    print("| domain (development data) | docs | words | recall | first suggestion right | false alarms /1k words "
          "(typo; realword) | hunspell-vi recall / flags /1k |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        fa = f"{r['fa']:.2f}"
        if "fa_typo" in r:
            fa += f" ({r['fa_typo']:.2f}; {r['fa_realword']:.2f})"
        hs = f"{r['hs_recall']:.3f} / {r['hs_fa']:.1f}" if "hs_recall" in r else "—"
        print(f"| {r['domain']} | {r['docs']} | {r['words']:,} | {r['recall']:.3f} ({r['slips']}) | "
              f"{r['first_ok']:.3f} | {fa} | {hs} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="injection rounds per text (more slips, steadier)")
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms and misses per domain")
    parser.add_argument("--only", default="viwiki,pages,news,vlsp")
    parser.add_argument("--shapes", action="store_true", help="count each domain's typo false alarms by rule and shape")
    args = parser.parse_args()
    only = set(args.only.split(","))
    hunspell = hunspell_available()
    t = time.time()
    rows = []
    if "viwiki" in only:
        rows.append(viwiki(args.show, hunspell))
    if "pages" in only:
        rows.append(measure("pages-dev body (provincial/national pages)", pages_docs(), args.seeds, args.show,
                            hunspell, args.shapes))
    if "news" in only:
        for topic, docs in news_docs().items():
            rows.append(measure(f"news held out: {topic}", docs, args.seeds, args.show, hunspell, args.shapes))
    if "vlsp" in only:
        rows.append(measure("VLSP held-out half (secondary)", documents("heldout"), 1, args.show, hunspell,
                            args.shapes))
    print_table(rows)
    if not hunspell:
        print("hunspell-vi: not installed (apt-get install hunspell hunspell-vi)")
    print(f"({time.time() - t:.0f}s)")


if __name__ == "__main__":
    main()
