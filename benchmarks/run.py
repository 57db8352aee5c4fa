"""Measure every row of the performance table in one run and print each figure against its target.

    python benchmarks/run.py --articles 100000

Figures are medians of several runs on this machine (noted in the header). The 100k-article database
is built once from the deterministic corpus (benchmarks/corpus.py) and cached under
benchmarks/.cache/. Nothing here is asserted by the test suite: speed is measured, not tested.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE)]

import corpus  # noqa: E402
from timing import children_cpu  # noqa: E402

HUNSPELL_MB_S = 0.22  # hunspell -d vi_VN -l on this machine (the anchor)
CACHE = HERE / ".cache"


def bientap(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bientap.tui.cli", *args], cwd=ROOT, capture_output=True, **kw)


def build_db(n: int) -> Path:
    """The n-article benchmark database, imported through the real feed importer (cached)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"archive-{n}.db"
    if path.exists():
        return path
    feed = CACHE / f"feed-{n}.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for rec in corpus.records(n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"  building {path.name} from {n} records (once)...", flush=True)
    started = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    result = bientap("--db", str(tmp), "import", str(feed))
    if result.returncode != 0:
        raise SystemExit(result.stderr.decode())
    import sqlite3

    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    tmp.rename(path)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, figure: str, target: str, ratio: str) -> None:
        self.rows.append((what, figure, target, ratio))
        print(f"  {what:<48} {figure:>14}   target {target:<14} {ratio}", flush=True)

    def markdown(self) -> str:
        out = ["| what | measured | target | vs target |", "|---|---|---|---|"]
        out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(out)


def fmt_ratio(value: float, target: float, lower_is_better: bool) -> str:
    ratio = target / value if lower_is_better else value / target
    verdict = "met" if ratio >= 1 else "MISSED"
    return f"{ratio:.2f}x of target ({verdict})"


def median_ms(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def bench_desk(table: Table, db: Path, runs: int) -> None:
    """Open, key latency, memory, cold start: a headless desk in a fresh process per run."""
    probes = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, str(HERE / "desk_probe.py"), str(db), repr(time.time())], cwd=ROOT,
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr[-2000:])
            return
        probes.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first_rows = statistics.median(p["rows_s"] for p in probes)
    table.add("desk on the archive until the inbox shows rows", f"{first_rows:.2f} s", "<= 1 s",
              fmt_ratio(first_rows, 1.0, True))
    keys = [k for p in probes for k in p["key_ms"]]
    key_median = statistics.median(keys)
    table.add("cursor key / PgDn → next screen update (median)", f"{key_median:.1f} ms", "<= 16 ms",
              fmt_ratio(key_median, 16, True) + f"; p95 {sorted(keys)[int(len(keys) * .95)]:.1f} ms")
    rss = statistics.median(p["rss_mb"] for p in probes)
    table.add("memory of the desk on the archive", f"{rss:.0f} MB", "<= 250 MB", fmt_ratio(rss, 250, True))
    paint = statistics.median(p["first_paint_s"] for p in probes)
    table.add("cold start to first paint", f"{paint:.2f} s", "<= 1.5 s", fmt_ratio(paint, 1.5, True))
    if all("open_ms" in p for p in probes):
        opened = statistics.median(p["open_ms"] for p in probes)
        size = statistics.median(p["open_bytes"] for p in probes) / 1000
        table.add(f"open a {size:.0f} KB article with its findings shown", f"{opened:.0f} ms", "<= 100 ms",
                  fmt_ratio(opened, 100, True) + f"; median of {len(probes)} fresh desks, each a first open")


