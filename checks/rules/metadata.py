"""Metadata rules over a stored article's fields: what an editor must fill in before publishing."""

from __future__ import annotations

import re

from bientap.checks.findings import Message
from bientap.checks.registry import record_rule
from bientap.i18n import N_

HEADLINE_MAX_WORDS = 25


def _blank(value) -> bool:
    return not (value or "").strip()


@record_rule("metadata.title", severity="error")
def missing_title(fields, ctx):
    """Thiếu tít: the article has no headline."""
    if _blank(fields.get("title")):
        yield "title", Message(N_("The article has no headline"))


@record_rule("metadata.byline", severity="warning")
def missing_byline(fields, ctx):
    """Thiếu bút danh / tác giả: nobody signs the article."""
    if _blank(fields.get("byline")):
        yield "byline", Message(N_("The article has no byline"))


@record_rule("metadata.date", severity="warning")
def missing_date(fields, ctx):
    """Thiếu ngày đăng: the article has no publication date."""
    if _blank(fields.get("published_at")):
        yield "published_at", Message(N_("The article has no publication date"))


@record_rule("metadata.source", severity="info")
def missing_source(fields, ctx):
    """Thiếu nguồn: neither a source nor a source URL says where the article came from."""
    if _blank(fields.get("source")) and _blank(fields.get("source_url")):
        yield "source", Message(N_("The article has no source"))


@record_rule("metadata.headline_long", severity="warning")
def headline_too_long(fields, ctx):
    """Tít quá dài: more than 25 words; a headline is read at a glance."""
    words = len(re.findall(r"\w+", fields.get("title") or ""))
    if words > HEADLINE_MAX_WORDS:
        yield "title", Message(N_("Headline has {words} words (keep it to {limit} or fewer)"),
                               words=words, limit=HEADLINE_MAX_WORDS)
