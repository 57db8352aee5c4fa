"""Import raw scraped text files and JSON feeds into the store.

Each file (and each feed record) goes in on its own: one bad file is rejected with a reason, the
others still go in. The original bytes are kept unmodified in `raw_imports`; the article holds the
cleaned, extracted text. Importing the same thing again changes nothing; a changed source updates
an article no editor has touched, and only leaves a note on one they have. A page is known by its
path; a feed record by its id, else its URL, else its source, title and date (`record_keys`).

The analyses (extraction, checks) run in worker processes, each article under a time budget: one
that overruns is stored with a blocking check.timeout finding and the import goes on (`_Workers`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import stat
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

import sqlite_utils

from bientap.checks.engine import Context, load_rules
from bientap.checks.lexicon import lexicon
from bientap.checks.metadata import Extracted, extract_article
from bientap.checks.text import DecodeError, clean_field, decode_bytes
from bientap.i18n import N_, _
from bientap.store import articles, duplicates
from bientap.store.articles import Article
from bientap.store.checking import DEFAULT_CHECK_BUDGET  # noqa: F401 - one budget for import and desk
from bientap.store.context import ArticleChecker, load_context, raw_text
from bientap.store.db import StoreError, write_transaction
from bientap.store.ingest import Refused
from bientap.store.ingest.docx import read_docx
from bientap.store.ingest.feeds import read_feed
from bientap.store.ingest.html import fragment_text, read_page as read_html

DEFAULT_SIZE_CAP = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}  # read by bientap.store.ingest.html
DOCX_SUFFIXES = {".docx"}  # bientap.store.ingest.docx
PAGE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES  # one file, one article
XML_FEED_SUFFIXES = {".xml", ".rss", ".atom"}  # RSS 2.0 and Atom: bientap.store.ingest.feeds
FEED_SUFFIXES = {".jsonl", ".ndjson", ".json"} | XML_FEED_SUFFIXES
FEED_FIELDS = ("title", "body", "sapo", "byline", "published_at", "source", "source_url", "location",
               "section", "tags")


class Rejected(Exception):
    """A file or record that cannot be imported; the message is the reason."""


class Outcome(StrEnum):
    """What became of one file or feed record; the value is the word reports print and count."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass
class ImportResult:
    source: str  # path as given (with ":LINE" for a feed record)
    outcome: Outcome
    article_id: int | None = None
    reason: str = ""
    timed_out: bool = False  # stored, but its checks overran the budget: it carries check.timeout


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)
    # Set when the database itself failed (read-only, disk full...): the import stopped there; every
    # file reported before it is committed.
    error: str | None = None

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def rejected(self) -> list[ImportResult]:
        return [r for r in self.results if r.outcome == Outcome.REJECTED]


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
            refused.append(ImportResult(printable_path(given), Outcome.REJECTED, reason=_os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            found.extend(_walk(path, given, refused))
        else:
            found.append(Candidate(path, printable_path(given)))
    return found, refused


def _walk(root: Path, shown_root: str, refused: list[ImportResult]) -> Iterator[Candidate]:
    def onerror(exc: OSError) -> None:
        where = exc.filename or str(root)
        refused.append(ImportResult(printable_path(str(where)), Outcome.REJECTED, reason=_os_reason(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath) / name
            if full.suffix.lower() not in PAGE_SUFFIXES | FEED_SUFFIXES:
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
        errno.ENOENT: N_("file not found (or it vanished)"),
        errno.EACCES: N_("permission denied"),
        errno.ELOOP: N_("symlink loop"),
        errno.EISDIR: N_("is a folder"),
    }
    reason = reasons.get(exc.errno)
    return _(reason) if reason else exc.strerror or str(exc)


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
        raise Rejected(_("is a folder") if stat.S_ISDIR(st.st_mode)
                       else _("not a regular file (a pipe, device or socket)"))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_capped(path: Path, size_cap: int) -> bytes:
    try:
        with open_regular(path) as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > size_cap:
                raise Rejected(_("file too large: {size} bytes > the limit of {cap}").format(size=st.st_size, cap=size_cap))
            data = fh.read(size_cap + 1)
    except OSError as exc:
        raise Rejected(_os_reason(exc)) from None
    if len(data) > size_cap:
        raise Rejected(_("file too large: over the limit of {cap} bytes").format(cap=size_cap))
    return data


def import_paths(db: sqlite_utils.Database, paths: Sequence[str], *, ctx: Context | None = None,
                 size_cap: int = DEFAULT_SIZE_CAP,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_discovered: Callable[[int], None] | None = None, jobs: int = 1,
                 budget: float = DEFAULT_CHECK_BUDGET) -> ImportReport:
    """Import every file under `paths`. Never raises for a bad file: it is reported as rejected.

    A database fault (StoreError) stops the import and is kept in `report.error`.
    The analyses (extraction, checks, search folding) run in worker processes — `jobs` of them for
    a big import, else one — and results are written in order by this process. Each article has
    `budget` seconds: one whose analysis overruns is stored with a blocking check.timeout finding
    (`timed_out` in its result) and the import goes on."""
    ctx = ctx if ctx is not None else load_context(db)  # the newsroom's, as every later count uses
    candidates, refused = discover(paths)
    report = ImportReport(list(refused))
    with _Workers(ctx, jobs if jobs > 1 and _big(candidates) else 1, budget) as workers:
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
            report.error = _("{error} — import stopped at {where}").format(error=stop.error, where=stop.where)
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

    def items() -> Iterator[tuple[int, str, Item]]:
        for n, cand in enumerate(candidates, 1):
            if cand.path.suffix.lower() in FEED_SUFFIXES:
                for item in _feed_items(db, cand, size_cap):
                    yield n, cand.shown, item
            else:
                yield n, cand.shown, _text_item(db, cand, size_cap)
            yield n, cand.shown, END_OF_FILE

    files_done = 0
    for chunk, analysed in workers.map(items(), CHUNK):
        written: list[ImportResult] = []
        where = chunk[0][1]
        try:
            with write_transaction(db):
                for (n, shown, item), outcome in zip(chunk, analysed):
                    where = shown
                    if isinstance(outcome, EndOfFile):
                        files_done = n
                    elif isinstance(outcome, ImportResult):
                        written.append(outcome)
                    else:
                        written.append(store_import(db, outcome))
        except StoreError as exc:
            # The chunk's transaction is rolled back: only outcomes that wrote nothing stand.
            stand = [r for r in written if r.outcome in (Outcome.REJECTED, Outcome.UNCHANGED)]
            raise _Stopped(stand, exc, where) from None
        yield files_done, written


@dataclass(frozen=True)
class RecordItem:
    """A feed record to analyse: where it is (`shown`), who it is (`keys`, see record_keys), its
    bytes as they arrived and the article read from them."""

    shown: str
    keys: tuple[str, ...]
    raw: bytes
    article: Article


@dataclass(frozen=True)
class PageItem:
    """A text file to analyse: how the user named it, who it is (its path) and its bytes."""

    shown: str
    keys: tuple[str, ...]
    data: bytes


class EndOfFile:
    """Marks the end of a candidate's items (progress is counted in files)."""


END_OF_FILE = EndOfFile()

# What the reading side hands on: work for a worker, an outcome known already, or a file's end.
Work = RecordItem | PageItem
Item = Work | ImportResult | EndOfFile


@dataclass(frozen=True)
class Extraction:
    """A page as extracted, sent ahead of its checks (if they overrun, it is stored as this)."""

    article: Article
    removed: list
    encoding: str


@dataclass(frozen=True)
class Checked:
    """A worker's answer for one work item: the counts and the row prepared with them."""

    counts: tuple[int, int, int]
    prepared: articles.PreparedInsert


@dataclass(frozen=True)
class Analysed:
    """One source ready to store (store_import): the article and what goes with it."""

    shown: str
    keys: tuple[str, ...]
    data: bytes
    encoding: str
    article: Article
    removed: list
    counts: tuple[int, int, int]
    prepared: articles.PreparedInsert | None = None
    timed_out: bool = False  # its checks overran: it is counted as one check.timeout error


def _feed_items(db: sqlite_utils.Database, cand: Candidate, size_cap: int) -> Iterator[RecordItem | ImportResult]:
    """A feed's records: an ImportResult when the outcome is known here, else the work to do."""
    try:
        if cand.path.suffix.lower() in XML_FEED_SUFFIXES:
            records = _xml_records(cand, read_capped(cand.path, size_cap))
        elif cand.path.suffix.lower() == ".json":
            data = read_capped(cand.path, size_cap)
            records = _json_records(cand, decode_bytes(data).text)
        else:
            records = _jsonl_records(cand, open_regular(cand.path), size_cap)
            first = next(records, None)
            if first is None:
                raise Rejected(_("empty file"))
            records = itertools.chain([first], records)
    except (Rejected, DecodeError) as exc:
        yield ImportResult(cand.shown, Outcome.REJECTED, reason=str(exc))
        return
    try:
        for where, raw, record in records:
            yield _record_item(db, cand, where, raw, record)
    except OSError as exc:
        yield ImportResult(cand.shown, Outcome.REJECTED, reason=_os_reason(exc))


def _xml_records(cand: Candidate, data: bytes) -> Iterator[tuple[str, bytes, dict | Rejected]]:
    """An RSS or Atom file's items (bientap.store.ingest.feeds): `raw` is each item's bytes in the file.
    Read whole here, so that a file refused as a whole is refused before its first item."""
    try:
        items = read_feed(data)
    except Refused as exc:
        raise Rejected(str(exc)) from None
    if not items:
        raise Rejected(_("no item or entry in the feed"))
    return iter([(f"{cand.shown}:{item.where}", item.raw,
                  Rejected(str(item.record)) if isinstance(item.record, Exception) else item.record)
                 for item in items])


def _record_item(db: sqlite_utils.Database, cand: Candidate, where: str, raw: bytes,
                 record: dict | Rejected) -> RecordItem | ImportResult:
    if isinstance(record, Rejected):
        return ImportResult(where, Outcome.REJECTED, reason=str(record))
    digest = hashlib.sha256(raw).hexdigest()
    try:
        article = article_from_record(record, cand.shown)
        keys = record_keys(record, article, digest)
    except Rejected as exc:
        return ImportResult(where, Outcome.REJECTED, reason=str(exc))
    known = _unchanged(db, keys, digest)
    if known is not None:
        return ImportResult(where, Outcome.UNCHANGED, known)
    return RecordItem(where, keys, raw, article)


def record_keys(record: dict, article: Article, digest: str) -> tuple[str, ...]:
    """Who a feed record is, strongest first; the article is stored under the first.

    A record is the same article as one imported before when its `id` (else `guid`) matches,
    within its `source` (two newspapers' feeds may both count from 1); else when its `source_url`
    matches; else when its source, title and date match; else only when its bytes are the same.
    The weaker keys find an article stored before the record had a stronger one (or before
    bientap read ids), which then moves to the stronger key."""
    keys = []
    for name in ("id", "guid"):
        ident = record.get(name)
        if ident is None:
            continue
        if isinstance(ident, bool) or not isinstance(ident, (str, int)):
            raise Rejected(_("{name} must be a string or an integer").format(name=name))
        ident = clean_field(str(ident)).strip()
        if ident:
            keys.append("id:" + (article.source or "") + "\x1f" + ident)
            break
    if article.source_url:
        keys.append("url:" + article.source_url)
    if article.title and article.published_at:
        keys.append("meta:" + "\x1f".join((article.source or "", article.title.strip(), article.published_at)))
    keys.append("sha:" + digest)
    return tuple(keys)


def _text_item(db: sqlite_utils.Database, cand: Candidate, size_cap: int) -> PageItem | ImportResult:
    try:
        data = read_capped(cand.path, size_cap)
        keys = ("file:" + printable_path(str(cand.path.resolve(strict=True))),)
    except Rejected as exc:
        return ImportResult(cand.shown, Outcome.REJECTED, reason=str(exc))
    except (OSError, RuntimeError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
        return ImportResult(cand.shown, Outcome.REJECTED, reason=reason)
    known = _unchanged(db, keys, hashlib.sha256(data).hexdigest())
    if known is not None:
        return ImportResult(cand.shown, Outcome.UNCHANGED, known)
    return PageItem(cand.shown, keys, data)


NOTHING_LEFT = N_("nothing left after cleaning: only invisible characters, controls or escape sequences")

# Terminal escape sequences (colours, cursor moves, window titles): their parameters are printable
# characters, but nothing a reader would see.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|[\x1b\x9d]\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]")
# Letters that draw nothing: the Hangul fillers and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible_text(text: str) -> bool:
    """Whether `text` shows a reader anything: not only spaces, zero-width and format characters
    (BOM, bidi controls), control characters and escape sequences, or combining marks without a
    letter to sit on. Such text is empty once cleaned, and refused like an empty file."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    for ch in text:
        if not ch.isspace() and unicodedata.category(ch)[0] not in "CMZ" and ch not in _BLANK_LETTERS:
            return True
    return False


def _analyse(item: Work, ctx: Context, extracted: Callable[[Extraction], None]) -> Checked | ImportResult:
    """A work item → its counts and prepared row, or an ImportResult (rejected). Pure: no
    database; runs in a worker process. A page's extraction goes to `extracted` before its checks
    run, so that if they overrun, the article is still stored as extracted."""
    if isinstance(item, RecordItem):
        raw, article = item.raw, item.article
    else:
        raw = item.data
        try:
            ex, encoding = read_page(item.shown, raw)
        except Rejected as exc:
            return ImportResult(item.shown, Outcome.REJECTED, reason=str(exc))
        article = article_from_extracted(ex, item.shown)
        extracted(Extraction(article, ex.removed, encoding))
    counts = counts_for(article, ctx, raw)
    return Checked(counts, articles.prepare_insert(article, counts, ctx.fingerprint))


def read_page(shown: str, data: bytes) -> tuple[Extracted, str]:
    """A page's bytes → (its extraction, the encoding it was read in), by its suffix: `.txt`
    decoded and extracted line by line; `.html` and `.docx` by bientap.store.ingest, which feeds the same
    extraction with what their structure says. Rejected with the reason."""
    suffix = Path(shown).suffix.lower()
    if suffix in HTML_SUFFIXES | DOCX_SUFFIXES:
        try:
            if suffix in DOCX_SUFFIXES:
                return read_docx(data), "docx"
            page = read_html(data)
            return page.extracted, page.encoding
        except Refused as exc:
            raise Rejected(str(exc)) from None
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        raise Rejected(str(exc)) from None
    if not has_visible_text(decoded.text):
        raise Rejected(_(NOTHING_LEFT))
    return extract_article(clean_field(decoded.text)), decoded.encoding


def _outcome(item: Work, extraction: Extraction | None, result: Checked | ImportResult) -> Analysed | ImportResult:
    """What to store for an analysed item (or its ImportResult)."""
    if isinstance(result, ImportResult):
        return result
    if isinstance(item, RecordItem):
        return Analysed(item.shown, item.keys, item.raw, "utf-8", item.article, [], result.counts, result.prepared)
    return Analysed(item.shown, item.keys, item.data, extraction.encoding, extraction.article, extraction.removed,
                    result.counts, result.prepared)


def _overran(item: Work, extraction: Extraction | None, checked_with: str) -> Analysed | ImportResult:
    """What to store for an item whose analysis overran its budget: the article as far as it got
    (a page not even extracted is stored whole as its body, for an editor to trim), counted as one
    error — check.timeout — and flagged so the store keeps that finding. `checked_with`: the
    counts stand for this newsroom data (the desk must not re-check it in the background: that is
    what overran)."""
    if isinstance(item, RecordItem):
        data, article, removed, encoding = item.raw, item.article, [], "utf-8"
    elif extraction is not None:
        data, article, removed, encoding = item.data, extraction.article, extraction.removed, extraction.encoding
    elif Path(item.shown).suffix.lower() not in TEXT_SUFFIXES:  # markup or a zip is no body to trim
        return ImportResult(item.shown, Outcome.REJECTED, reason=_("reading the file overran the time budget"))
    else:
        data = item.data
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            return ImportResult(item.shown, Outcome.REJECTED, reason=str(exc))
        if not has_visible_text(decoded.text):
            return ImportResult(item.shown, Outcome.REJECTED, reason=_(NOTHING_LEFT))
        article = Article(body=clean_field(decoded.text), source_file=item.shown)
        removed, encoding = [], decoded.encoding
    counts = (1, 0, 0)
    return Analysed(item.shown, item.keys, data, encoding, article, removed, counts,
                    articles.prepare_insert(article, counts, checked_with), timed_out=True)


class _Workers:
    """Analyses work items in worker processes (up to `jobs`, started when there is work) and
    gives each chunk back in order, analysed.

    Every item has `budget` seconds. A worker that overruns it — a rule gone wrong, a
    pathological page — is killed and replaced: its item comes back as far as it got, flagged
    (see _overran), and the rest of its chunk goes on in the new worker. Time this process spends
    away writing chunks counts against nobody's budget. Workers are forked: they share the
    dictionaries loaded here. A fork while another thread holds a lock the child needs would
    leave that child stuck — which the budget turns into one flagged article, not a hung import."""

    def __init__(self, ctx: Context, jobs: int, budget: float = DEFAULT_CHECK_BUDGET) -> None:
        self.ctx, self.jobs, self.budget = ctx, max(1, jobs), budget
        self.workers: list[_Worker] = []
        self.results: dict[int, Analysed | ImportResult] = {}  # item number → what to store
        self.extractions: dict[int, Extraction] = {}  # item number → extraction, while its checks run

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        for worker in self.workers:
            worker.stop(kill=exc_type is not None)
        self.workers.clear()

    def map(self, items: Iterable[tuple[int, str, Item]], size: int) -> Iterator[tuple[list, list]]:
        """(chunk, outcomes) in order: Analysed or ImportResult for each work item; what needs no
        analysis (outcomes known already, the end-of-file markers) stays here, as it is."""
        chunks = _chunks(items, size)
        numbers = itertools.count()
        window: deque = deque()  # (chunk, item numbers of its work), oldest first
        more = True
        while True:
            while more and len(window) < 4 * self.jobs and self._room():
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                work = [(next(numbers), item) for _, _, item in chunk if isinstance(item, (RecordItem, PageItem))]
                window.append((chunk, work))
                if work:
                    self._give(work)
            if not window:
                return
            chunk, work = window[0]
            if any(n not in self.results for n, _ in work):
                self._wait()
                continue
            window.popleft()
            analysed = iter([self.results.pop(n) for n, _ in work])
            away = time.monotonic()
            yield chunk, [next(analysed) if isinstance(item, (RecordItem, PageItem)) else item for _, _, item in chunk]
            away = time.monotonic() - away
            for worker in self.workers:
                worker.since += away

    def _room(self) -> bool:
        return len(self.workers) < self.jobs or any(not w.queue for w in self.workers)

    def _give(self, work: list) -> None:
        worker = next((w for w in self.workers if not w.queue), None)
        if worker is None:
            load_rules()
            lexicon()  # loaded once here; forked workers share it
            worker = _Worker(self.ctx, self.workers)
            self.workers.append(worker)
        try:
            worker.give(work)
        except OSError:  # it died idle (killed from outside): its successor takes the work
            self._remove(worker)
            self._give(work)

    def _wait(self) -> None:
        from multiprocessing.connection import wait

        busy = [w for w in self.workers if w.queue]
        if not busy:
            raise RuntimeError("import: work lost between worker processes")
        timeout = min(w.since for w in busy) + self.budget - time.monotonic()
        ready = wait([w.outbox for w in busy], max(0.0, timeout))
        for worker in busy:
            if worker.outbox in ready:
                self._receive(worker)
        for worker in busy:
            while worker.queue and worker.outbox.poll(0):  # what it said while we looked elsewhere
                self._receive(worker)
            if worker.queue and time.monotonic() - worker.since > self.budget:
                self._overrun(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            said = worker.outbox.recv()
        except (EOFError, OSError):  # the worker died (out of memory, killed): as if it overran
            self._overrun(worker)
            return
        if isinstance(said, _Extracted):
            self.extractions[said.number] = said.extraction
        elif isinstance(said, _Failed):
            raise said.exc from _WorkerError(said.trace)
        else:
            _, item = worker.queue.popleft()
            self.results[said.number] = _outcome(item, self.extractions.pop(said.number, None), said.result)
            worker.since = time.monotonic()

    def _overrun(self, worker: _Worker) -> None:
        number, item = worker.queue.popleft()
        rest = list(worker.queue)
        self._remove(worker)
        self.results[number] = _overran(item, self.extractions.pop(number, None), self.ctx.fingerprint)
        if rest:
            self._give(rest)

    def _remove(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self.workers.remove(worker)


# What a worker says, through its outbox: ready to work, a page extracted (ahead of its checks),
# an item analysed, or an analysis failed.
@dataclass(frozen=True)
class _Ready:
    pass


@dataclass(frozen=True)
class _Extracted:
    number: int
    extraction: Extraction


@dataclass(frozen=True)
class _Done:
    number: int
    result: Checked | ImportResult


@dataclass(frozen=True)
class _Failed:
    number: int
    exc: BaseException
    trace: str


class _WorkerError(Exception):
    """An analysis failed in a worker process; the message is the worker's traceback."""


class _Worker:
    """One worker process and its two pipes; `queue` holds the items it has, `since` when it began
    the first of them."""

    def __init__(self, ctx: Context, others: Sequence[_Worker]) -> None:
        import multiprocessing

        mp = multiprocessing.get_context("fork")
        inbox, self.inbox = mp.Pipe(duplex=False)
        self.outbox, outbox = mp.Pipe(duplex=False)
        _widen(outbox)
        inherited = [self.inbox, self.outbox] + [c for w in others for c in (w.inbox, w.outbox)]
        self.process = mp.Process(target=_worker_main, args=(inbox, outbox, ctx, inherited), daemon=True,
                                  name="bientap-import")
        self.process.start()
        inbox.close()
        outbox.close()
        self.queue: deque = deque()
        try:
            if not self.outbox.poll(60) or not isinstance(self.outbox.recv(), _Ready):
                raise OSError("no answer")
        except (EOFError, OSError) as exc:
            self.stop(kill=True)
            raise RuntimeError(f"import: a worker process did not start ({exc})") from None
        self.since = time.monotonic()

    def give(self, work: list) -> None:
        """Hand work to this worker, which must be idle: it is waiting to read, so this never
        blocks against a worker blocked writing to us."""
        self.inbox.send(work)
        self.queue.extend(work)
        self.since = time.monotonic()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        self.inbox.close()  # an idle worker reads the end and leaves
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.outbox.close()


def _widen(conn) -> None:
    """A worker may finish a chunk while this process writes the one before: a 1 MB pipe holds its
    results instead of stalling it (Linux; elsewhere the default pipe stays)."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _worker_main(inbox, outbox, ctx: Context, inherited: list) -> None:
    for conn in inherited:  # the parent's ends: kept open here, they would hide its exit
        conn.close()
    try:
        outbox.send(_Ready())
        while True:
            for number, item in inbox.recv():
                try:
                    result = _analyse(item, ctx, lambda got, n=number: outbox.send(_Extracted(n, got)))
                except Exception as exc:
                    import pickle
                    import traceback

                    trace = traceback.format_exc()
                    try:
                        pickle.dumps(exc)
                    except Exception:
                        exc = RuntimeError(repr(exc))
                    outbox.send(_Failed(number, exc, trace))
                    continue
                outbox.send(_Done(number, result))
    except (EOFError, OSError, KeyboardInterrupt):  # this import ended, or was interrupted
        return


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def article_from_extracted(ex: Extracted, source_file: str) -> Article:
    shown = {name: value if value and has_visible_text(value) else None for name, value in
             (("title", ex.title), ("sapo", ex.sapo), ("byline", ex.byline))}
    return Article(body=ex.body, published_at=ex.published_at, source=ex.source, source_url=ex.source_url,
                   location=ex.location, source_file=source_file, tags=list(ex.tags), **shown)


def _known(db: sqlite_utils.Database, keys: Sequence[str], columns: str = "id, content_sha256") -> dict | None:
    """The article stored under the strongest of `keys` (its `columns` and source_key), if any."""
    marks = ", ".join("?" * len(keys))
    rows = list(db.query(f"SELECT {columns}, source_key FROM articles WHERE source_key IN ({marks})", list(keys)))
    return min(rows, key=lambda row: keys.index(row["source_key"]), default=None)


def _unchanged(db: sqlite_utils.Database, keys: Sequence[str], digest: str) -> int | None:
    """The id of the article already holding exactly this source, if any — unless its checks
    overran: importing it again checks it again."""
    row = _known(db, keys, "id, content_sha256, timed_out_sha256")
    return row["id"] if row and row["content_sha256"] == digest and not row["timed_out_sha256"] else None


NOT_OBJECT = N_("not a JSON object")


def json_problem(exc: ValueError | RecursionError) -> str:
    """Why a feed's JSON was refused: bad syntax, or valid JSON Python will not load (nesting
    thousands deep, a number of thousands of digits)."""
    if isinstance(exc, json.JSONDecodeError):
        if exc.lineno > 1:
            return _("invalid JSON: {error} (line {line})").format(error=exc.msg, line=exc.lineno)
        return _("invalid JSON: {error}").format(error=exc.msg)
    if isinstance(exc, RecursionError):
        return _("JSON nested too deeply")
    return _("unusable JSON ({error})").format(error=exc)


def _json_records(cand: Candidate, text: str) -> Iterator[tuple[str, bytes, dict | Rejected]]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield cand.shown, b"", Rejected(json_problem(exc))
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records, 1):
        raw = json.dumps(record, ensure_ascii=False).encode()
        yield f"{cand.shown}#{i}", raw, record if isinstance(record, dict) else Rejected(_(NOT_OBJECT))


_LINE_END = re.compile(rb"\r\n|\r|\n")


def _capped_lines(fh, size_cap: int, block: int = 1 << 16) -> Iterator[bytes | None]:
    """The lines of `fh` without their ends (LF, CRLF or a lone CR, as old Mac tools write them);
    None for a line longer than `size_cap`, which is skipped block by block and never held in
    memory whole (a multi-gigabyte feed without a line end stays harmless)."""
    pending = bytearray()
    skipping = False  # inside a line already over the cap
    after_cr = False  # the last block ended in CR: a LF opening the next one belongs to it
    while data := fh.read(block):
        start = 1 if after_cr and data.startswith(b"\n") else 0
        for end in _LINE_END.finditer(data, start):
            piece = data[start:end.start()]
            if skipping or len(pending) + len(piece) > size_cap:
                yield None
            else:
                yield bytes(pending + piece) if pending else piece
            pending.clear()
            skipping = False
            start = end.end()
        after_cr = data.endswith(b"\r")
        rest = data[start:]
        if skipping or len(pending) + len(rest) > size_cap:
            skipping = True
            pending.clear()
        else:
            pending += rest
    if skipping:
        yield None
    elif pending:
        yield bytes(pending)


def _jsonl_records(cand: Candidate, fh, size_cap: int) -> Iterator[tuple[str, bytes, dict | Rejected]]:
    """Records of a JSON Lines file read line by line; `raw` is the line's bytes as they arrived."""
    with fh:
        for lineno, raw in enumerate(_capped_lines(fh, size_cap), 1):
            where = f"{cand.shown}:{lineno}"
            if raw is None:
                yield where, b"", Rejected(_("record too large: over the limit of {cap} bytes").format(cap=size_cap))
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield where, raw, Rejected(_("not UTF-8 (invalid byte at offset {offset})").format(offset=exc.start))
                continue
            except (ValueError, RecursionError) as exc:
                yield where, raw, Rejected(json_problem(exc))
                continue
            yield where, raw, record if isinstance(record, dict) else Rejected(_(NOT_OBJECT))


def article_from_record(record: dict, source_file: str) -> Article:
    """A feed record's article. A record with no `body` but an `html` one gets its body from that
    HTML, read as a feed item's content is (bientap.store.ingest.html.fragment_text: markup, scripts and
    captions out, one paragraph per block)."""
    body = record.get("body")
    if not body and isinstance(record.get("html"), str):
        try:
            body = fragment_text(record["html"])[0]
        except Refused as exc:
            raise Rejected(str(exc)) from None
        record = {**record, "body": body}
    if not isinstance(body, str) or not body.strip():
        raise Rejected(_("missing body"))
    if not has_visible_text(body):
        raise Rejected(_(NOTHING_LEFT))
    values: dict = {}
    for name in FEED_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if name == "tags":
            if isinstance(value, str):
                value = [t.strip() for t in value.split(",")]
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise Rejected(_("tags must be a list of strings"))
            value = [t for t in value if has_visible_text(t)]
        elif not isinstance(value, str):
            raise Rejected(_("{name} must be a string").format(name=name))
        elif not has_visible_text(value):
            continue  # a title of zero-width spaces is no title
        values[name] = value
    if values.get("published_at"):
        try:
            values["published_at"] = articles.normalize_date(values["published_at"])
        except ValueError as exc:
            raise Rejected(str(exc)) from None
    values = articles.clean_fields(values)
    body_text = values.pop("body")
    return Article(body=body_text, source_file=source_file, **{k: v or None for k, v in values.items()})


def counts_for(article: Article, ctx: Context, raw: bytes) -> tuple[int, int, int]:
    """The counts stored with a new article: the same `assess` as every later check, over the
    bytes it is imported from (a new article has no ignores yet)."""
    return ArticleChecker(ctx, raw_text(raw)).assess(article.editable()).counts


def store_import(db: sqlite_utils.Database, source: Analysed) -> ImportResult:
    """Store one analysed source in its own savepoint and say what happened to it.

    Its `keys` say who the source is, strongest first (see record_keys): a new article is stored
    under the first, and one found under a weaker key moves to it. The checks (`counts`) ran
    outside the write lock, and not at all for an unchanged source; `prepared` is
    articles.prepare_insert(article, counts), done ahead. `timed_out`: the checks overran their
    budget, so the article keeps a blocking check.timeout finding while it holds this text."""
    shown, keys, data, encoding = source.shown, source.keys, source.data, source.encoding
    article, removed, counts, prepared, timed_out = (source.article, source.removed, source.counts,
                                                     source.prepared, source.timed_out)
    digest = hashlib.sha256(data).hexdigest()
    fields = prepared.article.editable() if prepared is not None else articles.clean_fields(article.editable())
    marker = articles.checked_digest(fields) if timed_out else None
    checked_with = prepared.article.checked_with if prepared is not None else None
    with write_transaction(db):
        row = _known(db, keys, "id, version, edited, content_sha256, timed_out_sha256")
        if row and row["content_sha256"] == digest and (row["edited"] or not row["timed_out_sha256"] or timed_out):
            return ImportResult(shown, Outcome.UNCHANGED, row["id"])
        if row and not row["edited"]:
            stored = articles.get(db, row["id"]).editable()
            if all(stored[k] == v for k, v in fields.items() if k != "status"):
                if marker == row["timed_out_sha256"]:
                    return ImportResult(shown, Outcome.UNCHANGED, row["id"])  # the same record, written differently
                # The same text, checked in time now (or overrunning now): only its counts change.
                db.execute("UPDATE articles SET errors = ?, warnings = ?, infos = ?, timed_out_sha256 = ?, "
                           "checked_with = ? WHERE id = ?", [*counts, marker, checked_with, row["id"]])
                return ImportResult(shown, Outcome.UPDATED, row["id"], "checked again", timed_out=timed_out)
        raw_id = articles.insert_row(db, "raw_imports", {
            "source_key": keys[0], "source_path": shown, "data": data, "encoding": encoding,
            "sha256": digest, "imported_at": articles.now(),
        })
        if not row:
            if prepared is not None:
                prepared.article.content_sha256 = prepared.record["content_sha256"] = digest
            article = replace(article, content_sha256=digest)
            stored = articles.insert(db, article, source_key=keys[0], raw_id=raw_id, counts=counts, prepared=prepared)
            if marker:
                db.execute("UPDATE articles SET timed_out_sha256 = ? WHERE id = ?", [marker, stored.id])
            _store_removed(db, stored.id, removed)
            duplicates.link(db, stored.id, fields["body"])
            return ImportResult(shown, Outcome.IMPORTED, stored.id, timed_out=timed_out)
        if row["source_key"] != keys[0]:
            db.execute("UPDATE articles SET source_key = ? WHERE id = ?", [keys[0], row["id"]])
        if row["edited"]:
            db.execute(
                "UPDATE articles SET source_changed = ?, raw_id = ?, content_sha256 = ? WHERE id = ?",
                [f"Nguồn đã thay đổi lúc {articles.now()[:19]} ({shown}); bài đã được biên tập nên không ghi đè.",
                 raw_id, digest, row["id"]],
            )
            return ImportResult(shown, Outcome.UPDATED, row["id"], "source changed; article kept as edited")
        changes = {k: v for k, v in article.editable().items() if k != "status"}
        articles.save(db, row["id"], changes, row["version"], note="source updated", counts=counts,
                      checked_with=checked_with, by_editor=False)
        db.execute("UPDATE articles SET content_sha256 = ?, raw_id = ?, timed_out_sha256 = ? WHERE id = ?",
                   [digest, raw_id, marker, row["id"]])
        db.execute("DELETE FROM removed_lines WHERE article_id = ?", [row["id"]])
        _store_removed(db, row["id"], removed)
        duplicates.link(db, row["id"], fields["body"])
        return ImportResult(shown, Outcome.UPDATED, row["id"], timed_out=timed_out)


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