def bench_search(table: Table, db_path: Path) -> None:
    from bientap.store.articles import Query, list_page
    from bientap.store.db import open_db

    db = open_db(db_path)
    words = ["doi moi", "khoa hoc", "Can Tho", "quyen con nguoi", "Hiến pháp", "nha nuoc", "kinh te",
             "dân chủ", "phap luat", "nhan dan", "xa hoi", "Khánh Hòa", "quốc hội", "cong dan", "doanh nghiep"]
    from bientap.store.articles import count

    samples, counts = [], []
    for _ in range(3):
        for w in words:
            for prefix in range(3, len(w) + 1, 3):  # as if typed
                query = Query(search=w[:prefix])
                started = time.perf_counter()
                list_page(db, query, limit=50)
                samples.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                count(db, query)  # the inbox shows the total too, counted after the first page
                counts.append((time.perf_counter() - started) * 1000)
    samples.sort()
    counts.sort()
    p95 = samples[int(len(samples) * .95)]
    table.add("search, first page of 50, newest first (p95)", f"{p95:.1f} ms", "<= 50 ms",
              fmt_ratio(p95, 50, True) + f"; median {statistics.median(samples):.1f} ms; "
              f"its total (count) p95 {counts[int(len(counts) * .95)]:.0f} ms")
    db.close()


def bench_recheck(table: Table) -> None:
    from bientap.checks.engine import check_article
    from bientap.store.context import load_context

    rec = corpus.article_record(42, target_bytes=5000)
    ctx = load_context(None)
    fields = {"title": rec["title"], "sapo": rec["sapo"], "body": rec["body"]}
    check_article(fields, ctx)  # warm: dictionaries loaded once
    ms = median_ms(lambda: check_article(fields, ctx), 30)
    table.add("re-check a 5 KB article (warm)", f"{ms:.1f} ms", "<= 10 ms", fmt_ratio(ms, 10, True))


def bench_check_engine(table: Table, megabytes: float) -> None:
    """check_text in this process, CPU time: the rules alone, without start-up or output."""
    from bientap.checks.engine import check_text
    from bientap.store.context import load_context

    ctx = load_context(None)
    text = corpus.news_text(megabytes)
    size_mb = len(text.encode()) / 1e6
    pieces, current, length = [], [], 0
    for para in text.split("\n\n"):  # ~5 KB articles
        current.append(para)
        length += len(para.encode())
        if length >= 5000:
            pieces.append("\n\n".join(current))
            current, length = [], 0
    check_text(pieces[0], ctx)

    def cpu(fn) -> float:
        started = time.process_time()
        fn()
        return time.process_time() - started

    first = cpu(lambda: check_text(text, ctx))  # words met for the first time in this process
    whole = min(cpu(lambda: check_text(text, ctx)) for _ in range(2))
    articles = min(cpu(lambda: [check_text(p, ctx) for p in pieces]) for _ in range(2))
    table.add(f"check_text in process, {size_mb:.1f} MB, all rules (CPU)", f"{size_mb / whole:.2f} MB/s",
              ">= 2.2 MB/s", f"{size_mb / whole / HUNSPELL_MB_S:.1f}x hunspell-vi; as ~5 KB articles "
              f"{size_mb / articles:.2f} MB/s; first pass {size_mb / first:.2f} MB/s")


