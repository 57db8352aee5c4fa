"""How many desks one host serves: N real desks in tmux on one database while a feed import runs.

    python benchmarks/desks.py --desks 1 4 8 16 --runs 2

For each N (and each run) the cached archive (benchmarks/.cache/archive-3000.db, built once through
run.py's helper) is copied, `bientap import` of a JSON Lines feed of new articles is started on the
copy, and N desks are opened in tmux sessions (`bench-desk-<pid>-<k>`, 140×45), each as its own
editor. Then, while the import is still writing:

- key latency: Down/Up sent with `tmux send-keys`, one desk at a time, round-robin. The desks run
  the real `bientap tui` under a probe (the `_desk` mode below, the idea of desk_probe.py: no hook
  in the product) that logs when a key reaches the desk and when the screen is next written, so a
  latency is key received → next screen update (rendering included); send → update adds tmux's pty.
- save latency in the desk: each desk opens a different article (Enter), types a letter, Ctrl+S,
  and the time until its status line shows the next version ("· vN+1"), polled with capture-pane.
- save latency in the store: N processes each calling `bientap.store.workflow.save_article` on their own
  article back to back (a short think time between), the part SQLite's single writer constrains.
- memory: RSS and PSS of every desk process and its check-service child.

`--no-import` gives the same figures without the import, to tell its write chunks from the desks'
own contention. The machine's load average is printed with every point. Every tmux session and process started
here is ended on the way out. Speed is measured, not tested.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
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
from run import CACHE, build_db  # noqa: E402

PREFIX = f"bench-desk-{os.getpid()}"
BIN = Path(sys.executable).parent
FEED_OFFSET = 1_000_000  # feed records that are not in the archive (other source URLs)


# --- inside a tmux pane: the real desk under the probe ------------------------------------------

def run_desk(log: Path, cli_args: list[str]) -> None:
    """`bientap ... tui` with two timestamps logged (CLOCK_MONOTONIC, shared by all processes)."""
    from textual import events
    from textual.driver import Driver

    from bientap.tui.app import BientapApp
    from bientap.tui.cli import main

    out = log.open("a", buffering=1)
    send = Driver.send_message
    display = BientapApp._display

    def timed_send(self, message):  # the driver's input thread, as the key is parsed
        if isinstance(message, events.Key):
            out.write(f"key {time.monotonic():.6f}\n")
        send(self, message)

    def timed_display(self, screen, renderable):
        display(self, screen, renderable)
        if renderable is not None:
            out.write(f"display {time.monotonic():.6f}\n")

    Driver.send_message = timed_send
    BientapApp._display = timed_display
    main(args=cli_args, prog_name="bientap")


# --- a concurrent saver: bientap.store.workflow.save_article back to back --------------------------------

def run_saver(db_path: Path, article_id: int, seconds: float, think: float) -> None:
    """Prints the latencies (ms) of the saves that went through; on stderr, how many were refused
    because the write lock stayed taken longer than the busy timeout ("database is locked")."""
    from bientap.store import articles, workflow
    from bientap.store.context import load_context
    from bientap.store.db import StoreError, open_db

    db = open_db(db_path)
    ctx = load_context(db)
    samples, locked = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        current = articles.get(db, article_id)
        started = time.monotonic()
        try:
            workflow.save_article(db, article_id, {"body": current.body + " x"}, current.version,
                                  editor=f"saver{article_id}", ctx=ctx)
            samples.append((time.monotonic() - started) * 1000)
        except StoreError:
            locked += 1
        time.sleep(think)
    print(json.dumps(samples))
    print(f"locked {locked}", file=sys.stderr)


# --- the harness ----------------------------------------------------------------------------------

def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def feed_file(n: int) -> Path:
    path = CACHE / f"desks-feed-{n}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as fh:
            for i in range(FEED_OFFSET, FEED_OFFSET + n):
                fh.write(json.dumps(corpus.article_record(i), ensure_ascii=False) + "\n")
    return path


class Desk:
    def __init__(self, k: int, db: Path, workdir: Path) -> None:
        self.k, self.session = k, f"{PREFIX}-{k}"
        self.log = workdir / f"desk-{k}.log"
        self.log.touch()
        self._offset = 0
        self.events: list[tuple[str, float]] = []
        cmd = " ".join([str(BIN / "python"), str(Path(__file__).resolve()), "_desk", str(self.log), "--db", str(db),
                        "--user", f"editor{k}", "tui"])
        tmux("new", "-d", "-s", self.session, "-x", "140", "-y", "45", cmd)

    def read(self) -> None:
        with self.log.open() as fh:
            fh.seek(self._offset)
            chunk = fh.read()
        complete = chunk[:chunk.rfind("\n") + 1]
        self._offset += len(complete)
        for line in complete.splitlines():
            kind, stamp = line.split()
            self.events.append((kind, float(stamp)))

    def send(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.session)

    def key_latency(self, key: str, timeout: float = 10) -> tuple[float, float] | None:
        """(received → next screen update, send → update) in ms, or None on timeout."""
        self.read()
        seen = len(self.events)
        sent = time.monotonic()
        self.send(key)
        deadline = sent + timeout
        while time.monotonic() < deadline:
            self.read()
            new = self.events[seen:]
            received = next((t for kind, t in new if kind == "key" and t >= sent), None)
            if received is not None:
                shown = next((t for kind, t in new if kind == "display" and t > received), None)
                if shown is not None:
                    return (shown - received) * 1000, (shown - sent) * 1000
            time.sleep(0.002)
        return None

    def pids(self) -> list[int]:
        """The desk process and every descendant (its check-service child)."""
        out = tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").split()
        pids, todo = [], [int(p) for p in out]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                try:
                    todo += [int(c) for c in task.read_text().split()]
                except OSError:
                    pass
        return pids


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB (PSS shares pages fairly between processes)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0, 0.0
    fields = dict(re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M))
    return int(fields.get("Rss", 0)) / 1024, int(fields.get("Pss", 0)) / 1024


def wait_for(predicate, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


VERSION = re.compile(r"· v(\d+)")


def save_latency(desk: Desk, timeout: float = 20) -> float | None:
    """Type a letter in the open article, Ctrl+S, ms until the status line shows the next version."""
    found = VERSION.findall(desk.screen())
    if not found:
        return None
    before = int(found[-1])
    desk.send("x")
    time.sleep(0.3)  # the letter is in the text before the save is asked for
    started = time.monotonic()
    desk.send("C-s")
    while time.monotonic() - started < timeout:
        if any(int(v) > before for v in VERSION.findall(desk.screen())):
            return (time.monotonic() - started) * 1000
        time.sleep(0.005)
    return None


def point(n: int, base: Path, feed: Path | None, keys_per_desk: int, saves_per_desk: int,
          saver_seconds: float) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bench-desk-", dir=CACHE))
    db = workdir / "desks.db"
    shutil.copy(base, db)
    desks: list[Desk] = []
    importer = None
    result: dict = {"desks": n, "import": feed is not None, "load_start": os.getloadavg()}
    try:
        if feed is not None:
            log = (workdir / "import.log").open("w")
            importer = subprocess.Popen([str(BIN / "bientap"), "--db", str(db), "import", str(feed)], stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
            time.sleep(2)  # the import is writing before the first desk opens
        started = time.monotonic()
        desks = [Desk(k, db, workdir) for k in range(n)]

        for desk in desks:  # the inbox has counted its rows ("3012 bài · sắp theo ...")
            wait_for(lambda desk=desk: bool(re.search(r"\d+ bài ·", desk.screen())), 120)
        result["all_open_s"] = time.monotonic() - started
        time.sleep(2)

        app_ms, e2e_ms, lost = [], [], 0
        for i in range(keys_per_desk):
            for desk in desks:
                got = desk.key_latency("Down" if i % 2 == 0 else "Up")
                if got is None:
                    lost += 1
                else:
                    app_ms.append(got[0])
                    e2e_ms.append(got[1])
                time.sleep(0.05)
        result["key_ms"], result["key_e2e_ms"], result["keys_lost"] = app_ms, e2e_ms, lost

        memory = [[memory_mb(pid) for pid in desk.pids()] for desk in desks]
        result["processes_per_desk"] = statistics.median(len(m) for m in memory)
        result["rss_mb_per_desk"] = statistics.median(sum(r for r, _ in m) for m in memory)
        result["pss_mb_per_desk"] = statistics.median(sum(p for _, p in m) for m in memory)

        # A different article in each desk: desk k goes k rows down before Enter.
        for desk in desks:
            desk.send(*(["Down"] * desk.k), "Enter")
        opened = [d for d in desks if wait_for(lambda d=d: bool(VERSION.search(d.screen())), 30)]
        saves, failed = [], n - len(opened)
        for _ in range(saves_per_desk):
            for desk in opened:
                got = save_latency(desk)
                if got is None:  # kept to see why: a lock warning, an error, a desk that ended
                    failed += 1
                    (CACHE / f"{desk.session}-failed-save.txt").write_text(desk.screen())
                else:
                    saves.append(got)
        result["desk_save_ms"], result["desk_saves_failed"] = saves, failed

        # N concurrent writers through the store, each on its own article, while the import writes.
        from bientap.store.db import open_db

        conn = open_db(db)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT ?", [n])]
        conn.close()
        savers = [subprocess.Popen([str(BIN / "python"), str(Path(__file__).resolve()), "_saver", str(db), str(i),
                                    str(saver_seconds), "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True) for i in ids]
        store_ms, locked = [], 0
        for saver in savers:
            out, err = saver.communicate(timeout=saver_seconds + 120)
            if saver.returncode != 0:
                raise SystemExit(err)
            store_ms += json.loads(out.strip().splitlines()[-1])
            locked += int(re.findall(r"locked (\d+)", err)[-1])
        result["store_save_ms"], result["store_saves_locked"] = store_ms, locked
        result["import_still_running"] = importer is not None and importer.poll() is None
        result["load_end"] = os.getloadavg()
    finally:
        for desk in desks:
            tmux("kill-session", "-t", desk.session)
        if importer is not None and importer.poll() is None:
            os.killpg(importer.pid, signal.SIGTERM)
            importer.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def summary(r: dict) -> str:
    def ms(values: list[float]) -> str:
        return f"p50 {statistics.median(values):.0f} / p95 {pct(values, .95):.0f} ms (n={len(values)})" \
            if values else "no samples"

    load = "/".join(f"{x:.1f}" for x in r["load_start"])
    return (f"{r['desks']:>2} desks  load {load} → {r['load_end'][0]:.1f}  all open {r['all_open_s']:.0f} s\n"
            f"    key (received → screen)  {ms(r['key_ms'])}; send → screen {ms(r['key_e2e_ms'])}; "
            f"lost {r['keys_lost']}\n"
            f"    save in the desk         {ms(r['desk_save_ms'])}; failed {r['desk_saves_failed']}\n"
            f"    save_article, {r['desks']} writers {ms(r['store_save_ms'])}; "
            f"refused 'database is locked' {r['store_saves_locked']}\n"
            f"    memory per desk          RSS {r['rss_mb_per_desk']:.0f} MB, PSS {r['pss_mb_per_desk']:.0f} MB "
            f"({r['processes_per_desk']:.0f} processes)\n"
            + (f"    import still running at the end: {r['import_still_running']}" if r["import"] else
               "    no import running"))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_desk":
        return run_desk(Path(sys.argv[2]), sys.argv[3:])
    if len(sys.argv) > 1 and sys.argv[1] == "_saver":
        return run_saver(Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))
    parser = argparse.ArgumentParser(description="N desks in tmux on one database while an import runs")
    parser.add_argument("--desks", type=int, nargs="+", default=[1, 4, 8, 16])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--articles", type=int, default=3000, help="size of the database the desks open")
    parser.add_argument("--feed", type=int, default=8000, help="records in the feed imported meanwhile")
    parser.add_argument("--keys", type=int, default=8, help="keys sent to each desk")
    parser.add_argument("--saves", type=int, default=2, help="saves made in each desk")
    parser.add_argument("--saver-seconds", type=float, default=8.0)
    parser.add_argument("--no-import", action="store_true", help="a baseline: the same without the import")
    parser.add_argument("--json", type=Path, help="append each point's raw figures here (JSON Lines)")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        raise SystemExit("tmux is not installed")
    base, feed = build_db(args.articles), None if args.no_import else feed_file(args.feed)
    print(f"{os.cpu_count()} cores; archive {args.articles} articles; "
          + ("no import" if feed is None else f"feed of {args.feed} imported meanwhile"), flush=True)
    for n in args.desks:
        for _ in range(args.runs):
            r = point(n, base, feed, args.keys, args.saves, args.saver_seconds)
            print(summary(r), flush=True)
            if args.json:
                with args.json.open("a") as fh:
                    fh.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
