"""Boilerplate line classification and metadata extraction, on real pages first.

    python benchmarks/boilerplate_eval.py [--pages-dev DIR] [--pages 300] [--show-errors] [--no-synthetic]

Primary figures: real news pages, labelled line by line (`shared/data/pages-dev/`, 40 pages from 38
sites; its README gives the labels). These are DEVELOPMENT figures: the classifier was tuned on
them. So that a figure predicts unseen sites, the pages are split by site (the registered domain
of the URL, crc32 % 5) into five folds; folds 0 and 3 are never printed by --show-errors and were
never read while tuning: their row is the leave-site-out figure. Also by kind of site (government
portal, newspaper, broadcaster, association). Scored: boilerplate vs article lines (title, body),
and title / date / byline exact on the pages whose label has one (spurious values are counted apart).

Scoring: lines split at "\\n"; blank lines, photo captions and metadata lines (date, bút danh,
source) are not scored. A line counts as predicted boilerplate when the classifier keeps it out of
the article text (any kind but "body"/"title"), so a subhead taken for a caption is a false positive.

- Seeds: hand-labelled gold in benchmarks/data/boilerplate_gold.json.
- Held-out: VLSP-2013 prose (shipped in underthesea) in synthetic site chrome from benchmarks/chrome.py,
  a generator written apart from the classifier. Its first run was blind (lines F1 0.989; title 0.64,
  date 0.70, byline 0.68); errors of the "dev" pages were read afterwards to fix general faults, so the
  "test" pages (same generator, other seeds, never printed) are the figure to quote.
- Hard variant (chrome.hard_page): prose-like chrome (comments, whole-sentence teasers, tickers,
  disclaimers) and short article lines. Its first run scored F1 0.876, below the naive baseline
  (0.879); dev pages were then read and general fixes made. The baseline row shows how much of each
  set a "not a punctuated paragraph" rule already gets.
Also prints the classifier's speed on 5 KB pages (one run, no caching), and extraction's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
import zlib
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bientap.checks.boilerplate import classify_lines  # noqa: E402
from bientap.checks.boilerplate import classify_lines, is_prose  # noqa: E402

KEPT = ("body", "title")
PAGES_DEV = ROOT.parent / "shared" / "data" / "pages-dev"
# Folds of sites never printed while tuning: the leave-site-out row.
HIDDEN_FOLDS = (0, 3)
FIELDS = ("title", "date", "byline")


def score(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int, int, int]:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp, fp, fn


def _blank(line: str) -> bool:
    return not line.strip(" \t\u00a0\u200b\ufeff")


def naive(line: str) -> bool:
    """Baseline: every line that is not a punctuated paragraph is boilerplate."""
    return not is_prose(" ".join(line.split()))


def seed_pairs(show: bool, baseline: bool = False) -> dict[str, list[tuple[bool, bool]]]:
    gold = json.loads((HERE / "data" / "boilerplate_gold.json").read_text(encoding="utf-8"))
    out = {}
    for name, g in gold.items():
        if name.startswith("_"):
            continue
        text = unicodedata.normalize("NFC", (ROOT / "seeds" / name).read_text(encoding="utf-8"))
        lines = text.split("\n")
        classes = classify_lines(text)
        bp, skip = set(g["boilerplate"]), set(g["unscored"])
        pairs = []
        for i, (line, c) in enumerate(zip(lines, classes)):
            if _blank(line) or i in skip:
                continue
            gold_bp, pred_bp = i in bp, naive(line) if baseline else c.kind not in KEPT
            pairs.append((gold_bp, pred_bp))
            if show and not baseline and gold_bp != pred_bp:
                print(f"  {name}:{i} gold={'bp' if gold_bp else 'text'} got={c.kind}/{c.rule} {line[:70]!r}")
        out[name] = pairs
    return out


def site_of(url: str) -> str:
    """The registered domain: "thuanbac.ninhthuan.gov.vn" → "ninhthuan.gov.vn"."""
    parts = (urlparse(url).hostname or "").split(".")
    n = 3 if len(parts) >= 3 and parts[-1] == "vn" and parts[-2] in ("gov", "com", "org", "edu", "net", "ac") else 2
    return ".".join(parts[-n:])


def fold_of(url: str) -> int:
    return zlib.crc32(site_of(url).encode()) % 5


def site_kind(url: str) -> str:
    host = urlparse(url).hostname or ""
    if re.search(r"tv\.|vov\.|voh\.|truyenhinh|vnews\.|radio", host):
        return "broadcaster"
    if host.endswith(".gov.vn"):
        return "gov portal"
    if host.endswith(".org.vn") or host.startswith(("hoi", "m.mattran")):
        return "association"
    return "newspaper"


def _same(a: str | None, b: str | None) -> bool:
    norm = (lambda v: " ".join(v.split()) if v else None)
    return norm(a) == norm(b)


def dev_page(path: Path, show: bool) -> dict:
    """One labelled real page: its line pairs (gold bp, predicted bp) and field results."""
    from bientap.checks.metadata import extract_article

    d = json.loads(path.read_text(encoding="utf-8"))
    text = unicodedata.normalize("NFC", d["text"])
    lines = text.split("\n")
    labels = {x["i"]: x["label"] for x in d["lines"]}
    classes = classify_lines(text)
    pairs = []
    for i, (line, c) in enumerate(zip(lines, classes)):
        gold = labels.get(i, "blank")
        if gold not in ("boilerplate", "body", "title") or _blank(line):
            continue
        gold_bp, pred_bp = gold == "boilerplate", c.kind not in KEPT
        pairs.append((gold_bp, pred_bp))
        if show and gold_bp != pred_bp:
            print(f"  {d['id']}:{i} gold={gold} got={c.kind}/{c.rule} {line[:90]!r}")
    ex = extract_article(text)
    got = {"title": ex.title, "date": (ex.published_at or "")[:10] or None, "byline": ex.byline}
    fields = {}
    for k in FIELDS:
        want = d[k]
        if k == "title" and want:
            want = unicodedata.normalize("NFC", want)
        fields[k] = (want is not None, want is not None and _same(got[k], want), want is None and got[k] is not None)
        if show and not (want is None and got[k] is None) and not fields[k][1]:
            print(f"  {d['id']} {k}: want {want!r} got {got[k]!r}")
    return {"id": d["id"], "url": d["url"], "pairs": pairs, "fields": fields}


def dev_rows(pages: list[dict], label: str) -> None:
    pairs = [x for p in pages for x in p["pairs"]]
    p, r, f, tp, fp, fn = score(pairs)
    cells = []
    right_all = total_all = 0
    for k in FIELDS:
        total = sum(pg["fields"][k][0] for pg in pages)
        right = sum(pg["fields"][k][1] for pg in pages)
        spurious = sum(pg["fields"][k][2] for pg in pages)
        right_all, total_all = right_all + right, total_all + total
        cells.append(f"{k} {right}/{total}" + (f" (+{spurious} spurious)" if spurious else ""))
    overall = right_all / total_all if total_all else 1.0
    print(f"  {label:34} {len(pages):3} pages  lines P {p:.3f} R {r:.3f} F1 {f:.3f} (fp {fp}, fn {fn})  "
          f"{', '.join(cells)}  overall {overall:.3f}")


def pages_dev(folder: Path, show: bool) -> None:
    paths = sorted(folder.glob("*.json"))
    if not paths:
        print(f"Real pages: none found in {folder} (pass --pages-dev DIR)")
        return
    pages = []
    for path in paths:
        url = json.loads(path.read_text(encoding="utf-8"))["url"]
        pages.append(dev_page(path, show and fold_of(url) not in HIDDEN_FOLDS))
    print(f"Real news pages, labelled line by line ({folder.name}; DEVELOPMENT figures: tuned on)")
    dev_rows(pages, "all pages (development)")
    dev_rows([p for p in pages if fold_of(p["url"]) not in HIDDEN_FOLDS], "sites read while tuning")
    dev_rows([p for p in pages if fold_of(p["url"]) in HIDDEN_FOLDS], "leave-site-out (never read)")
    for fold in range(5):
        mark = " (never read)" if fold in HIDDEN_FOLDS else ""
        dev_rows([p for p in pages if fold_of(p["url"]) == fold], f"site fold {fold}{mark}")
    for kind in ("gov portal", "newspaper", "broadcaster", "association"):
        chosen = [p for p in pages if site_kind(p["url"]) == kind]
        if chosen:
            dev_rows(chosen, kind)
    t0 = time.process_time()
    from bientap.checks.metadata import extract_article
    texts = [unicodedata.normalize("NFC", json.loads(p.read_text(encoding="utf-8"))["text"]) for p in paths]
    for _ in range(5):
        for t in texts:
            extract_article(t)
    print(f"  extraction (classifier + metadata + place), CPU: {(time.process_time() - t0) / (5 * len(texts)) * 1000:.2f} "
          f"ms per page")


# Pages 0.. are the "dev" half: their errors were read while fixing the classifier. Pages from
# TEST_START on are never printed: the closer thing to unseen pages this generator gives.
TEST_START = 100_000


def heldout_pairs(pages: range, show: bool, baseline: bool = False, hard: bool = False) -> list[tuple[bool, bool]]:
    from chrome import hard_page, page

    make = hard_page if hard else page
    pairs = []
    shown = 0
    show = show and pages.start < TEST_START
    for i in pages:
        lines = make(i)
        text = "\n".join(s for s, _ in lines)
        for (line, gold), c in zip(lines, classify_lines(text)):
            if gold == "skip" or _blank(line):
                continue
            gold_bp, pred_bp = gold == "bp", naive(line) if baseline else c.kind not in KEPT
            pairs.append((gold_bp, pred_bp))
            if show and not baseline and gold_bp != pred_bp and shown < 60:
                shown += 1
                print(f"  page {i}: gold={gold} got={c.kind}/{c.rule} {line[:80]!r}")
    return pairs


def heldout_metadata(pages: range, show: bool) -> dict[str, tuple[int, int]]:
    """(right, total) per field for extract_article on the held-out pages."""
    import re

    from chrome import page

    from bientap.checks.metadata import extract_article

    tally = {k: [0, 0] for k in ("title", "published_at", "byline", "location")}
    show = show and pages.start < TEST_START
    for i in pages:
        meta: dict = {}
        text = "\n".join(s for s, _ in page(i, meta))
        ex = extract_article(text)
        want = dict(meta)
        if want["byline"]:
            want["byline"] = re.sub(r"^(?:Bài|Tin), ảnh: ", "", want["byline"])
        got = {"title": ex.title, "published_at": (ex.published_at or "")[:10] or None, "byline": ex.byline,
               "location": ex.location}
        for k in tally:
            tally[k][1] += 1
            if got[k] == want[k]:
                tally[k][0] += 1
            elif show:
                print(f"  page {i} {k}: want {want[k]!r} got {got[k]!r}")
    return {k: (v[0], v[1]) for k, v in tally.items()}


def speed() -> tuple[float, float]:
    """CPU milliseconds per 5 KB of page text, no cache: (seed pages, held-out pages cut to 5 KB).

    CPU time, best of three: the machine is shared and wall time would count the neighbours' work.
    """
    from chrome import page

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    chrome = ["\n".join(s for s, _ in page(i)).encode()[:5000].decode(errors="ignore") for i in range(200)]
    classify = classify_lines
    out = []
    for texts, repeat in ((seeds, 40), (chrome, 1)):
        kb = sum(len(t.encode()) for t in texts) * repeat / 1000
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            for _ in range(repeat):
                for t in texts:
                    classify(t)
            best = min(best, time.process_time() - t0)
        out.append(best / kb * 5 * 1000)
    return out[0], out[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--pages-dev", type=Path, default=PAGES_DEV, help="labelled real pages (pages-dev format)")
    ap.add_argument("--no-synthetic", action="store_true", help="real pages and seeds only")
    args = ap.parse_args()

    pages_dev(args.pages_dev, args.show_errors)

    per_seed = seed_pairs(args.show_errors)
    print("Boilerplate lines — seeds (hand-labelled gold)")
    print(f"  {'page':28} {'P':>6} {'R':>6} {'F1':>6}  tp  fp  fn")
    for name, pairs in per_seed.items():
        p, r, f, tp, fp, fn = score(pairs)
        print(f"  {name:28} {p:6.3f} {r:6.3f} {f:6.3f} {tp:3} {fp:3} {fn:3}")
    p, r, f, tp, fp, fn = score([x for pairs in per_seed.values() for x in pairs])
    print(f"  {'all seeds':28} {p:6.3f} {r:6.3f} {f:6.3f} {tp:3} {fp:3} {fn:3}")

    if args.no_synthetic:
        return
    print(f"Secondary: synthetic-chrome pages of VLSP-2013 prose (chrome written by us), {args.pages} per half")
    for label, pages in (("dev  (errors inspected)", range(args.pages)),
                         ("test (never inspected) ", range(TEST_START, TEST_START + args.pages))):
        pairs = heldout_pairs(pages, args.show_errors)
        p, r, f, tp, fp, fn = score(pairs)
        meta = heldout_metadata(pages, args.show_errors)
        print(f"  {label} lines: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn}, "
              f"{len(pairs)} scored)")
        print(f"  {'':23} metadata exact: " + "  ".join(f"{k} {r_ / t:.3f}" for k, (r_, t) in meta.items()))
    print("  (location gold is the site's province, named only in its chrome: a weak test)")
    hard = range(TEST_START, TEST_START + args.pages)
    p, r, f, tp, fp, fn = score(heldout_pairs(hard, False, hard=True))
    print(f"  hard variant of the test pages (written after the classifier; robustness, not blind): "
          f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    p1, r1, f1, *_ = score([x for pairs in seed_pairs(False, baseline=True).values() for x in pairs])
    p2, r2, f2, *_ = score(heldout_pairs(range(TEST_START, TEST_START + args.pages), False, baseline=True))
    p3, r3, f3, *_ = score(heldout_pairs(hard, False, baseline=True, hard=True))
    print(f"Baseline 'not a punctuated paragraph = boilerplate': seeds P {p1:.3f} R {r1:.3f} F1 {f1:.3f}; "
          f"held-out test P {p2:.3f} R {r2:.3f} F1 {f2:.3f}; hard P {p3:.3f} R {r3:.3f} F1 {f3:.3f}")
    seeds_ms, chrome_ms = speed()
    print(f"Speed (CPU): {seeds_ms:.3f} ms per 5 KB on the seeds, {chrome_ms:.3f} ms per 5 KB on chrome-heavy pages")


if __name__ == "__main__":
    main()