def _installed_env() -> dict[str, str]:
    """The environment of an installed bientap: bytecode cached (here under .cache/pyc, however
    PYTHONDONTWRITEBYTECODE is set around the benchmark): without it every start compiles ~40
    modules again, ~0.2 s that no installed copy pays."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pyc")
    return env


def bench_check_cli(table: Table, megabytes: float, runs: int = 5) -> None:
    """`bientap check` on one file of `megabytes`, start-up and JSON output included: the best of
    `runs` fresh processes, wall time and CPU time (user + sys of the command and its children),
    with --jobs 1 and with the default (one worker per core; a long file is then checked by two
    processes, the real-word rule in one), and the machine's load average when measured."""
    CACHE.mkdir(exist_ok=True)
    env = _installed_env()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.txt"
        path.write_text(corpus.news_text(megabytes), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        anchor = HUNSPELL_MB_S
        measured = ""
        if shutil.which("hunspell"):
            started = time.perf_counter()
            subprocess.run(["hunspell", "-d", "vi_VN", "-l", str(path)], capture_output=True)
            anchor = size_mb / (time.perf_counter() - started)
            measured = f"hunspell measured here: {anchor:.2f} MB/s; "
        bientap("check", str(path), "--format", "json", "--fail-on", "never", env=env)  # bytecode cached
        for jobs in ([], ["--jobs", "1"]):
            walls, cpus = [], []
            load = os.getloadavg()[0]
            for _ in range(runs):
                before = children_cpu()
                started = time.perf_counter()
                bientap("check", str(path), "--format", "json", "--fail-on", "never", *jobs, env=env)
                walls.append(time.perf_counter() - started)
                cpus.append(children_cpu() - before)
            rate, cpu_rate = size_mb / min(walls), size_mb / min(cpus)
            how = "one process (--jobs 1)" if jobs else f"default --jobs {os.cpu_count()}"
            table.add(f"bientap check, {size_mb:.1f} MB, all rules, {how}", f"{rate:.2f} MB/s", ">= 10x hunspell",
                      f"{rate / anchor:.1f}x hunspell-vi ({measured}best of {runs}: {min(walls):.2f} s, "
                      f"median {statistics.median(walls):.2f} s; load {load:.1f}); CPU {min(cpus):.2f} s "
                      f"= {cpu_rate:.2f} MB/s of CPU")
        one = Path(tmp) / "one.txt"
        shutil.copy(corpus.SEEDS[1], one)
        cold = statistics.median(
            _timed(lambda: bientap("check", str(one), "--fail-on", "never", env=env)) for _ in range(3))
        table.add("cold `bientap check one-file.txt`", f"{cold:.2f} s", "< 1 s", fmt_ratio(cold, 1.0, True))


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_import(table: Table, n_feed: int, n_files: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        feed = tmp / "feed.jsonl"
        with feed.open("w", encoding="utf-8") as fh:
            for rec in corpus.records(n_feed):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        jobs = os.cpu_count() or 1
        before = children_cpu()
        elapsed = _timed(lambda: bientap("--db", str(tmp / "feed.db"), "import", str(feed)))
        cpu_ms = (children_cpu() - before) / n_feed * 1000
        rate = n_feed / elapsed
        table.add(f"import a JSON Lines feed ({n_feed} articles, --jobs {jobs})", f"{rate:.0f} art/s",
                  ">= 500/s", fmt_ratio(rate, 500, False) + f"; CPU {cpu_ms:.1f} ms/article over all processes "
                  f"= at most {jobs * 1000 / cpu_ms:.0f}/s on {jobs} idle cores")
        pages = tmp / "pages"
        pages.mkdir()
        for i in range(n_files):
            (pages / f"{i:05d}.txt").write_text(corpus.raw_page(i), encoding="utf-8")
        before = children_cpu()
        elapsed = _timed(lambda: bientap("--db", str(tmp / "txt.db"), "import", str(pages)))
        cpu_ms = (children_cpu() - before) / n_files * 1000
        rate = n_files / elapsed
        table.add(f"import raw .txt files ({n_files}, --jobs {jobs})", f"{rate:.0f} files/s", ">= 200/s",
                  fmt_ratio(rate, 200, False) + f"; CPU {cpu_ms:.1f} ms/file = at most "
                  f"{jobs * 1000 / cpu_ms:.0f}/s on {jobs} idle cores")


def main() -> None:
    parser = argparse.ArgumentParser(description="bientap benchmarks")
    parser.add_argument("--articles", type=int, default=100_000, help="size of the archive database")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check-mb", type=float, default=3.0)
    parser.add_argument("--feed-articles", type=int, default=2000, help="articles in the import benchmark's feed")
    parser.add_argument("--files", type=int, default=500, help=".txt files in the import benchmark")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    args = parser.parse_args()
    print(f"bientap benchmarks — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    table = Table()
    db = build_db(args.articles)
    print(f"archive: {args.articles} articles ({db.stat().st_size / 1e6:.0f} MB)")
    bench_desk(table, db, args.runs)
    bench_search(table, db)
    bench_recheck(table)
    bench_check_engine(table, args.check_mb)
    bench_check_cli(table, args.check_mb)
    bench_import(table, args.feed_articles, args.files)
    if args.markdown:
        print()
        print(table.markdown())


if __name__ == "__main__":
    main()
