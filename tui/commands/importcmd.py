"""`bientap import PATH...`: raw scraped .txt files and JSON/JSON Lines feeds."""

from __future__ import annotations

import os

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


@click.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
              envvar="BIENTAP_MAX_IMPORT", show_envvar=True,
              help="Refuse files larger than this (default 10 MB).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for the checks of a big import (default: one per CPU core).")
@click.option("--check-budget", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              envvar="BIENTAP_CHECK_BUDGET", show_envvar=True,
              help="Time one article's checks may take; an article that overruns is stored with a "
                   "blocking check.timeout finding and the import goes on (default 10).")
@click.pass_obj
def import_(env: Env, paths: tuple[str, ...], max_size: int | None, jobs: int | None,
            check_budget: float | None) -> None:
    """Import articles: files and folders (recursive). Exit 2 when anything was rejected."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from bientap.checks.text import visible
    from bientap.store.context import load_context
    from bientap.store.importer import DEFAULT_CHECK_BUDGET, DEFAULT_SIZE_CAP, Outcome, import_paths

    cap = max_size or DEFAULT_SIZE_CAP
    db = env.db()
    ctx = load_context(db)
    err = Console(stderr=True, highlight=False)
    progress = Progress(TextColumn(_("Importing")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True)
    task = None

    def discovered(total: int) -> None:
        nonlocal task
        if total > 5:
            progress.start()
            task = progress.add_task("import", total=total)

    def advance(done: int, total: int) -> None:
        if task is not None:
            progress.update(task, completed=done)

    try:
        report = import_paths(db, list(paths), ctx=ctx, size_cap=cap, on_progress=advance,
                              on_discovered=discovered, jobs=jobs or os.cpu_count() or 1,
                              budget=check_budget or DEFAULT_CHECK_BUDGET)
    finally:
        progress.stop()
    for r in report.rejected:
        click.echo("bientap: " + _("rejected {source}: {reason}").format(source=visible(r.source), reason=r.reason),
                   err=True)
    budget = check_budget or DEFAULT_CHECK_BUDGET
    for r in report.results:
        if r.timed_out:
            click.echo("bientap: " + _("{source}: checks overran {budget:g} s; stored as article {id} with "
                                       "check.timeout, blocked from publishing until checked").format(
                source=visible(r.source), budget=budget, id=r.article_id), err=True)
    click.echo(_("imported {imported}, updated {updated}, unchanged {unchanged}, rejected {rejected}").format(
        **{outcome.value: report.count(outcome) for outcome in Outcome}))
    if report.error:
        fail(f"{env.db_path}: {report.error}")
    if report.rejected:
        raise SystemExit(2)
