"""Import raw scraped text files and JSON feeds into the store.

Each file (and each feed record) goes in on its own: one bad file is rejected with a reason, the
others still go in. The original bytes are kept unmodified in `raw_imports`; the article holds the
cleaned, extracted text. Importing the same thing again changes nothing; a changed source updates
an article no editor has touched, and only leaves a note on one they have.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from checks.engine import Context, check_article
from checks.metadata import Extracted, extract_article
from checks.text import DecodeError, clean_field, decode_bytes
from store import articles
from store.articles import Article
from store.db import StoreError, write_transaction

DEFAULT_SIZE_CAP = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
FEED_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_FIELDS = ("title", "body", "sapo", "byline", "published_at", "source", "source_url", "location",
               "section", "tags")


class Rejected(Exception):
    """A file or record that cannot be imported; the message is the reason."""


@dataclass
class ImportResult:
    source: str  # path as given (with ":LINE" for a feed record)
    outcome: str  # imported | updated | unchanged | rejected
    article_id: int | None = None
    reason: str = ""


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)
    # Set when the database itself failed (read-only, disk full...): the import stopped there; every
    # file reported before it is committed.
    error: str | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def rejected(self) -> list[ImportResult]:
        return [r for r in self.results if r.outcome == "rejected"]


@dataclass(frozen=True)
class Candidate:
    """A file found under the paths given: `shown` is how the user named it."""

    path: Path
    shown: str


def discover(paths: Sequence[str]) -> tuple[list[Candidate], list[ImportResult]]:
    """Files to import under `paths` (folders recursively) and the paths refused while walking."""
    found: list[Candidate] = []
    refused: list[ImportResult] = []
    for given in paths:
        path = Path(given)
        try:
            st = path.stat()
        except OSError as exc:
            refused.append(ImportResult(printable_path(given), "rejected", reason=_os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            found.extend(_walk(path, given, refused))
        else:
            found.append(Candidate(path, printable_path(given)))
    return found, refused


def _walk(root: Path, shown_root: str, refused: list[ImportResult]) -> Iterator[Candidate]:
    def onerror(exc: OSError) -> None:
        where = exc.filename or str(root)
        refused.append(ImportResult(printable_path(str(where)), "rejected", reason=_os_reason(exc)))

    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        try:
            st = os.stat(dirpath)
            seen_dirs.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath) / name
            if full.suffix.lower() not in TEXT_SUFFIXES | FEED_SUFFIXES:
                continue
            shown = os.path.join(shown_root, os.path.relpath(full, root))
            yield Candidate(full, printable_path(shown))


def printable_path(path: str) -> str:
    """A file name as text that can be stored and printed: bytes that are not UTF-8 (kept by
    Python as lone surrogates) become \\xNN escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _os_reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.ENOENT: "không tìm thấy (file not found or vanished)",
        errno.EACCES: "không có quyền đọc (permission denied)",
        errno.ELOOP: "vòng lặp liên kết (symlink loop)",
        errno.EISDIR: "là thư mục (is a directory)",
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))


