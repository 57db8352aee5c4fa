"""Findings and the document view the rules read.

Rules see a *view* of the text: newlines unified to LF and letters composed to NFC, so every rule
works on one clean shape. Each view offset maps back to the text as given, which is what a finding
reports: 0-based code points into the decoded text, plus 1-based line and column.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from json.encoder import encode_basestring as _json_string

from bientap.checks.text import line_starts, nfc, rstrip_blank
from bientap.checks.vietnamese import in_tone_style
from bientap.i18n import translate

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
CATEGORIES = ("abbreviation", "typo", "spacing", "unicode", "boilerplate", "metadata", "style")


@dataclass(frozen=True)
class Finding:
    """One problem at one place. `suggestions` replace exactly `text`; "" deletes it."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    safe: bool = False
    field: str = "body"

    def to_dict(self) -> dict:
        # The instance's own dict (its fields, in order), suggestions as a list: dataclasses.asdict
        # deep-copies, and even a field-by-field copy is twice as slow over thousands of findings.
        return {**self.__dict__, "suggestions": list(self.suggestions)}

    def to_json(self) -> str:
        """`json.dumps(self.to_dict(), ensure_ascii=False)`, written out field by field with json's
        own string encoder: a third of the time (the check command writes thousands; 8,000
        findings of 3 MB took 42 ms through the encoder, 13 ms so). tests/test_cli_check.py ties
        the two together, so a field added above and not here fails there."""
        s = _json_string
        return (f'{{"rule": {s(self.rule)}, "category": {s(self.category)}, "severity": {s(self.severity)}, '
                f'"start": {self.start:d}, "end": {self.end:d}, "line": {self.line:d}, "column": {self.column:d}, '
                f'"text": {s(self.text)}, "message": {s(self.message)}, '
                f'"suggestions": [{", ".join(map(s, self.suggestions))}], '
                f'"safe": {"true" if self.safe else "false"}, "field": {s(self.field)}}}')


@dataclass(frozen=True, slots=True)
class Message:
    """A finding's words: an English message id, marked with `N_` so that the catalog finds it
    (i18n/vi/checks.po translates it), and the values of its `{named}` places.

        Message(N_("Doubled word “{word}”"), word="đi")

    A rule never translates: the finding is made in the check's language (`ctx.lang`, which
    `check --lang` may set apart from the run's), and the values, article text mostly, go in after
    translation exactly as they are. A value may be a Message itself (a line's reason inside the
    boilerplate rules' message): it is said in the same language and placement."""

    msgid: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, msgid: str, /, **params: object) -> None:
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "params", tuple(params.items()))

    def say(self, lang: str, tone_marks: str = "traditional") -> str:
        """The message in `lang`, a Vietnamese one in the house's tone-mark placement (the catalog
        writes "xóa"; a modern house reads "xoá", as the desk's own words are respelt)."""
        words = translate(self.msgid, lang)
        if tone_marks == "modern" and words is not self.msgid:
            words = _in_modern_placement(words)
        if not self.params:
            return words
        return words.format_map({name: value.say(lang, tone_marks) if isinstance(value, Message) else value
                                 for name, value in self.params})


@lru_cache(maxsize=1024)  # one entry per translated message: a few dozen
def _in_modern_placement(text: str) -> str:
    return in_tone_style(text, "modern")


@dataclass(frozen=True)
class Hit:
    """What a rule reports, in view offsets. The engine turns it into a Finding."""

    start: int
    end: int
    message: Message
    suggestions: tuple[str, ...] = ()
    severity: str | None = None
    safe: bool | None = None


