"""RSS 2.0 and Atom files (`.xml`, `.rss`, `.atom`) → one feed record per item, as JSON feeds give.

feedparser reads the fields (every RSS and Atom dialect, RFC 822 and W3C dates, `content:encoded`,
`dc:creator`), never regexes. It is handed only documents with no DTD: a DOCTYPE or ENTITY
declaration is refused first, by an expat pass configured as defusedxml configures it, so
billion-laughs expansion and external entities (files, URLs) cannot happen in either parser. That
pass also gives each item's exact bytes, which are stored as its original (byte-exact, and the
item's identity when it has no guid or link).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bientap.i18n import _
from bientap.store.ingest import Refused
from bientap.store.ingest.html import fragment_text

_ITEM_TAGS = {"item", "entry", "http://www.w3.org/2005/Atom entry", "http://purl.org/rss/1.0/ item"}


@dataclass
class FeedRecord:
    """One item: `raw` its bytes in the file, `record` the JSON-feed-shaped fields (see
    bientap.store.importer.FEED_FIELDS, plus `guid`), or the reason it is refused."""

    where: int  # the item's line in the file
    raw: bytes
    record: dict | Refused


class _Forbidden(Exception):
    pass


def _spans(data: bytes) -> list[tuple[int, int, int]]:
    """(start byte, end byte, line) of each item or entry; refuses DTDs, entities and bad XML."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    spans: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int, int]] = []

    def forbid(*_args) -> None:
        raise _Forbidden

    def start(name: str, _attrs) -> None:
        stack.append((name, parser.CurrentByteIndex, parser.CurrentLineNumber))

    def end(name: str) -> None:
        tag, begin, line = stack.pop()
        if tag in _ITEM_TAGS and not any(t in _ITEM_TAGS for t, _, _ in stack):
            close = data.find(b">", parser.CurrentByteIndex)
            # An empty element (<item/>) reports its end where it began: its own '>' ends it.
            spans.append((begin, close + 1, line))

    parser.StartDoctypeDeclHandler = forbid
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _Forbidden:
        raise Refused(_("DOCTYPE/ENTITY declarations in the XML are refused (billion-laughs and "
                        "external-entity attacks)")) from None
    except expat.ExpatError as exc:
        raise Refused(_("broken XML: {error} (line {line}, column {column})").format(
            error=expat.errors.messages.get(exc.code, str(exc)), line=exc.lineno, column=exc.offset)) from None
    return spans


def read_feed(data: bytes) -> list[FeedRecord]:
    """An RSS or Atom file's items, in order. Refused when the file is not a feed at all."""
    if not data.strip():
        raise Refused(_("empty file"))
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused(_("binary file (NUL bytes)"))
    spans = _spans(data)
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not spans:
        raise Refused(_("not an RSS or Atom feed"))
    if len(parsed.entries) != len(spans):
        raise Refused(_("the feed's items cannot be read one by one: {found} items, {read} read").format(
            found=len(spans), read=len(parsed.entries)))
    source = _text(parsed.feed.get("title"))
    out = []
    for (begin, end, line), entry in zip(spans, parsed.entries):
        try:
            record = _record(entry, source)
        except Refused as exc:
            record = exc
        out.append(FeedRecord(line, data[begin:end], record))
    return out


def _text(value: str | None) -> str | None:
    """A feed's text field (feedparser gives titles as text, but some feeds put markup in them)."""
    if not value:
        return None
    if "<" in value or "&" in value:
        value = fragment_text(value)[0]
    value = " ".join(value.split())
    return value or None


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    when = dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc)  # feedparser gives UTC
    return when.astimezone(dt.timezone(dt.timedelta(hours=7))).isoformat(timespec="seconds")


def _record(entry, source: str | None) -> dict:
    record: dict = {}
    guid = entry.get("id")
    if guid:
        record["guid"] = guid
    for name, value in (("title", _text(entry.get("title"))), ("source_url", entry.get("link")),
                        ("byline", _text(entry.get("author"))), ("published_at", _date(entry)),
                        ("source", source)):
        if value:
            record[name] = value
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        record["tags"] = tags
    summary = fragment_text(entry.get("summary") or "")[0] if entry.get("summary") else ""
    content = next((c.get("value") for c in entry.get("content") or [] if c.get("value")), None)
    body = fragment_text(content)[0] if content else ""
    if body and summary:
        first, _sep, rest = body.partition("\n\n")
        if _norm(first) == _norm(summary):  # the summary opens the content: it is the sapo
            record["sapo"], body = summary, rest or body
        elif not _norm(body).startswith(_norm(summary).rstrip(" .…[]")):  # an excerpt is no sapo
            record["sapo"] = summary
    record["body"] = body or summary
    if not record["body"]:
        raise Refused(_("an item without content or summary"))
    return record


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