def open_regular(path: Path):
    """Open a regular file for reading. A named pipe or a device named like an article would
    block the import or never end: opened without blocking, then refused."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise Rejected(_os_reason(exc)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Rejected("là thư mục (is a directory)" if stat.S_ISDIR(st.st_mode)
                       else "không phải tệp thường (not a regular file: pipe, device or socket)")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_capped(path: Path, size_cap: int) -> bytes:
    try:
        with open_regular(path) as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > size_cap:
                raise Rejected(f"quá lớn: {st.st_size} byte > giới hạn {size_cap} (file too large)")
            data = fh.read(size_cap + 1)
    except OSError as exc:
        raise Rejected(_os_reason(exc)) from None
    if len(data) > size_cap:
        raise Rejected(f"quá lớn: > giới hạn {size_cap} byte (file too large)")
    return data


def import_paths(db: sqlite_utils.Database, paths: Sequence[str], *, ctx: Context | None = None,
                 size_cap: int = DEFAULT_SIZE_CAP,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_discovered: Callable[[int], None] | None = None, jobs: int = 1) -> ImportReport:
    """Import every file under `paths`. Never raises for a bad file: it is reported as rejected.

    A database fault (StoreError) stops the import and is kept in `report.error`.
    `jobs` > 1: the analyses (extraction, checks, search folding) of a big import run in that many
    worker processes; results are written in order by this process, exactly as with one."""
    ctx = ctx or Context()
    candidates, refused = discover(paths)
    report = ImportReport(list(refused))
    with _Workers(ctx, jobs if jobs > 1 and _big(candidates) else 1) as workers:
        if on_discovered:
            on_discovered(len(candidates))
        done = 0
        try:
            for n, results in _import_candidates(db, candidates, ctx, size_cap, workers):
                report.results.extend(results)
                if on_progress and n > done:
                    done = n
                    on_progress(n, len(candidates))
        except _Stopped as stop:
            report.results.extend(stop.results)
            report.error = f"{stop.error} — dừng ở {stop.where} (import stopped)"
    return report


# A feed this large, or this many files, is worth starting worker processes for.
_POOL_MIN_BYTES = 2_000_000
_POOL_MIN_FILES = 100
# Work items per chunk sent to a worker; each chunk is written in one transaction.
CHUNK = 50


def _big(candidates: Sequence[Candidate]) -> bool:
    texts = sum(1 for c in candidates if c.path.suffix.lower() not in FEED_SUFFIXES)
    if texts >= _POOL_MIN_FILES:
        return True
    for c in candidates:
        if c.path.suffix.lower() in FEED_SUFFIXES:
            try:
                if c.path.stat().st_size >= _POOL_MIN_BYTES:
                    return True
            except OSError:
                continue
    return False


class _Stopped(Exception):
    """A database fault while writing: what was written before it, and where it happened."""

    def __init__(self, results: list[ImportResult], error: StoreError, where: str):
        super().__init__(str(error))
        self.results, self.error, self.where = results, error, where


def _import_candidates(db: sqlite_utils.Database, candidates: Sequence[Candidate], ctx: Context, size_cap: int,
                       workers: _Workers) -> Iterator[tuple[int, list[ImportResult]]]:
    """(files finished, results) as they are written, in the order of `candidates`.

    Reading, the unchanged-source test and every write happen here; each work item is analysed
    (in a worker when there are several) before the write lock is taken for its chunk."""

    def items() -> Iterator[tuple[int, str, object]]:
        for n, cand in enumerate(candidates, 1):
            if cand.path.suffix.lower() in FEED_SUFFIXES:
                for item in _feed_items(db, cand, size_cap):
                    yield n, cand.shown, item
            else:
                yield n, cand.shown, _text_item(db, cand, size_cap)
            yield n, cand.shown, _DONE

    files_done = 0
    for chunk, analysed in workers.map(items(), CHUNK):
        written: list[ImportResult] = []
        where = chunk[0][1]
        try:
            with write_transaction(db):
                for (n, shown, item), outcome in zip(chunk, analysed):
                    where = shown
                    if item is _DONE:
                        files_done = n
                    elif isinstance(outcome, ImportResult):
                        written.append(outcome)
                    else:
                        written.append(store_import(db, *outcome))
        except StoreError as exc:
            # The chunk's transaction is rolled back: only outcomes that wrote nothing stand.
            raise _Stopped([r for r in written if r.outcome in ("rejected", "unchanged")], exc, where) from None
        yield files_done, written


_DONE = "done"  # marks the end of a candidate's items (progress is counted in files)


def _feed_items(db: sqlite_utils.Database, cand: Candidate, size_cap: int) -> Iterator[object]:
    """A feed's records: an ImportResult when the outcome is known here, else the work to do."""
    try:
        if cand.path.suffix.lower() == ".json":
            data = read_capped(cand.path, size_cap)
            records = _json_records(cand, decode_bytes(data).text)
        else:
            records = _jsonl_records(cand, open_regular(cand.path), size_cap)
            first = next(records, None)
            if first is None:
                raise Rejected("tệp rỗng (empty file)")
            records = itertools.chain([first], records)
    except (Rejected, DecodeError) as exc:
        yield ImportResult(cand.shown, "rejected", reason=str(exc))
        return
    try:
        for where, raw, record in records:
            yield _record_item(db, cand, where, raw, record)
    except OSError as exc:
        yield ImportResult(cand.shown, "rejected", reason=_os_reason(exc))


