"""`bientap list` and `bientap show`: read the store from scripts."""

from __future__ import annotations

import json
import sys

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail

LIST_FIELDS = ("id", "title", "sapo", "byline", "published_at", "source", "source_url", "location",
               "section", "status", "source_file", "updated_at", "word_count", "errors", "warnings", "assignee")


@click.command("list")
@click.option("--status", type=click.Choice(["draft", "review", "ready", "published", "spiked"]))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def list_(env: Env, status: str | None, fmt: str) -> None:
    """List the articles, newest first."""
    from bientap.store.articles import Query, iter_all

    db = env.db()
    rows = [{k: row[k] for k in LIST_FIELDS} for row in iter_all(db, Query(status=status))]
    if fmt == "json":
        from bientap.store.duplicates import duplicate_of
        from bientap.store.presence import lock_fields, locks_for

        locks = locks_for(db, [row["id"] for row in rows])
        roots = duplicate_of(db)
        for row in rows:
            row.update(lock_fields(locks.get(row["id"])), duplicate_of=roots.get(row["id"]))
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from bientap.checks.text import visible

    table = Table(show_lines=False)
    for name in ("id", "status", "published_at", "title", "location", "byline", "errors", "warnings"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text(visible(str(row[k])) if row[k] is not None else "—") for k in
                        ("id", "status", "published_at", "title", "location", "byline", "errors", "warnings")))
    Console(highlight=False).print(table)


@click.command()
@click.argument("article_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--raw", is_flag=True, help="Write the stored original bytes to stdout, exactly.")
@click.pass_obj
def show(env: Env, article_id: int, fmt: str, raw: bool) -> None:
    """Show one article."""
    from bientap.store import articles
    from bientap.store.importer import raw_original

    db = env.db()
    try:
        if raw:
            data = raw_original(db, article_id)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        article = articles.get(db, article_id)
    except articles.NotFound as exc:
        fail(str(exc))
    if fmt == "json":
        from bientap.store.duplicates import duplicate_of
        from bientap.store.presence import current_lock, lock_fields

        click.echo(json.dumps({**article.to_dict(), **lock_fields(current_lock(db, article_id)),
                               "duplicate_of": duplicate_of(db, [article_id]).get(article_id)},
                              ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.text import Text

    from bientap.checks.text import visible

    console = Console(highlight=False)
    console.print(Text(visible(article.title or _("(no title)")), style="bold"))
    meta = " · ".join(visible(v) for v in (article.published_at, article.location, article.source,
                                           article.byline, article.status) if v)
    console.print(Text(meta, style="dim"))
    if article.sapo:
        console.print(Text(visible(article.sapo), style="italic"))
    console.print(Text(visible(article.body)))
