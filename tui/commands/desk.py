"""`bientap tui` and `bientap demo`: open the desk."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from bientap.i18n import _, current
from bientap.tui.cli import Env


LANG_OPTION = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default=None,
    help="Language of the desk's labels and messages (default: the run's language).")


def run_desk(db_path: Path, lang: str | None = None, ask_user: bool = False) -> None:
    from bientap.tui.app import BientapApp

    BientapApp(db_path, lang=lang or current(), ask_user=ask_user).run()


@click.command()
@LANG_OPTION
@click.option("--ask-user", is_flag=True, hidden=True, help="Ask the editor's name before the inbox (bientap serve).")
@click.pass_obj
def tui(env: Env, lang: str, ask_user: bool) -> None:
    """Open the desk on the database."""
    env.db()  # create and migrate before the app opens it
    run_desk(env.db_path, lang, ask_user)


def seed_files() -> list[Path]:
    """The sample articles shipped as the data-only package `bientap.seeds`."""
    spec = importlib.util.find_spec("bientap.seeds")
    for location in (spec.submodule_search_locations or []) if spec else []:
        files = sorted(Path(location).glob("*.txt"))
        if files:
            return files
    raise FileNotFoundError(_("the seed articles are not installed (package 'bientap.seeds')"))


def build_demo_db(path: Path) -> Path:
    """A fresh demo database holding the seed articles (the real database is left alone)."""
    from bientap.store.context import load_context
    from bientap.store.db import open_db
    from bientap.store.glossary import ensure_default_glossary
    from bientap.store.importer import import_paths

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_db(path)
    ensure_default_glossary(db)
    import_paths(db, [str(p) for p in seed_files()], ctx=load_context(db))
    db.close()
    return path


@click.command()
@click.option("--no-desk", is_flag=True, hidden=True, help="Build the demo database and stop.")
@LANG_OPTION
def demo(no_desk: bool, lang: str) -> None:
    """Open the desk on a demo database (demo.db, holding the five seed articles)."""
    from bientap.store.config import data_dir

    path = build_demo_db(data_dir() / "demo.db")
    if no_desk:
        click.echo(str(path))
        return
    run_desk(path, lang)
