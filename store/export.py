"""Export articles as files the next system reads: Markdown (Hugo/Jekyll), HTML, text, JSON, ninjs.

`render` turns one stored article into the text of one file; `export_articles` writes a batch of
them into one folder. Article text is never trusted: every format escapes it for its own syntax,
file names come from an ASCII slug (never from the title as typed), and every write is atomic
(temp file in the folder, fsync, rename), so a crash leaves the old file or the new one, never
half of one. The output depends only on the stored article: exporting twice gives the same bytes.
Export only reads the store.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
import json
import os
import re
import socket
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import sqlite_utils

from bientap.checks.boilerplate import classify_lines
from bientap.checks.text import clean_field, nfc
from bientap.i18n import _
from bientap.store import articles
from bientap.store.articles import Article
from bientap.store.db import sync_folder

FORMATS = ("md", "html", "txt", "json", "ninjs")
EXTENSIONS = {"md": "md", "html": "html", "txt": "txt", "json": "json", "ninjs": "ninjs.json"}
SLUG_MAX = 80
VN_TZ = dt.timezone(dt.timedelta(hours=7))


class ExportError(Exception):
    """The export cannot start at all (the folder cannot be written); the message says why."""


class ExportOutcome(StrEnum):
    """What became of one exported file; the value is the word reports print and count."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


@dataclass
class ExportResult:
    article_id: int
    path: Path
    outcome: ExportOutcome
    reason: str = ""


@dataclass
class ExportReport:
    out_dir: Path
    results: list[ExportResult] = field(default_factory=list)

    def count(self, outcome: ExportOutcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def skipped(self) -> list[ExportResult]:
        return [r for r in self.results if r.outcome == ExportOutcome.SKIPPED]


# ---- the article as pieces of text ---------------------------------------------------------------

# Stored fields are clean already (see bientap.store.articles.clean_fields); an Article built in memory may
# not be, so anything that could be a control, bidi or stray ZWJ goes through clean_field.
_MAYBE_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _clean(value: str | None) -> str:
    value = value or ""
    return clean_field(value) if _MAYBE_UNCLEAN.search(value) else nfc(value)


def _line(value: str | None) -> str:
    """A one-line field (title, byline, place...): cleaned, whitespace runs and newlines as one space."""
    return " ".join(_clean(value).split())


def _body_paragraphs(article: Article) -> list[str]:
    """Each non-blank body line, whitespace runs as one space (scraped pages put one paragraph per
    line, with or without a blank line between); paragraphs that only repeat the sapo are dropped."""
    body = [" ".join(line.split()) for line in _clean(article.body).split("\n")]
    body = [p for p in body if p]
    sapo = _line(article.sapo)
    if sapo:
        # The body may open with the sapo, whole or spread over several lines: the lead is told once.
        joined = ""
        for i, p in enumerate(body):
            joined = f"{joined} {p}" if joined else p
            if joined == sapo:
                return body[i + 1:]
            if not sapo.startswith(joined):
                break
    return body


def paragraphs(article: Article) -> list[str]:
    """The text of the article, one entry per paragraph: the sapo (lead) first, then the body."""
    return [block.text for block in blocks(article)]


@dataclass(frozen=True)
class Block:
    """One block of the exported article: the lead (sapo), an intertitle, a photo caption or a
    paragraph of the body."""

    kind: str  # lead | heading | caption | paragraph
    text: str


_SENTENCE_END = (".", "!", "?", ":", ";", "…", ",", '"', "”", "»", ")")


def _intertitle(text: str, following: str | None) -> bool:
    """A subhead (tít phụ) between paragraphs: a short line that starts with a capital, ends without
    sentence punctuation and introduces a longer paragraph. Scraped pages lose the bold, the shape
    stays."""
    words = len(text.split())
    return (2 <= words <= 16 and len(text) <= 120 and text[0].isupper() and not text.endswith(_SENTENCE_END)
            and following is not None and len(following.split()) >= max(20, 2 * words))


def blocks(article: Article) -> list[Block]:
    """The article's structure as exports show it: the sapo as the lead, then the body's paragraphs,
    intertitles and the photo captions an editor kept (the import's line classifier tells those)."""
    body = _body_paragraphs(article)
    kinds = [c.kind for c in classify_lines("\n".join(body))] if body else []
    out = [Block("lead", _line(article.sapo))] if _line(article.sapo) else []
    for i, text in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if kinds[i] == "caption":
            out.append(Block("caption", text))
        elif _intertitle(text, following):
            out.append(Block("heading", text))
        else:
            out.append(Block("paragraph", text))
    return out


def iso_date(article: Article, *, fallback: bool = True) -> str | None:
    """Publication time as ISO 8601 with offset; a day alone is midnight Vietnam time (+07:00).

    Without a publication date, the time the article entered the store stands in (stable, so the
    output stays the same from one export to the next).
    """
    value = (article.published_at or "").strip()
    if value:
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                day = dt.date.fromisoformat(value)
                return dt.datetime(day.year, day.month, day.day, tzinfo=VN_TZ).isoformat()
            parsed = dt.datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=VN_TZ)
            return parsed.isoformat(timespec="seconds")
        except ValueError:
            pass
    return _timestamp(article.created_at) if fallback else None


