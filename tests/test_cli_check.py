"""`bientap check`, `fix`, `glossary`, `words` through click, plus one run of the real entry point."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.findings import Finding

CLEAN = "Hội thảo khoa học\n\nSáng nay, các nhà khoa học đã thảo luận về đổi mới sáng tạo trên địa bàn tỉnh.\n"
FAULTY = "Hội thảo\n\nSáng ngày 10/5/ 2022 tại Khánh Hòa.Tại đây có  hai dấu cách.\n"


@pytest.fixture
def write(tmp_path):
    def make(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return p

    return make


def test_check_json_offsets_and_never_creates_the_database(cli, write, db_path):
    p = write("a.txt", "\ufeff" + FAULTY.replace("\n", "\r\n"))
    result = cli("check", str(p), "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    text = p.read_bytes().decode("utf-8-sig")
    rules = {f["rule"] for f in findings}
    assert {"spacing.date", "spacing.after_punct", "spacing.double"} <= rules
    for f in findings:
        assert f["path"] == str(p)
        assert text[f["start"]:f["end"]] == f["text"]
        assert set(f) >= {"rule", "category", "severity", "start", "end", "line", "column", "text", "message",
                          "suggestions", "safe", "field"}
    date = next(f for f in findings if f["rule"] == "spacing.date")
    assert (date["line"], date["column"]) == (3, 11)
    assert not db_path.exists()


def test_exit_codes(cli, write):
    clean, faulty = write("c.txt", CLEAN), write("f.txt", FAULTY)
    assert cli("check", str(clean)).exit_code == 0
    assert cli("check", str(faulty)).exit_code == 0  # warnings only; default --fail-on error
    assert cli("check", str(faulty), "--fail-on", "warning").exit_code == 1
    control = write("x.txt", "Bài có ký tự \x1b[31m điều khiển trong câu văn này.\n")
    assert cli("check", str(control)).exit_code == 1
    assert cli("check", str(control), "--fail-on", "never").exit_code == 0
    assert cli("check", str(control), str(clean.parent / "missing.txt")).exit_code == 2  # 2 wins
    assert cli("check", str(write("bin.txt", b"\x89PNG\x00\x00"))).exit_code == 2
    assert cli("check").exit_code == 2
    assert cli("check", str(clean), "--style", str(clean.parent / "nope.toml")).exit_code == 2
    bad_style = write("bad.toml", "tone_marks = 'sideways'\n")
    assert cli("check", str(clean), "--style", str(bad_style)).exit_code == 2


def test_stdin_path_is_dash(cli):
    result = cli("check", "-", "--format", "json", input="Khánh Hòa.Tại đây\n".encode())
    [f] = [f for f in json.loads(result.output) if f["rule"] == "spacing.after_punct"]
    assert f["path"] == "-"


def test_text_output_shows_escapes_and_never_parses_markup(cli, write):
    p = write("h.txt", "Tin [bold red]đỏ[/] và [link=file:///etc/passwd]x[/] rồi \x1b]0;pwned\x07 hết  nhé.\n")
    result = cli("check", str(p), "--fail-on", "never")
    assert result.exit_code == 0
    out = result.output
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out and "[bold red]đỏ[/]" in out and "[link=file:///etc/passwd]x[/]" in out
    assert str(p) in out and "^^" in out
    assert "lỗi" in out
    assert "errors" in cli("check", str(p), "--lang", "en", "--fail-on", "never").output


def test_sarif(cli, write):
    p = write("s.txt", FAULTY)
    log = json.loads(cli("check", str(p), "--format", "sarif", "--fail-on", "never").output)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "bientap" and run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    date = next(r for r in run["results"] if r["ruleId"] == "spacing.date")
    assert ids[date["ruleIndex"]] == "spacing.date" and date["level"] == "warning"
    region = date["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 11, 21)
    assert date["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(p)
    replacement = date["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "10/5/2022"


def test_check_uses_the_database_glossary_and_words(cli, write, db_path):
    p = write("g.txt", CLEAN.replace("các nhà khoa học", "BCĐ và XYZW"))
    before = {f["text"]: f["rule"] for f in json.loads(cli("check", str(p), "--format", "json").output)}
    assert before.get("BCĐ") == "abbr.unknown" and before.get("XYZW") == "abbr.unknown"
    assert cli("glossary", "add", "BCĐ", "Ban Chỉ đạo").exit_code == 0
    assert cli("words", "add", "XYZW").exit_code == 0
    after = {f["text"]: f["rule"] for f in json.loads(cli("check", str(p), "--format", "json").output)}
    assert after.get("BCĐ") == "abbr.undefined" and "XYZW" not in after


def test_check_stored_articles(cli, seeded_db):
    result = cli("check", "--id", "4", "--format", "json", "--fail-on", "never")
    findings = json.loads(result.output)
    assert findings and all(f["id"] == 4 for f in findings)
    assert {"UBND", "KHCN"} <= {f["text"] for f in findings if f["category"] == "abbreviation"}
    everything = json.loads(cli("check", "--all", "--format", "json", "--fail-on", "never").output)
    assert {f["id"] for f in everything} >= {1, 2, 4, 5}
    # One finding a line, each as json.dumps writes it (the label's members first).
    lines = cli("check", "--all", "--format", "json", "--fail-on", "never").output.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(everything) + 2
    assert lines[1:-1] == [json.dumps(f, ensure_ascii=False) + ("," if i < len(everything) - 1 else "")
                           for i, f in enumerate(everything)]
    assert all(list(f)[:2] == ["id", "rule"] for f in everything)
    assert cli("check", "--id", "999").exit_code == 2
    text = cli("check", "--id", "4", "--fail-on", "never").output
    assert "#4" in text and "body" in text


def test_check_id_without_database_is_usage_error(cli, db_path):
    assert cli("check", "--id", "1").exit_code == 2
    assert not db_path.exists()


def test_fix_stdout_dry_run_and_in_place(cli, write):
    p = write("f.txt", FAULTY.replace("\n", "\r\n"))
    original = p.read_bytes()
    out = cli("fix", str(p))
    assert out.exit_code == 0
    assert out.stdout_bytes.decode() == ("Hội thảo\r\n\r\nSáng ngày 10/5/2022 tại Khánh Hòa. Tại đây có hai dấu "
                                         "cách.\r\n")
    assert p.read_bytes() == original
    diff = cli("fix", str(p), "--dry-run").output
    assert diff.startswith("--- a/") and "-Sáng ngày 10/5/ 2022" in diff and "+Sáng ngày 10/5/2022" in diff
    only = cli("fix", str(p), "--rules", "spacing.date").stdout_bytes.decode()
    assert "10/5/2022" in only and "có  hai" in only
    assert cli("fix", str(p), "--rules", "nope.rule").exit_code == 2
    os.chmod(p, 0o640)
    assert cli("fix", str(p), "--in-place").exit_code == 0
    assert p.read_bytes() == out.stdout_bytes and (p.stat().st_mode & 0o777) == 0o640
    assert not [q for q in p.parent.iterdir() if q.name.endswith(".tmp")]
    assert cli("fix", str(p), "--in-place").exit_code == 0  # idempotent: nothing left
    assert p.read_bytes() == out.stdout_bytes


def test_fix_keeps_bom_in_place(cli, write):
    p = write("b.txt", b"\xef\xbb\xbf" + "Khánh Hòa.Tại đây\n".encode())
    assert cli("fix", str(p), "--in-place").exit_code == 0
    assert p.read_bytes() == b"\xef\xbb\xbf" + "Khánh Hòa. Tại đây\n".encode()


def test_fix_usage(cli, write):
    assert cli("fix").exit_code == 2
    assert cli("fix", str(write("a.txt", CLEAN)), "--id", "1").exit_code == 2
    assert cli("fix", "-", "--in-place", input=b"x").exit_code == 2


def test_fix_stored_article_saves_a_revision(cli, seeded_db):
    from bientap.store import articles

    before = articles.get(seeded_db, 4)
    assert "kinh tế- xã hội" in before.body
    diff = cli("fix", "--id", "4", "--dry-run").output
    assert "article/4/body" in diff and articles.get(seeded_db, 4).version == before.version
    result = cli("fix", "--id", "4", "--rules", "spacing")
    assert result.exit_code == 0, result.output
    after = articles.get(seeded_db, 4)
    assert after.version == before.version + 1 and "kinh tế - xã hội" in after.body
    assert articles.revisions(seeded_db, 4)[0]["note"] == "bientap fix"
    from bientap.store.context import article_counts, check_stored_article, load_context

    fresh = article_counts(check_stored_article(seeded_db, after, load_context(seeded_db)))
    assert (after.errors, after.warnings, after.infos) == fresh


def test_glossary_and_words_commands(cli, write):
    listed = json.loads(cli("glossary", "list", "--format", "json").output)
    assert "KH&CN" in {e["abbr"] for e in listed}
    assert cli("glossary", "add", "BCĐ", "Ban Chỉ đạo", "--variant", "BCD").exit_code == 0
    assert cli("glossary", "add", "XX", "y", "--variant", "BCD").exit_code == 2  # spelling taken
    assert cli("glossary", "remove", "BCĐ").exit_code == 0
    assert cli("glossary", "remove", "BCĐ").exit_code == 1
    csv = write("g.csv", "abbr,expansion,variants,canonical,policy\nBCĐ,Ban Chỉ đạo,,,\n")
    imported = cli("glossary", "import", str(csv))
    assert imported.exit_code == 0 and "1" in imported.output
    assert cli("glossary", "import", str(write("bad.toml", "[[abbr]]\nabbr = 1\n"))).exit_code == 2
    assert "Ban Chỉ đạo" in cli("glossary", "list").output
    assert cli("words", "add", "PhuthoPortal", "VINASA").exit_code == 0
    assert cli("words", "list").output.splitlines()[0].startswith("PhuthoPortal")
    assert cli("words", "remove", "VINASA").exit_code == 0
    assert cli("words", "remove", "VINASA").exit_code == 1
    assert [r["word"] for r in json.loads(cli("words", "list", "--format", "json").output)] == ["PhuthoPortal"]


def test_real_entry_point(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(FAULTY, encoding="utf-8")
    exe = Path(sys.executable).parent / "bientap"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bientap.tui.cli"]
    env = dict(os.environ, BIENTAP_DB=str(tmp_path / "none.db"))
    proc = subprocess.run([*cmd, "check", str(p), "--format", "json", "--fail-on", "warning"],
                          capture_output=True, env=env, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "spacing.date" in {f["rule"] for f in json.loads(proc.stdout)}
    assert not (tmp_path / "none.db").exists()


def test_the_program_is_main_with_its_objects_frozen_at_exit(cli, write, db_path, capsysbinary, monkeypatch):
    """`run`, the console script, is `main` to the byte and the exit code (0, 1, 2), then a freeze
    of every live object so that the interpreter's last collection passes them over."""
    from bientap.tui import cli as cli_module

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    clean, faulty = write("c.txt", CLEAN), write("f.txt", FAULTY)
    for args, code in (((str(clean),), 0), ((str(faulty), "--fail-on", "warning"), 1),
                       ((str(faulty), "--format", "json"), 0), ((str(clean), str(faulty) + ".gone"), 2)):
        expected = cli("check", *args)
        monkeypatch.setattr(sys, "argv", ["bientap", "--db", str(db_path), "check", *args])
        capsysbinary.readouterr()
        with pytest.raises(SystemExit) as exit_:
            cli_module.run()
        assert (exit_.value.code or 0, expected.exit_code) == (code, code)
        assert capsysbinary.readouterr().out == expected.stdout_bytes
        assert len(frozen) == 1
        frozen.clear()


