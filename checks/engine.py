"""The checks engine: a registry of small named rules, run over a document with a context.

A rule is a function `(doc, ctx) -> Iterable[Hit]` registered with `@rule(...)`; its docstring says
what a Vietnamese editor calls the problem, with an example. The house style switches rules on and
off and changes severities; the glossary and custom words are data passed in the context.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import hashlib
import importlib
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from checks.findings import CATEGORIES, SEVERITIES, Document, Finding, Hit, make_finding
from checks.style import HouseStyle

RuleFn = Callable[[Document, "Context"], Iterable[Hit]]

# Modules that register rules when imported; the engine loads them on first use.
RULE_MODULES = (
    "checks.rules.unicode",
    "checks.rules.spacing",
    "checks.rules.boilerplate",
    "checks.rules.abbreviations",
    "checks.rules.style",
    "checks.rules.metadata",
    "checks.rules.typo",
)


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


_loaded = False


def load_rules() -> dict[str, Rule]:
    global _loaded
    if not _loaded:
        for name in RULE_MODULES:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
        _loaded = True
    return REGISTRY


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


@dataclass
class Context:
    """What the rules may know beyond the text."""

    glossary: Mapping[str, GlossaryEntry] = field(default_factory=dict)
    custom_words: frozenset[str] = frozenset()
    style: HouseStyle = field(default_factory=HouseStyle)
    lang: str = "vi"
    title: str = ""
    # Abbreviations already defined earlier in the article (e.g. in the sapo before the body).
    defined_before: frozenset[str] = frozenset()
    # (rule, text) pairs an editor chose to ignore in this article.
    ignored: frozenset[tuple[str, str]] = frozenset()

    @cached_property
    def fingerprint(self) -> str:
        """Names the glossary, dictionary and house style the checks ran with (not the article's
        own ignores): counts stored under another fingerprint are stale."""
        style = self.style
        data = json.dumps([sorted((k, dataclasses.astuple(e)) for k, e in self.glossary.items()),
                           sorted(self.custom_words), sorted(style.rules.items()), style.tone_marks,
                           sorted(style.publish_gate.items())], ensure_ascii=False, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


_PLANS: dict[tuple, tuple[HouseStyle, list[tuple[Rule, str]]]] = {}


def _plan(style: HouseStyle, field: str, wanted: frozenset[str] | None) -> list[tuple[Rule, str]]:
    """The rules to run on `field` under `style`, each with its severity, in registry order.

    Worked out once per style, field and selection: a 5 KB article is checked in a few
    milliseconds, and deciding forty rules each time was a measurable part of that."""
    registry = load_rules()
    key = (id(style), tuple(style.rules.items()), field, wanted, tuple(map(id, registry.values())))
    got = _PLANS.get(key)
    if got is not None and got[0] is style:
        return got[1]
    plan = [(r, style.severity(r.id, r.severity)) for r in registry.values()
            if field in r.fields and style.enabled(r.id)
            and (wanted is None or r.id in wanted or r.category in wanted)]
    if len(_PLANS) > 64:
        _PLANS.clear()
    # The plan holds the style and the rules, so the ids in the key stay theirs while it is cached.
    _PLANS[key] = (style, plan)
    return plan


_PAUSE_LOCK = threading.Lock()
_pauses = 0  # checks running now, in any thread
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the rules run: they allocate hundreds of thousands
    of short-lived lists and tuples, none of them in cycles, and each collection would walk the
    word data too (~20% of a long text's time). Refcounting frees everything as usual.

    Counted under a lock: the desk checks in worker threads, and the collector comes back on
    only when the last check ends, and only if it was on before the first began."""
    global _pauses, _resume
    with _PAUSE_LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


