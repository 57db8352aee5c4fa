"""The `bientap` command line: a thin layer over `store` and `checks`.

Each command lives in its own module under `tui/commands/`; this file holds the group, the global
options and the error handling they share. Heavy modules (textual, underthesea) load only in the
commands that need them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from bientap.checks import collector
from bientap.i18n import _

# module:attribute of every subcommand, in help order.
COMMANDS = (
    "bientap.tui.commands.desk:tui",
    "bientap.tui.commands.desk:demo",
    "bientap.tui.commands.importcmd:import_",
    "bientap.tui.commands.listing:list_",
    "bientap.tui.commands.listing:show",
    "bientap.tui.commands.status:status",
    "bientap.tui.commands.duplicates:duplicates",
    "bientap.tui.commands.history:history",
    "bientap.tui.commands.assign:assign",
    "bientap.tui.commands.serve:serve",
    "bientap.tui.commands.export:export",
    "bientap.tui.commands.check:check",
    "bientap.tui.commands.fix:fix",
    "bientap.tui.commands.glossary:glossary",
    "bientap.tui.commands.words:words",
    "bientap.tui.commands.db:db",
)


class Env:
    """What every command gets: the database path and the debug switch."""

    def __init__(self, db_path: Path, debug: bool):
        self.db_path = db_path
        self.debug = debug
        self._db = None

    def db(self, *, must_exist: bool = False, readonly: bool = False):
        """Open the database (created empty on first use unless `must_exist`)."""
        if self._db is None:
            if (must_exist or readonly) and not self.db_path.exists():
                return None
            from bientap.store.db import StoreError, is_readonly, open_db

            try:
                self._db = open_db(self.db_path, readonly=readonly)
                if not is_readonly(self._db):  # a read-only file can still be listed and shown
                    from bientap.store.glossary import ensure_default_glossary

                    ensure_default_glossary(self._db)
            except StoreError as exc:
                if self.debug:
                    raise
                fail(str(exc))
        return self._db


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and the exit code; article text in it is shown with visible escapes."""
    from bientap.checks.text import visible

    click.echo(f"bientap: {visible(message)}", err=True)
    sys.exit(code)


def article_ids(raw: Sequence[str]) -> list[int]:
    """Article ids as typed on the command line (one line and exit 2 unless every one is a number)."""
    from bientap.checks.text import visible

    try:
        return [int(i) for i in raw]
    except ValueError:
        fail(_("article ids are numbers: {ids}").format(ids=" ".join(visible(i) for i in raw)))


def stored_db(env: Env):
    """The database of a command that works on stored articles (one line and exit 2 without one)."""
    db = env.db(must_exist=True)
    if db is None:
        fail(_("{path}: no database (import articles first)").format(path=env.db_path))
    return db


class BientapGroup(click.Group):
    def make_context(self, info_name, args, parent=None, **extra):
        """The run's language is chosen before Click reads a word of the command line: `--help`
        and Click's own errors come out in it too."""
        if parent is None:
            from bientap.i18n import LanguageError
            from bientap.store.config import ConfigError
            from bientap.tui.language import flag_value, localize, start

            try:
                start(flag_value(args))
            except (LanguageError, ConfigError) as exc:
                fail(str(exc))
            localize(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a clear line unless --debug asks for the traceback
            import sqlite3

            from bientap.store.db import StoreError, store_error

            env = ctx.find_object(Env)
            if env is not None and env.debug:
                raise
            if isinstance(exc, StoreError):
                fail(str(exc) if env is None or str(env.db_path) in str(exc) else f"{env.db_path}: {exc}")
            if isinstance(exc, sqlite3.Error):
                fail("{}: {}".format(env.db_path if env else _("database"), store_error(exc)))
            fail(f"{type(exc).__name__}: {exc}")


@click.group(cls=BientapGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Database file (default: $BIENTAP_DB, else the user data dir's bientap/newsroom.db).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None,
              help="Language of this run: vi (default) or en (default: $BIENTAP_LANG, else lang in desk.toml).")
@click.option("--user", "user", default=None, metavar="NAME",
              help="Who is working: recorded in revisions (default: $BIENTAP_USER, else the login name).")
@click.version_option(package_name="bientap")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, debug: bool, lang: str | None, user: str | None) -> None:
    """bientap, the newsroom's editing desk: import, check, fix and export articles."""
    import os

    from bientap.store.config import default_db_path

    if user is not None:
        if not user.strip() or not user.isprintable():
            fail(_("--user: a name of printable characters"))
        # The identity of this whole run: the desk, the store and import workers read it from here.
        os.environ["BIENTAP_USER"] = user.strip()
    ctx.obj = Env(db_path or default_db_path(), debug)
    if ctx.invoked_subcommand is None:
        from bientap.i18n import current

        ctx.invoke(main.commands["tui"], lang=current())


def run() -> None:
    """The `bientap` program (console script and `python -m bientap.tui.cli`): `main`, then the
    interpreter's last collection skipped (bientap.checks.collector.freeze_before_exit: ~45 ms after
    a 3 MB check). Tests call `main` through Click's runner, inside pytest, which this leaves alone."""
    try:
        main()
    finally:
        collector.freeze_before_exit()


if __name__ == "__main__":
    # `python -m bientap.tui.cli`: the commands import `bientap.tui.cli`, so run that module rather than this copy
    # of it (registering here would import each command while it imports us: a circular import).
    importlib.import_module("bientap.tui.cli").run()
else:
    for spec in COMMANDS:
        module, attr = spec.split(":")
        main.add_command(getattr(importlib.import_module(module), attr))
