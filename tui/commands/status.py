"""`bientap status ID... STATUS`: move articles through the workflow, behind the publish gate."""

from __future__ import annotations

import click

from bientap.i18n import _
from bientap.tui.cli import Env, article_ids, fail, stored_db


@click.command()
@click.argument("args", nargs=-1, required=True, metavar="ID... STATUS")
@click.option("--editor", default=None, help="Name recorded in the revision (default: --user, $BIENTAP_USER or the login name).")
@click.option("--force", is_flag=True, help="Move articles even while a colleague has them open.")
@click.pass_obj
def status(env: Env, args: tuple[str, ...], editor: str | None, force: bool) -> None:
    """Move articles to a status: draft, review, ready, published, spiked.

    Moving to ready or published passes the publish gate: an article with required items left
    stays where it is and its checklist is printed (exit 1; the others still move). Unknown ids
    or statuses: exit 2, nothing moves.
    """
    from bientap.checks.text import visible
    from bientap.store import articles
    from bientap.store.workflow import STATUSES, UnknownStatus, checklist_lines, set_status

    if len(args) < 2:
        fail(_("usage: bientap status ID... STATUS"))
    *raw_ids, target = args
    if target not in STATUSES:
        fail(str(UnknownStatus(target)))
    ids = article_ids(raw_ids)
    db = stored_db(env)
    try:
        articles.ids_for(db, ids)
    except articles.NotFound as exc:
        fail(str(exc))
    refuse_locked(db, ids, force)
    try:
        report = set_status(db, ids, target, editor=editor)
    except (articles.NotFound, UnknownStatus) as exc:
        fail(str(exc))
    for article_id in report.moved:
        click.echo(f"{article_id}: → {target}")
    for article_id in report.unchanged:
        click.echo(_("{id}: already {status}").format(id=article_id, status=target))
    for article_id in report.conflicts:
        click.echo(_("{id}: changed by someone else meanwhile, not moved").format(id=article_id), err=True)
    for article_id, items in report.refused.items():
        title = articles.get(db, article_id).title or ""
        click.echo(_("{id}: refused — {title}").format(id=article_id, title=visible(title)))
        for line in checklist_lines(items):
            click.echo(f"  {visible(line)}")
    if report.refused or report.conflicts:
        raise SystemExit(1)



def refuse_locked(db, ids: list[int], force: bool) -> None:
    """A colleague has one of these articles open in the desk: say who, and stop unless --force."""
    from bientap.checks.text import visible
    from bientap.store.presence import Locked, check_unlocked

    held = check_unlocked(db, ids)
    for lock in held:
        click.echo(f"bientap: {visible(str(Locked(lock)))}", err=True)
    if held and not force:
        fail(_("nothing done: a colleague is editing; add --force to go ahead anyway"))
