"""The layers (README, STYLE.md): store/ is the only code that speaks SQL, and the desk and the
command line reach the database through store functions only (issue 16, item 2)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from conftest import ROOT

SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA|CREATE\s+TABLE|BEGIN)\b")
# Speaking to a connection directly: sqlite3's and sqlite-utils' calls, the store's write lock.
DIRECT = re.compile(r"\.(execute|executemany|executescript)\(|\bdb\.query\(|\bdb\[|\.conn\b|\bwrite_transaction\b")


def code_and_strings(path: Path) -> tuple[str, list[str]]:
    """The file's code without comments and strings, and its strings (not docstrings, which may
    well name a PRAGMA for the reader)."""
    code, strings = [], []
    previous = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING:
            if previous not in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
                strings.append(tok.string)
            code.append('""')
        elif tok.type not in (tokenize.COMMENT, tokenize.NL):
            code.append(tok.string)
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            previous = tok.type
    return re.sub(r"\s*([.\[(])\s*", r"\1", " ".join(code)), strings


def test_no_sql_outside_store():
    offenders = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        code, strings = code_and_strings(path)
        offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in DIRECT.finditer(code)]
        offenders += [f"{path.relative_to(ROOT)}: {s[:60]}" for s in strings if SQL.search(s)]
    assert offenders == []


def test_the_scan_finds_sql(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text('row = db.execute("SELECT title FROM articles WHERE id = ?", [1])\n', encoding="utf-8")
    code, strings = code_and_strings(sample)
    assert DIRECT.search(code) and any(SQL.search(s) for s in strings)