def _timestamp(value: str | None) -> str | None:
    """A stored UTC stamp (created_at/updated_at) as RFC 3339 in Vietnam time, to the second."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(VN_TZ).isoformat(timespec="seconds")


def _shown_date(iso: str | None, day_only: bool) -> str:
    if not iso:
        return ""
    parsed = dt.datetime.fromisoformat(iso)
    return parsed.strftime("%d/%m/%Y" if day_only else "%d/%m/%Y %H:%M")


def _day_only(article: Article) -> bool:
    return bool(article.published_at and re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published_at.strip()))


# ---- Markdown ------------------------------------------------------------------------------------

# Characters with a meaning anywhere in a CommonMark line (emphasis, code, links, raw HTML, tables,
# strike-through), "&" when it would start an entity, and the braces of Hugo shortcodes and Liquid
# tags ("{{ }}", "{{<", "{%": the "%" after "{" too, so "{%" never stays contiguous).
_MD_INLINE = re.compile(r"[\\`*_\[\]<>{}|~]|&(?=#?[A-Za-z0-9]+;)|(?<=\{)%")
# What makes a line a heading, quote, list item, thematic break or setext underline.
_MD_LINE_START = re.compile(r"^(#|[-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """One paragraph of plain text as Markdown that renders back to exactly that text."""
    text = _MD_INLINE.sub(r"\\\g<0>", text)
    match = _MD_LINE_START.match(text)
    if match:
        end = match.end()
        if match.group(1)[0].isdigit():  # "2022. " would start an ordered list: escape the dot
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text


def front_matter(article: Article, slug: str) -> dict:
    """Hugo/Jekyll front matter fields; absent optional fields are left out."""
    meta: dict = {"title": _line(article.title), "date": iso_date(article), "slug": slug,
                  "draft": article.status != "published"}
    if _timestamp(article.updated_at):
        meta["lastmod"] = _timestamp(article.updated_at)
    optional = {
        "author": _line(article.byline),
        "tags": [t for t in (_line(t) for t in article.tags) if t],
        "categories": [_line(article.section)] if _line(article.section) else [],
        "description": _line(article.sapo),
        "source": _line(article.source),
        "source_url": _line(article.source_url),
        "location": _line(article.location),
    }
    meta.update({k: v for k, v in optional.items() if v})
    return meta


def render_md(article: Article, slug: str) -> str:
    import yaml

    meta = yaml.safe_dump(front_matter(article, slug), allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=2**31)
    body = "\n\n".join(("## " if b.kind == "heading" else "") + md_escape(b.text) for b in blocks(article))
    return f"---\n{meta}---\n\n{body}\n"


# ---- HTML ----------------------------------------------------------------------------------------

def _safe_href(url: str) -> str | None:
    """Only web addresses become links; "javascript:" and the like stay text."""
    return url if re.match(r"https?://[^\s]+$", url, re.IGNORECASE) else None


def render_html(article: Article, slug: str) -> str:
    e = html.escape
    title = _line(article.title)
    byline = _line(article.byline)
    sapo = _line(article.sapo)
    when = iso_date(article)
    head = ['<!DOCTYPE html>', '<html lang="vi">', '<head>', '<meta charset="utf-8">',
            f'<title>{e(title)}</title>']
    if sapo:
        head.append(f'<meta name="description" content="{e(sapo)}">')
    if byline:
        head.append(f'<meta name="author" content="{e(byline)}">')
    head += ['</head>', '<body>', f'<article id="{e(slug)}">', '<header>', f'<h1>{e(title)}</h1>']
    if byline:
        head.append(f'<p class="byline">{e(byline)}</p>')
    dateline = []
    if when:
        dateline.append(f'<time datetime="{e(when)}">{e(_shown_date(when, _day_only(article)))}</time>')
    if _line(article.location):
        dateline.append(f'<span class="location">{e(_line(article.location))}</span>')
    if dateline:
        head.append(f'<p class="dateline">{" · ".join(dateline)}</p>')
    head.append('</header>')
    body = [body_html(article)] if blocks(article) else []
    foot = []
    source, url = _line(article.source), _line(article.source_url)
    if source or url:
        label = e(source or url)
        href = _safe_href(url)
        shown = f'<a href="{e(href)}">{label}</a>' if href else label
        if url and not href:
            shown += f' ({e(url)})'
        foot = ['<footer>', f'<p class="source">Nguồn: {shown}</p>', '</footer>']
    return "\n".join(head + body + foot + ['</article>', '</body>', '</html>']) + "\n"


def body_html(article: Article) -> str:
    """The article's blocks as an HTML fragment: `<p class="sapo">` for the lead, `<h2>` for
    intertitles, `<figure><figcaption>` for photo captions, `<p>` for the rest (every text escaped)."""
    e = html.escape
    out = []
    for block in blocks(article):
        if block.kind == "lead":
            out.append(f'<p class="sapo">{e(block.text)}</p>')
        elif block.kind == "heading":
            out.append(f"<h2>{e(block.text)}</h2>")
        elif block.kind == "caption":
            out.append(f"<figure><figcaption>{e(block.text)}</figcaption></figure>")
        else:
            out.append(f"<p>{e(block.text)}</p>")
    return "\n".join(out)


# ---- plain text, JSON, ninjs ---------------------------------------------------------------------

def render_txt(article: Article, slug: str) -> str:
    parts = [_line(article.title), "\n\n".join(paragraphs(article))]
    if _line(article.byline):
        parts.append(_line(article.byline))
    return "\n\n".join(parts) + "\n"


def render_json(article: Article, slug: str) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def ninjs(article: Article, slug: str) -> dict:
    """The article as an IPTC ninjs 1.6 news item (https://iptc.org/standards/ninjs/)."""
    item: dict = {
        "uri": f"urn:bientap:article:{article.id}",
        "type": "text",
        "mimetype": "text/plain",
        "representationtype": "complete",
        "version": str(article.version),
        "firstcreated": _timestamp(article.created_at),
        "versioncreated": _timestamp(article.updated_at),
        "contentcreated": iso_date(article, fallback=False),
        "pubstatus": "usable" if article.status == "published" else "withheld",
        "language": "vi",
        "slugline": slug,
        "headline": _line(article.title),
        "byline": _line(article.byline),
        "located": _line(article.location),
        "description_text": _line(article.sapo),
        "body_text": "\n\n".join(paragraphs(article)),
        "body_html": body_html(article),
        "wordcount": article.word_count,
    }
    subject = [{"name": _line(article.section), "rel": "section"}] if _line(article.section) else []
    subject += [{"name": t, "rel": "tag"} for t in (_line(t) for t in article.tags) if t]
    if subject:
        item["subject"] = subject
    if _line(article.source):
        item["infosource"] = [{"name": _line(article.source), "rel": "source"}]
    return {k: v for k, v in item.items() if v not in (None, "")}


def render_ninjs(article: Article, slug: str) -> str:
    return json.dumps(ninjs(article, slug), ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[Article, str], str]] = {
    "md": render_md, "html": render_html, "txt": render_txt, "json": render_json, "ninjs": render_ninjs,
}


