"""A rule gone wrong, for the check service's child process ($BIENTAP_CHECK_SETUP=_stuck_rule:register).

On any text holding the word TREO it runs a regex that backtracks exponentially: some 20 s inside
the regex engine, holding the GIL all along — what a thread cannot be protected from."""

from __future__ import annotations

import re

SETUP = "_stuck_rule:register"
_RUNAWAY = re.compile(r"(a+)+$")


def hang(doc, ctx):
    if "TREO" in doc.text:
        _RUNAWAY.match("a" * 28 + "b")
    return ()


def register() -> None:
    from bientap.checks.engine import REGISTRY, Rule, load_rules

    load_rules()
    REGISTRY["test.stuck"] = Rule("test.stuck", "style", "error", False, hang, False, ("title", "sapo", "body"))
