"""The editorial workflow: draft → review → ready → published, plus spiked (and back out of it).

Moving an article to ready or published passes the publish gate first: the article is checked
afresh and every finding whose rule the house style marks *required* blocks the move
(PublishPress-Checklists style — each rule or severity is required, recommended or off). The desk
and `bientap status` both call `set_status`, so they refuse the same things for the same reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import sqlite_utils

from bientap.checks.engine import Context
from bientap.i18n import N_, _
from bientap.checks.findings import SEVERITY_RANK, Finding
from bientap.store import articles
from bientap.store.articles import STATUSES, Article, ConflictError
from bientap.store.context import ArticleChecker, Assessor, assess_stored, checker_for, fix_fields, in_process, load_context
from bientap.store.db import write_transaction

# Statuses an article may only reach once the publish gate lets it through.
GATED = ("ready", "published")

# The words an editor reads for them (Vietnamese in i18n/vi/store.po: Nháp, Chờ duyệt, Sẵn sàng,
# Đã đăng, Loại — "loại bài" is the desk's word for a spiked story).
STATUS_LABELS = {"draft": N_("Draft"), "review": N_("Review"), "ready": N_("Ready"),
                 "published": N_("Published"), "spiked": N_("Spiked")}
LEVEL_LABELS = {"required": N_("required"), "recommended": N_("recommended")}


def status_label(status: str) -> str:
    """The status as the editor reads it, in the run's language."""
    return _(STATUS_LABELS[status])


def level_label(level: str) -> str:
    """A publish-gate level ("required", "recommended") in the run's language."""
    return _(LEVEL_LABELS[level])


class UnknownStatus(ValueError):
    def __init__(self, status: str):
        super().__init__(_("unknown status {status!r} (one of {statuses})").format(
            status=status, statuses=", ".join(STATUSES)))
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


def gate_items(findings: Sequence[Finding], ctx: Context) -> list[GateItem]:
    """Group findings by rule into checklist items; rules the gate turns off are left out."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.rule, []).append(f)
    items = []
    for rule_id, found in groups.items():
        severity = max((f.severity for f in found), key=lambda s: SEVERITY_RANK.get(s, 0))
        # Checks that overran said nothing about the text: that can never be waved through.
        level = "required" if rule_id == articles.CHECK_TIMEOUT else ctx.style.gate_level(rule_id, severity)
        if level == "off":
            continue
        examples = tuple(dict.fromkeys(f.text for f in found if f.text))[:3]
        items.append(GateItem(rule_id, level, severity, len(found), found[0].message, examples))
    items.sort(key=lambda i: (not i.blocking, -SEVERITY_RANK.get(i.severity, 0), i.rule))
    return items


def publish_gate(db: sqlite_utils.Database, article: Article, ctx: Context | None = None) -> list[GateItem]:
    """The checklist for `article`: required items first. Publishing is refused while any is required."""
    ctx = ctx if ctx is not None else load_context(db)
    return gate_items(assess_stored(db, article, ctx).findings, ctx)


class GateRefused(Exception):
    """A save the publish gate stopped. `demotable`: the article already was ready or published and
    the edit brought blocking findings; saving it back in review is the editor's other choice."""

    def __init__(self, article_id: int, status: str, items: list[GateItem], *, demotable: bool):
        blocking = ", ".join(i.rule for i in items if i.blocking)
        super().__init__(_("article {id} is refused by the publish gate ({rules})").format(
            id=article_id, rules=blocking))
        self.article_id, self.status, self.items, self.demotable = article_id, status, items, demotable


def _blocking(findings: Sequence[Finding], ctx: Context) -> set[tuple[str, str]]:
    keep = {i.rule for i in gate_items(findings, ctx) if i.blocking}
    return {(f.rule, f.text) for f in findings if f.rule in keep}


def save_article(db: sqlite_utils.Database, article_id: int, changes: dict, expected_version: int, *,
                 editor: str | None = None, note: str = "", ctx: Context | None = None,
                 checker: ArticleChecker | None = None, demote: bool = False, by_editor: bool = True,
                 extra: Callable[[sqlite_utils.Database], None] | None = None,
                 assess: Assessor = in_process) -> Article:
    """Save an edit (fields, status or both) through the publish gate, with fresh counts; one
    transaction. Every path that saves an article — desk, status moves, restores, `fix` — comes here.

    Moving to ready or published with a required finding raises GateRefused. Editing an article
    that is ready or published so that it gains a required finding raises GateRefused with
    `demotable`; with `demote` the edit is saved and the article goes back to review (noted in
    the revision). A status change is noted as "status: draft → review". `extra` runs inside the
    save's transaction (the desk restores removed lines with it). `assess` runs the checks (the
    desk's go to its budgeted check process). Raises ConflictError as articles.save does.

    The checks run before the write lock is taken: they read the version the editor started from,
    and the save itself checks, under the lock, that it is still the stored one (else a conflict).
    Holding the lock through the checks made colleagues' saves queue behind them.
    """
    current = articles.get(db, article_id)
    if current.version != expected_version:
        raise ConflictError(article_id, expected_version, current.version)
    if checker is None:
        checker = checker_for(db, article_id, ctx)
    fields = {**current.editable(), **articles.clean_fields(changes)}
    target = fields["status"]
    assessment = assess(checker, fields)
    if target in GATED:
        items = gate_items(assessment.findings, checker.ctx)
        if any(i.blocking for i in items):
            if current.status != target:
                raise GateRefused(article_id, target, items, demotable=False)
            before = _blocking(assess(checker, current.editable()).findings, checker.ctx)
            if not _blocking(assessment.findings, checker.ctx) <= before:
                if not demote:
                    raise GateRefused(article_id, target, items, demotable=True)
                changes = {**changes, "status": "review"}
                target = "review"
                note = ", ".join(filter(None, [note, "lỗi chặn sau khi sửa (blocking findings after edit)"]))
    if target != current.status:
        note = ", ".join(filter(None, [f"status: {current.status} → {target}", note]))
    with write_transaction(db):
        saved = articles.save(db, article_id, changes, expected_version, editor=editor, note=note,
                              counts=assessment.counts, checked_with=assessment.checked_with,
                              by_editor=by_editor)
        if extra is not None:
            extra(db)
    return saved