def render(article: Article, fmt: str, *, slug: str | None = None) -> str:
    """The text of one exported file. `slug` defaults to the article's own (no batch clash)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return _RENDERERS[fmt](article, slug or slug_for(article.title, article.id))


# ---- file names ----------------------------------------------------------------------------------

_SLUG_OK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug_for(title: str | None, article_id: int | None) -> str:
    """An ASCII file-name slug of the title: "Hội thảo đổi mới" → "hoi-thao-doi-moi", at most 80
    characters; "bai-<id>" when the title has nothing to make one from; "<slug>-<id>" when the
    slug is a name Windows keeps for a device (a title "Con" or "NUL")."""
    from slugify import slugify

    slug = slugify(_clean(title).replace("đ", "d").replace("Đ", "D"))
    if len(slug) > SLUG_MAX:  # cut at a word boundary (python-slugify's own cut mangles repeated words)
        cut = slug[:SLUG_MAX + 1]
        slug = cut[:cut.rindex("-")] if "-" in cut else slug[:SLUG_MAX]
    if not _SLUG_OK.fullmatch(slug):
        return f"bai-{article_id}"
    return f"{slug}-{article_id if article_id is not None else 'bai'}" if windows_reserved(slug) else slug


# Device names Windows refuses as file names in any case and with any extension ("con.md",
# "Nul.tar.md"); the digits of COM and LPT include the superscripts ¹ ² ³.
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                             | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"})


def windows_reserved(name: str) -> bool:
    """True when Windows cannot create a file called `name` (its part before the first dot, less
    the trailing spaces Windows drops, is a device name)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_DEVICES


