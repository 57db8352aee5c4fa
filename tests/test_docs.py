"""docs/rules.md lists every registered rule with its category, severity and safety."""

from __future__ import annotations

import re
from pathlib import Path

from bientap.checks.engine import RECORD_RULES, load_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def documented() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([\w.]+)` \| (.*) \|$", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in m.group(2).split(" | ")]
    return rows


def test_every_rule_is_documented_with_its_defaults():
    rows = documented()
    missing = sorted(set(load_rules()) - set(rows))
    assert not missing, f"run python docs/make_rules.py to add {missing} to docs/rules.md"
    for rule_id, rule in load_rules().items():
        category, severity, safe = rows[rule_id][:3]
        assert (category, severity, safe) == (rule.category, rule.severity, "yes" if rule.safe else "no"), rule_id
    for rule_id, rule in RECORD_RULES.items():
        assert rule_id in rows, f"add {rule_id} to docs/rules.md"
        assert rows[rule_id][:2] == [rule.category, rule.severity], rule_id


def test_no_stale_rules_documented():
    known = set(load_rules()) | set(RECORD_RULES)
    assert sorted(set(documented()) - known) == []


def test_every_rule_has_a_docstring():
    for rule_id, rule in load_rules().items():
        assert rule.doc, rule_id
