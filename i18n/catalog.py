"""Keeping the Vietnamese catalog whole: which words the code uses, which have no translation yet,
and the compiled catalog the program reads.

    python -m bientap.i18n.catalog missing          # words used but not translated
    python -m bientap.i18n.catalog missing --po     # ... as .po entries to paste into i18n/vi/<part>.po
    python -m bientap.i18n.catalog stale            # translations nothing uses any more
    python -m bientap.i18n.catalog compile          # i18n/vi/*.po -> locale/vi/LC_MESSAGES/bientap.mo

The words a run shows come from four places: `_()`, `N_()` and `ngettext()` in bientap's code
(found by Babel's extractor), the help of every command and option (read from the click command
tree: docstrings are help), Click's own words ("Usage:", its error messages: extracted from the
installed click) and Textual's palette commands (written in `vi/frameworks.po` by hand, as Textual
does not mark them). The Vietnamese is split by area (`vi/cli.po`, `vi/desk.po`, ...) so that
reviewers read one area at a time; compiling merges them and refuses one word translated two ways.
Babel is a development tool here (the `test` extra): at run time the standard library's gettext
reads the compiled file.
"""

from __future__ import annotations

import argparse
import inspect
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

import bientap.checks
import bientap.store
import bientap.tui
from bientap.i18n import DOMAIN, LOCALE_DIR
from bientap.tui import cli
from bientap.tui.language import help_msgid

HERE = Path(__file__).resolve().parent
PARTS = HERE / "vi"
COMPILED = LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{DOMAIN}.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# Parts kept by hand for words no extractor can see (Textual's own palette commands).
HAND_KEPT = ("frameworks.po",)

Key = str | tuple[str, str]


def _extract(folder: Path) -> Iterator[tuple[Key, str]]:
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS):
        if isinstance(message, tuple):
            if all(isinstance(m, str) for m in message[:2]):
                yield (message[0], message[1]), f"{folder.name}/{filename}:{lineno}"
        elif isinstance(message, str) and message:
            yield message, f"{folder.name}/{filename}:{lineno}"


def code_messages() -> dict[Key, list[str]]:
    """Every word bientap's own code marks, with where it is used."""
    found: dict[Key, list[str]] = {}
    for package in (bientap.tui, bientap.store, bientap.checks):
        for key, where in _extract(Path(package.__file__).parent):
            found.setdefault(key, []).append(where)
    return found


def command_messages() -> dict[Key, list[str]]:
    """The help of every command and option of `bientap` (what `--help` shows)."""
    found: dict[Key, list[str]] = {}

    def walk(command: click.Command, path: str) -> None:
        for text in (help_msgid(command, "help"), help_msgid(command, "short_help")):
            if text:
                found.setdefault(text, []).append(path)
        for param in command.params:
            text = help_msgid(param, "help")
            if text:
                found.setdefault(text, []).append(f"{path} {param.opts[0] if param.opts else param.name}")
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, f"{path} {name}")

    walk(cli.main, "bientap")
    return found


def click_messages() -> dict[Key, list[str]]:
    """Click's own words, from the installed click."""
    found: dict[Key, list[str]] = {}
    for key, where in _extract(Path(click.__file__).parent):
        found.setdefault(key, []).append(where)
    return found


def wanted() -> dict[Key, list[str]]:
    found: dict[Key, list[str]] = {}
    for source in (code_messages(), command_messages(), click_messages()):
        for key, where in source.items():
            found.setdefault(key, []).extend(where)
    return found


def _key(message) -> Key:
    # a plural's id is a tuple in a .po catalog, a list in one read back from a .mo
    return (message.id[0], message.id[1]) if isinstance(message.id, (tuple, list)) else message.id


def _string(message) -> str | tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else message.string


def read_parts() -> dict[str, Catalog]:
    parts = {}
    for path in sorted(PARTS.glob("*.po")):
        with path.open("rb") as handle:
            parts[path.name] = read_po(handle, locale="vi", domain=DOMAIN)
    return parts


def translated() -> tuple[dict[Key, object], dict[Key, str], list[str]]:
    """Every translation (key -> msgstr), which part holds it, and the conflicts between parts."""
    strings: dict[Key, object] = {}
    owner: dict[Key, str] = {}
    conflicts = []
    for name, catalog in read_parts().items():
        for message in catalog:
            if not message.id or not message.string or (isinstance(message.string, tuple) and not all(message.string)):
                continue
            key = _key(message)
            if key in strings and strings[key] != message.string:
                conflicts.append(f"{key!r}: {owner[key]} and {name} translate it differently")
            strings[key], owner[key] = message.string, name
    return strings, owner, conflicts


def missing() -> dict[Key, list[str]]:
    strings, _owner, _conflicts = translated()
    return {key: where for key, where in wanted().items() if key not in strings}


def stale() -> list[tuple[str, Key]]:
    strings, owner, _conflicts = translated()
    used = wanted()
    return [(owner[key], key) for key in strings if key not in used and owner[key] not in HAND_KEPT]


def build() -> Catalog:
    """All parts as one catalog (ValueError if two parts translate one word two ways)."""
    strings, _owner, conflicts = translated()
    if conflicts:
        raise ValueError("; ".join(conflicts))
    catalog = Catalog(locale="vi", domain=DOMAIN, project="bientap", charset="utf-8")
    for key in sorted(strings, key=str):
        catalog.add(key, strings[key])
    return catalog


def compiled_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def compiled_is_current() -> bool:
    """The compiled catalog holds exactly the parts' translations."""
    if not COMPILED.exists():
        return False
    with COMPILED.open("rb") as handle:
        have = read_mo(handle)
    want = build()
    return ({_key(m): _string(m) for m in have if m.id} == {_key(m): _string(m) for m in want if m.id})


def as_po(keys: dict[Key, list[str]]) -> str:
    catalog = Catalog(locale="vi", domain=DOMAIN)
    for key, where in keys.items():
        catalog.add(key, ("", "") if isinstance(key, tuple) else "",
                    locations=[(w.rsplit(":", 1)[0], None) if ":" in w else (w, None) for w in where[:3]])
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, width=110, include_lineno=False)
    return out.getvalue().decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bientap.i18n.catalog", description=inspect.cleandoc(__doc__ or "").split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    miss = sub.add_parser("missing", help="words used but not translated")
    miss.add_argument("--po", action="store_true", help="print them as .po entries")
    sub.add_parser("stale", help="translations nothing uses")
    sub.add_parser("compile", help="write the compiled catalog")
    args = parser.parse_args(argv)
    if args.command == "missing":
        todo = missing()
        if args.po:
            sys.stdout.write(as_po(todo))
        else:
            for key, where in todo.items():
                print(f"{key!r}\t{where[0]}")
        return 1 if todo else 0
    if args.command == "stale":
        old = stale()
        for part, key in old:
            print(f"{part}\t{key!r}")
        return 1 if old else 0
    catalog = build()
    COMPILED.parent.mkdir(parents=True, exist_ok=True)
    COMPILED.write_bytes(compiled_bytes(catalog))
    print(f"{COMPILED}: {len(catalog)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
