"""Crashes and concurrent writers: SIGKILL mid-import and mid-save, two editors saving one article,
two imports of one folder — the database stays sound, nothing committed is lost, nothing doubles."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT

from bientap.store import articles
from bientap.store.articles import ConflictError
from bientap.store.db import open_db
from bientap.store.importer import import_paths


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin the English summary of import (the Vietnamese run is
    tests/test_cli_language.py's); child processes inherit $BIENTAP_LANG."""
    from bientap import i18n

    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")

ARTICLE = (
    "Cần Thơ khai mạc hội chợ nông sản\n\n"
    "Ngày 8/9/2024, thành phố Cần Thơ khai mạc hội chợ nông sản với gần hai trăm gian hàng "
    "của các tỉnh Đồng bằng sông Cửu Long.\n\n"
    "Hội chợ kéo dài năm ngày, có phiên kết nối tiêu thụ cho hợp tác xã.\n\n"
    "Ngọc Hân\n"
)


def write_folder(folder: Path, n: int, pad: int = 100) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"bai{i:04d}.txt").write_text(
            ARTICLE.replace("hai trăm", f"{i + 200}") + "Thêm một đoạn tin. " * pad, encoding="utf-8")
    return folder


def count(path: Path, table: str = "articles") -> int:
    conn = sqlite3.connect(path, timeout=10)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    finally:
        conn.close()


def assert_sound(path: Path, *, imported: bool = True) -> None:
    """integrity_check ok, one article per source, each with its raw import (when `imported`) and a
    revision of its current version."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) - count(DISTINCT source_key) FROM articles").fetchone()[0] == 0
        if imported:
            assert conn.execute("SELECT count(*) FROM articles WHERE raw_id IS NULL OR raw_id NOT IN "
                                "(SELECT id FROM raw_imports)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM revisions r "
                            "WHERE r.article_id = a.id AND r.version = a.version)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert conn.execute("SELECT coalesce(sum(n), 0) FROM status_counts").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, "finished before it could be killed: " + proc.stderr.read().decode()
        assert time.monotonic() < deadline, "never got going"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def cli_process(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bientap.tui.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


@pytest.mark.slow
def test_sigkill_during_folder_import_then_rerun_completes(tmp_path):
    folder = write_folder(tmp_path / "in", 250)
    db_path = tmp_path / "n.db"
    proc = cli_process("--db", str(db_path), "import", str(folder))
    kill_when(proc, lambda: count(db_path) >= 20)
    before = count(db_path)
    assert 20 <= before < 250
    assert_sound(db_path)
    assert count(db_path, "raw_imports") == before
    done = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", str(db_path), "import", str(folder)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"imported {250 - before}, updated 0, unchanged {before}" in done.stdout
    assert count(db_path) == 250
    assert_sound(db_path)


@pytest.mark.slow
def test_sigkill_during_feed_import_then_rerun_completes(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with open(feed, "w", encoding="utf-8") as fh:
        for i in range(1500):
            fh.write(json.dumps({"title": f"Tin số {i}", "body": f"Nội dung bài {i}. " * 30,
                                 "source_url": f"https://bao.example.vn/{i}"}, ensure_ascii=False) + "\n")
    db_path = tmp_path / "n.db"
    proc = cli_process("--db", str(db_path), "import", str(feed))
    kill_when(proc, lambda: count(db_path) >= 200)
    before = count(db_path)
    assert_sound(db_path)
    done = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", str(db_path), "import", str(feed)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"imported {1500 - before}" in done.stdout and count(db_path) == 1500
    assert_sound(db_path)


SAVER = """
import sys
from bientap.store import articles
from bientap.store.db import open_db
db = open_db(sys.argv[1])
version = articles.get(db, 1).version
for i in range(100000):
    a = articles.save(db, 1, {"body": f"Bản sửa số {i}. " * 50, "title": f"Tít {i}"}, version, editor="máy")
    version = a.version
    print(version, i, flush=True)  # printed only once committed
