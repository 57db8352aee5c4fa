"""Saved views of the inbox (mutt's limits): a name and the filters it stands for.

The desk cycles through them with one key. The defaults are the ones a desk editor reaches for —
everything, imported today, with errors, changed since I last looked, assigned to me — and a
newsroom adds its own in `desk.toml` in the config dir:

    [[views]]
    name = "Cần Thơ có lỗi"      # shown in the inbox's info line
    location = "Cần Thơ"          # any of: status, source, location, search
    has_errors = true             # errors > 0
    imported = "today"            # imported since local midnight
    changed = "since_last_look"   # changed since this editor's previous desk session
    assigned = "me"               # assigned to whoever is at the desk
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path

import sqlite_utils

from bientap.i18n import _
from bientap.i18n import N_, _
from bientap.store.articles import STATUSES, Query, now
from bientap.store.config import ConfigError, desk_config_path, read_desk_config
from bientap.store.db import write_transaction

VN_TZ = dt.timezone(dt.timedelta(hours=7))


class ViewsError(ValueError):
    """desk.toml cannot be used (the message says where and why)."""


@dataclass(frozen=True)
class View:
    name: str
    name_en: str = ""
    status: str | None = None
    source: str | None = None
    location: str | None = None
    search: str = ""
    has_errors: bool = False
    imported: str | None = None  # "today"
    changed: str | None = None  # "since_last_look"
    assigned: str | None = None  # "me"

    def label(self, lang: str) -> str:
        """The name in `lang`: a newsroom's own view has `name` (and `name_en`) from desk.toml."""
        return self.name_en or self.name if lang == "en" else self.name


@dataclass(frozen=True)
class BuiltinView(View):
    """One of bientap's own views: its name is in the catalog (English in the code)."""

    def label(self, lang: str) -> str:
        return _(self.name)


DEFAULT_VIEWS = (
    BuiltinView(N_("All")),
    BuiltinView(N_("Imported today"), imported="today"),
    BuiltinView(N_("With errors"), has_errors=True),
    BuiltinView(N_("Changed since I last looked"), changed="since_last_look"),
    BuiltinView(N_("Assigned to me"), assigned="me"),
)

_CHOICES = {"imported": ("today",), "changed": ("since_last_look",), "assigned": ("me",)}


def views_path() -> Path:
    return desk_config_path()


def load_views(path: Path | None = None) -> tuple[View, ...]:
    """The default views and the newsroom's own from desk.toml. ViewsError on a file that cannot be used."""
    path = path or views_path()
    try:
        data = read_desk_config(path)
    except ConfigError as exc:
        raise ViewsError(str(exc)) from None
    known = {f.name for f in fields(View)}
    extra = []
    for i, entry in enumerate(data.get("views", []), 1):
        where = f"{path}: views #{i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise ViewsError(_("{where}: needs a name").format(where=where))
        unknown = set(entry) - known
        if unknown:
            raise ViewsError(_("{where}: unknown keys {keys} (one of {known})").format(
                where=where, keys=", ".join(sorted(unknown)), known=", ".join(sorted(known))))
        for key, allowed in _CHOICES.items():
            if key in entry and entry[key] not in allowed:
                raise ViewsError(_("{where}: {key} must be one of {allowed}").format(
                    where=where, key=key, allowed=", ".join(map(repr, allowed))))
        if "status" in entry and entry["status"] not in STATUSES:
            raise ViewsError(_("{where}: status must be one of {statuses}").format(
                where=where, statuses=", ".join(STATUSES)))
        if "has_errors" in entry and not isinstance(entry["has_errors"], bool):
            raise ViewsError(_("{where}: has_errors must be true or false").format(where=where))
        if not all(isinstance(entry.get(k, ""), str) for k in ("name_en", "source", "location", "search")):
            raise ViewsError(_("{where}: name_en, source, location and search are text").format(where=where))
        extra.append(View(**entry))
    return DEFAULT_VIEWS + tuple(extra)


def query_for(view: View, base: Query, *, editor: str, last_look: str | None,
              today: dt.date | None = None) -> Query:
    """The inbox query a view stands for, keeping `base`'s sort."""
    midnight = None
    if view.imported == "today":
        day = today or dt.datetime.now(VN_TZ).date()
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=VN_TZ).astimezone(dt.timezone.utc).isoformat()
    return Query(status=view.status, search=view.search, source=view.source, location=view.location,
                 sort=base.sort, assignee=editor if view.assigned == "me" else None,
                 created_from=midnight, has_errors=view.has_errors,
                 updated_after=(last_look or "") if view.changed == "since_last_look" else None)


def begin_look(db: sqlite_utils.Database, editor: str) -> str | None:
    """This editor opens the desk: when they last did (None the first time), and now is remembered."""
    with write_transaction(db):
        row = db.execute("SELECT value FROM editor_state WHERE editor = ? AND key = 'last_look'",
                         [editor]).fetchone()
        db.execute("INSERT OR REPLACE INTO editor_state (editor, key, value) VALUES (?, 'last_look', ?)",
                   [editor, now()])
    return row[0] if row else None
