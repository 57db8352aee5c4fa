"""One language per run: every word the desk and the command line show comes from a gettext catalog.

The words in the code are English (gettext's convention: the English run needs no catalog); the
Vietnamese ones are in `i18n/vi/*.po`, compiled into `locale/vi/LC_MESSAGES/bientap.mo`
(`python -m bientap.i18n.catalog compile`; tests/test_i18n.py fails when a word has no translation
or the compiled catalog is older than its sources). Vietnamese is the default.

    from bientap.i18n import _, N_, ngettext

    _("Saved")              # the current language's word, looked up now
    LABEL = N_("Title")     # marks a word kept at import time; show it with _(LABEL)
    translate(LABEL, "en")  # the word in a language chosen apart from the run's

`use(lang)` picks the language for the whole process: the command line calls it once, from
`--lang`, `$BIENTAP_LANG` or `lang = "en"` in the config file's desk.toml, before it prints
anything; the desk calls it with its own `lang`. Click's own words ("Usage:", "Options",
its error messages) go through the standard library's gettext, so `use` points that at the same
catalog. This package imports nothing of bientap's: every layer may use it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from pathlib import Path

if __name__ != "bientap.i18n":  # the folder i18n/ is the package bientap.i18n, under no other name
    raise ImportError(f"import bientap.i18n, not {__name__}: i18n/ installs as bientap.i18n (pip install -e .)")

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
DOMAIN = "bientap"
LOCALE_DIR = Path(__file__).parent / "locale"

# The language `use` chose, for the processes this one starts (the desk's spawned check process
# imports this module afresh): they speak it from their first word.
RUN_VARIABLE = "BIENTAP_RUN_LANG"
_lang = os.environ.get(RUN_VARIABLE) if os.environ.get(RUN_VARIABLE) in LANGUAGES else DEFAULT
_catalog: gettext.NullTranslations | None = None  # the default language's, read on first use
_respell: Callable[[str], str] | None = None
_respelt: dict[str, str] = {}
_others: dict[str, gettext.NullTranslations] = {}  # translate's catalogs, by language


class LanguageError(ValueError):
    """A language bientap does not speak (the message names the ones it does)."""


def check_language(lang: str, where: str = "--lang") -> str:
    """`lang` if bientap speaks it, else LanguageError saying where it came from."""
    if lang not in LANGUAGES:
        raise LanguageError(f"{where}: {lang!r} is not a language of bientap (one of {', '.join(LANGUAGES)})")
    return lang


def resolve(flag: str | None = None, config: Callable[[], str | None] | None = None) -> str:
    """The run's language: the flag, else $BIENTAP_LANG, else the config file's (`config()`, read
    only when neither says), else Vietnamese."""
    if flag:
        return check_language(flag)
    env = os.environ.get("BIENTAP_LANG", "").strip()
    if env:
        return check_language(env, "$BIENTAP_LANG")
    configured = config() if config is not None else None
    if configured:
        return check_language(configured, "desk.toml lang")
    return DEFAULT


def use(lang: str, respell: Callable[[str], str] | None = None) -> None:
    """Speak `lang` from now on, in this process. `respell` rewrites every translated word (the desk
    passes the house's tone-mark placement, so "xóa" reads "xoá" in a newsroom that writes "hoà")."""
    global _lang, _catalog, _respell
    check_language(lang)
    _lang = lang
    if lang == "en":
        _catalog = gettext.NullTranslations()
    else:
        _catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    _respell = respell if lang != "en" else None
    _respelt.clear()
    # Click (and argparse) look their words up through the standard library's default domain, in
    # the language $LANGUAGE names: both point at this catalog, so "Usage:" follows the run too.
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    os.environ[RUN_VARIABLE] = lang


def current() -> str:
    """The language of this run: "vi" or "en"."""
    return _lang


def _translations() -> gettext.NullTranslations:
    global _catalog
    if _catalog is None:  # nobody chose: the default language (a library caller, a worker process)
        _catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_lang], fallback=True)
    return _catalog


def _(message: str) -> str:
    """`message` (English, as written in the code) in the run's language."""
    text = _translations().gettext(message)
    if _respell is None or text is message:
        return text
    done = _respelt.get(text)
    if done is None:
        done = _respelt[text] = _respell(text)
    return done


def translate(message: str, lang: str) -> str:
    """`message` (English, as written in the code) in `lang`, whatever language the run speaks: for
    words whose language is chosen apart from the run's (a check's findings speak `check --lang`).
    Not respelt: the caller applies its house's placement, as `use`'s `respell` does."""
    if lang == "en":
        return message
    # The run's own catalog when the language is the run's (read once per process, not twice).
    catalog = _catalog if lang == _lang and _catalog is not None else _others.get(lang)
    if catalog is None:
        check_language(lang)
        catalog = _others[lang] = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    return catalog.gettext(message)


def respell(text: str) -> str:
    """Words `translate` gave (the catalog's placement) in the run's house placement, as `_` gives
    its own: a modern house reads "từ khoá" where the catalog writes "từ khóa"."""
    return text if _respell is None else _respell(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` (Vietnamese has one; English two)."""
    text = _translations().ngettext(singular, plural, n)
    return text if _respell is None else _respell(text)


def N_(message: str) -> str:
    """Marks `message` for the catalog without translating it (words kept at import time)."""
    return message