def batch_slugs(titles: Sequence[tuple[int, str | None]]) -> dict[int, str]:
    """Slugs for a batch: on a clash the lowest id keeps the slug, the others become <slug>-<id>."""
    used: set[str] = set()
    out: dict[int, str] = {}
    for article_id, title in sorted(titles, key=lambda t: t[0]):
        slug = slug_for(title, article_id)
        while slug in used:
            slug = f"{slug}-{article_id}"
        used.add(slug)
        out[article_id] = slug
    return out


# ---- writing -------------------------------------------------------------------------------------

def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def prepare_out_dir(out_dir: str | Path) -> Path:
    """Create the folder if needed and prove a file can be written there; ExportError otherwise."""
    path = Path(out_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
        resolved = path.resolve(strict=True)
        if not resolved.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(path))
        fd, probe = tempfile.mkstemp(dir=resolved, prefix=_temp_prefix(), suffix=".probe")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ExportError(_("cannot write to the folder {folder}: {reason}").format(
            folder=out_dir, reason=_reason(exc))) from None
    _sweep_temps(resolved)
    return resolved


STALE_TEMP_SECONDS = 600
# Temp files are named for the host and process writing them: ".bientap-<host>-<pid>-….tmp".
_HOST = f"{zlib.crc32(socket.gethostname().encode()):08x}"
_TEMP_OWNER = re.compile(r"\.bientap-([0-9a-f]{8})-(\d+)-")


def _temp_prefix() -> str:
    return f".bientap-{_HOST}-{os.getpid()}-"


def _sweep_temps(folder: Path) -> None:
    """Remove temp files an export killed mid-write left behind: ours by name, and written by a
    process of this host that is gone, or long untouched (a write in progress — another desk's,
    another host's on a shared folder — is never that old)."""
    limit = time.time() - STALE_TEMP_SECONDS
    for temp in folder.glob(".bientap-*"):
        if not temp.name.endswith((".tmp", ".probe")):
            continue
        owner = _TEMP_OWNER.match(temp.name)
        try:
            dead = owner is not None and owner.group(1) == _HOST and not _alive(int(owner.group(2)))
            if temp.is_file() and not temp.is_symlink() and (dead or temp.stat().st_mtime < limit):
                temp.unlink()
        except OSError:
            continue


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def _inside(out_dir: Path, target: Path) -> bool:
    return target.parent == out_dir and target.name not in ("", ".", "..")