"""


@pytest.mark.slow
def test_sigkill_during_saves_keeps_every_committed_revision(tmp_path):
    db_path = tmp_path / "n.db"
    db = open_db(db_path)
    with db.atomic():
        articles.insert(db, articles.Article(title="Tít", body="Bản đầu."), source_key="t:1", raw_id=None)
    db.close()
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(db_path)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    committed = []
    for line in proc.stdout:
        committed.append(tuple(map(int, line.split())))
        if len(committed) >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(committed) >= 40, proc.stderr.read()
    assert_sound(db_path, imported=False)
    db = open_db(db_path)
    article = articles.get(db, 1)
    history = {r["version"]: json.loads(r["snapshot"]) for r in articles.revisions(db, 1)}
    assert sorted(history) == list(range(1, article.version + 1))  # no gap, nothing half-written
    for version, i in committed:
        assert history[version]["body"] == f"Bản sửa số {i}. " * 50 and history[version]["title"] == f"Tít {i}"
    assert article.version >= committed[-1][0]
    assert history[article.version]["body"] == article.body
    db.close()


def forked(workers: list[Callable[[], dict]]) -> list[dict]:
    """Run each worker in its own forked process, released together; their results, in order."""
    go_r, go_w = os.pipe()
    children = []
    for work in workers:
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(res_r)
            os.close(go_w)
            try:
                result = work(lambda: os.read(go_r, 1))
            except BaseException as exc:
                result = {"error": f"{type(exc).__name__}: {exc}"}
            with os.fdopen(res_w, "w") as fh:
                json.dump(result, fh)
            os._exit(0)
        os.close(res_w)
        children.append((pid, res_r))
    os.close(go_r)
    time.sleep(0.05)  # let them all reach the starting line
    os.write(go_w, b"x" * len(workers))
    os.close(go_w)
    results = []
    for pid, res_r in children:
        with os.fdopen(res_r) as fh:
            results.append(json.loads(fh.read()))
        os.waitpid(pid, 0)
    return results


@pytest.mark.slow
def test_two_editors_save_one_article(tmp_path):
    """Both opened version N; one save wins, the other gets ConflictError (never 'database is
    locked', never a silent overwrite); saving again on top keeps both texts in the history."""
    db_path = tmp_path / "n.db"
    db = open_db(db_path)
    with db.atomic():
        articles.insert(db, articles.Article(title="Tít", body="Bản gốc."), source_key="t:1", raw_id=None)
    db.close()

    def editor(name: str):
        def work(wait_for_go):
            db = open_db(db_path)
            start = articles.get(db, 1).version
            wait_for_go()
            text = f"Bản của {name} từ v{start}."
            try:
                articles.save(db, 1, {"body": text}, start, editor=name)
                return {"outcome": "saved", "text": text}
            except ConflictError as exc:
                # what the desk does after showing the conflict: save again on top of the winner
                articles.save(db, 1, {"body": text}, exc.actual, editor=name, note="after conflict")
                return {"outcome": "conflict", "text": text}
        return work

    for round_ in range(6):
        results = forked([editor("An"), editor("Bình")])
        assert sorted(r.get("outcome", r.get("error")) for r in results) == ["conflict", "saved"], results
        db = open_db(db_path)
        history = articles.revisions(db, 1)
        bodies = [json.loads(r["snapshot"])["body"] for r in history[:2]]
        winner = next(r for r in results if r["outcome"] == "saved")["text"]
        loser = next(r for r in results if r["outcome"] == "conflict")["text"]
        assert bodies == [loser, winner]  # newest first: both texts kept, in the order saved
        assert articles.get(db, 1).body == loser
        db.close()
    assert_sound_history(db_path)


def assert_sound_history(db_path: Path) -> None:
    db = open_db(db_path)
    versions = [r["version"] for r in articles.revisions(db, 1)]
    assert versions == list(range(articles.get(db, 1).version, 0, -1))
    db.close()


@pytest.mark.slow
def test_two_processes_import_one_folder(tmp_path):
    folder = write_folder(tmp_path / "in", 40, pad=10)
    feed = tmp_path / "in" / "feed.jsonl"
    feed.write_text("".join(json.dumps({"title": f"Tin {i}", "body": f"Nội dung {i}.",
                                        "source_url": f"https://b.example.vn/{i}"}) + "\n" for i in range(60)),
                    encoding="utf-8")
    db_path = tmp_path / "n.db"  # both find it missing: creation races too

    def importer(wait_for_go):
        wait_for_go()
        db = open_db(db_path)
        report = import_paths(db, [str(folder)])
        db.close()
        return {o: report.count(o) for o in ("imported", "updated", "unchanged", "rejected")} | {
            "error": report.error}

    results = forked([importer, importer, importer])
    assert all(r["error"] is None and r["rejected"] == 0 for r in results), results
    assert sum(r["imported"] for r in results) == 100, results
    assert sum(r["unchanged"] for r in results) == 200 and all(r["updated"] == 0 for r in results), results
    assert count(db_path) == 100 and count(db_path, "raw_imports") == 100
    assert_sound(db_path)


def test_checks_run_outside_the_write_lock(db_path, tmp_path, monkeypatch):
    """A desk saving during a big import waits for inserts only (the busy timeout is 5 s), and a
    re-import of unchanged sources runs no checks at all."""
    import bientap.store.importer

    folder = write_folder(tmp_path / "in", 3, pad=5)
    (folder / "feed.jsonl").write_text("".join(
        json.dumps({"title": f"Tin {i}", "body": f"Nội dung {i}.", "source_url": f"https://c.example.vn/{i}"}) + "\n"
        for i in range(450)), encoding="utf-8")
    db = open_db(db_path)
    real = bientap.store.importer.counts_for
    log = tmp_path / "checked"  # the checks run in worker processes: they report through a file

    def counting(article, ctx, raw):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(article, ctx, raw)

    monkeypatch.setattr(bientap.store.importer, "counts_for", counting)
    first = import_paths(db, [str(folder)])
    calls = log.read_text(encoding="utf-8").split()
    assert first.count("imported") == 453 and len(calls) == 453
    assert str(os.getpid()) not in calls, "checks ran in the process holding the write lock"
    log.unlink()
    again = import_paths(db, [str(folder)])
    assert again.count("unchanged") == 453 and not log.exists()
    db.close()
