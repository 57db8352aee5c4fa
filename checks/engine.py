"""The checks engine: a `Checker` runs the registered rules (bientap.checks.registry, checks/rules/) over
an article's texts with the newsroom's data.

    check_text(text, ctx)         findings for one text
    check_article(fields, ctx)    title, sapo, body and the record rules
    apply_fixes / fix_text        safe fixes

The glossary, the newsroom dictionary and the house style travel in a `Context`; the Checker for
that data is built on the first check and reused (`Checker.for_context`).
"""

from __future__ import annotations

import bisect
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cached_property
from typing import TypeVar

from bientap.checks import collector
from bientap.checks.context import Context
from bientap.checks.findings import CATEGORIES, Document, Finding, make_finding
from bientap.checks.glossary import GlossaryEntry
from bientap.checks.lexicon import Lexicon, lexicon as committed_lexicon
from bientap.checks.ngrams import Ngrams, ngrams as committed_ngrams
from bientap.checks.registry import RECORD_RULES, REGISTRY, RecordRule, Rule, record_rule, rule
# Importing the rule modules registers their rules, in this order (the order they run in).
import bientap.checks.rules.unicode  # noqa: F401, I001
import bientap.checks.rules.spacing  # noqa: F401
import bientap.checks.rules.boilerplate  # noqa: F401
import bientap.checks.rules.abbreviations  # noqa: F401
import bientap.checks.rules.style  # noqa: F401
import bientap.checks.rules.metadata  # noqa: F401
import bientap.checks.rules.typo  # noqa: F401
from bientap.checks.style import HouseStyle
from bientap.checks.text import line_starts
from bientap.checks.vietnamese import normalize

__all__ = ["CATEGORIES", "RECORD_RULES", "REGISTRY", "Checker", "Context", "GlossaryEntry", "RecordRule", "Rule",
           "apply_fixes", "check_article", "check_text", "check_texts_on_two_cores", "finding_order", "fix_text", "load_rules", "record_rule", "rule"]

T = TypeVar("T")


def load_rules() -> dict[str, Rule]:
    """The registered rules (all of checks/rules/, imported with this module)."""
    return REGISTRY


