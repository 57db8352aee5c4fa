"""`bientap assign ID... NAME`: give articles to an editor."""

from __future__ import annotations

import click

from bientap.i18n import _
from bientap.tui.cli import Env, article_ids, fail, stored_db


@click.command()
@click.argument("args", nargs=-1, required=True, metavar="ID... NAME")
@click.option("--clear", is_flag=True, help="Unassign the articles (then give only ids).")
@click.pass_obj
def assign(env: Env, args: tuple[str, ...], clear: bool) -> None:
    """Assign articles to an editor; `--clear` unassigns them."""
    from bientap.checks.text import visible
    from bientap.store import articles
    from bientap.store.presence import assign as assign_articles

    *raw_ids, name = args if not clear else (*args, "")
    if not raw_ids:
        fail(_("usage: bientap assign ID... NAME (or: bientap assign --clear ID...)"))
    name = name.strip()
    if name.isdigit():
        fail(_("the last argument is the editor's name (got a number: {name}); usage: bientap assign ID... NAME")
             .format(name=name))
    ids = article_ids(raw_ids)
    db = stored_db(env)
    try:
        done = assign_articles(db, ids, name)
    except (articles.NotFound, ValueError) as exc:
        fail(str(exc))
    for article_id in done:
        click.echo(f"{article_id}: → {visible(name)}" if name else _("{id}: unassigned").format(id=article_id))