def _record_item(db: sqlite_utils.Database, cand: Candidate, where: str, raw: bytes,
                 record: dict | Rejected) -> object:
    if isinstance(record, Rejected):
        return ImportResult(where, "rejected", reason=str(record))
    try:
        article = article_from_record(record, cand.shown)
    except Rejected as exc:
        return ImportResult(where, "rejected", reason=str(exc))
    digest = hashlib.sha256(raw).hexdigest()
    key = "url:" + article.source_url if article.source_url else "sha:" + digest
    known = _unchanged(db, key, digest)
    if known is not None:
        return ImportResult(where, "unchanged", known)
    return ("record", where, key, raw, article)


def _text_item(db: sqlite_utils.Database, cand: Candidate, size_cap: int) -> object:
    try:
        data = read_capped(cand.path, size_cap)
        key = "file:" + printable_path(str(cand.path.resolve(strict=True)))
    except Rejected as exc:
        return ImportResult(cand.shown, "rejected", reason=str(exc))
    except (OSError, RuntimeError) as exc:
        return ImportResult(cand.shown, "rejected", reason=_os_reason(exc) if isinstance(exc, OSError) else str(exc))
    known = _unchanged(db, key, hashlib.sha256(data).hexdigest())
    if known is not None:
        return ImportResult(cand.shown, "unchanged", known)
    return ("text", cand.shown, key, data)


def analyse(item: object, ctx: Context) -> object:
    """A work item → ImportResult (rejected) or the arguments of store_import, counts and
    prepared rows included. Pure: no database, so it can run in a worker process."""
    if not isinstance(item, tuple):
        return item
    if item[0] == "record":
        _, where, key, raw, article = item
        counts = counts_for(article, ctx)
        return (where, key, raw, "utf-8", article, [], counts, articles.prepare_insert(article, counts))
    _, shown, key, data = item
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return ImportResult(shown, "rejected", reason=str(exc))
    extracted = extract_article(clean_field(decoded.text))
    article = article_from_extracted(extracted, shown)
    counts = counts_for(article, ctx)
    return (shown, key, data, decoded.encoding, article, extracted.removed, counts,
            articles.prepare_insert(article, counts))


class _Workers:
    """Runs `analyse` over chunks of work items: here, or in a pool of processes (`jobs` > 1),
    always giving the chunks back in order."""

    def __init__(self, ctx: Context, jobs: int) -> None:
        self.ctx, self.jobs, self.pool = ctx, jobs, None

    def __enter__(self) -> _Workers:
        if self.jobs > 1:
            import multiprocessing
            import threading
            from concurrent.futures import ProcessPoolExecutor

            from checks.engine import load_rules
            from checks.lexicon import lexicon

            load_rules()
            lexicon()  # loaded once here; forked workers share it
            # fork is instant and shares the loaded dictionaries; with other threads running (the
            # desk, a progress bar) a forked child could inherit a held lock, so a clean server forks.
            method = "fork" if threading.active_count() == 1 else "forkserver"
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                            initializer=_worker_start, initargs=(self.ctx,))
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def map(self, items: Iterable[tuple[int, str, object]], size: int) -> Iterator[tuple[list, list]]:
        """(chunk, analysed items) in order; the end-of-file markers stay here, as they are."""
        chunks = _chunks(items, size)
        if self.pool is None:
            for chunk in chunks:
                yield chunk, [item if item is _DONE else analyse(item, self.ctx) for _, _, item in chunk]
            return
        from collections import deque

        pending: deque = deque()
        for chunk in chunks:
            pending.append((chunk, self.pool.submit(_analyse_chunk, [item for _, _, item in chunk])))
            if len(pending) >= 4 * self.jobs:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_worker_ctx: Context | None = None


