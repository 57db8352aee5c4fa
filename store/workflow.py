"""The editorial workflow: draft → review → ready → published, plus spiked (and back out of it).

Moving an article to ready or published passes the publish gate first: the article is checked
afresh and every finding whose rule the house style marks *required* blocks the move
(PublishPress-Checklists style — each rule or severity is required, recommended or off). The desk
and `bientap status` both call `set_status`, so they refuse the same things for the same reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlite_utils

from checks.engine import Context
from checks.findings import SEVERITY_RANK, Finding
from store import articles
from store.articles import STATUSES, Article, ConflictError
from store.context import article_counts, check_stored_article, load_context

# Statuses an article may only reach once the publish gate lets it through.
GATED = ("ready", "published")

STATUS_LABELS = {
    "vi": {"draft": "Nháp", "review": "Chờ duyệt", "ready": "Sẵn sàng", "published": "Đã đăng",
           "spiked": "Bỏ"},
    "en": {"draft": "Draft", "review": "Review", "ready": "Ready", "published": "Published",
           "spiked": "Spiked"},
}
LEVEL_LABELS = {
    "vi": {"required": "bắt buộc", "recommended": "nên sửa"},
    "en": {"required": "required", "recommended": "recommended"},
}


class UnknownStatus(ValueError):
    def __init__(self, status: str):
        super().__init__(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
        self.status = status


@dataclass(frozen=True)
class GateItem:
    """One line of the publish checklist: a rule with findings, and whether it blocks."""

    rule: str
    level: str  # required | recommended
    severity: str
    count: int
    message: str  # the first finding's message
    examples: tuple[str, ...] = ()  # up to three flagged texts, as found

    @property
    def blocking(self) -> bool:
        return self.level == "required"


@dataclass
class StatusReport:
    status: str
    moved: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    refused: dict[int, list[GateItem]] = field(default_factory=dict)
    conflicts: list[int] = field(default_factory=list)


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UnknownStatus(status)
    return status


def _findings(db: sqlite_utils.Database, article: Article, ctx: Context) -> list[Finding]:
    """The article's findings now, with the newsroom's glossary, words, style and ignores."""
    return check_stored_article(db, article, ctx)


def gate_items(findings: Sequence[Finding], ctx: Context) -> list[GateItem]:
    """Group findings by rule into checklist items; rules the gate turns off are left out."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.rule, []).append(f)
    items = []
    for rule_id, found in groups.items():
        severity = max((f.severity for f in found), key=lambda s: SEVERITY_RANK.get(s, 0))
        level = ctx.style.gate_level(rule_id, severity)
        if level == "off":
            continue
        examples = tuple(dict.fromkeys(f.text for f in found if f.text))[:3]
        items.append(GateItem(rule_id, level, severity, len(found), found[0].message, examples))
    items.sort(key=lambda i: (not i.blocking, -SEVERITY_RANK.get(i.severity, 0), i.rule))
    return items


def publish_gate(db: sqlite_utils.Database, article: Article, ctx: Context | None = None) -> list[GateItem]:
    """The checklist for `article`: required items first. Publishing is refused while any is required."""
    ctx = ctx if ctx is not None else load_context(db)
    return gate_items(_findings(db, article, ctx), ctx)


def set_status(db: sqlite_utils.Database, ids: Sequence[int], status: str, *, editor: str | None = None,
               ctx: Context | None = None) -> StatusReport:
    """Move each article to `status`, each in its own transaction, through the publish gate.

    Raises UnknownStatus or articles.NotFound before anything moves. An article the gate refuses
    stays where it is (the others still move); its checklist is in `report.refused`. A status
    change is saved as a revision, but does not mark the text as edited by hand.
    """
    check_status(status)
    ids = articles.ids_for(db, list(dict.fromkeys(ids)))
    if status in GATED and ctx is None:
        ctx = load_context(db)
    report = StatusReport(status)
    for article_id in ids:
        for attempt in range(2):
            article = articles.get(db, article_id)
            if article.status == status:
                report.unchanged.append(article_id)
                break
            counts = None
            if status in GATED:
                findings = _findings(db, article, ctx)
                counts = article_counts(findings)
                items = gate_items(findings, ctx)
                if any(i.blocking for i in items):
                    report.refused[article_id] = items
                    break
            try:
                articles.save(db, article_id, {"status": status}, article.version, editor=editor,
                              note=f"status: {article.status} → {status}", counts=counts, by_editor=False)
            except ConflictError:
                if attempt:
                    report.conflicts.append(article_id)
                continue
            report.moved.append(article_id)
            break
    return report


def recheck(db: sqlite_utils.Database, ids: Sequence[int], ctx: Context | None = None) -> int:
    """Check the articles again (after a house-style or glossary change) and store their counts.

    Counts are derived data: no revision, no version bump, so an editor with the article open
    never meets a conflict because of it. Returns how many articles' counts changed.
    """
    ctx = ctx if ctx is not None else load_context(db)
    changed = 0
    for article_id in ids:
        try:
            article = articles.get(db, article_id)
        except articles.NotFound:
            continue  # deleted by another desk meanwhile
        counts = article_counts(_findings(db, article, ctx))
        if counts != (article.errors, article.warnings, article.infos):
            with db.atomic():
                db.execute("UPDATE articles SET errors = ?, warnings = ?, infos = ? WHERE id = ?",
                           [*counts, article_id])
            changed += 1
    return changed


def matching_ids(db: sqlite_utils.Database, query: articles.Query) -> list[int]:
    """Every article the inbox shows for `query` (what "mark all shown" marks)."""
    where, params = query.where()
    return [row[0] for row in db.execute(f"SELECT a.id FROM articles a WHERE {where}", params)]


def checklist_lines(items: Sequence[GateItem], lang: str = "vi") -> list[str]:
    """The checklist as plain lines (article text inside is raw: callers show it literally)."""
    levels = LEVEL_LABELS.get(lang, LEVEL_LABELS["vi"])
    lines = []
    for item in items:
        mark = "✗" if item.blocking else "!"
        examples = ", ".join(f"“{e}”" for e in item.examples)
        line = f"{mark} [{levels[item.level]}] {item.rule} ×{item.count}: {item.message}"
        lines.append(f"{line} — {examples}" if examples else line)
    return lines
