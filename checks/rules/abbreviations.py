"""Abbreviation rules (chữ viết tắt): define on first use, one spelling per article, none in the headline.

The glossary (`Context.glossary`) says what each abbreviation stands for and the house policy.
Never flagged: document numbers ("09-NQ/TW", "01/2021/TT-BKHCN", "844/QĐ-TTg"), abbreviations the
text defines itself ("Hiệp hội ... (VINASA)", "doanh nghiệp (DN)"), Roman numerals, units.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bientap.checks.findings import Document, Hit, Message
from bientap.checks.glossary import GlossaryEntry, forms, group_of
from bientap.checks.registry import rule
from bientap.checks.text import BLANK, UNITS
from bientap.checks.vietnamese import LOWER_LETTERS, L, U
from bientap.i18n import N_

# A token that starts with a capital: "UBND", "KH&CN", "KT-XH", "TP.", "TP.HCM", "ThS", "KHCN&ĐMST".
# Not one glued after a digit, slash or dash, which is part of a document number ("844/QĐ-TTg").
# Only tokens whose second character is not lower-case ("UBND", "KH&CN", "TP.", "Đ.Mãi") are
# candidates, so the ordinary capitalized words of a text ("Sở", "Khoa") never reach Python;
# glossary forms such as "ThS" or "Tp.HCM" are added per glossary (see GlossaryIndex).
_TOKEN_TAIL = r"\w*(?:[&.\-/]\w+)*\.?"
_CANDIDATE = re.compile(rf"{U}(?=[^\W{LOWER_LETTERS}]|[&.\-/]){_TOKEN_TAIL}")
_GLUED = frozenset("&./-_")
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Vowels with a tone or a vowel mark: an all-caps Vietnamese word ("QUẢNG", "TỈNH"), not an abbreviation.
_VIETNAMESE_VOWEL = re.compile(r"[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝĂƠƯ\u1EA0-\u1EF9]")
_SENTENCE_END = ".!?:\n"
# Words that start the name of an organization: "Sở KH&CN" → "Sở Khoa học và công nghệ (KH&CN)".
_NAME_HEADS = frozenset("Sở Bộ Viện Ban Hội Cục Phòng Trường Vụ Ngành Trung Tổng Hiệp Liên".split())
# "DN (doanh nghiệp)": a definition written after the abbreviation: letters, spaces, commas and
# dashes, two letters at least. Written as one pass that never backtracks: the obvious
# "(?:[^\W\d_]+[ ,\-]*){2,}" splits a word between repetitions in exponentially many ways when
# no ")" closes it ("UBND (Ủy ban nhân dân tỉnh ..." hung the check for minutes, issue 13).
_EXPANSION_AFTER = re.compile(r" \([^\W\d_][ ,\-]*+[^\W\d_](?:[^\W\d_]|[ ,\-])*+\)")


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    form: str
    entry: GlossaryEntry | None  # None: an all-caps token the glossary does not know
    group: str  # canonical spelling (or the token itself when unknown)
    defines: bool  # "(DN)" after its expansion, or "DN (doanh nghiệp)"
    kind: str  # the boilerplate classifier's verdict on its line: body, title, caption, ...

    @property
    def prose(self) -> bool:
        return self.kind in ("body", "title")


class GlossaryIndex:
    """The glossary as these rules read it, built once per checker (`Checker.tables`): every
    spelling → (its entry, the entry it should be written as), and the pattern that finds
    candidates, with the glossary's mixed-case forms ("ThS", "Tp.HCM") added."""

    def __init__(self, checker) -> None:
        glossary: Mapping[str, GlossaryEntry] = checker.glossary
        self.custom_words: frozenset[str] = checker.custom_words
        self.index = {form: (e, group_of(e, glossary)) for form, e in forms(glossary).items()}
        mixed = sorted((f for f in self.index if len(f) > 1 and f[1].islower()), key=len, reverse=True)
        self.candidates = _CANDIDATE
        if mixed:
            self.candidates = re.compile("|".join(
                [f"(?:{'|'.join(re.escape(f) for f in mixed)})(?![\\w&])\\.?", _CANDIDATE.pattern]))


def _is_unknown_candidate(tok: str) -> bool:
    if tok[1:2].islower():  # "Sở", "Khoa": an ordinary capitalized word
        return False
    letters = [c for c in tok if c.isalpha()]
    if len(letters) < 2 or any(c.islower() for c in letters) or any(c.isdigit() for c in tok) or "/" in tok:
        return False
    if _ROMAN.fullmatch(tok) or tok in UNITS or _VIETNAMESE_VOWEL.search(tok):
        return False
    return True


