"""`bientap db check` and `bientap db backup`, a database on a read-only mount, and writes to a
database SQLite finds corrupted: one line and exit 2, never a silent success."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from _mounts import remount_readonly, tmpfs
from _reliability import in_child, point_dirs_at, run_cli, shared_tmp
from conftest import ROOT
from test_reliability_db import closed_db, digest, integrity, one_line, write_articles

from bientap.store.db import open_db
from bientap.store.importer import import_paths


def fts_sound(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def count(path: Path, table: str = "articles") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def garble_pages(path: Path, tables: tuple[str, ...]) -> None:
    """Overwrite the root pages of `tables` and their indexes with noise, the rest of the file
    (header, schema, glossary) intact: a database that opens, but whose articles are damaged."""
    conn = sqlite3.connect(path)
    pages = [r[0] for r in conn.execute(
        f"SELECT rootpage FROM sqlite_master WHERE tbl_name IN ({', '.join('?' * len(tables))}) AND rootpage > 0",
        tables)]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    noise = random.Random(13)
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * size
        data[start:start + size] = noise.randbytes(size)
    path.write_bytes(bytes(data))


# ---- db check -----------------------------------------------------------------------------------

def test_check_a_sound_database(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 3))
    result = run_cli(["--db", str(db_path), "db", "check"])
    assert result["code"] == 0, result
    assert result["out"].startswith(f"ổn: {db_path}") and "chỉ mục tìm kiếm nguyên vẹn" in result["out"]
    assert result["err"] == ""


def test_check_damaged_pages_is_one_line_exit_2(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 3))
    garble_pages(db_path, ("articles",))
    result = run_cli(["--db", str(db_path), "db", "check"])
    assert result["code"] == 2, result
    line = one_line(result)
    assert str(db_path) in line and "bị hỏng" in line, line
    assert result["out"] == ""


def test_check_finds_a_damaged_search_index(db_path, tmp_path):
    """integrity_check alone passes this file: only the FTS5 check sees the index lost a row."""
    closed_db(db_path, write_articles(tmp_path / "in", 3))
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM articles_fts_docsize WHERE id = 2")
    conn.commit()
    conn.close()
    assert integrity(db_path) == "ok"
    result = run_cli(["--db", str(db_path), "db", "check"])
    assert result["code"] == 2, result
    line = one_line(result)
    assert "articles_fts" in line and "bị hỏng" in line, line


def test_check_without_a_database(tmp_path):
    missing = tmp_path / "none.db"
    result = run_cli(["--db", str(missing), "db", "check"])
    assert result["code"] == 2 and "chưa có cơ sở dữ liệu" in one_line(result)
    assert not missing.exists()


# ---- writes to a corrupted database ------------------------------------------------------------

@pytest.mark.parametrize("write", ["status", "import"])
def test_writes_to_a_corrupted_database_fail_in_one_line(db_path, tmp_path, write):
    closed_db(db_path, write_articles(tmp_path / "in", 3))
    garble_pages(db_path, ("articles", "raw_imports"))
    new = tmp_path / "new" / "tin.txt"
    new.parent.mkdir()
    new.write_text("Huế mở lại cầu Trường Tiền\n\nCầu mở lại sau ba tháng sửa chữa.\n\nMinh Anh\n", encoding="utf-8")
    args = ["status", "1", "review"] if write == "status" else ["import", str(new)]
    result = run_cli(["--db", str(db_path), *args])
    assert result["code"] == 2, result
    line = one_line(result)
    assert str(db_path) in line and "corrupted" in line, line
    assert "imported 1" not in result["out"]


# ---- db backup ----------------------------------------------------------------------------------

def test_backup_is_a_sound_copy_and_refuses_to_overwrite(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 4))
    target = tmp_path / "backups" / "newsroom-1.db"
    target.parent.mkdir()
    result = run_cli(["--db", str(db_path), "db", "backup", str(target)])
    assert result["code"] == 0, result
    assert integrity(target) == "ok" and fts_sound(target) and count(target) == 4
    assert not Path(f"{target}-wal").exists()  # one self-contained file
    assert run_cli(["--db", str(target), "db", "check"])["code"] == 0

    before = digest(target)
    run_cli(["--db", str(db_path), "import", str(write_articles(tmp_path / "more", 6)[5])])
    again = run_cli(["--db", str(db_path), "db", "backup", str(target)])
    assert again["code"] == 2 and "--overwrite" in one_line(again)
    assert digest(target) == before
    forced = run_cli(["--db", str(db_path), "db", "backup", str(target), "--overwrite"])
    assert forced["code"] == 0, forced
    assert count(target) == 5 and integrity(target) == "ok"
    assert sorted(p.name for p in target.parent.iterdir()) == ["newsroom-1.db"]  # no temp left

    itself = run_cli(["--db", str(db_path), "db", "backup", str(db_path), "--overwrite"])
    assert itself["code"] == 2 and "chính là cơ sở dữ liệu đang dùng" in one_line(itself)
    assert count(db_path) == 5


def test_backup_into_a_missing_folder_is_one_line(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 1))
    result = run_cli(["--db", str(db_path), "db", "backup", str(tmp_path / "no" / "such" / "b.db")])
    assert result["code"] == 2 and "không ghi được bản sao lưu" in one_line(result)


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from bientap.store import articles
    from bientap.store.db import open_db, write_transaction

    db = open_db(sys.argv[1])
    stop = Path(sys.argv[2])
    n = 0
    while not stop.exists() or n < 40:
        with write_transaction(db):
            articles.insert(db, articles.Article(title=f"Tin nhanh {n}", body="Nội dung. " * 200),
                            source_key=f"writer:{n}", raw_id=None)
        n += 1
        if n == 20:
            print("ready", flush=True)
    print(n, flush=True)
""")


