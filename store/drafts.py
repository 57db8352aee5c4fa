"""What the editor keeps beside an article: autosaved drafts, ignored findings, removed lines.

A draft is an editor's unsaved text (never a revision): written every few seconds of idleness and
offered back when the article is opened again after a crash. There is one per article and editor;
the editor's own save drops it, a colleague's save never does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import sqlite_utils

from bientap.store.articles import EDITABLE, current_editor, now


@dataclass(frozen=True)
class Draft:
    article_id: int
    base_version: int  # the version the editor had loaded when they typed this
    fields: dict
    saved_at: str


def save_draft(db: sqlite_utils.Database, article_id: int, fields: dict, base_version: int,
               editor: str | None = None) -> Draft:
    """Store (replace) this editor's unsaved fields of one article. Only editable fields are kept."""
    kept = {k: v for k, v in fields.items() if k in EDITABLE}
    draft = Draft(article_id, base_version, kept, now())
    with db.atomic():
        db["drafts"].upsert(
            {"article_id": article_id, "editor": _editor(editor), "base_version": base_version,
             "fields": json.dumps(kept, ensure_ascii=False, sort_keys=True), "saved_at": draft.saved_at},
            pk=("article_id", "editor"),
        )
    return draft


def load_draft(db: sqlite_utils.Database, article_id: int, editor: str | None = None) -> Draft | None:
    """This editor's draft of the article; else one from before drafts had an editor (editor '')."""
    row = db.execute(
        "SELECT base_version, fields, saved_at FROM drafts WHERE article_id = ? AND editor IN (?, '') "
        "ORDER BY editor = '' LIMIT 1",
        [article_id, _editor(editor)],
    ).fetchone()
    if row is None:
        return None
    return Draft(article_id, row[0], json.loads(row[1]), row[2])


def discard_draft(db: sqlite_utils.Database, article_id: int, editor: str | None = None) -> None:
    with db.atomic():
        db.execute("DELETE FROM drafts WHERE article_id = ? AND editor IN (?, '')", [article_id, _editor(editor)])


def _editor(editor: str | None) -> str:
    return editor if editor is not None else current_editor()


# ---- ignored findings ---------------------------------------------------------------------------

def ignore_finding(db: sqlite_utils.Database, article_id: int, rule: str, text: str,
                   editor: str | None = None) -> None:
    """Stop reporting `rule` on this exact `text` in this article (bỏ qua lỗi này ở bài này). The
    article's stored counts were made without the ignore: they are marked stale, for the desk's
    background re-check (workflow.recheck_stale) to count again."""
    with db.atomic():
        db.execute(
            "INSERT INTO ignored_findings(article_id, rule, text, added_by, added_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(article_id, rule, text) DO NOTHING",
            [article_id, rule, text, editor or current_editor(), now()],
        )
        _counts_stale(db, article_id)


def _counts_stale(db: sqlite_utils.Database, article_id: int) -> None:
    db.execute("UPDATE articles SET checked_with = NULL WHERE id = ?", [article_id])


def ignored_for(db: sqlite_utils.Database, article_id: int) -> frozenset[tuple[str, str]]:
    """The (rule, text) pairs ignored in this article, as `bientap.checks.engine.Context.ignored` wants them."""
    return frozenset(
        (r, t) for r, t in db.execute(
            "SELECT rule, text FROM ignored_findings WHERE article_id = ?", [article_id]).fetchall()
    )


def unignore_finding(db: sqlite_utils.Database, article_id: int, rule: str, text: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM ignored_findings WHERE article_id = ? AND rule = ? AND text = ?",
                   [article_id, rule, text])
        _counts_stale(db, article_id)


# ---- lines removed at import ----------------------------------------------------------------------

@dataclass(frozen=True)
class RemovedLine:
    id: int
    article_id: int
    position: int  # index of the body paragraph it stood before
    kind: str
    reason: str
    text: str
    restored: bool


def removed_lines_for(db: sqlite_utils.Database, article_id: int, *,
                      include_restored: bool = False) -> list[RemovedLine]:
    sql = ("SELECT id, article_id, position, kind, reason, text, restored FROM removed_lines "
           "WHERE article_id = ?")
    if not include_restored:
        sql += " AND NOT restored"
    rows = db.execute(sql + " ORDER BY position, id", [article_id]).fetchall()
    return [RemovedLine(r[0], r[1], r[2] or 0, r[3] or "", r[4] or "", r[5] or "", bool(r[6])) for r in rows]


def restore_removed_line(db: sqlite_utils.Database, line_id: int) -> RemovedLine:
    """Mark a removed line as brought back (the caller put its text into the body it saved)."""
    with db.atomic():
        db.execute("UPDATE removed_lines SET restored = 1 WHERE id = ?", [line_id])
        row = db.execute(
            "SELECT id, article_id, position, kind, reason, text, restored FROM removed_lines WHERE id = ?",
            [line_id]).fetchone()
    if row is None:
        raise LookupError(f"no removed line with id {line_id}")
    return RemovedLine(row[0], row[1], row[2] or 0, row[3] or "", row[4] or "", row[5] or "", bool(row[6]))


_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def paragraph_offset(body: str, position: int) -> int:
    """Offset in `body` where paragraph number `position` (0-based, non-blank lines) starts;
    the end of the body when there are fewer paragraphs."""
    for index, match in enumerate(_PARAGRAPH.finditer(body)):
        if index == position:
            return match.start()
    return len(body)


def insert_paragraph(body: str, position: int, text: str) -> tuple[str, int]:
    """`body` with `text` put back as its own paragraph before paragraph `position`.

    Returns the new body and the offset where `text` starts. Paragraphs keep the separator the body
    already uses (a blank line between paragraphs, or a single newline).
    """
    sep = "\n\n" if "\n\n" in body or "\n" not in body.strip() else "\n"
    at = paragraph_offset(body, position)
    if at >= len(body):
        stripped = body.rstrip("\n")
        prefix = stripped + sep if stripped else ""
        return prefix + text + body[len(stripped):], len(prefix)
    return body[:at] + text + sep + body[at:], at
