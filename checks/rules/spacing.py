"""Spacing and punctuation rules: the mechanical faults a copy editor fixes without thinking.

All run as regular expressions over the whole view; every fix but unbalanced brackets is safe.
"""

from __future__ import annotations

import re

from bientap.checks.findings import Hit, Message
from bientap.checks.registry import rule
from bientap.checks.text import visible
from bientap.checks.vietnamese import L, U
from bientap.i18n import N_

ALL_FIELDS = ("title", "sapo", "body")

# Short forms written with a dot and no space before a capital: "Tp.HCM", "Th.S". Lower-case
# endings only: a capital before the dot ("TP.HCM", "Đ.Mãi", "T.Chuẩn") never reaches the rule.
_DOTTED_ABBREVIATIONS = frozenset({"tp", "th", "ths", "ts", "gs", "pgs", "bs", "ks", "st", "dr", "mr", "mrs",
                                   "ms", "tx", "tt", "q", "p", "h", "tr", "no", "vs", "co", "ltd", "inc", "nxb", "cty"})

# "Khánh Hòa.Tại", "kinh tế,xã hội", "nhanh;Hoạt động", "sao?Vì".
# Each pattern starts with the punctuation mark (fast to scan for); the character before is checked
# by hand. Sentence or clause end glued to a capital, or clause punctuation between lower-case words.
# Written as one class and two lookaheads, the engine skips to candidates at once (3x faster than
# the two alternatives apart: [.…!?;:,](?=[“‘"(]?U)|[,;](?=L)).
_MISSING_SPACE = re.compile(rf"[.…!?;:,](?:(?=[“‘\"(]?{U})|(?<=[,;])(?={L}))")
_VOWEL = re.compile(r"[aeiouyAEIOUY\u00c0-\u00ff\u0102\u0103\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                    r"\u1ea0-\u1ef9]")
_GLUED_BEFORE = re.compile(r"[\w”’)\]]")
# The whole non-space run around a position: a URL, an e-mail, a file name or a code.
_URLISH = re.compile(r"://|www\.|@|\\|\.(?:com|vn|net|org|gov|edu|html?|php|aspx?|jpe?g|png|pdf|docx?)\b",
                     re.IGNORECASE)


_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s\S*+\Z")
_NEAR = 64