def write_atomic(target: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Replace `target` with `data` all at once: temp file beside it, fsync, rename, fsync folder.

    A batch passes `sync_dir=False` and syncs the folder once at the end (`sync_folder`)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if sync_dir:
        sync_folder(target.parent)


# Errors after which every next file would fail the same way: the export stops at the first.
FOLDER_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


def write_one(out_dir: Path, name: str, data: bytes, *, overwrite: bool) -> tuple[ExportOutcome, str]:
    """Write one file named `name` inside `out_dir`: (outcome, reason). A full disk (FOLDER_FULL)
    raises its OSError: it is the batch's problem, not this file's."""
    target = out_dir / name
    if not _inside(out_dir, target) or not _inside(out_dir, target.resolve()):
        return ExportOutcome.SKIPPED, _("the file name leads outside the output folder: {name!r}").format(name=name)
    if os.path.lexists(target):
        if target.is_symlink() or not target.is_file():
            return ExportOutcome.SKIPPED, _("exists and is not a regular file")
        try:
            if target.read_bytes() == data:
                return ExportOutcome.UNCHANGED, ""
        except OSError as exc:
            return ExportOutcome.SKIPPED, _reason(exc)
        if not overwrite:
            return ExportOutcome.SKIPPED, _("exists with different content; use --overwrite to replace it")
    try:
        write_atomic(target, data, sync_dir=False)
    except OSError as exc:
        if exc.errno in FOLDER_FULL:
            raise
        return ExportOutcome.SKIPPED, _reason(exc)
    return ExportOutcome.WRITTEN, ""


def export_articles(db: sqlite_utils.Database, ids: Sequence[int], fmt: str, out_dir: str | Path, *,
                    overwrite: bool = False,
                    on_progress: Callable[[int, int], None] | None = None) -> ExportReport:
    """Write each article in `ids` to `out_dir/<slug>.<ext>`; never changes the store.

    Raises ExportError when the folder cannot be written (at the start, or when the disk fills:
    the export stops at the first file that does not fit, and leaves no part of it), NotFound for
    an unknown id (before any file is written), ValueError for an unknown format. Per-article
    problems are results.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    ids = list(dict.fromkeys(ids))
    titles = _titles(db, ids)
    folder = prepare_out_dir(out_dir)
    slugs = batch_slugs(titles)
    report = ExportReport(folder)
    for n, article_id in enumerate(ids, 1):
        article = articles.get(db, article_id)
        name = f"{slugs[article_id]}.{EXTENSIONS[fmt]}"
        data = render(article, fmt, slug=slugs[article_id]).encode("utf-8")
        try:
            outcome, reason = write_one(folder, name, data, overwrite=overwrite)
        except OSError as exc:
            _stop(folder, report, name, exc)
        report.results.append(ExportResult(article_id, folder / name, outcome, reason))
        if on_progress:
            on_progress(n, len(ids))
    if report.count(ExportOutcome.WRITTEN):
        sync_folder(folder)
    return report


def _stop(folder: Path, report: ExportReport, name: str, exc: OSError) -> None:
    """End a batch the disk cannot take any more of, with one line saying how far it got."""
    written = report.count(ExportOutcome.WRITTEN)
    if written:
        try:
            sync_folder(folder)
        except OSError:
            pass
    raise ExportError(_("{folder}: {reason} — export stopped at {name}: {written} files written, no partial "
                        "file left").format(folder=folder, reason=_reason(exc), name=name, written=written)) from None


def _titles(db: sqlite_utils.Database, ids: list[int]) -> list[tuple[int, str | None]]:
    """(id, title) for every id, in batches; NotFound for the first id that is not stored."""
    found: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk):
            found[row[0]] = row[1]
    for article_id in ids:
        if article_id not in found:
            raise articles.NotFound(article_id)
    return [(i, found[i]) for i in ids]


def ids_for_status(db: sqlite_utils.Database, status: str | None) -> list[int]:
    """Ids of every article with `status` (all articles when None), oldest id first."""
    if status is None:
        return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE status = ? ORDER BY id", [status])]
