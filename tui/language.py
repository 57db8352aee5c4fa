"""The run's language, chosen once before anything is shown (see bientap.i18n).

`start` picks it from the command line, `$BIENTAP_LANG` or desk.toml and respells the Vietnamese
words in the house's tone-mark placement (style.toml `tone_marks`: "xóa" or "xoá"); `localize`
puts the command-line help into it. Click keeps each command's help as a plain attribute: the
English text written in the code is remembered as the message id and the attribute set to its
translation, so the help of a run is in one language even when a test process runs several.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence

import click

from bientap import i18n
from bientap.checks.style import HouseStyle, StyleError
from bientap.checks.vietnamese import in_tone_style
from bientap.i18n import _
from bientap.store.config import configured_language, default_style_path


def flag_value(args: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere on the command line (before `--`), as the run's language."""
    value = None
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value


def house_tone_marks() -> str:
    """The house style's tone-mark placement ("traditional" unless style.toml says "modern")."""
    try:
        return HouseStyle.load(default_style_path()).tone_marks
    except (StyleError, OSError):
        return "traditional"  # the check commands report a broken style.toml in their own words


def start(flag: str | None) -> str:
    """Choose and use the run's language. Raises i18n.LanguageError or store.config.ConfigError."""
    lang = i18n.resolve(flag, configured_language)
    use(lang)
    return lang


def use(lang: str) -> None:
    """Speak `lang`, in the house's tone-mark placement."""
    respell = None
    if lang == "vi" and house_tone_marks() == "modern":
        def respell(text: str) -> str:
            return in_tone_style(text, "modern")
    i18n.use(lang, respell)


def help_msgid(obj: click.Command | click.Parameter, attr: str) -> str | None:
    """The English help written in the code for `obj.attr` ("help" or "short_help"): its message id."""
    key = f"_bientap_msgid_{attr}"
    if key not in vars(obj):
        text = getattr(obj, attr, None)
        vars(obj)[key] = inspect.cleandoc(text).partition("\f")[0] if text else None
    return vars(obj)[key]


def localize(command: click.Command) -> None:
    """The help of `command`, its options and subcommands, in the run's language."""
    command._help_option = None  # Click words `--help` once, in the language of the process's first run
    for attr in ("help", "short_help"):
        msgid = help_msgid(command, attr)
        if msgid:
            setattr(command, attr, _(msgid))
    for param in command.params:
        msgid = help_msgid(param, "help")
        if msgid:
            param.help = _(msgid)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize(sub)