_UPPER_RUN, _LOWER_RUN = re.compile(f"{U}+"), re.compile(f"{L}+")


def _mostly_caps(line: str) -> bool:
    """More upper-case letters than lower-case ones on the line (a heading in capitals). The
    lower-case ones are counted only until they match the capitals: prose lines stop at their
    first words (3x faster than counting every letter of a 3 MB text's lines)."""
    upper = sum(map(len, _UPPER_RUN.findall(line)))
    lower = 0
    for m in _LOWER_RUN.finditer(line):
        lower += m.end() - m.start()
        if lower >= upper:
            return False
    return lower < upper


def _defines(text: str, start: int, end: int) -> bool:
    if start and text[start - 1] == "(" and text.startswith(")", end):
        # "(DN)" counts as a definition only after words, not alone in parentheses at a line start.
        before = text[max(0, start - 40):start - 1]
        return bool(re.search(r"\w\s*$", before))
    return text.startswith(" (", end) and bool(_EXPANSION_AFTER.match(text, end, end + 120))


def occurrences(doc: Document, ctx) -> list[Occurrence]:
    """Every abbreviation-like token of the text with what the glossary says about it (worked out
    once per document and shared by the rules here)."""
    tables = ctx.checker.tables(GlossaryIndex)
    return doc.shared(tables, lambda: _occurrences(doc, tables))


def _occurrences(doc: Document, tables: GlossaryIndex) -> list[Occurrence]:
    index = tables.index
    text = doc.text
    out: list[Occurrence] = []
    caps_lines: dict[int, bool] = {}
    for m in tables.candidates.finditer(text):
        tok = m.group()
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _GLUED):
            continue  # inside a word or a document number: "844/QĐ-TTg", "PhuthoPortal"
        pieces: list[tuple[int, str]]
        if tok in index:
            pieces = [(start, tok)]
        elif tok.rstrip(".") in index:
            pieces = [(start, tok.rstrip("."))]
        else:
            bare = tok.rstrip(".")
            if "&" in bare and all(p in index for p in bare.split("&")):
                pieces, pos = [], start
                for part in bare.split("&"):
                    pieces.append((pos, part))
                    pos += len(part) + 1
            elif _is_unknown_candidate(bare) and bare not in tables.custom_words:
                pieces = [(start, bare)]
            else:
                continue
        for pos, form in pieces:
            end = pos + len(form)
            hit = index.get(form)
            if hit is None:
                li = doc.line_index(pos)
                if li not in caps_lines:
                    ls, le = doc.lines[li]
                    caps_lines[li] = _mostly_caps(text[ls:le])
                if caps_lines[li]:
                    continue
                entry, group = None, form
            else:
                entry, group = hit[0], hit[1].abbr
            kind = doc.line_kinds[doc.line_index(pos)]
            out.append(Occurrence(pos, end, form, entry, group, _defines(text, pos, end), kind))
    return out


def introduced(text: str, ctx, doc=None) -> frozenset[str]:
    """Abbreviations a text (the sapo) has already put before the reader, defined or not.

    `doc`: the sapo's Document when the caller has one (its analyses are reused)."""
    if doc is None or doc.original != text:
        doc = Document.from_text(text, "sapo")
    return frozenset(o.group for o in occurrences(doc, ctx) if o.prose)


def introduced_before(doc: Document, ctx) -> frozenset[str]:
    """Abbreviations the article put before the reader ahead of `doc`: those of its sapo (`ctx.sapo`)
    when `doc` is the body ("Ủy ban nhân dân (UBND)" in the sapo: the body may write "UBND")."""
    if doc.field != "body" or not ctx.sapo:
        return frozenset()
    return doc.shared((introduced, ctx.sapo, ctx.checker.tables(GlossaryIndex)), lambda: introduced(ctx.sapo, ctx))


# Marks a sentence's first word may stand behind: quotes, brackets, a list dash, and blanks.
_BEFORE_WORD = "“\"‘'([«-–—•" + BLANK


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _BEFORE_WORD:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _spelled(expansion: str, text: str, pos: int) -> str:
    """The expansion as it should read at `pos`: capitalized at a sentence start or after a name ("Sở")."""
    if not expansion:
        return expansion
    prev = text[max(0, pos - 20):pos].split()
    if _sentence_start(text, pos) or (prev and prev[-1].lstrip(_BEFORE_WORD) in _NAME_HEADS):
        return expansion[0].upper() + expansion[1:]
    return expansion


