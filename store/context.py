"""What the checks need from the store: the glossary, custom words and house style, in one Context.

The importer, the desk and the command line all build their context and count findings here, so
an article's stored counts and what an editor sees agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import sqlite_utils

from checks.engine import Context, check_article
from checks.findings import Finding
from checks.style import HouseStyle
from checks.text import DecodeError, decode_bytes
from store.db import config_dir
from store.glossary import load_glossary, load_words


def style_path() -> Path:
    """The house style file: `bientap/style.toml` in the user config dir."""
    return config_dir() / "style.toml"


def load_context(db: sqlite_utils.Database | None, style_path_: Path | None = None, lang: str = "vi") -> Context:
    """Glossary and custom words from `db` (defaults without one), house style from the config dir
    or `style_path_`. Raises checks.style.StyleError on a house style that cannot be used."""
    style = HouseStyle.load(style_path_ if style_path_ is not None else style_path())
    return Context(glossary=load_glossary(db), custom_words=load_words(db), style=style, lang=lang)


def article_counts(findings: Iterable[Finding]) -> tuple[int, int, int]:
    """(errors, warnings, infos) as stored on the article row."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts["error"], counts["warning"], counts["info"]


def _raw_text(db: sqlite_utils.Database, article_id: int) -> str | None:
    row = db.execute(
        "SELECT r.data FROM articles a JOIN raw_imports r ON r.id = a.raw_id WHERE a.id = ?", [article_id]
    ).fetchone()
    if row is None or row[0] is None:
        return None
    try:
        return decode_bytes(row[0]).text
    except DecodeError:
        return None


def check_stored_article(db: sqlite_utils.Database, article, ctx: Context,
                         rules: Iterable[str] | None = None) -> list[Finding]:
    """Findings for a stored article (title, sapo, body, metadata), without those the editors chose
    to ignore in it (`ignored_findings`); characters dropped from its raw import are reported too."""
    from store.drafts import ignored_for

    fields = dict(article.editable())
    if article.id is not None:
        ctx = replace(ctx, ignored=ctx.ignored | ignored_for(db, article.id))
        raw = _raw_text(db, article.id)
        if raw is not None:
            fields["raw"] = raw
    return check_article(fields, ctx, rules=list(rules) if rules is not None else None)
