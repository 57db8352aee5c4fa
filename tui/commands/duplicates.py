"""`bientap duplicates ID [--keep]`: an article's near-duplicate group; keep one, spike the rest."""

from __future__ import annotations

import json

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


@click.command()
@click.argument("article_id", type=int)
@click.option("--keep", is_flag=True, help="Keep ARTICLE_ID and spike the rest of its group (one action).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def duplicates(env: Env, article_id: int, keep: bool, fmt: str) -> None:
    """An article's near-duplicate group, earliest first.

    With --keep, ARTICLE_ID is the keeper and every other article of the group is spiked through
    the workflow (one revision each). JSON: [{id, title, source, status, duplicate_of}].
    """
    from bientap.store import articles
    from bientap.store import duplicates as dup

    db = env.db(must_exist=True)
    if db is None:
        fail(_("{path}: no database (import articles first)").format(path=env.db_path))
    try:
        ids = dup.group(db, article_id)
        if keep:
            report = dup.keep(db, article_id)
            for spiked in report.moved:
                click.echo(_("{id}: → spiked").format(id=spiked))
    except articles.NotFound as exc:
        fail(str(exc))
    roots = dup.duplicate_of(db, ids)
    rows = []
    for i in ids:
        art = articles.get(db, i)
        rows.append({"id": i, "title": art.title, "source": art.source, "status": art.status,
                     "duplicate_of": roots.get(i)})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if keep:
        return
    from rich.console import Console
    from rich.text import Text

    from bientap.checks.text import visible

    console = Console(highlight=False)
    for row in rows:
        mark = "*" if row["id"] == article_id else " "
        console.print(Text(f"{mark}{row['id']:>6}  {row['status']:<9} {visible(row['source'] or '—')}  "
                           f"{visible(row['title'] or '')}"))
