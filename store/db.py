"""Opening the newsroom database: WAL, foreign keys, busy timeout, migrations.

A connection belongs to the thread that opened it; the desk's workers call `open_db` themselves.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from bientap.checks.text import fold
from bientap.store.config import default_db_path
from bientap.i18n import N_, _

migrations = Migrations("bientap")

# The newest schema this code knows. A database recording a later one was written by a newer bientap.
SCHEMA_VERSION = 9


class StoreError(Exception):
    """A database problem an editor can act on (read-only, corrupted, newer schema, disk full)."""


# SQLite's error names (`sqlite3.Error.sqlite_errorname`, by prefix) → what an editor can do about it.
_FAULTS = (
    ("SQLITE_READONLY", N_("the database is read-only: nothing can be saved")),
    ("SQLITE_FULL", N_("the disk is full: nothing more can be saved; what was saved is kept")),
    ("SQLITE_IOERR", N_("disk write error (disk full?); what was saved is kept")),
    ("SQLITE_NOTADB", N_("the file is not a database, or is corrupted")),
    ("SQLITE_CORRUPT", N_("the database file is corrupted")),
    ("SQLITE_CANTOPEN", N_("unable to open the database file")),
    ("SQLITE_BUSY", N_("the database is locked by another process")),
    ("SQLITE_LOCKED", N_("the database is locked")),
    ("SQLITE_PERM", N_("permission denied: the database cannot be opened")),
)


def is_fault(exc: BaseException) -> bool:
    """A failure of the database file or disk rather than of the data (constraints stay theirs)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return isinstance(exc, sqlite3.Error) and any(name.startswith(prefix) for prefix, _ in _FAULTS)


def store_error(exc: sqlite3.Error, path: str | Path | None = None) -> StoreError:
    """The one-line form of a SQLite failure, in the run's language (the original stays as __cause__)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    fault = next((m for prefix, m in _FAULTS if name.startswith(prefix)), None)
    message = _(fault) if fault else _("database error: {error}").format(error=exc)
    error = StoreError(f"{path}: {message}" if path is not None else message)
    error.__cause__ = exc
    return error


def open_db(path: str | Path | None = None, *, memory_name: str | None = None,
            readonly: bool = False, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and bring its schema up to date.

    A file this user may read but not write (a colleague's, a read-only share) opens for reading
    when its schema is current; saving to it then raises a read-only StoreError.
    """
    if memory_name is not None:
        db = sqlite_utils.Database(memory_name=memory_name)
    else:
        path = Path(path) if path is not None else default_db_path()
        try:
            if not readonly:
                path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(_("{path}: cannot create its folder ({reason})").format(path=path, reason=exc.strerror)) from exc
        try:
            db = _connect_patiently(path, readonly)
        except sqlite3.Error as exc:
            db = _open_for_reading(path, exc)
            readonly = True
    db.conn.create_function("bt_fold", 1, lambda s: fold(s) if s else s, deterministic=True)
    if migrate and not readonly:
        ensure_schema(db)
    return db


def _errname(exc: BaseException | None) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _open_for_reading(path: Path, exc: sqlite3.Error) -> sqlite_utils.Database:
    """The file as it is, for listing and showing, when the normal open failed because it cannot be
    written (a colleague's file, a read-only mount); the StoreError of `exc` otherwise.

    A WAL-mode file needs its -shm beside it even to be read: in a folder nobody may write (a
    read-only mount), it is opened immutable, the only way SQLite reads it there — unless commits
    wait in its -wal, which an immutable open would silently leave out."""
    if not _errname(exc).startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or not path.is_file():
        raise store_error(exc, path) from exc
    wal = Path(f"{path}-wal")
    frozen = not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size)
    ways = [False, True] if frozen else [False]
    for immutable in ways:
        try:
            db = _connect(path, True, immutable=immutable)
        except sqlite3.Error:
            continue
        if migrations.pending(db):  # an older schema cannot be read without migrating it
            db.close()
            break
        return db
    raise store_error(exc, path) from exc


