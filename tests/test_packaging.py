"""Packaging: the project installs as the one import package bientap, with its data, in one copy."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from importlib import resources

from conftest import ROOT

FOLDERS = ("tui", "store", "checks", "i18n")


def test_every_package_folder_is_in_the_wheel():
    """find cannot rename folders, so pyproject lists the packages: a new one must be added there."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    on_disk = {"bientap.seeds"}
    for top in FOLDERS:
        assert setuptools["package-dir"][f"bientap.{top}"] == top
        for init in (ROOT / top).rglob("__init__.py"):
            on_disk.add(".".join(("bientap", *init.parent.relative_to(ROOT).parts)))
    assert sorted(on_disk - listed) == [], "add these to [tool.setuptools] packages in pyproject.toml"
    assert sorted(listed - on_disk) == []


def test_package_data_is_installed():
    """In CI (pip install '.[test]') these come from the wheel: a missing package-data rule fails here."""
    import bientap.tui.cli  # noqa: F401  (the commands import it: load it first)
    from bientap.tui.commands.desk import seed_files

    tui = resources.files("bientap.tui")
    assert tui.joinpath("app.tcss").is_file() and tui.joinpath("screens/editor.tcss").is_file()
    data = resources.files("bientap.checks").joinpath("data")
    assert all(data.joinpath(name).is_file() for name in ("glossary.toml", "vi_lexicon.txt", "vi_ngrams.bin", "NOTICE"))
    assert [p.name for p in seed_files()] == [p.name for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_the_notice_records_the_sha256_of_the_binary_counts():
    """vi_ngrams.bin cannot be reviewed line by line: a rebuild must update its hash in the NOTICE."""
    data = ROOT / "checks" / "data"
    recorded = re.findall(r"^sha256 ([0-9a-f]{64})  vi_ngrams\.bin$", (data / "NOTICE").read_text(encoding="utf-8"),
                          re.MULTILINE)
    assert recorded == [hashlib.sha256((data / "vi_ngrams.bin").read_bytes()).hexdigest()], \
        "vi_ngrams.bin was rebuilt: put its sha256 in checks/data/NOTICE"


def test_one_copy_of_the_modules():
    import bientap.checks.engine
    import bientap.tui.cli  # noqa: F401  (imports store and checks too)

    assert bientap.checks.engine.__name__ == "bientap.checks.engine"
    stray = sorted(name for name in sys.modules if name.split(".")[0] in (*FOLDERS, "seeds"))
    assert stray == [], "a module imported under its folder's name is a second copy"


def test_old_names_fail_loudly_even_from_the_repository_root():
    """With the root on sys.path (python -c, python -m from it) `import checks` finds the folder: refused."""
    for top in FOLDERS:
        proc = subprocess.run([sys.executable, "-c", f"import {top}.engine"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 1
        assert f"ImportError: import bientap.{top}, not {top}:" in proc.stderr


def test_python_dash_m_runs_the_command_line_from_anywhere(tmp_path):
    for cwd in (ROOT, tmp_path):
        proc = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--help"], cwd=cwd, capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "demo" in proc.stdout and "import" in proc.stdout


def test_code_of_the_checkout_imports_only_what_the_wheel_installs():
    """An editable install maps every folder, a wheel only the listed packages: CI installs the wheel.

    The builders in checks/data are tools of the checkout (put their folder on sys.path), not modules of bientap.
    """
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    imported = re.compile(r"^\s*(?:from|import)\s+(bientap(?:\.\w+)+)", re.MULTILINE)
    outside = []
    for folder in (*FOLDERS, "benchmarks", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported.findall(path.read_text(encoding="utf-8")):
                if name not in listed and name.rpartition(".")[0] not in listed:
                    outside.append(f"{path.relative_to(ROOT)}: {name}")
    assert outside == []
