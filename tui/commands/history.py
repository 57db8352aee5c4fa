"""`bientap history ID`: who changed an article, when, what and why."""

from __future__ import annotations

import json

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


@click.command()
@click.argument("article_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def history(env: Env, article_id: int, fmt: str) -> None:
    """An article's history, oldest first: version, editor, when, note, fields changed.

    JSON: a list of {version, author, created_at, note, fields_changed}.
    """
    from bientap.store import articles

    db = env.db(must_exist=True, readonly=True)
    if db is None:
        fail(_("{path}: no database (import articles first)").format(path=env.db_path))
    try:
        revisions = articles.history(db, article_id)
    except articles.NotFound as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(revisions, ensure_ascii=False, indent=2))
        return
    from bientap.checks.text import visible

    for rev in revisions:  # one line each: "v2  2026-12-04 09:15  Lan  status: draft → review  (status)"
        when = (rev["created_at"] or "")[:16].replace("T", " ")
        fields = f"({', '.join(rev['fields_changed'])})" if rev["fields_changed"] else ""
        click.echo("  ".join(filter(None, [f"v{rev['version']}", when, visible(rev["author"] or "?"),
                                          visible(rev["note"]), fields])))
