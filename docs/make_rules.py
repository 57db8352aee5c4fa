"""Regenerate the rule table in docs/rules.md from the registry: python docs/make_rules.py

The text above the table is kept; the table is rebuilt from each rule's id, category, default
severity, safety, fields and the first paragraph of its docstring.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from bientap.checks.engine import RECORD_RULES, load_rules  # noqa: E402

DOC = ROOT / "docs" / "rules.md"
HEADER = "| rule | category | severity | safe | fields | what it means |"


def summary(doc: str) -> str:
    lines = []
    for line in doc.strip().splitlines():
        if not line.strip():
            break
        lines.append(line.strip())
    return " ".join(lines).replace("|", "\\|").replace("\u00a0", " ")


def table() -> list[str]:
    rows = [HEADER, "|---|---|---|---|---|---|"]
    for rule_id, r in sorted(load_rules().items()):
        rows.append(f"| `{rule_id}` | {r.category} | {r.severity} | {'yes' if r.safe else 'no'} | "
                    f"{', '.join(r.fields)} | {summary(r.doc)} |")
    for rule_id, r in sorted(RECORD_RULES.items()):
        rows.append(f"| `{rule_id}` | {r.category} | {r.severity} | no | record | {summary(r.fn.__doc__ or '')} |")
    return rows


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    intro = text.split(HEADER)[0].rstrip("\n")
    DOC.write_text(intro + "\n\n" + "\n".join(table()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
