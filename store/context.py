"""What the checks need from the store: the glossary, custom words and house style, in one Context.

The importer, the desk and the command line all build their context and count findings here, so
an article's stored counts and what an editor sees agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bientap.checks.engine import Context, apply_fixes, check_article, check_text
from bientap.checks.findings import Finding
from bientap.checks.glossary import default_entries
from bientap.checks.style import HouseStyle
from bientap.checks.text import DecodeError, decode_bytes
from bientap.i18n import current as current_language
from bientap.store.config import default_style_path

if TYPE_CHECKING:
    import sqlite_utils


def load_context(db: sqlite_utils.Database | None, style_path: Path | None = None, lang: str | None = None) -> Context:
    """Glossary and custom words from `db` (defaults without one), house style from the config dir
    or `style_path`, messages in `lang` (default: the run's language). Raises
    bientap.checks.style.StyleError on a house style that cannot be used."""
    lang = lang or current_language()
    style = HouseStyle.load(style_path if style_path is not None else default_style_path())
    if db is None:  # files checked without a database: what load_glossary(None) gives, and no
        # sqlite-utils to import (~40 ms of every `bientap check FILE`)
        return Context(glossary={e.abbr: e for e in default_entries()}, style=style, lang=lang)
    # Here, not at the top, for weight: store.glossary imports sqlite_utils, which `bientap check
    # FILE` (this module, no database) must not load (tests/test_cli_check.py).
    from bientap.store.glossary import load_glossary, load_words

    return Context(glossary=load_glossary(db), custom_words=load_words(db), style=style, lang=lang)


def article_counts(findings: Iterable[Finding]) -> tuple[int, int, int]:
    """(errors, warnings, infos) as stored on the article row."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts["error"], counts["warning"], counts["info"]


@dataclass(frozen=True)
class Assessment:
    """An article's findings and the counts stored with it (errors, warnings, infos)."""

    findings: list[Finding]
    counts: tuple[int, int, int]
    checked_with: str  # Context.fingerprint: the newsroom data the counts hold for


@dataclass(frozen=True)
class ArticleChecker:
    """Everything checking one article needs beyond its fields: the newsroom's glossary, words and
    house style with this article's ignores (`ctx`), and the text it was imported from (`raw`,
    which the record rules read). Import, desk, re-check, publish gate and CLI all count through
    `assess`, so the counts they store and show agree."""

    ctx: Context
    raw: str | None = None
    # checked_digest of the text whose checks overran at import (bientap.store.importer): that text, as
    # long as the article holds it, gets a blocking check.timeout finding.
    timed_out: str | None = None

    def assess(self, fields: Mapping[str, object], rules: Iterable[str] | None = None) -> Assessment:
        from bientap.store.articles import checked_digest  # not at the top: sqlite_utils (see load_context)

        fields = dict(fields)
        fields.pop("raw", None)
        if self.raw is not None:
            fields["raw"] = self.raw
        rules = list(rules) if rules is not None else None
        if self.timed_out is not None and checked_digest(fields) == self.timed_out:
            # The very text whose checks overran: running them again would overrun again (and hold
            # the desk or the gate), so it has the one blocking finding until an editor changes it.
            return self.overran(rules)
        findings = check_article(fields, self.ctx, rules=rules)
        return Assessment(findings, article_counts(findings), self.ctx.fingerprint)

    def overran(self, rules: Iterable[str] | None = None, *, at_import: bool = True) -> Assessment:
        """What an article whose checks overran their budget counts: the one blocking
        check.timeout finding (unless an editor ignored it, or `rules` leave it out)."""
        from bientap.store.articles import CHECK_TIMEOUT, timeout_finding  # sqlite_utils: see load_context

        ignored = (CHECK_TIMEOUT, "") in self.ctx.ignored or (rules is not None and CHECK_TIMEOUT not in rules)
        findings = [] if ignored else [timeout_finding(self.ctx.lang, at_import=at_import)]
        return Assessment(findings, article_counts(findings), self.ctx.fingerprint)


# How a caller has an article checker assess fields: here, in this process (`in_process`), or in
# the desk's budgeted check process (bientap.store.checking.CheckService.assessor).
Assessor = Callable[[ArticleChecker, Mapping[str, object]], Assessment]


def in_process(checker: ArticleChecker, fields: Mapping[str, object]) -> Assessment:
    return checker.assess(fields)


def raw_text(data: bytes | None) -> str | None:
    """The imported original as the record rules read it (None when it cannot be decoded)."""
    if data is None:
        return None
    try:
        return decode_bytes(data).text
    except DecodeError:
        return None


def _raw_text(db: sqlite_utils.Database, article_id: int) -> str | None:
    row = db.execute(
        "SELECT r.data FROM articles a JOIN raw_imports r ON r.id = a.raw_id WHERE a.id = ?", [article_id]
    ).fetchone()
    return raw_text(row[0]) if row is not None else None


def checker_for(db: sqlite_utils.Database, article_id: int | None, ctx: Context | None = None) -> ArticleChecker:
    """The checker of a stored article: `ctx` (or the newsroom's) plus its ignores and raw import."""
    from bientap.store.drafts import ignored_for  # sqlite_utils: see load_context

    ctx = ctx if ctx is not None else load_context(db)
    if article_id is None:
        return ArticleChecker(ctx)
    timed_out = db.execute("SELECT timed_out_sha256 FROM articles WHERE id = ?", [article_id]).fetchone()
    return ArticleChecker(ctx.with_ignored(ignored_for(db, article_id)),
                          _raw_text(db, article_id), timed_out[0] if timed_out else None)


def assess_stored(db: sqlite_utils.Database, article, ctx: Context | None = None, *,
                  fields: Mapping[str, object] | None = None, rules: Iterable[str] | None = None) -> Assessment:
    """Findings and counts of a stored article — or of `fields` about to be saved over it."""
    checker = checker_for(db, article.id, ctx)
    return checker.assess(fields if fields is not None else article.editable(), rules)


def check_stored_article(db: sqlite_utils.Database, article, ctx: Context,
                         rules: Iterable[str] | None = None) -> list[Finding]:
    """Findings for a stored article (title, sapo, body, metadata), without those the editors chose
    to ignore in it (`ignored_findings`); characters dropped from its raw import are reported too."""
    return assess_stored(db, article, ctx, rules=rules).findings


def fix_fields(fields: dict, ctx: Context, rules: Iterable[str] | None = None,
               max_rounds: int = 10) -> dict[str, str]:
    """Safe fixes applied to title, sapo and body until nothing changes; returns the changed fields.

    Findings an editor ignored in this article (`ctx.ignored`) are left alone.
    """
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