def _worker_start(ctx: Context) -> None:
    global _worker_ctx
    _worker_ctx = ctx


def _analyse_chunk(items: list) -> list:
    return [analyse(item, _worker_ctx) for item in items]


def article_from_extracted(ex: Extracted, source_file: str) -> Article:
    return Article(title=ex.title, sapo=ex.sapo, body=ex.body, byline=ex.byline,
                   published_at=ex.published_at, source=ex.source, source_url=ex.source_url,
                   location=ex.location, source_file=source_file)


def _unchanged(db: sqlite_utils.Database, key: str, digest: str) -> int | None:
    """The id of the article already holding exactly this source, if any."""
    row = db.execute("SELECT id, content_sha256 FROM articles WHERE source_key = ?", [key]).fetchone()
    return row[0] if row and row[1] == digest else None


NOT_OBJECT = "không phải đối tượng JSON (not an object)"


def json_problem(exc: ValueError | RecursionError) -> str:
    """Why a feed's JSON was refused: bad syntax, or valid JSON Python will not load (nesting
    thousands deep, a number of thousands of digits)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"JSON không hợp lệ: {exc.msg}" + (f" (line {exc.lineno})" if exc.lineno > 1 else "")
    if isinstance(exc, RecursionError):
        return "JSON lồng quá sâu (JSON nested too deeply)"
    return f"JSON không dùng được ({exc})"


def _json_records(cand: Candidate, text: str) -> Iterator[tuple[str, bytes, dict | Rejected]]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield cand.shown, b"", Rejected(json_problem(exc))
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records, 1):
        raw = json.dumps(record, ensure_ascii=False).encode()
        yield f"{cand.shown}#{i}", raw, record if isinstance(record, dict) else Rejected(NOT_OBJECT)


def _capped_lines(fh, size_cap: int) -> Iterator[bytes | None]:
    """The lines of `fh`; None for a line longer than `size_cap`, which is skipped chunk by chunk
    and never held in memory whole (a multi-gigabyte feed without a newline stays harmless)."""
    while True:
        line = fh.readline(size_cap + 2)  # the cap, a CR and a LF
        if not line:
            return
        if len(line) <= size_cap + 1 or line.endswith(b"\n"):
            if len(line.rstrip(b"\r\n")) <= size_cap:
                yield line
                continue
        while line and not line.endswith(b"\n"):
            line = fh.readline(size_cap + 2)
        yield None


def _jsonl_records(cand: Candidate, fh, size_cap: int) -> Iterator[tuple[str, bytes, dict | Rejected]]:
    """Records of a JSON Lines file read line by line; `raw` is the line's bytes as they arrived."""
    with fh:
        for lineno, line in enumerate(_capped_lines(fh, size_cap), 1):
            where = f"{cand.shown}:{lineno}"
            if line is None:
                yield where, b"", Rejected(f"bản ghi quá lớn: > giới hạn {size_cap} byte (record too large)")
                continue
            raw = line.rstrip(b"\r\n")
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield where, raw, Rejected(f"không phải UTF-8 (invalid byte at offset {exc.start})")
                continue
            except (ValueError, RecursionError) as exc:
                yield where, raw, Rejected(json_problem(exc))
                continue
            yield where, raw, record if isinstance(record, dict) else Rejected(NOT_OBJECT)


