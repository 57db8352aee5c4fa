"""Spacing and punctuation rules: the mechanical faults a copy editor fixes without thinking.

All run as regular expressions over the whole view; every fix but unbalanced brackets is safe.
"""

from __future__ import annotations

import re

from checks.engine import rule

ALL_FIELDS = ("title", "sapo", "body")
from checks.findings import Hit
from checks.text import visible

_UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper() and chr(c).isalpha()) + \
    "".join(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x61, 0x2000) if chr(c).islower() and chr(c).isalpha()) + \
    "".join(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).islower())
U = f"[{re.escape(_UPPER)}]"
L = f"[{re.escape(_LOWER)}]"

# Short forms written with a dot and no space before a capital: "Tp.HCM", "Th.S". Lower-case
# endings only: a capital before the dot ("TP.HCM", "Đ.Mãi", "T.Chuẩn") never reaches the rule.
_DOTTED_ABBREVIATIONS = frozenset({"tp", "th", "ths", "ts", "gs", "pgs", "bs", "ks", "st", "dr", "mr", "mrs",
                                   "ms", "tx", "tt", "q", "p", "h", "tr", "no", "vs", "co", "ltd", "inc"})

# "Khánh Hòa.Tại", "kinh tế,xã hội", "nhanh;Hoạt động", "sao?Vì".
_MISSING_SPACE = re.compile(
    rf"(?<=[\w”’)\]])([.…!?;:,])(?=[“‘\"(]?{U})"  # sentence or clause end glued to a capital
    rf"|(?<={L})([,;])(?={L})"  # clause punctuation glued between lower-case words
)
# The whole non-space run around a position: a URL, an e-mail, a file name or a code.
_URLISH = re.compile(r"://|www\.|@|\\|\.(?:com|vn|net|org|gov|edu|html?|php|aspx?|jpe?g|png|pdf|docx?)\b",
                     re.IGNORECASE)


def _run_around(text: str, i: int) -> str:
    start = i
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = i
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


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
    for m in _MISSING_SPACE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "." and i + 1 < len(text) and text[i + 1] == ".":
            continue
        if _URLISH.search(_run_around(text, i)):
            continue
        if ch == ".":
            word = _word_before(text, i)
            if word.lower() in _DOTTED_ABBREVIATIONS or len(word) == 1:
                continue
        yield Hit(i, i + 1, f"Thiếu dấu cách sau “{ch}”", f"Missing space after “{ch}”", (ch + " ",))


_DATE_WITH_SPACE = re.compile(r"(?<![\d/])(\d{1,2})( *)/( *)(\d{1,2})( *)/( *)(\d{4})(?![\d/])")


@rule("spacing.date", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def space_in_date(doc, ctx):
    """Dấu cách trong ngày tháng: "10/5/ 2022" → "10/5/2022"."""
    for m in _DATE_WITH_SPACE.finditer(doc.text):
        if not (m.group(2) or m.group(3) or m.group(5) or m.group(6)):
            continue
        fixed = f"{m.group(1)}/{m.group(4)}/{m.group(7)}"
        yield Hit(m.start(), m.end(), f"Dấu cách thừa trong ngày tháng → “{fixed}”",
                  f"Space inside a date → “{fixed}”", (fixed,))


# "hội thảo , tại", "năm 2022 .", "( xem )", "“ Đổi mới ”". An ellipsis may follow a space.
_SPACE_BEFORE = re.compile(r"(?<=[^\s(\[“])[ \t\u00a0]+(?=[,.;:!?)\]”](?:[\s\"”’)\]]|$))")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[“])[ \t\u00a0]+(?=\S)")