def set_status(db: sqlite_utils.Database, ids: Sequence[int], status: str, *, editor: str | None = None,
               ctx: Context | None = None, assess: Assessor = in_process) -> StatusReport:
    """Move each article to `status`, each in its own transaction, through the publish gate.

    Raises UnknownStatus or articles.NotFound before anything moves. An article the gate refuses
    stays where it is (the others still move); its checklist is in `report.refused`. A status
    change is saved as a revision, but does not mark the text as edited by hand.
    """
    check_status(status)
    ids = articles.ids_for(db, list(dict.fromkeys(ids)))
    if ctx is None:
        ctx = load_context(db)
    report = StatusReport(status)
    for article_id in ids:
        for attempt in range(2):
            article = articles.get(db, article_id)
            if article.status == status:
                report.unchanged.append(article_id)
                break
            try:
                save_article(db, article_id, {"status": status}, article.version, editor=editor, ctx=ctx,
                             by_editor=False, assess=assess)
            except GateRefused as refused:
                report.refused[article_id] = refused.items
                break
            except ConflictError:
                if attempt:
                    report.conflicts.append(article_id)
                continue
            report.moved.append(article_id)
            break
    return report


def restore_revision(db: sqlite_utils.Database, article_id: int, version: int, expected_version: int, *,
                     editor: str | None = None, demote: bool = False, assess: Assessor = in_process) -> Article:
    """Bring back an old version's text and metadata as a new revision on top (history is never
    rewritten), through the publish gate like any other save. The status stays where it is: it
    moves only through `set_status`. LookupError when there is no such version."""
    old = articles.revision_fields(db, article_id, version)
    old.pop("status", None)
    return save_article(db, article_id, old, expected_version, editor=editor, note=f"restore v{version}",
                        demote=demote, assess=assess)


def fix_stored_article(db: sqlite_utils.Database, article: Article, ctx: Context,
                       rules: Iterable[str] | None = None, *, editor: str | None = None) -> Article | None:
    """Apply safe fixes to a stored article and save them as a new revision with fresh counts.

    Returns the saved Article, or None when nothing needed fixing. Raises ConflictError when
    someone saved the article in between, GateRefused when a fix would bring a ready or published
    article a required finding.
    """
    checker = checker_for(db, article.id, ctx)
    changes = fix_fields(article.editable(), checker.ctx, rules)
    if not changes:
        return None
    return save_article(db, article.id, changes, article.version, editor=editor, note="bientap fix",
                        checker=checker)


def recheck(db: sqlite_utils.Database, ids: Sequence[int], ctx: Context | None = None,
            assess: Assessor = in_process) -> int:
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
        assessment = assess(checker_for(db, article_id, ctx), article.editable())
        if articles.store_counts(db, article_id, assessment.counts, assessment.checked_with):
            changed += 1
    return changed


def recheck_stale(db: sqlite_utils.Database, ctx: Context | None = None, batch: int = 50,
                  should_stop: Callable[[], bool] = lambda: False, assess: Assessor = in_process) -> int:
    """Re-check, newest first, every article whose counts were computed with other newsroom data
    (another glossary, dictionary or house style), `batch` at a time until none is left or
    `should_stop()`. Returns how many were re-checked."""
    ctx = ctx if ctx is not None else load_context(db)
    done = 0
    while not should_stop():
        ids = articles.stale_ids(db, ctx.fingerprint, batch)
        if not ids:
            break
        recheck(db, ids, ctx, assess)
        done += len(ids)
    return done


def matching_ids(db: sqlite_utils.Database, query: articles.Query) -> list[int]:
    """Every article the inbox shows for `query` (what "mark all shown" marks)."""
    where, params = query.where()
    return [row[0] for row in db.execute(f"SELECT a.id FROM articles a WHERE {where}", params)]


def checklist_lines(items: Sequence[GateItem]) -> list[str]:
    """The checklist as plain lines in the run's language (article text inside is raw: callers show it literally)."""
    lines = []
    for item in items:
        mark = "✗" if item.blocking else "!"
        examples = ", ".join(f"“{e}”" for e in item.examples)
        line = f"{mark} [{level_label(item.level)}] {item.rule} ×{item.count}: {item.message}"
        lines.append(f"{line} — {examples}" if examples else line)
    return lines