@rule("abbr.undefined", category="abbreviation", severity="warning", safe=False, prose_only=True)
def undefined(doc, ctx):
    """Viết tắt chưa giải nghĩa: the first use of "UBND" without "Ủy ban nhân dân (UBND)" before it.

    Fix: spell out the first use, "khoa học và công nghệ (KH&CN)".
    """
    index = ctx.checker.tables(GlossaryIndex).index
    defined = {(index.get(a, (None, GlossaryEntry(a, "")))[1].abbr) for a in introduced_before(doc, ctx)}
    text = doc.text
    for occ in occurrences(doc, ctx):
        if not occ.prose or occ.group in defined:
            continue
        defined.add(occ.group)
        if occ.entry is None or occ.defines or occ.entry.policy != "define-first":
            continue
        group = ctx.glossary.get(occ.group, occ.entry)
        expansion = _spelled(group.expansion or occ.entry.expansion, text, occ.start)
        yield Hit(occ.start, occ.end,
                  Message(N_("“{form}” is not spelled out at first use: write “{expansion} ({abbr})”"),
                          form=occ.form, expansion=expansion, abbr=occ.group),
                  suggestions=(f"{expansion} ({occ.group})",))


@rule("abbr.variant", category="abbreviation", severity="warning", safe=True, prose_only=True)
def variant(doc, ctx):
    """Viết tắt không thống nhất: "KHCN" and "KH&CN", "KTXH" and "KT-XH" in one article.

    Each spelling other than the house's canonical one is replaced by it (warning when the article
    mixes spellings, info when it uses one non-house spelling throughout).
    """
    occs = [o for o in occurrences(doc, ctx) if o.entry is not None and o.kind in ("body", "title", "caption")]
    used: dict[str, set[str]] = {}
    for o in occs:
        used.setdefault(o.group, set()).add(o.form)
    for o in occs:
        if o.form == o.group or not o.prose:
            continue
        mixed = len(used[o.group]) > 1
        if mixed:
            message = Message(N_("Inconsistent abbreviation: “{form}” → “{abbr}”"), form=o.form, abbr=o.group)
        else:
            message = Message(N_("The house spells this abbreviation “{abbr}”"), abbr=o.group)
        yield Hit(o.start, o.end, message, suggestions=(o.group,), severity=None if mixed else "info")


@rule("abbr.expand", category="abbreviation", severity="warning", safe=False, prose_only=True)
def expand(doc, ctx):
    """Viết tắt cần viết đầy đủ: the glossary marks it `always-expand` or `avoid`."""
    text = doc.text
    for o in occurrences(doc, ctx):
        if o.entry is None or not o.prose or o.entry.policy not in ("always-expand", "avoid") or o.defines:
            continue
        expansion = _spelled(o.entry.expansion, text, o.start)
        yield Hit(o.start, o.end, Message(N_("Do not abbreviate “{form}”: write “{expansion}”"), form=o.form, expansion=expansion),
                  suggestions=(expansion,) if expansion else ())


@rule("abbr.unknown", category="abbreviation", severity="info", safe=False, prose_only=True)
def unknown(doc, ctx):
    """Viết tắt lạ: an all-caps token the glossary does not know and the text never defines ("BCĐ")."""
    defined = set(introduced_before(doc, ctx))
    for o in occurrences(doc, ctx):
        if o.entry is not None or not o.prose:
            continue
        if o.defines:
            defined.add(o.form)
        if o.form in defined:
            continue
        defined.add(o.form)  # one note per token is enough
        yield Hit(o.start, o.end, Message(N_("Abbreviation “{form}” is not in the glossary and not defined in the text"),
                                          form=o.form))


@rule("abbr.headline", category="abbreviation", severity="warning", safe=False, fields=("title",))
def in_headline(doc, ctx):
    """Viết tắt trong tít: headlines spell abbreviations out ("UBND tỉnh" → "Ủy ban nhân dân tỉnh").

    Abbreviations the glossary marks `known` (TP.HCM, GDP) may stay.
    """
    text = doc.text
    for o in occurrences(doc, ctx):
        if o.entry is not None and o.entry.policy == "known":
            continue
        if o.entry is None and (o.defines or o.form in ctx.custom_words):
            continue
        expansion = ""
        if o.entry is not None:
            group = ctx.glossary.get(o.group, o.entry)
            expansion = _spelled(group.expansion or o.entry.expansion, text, o.start)
        yield Hit(o.start, o.end, Message(N_("Avoid the abbreviation “{form}” in a headline"), form=o.form),
                  suggestions=(expansion,) if expansion else ())
