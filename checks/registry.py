"""The rules' registry: every check is a small named function registered here with `@rule(...)`
(over one text) or `@record_rule(...)` (over a stored article's fields).

A rule is `(doc, ctx) -> Iterable[Hit]`; its docstring says what a Vietnamese editor calls the
problem, with an example. The rule modules (checks/rules/) import this module only; the engine
(bientap.checks.engine) imports them, so registering never depends on running.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from bientap.checks.context import Context
from bientap.checks.findings import CATEGORIES, SEVERITIES, Document, Hit, Message

RuleFn = Callable[[Document, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    safe: bool
    fn: RuleFn
    prose_only: bool
    fields: tuple[str, ...]
    captions: bool = False  # a prose_only rule that reads photo captions too

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip()


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, *, category: str, severity: str = "warning", safe: bool = False,
         prose_only: bool = False, fields: tuple[str, ...] = ("body", "sapo"),
         captions: bool = False) -> Callable[[RuleFn], RuleFn]:
    """Register a rule. `prose_only` rules skip lines the boilerplate classifier set aside, except
    photo captions when `captions` is set (they are printed under the photo, so spelling counts);
    `fields` names the article fields the rule reads ("title" for headline rules)."""
    assert category in CATEGORIES, category
    assert severity in SEVERITIES, severity

    def register(fn: RuleFn) -> RuleFn:
        if rule_id in REGISTRY and REGISTRY[rule_id].fn is not fn:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, category, severity, safe, fn, prose_only, fields, captions)
        return fn

    return register


RecordRuleFn = Callable[[Mapping[str, "str | None"], Context], Iterable[tuple[str, Message]]]


@dataclass(frozen=True)
class RecordRule:
    id: str
    category: str
    severity: str
    fn: RecordRuleFn


RECORD_RULES: dict[str, RecordRule] = {}


def record_rule(rule_id: str, *, category: str = "metadata", severity: str = "warning"):
    """Register a rule over a stored article's fields (missing byline, headline too long...).

    It yields (field, Message); the finding has no span (start = end = 0).
    """

    def register(fn: RecordRuleFn) -> RecordRuleFn:
        RECORD_RULES[rule_id] = RecordRule(rule_id, category, severity, fn)
        return fn

    return register