class Checker:
    """Checking with one set of newsroom data: built once from the lexicon, the glossary, the
    newsroom dictionary (`custom_words`) and the house style, it owns what is worked out from
    them: the rule plan of each field, the rule modules' indexes and memo tables (`tables`, each
    bounded), the pattern of the dictionary's phrases.

    A Checker never changes. When the glossary, the dictionary or the house style changes, build a
    new Context (bientap.store.context.load_context does): `Checker.for_context` gives the Checker of its
    data, and the old one leaves the bounded cache. That is the one way to invalidate.
    """

    CACHED = 4  # checkers kept by for_context: the desk and an import need one, a test a few

    def __init__(self, glossary: Mapping[str, GlossaryEntry] | None = None, custom_words: frozenset[str] = frozenset(),
                 style: HouseStyle | None = None, lexicon: Lexicon | None = None, counts: Ngrams | None = None) -> None:
        self.glossary: Mapping[str, GlossaryEntry] = glossary if glossary is not None else {}
        self.custom_words = frozenset(custom_words)
        self.style = style if style is not None else HouseStyle()
        self._lexicon = lexicon
        self._counts = counts
        self._lock = threading.Lock()
        self._tables: dict[type, object] = {}
        self._plans: dict[tuple, tuple[tuple[Rule, ...], list[tuple[Rule, str]]]] = {}
        # The (glossary, words, style) objects this checker was matched to: a context holding the
        # very same objects needs no fingerprint (kept alive here, so identity stays meaningful).
        self._served: list[tuple[object, object, object]] = [(self.glossary, self.custom_words, self.style)]

    @classmethod
    def for_context(cls, ctx: Context) -> Checker:
        """The checker of `ctx`'s data: the one it carries, or one with the same fingerprint, or a
        new one. Remembered on `ctx` (dataclasses.replace carries it along)."""
        got = ctx.checker
        if got is not None and got.serves(ctx):
            return got
        key = ctx.fingerprint
        with _CHECKERS_LOCK:
            got = _CHECKERS.get(key)
            if got is None:
                got = _CHECKERS[key] = cls(ctx.glossary, ctx.custom_words, ctx.style)
                while len(_CHECKERS) > cls.CACHED:
                    _CHECKERS.popitem(last=False)
            else:
                _CHECKERS.move_to_end(key)
            got._serve(ctx)
        ctx.checker = got
        return got

    def context(self, **particulars) -> Context:
        """A Context of this checker's data, attached to it (with an article's `particulars`:
        lang, title, ignored...): how a checker built with a lexicon of its own is used
        (benchmarks/typo_eval.py --split dev)."""
        return Context(self.glossary, self.custom_words, self.style, checker=self, **particulars)

    def serves(self, ctx: Context) -> bool:
        g, w, s = ctx.glossary, ctx.custom_words, ctx.style
        return any(g is a and w is b and s is c for a, b, c in self._served)

    def _serve(self, ctx: Context) -> None:
        if not self.serves(ctx):
            self._served = [*self._served[-3:], (ctx.glossary, ctx.custom_words, ctx.style)]

    @property
    def lexicon(self) -> Lexicon:
        """The word data the typo rules read: the one given, or the committed one (loaded on first use)."""
        if self._lexicon is None:
            self._lexicon = committed_lexicon()
        return self._lexicon

    @property
    def counts(self) -> Ngrams:
        """The news n-gram counts the real-word and i/y rules weigh contexts with: the ones given,
        or the committed ones (loaded on first use)."""
        if self._counts is None:
            self._counts = committed_ngrams()
        return self._counts

    def tables(self, kind: type[T]) -> T:
        """The tables a rule module works out from this checker's data, made by `kind(self)` on
        first use and kept as long as the checker (bientap.checks.rules.typo.TypoTables,
        bientap.checks.rules.abbreviations.GlossaryIndex)."""
        got = self._tables.get(kind)
        if got is None:
            with self._lock:
                got = self._tables.get(kind)
                if got is None:
                    got = self._tables[kind] = kind(self)
        return got

    def prepare(self, text: str) -> None:
        """Do now what the first article would otherwise pay for: check `text` with every rule
        (patterns compiled, word data loaded, each rule module's tables made), then let each table
        build what it keeps for later (`prepare()` on a table that has one: the typo rules' index of
        near spellings, which only a misspelling would otherwise build). The desk's check process
        calls this before it says it is ready."""
        self.check_text(text, self.context())
        for table in list(self._tables.values()):
            prepare = getattr(table, "prepare", None)
            if prepare is not None:
                prepare()

    def plan(self, field: str, wanted: frozenset[str] | None) -> list[tuple[Rule, str]]:
        """The rules to run on `field` (those `wanted`, by id or category, or all), each with its
        severity under the house style, in registry order. Worked out once per field and selection:
        a 5 KB article is checked in a few milliseconds, and deciding forty rules each time was a
        measurable part of that. Worked out again if the registry changed (tests add rules)."""
        registered = tuple(REGISTRY.values())
        got = self._plans.get((field, wanted))
        if got is not None and got[0] == registered:
            return got[1]
        style = self.style
        plan = [(r, style.severity(r.id, r.severity)) for r in registered
                if field in r.fields and style.enabled(r.id)
                and (wanted is None or r.id in wanted or r.category in wanted)]
        if len(self._plans) > 64:
            self._plans.clear()
        self._plans[(field, wanted)] = (registered, plan)
        return plan

    @cached_property
    def phrase_pattern(self) -> re.Pattern | None:
        """Occurrences of the dictionary's entries of several syllables ("klông pút"), in any case,
        either tone-mark placement, and any run of spaces between the syllables. Literal
        alternatives only: linear in the text."""
        alternatives = []
        for phrase in sorted(self.custom_words, key=len, reverse=True):
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

    def phrase_spans(self, doc: Document) -> list[tuple[int, int]]:
        """View spans of the newsroom dictionary's phrases in `doc`: no typo finding falls inside one."""
        pattern = self.phrase_pattern
        return [] if pattern is None else [m.span() for m in pattern.finditer(doc.text)]

    def check_text(self, text: str, ctx: Context, *, field: str = "body", rules: Iterable[str] | None = None,
                   doc: Document | None = None) -> list[Finding]:
        """All findings for `text`, sorted by position. Offsets refer to `text` as given. `ctx`
        holds this checker's data (its article's title, ignores and language besides)."""
        if ctx.checker is not self:
            ctx = replace(ctx, checker=self)
        doc = doc or Document.from_text(text, field)
        starts = None
        findings: list[Finding] = []
        phrases = None
        with collector.paused():
            for r, severity in self.plan(field, frozenset(rules) if rules is not None else None):
                for hit in r.fn(doc, ctx):
                    if r.prose_only and not doc.is_prose(hit.start, r.captions):
                        continue
                    if r.category == "typo":
                        if phrases is None:
                            phrases = self.phrase_spans(doc)
                        if phrases and _inside(phrases, hit.start, hit.end):
                            continue
                    if starts is None:
                        starts = line_starts(text)
                    f = make_finding(doc, r.id, r.category, severity, r.safe, hit, ctx.lang, starts,
                                     ctx.style.tone_marks)
                    if (f.rule, f.text) in ctx.ignored:
                        continue
                    findings.append(f)
            findings.sort(key=finding_order)
        return findings

    def check_article(self, fields: Mapping[str, str | None], ctx: Context,
                      rules: Iterable[str] | None = None) -> list[Finding]:
        """Findings for a stored article: title (headline rules), sapo, then body, then the record
        rules over all its fields. Each finding's `field` says which text its offsets refer to."""
        ctx = replace(ctx, title=fields.get("title") or "", sapo=fields.get("sapo") or "", checker=self)
        out: list[Finding] = []
        for name in ("title", "sapo", "body"):
            value = fields.get(name) or ""
            if name != "title" and not value:
                continue
            out.extend(self.check_text(value, ctx, field=name, rules=rules))
        for r in RECORD_RULES.values():
            if not self.style.enabled(r.id) or (rules is not None and r.id not in rules and r.category not in rules):
                continue
            severity = self.style.severity(r.id, r.severity)
            for field_name, message in r.fn(fields, ctx):
                words = message.say(ctx.lang, ctx.style.tone_marks)
                out.append(Finding(r.id, r.category, severity, 0, 0, 1, 1, "", words, (), False, field_name))
        return out