def article_from_record(record: dict, source_file: str) -> Article:
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise Rejected("thiếu nội dung (missing body)")
    values: dict = {}
    for name in FEED_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if name == "tags":
            if isinstance(value, str):
                value = [t.strip() for t in value.split(",")]
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise Rejected("tags phải là danh sách chuỗi (tags must be a list of strings)")
        elif not isinstance(value, str):
            raise Rejected(f"{name} phải là chuỗi ({name} must be a string)")
        values[name] = value
    if values.get("published_at"):
        try:
            values["published_at"] = articles.normalize_date(values["published_at"])
        except ValueError as exc:
            raise Rejected(str(exc)) from None
    values = articles.clean_fields(values)
    body_text = values.pop("body")
    return Article(body=body_text, source_file=source_file, **{k: v or None for k, v in values.items()})


def counts_for(article: Article, ctx: Context) -> tuple[int, int, int]:
    findings = check_article(article.editable(), ctx)
    return (sum(f.severity == "error" for f in findings), sum(f.severity == "warning" for f in findings),
            sum(f.severity == "info" for f in findings))


def store_import(db: sqlite_utils.Database, shown: str, key: str, data: bytes, encoding: str,
                 article: Article, removed: Iterable, counts: tuple[int, int, int],
                 prepared: articles.PreparedInsert | None = None) -> ImportResult:
    """Store one analysed source in its own savepoint and say what happened to it.

    The checks (`counts`, from `analyse`) ran outside the write lock, and not at all for an
    unchanged source; `prepared` is articles.prepare_insert(article, counts), done ahead."""
    digest = hashlib.sha256(data).hexdigest()
    with write_transaction(db):
        existing = list(db.query(
            "SELECT id, version, edited, content_sha256 FROM articles WHERE source_key = ?", [key]))
        if existing and existing[0]["content_sha256"] == digest:
            return ImportResult(shown, "unchanged", existing[0]["id"])
        raw_id = articles.insert_row(db, "raw_imports", {
            "source_key": key, "source_path": shown, "data": data, "encoding": encoding,
            "sha256": digest, "imported_at": articles.now(),
        })
        if not existing:
            if prepared is not None:
                prepared.article.content_sha256 = prepared.record["content_sha256"] = digest
            article = replace(article, content_sha256=digest)
            stored = articles.insert(db, article, source_key=key, raw_id=raw_id, counts=counts, prepared=prepared)
            _store_removed(db, stored.id, removed)
            return ImportResult(shown, "imported", stored.id)
        row = existing[0]
        if row["edited"]:
            db.execute(
                "UPDATE articles SET source_changed = ?, raw_id = ? WHERE id = ?",
                [f"Nguồn đã thay đổi lúc {articles.now()[:19]} ({shown}); bài đã được biên tập nên không ghi đè.",
                 raw_id, row["id"]],
            )
            return ImportResult(shown, "updated", row["id"], "source changed; article kept as edited")
        changes = {k: v for k, v in article.editable().items() if k != "status"}
        articles.save(db, row["id"], changes, row["version"], note="source updated", counts=counts,
                      by_editor=False)
        db.execute("UPDATE articles SET content_sha256 = ?, raw_id = ? WHERE id = ?", [digest, raw_id, row["id"]])
        db.execute("DELETE FROM removed_lines WHERE article_id = ?", [row["id"]])
        _store_removed(db, row["id"], removed)
        return ImportResult(shown, "updated", row["id"])


def _store_removed(db: sqlite_utils.Database, article_id: int, removed: Iterable) -> None:
    rows = [(article_id, r.position, r.kind, r.reason, r.text) for r in removed]
    if rows:
        db.conn.executemany(
            "INSERT INTO removed_lines (article_id, position, kind, reason, text) VALUES (?, ?, ?, ?, ?)", rows)


def raw_original(db: sqlite_utils.Database, article_id: int) -> bytes:
    """The bytes this article was last imported from, exactly as they arrived."""
    row = db.execute(
        "SELECT r.data FROM articles a JOIN raw_imports r ON r.id = a.raw_id WHERE a.id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise articles.NotFound(article_id)
    return row[0]
