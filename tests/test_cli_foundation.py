"""`bientap import`, `list`, `show` through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LIST_KEYS = {"id", "title", "sapo", "byline", "published_at", "source", "source_url", "location", "section",
             "status", "source_file", "updated_at", "word_count"}


def test_import_twice_list_show(cli, seed_paths):
    folder = str(seed_paths[0].parent)
    first = cli("import", folder)
    assert first.exit_code == 0, first.output
    assert "đã nhập 5" in first.output
    second = cli("import", folder)
    assert second.exit_code == 0 and "không đổi 5" in second.output
    listed = json.loads(cli("list", "--format", "json").output)
    assert len(listed) == 5 and LIST_KEYS <= set(listed[0])
    assert isinstance(listed[0]["id"], int)
    dates = [(r["published_at"] or "") for r in listed]
    assert dates == sorted(dates, reverse=True)
    assert all(r["status"] == "draft" for r in listed)
    by_file = {Path(r["source_file"]).name: r for r in listed}
    assert by_file["003_5cc4e78914f54ab4.txt"]["byline"] is None
    assert by_file["000_af2e1ecf7eee1989.txt"]["source_file"] == os.path.join(folder, "000_af2e1ecf7eee1989.txt")


def test_show_raw_is_byte_for_byte(db_path, seed_paths, cli):
    cli("import", *map(str, seed_paths))
    listed = json.loads(cli("list", "--format", "json").output)
    for row in listed:
        out = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", str(db_path), "show", str(row["id"]), "--raw"],
                             capture_output=True, cwd=ROOT, check=True).stdout
        assert out == Path(row["source_file"]).read_bytes()


def test_show_unknown_id_is_one_line_exit_2(cli):
    result = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", "x.db", "show", "999"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "999" in result.stderr


def test_import_rejects_with_exit_2(cli, tmp_path, seed_paths):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("import", str(tmp_path / "empty.txt"), str(seed_paths[0]))
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr and "đã nhập 1" in result.stdout


def test_list_json_unknown_values_are_null(cli, tmp_path):
    (tmp_path / "f.jsonl").write_text(json.dumps({"body": "Chỉ có thân bài."}) + "\n", encoding="utf-8")
    assert cli("import", str(tmp_path / "f.jsonl")).exit_code == 0
    row = json.loads(cli("list", "--format", "json").output)[0]
    assert row["title"] is None and row["published_at"] is None and row["byline"] is None


def test_demo_database_holds_the_seeds(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "demo", "--no-desk"], capture_output=True, text=True,
                         cwd=tmp_path, env=env | {"PYTHONPATH": str(ROOT)}, check=True).stdout.strip()
    assert out.endswith("demo.db")
    import sqlite3

    assert sqlite3.connect(out).execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_first_use_seeds_the_default_glossary(cli):
    listed = cli("glossary", "list")
    assert listed.exit_code == 0
    assert "KH&CN" in listed.output and "UBND" in listed.output


def test_desk_commands_take_a_language(cli):
    for command in ("tui", "demo"):
        result = cli(command, "--help")
        assert result.exit_code == 0 and "--lang [vi|en]" in result.output
