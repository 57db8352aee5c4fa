"""Helpers shared by the tests/test_reliability_*.py battery: unprivileged children, legacy encodings."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Vietnamese text the way Windows-1258 stores it: base letters with their own code points
    (ă â ê ô ơ ư đ and Latin-1 vowels), tone marks as separate combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONE_MARKS))
        out += base.encode("cp1258") + "".join(p for p in parts if p in TONE_MARKS).encode("cp1258")
    return bytes(out)


@contextmanager
def shared_tmp() -> Path:
    """A temporary folder an unprivileged child can use (pytest's own tmp dirs are 0700 root)."""
    path = Path(tempfile.mkdtemp(prefix="bientap-rel-", dir="/tmp"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        for p in path.rglob("*"):  # the test may have locked parts of it
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o755)
        shutil.rmtree(path, ignore_errors=True)


def in_child(fn: Callable[[], dict], *, drop_privileges: bool = False, warm_up: Callable[[], None] | None = None,
             setup: Callable[[], None] | None = None) -> dict:
    """Run `fn` in a forked child and return the dict it returns.

    With `drop_privileges` the child becomes `nobody` when it runs as root (CI does), so file
    permissions really apply; `warm_up` runs first, still privileged, to load the lazily imported
    modules from places nobody may read. `setup` runs after the drop (resource limits, signals).
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        os.close(read_fd)
        try:
            if warm_up is not None:
                warm_up()
            if drop_privileges and os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            if setup is not None:
                setup()
            result = fn()
        except BaseException as exc:  # report, do not unwind into the parent's test session
            result = {"child_error": f"{type(exc).__name__}: {exc}"}
        with os.fdopen(write_fd, "w") as fh:
            json.dump(result, fh)
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    result = json.loads(data)
    assert "child_error" not in result, result["child_error"]
    return result


def run_cli(args: list[str], env: dict[str, str] | None = None) -> dict:
    """`bientap ARGS` through click's runner, in this process: exit code, stdout, stderr."""
    from click.testing import CliRunner

    from bientap.tui.cli import main

    result = CliRunner().invoke(main, args, env=env)
    return {"code": result.exit_code, "out": result.stdout, "err": result.stderr,
            "exc": repr(result.exception) if result.exception and not isinstance(result.exception, SystemExit)
            else None}


def point_dirs_at(folder: Path) -> dict[str, str]:
    """HOME and the XDG dirs under `folder` (the child's environment)."""
    env = {"HOME": str(folder / "home"), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_CONFIG_HOME": str(folder / "config"), "XDG_CACHE_HOME": str(folder / "cache"),
           "XDG_STATE_HOME": str(folder / "state")}
    os.environ.update(env)
    return env
