"""`bientap fix`: apply safe fixes to a file (stdout, --in-place, --dry-run diff) or a stored article."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bientap.i18n import _, current
from bientap.tui.cli import Env, fail


def _rule_list(rules: str | None) -> list[str] | None:
    """`--rules spacing,abbr.variant`: rule ids or categories, checked against the registry."""
    if rules is None:
        return None
    from bientap.checks.engine import CATEGORIES, RECORD_RULES, load_rules

    wanted = [r.strip() for r in rules.split(",") if r.strip()]
    known = set(load_rules()) | set(RECORD_RULES) | set(CATEGORIES)
    unknown = [r for r in wanted if r not in known]
    if unknown:
        shown = shown_name(", ".join(unknown))
        raise click.BadParameter(_("unknown rule: {rules}").format(rules=shown), param_hint="--rules")
    return wanted


def shown_name(name: str) -> str:
    """A file name or other one-line value as printed: control characters, newline and tab escaped."""
    from bientap.checks.text import visible

    return visible(name).replace("\n", "\\n").replace("\t", "\\t")


def _lines(text: str) -> list[str]:
    """Lines split at LF only, each keeping its LF: a CR, form feed or U+2028 stays inside its line
    (shown as an escape), so the diff's lines are the file's lines."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff `patch` and `git apply` read, with article text shown through `visible`.

    A last line without a newline is followed by `\\ No newline at end of file`, as diff(1) writes it.
    """
    import difflib

    from bientap.checks.text import visible

    shown = shown_name(name)
    out = []
    diff = difflib.unified_diff(_lines(before), _lines(after), fromfile=f"a/{shown}", tofile=f"b/{shown}")
    for i, line in enumerate(diff):
        if i < 2 or line.startswith("@@"):  # the two file headers, hunk headers; text lines open with " +-"
            out.append(line)
        elif line.endswith("\n"):
            out.append(visible(line))
        else:
            out.append(visible(line) + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str, encoding: str) -> None:
    """Replace `path` with `text` in one step: a temp file in the same folder, fsync, os.replace."""
    import os
    import tempfile

    if encoding == "windows-1258":
        encoding = "utf-8"  # composed Vietnamese letters do not all exist in cp1258
    data = text.encode(encoding)
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command("fix")
@click.argument("path", required=False)
@click.option("--id", "article_id", type=int, default=None, help="A stored article's id.")
@click.option("--rules", default=None, metavar="R1,R2", help="Only these rule ids or categories.")
@click.option("--dry-run", is_flag=True, help="Print a unified diff instead of writing.")
@click.option("--in-place", is_flag=True, help="Rewrite the file (atomically).")
@click.option("--force", is_flag=True, help="Save a stored article even while a colleague has it open.")
@click.option("--style", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="House style TOML (default: bientap/style.toml in the user config dir).")
@click.pass_obj
def fix(env: Env, path: str | None, article_id: int | None, rules: str | None, dry_run: bool, in_place: bool,
        force: bool, style: Path | None) -> None:
    """Apply the safe fixes until nothing changes."""
    if (path is None) == (article_id is None):
        raise click.UsageError(_("give exactly one of PATH or --id"))
    wanted = _rule_list(rules)
    from bientap.tui.commands.check import context_for, read_input

    if article_id is not None:
        _fix_article(env, article_id, wanted, dry_run, style, force)
        return
    if in_place and path == "-":
        raise click.UsageError(_("--in-place needs a file, not standard input"))
    db = env.db(readonly=True)
    ctx = context_for(env, style, current(), db=db)
    text, reason = read_input(path)
    if text is None:
        fail(f"{shown_name(path)}: {reason}")
    from bientap.checks.engine import fix_text

    fixed = fix_text(text, ctx, rules=wanted)
    if dry_run:
        click.echo(unified_diff(text, fixed, path), nl=False)
        return
    if not in_place:
        if sys.stdout.isatty():
            # On a terminal the text is read, not kept: an ESC left in it (say `--rules spacing`)
            # would act on the terminal. Redirected, the bytes are the fixed file, as they are.
            from bientap.checks.text import visible

            fixed = visible(fixed)
        out = sys.stdout.buffer
        out.write(fixed.encode("utf-8"))
        out.flush()
        return
    if fixed == text:
        click.echo(_("{name}: nothing to fix").format(name=shown_name(path)), err=True)
        return
    from bientap.checks.text import decode_bytes

    target = Path(path)
    try:
        encoding = decode_bytes(target.read_bytes()).encoding
        write_atomic(target, fixed, encoding)
    except OSError as exc:
        fail(f"{shown_name(path)}: {exc.strerror or exc}")
    click.echo(_("{name}: fixed").format(name=shown_name(path)), err=True)


def _fix_article(env: Env, article_id: int, wanted: list[str] | None, dry_run: bool, style: Path | None,
                 force: bool) -> None:
    from bientap.store import articles
    from bientap.store.context import checker_for, fix_fields
    from bientap.store.workflow import fix_stored_article
    from bientap.tui.commands.check import context_for

    db = env.db(must_exist=True)
    if db is None:
        fail(_("{path}: no database").format(path=env.db_path))
    ctx = context_for(env, style, current(), db=db)
    try:
        article = articles.get(db, article_id)
    except articles.NotFound as exc:
        fail(str(exc))
    if dry_run:
        for name, fixed in fix_fields(article.editable(), checker_for(db, article_id, ctx).ctx, wanted).items():
            click.echo(unified_diff(getattr(article, name) or "", fixed, f"article/{article_id}/{name}"), nl=False)
        return
    from bientap.tui.commands.status import refuse_locked

    refuse_locked(db, [article_id], force)
    try:
        saved = fix_stored_article(db, article, ctx, wanted)
    except articles.ConflictError as exc:
        fail(str(exc))
    if saved is None:
        click.echo(_("#{id}: nothing to fix").format(id=article_id), err=True)
    else:
        click.echo(_("#{id}: saved version {version}").format(id=article_id, version=saved.version), err=True)