@rule("spacing.before_punct", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def space_before_punctuation(doc, ctx):
    """Dấu cách trước dấu câu hoặc sau ngoặc mở: "hội thảo , tại", "( xem )", "“ Đổi mới ”"."""
    text = doc.text
    for m in _SPACE_BEFORE.finditer(text):
        nxt = text[m.end()]
        if nxt == "." and text.startswith("..", m.end()):
            continue
        yield Hit(m.start(), m.end(), f"Dấu cách thừa trước “{nxt}”", f"Space before “{nxt}”", ("",))
    for m in _SPACE_AFTER_OPEN.finditer(text):
        prev = text[m.start() - 1]
        yield Hit(m.start(), m.end(), f"Dấu cách thừa sau “{prev}”", f"Space after “{prev}”", ("",))


_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")


@rule("spacing.double", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def double_space(doc, ctx):
    """Dấu cách kép giữa hai từ: "Tập huấn  với chủ đề"."""
    for m in _DOUBLE.finditer(doc.text):
        yield Hit(m.start(), m.end(), "Hai dấu cách liền nhau", "Doubled space", (" ",))


_NBSP_RUN = re.compile(r"[ \u00a0\u202f\u2007]*[\u00a0\u202f\u2007][ \u00a0\u202f\u2007]*")


@rule("spacing.nbsp", category="spacing", severity="warning", safe=True, prose_only=True,
      fields=ALL_FIELDS)
def non_breaking_space(doc, ctx):
    """Dấu cách không ngắt (NBSP) lẫn trong văn bản: "Đại biểu\u00a0 Ban Tuyên giáo".

    NBSP mixed with spaces, or alone between words or at a line start, is left over from the web
    page. A NBSP between a number and its unit ("10\u00a0km") is typography and is kept.
    """
    text = doc.text
    for m in _NBSP_RUN.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if after == "\n":
            continue  # trailing whitespace: spacing.trailing
        if before == "\n":
            yield Hit(start, end, "Khoảng trắng (NBSP) đầu dòng", "Non-breaking space at line start", ("",),
                      severity="info")
            continue
        run = m.group()
        if " " not in run and len(run) == 1 and before.isdigit():
            continue
        mixed = " " in run or len(run) > 1
        yield Hit(start, end,
                  f"Dấu cách không ngắt {visible(run)!s} giữa hai từ: thay bằng một dấu cách",
                  f"Non-breaking space {visible(run)!s} between words: use one space",
                  (" ",), severity=None if mixed else "info")


_TRAILING = re.compile(r"[ \t\u00a0\u202f]+$", re.MULTILINE)


@rule("spacing.trailing", category="spacing", severity="info", safe=True, fields=ALL_FIELDS)
def trailing_space(doc, ctx):
    """Khoảng trắng cuối dòng: spaces or NBSP after the last word of a line."""
    for m in _TRAILING.finditer(doc.text):
        yield Hit(m.start(), m.end(), "Khoảng trắng thừa cuối dòng", "Trailing whitespace", ("",))


# "kinh tế- xã hội", "2021- 2025", "kinh tế -xã hội": a dash spaced on one side only.
_DASH_AFTER_ONLY = re.compile(r"(?<=\w)([-–—])( +)(?=\w)")
_DASH_BEFORE_ONLY = re.compile(rf"(?<=\w)( +)([-–—])(?=(?:{L}|{U}))")


@rule("spacing.dash", category="spacing", severity="warning", safe=True, fields=ALL_FIELDS)
def dash_spacing(doc, ctx):
    """Gạch nối cách lệch: "kinh tế- xã hội", "2021- 2025" → "kinh tế - xã hội", "2021 - 2025"."""
    text = doc.text
    for m in _DASH_AFTER_ONLY.finditer(text):
        dash = m.group(1)
        yield Hit(m.start(), m.end(), f"Dấu “{dash}” cần cách đều hai bên",
                  f"Space the “{dash}” evenly on both sides", (f" {dash} ",))
    for m in _DASH_BEFORE_ONLY.finditer(text):
        dash = m.group(2)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip():
            continue
        yield Hit(m.start(), m.end(), f"Dấu “{dash}” cần cách đều hai bên",
                  f"Space the “{dash}” evenly on both sides", (f" {dash} ",))


_BRACKETS = re.compile(r"[()\[\]“”\"]")
_PAIRS = {")": "(", "]": "[", "”": "“"}
# "a) ...", "1) ...": list markers close a parenthesis nobody opened.
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))\w{1,2}\)")


@rule("spacing.brackets", category="spacing", severity="warning", safe=False, fields=ALL_FIELDS)
def unbalanced(doc, ctx):
    """Ngoặc hoặc ngoặc kép không cân: an opening quote or bracket never closed in its paragraph.

    Example: Hội thảo: "Khoa học, công nghệ và đổi mới sáng tạo ... (no closing quote).
    """
    text = doc.text
    if not _BRACKETS.search(text):
        return
    markers = {m.end() - 1 for m in _LIST_MARKER.finditer(text)}
    for start, end in doc.lines:
        line = text[start:end]
        if not _BRACKETS.search(line):
            continue
        stack: list[tuple[str, int]] = []
        straight: list[int] = []
        bad: list[int] = []
        for m in _BRACKETS.finditer(line):
            ch, pos = m.group(), start + m.start()
            if ch == '"':
                straight.append(pos)
            elif ch in "([“":
                stack.append((ch, pos))
            elif pos not in markers:
                opener = _PAIRS[ch]
                if stack and stack[-1][0] == opener:
                    stack.pop()
                elif any(o == opener for o, _ in stack):
                    while stack and stack[-1][0] != opener:
                        bad.append(stack.pop()[1])
                    stack.pop()
                else:
                    bad.append(pos)
        bad.extend(p for _, p in stack)
        if len(straight) % 2:
            bad.append(straight[-1])
        for pos in sorted(bad):
            ch = text[pos]
            yield Hit(pos, pos + 1, f"Dấu “{ch}” không có dấu đóng/mở tương ứng trong đoạn",
                      f"Unbalanced “{ch}” in this paragraph")