class _Runs:
    """Whether the non-space run around a position looks like a URL, worked out once per run.

    Matches come left to right, so each run is found by scanning only the text between the last
    run and this one: every character is read a bounded number of times however many matches a
    run holds ("A.A.A.A..." or a 55 KB comma-joined keyword list walked the whole run around
    every match, issue 13)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = 0
        self.urlish = False

    def urlish_at(self, i: int) -> bool:
        if i >= self.end:
            text = self.text
            # The last space before i: looked for just before i first (where prose has it), then
            # in the rest of the run, which is read once and never again.
            near = max(self.end, i - _NEAR)
            gap = _LAST_SPACE.search(text, near, i) or _LAST_SPACE.search(text, self.end, near)
            self.start = gap.start() + 1 if gap else self.end
            after = _SPACE.search(text, i)
            self.end = after.start() if after else len(text)
            self.urlish = _URLISH.search(text, self.start, self.end) is not None
        return self.urlish


# Initials of a name whose full form has a comma and a "và": "VH,TT&DL" (Văn hóa, Thể thao và Du
# lịch), "LĐ,TB&XH". Capitals only, an "&" after the comma.
_ACRONYM_COMMA = re.compile(rf"(?:{U}{{1,4}},)+{U}{{1,4}}&{U}{{1,4}}(?!{L})")


def _run_start(text: str, i: int) -> int:
    """Where the capitals before position i begin (at most 16 back: initials are short, and a long
    comma-joined run of capitals must not be read once per comma)."""
    stop = max(0, i - 16)
    while i > stop and (text[i - 1].isupper() or text[i - 1] == ","):
        i -= 1
    return i


def _word_before(text: str, i: int) -> str:
    start = i
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:i]


@rule("spacing.after_punct", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def missing_space_after(doc, ctx):
    """Thiếu dấu cách sau dấu câu: "Khánh Hòa.Tại Thông tư", "kinh tế,xã hội".

    Not flagged: "TP.HCM", "Đ.Mãi", "1.983.286", "10:38", URLs, e-mails and dotted short forms.
    """
    text = doc.text
    runs = _Runs(text)
    for m in _MISSING_SPACE.finditer(text):
        i = m.start()
        ch = text[i]
        if not i or not _GLUED_BEFORE.match(text[i - 1]) or ch in ",;" and not text[i - 1].isalpha() \
                and not text[i + 1].isupper():
            continue
        if ch == "." and i + 1 < len(text) and text[i + 1] == ".":
            continue
        if runs.urlish_at(i):
            continue
        if ch == "," and _ACRONYM_COMMA.match(text, _run_start(text, i)):
            continue  # "Bộ VH,TT&DL": the comma of the full name kept in its initials
        if ch == ".":
            word = _word_before(text, i)
            if word.lower() in _DOTTED_ABBREVIATIONS or len(word) == 1 or not _VOWEL.search(word):
                continue  # "Tp.HCM", "Đ.Mãi", initials without a vowel ("Ch.Beka-ria", "Th.Hà")
        yield Hit(i, i + 1, Message(N_("Missing space after “{mark}”"), mark=ch), suggestions=(ch + " ",))


_DATE_WITH_SPACE = re.compile(r"(?<![\d/])(\d{1,2})( *)/( *)(\d{1,2})( *)/( *)(\d{4})(?![\d/])")
_SLASH_SPACE = re.compile(r" /|/ ")


@rule("spacing.date", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def space_in_date(doc, ctx):
    """Dấu cách trong ngày tháng: "10/5/ 2022" → "10/5/2022"."""
    text = doc.text
    seen = -1
    for near in _SLASH_SPACE.finditer(text):  # dates with a space are rare: look only around " /" and "/ "
        if near.start() < seen:
            continue
        lo = max(0, near.start() - 12)
        m = _DATE_WITH_SPACE.search(text, lo, min(len(text), near.end() + 12))
        if m is None or m.start() < seen or not (m.group(2) or m.group(3) or m.group(5) or m.group(6)):
            continue
        if (m.start() and text[m.start() - 1] in "0123456789/") or text[m.end():m.end() + 1] in tuple("0123456789/"):
            continue
        seen = m.end()
        fixed = f"{m.group(1)}/{m.group(4)}/{m.group(7)}"
        yield Hit(m.start(), m.end(), Message(N_("Space inside a date → “{fixed}”"), fixed=fixed), suggestions=(fixed,))


# "hội thảo , tại", "năm 2022 .", "( xem )", "“ Đổi mới ”". An ellipsis may follow a space.
# The blank is matched rather than looked behind for: a pattern that opens with a character class
# lets the engine scan for it (3x faster over a long text).
_SPACE_BEFORE = re.compile(r"[ \t\u00a0]([,.;:!?)\]”])(?=[\s\"”’)\]]|$)")
# The space on the wrong side: "thay đổi ,mọi người", "TX .Đông Triều" (a full stop, colon, ! or ? only
# before a capital: ".com", "1 .5" are no such slip). The lookbehind lets a match start only at a run's
# first space.
_WRONG_SIDE = re.compile(rf"(?<=\w)[ \t\u00a0]+(?:([,;])(?={L}|{U})|([.:!?])(?={U}))")
_SPACE_AFTER_OPEN = re.compile(r"[(\[“][ \t\u00a0]++(?=\S)")
_BLANK = " \t\u00a0"


@rule("spacing.before_punct", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def space_before_punctuation(doc, ctx):
    """Dấu cách trước dấu câu hoặc sau ngoặc mở: "hội thảo , tại", "( xem )", "“ Đổi mới ”"; or on the
    wrong side of it: "thay đổi ,mọi người" → "thay đổi, mọi người"."""
    text = doc.text
    for m in _WRONG_SIDE.finditer(text):
        mark = m.group(1) or m.group(2)
        yield Hit(m.start(), m.end(), Message(N_("Space on the wrong side of “{mark}”"), mark=mark),
                  suggestions=(mark + " ",))
    for m in _SPACE_BEFORE.finditer(text):
        end = m.start(1)
        nxt = text[end]
        if nxt == "." and text.startswith("..", end) or nxt in ":;" and text[end + 1:end + 2] in ("(", ")", "-"):
            continue  # an ellipsis, an emoticon ":)"
        start = end
        while start > 0 and text[start - 1] in _BLANK:
            start -= 1
        if start == 0 or text[start - 1].isspace() or text[start - 1] in "([“":
            continue
        yield Hit(start, end, Message(N_("Space before “{mark}”"), mark=nxt), suggestions=("",))
    for m in _SPACE_AFTER_OPEN.finditer(text):
        prev = text[m.start()]
        if prev == "(" and text[max(0, m.start() - 2):m.start()].lstrip(" -")[-1:] in (":", ";"):
            continue  # the mouth of ":(" or ":-("
        yield Hit(m.start() + 1, m.end(), Message(N_("Space after “{mark}”"), mark=prev), suggestions=("",))


_DOUBLE = re.compile(r"  +")


@rule("spacing.double", category="spacing", severity="info", safe=True, fields=ALL_FIELDS)
def double_space(doc, ctx):
    """Dấu cách kép giữa hai từ: "Tập huấn  với chủ đề".

    Information, not a warning: the source really has two spaces, but every place the article is
    published (HTML, Markdown, ninjs) collapses a run of spaces inside a paragraph, so no reader
    ever sees it, and the safe fixes (F5, `bientap fix`) remove it whatever its severity. On real
    pages and news it was the commonest warning (0.9-1.7 per 1,000 words: pasted text, paragraphs
    joined by the scraper) and it crowded out the findings a reader would see. A house style that
    prints from plain text can raise it again: `"spacing.double" = "warning"`.
    """
    text = doc.text
    for m in _DOUBLE.finditer(text):
        if not m.start() or text[m.start() - 1].isspace() or m.end() == len(text) or text[m.end()].isspace():
            continue
        yield Hit(m.start(), m.end(), Message(N_("Doubled space")), suggestions=(" ",))


_NBSP = re.compile(r"[\u00a0\u202f\u2007]")
_NBSP_OR_SPACE = " \u00a0\u202f\u2007"


@rule("spacing.nbsp", category="spacing", severity="warning", safe=True, prose_only=True,
      fields=ALL_FIELDS)
def non_breaking_space(doc, ctx):
    r"""Dấu cách không ngắt (NBSP) lẫn trong văn bản: "Đại biểu\u00a0 Ban Tuyên giáo".

    NBSP mixed with spaces, or alone between words or at a line start, is left over from the web
    page. A NBSP between a number and its unit ("10\u00a0km") is typography and is kept.
    """
    text = doc.text
    n, done = len(text), -1
    for m in _NBSP.finditer(text):
        if m.start() < done:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _NBSP_OR_SPACE:
            start -= 1
        while end < n and text[end] in _NBSP_OR_SPACE:
            end += 1
        done = end
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if after == "\n":
            continue  # trailing whitespace: spacing.trailing
        if before == "\n":
            yield Hit(start, end, Message(N_("Non-breaking space at line start")), suggestions=("",), severity="info")
            continue
        run = text[start:end]
        if " " not in run and len(run) == 1 and before.isdigit():
            continue
        mixed = " " in run or len(run) > 1
        yield Hit(start, end, Message(N_("Non-breaking space {space} between words: use one space"), space=visible(run)),
                  suggestions=(" ",), severity=None if mixed else "info")


_TRAILING = " \t\u00a0\u202f"


@rule("spacing.trailing", category="spacing", severity="info", safe=True, fields=ALL_FIELDS)
def trailing_space(doc, ctx):
    """Khoảng trắng cuối dòng: spaces or NBSP after the last word of a line."""
    text = doc.text
    for start, end in doc.lines:
        if end > start and text[end - 1] in _TRAILING:
            i = end - 1
            while i > start and text[i - 1] in _TRAILING:
                i -= 1
            yield Hit(i, end, Message(N_("Trailing whitespace")), suggestions=("",))


# "kinh tế- xã hội", "2021- 2025", "kinh tế -xã hội": a dash spaced on one side only.
_DASH = re.compile(r"[-–—]")


@rule("spacing.dash", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def dash_spacing(doc, ctx):
    """Gạch nối cách lệch: "kinh tế- xã hội", "2021- 2025" → "kinh tế - xã hội", "2021 - 2025"."""
    text = doc.text
    n = len(text)
    for m in _DASH.finditer(text):
        i = m.start()
        dash = text[i]
        before = text[i - 1] if i else "\n"
        after = text[i + 1] if i + 1 < n else "\n"
        if _is_word(before) and after == " ":
            # "kinh tế- xã hội": glued on the left, spaced on the right
            end = i + 1
            while end < n and text[end] == " ":
                end += 1
            if end < n and _is_word(text[end]):
                code = _broken_code(text, i, end)
                if code:  # "XR- B2040": one code, joined again rather than spaced out (the editor's call)
                    yield Hit(i, end, Message(N_("A code broken by a space: “{code}”"), code=code), suggestions=(dash,),
                              safe=False)
                    continue
                yield Hit(i, end, Message(N_("Space the “{dash}” evenly on both sides"), dash=dash), suggestions=(f" {dash} ",))
        elif before == " " and after.isalpha():
            # "kinh tế -xã hội" (but not "-5 độ" or a list dash at the line start)
            start = i
            while start > 0 and text[start - 1] == " ":
                start -= 1
            # The line's start from the document's index: searching back for "\n" from every
            # dash read a long line once per dash.
            if start > doc.line_starts[doc.line_index(start)] and _is_word(text[start - 1]):
                yield Hit(start, i + 1, Message(N_("Space the “{dash}” evenly on both sides"), dash=dash),
                          suggestions=(f" {dash} ",))


# A model or product code on both sides of the dash: two to six capitals and digits before it, and
# after it a capital and a digit ("XR- B2040"); a number alone after it is a dateline's or a period's
# ("TP HCM- 10 giờ", "quý I- 2024") and is spaced as before.
_CODE_BEFORE = re.compile(r"(?<![\w.-])[0-9]{0,3}[A-Z][A-Z0-9]{1,4}\Z")
_CODE_AFTER = re.compile(r"(?=[0-9]{0,8}[A-Z])(?=[A-Z]{0,3}[0-9])[A-Z0-9]{2,10}(?![\w])")


def _broken_code(text: str, dash: int, after: int) -> str | None:
    """The code a dash glued on the left and spaced on the right cuts in two ("XR- B2040" →
    "XR-B2040"), else None: capitals and digits on both sides, a capital and a digit after the dash."""
    right = _CODE_AFTER.match(text, after)
    if right is None:
        return None
    left = _CODE_BEFORE.search(text, max(0, dash - 6), dash)
    return None if left is None else text[left.start():dash + 1] + right.group()


def _opens_quote(text: str, pos: int) -> bool:
    """The straight quote at `pos` opens a quotation: a word after it, none glued before it."""
    return pos + 1 < len(text) and text[pos + 1].isalnum() and (pos == 0 or not text[pos - 1].isalnum())


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_BRACKETS = re.compile(r"[()\[\]“”\"]")
_PAIRS = {")": "(", "]": "[", "”": "“"}


def _list_marker(text: str, line_start: int, pos: int) -> bool:
    """ "a) ...", "1) ...": a list marker closes a parenthesis nobody opened."""
    j = pos
    while j > line_start and pos - j < 3 and _is_word(text[j - 1]):
        j -= 1
    return 1 <= pos - j <= 2 and (j == line_start or text[j - 1].isspace())


# An emoticon's eyes (":", ";", "=", an optional nose) after a blank or at a line start, then its
# mouth: one bracket, or a run of one kind ("=)))" is laughter).
_EYES = re.compile(r"(?<!\S)[:;=]-?[()\[\]]")
_EMOTICON = re.compile(r"(?<!\S)[:;=]-?(([()\[\]])\2*)(?![\w])")


def _emoticon_brackets(line: str, offset: int) -> dict[int, bool]:
    """Positions of emoticon brackets in a line: True for the first of a mouth, False for repeats."""
    out: dict[int, bool] = {}
    for m in _EMOTICON.finditer(line):
        for k in range(m.start(1), m.end(1)):
            out[offset + k] = k == m.start(1)
    return out


# A quotation may run on into the next paragraphs: closed there, or re-opened at the start of each
# (“... ¶ “... ”), the convention for quoting a speech paragraph by paragraph.
QUOTE_CARRY_LINES = 2


@rule("spacing.brackets", category="spacing", severity="warning", safe=False, fields=ALL_FIELDS)
def unbalanced(doc, ctx):
    """Ngoặc hoặc ngoặc kép không cân: an opening quote or bracket never closed, or a closing one
    never opened.

    Brackets pair within their paragraph; a “quotation” may run on into the next two paragraphs,
    or re-open at the start of each paragraph it spans. Example: Hội thảo: "Khoa học, công nghệ
    và đổi mới sáng tạo ... (no closing quote).

    A quotation opened with one kind of mark and closed with the other (“...", "...”) is one
    fault, not two: it is reported once, at the straight quote, with the curly mark that pairs.
    The brackets of an emoticon (":)", ";-(", "=))") open and close nothing. In a text cut off
    mid-sentence, what its unfinished last sentence opens may close in the missing part: not read.
    """
    text = doc.text
    if not _BRACKETS.search(text):
        return
    bad: list[int] = []
    mixed: dict[int, str] = {}  # straight quotes that pair with a curly one: the curly mark to use
    carried: int | None = None  # an open “ from an earlier paragraph
    carried_for = 0  # paragraphs it has run through
    for start, end in doc.lines:
        line = text[start:end]
        if not line.strip():
            continue
        stack: list[tuple[str, int]] = []
        # How many of each opener the stack holds: whether a closer has its opener somewhere
        # below the top is answered without reading the stack ("((((...]]]]" read it per "]").
        depth = dict.fromkeys("([“", 0)
        if carried is not None:
            if line.lstrip()[:1] == "“":
                carried, carried_for = None, 0  # re-opened: the quotation goes on
            elif carried_for >= QUOTE_CARRY_LINES:
                bad.append(carried)
                carried, carried_for = None, 0
            else:
                stack.append(("“", carried))
                depth["“"] += 1
        if not _BRACKETS.search(line):
            if carried is not None:
                carried_for += 1
            continue
        straight: list[int] = []
        stray_close: list[int] = []  # ” with no “ open
        smileys = _emoticon_brackets(line, start) if _EYES.search(line) else {}
        for m in _BRACKETS.finditer(line):
            ch, pos = m.group(), start + m.start()
            if pos in smileys and (smileys[pos] or not depth.get(_PAIRS.get(ch, ""), 0)):
                continue  # ":)", or the rest of "=)))" when no "(" is open
            if ch == '"':
                straight.append(pos)
            elif ch in "([“":
                stack.append((ch, pos))
                depth[ch] += 1
            else:
                opener = _PAIRS[ch]
                if stack and stack[-1][0] == opener:
                    stack.pop()
                    depth[opener] -= 1
                elif depth[opener]:
                    while stack and stack[-1][0] != opener:
                        o, p = stack.pop()
                        depth[o] -= 1
                        bad.append(p)
                    stack.pop()
                    depth[opener] -= 1
                elif ch == "”":
                    stray_close.append(pos)
                elif not (ch == ")" and _list_marker(text, start, pos)):
                    bad.append(pos)
        if len(straight) % 2:
            opened = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == "“"), None)
            if opened is not None and stack[opened][1] < straight[-1]:
                del stack[opened]  # “...": one quotation, closed with the other kind of mark
                mixed[straight[-1]] = "”"
            elif stray_close and straight[0] < stray_close[0]:
                mixed[straight[0]] = "“"  # "...”
                stray_close.pop(0)
            else:
                bad.append(straight[-1])
        bad.extend(stray_close)
        was = carried
        carried = None
        if stack and stack[-1][0] == "“":
            carried = stack.pop()[1]  # may close in a later paragraph
        bad.extend(p for _, p in stack)
        carried_for = carried_for + 1 if carried is not None and carried == was else 0
    if carried is not None:
        bad.append(carried)
    if doc.stops_short:
        # The text was cut off mid-sentence: what its unfinished last sentence opened may close in
        # the part that is missing ("… chờ xe ở bến (qu").
        last = doc.last_sentence_start
        bad = [pos for pos in bad if pos < last or not (
            text[pos] in "([“" or text[pos] == '"' and _opens_quote(text, pos))]
    for pos in sorted(bad):
        ch = text[pos]
        yield Hit(pos, pos + 1, Message(N_("Unbalanced “{mark}”"), mark=ch))
    for pos, curly in sorted(mixed.items()):
        other = "”" if curly == "“" else "“"
        yield Hit(pos, pos + 1, Message(N_("Mismatched quotation marks: a \" pairs with a {other}: use {curly}"),
                                        other=other, curly=curly), suggestions=(curly,))
