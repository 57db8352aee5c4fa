"""`bientap words list|add|remove`: the newsroom's custom dictionary (từ điển riêng) for the typo rules."""

from __future__ import annotations

import json

import click

from bientap.i18n import _
from bientap.tui.cli import Env, fail


@click.group("words")
def words() -> None:
    """The newsroom's own dictionary: words the typo rules accept (names, brands, local terms)."""


@words.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def list_(env: Env, fmt: str) -> None:
    """List the words added."""
    from bientap.checks.text import visible
    from bientap.store.glossary import list_words

    db = env.db(readonly=True)
    rows = list_words(db) if db is not None else []
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{visible(row['word'])}\t{visible(row['added_by'] or '')}\t{row['added_at'] or ''}")


@words.command("add")
@click.argument("word", nargs=-1, required=True)
@click.pass_obj
def add(env: Env, word: tuple[str, ...]) -> None:
    """Add words: bientap words add PhuthoPortal VINASA."""
    from bientap.checks.text import visible
    from bientap.store.glossary import add_word

    db = env.db()
    for w in word:
        try:
            new = add_word(db, w)
        except ValueError as exc:
            fail(str(exc))
        click.echo((_("added {word}") if new else _("already there: {word}")).format(word=visible(w.strip())))


@words.command("remove")
@click.argument("word", nargs=-1, required=True)
@click.pass_obj
def remove(env: Env, word: tuple[str, ...]) -> None:
    """Remove words from the newsroom's dictionary."""
    from bientap.checks.text import visible
    from bientap.store.glossary import remove_word

    db = env.db(must_exist=True)
    missing = []
    for w in word:
        if db is not None and remove_word(db, w):
            click.echo(_("removed {word}").format(word=visible(w.strip())))
        else:
            missing.append(w)
    if missing:
        fail(_("not in the dictionary: {words}").format(words=", ".join(missing)), 1)