def _connect_patiently(path: Path, readonly: bool) -> sqlite_utils.Database:
    """Connect, waiting out another process that is creating or recovering the file: SQLite
    reports that as SQLITE_BUSY at once, without consulting the busy timeout."""
    deadline = time.monotonic() + 5
    while True:
        try:
            return _connect(path, readonly)
        except sqlite3.OperationalError as exc:
            busy = (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_BUSY")
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _connect(path: Path, readonly: bool, *, immutable: bool = False) -> sqlite_utils.Database:
    if immutable:
        conn = sqlite3.connect(path.absolute().as_uri() + "?immutable=1", uri=True)
    elif readonly:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA busy_timeout = 5000")
        # Reading the header first: a file that is not a database, or one a newer bientap wrote, is
        # refused before anything (journal mode included) is written to it.
        check_version(db, path)
        check_ours(db, path)
    except BaseException:
        conn.close()
        raise
    if readonly:
        db.execute("PRAGMA query_only = 1")  # so callers can ask: see is_readonly
    else:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def data_version(db: sqlite_utils.Database) -> int:
    """SQLite's `PRAGMA data_version`: changes when another connection commits (the inbox polls it
    to see other desks' and the CLI's changes)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def is_readonly(db: sqlite_utils.Database) -> bool:
    """True when `db` was opened for reading only (asked for, or the file is not writable)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


FTS_TABLE = "articles_fts"


def integrity_problems(db: sqlite_utils.Database, *, limit: int = 100) -> list[str]:
    """What SQLite finds wrong with the file (PRAGMA integrity_check) and with the search index
    (FTS5 integrity-check); empty when both are sound.

    The FTS5 check is a write statement to SQLite: on a database opened for reading only it is
    left out (`is_readonly`); on a writable one it holds the write lock while it runs."""
    try:
        rows = [r[0] for r in db.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:  # too damaged to walk at all
        return [str(exc)]
    problems = [] if rows == ["ok"] else rows
    if not is_readonly(db):
        try:
            with write_transaction(db):
                db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('integrity-check')")
        except StoreError as exc:
            if not _errname(exc.__cause__).startswith("SQLITE_CORRUPT"):
                raise
            problems.append(f"{FTS_TABLE}: {exc.__cause__}")
    return problems


def backup(db: sqlite_utils.Database, target: str | Path, *, overwrite: bool = False) -> Path:
    """Copy the database to `target` through SQLite's online backup, consistent as of one moment.

    In WAL mode the copy reads one snapshot while desks go on saving (readers never block the
    writer), so it is made in one step: a copy in steps restarts whenever another connection
    commits between two steps, and on a busy desk might never finish. The copy goes to a temp
    file beside `target`, is synced and renamed over it, so `target` is never half a database;
    it is a self-contained file (rollback journal, no -wal needed). StoreError: `target` exists
    and not `overwrite`, is the database itself, or cannot be written."""
    target = Path(target)
    source = Path(db.conn.execute("PRAGMA database_list").fetchone()[2] or "")
    if target.is_dir():
        raise StoreError(_("{path}: is a folder; give a file name").format(path=target))
    if os.path.lexists(target):
        if not overwrite:
            raise StoreError(_("{path}: exists; use --overwrite to replace it").format(path=target))
        if source.name and target.exists() and os.path.samefile(source, target):
            raise StoreError(_("{path}: is the database itself").format(path=target))
        if Path(f"{target}-wal").exists():
            raise StoreError(_("{path}: this database is in use (it has a -wal file: open, or not closed "
                               "cleanly); not overwritten").format(path=target))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".bientap-backup")
        os.close(fd)
    except OSError as exc:
        raise StoreError(_("{path}: cannot write the backup ({reason})").format(path=target, reason=exc.strerror)) from exc
    try:
        copy = sqlite3.connect(tmp)
        try:
            db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, source.stat().st_mode & 0o777 if source.is_file() else 0o600)  # as private as the database
        os.replace(tmp, target)
        sync_folder(target.parent)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, target) from exc
        if isinstance(exc, OSError):
            raise StoreError(_("{path}: cannot write the backup ({reason})").format(path=target, reason=exc.strerror)) from exc
        raise
    return target


def sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (the files themselves were synced before the rename)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def check_version(db: sqlite_utils.Database, path: str | Path | None = None) -> int:
    """The schema version recorded in the file; StoreError when a newer bientap wrote it."""
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    if user_version > SCHEMA_VERSION:
        raise StoreError(
            _("{path}: the database has schema version {found}, newer than this bientap reads ({known}); "
              "upgrade bientap").format(path=path or _("database"), found=user_version, known=SCHEMA_VERSION)
        )
    return user_version