def test_backup_while_another_process_writes_is_consistent(db_path, tmp_path):
    closed_db(db_path, write_articles(tmp_path / "in", 3, pad=300))
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        target = tmp_path / "b.db"
        result = run_cli(["--db", str(db_path), "db", "backup", str(target)])
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert result["code"] == 0, result
    assert writer.returncode == 0, err  # the writer was never locked out
    written = int(out.split()[-1])
    assert integrity(target) == "ok" and fts_sound(target)
    copied = count(target)
    assert 3 + 20 <= copied <= 3 + written
    # One moment of the database: every article with its revision and its search row, none half-there.
    assert count(target, "revisions") == copied and count(target, "articles_fts") == copied
    assert run_cli(["--db", str(target), "db", "check"])["code"] == 0
    assert count(db_path) == 3 + written


# ---- a read-only mount ---------------------------------------------------------------------------

def test_database_on_a_readonly_mount(tmp_path):
    """A WAL-mode database on a filesystem mounted read-only: no -shm can be made beside it, so it
    is read immutable — listed, shown, checked and backed up; writes refused in one line."""
    with tmpfs(tmp_path / "mnt", "8m") as mnt:
        path = mnt / "newsroom.db"
        db = open_db(path)
        assert import_paths(db, [str(p) for p in write_articles(tmp_path / "in", 3)]).count("imported") == 3
        db.close()
        assert sorted(os.listdir(mnt)) == ["newsroom.db"]  # WAL mode, closed cleanly
        remount_readonly(mnt)
        listed = run_cli(["--db", str(path), "list", "--format", "json"])
        assert listed["code"] == 0 and listed["out"].count('"id"') == 3, listed
        shown = run_cli(["--db", str(path), "show", "2"])
        assert shown["code"] == 0 and "Đà Nẵng" in shown["out"], shown
        checked = run_cli(["--db", str(path), "db", "check"])
        assert checked["code"] == 0 and "chưa kiểm vì chỉ đọc" in checked["out"], checked
        backed = run_cli(["--db", str(path), "db", "backup", str(tmp_path / "b.db")])
        assert backed["code"] == 0 and count(tmp_path / "b.db") == 3, backed
        for args in (["status", "1", "review"], ["import", str(write_articles(tmp_path / "new", 1)[0])]):
            result = run_cli(["--db", str(path), *args])
            assert result["code"] == 2, (args, result)
            assert "chỉ đọc" in one_line(result)
        assert sorted(os.listdir(mnt)) == ["newsroom.db"]


@pytest.mark.slow
def test_wal_database_in_a_folder_nobody_may_write():
    """The same without a mount: a WAL-mode file in a folder the user cannot write, opened by an
    unprivileged user (as root the child drops to nobody, so permissions really apply)."""
    with shared_tmp() as shared:
        home = shared / "db"
        home.mkdir()
        path = home / "n.db"
        db = open_db(path)
        assert import_paths(db, [str(p) for p in write_articles(shared / "in", 2)]).count("imported") == 2
        db.close()
        home.chmod(0o555)
        path.chmod(0o444)

        def warm_up():
            point_dirs_at(shared)
            run_cli(["--db", str(shared / "w.db"), "import", str(shared / "in")])
            run_cli(["--db", str(shared / "w.db"), "list"])
            run_cli(["--db", str(shared / "w.db"), "db", "check"])

        def child():
            point_dirs_at(shared)
            return {"list": run_cli(["--db", str(path), "list", "--format", "json"]),
                    "check": run_cli(["--db", str(path), "db", "check"]),
                    "save": run_cli(["--db", str(path), "status", "1", "review"])}

        result = in_child(child, drop_privileges=True, warm_up=warm_up)
        assert result["list"]["code"] == 0 and result["list"]["out"].count('"id"') == 2, result["list"]
        assert result["check"]["code"] == 0, result["check"]
        assert result["save"]["code"] == 2 and "chỉ đọc" in one_line(result["save"]), result["save"]
        assert sorted(os.listdir(home)) == ["n.db"]
