"""Export into real folders: names Windows refuses, temp files of a killed export, a full disk."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from _mounts import tmpfs
from hypothesis import given
from hypothesis import strategies as st
from conftest import ROOT

from bientap.store import articles
from bientap.store.export import _HOST, render, slug_for, windows_reserved


def one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


# ---- names Windows keeps for devices -----------------------------------------------------------

@pytest.mark.parametrize("name", ["CON", "con.md", "Nul.tar.md", "aux.html", "PRN", "com1.txt", "LPT9.json",
                                  "com0", "COM¹.md", "lpt³", "CONIN$", "nul .md"])
def test_windows_reserved(name):
    assert windows_reserved(name)


@pytest.mark.parametrize("name", ["cone.md", "console.md", "com10.md", "lpt.md", "nullity.txt", "con-5.md",
                                  "bai-con.md", "auxiliary", "com-1.md"])
def test_not_windows_reserved(name):
    assert not windows_reserved(name)


@given(st.text() | st.sampled_from(["CON", "nul", "Com¹", "LPT3", "aux!", " prn ", "cOn.", "Cờ"]),
       st.integers(min_value=1, max_value=10**9))
def test_no_title_gives_a_device_name(title, article_id):
    assert not windows_reserved(slug_for(title, article_id))


def test_export_never_writes_a_windows_device_name(fresh_db, add_article, cli, tmp_path):
    titles = ["CON", "nul", "Com1", "LPT9", "Aux", "prn", "Con", "Hội nghị CON"]
    stored = [add_article(fresh_db, title=t) for t in titles]
    for fmt in ("md", "ninjs"):
        out = tmp_path / fmt
        result = cli("export", "--all", "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        names = sorted(p.name for p in out.iterdir())
        assert len(names) == len(titles)
        assert not [n for n in names if windows_reserved(n)], names
    names = sorted(p.stem for p in (tmp_path / "md").iterdir())
    assert names == sorted(["con-1", "nul-2", "com1-3", "lpt9-4", "aux-5", "prn-6", "con-7", "hoi-nghi-con"])
    expected = render(articles.get(fresh_db, stored[0].id), "md", slug="con-1")
    assert (tmp_path / "md" / "con-1.md").read_text(encoding="utf-8") == expected
    assert "slug: con-1\n" in expected


# ---- a killed export's temp file ---------------------------------------------------------------

KILLED = textwrap.dedent("""
    import os, signal, sys
    import bientap.store.export

    calls = 0
    real_fsync = os.fsync

    def fsync(fd):
        global calls
        calls += 1
        if calls == 3:  # the third file's bytes are in its temp file: die as `kill -9` would
            os.kill(os.getpid(), signal.SIGKILL)
        real_fsync(fd)

    bientap.store.export.os.fsync = fsync
    from bientap.tui.cli import main
    main(sys.argv[1:])
""")


def test_a_killed_exports_temp_file_is_swept_by_the_next(fresh_db, add_article, db_path, tmp_path):
    for n in range(5):
        add_article(fresh_db, title=f"Tin số {n}", body="Nội dung bài viết. " * 50)
    out = tmp_path / "out"
    args = ["--db", str(db_path), "export", "--all", "--format", "html", "--out", str(out)]
    killed = subprocess.run([sys.executable, "-c", KILLED, *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = sorted(p.name for p in out.glob(".bientap-*"))
    assert len(left) == 1 and left[0].endswith(".tmp"), left
    assert len(list(out.glob("*.html"))) == 2

    done = subprocess.run([sys.executable, "-m", "bientap.tui.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert len(list(out.glob("*.html"))) == 5


def test_temp_files_of_a_live_export_are_kept(fresh_db, add_article, cli, tmp_path):
    """Another desk exporting into the same folder right now: its temp file stays."""
    add_article(fresh_db, title="Tin")
    live = tmp_path / f".bientap-{_HOST}-{os.getpid()}-abc123.tmp"
    foreign = tmp_path / ".bientap-0badcafe-1-abc123.tmp"  # another host's, fresh
    mine = tmp_path / ".report.tmp"  # not ours at all, even if old
    for temp in (live, foreign, mine):
        temp.write_text("nửa tệp")
    os.utime(mine, (1_000_000_000, 1_000_000_000))
    result = cli("export", "--all", "--format", "txt", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert live.exists() and foreign.exists() and mine.exists()


# ---- a full disk --------------------------------------------------------------------------------

def test_full_disk_stops_at_the_first_file_in_one_line(fresh_db, add_article, cli, tmp_path, monkeypatch):
    for n in range(30):
        add_article(fresh_db, title=f"Tin số {n}", body="Nội dung bài viết. " * 50)
    real_fsync = os.fsync
    calls = []

    def fsync(fd):  # a file system that says so only when the data is flushed (NFS, delayed allocation)
        calls.append(fd)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "fsync", fsync)
    result = cli("export", "--all", "--format", "md", "--out", str(out))
    assert result.exit_code == 2
    line = one_line(result)
    assert "No space left on device" in line and "đã ghi 3 tệp" in line, line
    assert len(calls) == 5  # three files, the failing fourth, the folder's sync: not 27 more tries
    assert sorted(p.name for p in out.iterdir()) == ["tin-so-0.md", "tin-so-1.md", "tin-so-2.md"]


def test_export_onto_a_really_full_disk(fresh_db, add_article, cli, tmp_path):
    for n in range(60):
        add_article(fresh_db, title=f"Tin số {n}", body="Nội dung bài viết khá dài. " * 200)
    with tmpfs(tmp_path / "small", "64k") as out:
        result = cli("export", "--all", "--format", "txt", "--out", str(out))
        assert result.exit_code == 2
        line = one_line(result)
        assert "No space left on device" in line and "không để lại tệp dở" in line, line
        files = sorted(out.iterdir())
        assert 0 < len(files) < 60
        assert not [p for p in files if p.name.startswith(".")]
        for path in files:  # every file there is whole
            text = path.read_text(encoding="utf-8")
            assert text.startswith("Tin số ") and text.rstrip().endswith("khá dài."), path
