"""Readers for what newsrooms receive besides flattened page text: HTML pages (`html`), RSS and Atom
feeds (`feeds`) and reporters' Word files (`docx`).

Each is a pure function from the bytes of one file to article(s) — no database, no screen — so the
importer runs it in its worker processes under the article's time budget. Each refuses bad input
with `Refused` (one line an editor can read) and never lets markup, scripts or entity tricks reach
stored text. Heavy libraries (lxml, trafilatura, feedparser, python-docx) are imported on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bientap.checks.metadata import Extracted, RemovedLine


class Refused(ValueError):
    """Input one of these readers will not take; the message is the reason, in one line."""


@dataclass
class Hints:
    """What a document's structure says outright, stronger than anything read off flattened
    lines: None (or empty) where the structure says nothing."""

    title: str | None = None
    published_at: str | None = None
    byline: str | None = None
    source: str | None = None
    source_url: str | None = None
    intertitles: list[str] = field(default_factory=list)  # h2/h3, bold short lines: body, never chrome
    captions: list[str] = field(default_factory=list)  # figcaption: kept aside, never body
    list_headings: list[str] = field(default_factory=list)  # "Các tin khác" over a list of links: chrome


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def merge(ex: Extracted, hints: Hints) -> Extracted:
    """`ex` (the line classifier's reading of the flattened text) with what the structure says
    put first: a field the structure gives overrides the guess; an intertitle the classifier took
    for chrome goes back into the body where it stood; captions are recorded as removed lines.
    A title given by structure leaves the body when the flattened text repeated it."""
    paragraphs = ex.body.split("\n\n") if ex.body else []
    removed: list[RemovedLine] = []
    inserted = 0
    for line in ex.removed:
        if any(_same(line.text, t) for t in hints.intertitles):
            paragraphs.insert(line.position + inserted, line.text)
            inserted += 1
            continue
        removed.append(RemovedLine(line.position + inserted, line.kind, line.reason, line.text))
    if hints.title:
        if ex.title and not _same(ex.title, hints.title) and not any(_same(ex.title, r.text) for r in removed):
            paragraphs.insert(0, ex.title)  # the classifier's title was a line of the article
            removed = [RemovedLine(r.position + 1, r.kind, r.reason, r.text) for r in removed]
        ex.title = hints.title
        while paragraphs and _same(paragraphs[0], hints.title):
            paragraphs.pop(0)
            removed = [RemovedLine(max(0, r.position - 1), r.kind, r.reason, r.text) for r in removed]
    kept = []
    for para in paragraphs:
        if any(_same(para, h) for h in hints.list_headings):
            removed.append(RemovedLine(len(kept), "boilerplate", "boilerplate.list_heading", para))
        else:
            kept.append(para)
    paragraphs = kept
    for caption in hints.captions:
        removed.append(RemovedLine(len(paragraphs), "caption", "caption.figcaption", caption))
    for name in ("published_at", "byline", "source", "source_url"):
        if getattr(hints, name):
            setattr(ex, name, getattr(hints, name))
    ex.body = "\n\n".join(paragraphs)
    ex.removed = removed
    return ex
