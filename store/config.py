"""Where the newsroom's settings live, and the one setting read before anything else: the language.

Light on purpose (no sqlite-utils): every command reads the language before it prints a word.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from bientap.i18n import _


class ConfigError(ValueError):
    """desk.toml cannot be read (the message says where and why)."""


def config_dir() -> Path:
    """The user's config folder for bientap (style.toml, desk.toml)."""
    return Path(user_config_dir("bientap", appauthor=False))


def default_db_path() -> Path:
    """The newsroom database: $BIENTAP_DB, else newsroom.db in the user's data folder. Here, not in
    store/db.py, so that `bientap check FILE` without a database never imports sqlite-utils."""
    env = os.environ.get("BIENTAP_DB")
    if env:
        return Path(env)
    return data_dir() / "newsroom.db"


def data_dir() -> Path:
    """The user's data folder for bientap (the newsroom database, the demo database)."""
    return Path(user_data_dir("bientap", appauthor=False))


def default_style_path() -> Path:
    """The house style file: style.toml in the config folder."""
    return config_dir() / "style.toml"


def desk_config_path() -> Path:
    return config_dir() / "desk.toml"


def read_desk_config(path: Path | None = None) -> dict:
    """desk.toml as a table ({} when there is none). ConfigError on a file that cannot be used."""
    path = path or desk_config_path()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def configured_language(path: Path | None = None) -> str | None:
    """`lang = "en"` at the top of desk.toml, if the newsroom set one."""
    path = path or desk_config_path()
    lang = read_desk_config(path).get("lang")
    if lang is not None and not isinstance(lang, str):
        raise ConfigError(_("{path}: lang is text (\"vi\" or \"en\")").format(path=path))
    return lang
