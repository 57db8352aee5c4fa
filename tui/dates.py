"""Dates as the desk shows and takes them: dd/mm/yyyy (and HH:MM when the stored date has a time).
The store keeps ISO (`bientap.store.articles.normalize_date`); these only change how a date looks."""

from __future__ import annotations

import datetime as dt
import re

from bientap.store.articles import normalize_date

_WITH_TIME = re.compile(r"\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s+(\d{1,2}):(\d{2})\s*")


def display_date(value: str | None) -> str:
    """"2023-01-13" → "13/01/2023", "2023-01-13T08:05:00+07:00" → "13/01/2023 08:05"; anything
    else (empty, already dd/mm/yyyy, unreadable) as it is."""
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return parsed.strftime("%d/%m/%Y")
    return parsed.strftime("%d/%m/%Y %H:%M")


def parse_date(value: str) -> str:
    """A typed date as stored: what `normalize_date` takes, or dd/mm/yyyy HH:MM (Vietnam time).
    ValueError (saying why) otherwise."""
    m = _WITH_TIME.fullmatch(value)
    if m is None:
        return normalize_date(value)
    day = normalize_date(m.group(1))
    return normalize_date(f"{day}T{int(m.group(2)):02d}:{m.group(3)}")