def check_ours(db: sqlite_utils.Database, path: str | Path | None = None) -> None:
    """StoreError for a SQLite database another program made (tables, but no bientap migrations):
    `--db` pointed at the wrong file must not get our tables added to it."""
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not names - {migrations.migrations_table}:
        return
    if migrations.migrations_table in names and db.execute(
            f"SELECT 1 FROM {migrations.migrations_table} WHERE migration_set = ? LIMIT 1",
            [migrations.name]).fetchone():
        return
    raise StoreError(_("{path}: a SQLite database of another program, not bientap's").format(
        path=path or _("database")))


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Apply pending migrations. Under the write lock, so two processes opening a new database at
    once do not both create its tables."""
    try:
        check_version(db)
        if not migrations.pending(db) and check_version(db) == SCHEMA_VERSION:
            return
        with write_transaction(db):
            check_version(db)
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as exc:
        raise store_error(exc) from exc


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["raw_imports"].create(
        {
            "id": int,
            "source_key": str,  # resolved path, feed record source_url, or record sha256
            "source_path": str,  # as given on the command line
            "data": bytes,  # the original, never modified
            "encoding": str,
            "sha256": str,
            "imported_at": str,
        },
        pk="id",
    )
    db["raw_imports"].create_index(["source_key"])
    db["raw_imports"].create_index(["sha256"])
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "sapo": str,
            "body": str,
            "byline": str,
            "published_at": str,
            "source": str,
            "source_url": str,
            "location": str,
            "section": str,
            "tags": str,  # JSON array
            "status": str,
            "source_file": str,
            "source_key": str,
            "raw_id": int,
            "version": int,
            "created_at": str,
            "updated_at": str,
            "content_sha256": str,  # of the raw import this article came from
            "word_count": int,
            "errors": int,
            "warnings": int,
            "infos": int,
            "edited": int,  # 1 once an editor saved it
            "source_changed": str,  # note for the editor when the source changed under their edits
            "title_sort": str,  # Vietnamese collation key for sort by title
        },
        pk="id",
        not_null={"status", "version", "created_at", "updated_at"},
        defaults={"status": "draft", "version": 1, "word_count": 0, "errors": 0, "warnings": 0,
                  "infos": 0, "edited": 0},
        foreign_keys=[("raw_id", "raw_imports", "id")],
    )
    db["articles"].create_index(["source_key"], unique=True)
    db["articles"].create_index(["published_at", "id"])
    db["articles"].create_index(["status", "published_at", "id"])
    db["articles"].create_index(["updated_at", "id"])
    db["articles"].create_index(["title_sort", "id"])
    db["revisions"].create(
        {
            "id": int,
            "article_id": int,
            "version": int,
            "editor": str,
            "created_at": str,
            "note": str,
            "snapshot": str,  # JSON of every article field at that version
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["revisions"].create_index(["article_id", "version"], unique=True)
    db["removed_lines"].create(
        {
            "id": int,
            "article_id": int,
            "position": int,  # index of the body paragraph it stood before
            "kind": str,  # boilerplate | caption | metadata
            "reason": str,
            "text": str,
            "restored": int,
        },
        pk="id",
        defaults={"restored": 0},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["removed_lines"].create_index(["article_id"])
    db["glossary"].create(
        {"abbr": str, "expansion": str, "variants": str, "canonical": str, "policy": str},
        pk="abbr",
    )
    db["custom_words"].create({"word": str, "added_by": str, "added_at": str}, pk="word")
    db["ignored_findings"].create(
        {"id": int, "article_id": int, "rule": str, "text": str, "added_by": str, "added_at": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["ignored_findings"].create_index(["article_id", "rule", "text"], unique=True)
    db["drafts"].create(
        {"article_id": int, "base_version": int, "fields": str, "saved_at": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["status_counts"].create({"status": str, "n": int}, pk="status")
    # Folded (diacritic-free, đ→d) copies of the searchable fields; rowid = article id.
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, sapo, body, byline, tokenize='unicode61 remove_diacritics 2')"
    )
    # Counts per status kept by triggers so the inbox's tab bar never counts 100k rows on open.
    db.executescript(
        """
        CREATE TRIGGER articles_count_ins AFTER INSERT ON articles BEGIN
          INSERT INTO status_counts(status, n) VALUES (new.status, 1)
            ON CONFLICT(status) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER articles_count_del AFTER DELETE ON articles BEGIN
          UPDATE status_counts SET n = n - 1 WHERE status = old.status;
        END;
        CREATE TRIGGER articles_count_upd AFTER UPDATE OF status ON articles
          WHEN old.status IS NOT new.status BEGIN
          UPDATE status_counts SET n = n - 1 WHERE status = old.status;
          INSERT INTO status_counts(status, n) VALUES (new.status, 1)
            ON CONFLICT(status) DO UPDATE SET n = n + 1;
        END;
        """
    )


@migrations()
def m002_sort_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the inbox's other sorts, so every page of every sort is an index range
    (without them, sorting 100k articles by errors costs ~150 ms a page)."""
    db["articles"].create_index(["errors", "id"], if_not_exists=True)
    db["articles"].create_index(["status", "errors", "id"], if_not_exists=True)
    db["articles"].create_index(["status", "updated_at", "id"], if_not_exists=True)
    db["articles"].create_index(["status", "title_sort", "id"], if_not_exists=True)


