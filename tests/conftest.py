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
    monkeypatch.delenv("BIENTAP_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "newsroom.db"


@pytest.fixture
def fresh_db(db_path):
    from store.db import open_db

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
    from store.importer import import_paths

    report = import_paths(fresh_db, [str(p) for p in seed_paths])
    assert report.count("imported") == 5, report.results
    return fresh_db


@pytest.fixture
def cli(db_path):
    """Run `bientap --db <db_path> ARGS...` through click; returns the Result."""
    from tui.cli import main

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, db: Path | None = None):
        return runner.invoke(main, ["--db", str(db or db_path), *args], input=input, catch_exceptions=False)

    return invoke