def test_checking_a_file_without_a_database_leaves_sqlite_out(tmp_path):
    """`bientap check FILE` with no database never imports sqlite-utils (~40 ms of every start):
    the default glossary comes from bientap.checks, the database path from bientap.store.config."""
    p = tmp_path / "a.txt"
    p.write_text(FAULTY, encoding="utf-8")
    env = dict(os.environ, BIENTAP_DB=str(tmp_path / "none.db"))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "bientap.tui.cli", "check", str(p),
                           "--format", "json", "--fail-on", "never"], capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "spacing.date" in {f["rule"] for f in json.loads(proc.stdout)}
    imported = {line.split("|")[-1].strip() for line in proc.stderr.decode().splitlines() if "|" in line}
    assert "bientap.checks.engine" in imported
    assert not {"sqlite_utils", "bientap.store.db"} & imported


SLIPS = ("Sở KH&CN tỉnh Khánh Hoà tổ chức hội thảo về chuyên giao công nghệ, sản xuấtl và đươc nhiều người biết.\n\n"
         "Hội thảo có sự tham gia của  các doanh nghiệp , viện nghiên cứu và trường đại học (ĐH).\n\n")


def test_long_files_checked_on_two_cores_give_the_same_findings(cli, write, monkeypatch):
    """Past _SPLIT_MIN_CHARS a child process runs the real-word rule; the JSON is byte for byte what
    one process writes, for several files (one without a typo), CRLF and boilerplate included,
    and still so when the child fails (its rules then run in the parent) or cannot be started."""
    from bientap.checks import engine
    from bientap.tui.commands import check as check_cmd

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "001_6fc04e3b49216caf.txt").read_text(encoding="utf-8")
    files = [write("a.txt", seed + SLIPS * 40), write("b.txt", (FAULTY * 30).replace("\n", "\r\n")),
             write("c.txt", SLIPS * 25 + seed)]
    args = ["check", *map(str, files), "--format", "json", "--fail-on", "never"]
    one = cli(*args, "--jobs", "1")
    monkeypatch.setattr(check_cmd, "_SPLIT_MIN_CHARS", 1000)
    calls = []
    split = engine.check_texts_on_two_cores
    monkeypatch.setattr(engine, "check_texts_on_two_cores", lambda *a: calls.append(1) or split(*a))
    two = cli(*args, "--jobs", "2")
    assert calls == [1]
    assert two.exit_code == one.exit_code == 0
    rules = {f["rule"] for f in json.loads(one.output)}
    assert {"typo.nonword", "typo.realword", "spacing.double"} <= rules
    assert two.output == one.output
    assert gc.isenabled()
    import pickle

    monkeypatch.setattr(pickle, "dumps", lambda *a, **k: 1 / 0)  # the child cannot send its findings
    assert cli(*args, "--jobs", "2").output == one.output
    assert gc.isenabled()  # paused through the merge, and on again after it

    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)  # no process to be had: one process checks
    assert cli(*args, "--jobs", "2").output == one.output
    assert gc.isenabled()  # paused through the merge, and on again after it


@settings(max_examples=300, deadline=None)
@given(st.builds(
    Finding, rule=st.text(), category=st.text(), severity=st.text(), start=st.integers(), end=st.integers(),
    line=st.integers(), column=st.integers(), text=st.text(), message=st.text(),
    suggestions=st.lists(st.text(), max_size=4).map(tuple), safe=st.booleans(), field=st.text()))
def test_a_finding_written_as_json_is_what_json_writes(finding):
    """to_json, which the check command writes, is json.dumps of to_dict (any text: quotes, controls,
    surrogates, escapes), field for field in order."""
    assert finding.to_json() == json.dumps(finding.to_dict(), ensure_ascii=False)


def test_a_finding_as_json_is_its_fields_in_order():
    import dataclasses

    from bientap.checks.engine import Context, check_text

    findings = check_text(FAULTY, Context())
    assert findings
    for f in findings:
        plain = {field.name: getattr(f, field.name) for field in dataclasses.fields(f)}
        plain["suggestions"] = list(f.suggestions)
        assert list(f.to_dict().items()) == list(plain.items())
