"""`bientap db check|backup`: is the database sound, and a consistent copy of it while desks work."""

from __future__ import annotations

from pathlib import Path

import click

from bientap.tui.cli import Env, fail


@click.group("db")
def db() -> None:
    """Cơ sở dữ liệu: kiểm tra và sao lưu (check, backup)."""


@db.command("check")
@click.pass_obj
def check(env: Env) -> None:
    """Kiểm tra tệp và chỉ mục tìm kiếm (PRAGMA integrity_check, FTS5). Exit 2 with one line when damaged."""
    from bientap.checks.text import visible
    from bientap.store.db import integrity_problems, is_readonly

    database = _existing(env)
    problems = integrity_problems(database)
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        fail(f"{env.db_path}: cơ sở dữ liệu bị hỏng (database is corrupted): {problems[0]}{more}")
    if is_readonly(database):
        what = "tệp nguyên vẹn; chỉ mục tìm kiếm chưa kiểm vì chỉ đọc (file sound; search index not checked: read-only)"
    else:
        what = "tệp và chỉ mục tìm kiếm nguyên vẹn (file and search index sound)"
    click.echo(f"ok: {visible(str(env.db_path))}: {what}")


@db.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace an existing backup file at PATH.")
@click.pass_obj
def backup(env: Env, path: Path, overwrite: bool) -> None:
    """Sao lưu (backup): a consistent copy to PATH while desks keep working; refuses an existing PATH."""
    from bientap.checks.text import visible
    from bientap.store.db import StoreError
    from bientap.store.db import backup as backup_db

    database = _existing(env)
    try:
        written = backup_db(database, path, overwrite=overwrite)
    except StoreError as exc:
        fail(str(exc))
    click.echo(f"đã sao lưu {visible(str(env.db_path))} → {visible(str(written))} "
               f"({written.stat().st_size / 1e6:.1f} MB)")


def _existing(env: Env):
    database = env.db(must_exist=True)
    if database is None:
        fail(f"chưa có cơ sở dữ liệu {env.db_path} (no database yet)")
    return database
