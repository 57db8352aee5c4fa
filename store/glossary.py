"""The newsroom's glossary (bảng viết tắt) and custom dictionary (từ điển riêng) in the database.

The glossary table is seeded with bientap's default set the first time a writer asks for it
(`ensure_default_glossary`); readers that must not write fall back to the defaults in memory.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bientap.checks.glossary import GlossaryEntry, GlossaryError, default_entries, make_entry, parse, validate
from bientap.i18n import _
from bientap.store.articles import current_editor, now
from bientap.store.db import write_transaction


def _row(entry: GlossaryEntry) -> dict:
    return {"abbr": entry.abbr, "expansion": entry.expansion,
            "variants": json.dumps(list(entry.variants), ensure_ascii=False),
            "canonical": entry.canonical, "policy": entry.policy}


def _entry(row: dict) -> GlossaryEntry:
    try:
        variants = tuple(json.loads(row["variants"] or "[]"))
    except json.JSONDecodeError:
        variants = tuple(v for v in (row["variants"] or "").split(";") if v)
    return GlossaryEntry(row["abbr"], row["expansion"] or "", variants, row["canonical"] or "",
                         row["policy"] or "define-first")


def ensure_default_glossary(db: sqlite_utils.Database) -> int:
    """Seed the default glossary when the table is empty; returns how many entries went in."""
    if db.execute("SELECT count(*) FROM glossary").fetchone()[0]:
        return 0
    rows = [_row(e) for e in default_entries()]
    # The write lock first (BEGIN IMMEDIATE): a deferred transaction that reads and then writes
    # fails at once, without waiting, when another process committed in between.
    with write_transaction(db):
        if db.execute("SELECT count(*) FROM glossary").fetchone()[0]:
            return 0
        db["glossary"].insert_all(rows, pk="abbr", ignore=True)
    return len(rows)


def list_entries(db: sqlite_utils.Database) -> list[GlossaryEntry]:
    return [_entry(r) for r in db.query("SELECT * FROM glossary ORDER BY abbr")]


def load_glossary(db: sqlite_utils.Database | None) -> dict[str, GlossaryEntry]:
    """The glossary the rules use: the database's, or the defaults when it has none (or no table)."""
    if db is not None:
        try:
            entries = list_entries(db)
        except sqlite3.DatabaseError:
            entries = []
        if entries:
            return {e.abbr: e for e in entries}
    return {e.abbr: e for e in default_entries()}


def add_entry(db: sqlite_utils.Database, entry: GlossaryEntry, *, replace: bool = True) -> bool:
    """Add or update one entry after checking it against the rest; True when it was new."""
    with write_transaction(db):  # checked against the glossary as it is when written
        current = {e.abbr: e for e in list_entries(db)}
        is_new = entry.abbr not in current
        if not is_new and not replace:
            raise GlossaryError(_("“{abbr}” is already in the glossary").format(abbr=entry.abbr))
        current[entry.abbr] = entry
        validate(current.values())
        db["glossary"].upsert(_row(entry), pk="abbr")
    return is_new


def remove_entry(db: sqlite_utils.Database, abbr: str) -> bool:
    """Remove an entry; refuses while another entry names it as its canonical form."""
    abbr = unicodedata.normalize("NFC", abbr.strip())
    with write_transaction(db):
        users = [e.abbr for e in list_entries(db) if e.canonical == abbr and e.abbr != abbr]
        if users:
            raise GlossaryError(_("“{abbr}” is the canonical form of {entries}; remove those first").format(
                abbr=abbr, entries=", ".join(users)))
        cursor = db.execute("DELETE FROM glossary WHERE abbr = ?", [abbr])
    return cursor.rowcount > 0


@dataclass
class GlossaryImport:
    added: int = 0
    updated: int = 0


def import_entries(db: sqlite_utils.Database, entries: Iterable[GlossaryEntry]) -> GlossaryImport:
    """Add or replace entries in one transaction; nothing is written unless all of them validate."""
    entries = list(entries)
    with write_transaction(db):
        current = {e.abbr: e for e in list_entries(db)}
        result = GlossaryImport()
        seen = set()
        for e in entries:
            if e.abbr in seen:
                raise GlossaryError(_("“{abbr}” is listed twice in the file").format(abbr=e.abbr))
            seen.add(e.abbr)
            if e.abbr in current:
                result.updated += 1
            else:
                result.added += 1
            current[e.abbr] = e
        validate(current.values())
        for e in entries:
            db["glossary"].upsert(_row(e), pk="abbr")
    return result


def import_file(db: sqlite_utils.Database, path: Path) -> GlossaryImport:
    """Import a TOML or CSV glossary file (see bientap.checks.glossary for the format)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: {exc}") from None
    return import_entries(db, parse(text, str(path)))


def entry_from_args(abbr: str, expansion: str, variants: Iterable[str] = (), canonical: str = "",
                    policy: str = "define-first") -> GlossaryEntry:
    return make_entry(abbr, expansion, list(variants), canonical, policy, where="glossary add")


# ---- custom words ---------------------------------------------------------------------------------

def _word(word: str) -> str:
    word = unicodedata.normalize("NFC", word.strip())
    if not word or any(ch.isspace() for ch in word) and len(word.split()) > 4:
        raise ValueError(_("not a word: {word!r}").format(word=word))
    return word


def list_words(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT word, added_by, added_at FROM custom_words ORDER BY word"))


def load_words(db: sqlite_utils.Database | None) -> frozenset[str]:
    if db is None:
        return frozenset()
    try:
        return frozenset(r[0] for r in db.execute("SELECT word FROM custom_words").fetchall())
    except sqlite3.DatabaseError:
        return frozenset()


def add_word(db: sqlite_utils.Database, word: str, editor: str | None = None) -> bool:
    """Add a word to the newsroom dictionary; True when it was not there yet."""
    word = _word(word)
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO custom_words(word, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT(word) DO NOTHING",
            [word, editor or current_editor(), now()])
    return cursor.rowcount > 0


def remove_word(db: sqlite_utils.Database, word: str) -> bool:
    word = unicodedata.normalize("NFC", word.strip())
    with db.atomic():
        cursor = db.execute("DELETE FROM custom_words WHERE word = ?", [word])
    return cursor.rowcount > 0
