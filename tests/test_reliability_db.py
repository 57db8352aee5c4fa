"""Database faults: read-only, disk full, corrupted, older and newer schemas — a clear one-line
message, exit 2, and nothing committed lost or changed."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sqlite3
from pathlib import Path

import pytest
from _reliability import in_child, point_dirs_at, run_cli, shared_tmp

from bientap.store import articles
from bientap.store.db import SCHEMA_VERSION, StoreError, migrations, open_db
from bientap.store.importer import import_paths


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin the English wording of the failures they provoke (the Vietnamese run of the
    same messages is tests/test_cli_language.py's); child processes inherit $BIENTAP_LANG."""
    from bientap import i18n

    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")


ARTICLE = (
    "Đà Nẵng mở tuyến xe buýt mới\n\n"
    "Ngày 5/6/2024, thành phố Đà Nẵng mở tuyến xe buýt nối sân bay với trung tâm, "
    "chạy mười lăm phút một chuyến từ năm giờ sáng.\n\n"
    "Giá vé mười nghìn đồng; học sinh và người cao tuổi được giảm một nửa.\n\n"
    "Hải Yến\n"
)


def write_articles(folder: Path, n: int, pad: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"bai{i:03d}.txt"
        p.write_text(ARTICLE.replace("mười lăm", f"{i + 10}") + ("Thêm một đoạn tin. " * pad), encoding="utf-8")
        paths.append(p)
    return paths


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def closed_db(path: Path, files: list[Path]) -> None:
    """A database holding `files`, closed cleanly (no -wal or -shm left), as a colleague leaves it."""
    db = open_db(path)
    assert import_paths(db, [str(p) for p in files]).count("imported") == len(files)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")  # what a copied or backed-up database looks like
    db.close()


def one_line(result: dict) -> str:
    lines = [line for line in result["err"].splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in result["err"] and result["exc"] is None, result
    return lines[0]


# ---- read-only --------------------------------------------------------------------------------------

def test_readonly_connection_refuses_saves_clearly(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 2))
    before = digest(db_path)
    db = open_db(db_path, readonly=True)
    a = articles.get(db, 1)
    with pytest.raises(StoreError, match="read-only"):
        articles.save(db, 1, {"title": "Tít mới"}, a.version)
    report = import_paths(db, [str(p) for p in write_articles(tmp_path / "more", 2)])
    assert report.error and "read-only" in report.error and report.count("imported") == 0
    db.close()
    assert digest(db_path) == before


@pytest.mark.slow
def test_readonly_database_file_for_unprivileged_user():
    """The file belongs to root and its folder is not writable: `nobody` can read, not write."""
    with shared_tmp() as shared:
        home = shared / "db"
        home.mkdir()
        db_path = home / "n.db"
        closed_db(db_path, write_articles(shared / "in", 3))
        home.chmod(0o555)  # for a non-root run; as root the child's drop to nobody does it
        db_path.chmod(0o444)
        new = write_articles(shared / "new", 1)[0]
        new.write_text(ARTICLE.replace("Đà Nẵng", "Huế"), encoding="utf-8")
        before = digest(db_path)

        def warm_up():
            point_dirs_at(shared)
            run_cli(["--db", str(shared / "w.db"), "import", str(shared / "in")])
            run_cli(["--db", str(shared / "w.db"), "list"])

        def child():
            point_dirs_at(shared)
            return {"import": run_cli(["--db", str(db_path), "import", str(new)]),
                    "save": run_cli(["--db", str(db_path), "status", "1", "review"]),
                    "list": run_cli(["--db", str(db_path), "list", "--format", "json"])}

        result = in_child(child, drop_privileges=True, warm_up=warm_up)
        for what in ("import", "save"):
            line = one_line(result[what])
            assert result[what]["code"] == 2, result
            assert str(db_path) in line and ("read-only" in line or "unable to open" in line), line
        assert result["list"]["code"] == 0 and len(json.loads(result["list"]["out"])) == 3, result["list"]  # still readable
        assert digest(db_path) == before
        assert sorted(os.listdir(home)) == ["n.db"]


# ---- disk full ------------------------------------------------------------------------------------------

def test_disk_full_stops_import_keeps_what_was_committed(db_path, tmp_path):
    files = write_articles(tmp_path / "in", 12, pad=400)
    db = open_db(db_path)
    assert import_paths(db, [str(p) for p in files[:2]]).count("imported") == 2
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 12}")  # room for a file or two more, not ten
    report = import_paths(db, [str(p) for p in files[2:]])
    assert report.error and "disk is full" in report.error, report
    done = report.count("imported")
    assert 0 <= done < 10
    db.close()
    assert integrity(db_path) == "ok"
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2 + done
    assert db.execute("SELECT count(*) FROM raw_imports").fetchone()[0] == 2 + done
    rerun = import_paths(db, [str(p) for p in files])
    assert rerun.error is None and rerun.count("imported") == 10 - done and rerun.count("unchanged") == 2 + done
    db.close()


def test_disk_full_during_save_keeps_the_last_revision(db_path):
    db = open_db(db_path)
    with db.atomic():
        a = articles.insert(db, articles.Article(title="Tít", body="Thân bài."), source_key="t:1", raw_id=None)
    a = articles.save(db, a.id, {"body": "Bản hai."}, a.version)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="disk is full"):
        articles.save(db, a.id, {"body": "Bản ba " * 20_000}, a.version)
    db.close()
    assert integrity(db_path) == "ok"
    db = open_db(db_path)
    assert articles.get(db, a.id).body == "Bản hai." and articles.get(db, a.id).version == a.version
    assert [r["version"] for r in articles.revisions(db, a.id)] == [2, 1]
    db.close()