@migrations()
def m003_drafts_per_editor(db: sqlite_utils.Database) -> None:
    """One autosaved draft per article *and editor*: two desks editing one article never overwrite
    each other's unsaved text, and a colleague's save never drops it."""
    db["drafts"].add_column("editor", str, not_null_default="")
    db["drafts"].transform(pk=("article_id", "editor"))


@migrations()
def m004_search_prefix_index(db: sqlite_utils.Database) -> None:
    """Search as you type ends on a half-typed word ("kinh t"): FTS5 prefix indexes for 1–3
    letters answer such a prefix from one doclist instead of merging every word that starts with
    it (about 10x faster on half-typed words; the index grows about 2.5x on disk)."""
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts_new USING fts5("
        "title, sapo, body, byline, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    db.execute("INSERT INTO articles_fts_new(rowid, title, sapo, body, byline) "
               "SELECT rowid, title, sapo, body, byline FROM articles_fts")
    db.execute("DROP TABLE articles_fts")
    db.execute("ALTER TABLE articles_fts_new RENAME TO articles_fts")


@migrations()
def m005_check_timeout(db: sqlite_utils.Database) -> None:
    """An article whose checks overran their time budget at import: the sha256 of the title, sapo
    and body they overran on (see bientap.store.articles.checked_digest). While the article holds that
    text, its findings include a blocking `check.timeout`; NULL for every article checked in time."""
    db["articles"].add_column("timed_out_sha256", str)


@migrations()
def m006_counts_checked_with(db: sqlite_utils.Database) -> None:
    """Which glossary, dictionary and house style an article's stored counts were computed with
    (`Context.fingerprint`): after a change, the desk shows other counts as stale until re-checked."""
    db["articles"].add_column("checked_with", str)


@migrations()
def m007_presence_and_assignment(db: sqlite_utils.Database) -> None:
    """Who is editing what (soft locks that expire when their desk stops beating) and who an
    article is assigned to."""
    db["locks"].create({"article_id": int, "editor": str, "host": str, "since": str, "heartbeat": float},
                       pk="article_id", foreign_keys=[("article_id", "articles", "id")])
    db["articles"].add_column("assignee", str)
    db["articles"].create_index(["assignee", "id"], if_not_exists=True)


@migrations()
def m008_near_duplicates(db: sqlite_utils.Database) -> None:
    """Near-duplicates (bientap.store.duplicates): `duplicate_of` is the id of the earliest article of an
    article's group, NULL for that one and for articles with none; each body's MinHash signature
    and its LSH band keys, indexed, so an import finds candidates without rebuilding anything."""
    db["articles"].add_column("duplicate_of", int)
    db["articles"].create_index(["duplicate_of"], if_not_exists=True)
    db["duplicate_signatures"].create({"article_id": int, "signature": bytes}, pk="article_id")
    db["duplicate_bands"].create({"key": int, "article_id": int})
    db["duplicate_bands"].create_index(["key"], if_not_exists=True)
    db["duplicate_bands"].create_index(["article_id"], if_not_exists=True)


@migrations()
def m009_editor_state(db: sqlite_utils.Database) -> None:
    """What the desk remembers per editor (bientap.store.views: when they last looked at the inbox)."""
    db["editor_state"].create({"editor": str, "key": str, "value": str}, pk=("editor", "key"))


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """BEGIN IMMEDIATE: take the write lock before reading, so two processes importing or saving the
    same article serialize instead of both deciding it is new. Nested use becomes a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.rollback()
            raise
        else:
            db.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.conn.in_transaction:  # a failed COMMIT leaves the transaction open
            db.rollback()
        if is_fault(exc):
            raise store_error(exc) from exc
        raise