_CHECKERS: OrderedDict[str, Checker] = OrderedDict()  # by Context.fingerprint, least recently used first
_CHECKERS_LOCK = threading.Lock()


def finding_order(f: Finding) -> tuple[int, int, str]:
    """How check_text orders its findings. The findings of two checks of one text with disjoint
    sets of rules, sorted together by it (a stable sort), are those of one check with both sets:
    only one rule's findings can share a key, and each set keeps them in that rule's order."""
    return f.start, f.end, f.rule


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def check_text(text: str, ctx: Context | None = None, *, field: str = "body",
               rules: Iterable[str] | None = None, doc: Document | None = None) -> list[Finding]:
    """All findings for `text`, sorted by position. Offsets refer to `text` as given."""
    ctx = ctx or Context()
    return Checker.for_context(ctx).check_text(text, ctx, field=field, rules=rules, doc=doc)


def check_article(fields: Mapping[str, str | None], ctx: Context | None = None,
                  rules: Iterable[str] | None = None) -> list[Finding]:
    """Findings for a stored article: title (headline rules), sapo, then body.

    Each finding's `field` says which text its offsets refer to.
    """
    ctx = ctx or Context()
    return Checker.for_context(ctx).check_article(fields, ctx, rules)


# The rules check_texts_on_two_cores runs in its child process: real-word slips, and i/y spelling
# (0.1 s on 3 MB, which evens the two roads).
CHILD_RULES = frozenset({"typo.realword", "typo.iy"})


def check_texts_on_two_cores(texts: list[str], ctx: Context | None = None) -> list[list[Finding]]:
    """check_text of each text, the work shared by two processes (POSIX fork): a child runs the
    rules that weigh contexts in the news counts (`CHILD_RULES`), this process every other rule. On
    3 MB of news each road takes ~1.0 s of CPU: the child's syllable scan (~0.27 s), typo.realword
    (~0.45 s, most of it its first meeting with each context) and typo.iy; here the line
    classification, the other rules and a syllable scan of their own. (With all five typo rules in
    the child, its road was ~0.55 s longer than this one's.) The word data is loaded before the
    fork, once for both; the boilerplate classification of the lines, which both need, is made here
    and read there. Each text's two lists sorted together are exactly check_text's (see
    finding_order). Should the child fail, its rules run here.

    The collector stays paused until both halves are merged, and the documents (whose syllable
    scans are lists of a million items, young to the collector) are gone before it resumes:
    each collection while they lived took 30-45 ms, two or three per process (gc.callbacks, 3 MB)."""
    with collector.paused():
        return _check_on_two_cores(texts, ctx or Context())


