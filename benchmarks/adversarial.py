"""Worst cases of the checks (issue 13): every check on every adversarial text at 200 KB, and the
long Wikipedia articles of /work/shared/data/viwiki-dev checked and extracted one by one.

    python benchmarks/adversarial.py [--size 200000] [--budget 5] [--only dot] [--no-wiki]

The texts are tests/test_rules_linear.py's generators (runs of every character class, unclosed
brackets after capitals, comma/dot/slash chains, combining-mark floods, codes, URLs, menu lines...).
Each check reads each text from a fresh Document, in registry order (the first rule that needs a
shared analysis pays for it), timed in CPU seconds of this thread; one that runs past --budget CPU
seconds is stopped and shown as ">budget". Printed: per check, its slowest text; then
`check_text` with every rule, and `extract_article`, on their slowest text; then the 59 Wikipedia
articles (1.87 MB), each checked as one document. The whole run takes several minutes: use --only.

On this 2-core machine (CPU seconds, 200 KB texts; before = 44cb301, budget 2 s):

                                                  before    after
    abbr.* on "Theo UBND (Ủy ban ..." unclosed     >2 s     0.022
    spacing.after_punct on "A.A.A..." / "a,a,..."  >2 s     0.095 / 0.279
    extract_article on "AAAA..."                   >2 s     0.075
    check_text, every rule, worst of these texts   >2 s     1.45 ("A,A,...": 100,000 findings)
    viwiki-dev, 59 articles: check_text           2 hang >20 s, 57 in 5.16 (slowest 2.63)
                                                            all 59 in 3.64 (slowest 0.39)
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests")]

from test_rules_linear import GENERATORS, _cpu, _ctx, _measure  # noqa: E402

from bientap.checks.engine import check_text  # noqa: E402
from bientap.checks.metadata import extract_article  # noqa: E402

WIKI = HERE.parent.parent / "shared" / "data" / "viwiki-dev" / "viwiki_dev.jsonl"


def _shown(t: float, budget: float) -> str:
    return f">{budget:g} s" if t == float("inf") else f"{t:.3f} s"


def worst_per_check(size: int, budget: float, only: str | None) -> dict[str, tuple[float, str]]:
    ctx = _ctx()
    worst: dict[str, tuple[float, str]] = {}
    for gen_name, make in GENERATORS.items():
        if only and only not in gen_name:
            continue
        for name, t in _measure(make(size), ctx, budget).items():
            if t >= worst.get(name, (-1.0, ""))[0]:
                worst[name] = (t, gen_name)
    return worst


def whole(size: int, budget: float, only: str | None) -> list[tuple[str, float, float]]:
    """(text, check_text CPU, extract_article CPU) for every generator."""
    ctx = _ctx()
    out = []
    for gen_name, make in GENERATORS.items():
        if only and only not in gen_name:
            continue
        text = make(size)
        t_check = _cpu(lambda: check_text(text, ctx), budget)
        t_extract = _cpu(lambda: extract_article(text), budget)
        out.append((gen_name, t_check, t_extract))
    return out


def wiki(path: Path, budget: float) -> list[tuple[str, int, float, float]]:
    ctx = _ctx()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = doc["text"]
            t_check = _cpu(lambda: check_text(text, ctx), budget)
            t_extract = _cpu(lambda: extract_article(text), budget)
            out.append((str(doc["_id"]), len(text), t_check, t_extract))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=200_000, help="characters per adversarial text")
    ap.add_argument("--budget", type=float, default=5.0, help="CPU seconds before a run is stopped")
    ap.add_argument("--wiki-budget", type=float, default=20.0)
    ap.add_argument("--only", help="only generators whose name contains this")
    ap.add_argument("--no-wiki", action="store_true")
    ap.add_argument("--wiki", type=Path, default=WIKI, help="the viwiki-dev JSON Lines file")
    ap.add_argument("--no-texts", action="store_true", help="only the Wikipedia articles")
    args = ap.parse_args()

    if not args.no_texts:
        _texts(args)
    if not args.no_wiki and args.wiki.exists():
        _wiki(args)


def _texts(args) -> None:
    was = gc.isenabled()
    gc.disable()  # as check_text has it
    try:
        print(f"Slowest text per check, {args.size:,} characters (CPU seconds)")
        worst = worst_per_check(args.size, args.budget, args.only)
    finally:
        if was:
            gc.enable()
    for name, (t, gen) in sorted(worst.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:28} {_shown(t, args.budget):>9}  {gen}")
    rows = whole(args.size, args.budget, args.only)
    slow_check = max(rows, key=lambda r: r[1])
    slow_extract = max(rows, key=lambda r: r[2])
    print(f"check_text, every rule, slowest of {len(rows)} texts: "
          f"{_shown(slow_check[1], args.budget)} ({slow_check[0]})")
    print(f"extract_article, slowest: {_shown(slow_extract[2], args.budget)} ({slow_extract[0]})")


def _wiki(args) -> None:
    docs = wiki(args.wiki, args.wiki_budget)
    finite = [d for d in docs if d[2] != float("inf")]
    hung = [d for d in docs if d[2] == float("inf") or d[3] == float("inf")]
    size = sum(d[1] for d in docs)
    print(f"viwiki-dev: {len(docs)} articles, {size / 1e6:.2f} MB: check_text "
          f"{sum(d[2] for d in finite):.2f} s CPU for the {len(finite)} that finish "
          f"(slowest {max(d[2] for d in finite):.2f} s), extract_article "
          f"{sum(d[3] for d in docs if d[3] != float('inf')):.2f} s")
    for d in hung:
        print(f"  article {d[0]} ({d[1]:,} chars): check_text {_shown(d[2], args.wiki_budget)}, "
              f"extract_article {_shown(d[3], args.wiki_budget)}")


if __name__ == "__main__":
    main()
