"""Shared fixtures: a fresh database file, the seed files, and the CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user data and config dirs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("BIENTAP_EDITOR", "tester")
    # `--user` names the whole run in os.environ (it reaches the desk and its workers): undone after each test.
    monkeypatch.delenv("BIENTAP_USER", raising=False)
    monkeypatch.delenv("BIENTAP_DB", raising=False)
    # One language per process: every test starts in the default one, whatever the test before chose.
    from bientap import i18n

    monkeypatch.delenv("BIENTAP_LANG", raising=False)
    i18n.use(i18n.DEFAULT)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "newsroom.db"


@pytest.fixture
def fresh_db(db_path):
    from bientap.store.db import open_db

    db = open_db(db_path)
    yield db
    db.close()


@pytest.fixture
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5
    return SEEDS


@pytest.fixture
def seeded_db(fresh_db, seed_paths):
    """A database holding the five seed articles, imported the way `bientap import` does."""
    from bientap.store.importer import import_paths

    report = import_paths(fresh_db, [str(p) for p in seed_paths])
    assert report.count("imported") == 5, report.results
    return fresh_db


@pytest.fixture
def cli(db_path):
    """Run `bientap --db <db_path> ARGS...` through click; returns the Result."""
    from bientap.tui.cli import main

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, db: Path | None = None):
        return runner.invoke(main, ["--db", str(db or db_path), *args], input=input, catch_exceptions=False)

    return invoke


def _find_word(word: str, message: str, doc, ctx):
    import re

    from bientap.checks.findings import Hit, Message

    for m in re.finditer(word, doc.text):
        yield Hit(m.start(), m.end(), Message(message))  # no catalog entry: the same words in every language


def _gate_rules() -> list:
    from functools import partial

    from bientap.checks.engine import Rule

    fields = ("title", "sapo", "body")
    return [Rule("test.blocker", "style", "error", False, partial(_find_word, "CHẶN", "Từ bị chặn"), False, fields),
            Rule("test.nit", "style", "warning", False, partial(_find_word, "NÊN", "Nên xem lại"), False, fields)]


def install_gate_rules() -> None:
    """gate_rules' two rules, registered in the desk's check process."""
    from bientap.checks.engine import REGISTRY, load_rules

    load_rules()
    REGISTRY.update((rule.id, rule) for rule in _gate_rules())


@pytest.fixture
def gate_rules(monkeypatch):
    """Two test rules and a house style whose publish gate looks only at them.

    "test.blocker" flags the word CHẶN (an error, required by the gate); "test.nit" flags NÊN (a
    warning, recommended). Real rules still run but never block, so gate tests do not depend on
    what the dictionaries think of the sample text.
    """
    from bientap.checks.engine import REGISTRY, load_rules
    from bientap.store.config import config_dir

    load_rules()
    for rule in _gate_rules():
        monkeypatch.setitem(REGISTRY, rule.id, rule)
    # The desk checks in its own process (bientap.store.checking): it registers them there too.
    monkeypatch.setenv("BIENTAP_CHECK_SETUP", "conftest:install_gate_rules")
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "style.toml").write_text(
        '[publish_gate]\nerror = "off"\nwarning = "off"\ninfo = "off"\n'
        '"test.blocker" = "required"\n"test.nit" = "recommended"\n', encoding="utf-8")
    return ("test.blocker", "test.nit")


@pytest.fixture
def add_article():
    """`add_article(db, title=..., body=..., ...)` stores one article the way an import does
    (first revision, counts given or zero) and returns it."""
    import itertools

    from bientap.store.articles import Article, insert

    serial = itertools.count(1)

    def add(db, *, counts=(0, 0, 0), **fields):
        fields.setdefault("body", "Nội dung bài viết.")
        with db.atomic():
            return insert(db, Article(**fields), source_key=f"test:{next(serial)}", raw_id=None, counts=counts)

    return add
