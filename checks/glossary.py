"""The newsroom glossary as data: parse and validate TOML or CSV into `GlossaryEntry` values.

    [[abbr]]
    abbr = "KH&CN"
    expansion = "khoa học và công nghệ"
    variants = ["KH-CN"]        # other spellings of the same abbreviation
    canonical = ""              # or the abbr this one should be written as ("KHCN" → "KH&CN")
    policy = "define-first"     # define-first | always-expand | known | avoid

CSV has the header `abbr,expansion,variants,canonical,policy`, variants separated by `;`.
Pure functions: the store keeps the glossary, the rules read it from `Context.glossary`.
"""

from __future__ import annotations

import csv
import io
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

POLICIES = ("define-first", "always-expand", "known", "avoid")
CSV_FIELDS = ("abbr", "expansion", "variants", "canonical", "policy")


@dataclass(frozen=True)
class GlossaryEntry:
    """An abbreviation the newsroom knows: "KH&CN" = "khoa học và công nghệ"."""

    abbr: str
    expansion: str
    variants: tuple[str, ...] = ()
    canonical: str = ""
    policy: str = "define-first"  # define-first | always-expand | known | avoid

    @property
    def canonical_form(self) -> str:
        return self.canonical or self.abbr


class GlossaryError(ValueError):
    """A glossary file or entry that cannot be used as written."""


def _clean(value: object, what: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise GlossaryError(f"{where}: {what} phải là chuỗi ({what} must be a string)")
    return unicodedata.normalize("NFC", value.strip())


def make_entry(abbr: object, expansion: object = "", variants: object = (), canonical: object = "",
               policy: object = "define-first", *, where: str = "entry") -> GlossaryEntry:
    """One validated entry; raises GlossaryError with a reason an editor can act on."""
    abbr_s = _clean(abbr, "abbr", where)
    if not abbr_s:
        raise GlossaryError(f"{where}: thiếu chữ viết tắt (abbr is empty)")
    if any(ch.isspace() for ch in abbr_s):
        raise GlossaryError(f"{where}: “{abbr_s}” có dấu cách (an abbreviation has no spaces)")
    where = f"{where} {abbr_s}"
    policy_s = _clean(policy, "policy", where) or "define-first"
    if policy_s not in POLICIES:
        raise GlossaryError(f"{where}: policy phải là một trong {', '.join(POLICIES)}")
    expansion_s = _clean(expansion, "expansion", where)
    if not expansion_s and policy_s != "known":
        raise GlossaryError(f"{where}: thiếu dạng đầy đủ (expansion is empty)")
    if isinstance(variants, str):
        variants = [v for v in variants.replace("|", ";").split(";")]
    if not isinstance(variants, (list, tuple)):
        raise GlossaryError(f"{where}: variants phải là danh sách (variants must be a list)")
    clean_variants = []
    for v in variants:
        v = _clean(v, "variant", where)
        if not v or v == abbr_s or v in clean_variants:
            continue
        if any(ch.isspace() for ch in v):
            raise GlossaryError(f"{where}: biến thể “{v}” có dấu cách (a variant has no spaces)")
        clean_variants.append(v)
    canonical_s = _clean(canonical, "canonical", where)
    if canonical_s == abbr_s:
        canonical_s = ""
    return GlossaryEntry(abbr_s, expansion_s, tuple(clean_variants), canonical_s, policy_s)


def validate(entries: Iterable[GlossaryEntry]) -> dict[str, GlossaryEntry]:
    """Entries keyed by abbr; every spelling belongs to one entry and canonicals point at entries."""
    out: dict[str, GlossaryEntry] = {}
    owner: dict[str, str] = {}
    for e in entries:
        if e.abbr in out:
            raise GlossaryError(f"“{e.abbr}” xuất hiện hai lần (listed twice)")
        out[e.abbr] = e
    for e in out.values():
        for form in (e.abbr, *e.variants):
            if form in owner and owner[form] != e.abbr:
                raise GlossaryError(f"“{form}” thuộc cả “{owner[form]}” và “{e.abbr}” (belongs to two entries)")
            owner[form] = e.abbr
        if e.canonical and e.canonical not in out:
            raise GlossaryError(f"{e.abbr}: dạng chuẩn “{e.canonical}” không có trong bảng (canonical not in glossary)")
    return out


def parse_toml(text: str, source: str = "glossary") -> list[GlossaryEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{source}: {exc}") from None
    rows = data.get("abbr", [])
    if not isinstance(rows, list):
        raise GlossaryError(f"{source}: dùng [[abbr]] cho mỗi mục (use [[abbr]] tables)")
    entries = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise GlossaryError(f"{source}: mục {i} không phải bảng (entry {i} is not a table)")
        unknown = set(row) - set(CSV_FIELDS)
        if unknown:
            raise GlossaryError(f"{source}: mục {i}: khoá lạ {', '.join(sorted(unknown))} (unknown keys)")
        entries.append(make_entry(row.get("abbr"), row.get("expansion", ""), row.get("variants", ()),
                                  row.get("canonical", ""), row.get("policy", "define-first"),
                                  where=f"{source}: mục {i}"))
    return entries


def parse_csv(text: str, source: str = "glossary") -> list[GlossaryEntry]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or "abbr" not in reader.fieldnames:
        raise GlossaryError(f"{source}: thiếu dòng tiêu đề abbr,expansion,... (missing CSV header)")
    entries = []
    for row in reader:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        entries.append(make_entry(row.get("abbr"), row.get("expansion") or "", row.get("variants") or "",
                                  row.get("canonical") or "", row.get("policy") or "define-first",
                                  where=f"{source}: dòng {reader.line_num}"))
    return entries


def parse(text: str, source: str) -> list[GlossaryEntry]:
    """TOML or CSV by the file name's suffix (TOML when it has none)."""
    if source.lower().endswith(".csv"):
        return parse_csv(text, source)
    return parse_toml(text, source)


def to_toml(entries: Iterable[GlossaryEntry]) -> str:
    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = []
    for e in entries:
        out.append("[[abbr]]")
        out.append(f"abbr = {q(e.abbr)}")
        out.append(f"expansion = {q(e.expansion)}")
        if e.variants:
            out.append("variants = [" + ", ".join(q(v) for v in e.variants) + "]")
        if e.canonical:
            out.append(f"canonical = {q(e.canonical)}")
        out.append(f"policy = {q(e.policy)}")
        out.append("")
    return "\n".join(out)


@lru_cache(maxsize=1)
def default_entries() -> tuple[GlossaryEntry, ...]:
    """The glossary shipped with bientap (checks/data/glossary.toml)."""
    text = resources.files("bientap.checks").joinpath("data/glossary.toml").read_text(encoding="utf-8")
    return tuple(validate(parse_toml(text, "glossary.toml")).values())


def default_glossary() -> dict[str, GlossaryEntry]:
    return {e.abbr: e for e in default_entries()}


def forms(glossary: Mapping[str, GlossaryEntry]) -> dict[str, GlossaryEntry]:
    """Every spelling (abbr and variants) → its entry."""
    out: dict[str, GlossaryEntry] = {}
    for e in glossary.values():
        for form in (e.abbr, *e.variants):
            out.setdefault(form, e)
    return out


def group_of(entry: GlossaryEntry, glossary: Mapping[str, GlossaryEntry]) -> GlossaryEntry:
    """The entry a spelling should be written as: follows `canonical` (KHCN → KH&CN)."""
    seen = set()
    while entry.canonical and entry.canonical in glossary and entry.abbr not in seen:
        seen.add(entry.abbr)
        entry = glossary[entry.canonical]
    return entry
