"""Helpers for the rule tests: run chosen rules over a text as if every line were article prose."""

from __future__ import annotations

from functools import cached_property

from bientap.checks.engine import Context, apply_fixes, check_text
from bientap.checks.findings import Document
from bientap.checks.glossary import default_glossary

GLOSSARY = default_glossary()


def ctx(**kw) -> Context:
    kw.setdefault("glossary", GLOSSARY)
    return Context(**kw)


class _AllProse(Document):
    """A Document whose every line the boilerplate classifier would call body text."""

    @cached_property
    def line_kinds(self) -> list[str]:
        return ["body"] * len(self.lines)


def prose_doc(text: str, field: str = "body") -> Document:
    return _AllProse.from_text(text, field)


def run(text: str, rules, context: Context | None = None, field: str = "body", prose: bool = True):
    rules = [rules] if isinstance(rules, str) else list(rules)
    doc = prose_doc(text, field) if prose else None
    return check_text(text, context or ctx(), field=field, rules=rules, doc=doc)


def spans(text: str, rules, **kw) -> list[tuple[str, str]]:
    """(rule, text) of each finding."""
    return [(f.rule, f.text) for f in run(text, rules, **kw)]


def fixed(text: str, rules, context: Context | None = None) -> str:
    """Safe fixes applied until nothing changes (prose view, so prose-only rules apply)."""
    for _ in range(10):
        new = apply_fixes(text, run(text, rules, context))
        if new == text:
            return text
        text = new
    return text