# A sentence's end: not the dot of a capitals' abbreviation ("TP. HCM").
_SENTENCE_END = re.compile(r"(?<![A-ZĐ])[.!?…][”\"’)]*\s")
_TOKEN = re.compile(r"\w+(?:[&.\-/]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass
class Document:
    """The text a rule reads (`text`, NFC and LF) and how its offsets map back to the original."""

    original: str
    text: str
    _to_original: list[int]
    field: str = "body"
    # What several rules read of this text, worked out once (see `shared`).
    _shared: dict = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_text(cls, original: str, field: str = "body") -> Document:
        view, mapping = _view_with_map(original)
        return cls(original, view, mapping, field)

    def to_original(self, offset: int) -> int:
        return self._to_original[offset]

    def shared(self, key: object, build):
        """`build()` once for this text and `key`, then the same value: an analysis several rules
        read (the typo rules' syllable scan, the abbreviation rules' occurrences). `key` names
        what the analysis depends on besides the text (the checker's tables it was made with)."""
        got = self._shared.get(key)
        if got is None:
            got = self._shared[key] = build()
        return got

    @cached_property
    def line_starts(self) -> list[int]:
        """Start offsets of the view's lines (the view has LF only)."""
        return line_starts(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of each view line, newline excluded."""
        starts = self.line_starts
        ends = [s - 1 for s in starts[1:]] + [len(self.text)]
        return list(zip(starts, ends))

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    @cached_property
    def line_classes(self) -> list:
        """The boilerplate classifier's verdict for every view line, with its reasons (a
        `bientap.checks.boilerplate.LineClass` each): made once per document, read by the
        boilerplate rules and by `line_kinds`."""
        # Imported here for weight, not a cycle: the classifier compiles its patterns on import
        # (~35 ms), and this module loads with checks.style at `bientap --help` and every command.
        from bientap.checks.boilerplate import classify_lines

        return classify_lines(self.text)

    @cached_property
    def line_kinds(self) -> list[str]:
        """The classifier's kind for every view line ("body", "title", "caption", "boilerplate"...)."""
        return [c.kind for c in self.line_classes]

    def is_prose(self, offset: int, captions: bool = False) -> bool:
        """True where abbreviation rules apply: not a boilerplate, caption or metadata line; with
        `captions`, where typo rules apply: captions are printed too."""
        return self.line_kinds[self.line_index(offset)] in (_PUBLISHED if captions else _PROSE)

    @cached_property
    def _trimmed(self) -> str:
        """The text less what prints as nothing at its end (read by stops_short, last_sentence_start)."""
        return rstrip_blank(self.text)

    @cached_property
    def stops_short(self) -> bool:
        """The text (a body or sapo, not a headline) stops mid-sentence: its last character is a
        letter, digit, comma or semicolon after sentences that end, as where a page was pulled only
        partway ("… lên sân khấu biểu diễ"). Its last word may be cut too, and what would close its last paragraph is
        missing. A phrase alone ("Phó Chủ lịch") is no such text."""
        tail = self._trimmed
        return (self.field != "title" and bool(tail) and (tail[-1].isalnum() or tail[-1] in ",;")
                and _SENTENCE_END.search(tail) is not None)

    @cached_property
    def last_sentence_start(self) -> int:
        """Where the text's last sentence begins: after the last sentence end or paragraph break."""
        text = self._trimmed
        last = text.rfind("\n") + 1
        for m in _SENTENCE_END.finditer(text, last):
            last = m.end()
        return last

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(self.text)]


_PROSE = ("body", "title")
_PUBLISHED = ("body", "title", "caption")


def _view_with_map(original: str) -> tuple[str, list[int]]:
    """NFC + LF view of `original` and, for every view offset (and the end), its original offset.

    A cluster (a character and the combining marks after it) whose NFC spelling differs from the
    original maps every view character to the cluster's start: inside it, view and original
    characters do not correspond one to one (marks composed, split or reordered), so the only
    offsets with an original counterpart are its two ends. `make_finding` widens hits to them.
    """
    if "\r" not in original and (original.isascii() or unicodedata.is_normalized("NFC", original)):
        return original, range(len(original) + 1)
    view: list[str] = []
    mapping: list[int] = []
    i, n = 0, len(original)
    while i < n:
        ch = original[i]
        if ch == "\r":
            view.append("\n")
            mapping.append(i)
            i += 2 if original.startswith("\r\n", i) else 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        composed = nfc(cluster) if j - i > 1 or not ch.isascii() else cluster  # linear in a flood of marks
        view.append(composed)
        if composed == cluster:
            mapping.extend(range(i, j))
        else:
            mapping.extend([i] * len(composed))
        i = j
    mapping.append(n)
    return "".join(view), mapping


def _cluster_bounds(mapping, start: int, end: int) -> tuple[int, int]:
    """`start` and `end` moved out to the ends of a rewritten cluster they fall strictly inside.

    Inside such a cluster neighbouring view offsets share an original offset (see _view_with_map)."""
    while start > 0 and mapping[start - 1] == mapping[start]:
        start -= 1
    last = len(mapping) - 1
    while 0 < end < last and mapping[end - 1] == mapping[end]:
        end += 1
    return start, end


def make_finding(doc: Document, rule_id: str, category: str, severity: str, safe: bool, hit: Hit,
                 lang: str, starts: list[int], tone_marks: str = "traditional") -> Finding:
    r"""The finding for `hit`, in original offsets; `text` is exactly `original[start:end]`; its
    message in `lang` and the house's `tone_marks`.

    A hit that cuts a rewritten cluster ("oẻ" of "khoe\u0309\u0301", whose view is "khoẻ\u0301")
    cannot be mapped as is: it is widened to the cluster's ends, and each suggestion takes the view
    characters it gained, so a suggestion still stands for exactly the span it replaces.
    """
    vstart, vend = _cluster_bounds(doc._to_original, hit.start, hit.end)
    suggestions = tuple(hit.suggestions)
    if (vstart, vend) != (hit.start, hit.end):
        view = doc.text
        before, after = view[vstart:hit.start], view[hit.end:vend]
        suggestions = tuple(before + s + after for s in suggestions)
    start = doc.to_original(vstart)
    end = doc.to_original(vend)
    line = bisect.bisect_right(starts, start) - 1
    return Finding(
        rule=rule_id,
        category=category,
        severity=hit.severity or severity,
        start=start,
        end=end,
        line=line + 1,
        column=start - starts[line] + 1,
        text=doc.original[start:end],
        message=hit.message.say(lang, tone_marks),
        suggestions=suggestions,
        safe=safe if hit.safe is None else hit.safe,
        field=doc.field,
    )
