"""What the rules may know beyond the text: the newsroom's data and this article's particulars."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bientap.checks.glossary import GlossaryEntry
from bientap.checks.style import HouseStyle


@dataclass
class Context:
    """The glossary, the newsroom dictionary (`custom_words`) and the house style: the data a
    `bientap.checks.engine.Checker` is built from; and what is particular to one article (its title and
    sapo, the findings its editors ignored, the language of messages).

    The data is never changed in place: a changed glossary, dictionary or style is a new Context
    (bientap.store.context.load_context), and so a new fingerprint and a new Checker."""

    glossary: Mapping[str, GlossaryEntry] = field(default_factory=dict)
    custom_words: frozenset[str] = frozenset()
    style: HouseStyle = field(default_factory=HouseStyle)
    lang: str = "vi"
    # The article's title and sapo, which come before its body: a rule checking the body may read
    # them (an abbreviation the sapo introduced needs no definition in the body).
    title: str = ""
    sapo: str = ""
    # (rule, text) pairs an editor chose to ignore in this article.
    ignored: frozenset[tuple[str, str]] = frozenset()
    # The Checker for this data, found on the first check and carried along by
    # dataclasses.replace (an article's ignores, its title); never pickled (rebuilt by fingerprint).
    checker: Any = field(default=None, repr=False, compare=False)

    @cached_property
    def fingerprint(self) -> str:
        """Names the glossary, dictionary and house style the checks ran with (not the article's
        own ignores): counts stored under another fingerprint are stale."""
        style = self.style
        data = json.dumps([sorted((k, dataclasses.astuple(e)) for k, e in self.glossary.items()),
                           sorted(self.custom_words), sorted(style.rules.items()), style.tone_marks,
                           sorted(style.publish_gate.items())], ensure_ascii=False, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:16]

    def with_ignored(self, ignored: frozenset[tuple[str, str]]) -> Context:
        """This context for one article, its editors' ignores added. The newsroom data is the same,
        so its fingerprint (~0.4 ms of JSON and hashing for a 50-entry glossary) and its Checker
        come along instead of being worked out again for every article of a batch."""
        other = dataclasses.replace(self, ignored=self.ignored | ignored)
        if "fingerprint" in self.__dict__:
            other.__dict__["fingerprint"] = self.__dict__["fingerprint"]
        return other

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["checker"] = None
        return state
