"""One language per run (issue 17, item 8): the catalog is whole, and every command speaks one language."""

from __future__ import annotations

import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from bientap import i18n
from bientap.i18n import catalog
from bientap.tui.cli import main

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _vietnamese_again():
    yield
    i18n.use("vi")


def test_every_word_the_program_shows_has_a_translation():
    assert catalog.missing() == {}, "python -m bientap.i18n.catalog missing --po, then translate"


def test_no_word_is_translated_two_ways_and_none_is_left_over():
    _strings, _owner, conflicts = catalog.translated()
    assert conflicts == []
    assert catalog.stale() == [], "python -m bientap.i18n.catalog stale: remove these"


def test_the_compiled_catalog_is_current():
    assert catalog.compiled_is_current(), "python -m bientap.i18n.catalog compile"


def test_the_catalog_writes_one_tone_mark_placement():
    """Traditional placement throughout ("xóa", "hòa"); a modern house gets it respelt at run time."""
    from bientap.checks.rules.unicode import in_tone_style

    strings, owner, _conflicts = catalog.translated()
    odd = []
    for key, text in strings.items():
        for one in (text if isinstance(text, tuple) else (text,)):
            if in_tone_style(one, "traditional") != one:
                odd.append(f"{owner[key]}: {one}")
    assert odd == []


def commands(command: click.Command, path=()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_page_speaks_one_language(lang, monkeypatch):
    monkeypatch.delenv("BIENTAP_LANG", raising=False)
    runner = CliRunner()
    for path, _command in commands(main):
        result = runner.invoke(main, ["--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        head, _, options = result.output.partition("\n\n")
        body = result.output.split("\n\n")[1]  # the command's own description
        if lang == "en":
            assert not VIETNAMESE.search(result.output), (path, result.output)
        else:
            assert VIETNAMESE.search(body), (path, body)
            assert "Show this message and exit." not in result.output
            assert "Usage:" not in head


def test_the_language_comes_from_the_flag_then_the_environment_then_the_config(tmp_path, monkeypatch):
    from bientap.store.config import desk_config_path

    runner = CliRunner()
    monkeypatch.delenv("BIENTAP_LANG", raising=False)
    assert "Usage:" not in runner.invoke(main, ["--help"]).output
    desk_config_path().parent.mkdir(parents=True, exist_ok=True)
    desk_config_path().write_text('lang = "en"\n', encoding="utf-8")
    assert "Usage:" in runner.invoke(main, ["--help"]).output
    monkeypatch.setenv("BIENTAP_LANG", "vi")
    assert "Usage:" not in runner.invoke(main, ["--help"]).output
    assert "Usage:" in runner.invoke(main, ["--help", "--lang", "en"]).output


def test_an_unknown_language_is_one_line_and_exit_2(monkeypatch):
    runner = CliRunner()
    result = runner.invoke(main, ["--lang", "fr", "list"])
    assert result.exit_code == 2
    assert "'fr'" in result.output and len(result.output.strip().splitlines()) == 1
    monkeypatch.setenv("BIENTAP_LANG", "klingon")
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 2 and "$BIENTAP_LANG" in result.output


def test_a_modern_house_reads_its_own_placement(monkeypatch):
    """style.toml `tone_marks = "modern"`: the desk and the command line write "xoá", not "xóa"."""
    from bientap.store.config import default_style_path
    from bientap.tui.language import use

    strings, _owner, _conflicts = catalog.translated()
    english, vietnamese = next((k, v) for k, v in strings.items() if isinstance(v, str) and "óa" in v)
    default_style_path().parent.mkdir(parents=True, exist_ok=True)
    default_style_path().write_text('tone_marks = "modern"\n', encoding="utf-8")
    use("vi")
    assert i18n._(english) == vietnamese.replace("óa", "oá")


def test_the_english_run_from_a_fresh_process():
    proc = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--lang", "en", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Usage:" in proc.stdout and not VIETNAMESE.search(proc.stdout)


def test_a_library_caller_who_chose_no_language_reads_vietnamese():
    """Without `use` (a script importing bientap.store, a worker process) the words are the default's."""
    proc = subprocess.run([sys.executable, "-c", "from bientap.store.workflow import status_label; print(status_label('spiked'))"],
                          capture_output=True, text=True, timeout=60, env={k: v for k, v in __import__("os").environ.items()
                                                                            if k not in ("BIENTAP_LANG", "LANGUAGE", "BIENTAP_RUN_LANG")})
    assert proc.returncode == 0 and proc.stdout.strip() == "Loại", proc.stderr


def test_a_process_the_run_starts_speaks_its_language():
    """The desk's check process is spawned (a fresh interpreter): it speaks the language the run chose."""
    import multiprocessing

    i18n.use("en")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_status_word, ("spiked",)) == "Spiked"
    i18n.use("vi")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_status_word, ("spiked",)) == "Loại"


def _status_word(status: str) -> str:
    from bientap.store.workflow import status_label

    return status_label(status)
