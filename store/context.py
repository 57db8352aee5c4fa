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


def default_style_path() -> Path:
    """The house style file: `bientap/style.toml` in the user config dir."""
    return config_dir() / "style.toml"


def load_context(db: sqlite_utils.Database | None, style_path: Path | None = None, lang: str = "vi") -> Context:
    """Glossary and custom words from `db` (defaults without one), house style from the config dir
    or `style_path`. Raises checks.style.StyleError on a house style that cannot be used."""
    style = HouseStyle.load(style_path if style_path is not None else default_style_path())
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


def fix_fields(fields: dict, ctx: Context, rules: Iterable[str] | None = None,
               max_rounds: int = 10) -> dict[str, str]:
    """Safe fixes applied to title, sapo and body until nothing changes; returns the changed fields.

    Findings an editor ignored in this article (`ctx.ignored`) are left alone.
    """
    from checks.engine import apply_fixes, check_text

    rules = list(rules) if rules is not None else None
    changes: dict[str, str] = {}
    for name in ("title", "sapo", "body"):
        text = fields.get(name) or ""
        if not text:
            continue
        fixed = text
        for _ in range(max_rounds):
            step = apply_fixes(fixed, check_text(fixed, ctx, field=name, rules=rules))
            if step == fixed:
                break
            fixed = step
        if fixed != text:
            changes[name] = fixed
    return changes


def fix_stored_article(db: sqlite_utils.Database, article, ctx: Context, rules: Iterable[str] | None = None,
                       *, editor: str | None = None):
    """Apply safe fixes to a stored article and save them as a new revision with fresh counts.

    Returns the saved Article, or None when nothing needed fixing. Raises store.articles.ConflictError
    when someone saved the article in between.
    """
    from store import articles
    from store.drafts import ignored_for

    if article.id is not None:
        ctx = replace(ctx, ignored=ctx.ignored | ignored_for(db, article.id))
    changes = fix_fields(article.editable(), ctx, rules)
    if not changes:
        return None
    updated = replace(article, **changes)
    counts = article_counts(check_stored_article(db, updated, ctx))
    return articles.save(db, article.id, changes, article.version, editor=editor, note="bientap fix",
                         counts=counts)
