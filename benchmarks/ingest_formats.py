"""Import rate per input format, and the near-duplicate cost per article at 100k articles (issue 18).

    python benchmarks/ingest_formats.py [--copies 8] [--articles 100000]

Formats: the five seeds as .txt pages, as HTML pages in the three CMS layouts of tests/_pages.py,
as RSS items and as .docx files; each imported into a fresh database in one process (jobs=1,
checks included), articles per second of wall time. Each copy differs by a number in its title so
no two are the same source.

Near-duplicates (bientap.store.duplicates): MinHash of a ~5 KB body (CPU time per article), then the
LSH step against an index of `--articles` synthetic signatures stored as bientap.store.duplicates keeps
them (a `duplicate_bands` table of 16 keys per article, indexed; the signatures beside them):
nothing is rebuilt at import start, so the only start-up cost is none; the per-article cost is
the 16-key lookup, the candidates' verification and the 16 inserts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]


def _write_inputs(folder: Path, fmt: str, copies: int) -> int:
    from _feeds import rss
    from _pages import LAYOUTS, seed_fields

    folder.mkdir()
    n = 0
    if fmt == "rss":
        for c in range(copies):
            data = rss(range(5)).replace(b"<guid isPermaLink=\"false\">tin-", f"<guid>c{c}-".encode())
            data = data.replace(b"/tin/", f"/c{c}/".encode())
            (folder / f"feed{c}.rss").write_bytes(data)
            n += 5
        return n
    for c in range(copies):
        for s in range(5):
            f = seed_fields(s)
            f.title = f"{f.title} ({c})"
            if fmt == "txt":
                text = "\n\n".join([f.shown_date, f.title, f.sapo, *f.paragraphs, f.byline])
                (folder / f"{c}-{s}.txt").write_text(text, encoding="utf-8")
            elif fmt == "html":
                layout = sorted(LAYOUTS)[(c + s) % 3]
                (folder / f"{c}-{s}.html").write_text(LAYOUTS[layout](f), encoding="utf-8")
            else:
                import docx

                d = docx.Document()
                d.add_heading(f.title, level=1)
                for p in [f.sapo, *f.paragraphs]:
                    d.add_paragraph(p)
                d.save(folder / f"{c}-{s}.docx")
            n += 1
    return n


def import_rates(copies: int) -> None:
    from bientap.store.db import open_db
    from bientap.store.importer import import_paths

    print(f"{'format':<8}{'articles':>9}{'seconds':>9}{'articles/s':>12}")
    for fmt in ("txt", "html", "rss", "docx"):
        with tempfile.TemporaryDirectory() as tmp:
            n = _write_inputs(Path(tmp) / "in", fmt, copies)
            db = open_db(Path(tmp) / "b.db")
            start = time.perf_counter()
            report = import_paths(db, [str(Path(tmp) / "in")])
            took = time.perf_counter() - start
            assert report.count("imported") == n, [r.reason for r in report.rejected]
            print(f"{fmt:<8}{n:>9}{took:>9.2f}{n / took:>12.1f}")


def duplicate_cost(articles: int) -> None:
    import random

    from bientap.store import duplicates
    from bientap.store.db import open_db
    from _pages import seed_fields

    f = seed_fields(3)
    body = "\n\n".join(f.paragraphs)
    body = (body * 3).encode()[:5000].decode("utf-8", "ignore")  # 5 KB of UTF-8 Vietnamese
    assert 4500 < len(body.encode()) < 6500, len(body.encode())
    duplicates.signature(body)
    runs = 200
    start = time.process_time()
    for i in range(runs):
        duplicates.signature(body + str(i))
    sig_us = (time.process_time() - start) / runs * 1e6
    print(f"MinHash, {len(body.encode())} B body, {duplicates.NUM_PERM} permutations: {sig_us:.0f} µs CPU")

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "d.db")
        rng = random.Random(7)
        start = time.perf_counter()
        with db.conn:
            db.conn.executemany("INSERT INTO articles (id, body, status, version, created_at, updated_at, word_count) "
                                "VALUES (?, '', 'draft', 1, '', '', 0)", ((i,) for i in range(1, articles + 1)))
            sigs = [rng.randbytes(4 * duplicates.NUM_PERM) for _ in range(articles)]
            db.conn.executemany("INSERT INTO duplicate_signatures VALUES (?, ?)",
                                ((i + 1, sigs[i]) for i in range(articles)))
            db.conn.executemany("INSERT INTO duplicate_bands (key, article_id) VALUES (?, ?)",
                                ((k, i + 1) for i in range(articles) for k in duplicates.band_keys(sigs[i])))
        print(f"synthetic index of {articles} signatures built in {time.perf_counter() - start:.1f} s; "
              f"database {os.path.getsize(Path(tmp) / 'd.db') / 1e6:.0f} MB")
        new_id = articles + 1
        with db.conn:
            db.execute("INSERT INTO articles (id, body, status, version, created_at, updated_at, word_count) "
                       "VALUES (?, '', 'draft', 1, '', '', 0)", [new_id])
        # Article 6 holds this story: each lookup finds a candidate to verify, as a real group would.
        with db.conn:
            duplicates.link(db, 6, body)
        bodies = [body + f" số {i}" for i in range(runs)]
        start, cpu = time.perf_counter(), time.process_time()
        with db.conn:  # the same new article linked again and again: its old rows go first, as at import
            found = [duplicates.link(db, new_id, b) for b in bodies]
        wall = (time.perf_counter() - start) / runs * 1e6
        cpu = (time.process_time() - cpu) / runs * 1e6
        assert all(f == 6 for f in found), found[:5]
        print(f"link() at {articles} articles (MinHash + 16-key LSH lookup + verify + insert): "
              f"{wall:.0f} µs wall, {cpu:.0f} µs CPU per article; the LSH part ≈ {wall - sig_us:.0f} µs")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    import_rates(args.copies)
    duplicate_cost(args.articles)


if __name__ == "__main__":
    main()