def _check_on_two_cores(texts: list[str], ctx: Context) -> list[list[Finding]]:
    import pickle
    import tempfile

    theirs_rules = [r for r in REGISTRY if r in CHILD_RULES]
    own_rules = [r for r in REGISTRY if r not in CHILD_RULES]
    Checker.for_context(ctx).lexicon  # noqa: B018 (loaded once, before the fork: both read it)
    try:
        kinds = tempfile.TemporaryFile()
    except OSError:  # nowhere to put the line kinds: one process, as with --jobs 1
        return [check_text(text, ctx) for text in texts]
    with kinds:
        results_r, results_w = os.pipe()
        ready_r, ready_w = os.pipe()  # b"1" once the line kinds are in `kinds`; closed without it if not
        try:
            pid = os.fork()
        except OSError:  # no process to be had (EAGAIN, ENOMEM): this one checks alone
            for fd in (results_r, results_w, ready_r, ready_w):
                os.close(fd)
            return [check_text(text, ctx) for text in texts]
        if pid == 0:  # the child: never returns to the caller, never flushes the parent's buffers
            code = 1
            try:
                os.close(results_r)
                os.close(ready_w)
                source = _KindsFrom(ready_r, kinds.fileno())
                out = []
                for i, text in enumerate(texts):
                    doc = _KindsElsewhere.from_text(text)
                    doc.source, doc.index = source, i
                    out.append(check_text(text, ctx, rules=theirs_rules, doc=doc))
                data = pickle.dumps(out, pickle.HIGHEST_PROTOCOL)
                with os.fdopen(results_w, "wb") as sink:
                    sink.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(results_w)
        os.close(ready_r)
        src = os.fdopen(results_r, "rb")
        try:
            try:
                docs = [Document.from_text(text) for text in texts]
                payload = "\0".join("".join(k + "\n" for k in doc.line_kinds) for doc in docs)
                try:
                    os.pwrite(kinds.fileno(), payload.encode(), 0)
                    os.write(ready_w, b"1")
                except OSError:
                    pass  # (a full disk) the child classifies the lines itself
            finally:
                os.close(ready_w)
            mine = [check_text(text, ctx, rules=own_rules, doc=doc) for text, doc in zip(texts, docs)]
            del docs  # their scans freed while the child still works (~20 ms for 3 MB)
            data = src.read()
        finally:
            src.close()  # a child still writing then stops (broken pipe) rather than wait for a reader
            _, status = os.waitpid(pid, 0)
    theirs = pickle.loads(data) if status == 0 and data else [check_text(t, ctx, rules=theirs_rules) for t in texts]
    return [sorted(a + b, key=finding_order) for a, b in zip(mine, theirs)]


class _KindsFrom:
    """The line kinds of every text as the other process wrote them, read on first need."""

    def __init__(self, ready: int, fd: int) -> None:
        self.ready, self.fd = ready, fd
        self.texts: list[list[str]] | None = None

    def __call__(self, i: int) -> list[str] | None:
        if self.texts is None:
            self.texts = []
            if os.read(self.ready, 1) == b"1":
                data = os.pread(self.fd, os.fstat(self.fd).st_size, 0).decode()
                self.texts = [part.split("\n")[:-1] for part in data.split("\0")]
        return self.texts[i] if i < len(self.texts) else None


class _KindsElsewhere(Document):
    """A Document whose line kinds another process worked out (text `index` of `source`)."""

    source: _KindsFrom | None = None
    index = 0

    @cached_property
    def line_kinds(self) -> list[str]:
        got = self.source(self.index) if self.source is not None else None
        return got if got is not None else Document.line_kinds.func(self)


def apply_fixes(text: str, findings: Iterable[Finding], *, safe_only: bool = True) -> str:
    """Replace each finding's span with its first suggestion, left to right, skipping overlaps; of
    two starting at one place, the wider first (it says more: mojibake over the decomposed letter
    inside it).

    Nothing outside finding spans changes.
    """
    chosen = sorted(
        (f for f in findings if f.suggestions and (f.safe or not safe_only)),
        key=lambda f: (f.start, -f.end),
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
