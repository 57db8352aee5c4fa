"""`bientap db check|backup`: is the database sound, and a consistent copy of it while desks work."""

from __future__ import annotations

from pathlib import Path

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


@click.group("db")
def db() -> None:
    """The database: check and back up."""


@db.command("check")
@click.pass_obj
def check(env: Env) -> None:
    """Check the file and the search index (PRAGMA integrity_check, FTS5). Exit 2 with one line when damaged."""
    from bientap.checks.text import visible
    from bientap.store.db import integrity_problems, is_readonly

    database = _existing(env)
    problems = integrity_problems(database)
    if problems:
        if len(problems) > 1:
            fail(_("{path}: the database is corrupted: {problem} (+{more} more)").format(
                path=env.db_path, problem=problems[0], more=len(problems) - 1))
        fail(_("{path}: the database is corrupted: {problem}").format(path=env.db_path, problem=problems[0]))
    if is_readonly(database):
        what = _("ok: {path}: file sound; search index not checked (read-only)")
    else:
        what = _("ok: {path}: file and search index sound")
    click.echo(what.format(path=visible(str(env.db_path))))


@db.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace an existing backup file at PATH.")
@click.pass_obj
def backup(env: Env, path: Path, overwrite: bool) -> None:
    """Back up: a consistent copy to PATH while desks keep working; refuses an existing PATH."""
    from bientap.checks.text import visible
    from bientap.store.db import StoreError
    from bientap.store.db import backup as backup_db

    database = _existing(env)
    try:
        written = backup_db(database, path, overwrite=overwrite)
    except StoreError as exc:
        fail(str(exc))
    click.echo(_("backed up {path} → {backup} ({size:.1f} MB)").format(
        path=visible(str(env.db_path)), backup=visible(str(written)), size=written.stat().st_size / 1e6))


def _existing(env: Env):
    database = env.db(must_exist=True)
    if database is None:
        fail(_("{path}: no database yet").format(path=env.db_path))
    return database
