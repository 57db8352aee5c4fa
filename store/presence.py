"""Who is on what: soft locks on open articles, and assignment.

Opening an article in the editor takes a *soft* lock: it does not stop anyone, it tells them. A
desk beats every few seconds while the article is open; a lock whose beat stopped (the desk was
closed, killed or lost its connection) has expired and counts for nothing, so a crashed desk never
leaves an article locked. Taking over a colleague's lock is recorded in the article's history.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from bientap.i18n import _
from bientap.store import articles
from bientap.store.db import write_transaction

# A lock lives this long after its last heartbeat; desks beat every HEARTBEAT_SECONDS.
HEARTBEAT_SECONDS = 5.0
LOCK_TTL_SECONDS = 20.0


@dataclass(frozen=True)
class Lock:
    article_id: int
    editor: str
    host: str
    since: str  # when the lock was taken (UTC, ISO 8601)
    heartbeat: float  # time.time() of the last beat


class Locked(Exception):
    """The article is being edited by someone else (their lock is live)."""

    def __init__(self, lock: Lock):
        super().__init__(_("article {id} is being edited by {editor} (since {since} UTC, on {host})").format(
            id=lock.article_id, editor=lock.editor, since=lock.since[:16].replace("T", " "), host=lock.host))
        self.lock = lock


_SELECT = "SELECT article_id, editor, host, since, heartbeat FROM locks"


def _live(row, now: float) -> Lock | None:
    if row is None or now - row[4] > LOCK_TTL_SECONDS:
        return None
    return Lock(*row)


def _put(db: sqlite_utils.Database, lock: Lock) -> None:
    db.execute("INSERT OR REPLACE INTO locks (article_id, editor, host, since, heartbeat) VALUES (?, ?, ?, ?, ?)",
               [lock.article_id, lock.editor, lock.host, lock.since, lock.heartbeat])


def current_lock(db: sqlite_utils.Database, article_id: int, *, now: float | None = None) -> Lock | None:
    """The live lock on the article, if any."""
    row = db.execute(f"{_SELECT} WHERE article_id = ?", [article_id]).fetchone()
    return _live(row, time.time() if now is None else now)


def locks_for(db: sqlite_utils.Database, ids: Iterable[int], *, now: float | None = None) -> dict[int, Lock]:
    """Live locks on any of `ids` (the inbox asks for the rows it shows)."""
    ids = list(ids)
    if not ids:
        return {}
    now = time.time() if now is None else now
    rows = db.execute(f"{_SELECT} WHERE article_id IN ({', '.join('?' * len(ids))})", ids).fetchall()
    return {lock.article_id: lock for lock in (_live(r, now) for r in rows) if lock is not None}


def take_lock(db: sqlite_utils.Database, article_id: int, editor: str | None = None, *,
              take_over: bool = False) -> Lock:
    """Lock the article for `editor` (default: who this process works as). Raises Locked when a
    colleague's lock is live, unless `take_over`, which is recorded in the article's history.
    Re-taking one's own lock (a second desk of the same editor) just renews it."""
    editor = editor or articles.current_editor()
    with write_transaction(db):
        article = articles.get(db, article_id)
        held = current_lock(db, article_id)
        if held is not None and held.editor != editor:
            if not take_over:
                raise Locked(held)
            # A revision of its own: the colleague's next save meets a conflict (their text is kept,
            # never overwritten) instead of silently landing on top of the new holder's work.
            articles.save(db, article_id, {}, article.version, editor=editor, by_editor=False,
                          note=f"take over: {held.editor} → {editor}")
        since = held.since if held is not None and held.editor == editor else articles.now()
        lock = Lock(article_id, editor, socket.gethostname(), since, time.time())
        _put(db, lock)
    return lock


def heartbeat(db: sqlite_utils.Database, article_id: int, editor: str | None = None) -> bool:
    """Renew `editor`'s lock; False when a colleague holds it now (they took it over). A lock that
    is gone (the same editor's other desk closed, or it expired) is taken again."""
    editor = editor or articles.current_editor()
    with write_transaction(db):
        held = current_lock(db, article_id)
        if held is not None and held.editor != editor:
            return False
        _put(db, Lock(article_id, editor, socket.gethostname(), held.since if held else articles.now(), time.time()))
    return True


def release(db: sqlite_utils.Database, article_id: int, editor: str | None = None) -> None:
    """Drop `editor`'s lock (leaving the editor); someone else's lock stays."""
    editor = editor or articles.current_editor()
    with write_transaction(db):
        db.execute("DELETE FROM locks WHERE article_id = ? AND editor = ?", [article_id, editor])


def check_unlocked(db: sqlite_utils.Database, ids: Sequence[int], editor: str | None = None) -> list[Lock]:
    """Live locks colleagues hold on any of `ids` (the CLI refuses to write those without --force)."""
    editor = editor or articles.current_editor()
    return [lock for lock in locks_for(db, ids).values() if lock.editor != editor]


def assign(db: sqlite_utils.Database, ids: Sequence[int], assignee: str | None) -> list[int]:
    """Assign the articles to `assignee` (None or "" unassigns). Raises articles.NotFound before
    anything changes. Assignment is workflow data: no revision, no version bump."""
    ids = articles.ids_for(db, list(dict.fromkeys(ids)))
    name = (assignee or "").strip() or None
    if name is not None and not name.isprintable():
        raise ValueError(_("the assignee's name must be printable"))
    with write_transaction(db):
        db.conn.executemany("UPDATE articles SET assignee = ? WHERE id = ?", [(name, i) for i in ids])
    return ids


def lock_fields(lock: Lock | None) -> dict:
    """What `list`/`show --format json` carry about a lock: locked_by, locked_since (the article's
    own `assignee` field says who it is assigned to)."""
    return {"locked_by": lock.editor if lock else None, "locked_since": lock.since if lock else None}