@pytest.mark.slow
def test_disk_full_through_cli_with_file_size_limit(tmp_path):
    """RLIMIT_FSIZE in a child: the CLI says the disk is full, exit 2; the file stays sound."""
    db_path = tmp_path / "n.db"
    files = write_articles(tmp_path / "in", 30, pad=300)
    closed_db(db_path, files[:1])
    limit = db_path.stat().st_size + 200_000

    def setup():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write(), not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    def child():
        return run_cli(["--db", str(db_path), "import", str(tmp_path / "in")])

    result = in_child(child, setup=setup)
    assert result["code"] == 2, result
    line = one_line(result)
    assert str(db_path) in line and ("disk full" in line or "disk write error" in line), line
    assert integrity(db_path) == "ok"
    db = open_db(db_path)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1 <= stored < 30
    assert db.execute("SELECT count(*) FROM revisions").fetchone()[0] == stored
    db.close()
    rerun = run_cli(["--db", str(db_path), "import", str(tmp_path / "in")])
    assert rerun["code"] == 0 and f"imported {30 - stored}" in rerun["out"], rerun


# ---- corrupted ----------------------------------------------------------------------------------------

def corrupt_files(tmp_path: Path) -> dict[str, Path]:
    real = tmp_path / "real.db"
    closed_db(real, write_articles(tmp_path / "in", 2))
    out = {}
    out["garbage"] = tmp_path / "garbage.db"
    out["garbage"].write_bytes(os.urandom(8192))
    out["truncated-header"] = tmp_path / "truncated.db"
    out["truncated-header"].write_bytes(real.read_bytes()[:60])
    out["article-text"] = tmp_path / "article.txt"  # --db pointed at an article by mistake
    out["article-text"].write_text(ARTICLE * 20, encoding="utf-8")
    data = bytearray(real.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = os.urandom(len(data) - page)  # header intact, every other page garbage
    out["garbage-pages"] = tmp_path / "pages.db"
    out["garbage-pages"].write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("kind", ["garbage", "truncated-header", "article-text", "garbage-pages"])
def test_corrupted_file_clear_message_and_untouched(tmp_path, kind):
    path = corrupt_files(tmp_path)[kind]
    before = digest(path)
    for args in (["list"], ["show", "1"], ["import", str(tmp_path / "in")]):
        result = run_cli(["--db", str(path), *args])
        assert result["code"] == 2, (args, result)
        line = one_line(result)
        assert str(path) in line and ("not a database" in line or "corrupted" in line), line
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_debug_shows_the_traceback(tmp_path):
    path = corrupt_files(tmp_path)["garbage"]
    result = run_cli(["--db", str(path), "--debug", "list"])
    assert result["code"] != 0 and "StoreError" in (result["exc"] or "")


# ---- schema versions ---------------------------------------------------------------------------------

def names() -> list[str]:
    return [m.name for m in migrations._migrations]


@pytest.mark.parametrize("applied", range(len(migrations._migrations)))
def test_older_schema_is_migrated(tmp_path, applied):
    """A database written by an older bientap: only the first `applied` migrations, user_version 0."""
    import sqlite_utils

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before=names()[applied])
    if applied:  # m001 gives articles: one stored by the old version must survive the upgrade
        old["articles"].insert({"title": "Bài cũ", "body": "Thân bài cũ.", "status": "draft", "version": 1,
                                "created_at": "2024-01-01T00:00:00+00:00", "updated_at": "2024-01-01T00:00:00+00:00",
                                "source_key": "old:1"})
    old.close()
    db = open_db(path)
    assert not migrations.pending(db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    if applied:
        assert articles.get(db, 1).title == "Bài cũ"
    assert import_paths(db, [str(p) for p in write_articles(tmp_path / "in", 1)]).count("imported") == 1
    db.close()
    assert integrity(path) == "ok"


def test_newer_schema_refused_and_untouched(tmp_path):
    path = tmp_path / "new.db"
    closed_db(path, write_articles(tmp_path / "in", 1))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer"):
        open_db(path)
    with pytest.raises(StoreError, match="newer"):
        open_db(path, readonly=True)
    for args in (["list"], ["import", str(tmp_path / "in")], ["show", "1"]):
        result = run_cli(["--db", str(path), *args])
        assert result["code"] == 2
        line = one_line(result)
        assert "newer" in line and "upgrade bientap" in line and str(path) in line, line
    assert digest(path) == before  # not even switched to WAL


@pytest.mark.slow
def test_two_processes_create_a_new_database_at_once(tmp_path):
    """Both find no tables; the write lock lets one migrate, the other sees it done."""
    path = tmp_path / "fresh.db"
    pids = []
    for n in range(3):
        pid = os.fork()
        if pid == 0:
            try:
                open_db(path).close()
                os._exit(0)
            except BaseException as exc:  # say why, so a failure here can be read
                (tmp_path / f"child{n}.err").write_text(f"{type(exc).__name__}: {exc}")
                os._exit(1)
        pids.append(pid)
    codes = [os.waitpid(pid, 0)[1] for pid in pids]
    errors = [p.read_text() for p in sorted(tmp_path.glob("child*.err"))]
    assert codes == [0, 0, 0], errors
    db = open_db(path)
    assert [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")] == names()
    db.close()


def test_another_programs_database_refused_and_untouched(tmp_path):
    path = tmp_path / "crm.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()
    before = digest(path)
    for args in (["list"], ["import", str(write_articles(tmp_path / "in", 1)[0])]):
        result = run_cli(["--db", str(path), *args])
        assert result["code"] == 2
        assert "not bientap's" in one_line(result)
    assert digest(path) == before


def test_database_folder_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli(["--db", str(blocker / "sub" / "n.db"), "list"])
    assert result["code"] == 2 and "cannot create its folder" in one_line(result)
