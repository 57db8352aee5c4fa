"""`bientap export`: write articles as Markdown, HTML, text, JSON or ninjs files into one folder."""

from __future__ import annotations

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail

STATUS_CHOICES = ["draft", "review", "ready", "published", "spiked"]


@click.command("export")
@click.option("--id", "ids", type=int, multiple=True, metavar="ID", help="Article id (repeatable).")
@click.option("--status", type=click.Choice(STATUS_CHOICES), help="Every article with this status.")
@click.option("--all", "all_", is_flag=True, help="Every article.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "txt", "json", "ninjs"]), required=True,
              help="md (Hugo/Jekyll front matter), html, txt, json (the record), ninjs (IPTC ninjs 1.6).")
@click.option("--out", "out_dir", type=click.Path(path_type=str), required=True, metavar="DIR",
              help="Folder to write <slug>.<ext> files into (created if missing).")
@click.option("--overwrite", is_flag=True, help="Replace existing files whose content differs.")
@click.pass_obj
def export(env: Env, ids: tuple[int, ...], status: str | None, all_: bool, fmt: str, out_dir: str,
           overwrite: bool) -> None:
    """Export articles. Exit 2 when a file was skipped, an id is unknown or DIR cannot be written."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from bientap.checks.text import visible
    from bientap.store.articles import NotFound
    from bientap.store.export import ExportError, ExportOutcome, export_articles, ids_for_status

    if sum([bool(ids), status is not None, all_]) != 1:
        fail(_("choose exactly one of --id, --status, --all"))
    db = env.db(must_exist=True)
    if db is None:
        fail(_("{path}: no database (import articles first)").format(path=env.db_path))
    selected = list(ids) if ids else ids_for_status(db, status)
    err = Console(stderr=True, highlight=False)
    progress = Progress(TextColumn(_("Exporting")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True)
    task = None
    if len(selected) > 5:
        progress.start()
        task = progress.add_task("export", total=len(selected))

    def advance(done: int, total: int) -> None:
        if task is not None:
            progress.update(task, completed=done)

    try:
        report = export_articles(db, selected, fmt, out_dir, overwrite=overwrite, on_progress=advance)
    except (ExportError, NotFound) as exc:
        fail(str(exc))
    finally:
        progress.stop()
    for r in report.skipped:
        click.echo("bientap: " + _("skipped {name}: {reason}").format(name=visible(r.path.name), reason=visible(r.reason)),
                   err=True)
    click.echo(_("written {written}, unchanged {unchanged}, skipped {skipped} → {folder}").format(
        written=report.count(ExportOutcome.WRITTEN), unchanged=report.count(ExportOutcome.UNCHANGED),
        skipped=report.count(ExportOutcome.SKIPPED),
        folder=visible(str(report.out_dir))))
    if report.skipped:
        raise SystemExit(2)