@lru_cache(maxsize=8)
def _phrase_pattern(words: frozenset[str]) -> re.Pattern | None:
    """Occurrences of the dictionary's entries of several syllables ("klông pút"), in any case,
    either tone-mark placement, and any run of spaces between the syllables. Literal alternatives
    only: linear in the text."""
    from checks.vietnamese import normalize

    alternatives = []
    for phrase in sorted(words, key=len, reverse=True):
        syllables = phrase.split()
        if len(syllables) < 2:
            continue
        parts = []
        for syllable in syllables:
            spellings = dict.fromkeys((syllable, normalize(syllable.lower()), normalize(syllable.lower(), True)))
            parts.append("(?:" + "|".join(re.escape(v) for v in spellings) + ")")
        alternatives.append("[ \t\u00a0]+".join(parts))
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def phrase_spans(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    """View spans of the newsroom dictionary's phrases in `doc`: no typo finding falls inside one."""
    pattern = _phrase_pattern(ctx.custom_words) if ctx.custom_words else None
    return [] if pattern is None else [m.span() for m in pattern.finditer(doc.text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def check_text(text: str, ctx: Context | None = None, *, field: str = "body",
               rules: Iterable[str] | None = None, doc: Document | None = None) -> list[Finding]:
    """All findings for `text`, sorted by position. Offsets refer to `text` as given."""
    ctx = ctx or Context()
    doc = doc or Document.from_text(text, field)
    starts = None
    findings: list[Finding] = []
    phrases = None
    with _collector_paused():
        for r, severity in _plan(ctx.style, field, frozenset(rules) if rules is not None else None):
            for hit in r.fn(doc, ctx):
                if r.prose_only and not doc.is_prose(hit.start, r.captions):
                    continue
                if r.category == "typo":
                    if phrases is None:
                        phrases = phrase_spans(doc, ctx)
                    if phrases and _inside(phrases, hit.start, hit.end):
                        continue
                if starts is None:
                    from checks.text import line_starts

                    starts = line_starts(text)
                f = make_finding(doc, r.id, r.category, severity, r.safe, hit, ctx.lang, starts)
                if (f.rule, f.text) in ctx.ignored:
                    continue
                findings.append(f)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def check_article(fields: Mapping[str, str | None], ctx: Context | None = None,
                  rules: Iterable[str] | None = None) -> list[Finding]:
    """Findings for a stored article: title (headline rules), sapo, then body.

    Each finding's `field` says which text its offsets refer to.
    """
    ctx = ctx or Context()
    title = fields.get("title") or ""
    ctx = Context(ctx.glossary, ctx.custom_words, ctx.style, ctx.lang, title, ctx.defined_before, ctx.ignored)
    out: list[Finding] = []
    for name in ("title", "sapo", "body"):
        value = fields.get(name) or ""
        if name != "title" and not value:
            continue
        doc = Document.from_text(value, name)
        out.extend(check_text(value, ctx, field=name, rules=rules, doc=doc))
        if name == "sapo":
            # What the sapo introduced ("Ủy ban nhân dân (UBND)") needs no definition in the body.
            from checks.rules.abbreviations import introduced

            ctx = replace(ctx, defined_before=ctx.defined_before | introduced(value, ctx, doc))
    load_rules()
    for r in RECORD_RULES.values():
        if not ctx.style.enabled(r.id) or (rules is not None and r.id not in rules and r.category not in rules):
            continue
        severity = ctx.style.severity(r.id, r.severity)
        for field_name, message, message_en in r.fn(fields, ctx):
            out.append(Finding(r.id, r.category, severity, 0, 0, 1, 1, "",
                               message_en if ctx.lang == "en" else message, (), False, field_name))
    return out


RecordRuleFn = Callable[[Mapping[str, "str | None"], Context], Iterable[tuple[str, str, str]]]


@dataclass(frozen=True)
class RecordRule:
    id: str
    category: str
    severity: str
    fn: RecordRuleFn


RECORD_RULES: dict[str, RecordRule] = {}


def record_rule(rule_id: str, *, category: str = "metadata", severity: str = "warning"):
    """Register a rule over a stored article's fields (missing byline, headline too long...).

    It yields (field, message_vi, message_en); the finding has no span (start = end = 0).
    """

    def register(fn: RecordRuleFn) -> RecordRuleFn:
        RECORD_RULES[rule_id] = RecordRule(rule_id, category, severity, fn)
        return fn

    return register


def apply_fixes(text: str, findings: Iterable[Finding], *, safe_only: bool = True) -> str:
    """Replace each finding's span with its first suggestion, left to right, skipping overlaps.

    Nothing outside finding spans changes.
    """
    chosen = sorted(
        (f for f in findings if f.suggestions and (f.safe or not safe_only)),
        key=lambda f: (f.start, f.end),
    )
    out, pos = [], 0
    for f in chosen:
        if f.start < pos or text[f.start:f.end] != f.text:
            continue
        out.append(text[pos:f.start])
        out.append(f.suggestions[0])
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, ctx: Context | None = None, *, rules: Iterable[str] | None = None,
             max_rounds: int = 10) -> str:
    """Apply safe fixes until nothing changes (fixes may uncover others, e.g. doubled spaces)."""
    rules = list(rules) if rules is not None else None
    for _ in range(max_rounds):
        findings = check_text(text, ctx, rules=rules)
        fixed = apply_fixes(text, findings)
        if fixed == text:
            break
        text = fixed
    return text
