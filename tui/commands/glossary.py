"""`bientap glossary list|add|remove|import FILE`: the newsroom's abbreviations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


def _db(env: Env):
    from bientap.store.glossary import ensure_default_glossary

    db = env.db()
    ensure_default_glossary(db)
    return db


@click.group("glossary")
def glossary() -> None:
    """The glossary of abbreviations: list, add, remove, import TOML/CSV."""


@glossary.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "toml"]), default="table")
@click.pass_obj
def list_(env: Env, fmt: str) -> None:
    """List the abbreviations."""
    from bientap.store.glossary import list_entries

    entries = list_entries(_db(env))
    if fmt == "json":
        click.echo(json.dumps([{"abbr": e.abbr, "expansion": e.expansion, "variants": list(e.variants),
                                "canonical": e.canonical, "policy": e.policy} for e in entries],
                              ensure_ascii=False, indent=2))
        return
    if fmt == "toml":
        from bientap.checks.glossary import to_toml

        click.echo(to_toml(entries), nl=False)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from bientap.checks.text import visible

    table = Table()
    for name in ("abbr", "expansion", "variants", "canonical", "policy"):
        table.add_column(name)
    for e in entries:
        table.add_row(*(Text(visible(v)) for v in (e.abbr, e.expansion, ", ".join(e.variants), e.canonical,
                                                    e.policy)))
    Console(highlight=False).print(table)


@glossary.command("add")
@click.argument("abbr")
@click.argument("expansion", default="")
@click.option("--variant", "variants", multiple=True, help="Another spelling (repeatable).")
@click.option("--canonical", default="", help="The entry this spelling should be written as.")
@click.option("--policy", type=click.Choice(["define-first", "always-expand", "known", "avoid"]),
              default="define-first")
@click.pass_obj
def add(env: Env, abbr: str, expansion: str, variants: tuple[str, ...], canonical: str, policy: str) -> None:
    """Add or change an abbreviation: bientap glossary add WHO "World Health Organization"."""
    from bientap.checks.glossary import GlossaryError
    from bientap.checks.text import visible
    from bientap.store.glossary import add_entry, entry_from_args

    try:
        entry = entry_from_args(abbr, expansion, variants, canonical, policy)
        new = add_entry(_db(env), entry)
    except GlossaryError as exc:
        fail(str(exc))
    click.echo((_("added {abbr}") if new else _("updated {abbr}")).format(abbr=visible(entry.abbr)))


@glossary.command("remove")
@click.argument("abbr")
@click.pass_obj
def remove(env: Env, abbr: str) -> None:
    """Remove an abbreviation."""
    from bientap.checks.glossary import GlossaryError
    from bientap.checks.text import visible
    from bientap.store.glossary import remove_entry

    try:
        removed = remove_entry(_db(env), abbr)
    except GlossaryError as exc:
        fail(str(exc))
    if not removed:
        fail(_("“{abbr}” is not in the glossary").format(abbr=abbr), 1)
    click.echo(_("removed {abbr}").format(abbr=visible(abbr)))


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_(env: Env, file: Path) -> None:
    """Import abbreviations from a TOML file ([[abbr]] ...) or a CSV file (abbr,expansion,variants,canonical,policy)."""
    from bientap.checks.glossary import GlossaryError
    from bientap.store.glossary import import_file

    try:
        result = import_file(_db(env), file)
    except GlossaryError as exc:
        fail(str(exc))
    click.echo(_("added {added}, updated {updated}").format(added=result.added, updated=result.updated))
