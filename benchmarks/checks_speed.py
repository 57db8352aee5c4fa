"""Throughput of the editorial checks (issue "Editorial checks engine") on a few MB of Vietnamese news.

    python benchmarks/checks_speed.py [--mb 3] [--repeat 3]

Text: the seeds plus VLSP-2013 sample paragraphs (benchmarks/corpus.py), checked the way
`bientap check` does, once as one big text and once as ~5 KB articles. Printed as MB/s and as a
ratio to hunspell-vi (hunspell -d vi_VN -l: 0.22 MB/s on this machine); the target is >= 10x.
Times are CPU seconds of this one process (medians), so other work on a shared machine does not
count against the checks.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

import corpus  # noqa: E402

HUNSPELL_MB_S = 0.22
GROUPS = {
    "unicode": ("unicode",),
    "spacing": ("spacing",),
    "abbreviation": ("abbreviation",),
    "style": ("style",),
    "boilerplate": ("boilerplate",),
    "issue 3 (all above)": ("unicode", "spacing", "abbreviation", "style", "boilerplate"),
    "every rule (with typo)": None,
}


def articles_of(text: str, size: int = 5000) -> list[str]:
    out, current = [], []
    length = 0
    for para in text.split("\n\n"):
        current.append(para)
        length += len(para.encode())
        if length >= size:
            out.append("\n\n".join(current))
            current, length = [], 0
    if current:
        out.append("\n\n".join(current))
    return out


def timed(fn, repeat: int) -> float:
    """Median CPU seconds of this process: the machine is shared, wall time would measure the neighbours."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from bientap.checks.engine import check_text, load_rules
    from bientap.store.context import load_context

    ctx = load_context(None)
    load_rules()
    text = corpus.news_text(args.mb)
    docs = articles_of(text)
    mb = len(text.encode()) / 1e6
    print(f"# checks speed — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"# {mb:.2f} MB of Vietnamese news text, {len(docs)} articles of ~5 KB; hunspell-vi = {HUNSPELL_MB_S} MB/s")
    print(f"{'rules':<26}{'one text MB/s':>14}{'ratio':>8}{'articles MB/s':>15}{'ratio':>8}{'5 KB re-check':>15}")
    sample = docs[len(docs) // 2]
    for name, rules in GROUPS.items():
        check_text(sample, ctx, rules=rules)  # warm: dictionaries and regexes loaded once
        whole = timed(lambda: check_text(text, ctx, rules=rules), args.repeat)
        per = timed(lambda: [check_text(d, ctx, rules=rules) for d in docs], args.repeat)
        one = timed(lambda: check_text(sample, ctx, rules=rules), max(20, args.repeat))
        print(f"{name:<26}{mb / whole:>14.2f}{mb / whole / HUNSPELL_MB_S:>7.1f}x"
              f"{mb / per:>15.2f}{mb / per / HUNSPELL_MB_S:>7.1f}x{one * 1000:>12.2f} ms")


if __name__ == "__main__":
    main()
