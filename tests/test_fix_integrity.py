"""`bientap fix` never invents text and never prints raw escape sequences (issue 13, items 3 and 4).

Rules read an NFC/LF view; a finding maps back to the text as given. Where a hit cuts a cluster
whose NFC spelling differs from the original (marks composed, split or reordered), the finding is
widened to the whole cluster and its suggestion with it.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.engine import apply_fixes, check_text, fix_text, load_rules
from bientap.store.context import load_context
from rulehelp import run

# Every safe rule except the two whose fix writes letters on purpose: unicode.mojibake decodes
# "Ã“" back to "Ó", abbr.variant writes the glossary's canonical spelling.
LETTER_WRITERS = {"unicode.mojibake", "abbr.variant"}


def _integrity_rules() -> list[str]:
    return sorted(r.id for r in load_rules().values() if r.safe and r.id not in LETTER_WRITERS)


def bases(text: str) -> Counter:
    """Letters and digits with their marks taken off: "khỏe" and "khoẻ" both give k, h, o, e."""
    return Counter(ch for ch in unicodedata.normalize("NFD", text) if ch.isalnum())


def invented(before: str, after: str) -> Counter:
    """Base letters and digits in `after` that `before` does not have (as many times)."""
    return bases(after) - bases(before)


# --- item 3 through the CLI -------------------------------------------------------------------

@pytest.mark.parametrize("given_bytes, expected", [
    # "e" + hook + acute: the view is "khoẻ\u0301"; the tone fix takes the acute along, adds no "e".
    ("Sức khoe\u0309\u0301 tốt\n".encode(), "Sức khỏé tốt\n"),
    # U+0344 is two marks in NFC: the date fix takes the whole "2" + marks cluster, adds no "2".
    ("Ngày 10/5/ 2022\u0344\n".encode(), "Ngày 10/5/2022\u0308\u0301\n"),
    # Marks in non-canonical order keep their length in NFC but not their places.
    ("Ngày 10/5/ 2022\u0301\u0323 nhé\n".encode(), "Ngày 10/5/2022\u0323\u0301 nhé\n"),
])
def test_fix_never_invents_letters_or_digits(cli, given_bytes, expected):
    result = cli("fix", "-", input=given_bytes)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode() == expected
    assert not invented(given_bytes.decode(), expected)


def test_check_spans_are_whole_clusters_and_suggestions_replace_them(cli):
    text = "Ngày 10/5/ 2022\u0344, sức khoe\u0309\u0301.\n"
    result = cli("check", "-", "--format", "json", "--fail-on", "never", input=text.encode())
    findings = {f["rule"]: f for f in json.loads(result.output)}
    date, tone = findings["spacing.date"], findings["unicode.tone_marks"]
    assert date["text"] == text[date["start"]:date["end"]] == "10/5/ 2022\u0344"
    assert date["suggestions"] == ["10/5/2022\u0308\u0301"]
    assert tone["text"] == text[tone["start"]:tone["end"]] == "oe\u0309\u0301"
    assert tone["suggestions"] == ["ỏe\u0301"]


# --- item 3: the property ---------------------------------------------------------------------

_LETTERS = list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊIOÔƠUƯY"
                "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÒÓÕÀÁÂÃÈÉÊÌÍÙÚÝ")
_OTHER = list("0123456789 \u00a0\r\n.,;:!?/-–()[]“”\"'«»")
_MARKS = st.lists(st.characters(min_codepoint=0x300, max_codepoint=0x36F), min_size=1, max_size=3).map("".join)
# Marks whose NFC spelling differs from the input: a mark that splits in two (U+0344), marks out of
# canonical order, a second tone on a toned letter, a deprecated tone mark (U+0340).
_ODD_MARKS = ["\u0344", "\u0301\u0323", "\u0309\u0301", "\u0340", "\u0302\u0301\u0323"]
# Fragments the rules act on, so that random text reaches them often.
_FRAGMENTS = [" khoẻ", " khoe\u0309", " hoà", " thuỷ", " Thanh Hóa", " 10/5/ 2022", " 1 / 12 /2023", " Hòa.Tại",
              " tế,xã", " kinh tế- xã", " a -b", " TP.Cần", "  ", " ,", "( x", "\"x\"", "\u00a0 ", " \n"]
texts = st.lists(st.one_of(st.sampled_from(_LETTERS), st.sampled_from(_OTHER), _MARKS, st.sampled_from(_ODD_MARKS),
                           st.sampled_from(_FRAGMENTS)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_safe_fixes_never_add_a_letter_or_digit(text):
    rules = _integrity_rules()
    context = load_context(None, None, "vi")  # what `bientap fix` uses without a database
    # Every line as prose too, so the prose-only rules (spacing.nbsp) run on every sample.
    for found in (check_text(text, context, rules=rules), run(text, rules, context)):
        for f in found:
            assert f.text == text[f.start:f.end]
            if f.safe and f.suggestions:
                assert not invented(f.text, f.suggestions[0]), f
                assert not invented(text, apply_fixes(text, [f])), f
    fixed = fix_text(text, context, rules=rules)
    assert not invented(text, fixed)


# --- item 4 -----------------------------------------------------------------------------------

ESCAPES = "Bài có ký tự \x1b[31m điều khiển, \x1b]0;pwned\x07 và  hai dấu cách"


def test_dry_run_diff_shows_escapes_not_sequences(cli, tmp_path):
    p = tmp_path / "tin\x1b[2J.txt"
    p.write_text(ESCAPES + "\n", encoding="utf-8")
    result = cli("fix", str(p), "--dry-run", "--rules", "spacing")  # unicode.control would drop the ESC
    assert result.exit_code == 0
    out = result.output
    assert "\x1b" not in out and "\x07" not in out
    assert "-Bài có ký tự \\x1b[31m điều khiển, \\x1b]0;pwned\\x07 và  hai" in out
    assert "+Bài có ký tự \\x1b[31m điều khiển, \\x1b]0;pwned\\x07 và hai" in out
    assert f"--- a/{tmp_path}/tin\\x1b[2J.txt\n" in out


def test_messages_show_file_names_with_escapes(cli, tmp_path):
    p = tmp_path / "a\x1b]0;x\x07\nb.txt"
    p.write_text("Khánh Hòa.Tại đây\n", encoding="utf-8")
    fixed = cli("fix", str(p), "--in-place")
    again = cli("fix", str(p), "--in-place")
    missing = cli("fix", str(tmp_path / "gone\x1b[2J.txt"))
    unknown = cli("fix", str(p), "--rules", "x\x1b[2J")
    assert (fixed.exit_code, again.exit_code, missing.exit_code, unknown.exit_code) == (0, 0, 2, 2)
    assert p.read_text(encoding="utf-8") == "Khánh Hòa. Tại đây\n"
    for result, words in ((fixed, "đã sửa"), (again, "không có gì cần sửa"), (missing, "gone\\x1b[2J.txt"),
                          (unknown, "x\\x1b[2J")):
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert words in result.output
    for result in (fixed, again):
        assert "a\\x1b]0;x\\x07\\nb.txt" in result.stderr and result.stderr.count("\n") == 1


def _apply_patch(diff: str, folder: Path) -> None:
    subprocess.run(["patch", "-p1", "--quiet", "--forward"], input=diff.encode(), cwd=folder, check=True,
                   timeout=30)


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
@pytest.mark.parametrize("content, markers", [
    ("Khánh Hòa.Tại đây có  hai dấu cách", 2),  # the changed last line has no newline, before and after
    ("Khánh Hòa.Tại đây\nvà một dòng cuối", 1),  # an unchanged last line without a newline
    ("Một\ndòng.Cuối\n", 0),
])
def test_dry_run_diff_applies_when_the_text_has_no_final_newline(cli, tmp_path, monkeypatch, content, markers):
    p = tmp_path / "bai.txt"
    p.write_bytes(content.encode())
    monkeypatch.chdir(tmp_path)
    diff = cli("fix", "bai.txt", "--dry-run", "--rules", "spacing").output
    expected = cli("fix", "bai.txt", "--rules", "spacing").stdout_bytes
    assert diff.count("\n\\ No newline at end of file\n") == markers
    _apply_patch(diff, tmp_path)
    assert p.read_bytes() == expected != content.encode()


def test_dry_run_diff_lines_are_the_files_lines(cli, tmp_path):
    # A CR or a line separator inside a line is shown as an escape, not taken for a line end.
    p = tmp_path / "bai.txt"
    p.write_bytes("CR giữa\rdòng.Cuối\u2028và  tiếp".encode())
    diff = cli("fix", str(p), "--dry-run", "--rules", "spacing").output
    assert "\r" not in diff and "\u2028" not in diff
    assert "-CR giữa\\x0ddòng.Cuối\\u2028và  tiếp\n\\ No newline at end of file\n" in diff
    assert "+CR giữa\\x0ddòng. Cuối\\u2028và tiếp\n\\ No newline at end of file\n" in diff


def test_stored_article_dry_run_diff_applies(cli, seeded_db, tmp_path):
    from bientap.store import articles
    from bientap.store.context import fix_fields, load_context as stored_context

    article = articles.get(seeded_db, 4)
    assert not article.body.endswith("\n")
    diff = cli("fix", "--id", "4", "--dry-run").output
    assert diff.endswith("\\ No newline at end of file\n")
    folder = tmp_path / "article" / "4"
    folder.mkdir(parents=True)
    for name, value in article.editable().items():
        (folder / name).write_text(value or "", encoding="utf-8")
    _apply_patch(diff, tmp_path)
    fixed = fix_fields(article.editable(), stored_context(seeded_db), None)
    for name, value in fixed.items():
        assert (folder / name).read_text(encoding="utf-8") == value


def _run_on_terminal(args: list[str], env: dict) -> bytes:
    """Run with stdout on a pseudo-terminal; what the terminal received."""
    main, child = pty.openpty()
    proc = subprocess.Popen(args, stdout=child, stderr=subprocess.DEVNULL, env=env)
    os.close(child)
    out = b""
    try:
        while True:
            ready, _, _ = select.select([main], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    finally:
        proc.wait(timeout=60)
        os.close(main)
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_fixed_text_on_a_terminal_shows_escapes_and_redirected_stays_byte_for_byte(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ESCAPES + "\n", encoding="utf-8")
    exe = Path(sys.executable).parent / "bientap"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "bientap.tui.cli"]
    env = dict(os.environ, BIENTAP_DB=str(tmp_path / "none.db"))
    args = [*cmd, "fix", str(p), "--rules", "spacing"]
    shown = _run_on_terminal(args, env).decode()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b[31m điều khiển, \\x1b]0;pwned\\x07 và hai dấu cách" in shown
    piped = subprocess.run(args, capture_output=True, env=env, timeout=60, check=True).stdout
    assert piped == (ESCAPES.replace("  ", " ") + "\n").encode()
