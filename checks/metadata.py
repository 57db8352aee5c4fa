"""Metadata from a raw scraped page: tít, sapo, date, bút danh, source, place — and the clean body.

`extract_article` reads the boilerplate classifier's verdicts (bientap.checks.boilerplate): the title line,
date/byline/source lines, and every line that is not article prose, which it moves out of the body
into `removed` (restorable at the paragraph it stood before). Nothing is guessed: a field the page
does not show stays None.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from bientap.checks.boilerplate import (
    MONTH_MARK,
    agency_credit,
    byline_name,
    tags_of_line,
    unmarked,
    classify_lines,
    find_dates,
    find_time,
    is_caps,
    is_section,
    author_box_name,
    without_pictographs,
    name_beside_date,
    source_of_line,
    tab_headline,
    url_host,
    words,
)

# The 2025 merger of provinces took effect on this date: later articles use the 34 new names.
MERGER_DATE = "2025-07-01"


@dataclass
class RemovedLine:
    """A line moved out of the body at import; `position` = index of the body paragraph it stood before."""

    position: int
    kind: str  # boilerplate | caption | metadata
    # The classifier's rule id and, after a space, its evidence: "boilerplate.menu run=5",
    # "metadata.byline after_text" (bientap.checks.boilerplate.explain_reason says it in words).
    reason: str
    text: str

    @property
    def rule(self) -> str:
        return self.reason.partition(" ")[0]


@dataclass
class Extracted:
    """An article as the page shows it: None where the page does not say (never a guess)."""

    title: str | None = None
    sapo: str | None = None
    body: str = ""
    published_at: str | None = None
    byline: str | None = None
    source: str | None = None
    source_url: str | None = None
    location: str | None = None
    tags: list[str] = field(default_factory=list)  # from a keyword line ("Từ khóa: a, b")
    removed: list[RemovedLine] = field(default_factory=list)


_SPACES = " \t\u00a0\u202f\u2007\u200b\ufeff"
# A lead opening with its outlet: "(Dân trí) - ", "(Chinhphu.vn) - ", "TTO - ", "PhuthoPortal - ".
# The outlet's name is the whole [\w.] run the lead opens with: a capital, then another capital or
# a dot somewhere. Atomic at the first such one: trying every later one (the run's end is the same)
# made a long capitalized run quadratic.
_SOURCE_PREFIX = re.compile(
    r"^(?:\(([^()\d]{2,30})\)|((?>[A-ZĐ][\w.]*?[A-ZĐ.])[\w.]*+|[A-ZĐ]{2,10}|[\w-]+\.(?:vn|com|net|org)(?:\.vn)?))"
    r"\s*[-–—]\s*\S")
# A copyright line's owner: "Bản quyền thuộc về Báo Khánh Hòa", "© 2023 Báo Khánh Hòa".
_COPYRIGHT = re.compile(r"bản quyền|copyright|©", re.I)
_OWNER_AFTER = re.compile(r"[^\n]*?(?:thuộc(?: về)?|of|by)\s+(.{4,120}?)\s*\.?$", re.I)
_OWNER_SIGN = re.compile(r"©|copyright", re.I)
# What follows the owner's name on the line: "© 2024 VnExpress.net, All rights reserved".
_RIGHTS_TAIL = re.compile(r"[\s,.;|•·–—-]*(?:all rights reserved|bảo lưu mọi quyền|giữ bản quyền)\b.*$", re.I)
_OWNER_DATED = re.compile(r"\s*(?:\d{4}\s*[-–]?\s*)?(?:\d{4})?\s*(?:by\s+)?([^\d\s].{3,100}?)\s*\.?$", re.I)
_LEAD_DATE_CUE = re.compile(r"(?:ngày|hôm|sáng|chiều|tối|trưa|đêm)\s*$", re.I)
# A date (and time) glued before the headline on one line: "08/08/2023 17:26Hàng trăm thực khách…".
_DATED_TITLE = re.compile(
    r"(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?:[ ,]{0,2}-?[ ]?\d{1,2}[:h]\d{2}(?::\d{2})?)?)[ |,–-]{0,3}(?=[^\W\d_])")

# ... or glued after it: "Hàng trăm thực khách đau bụng sau bữa tiệc cưới08/08/2023 17:26" (glued:
# a headline that ends in a date of its own has a space before it).
_TITLE_DATED = re.compile(
    r"(?<=[^\W\d_])(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?:[ ,]{0,2}-?[ ]?\d{1,2}[:h]\d{2}(?::\d{2})?)?)"
    r"[ ]?(?:\(?GMT ?[+-] ?\d{1,2}(?::?00)?\)?)?$")


def extract_article(text: str) -> Extracted:
    """Split a cleaned page (LF, NFC) into the article's fields, its body and the removed lines."""
    text = unwrapped(text)
    classes = classify_lines(text)
    lines = [text[c.start:c.end].strip(_SPACES) for c in classes]
    out = Extracted()
    paragraphs: list[str] = []
    byline_line, byline_why = None, ""
    source_lines: list[str] = []
    urls: list[str] = []
    footer_lines: list[str] = []
    date_lines: list[tuple[int, str]] = []  # (0 under the title, 1 above it, 2 after the prose began; line)
    for c, s in zip(classes, lines):
        if c.kind == "blank":
            continue
        if c.kind == "title" and out.title is None:
            dated = _DATED_TITLE.match(s)
            if dated and len(s) - dated.end() >= 12:
                date_lines.append((0, dated.group(1)))
                s = s[dated.end():]
            elif (dated := _TITLE_DATED.search(s)) and dated.start() >= 12:
                date_lines.append((0, dated.group(1)))
                s = s[:dated.start()]
            if c.evidence == "tab_title":
                s = tab_headline(s) or s
            s = unmarked(s)
            headline = _section_prefix(_unglued_section(s))
            if headline != s and s.endswith(headline):
                # the section's name the site printed before the headline: listed, as every line
                # the body and the fields leave out is
                label = s[:len(s) - len(headline)].strip(" |｜")
                out.removed.append(RemovedLine(0, "boilerplate", "boilerplate.menu section_prefix", label))
            # zero-width spaces a CMS left in it; a pictograph a fan page opens it with ("🔴 CẢNH GIÁC …")
            out.title = without_pictographs(headline.replace("\u200b", "").replace("\ufeff", "")) or None
            continue
        if c.kind == "body":
            if not MONTH_MARK.fullmatch(s):  # the web archive's " date 2022-09" dates nothing, opens nothing
                paragraphs.append(s)
                continue
            out.removed.append(RemovedLine(len(paragraphs), "boilerplate", "boilerplate.menu", s))
            continue
        if c.kind == "metadata":
            if c.rule == "metadata.date":
                date_lines.append((2 if paragraphs else 0 if out.title is not None else 1, s))
            elif c.rule == "metadata.byline" and c.evidence == "author_box":
                if byline_line is None:  # (a bút danh found before it stays)
                    byline_line, byline_why = author_box_name(" ".join(s.split())) or s, c.evidence
            elif c.rule == "metadata.byline" and c.evidence != "affiliation":  # (the line under the name)
                byline_line, byline_why = s, c.evidence
            elif c.rule == "metadata.source":
                source_lines.append(s)
            elif c.rule == "metadata.tags":
                out.tags.extend(t for t in tags_of_line(s) if t not in out.tags)
        elif c.rule == "boilerplate.url":
            urls.append(s)
        elif c.rule == "boilerplate.footer":
            footer_lines.append(s)
        out.removed.append(RemovedLine(len(paragraphs), c.kind, f"{c.rule} {c.evidence}".rstrip(), s))

    # The sapo is the lead: the first paragraph, when it reads as one (not a subhead) and more follow.
    if len(paragraphs) >= 2 and len(paragraphs[0].split()) >= 8:
        out.sapo = paragraphs[0]
        body = paragraphs[1:]
        for r in out.removed:
            r.position = max(0, r.position - 1)
    else:
        body = paragraphs
    out.body = "\n\n".join(body)

    # The article's date line sits by its title: the first one under it, else the last one above
    # it (a header may show today's date further up), else the first one after the text began.
    by_place = {0: [], 1: [], 2: []}
    for place, t in date_lines:
        by_place[place].append(t)
    # A header line that says it gives the publication ("Đăng ngày …", "Ngày xuất bản: …") wins over
    # a bare date by the title, which may be the site's "today" (an obituary's page: "Thứ Tư,
    # 04/03/2026" under the site's name, "Đăng ngày 03/03/2026 | 16:40" over the text).
    cued = [t for t in by_place[0] + by_place[1] if _PUBLISHED.search(t)]
    date_line = (cued[:1] or by_place[0][:1] or by_place[1][-1:] or by_place[2][:1] or [None])[0]
    lead = out.sapo or (paragraphs[0] if paragraphs else "")
    out.published_at = _date_from_line(date_line) if date_line else None
    if out.published_at is None and lead:
        out.published_at = _date_from_lead(lead)

    if byline_line:
        # a pen name of one word the classifier found closing the text ("Nhân") stands as written
        out.byline = byline_name(byline_line) or agency_credit(byline_line) or (
            byline_line.strip() if byline_why == "pen_name" else None)
    if out.byline is None and date_line:
        out.byline = name_beside_date(date_line)

    url = urls[0] if urls else None
    for s in source_lines:
        value = source_of_line(s)
        if value and s.lstrip("([ ").lower().startswith("theo"):
            # "Theo Minh Anh (Báo Nghệ An)": a reporter's article taken from another outlet. A
            # "bút danh" that is only that outlet's name (an aggregator prints it under the
            # headline: "Đất Việt Mới") gives way to the reporter.
            reporter, outlet = _reporter(value)
            if reporter and (out.byline is None or outlet and _same_outlet(out.byline, outlet)):
                out.byline, value = reporter, outlet
        if value and value.lower().startswith(("http", "www.")):
            url = url or value
            value = url_host(value)
        if value and out.source is None:
            out.source = value
    out.source_url = url
    if out.source is None and lead:
        m = _SOURCE_PREFIX.match(lead)
        if m:
            out.source = (m.group(1) or m.group(2)).strip()
    if out.source is None and out.byline:
        out.source = _byline_outlet(out.byline) or _byline_theo(byline_line or "")
    if out.source is None:
        for s in footer_lines:
            found = _copyright_owner(s)
            if found:
                owner = re.split(r"[.;|]\s|\s[-–]\s", found)[0].strip(" .,-–")
                if owner and not owner[0].isdigit():
                    out.source = owner
                    break
    if out.source is None and url:
        out.source = url_host(url)

    out.location = locate(out.title or "", lead, body,
                          [r.text for r in out.removed], out.published_at)
    return out


# A line a PDF's copy broke inside a sentence: this long at least, no sentence's or clause's end, no
# tab inside (a running header: "Bản tin Khoa học\tSố 11/2025\t6"), and the next line goes on in lower
# case, not as a list's item, an address or a table's row. A page is read as such a copy only where
# it has WRAPPED_LINES of them at least: a web page never breaks its lines so, a PDF bulletin copied
# whole always does, and one line of a headline before "iPhone 15 …" is no sign.
WRAPPED_CHARS = 55
WRAPPED_LINES = 3
_LINE_END = tuple(".!?…:;\"”’)]»")
_NOT_GOING_ON = re.compile(r"[a-zđ]\)|[a-zđ]\.\s|\S*(?:://|www\.|\.(?:vn|com|net|org)\b)")


def unwrapped(text: str) -> str:
    """`text` with the lines a PDF's copy wrapped inside a sentence joined again (WRAPPED_CHARS,
    WRAPPED_LINES): "… những năm gần" / "đây, dịch bệnh …" is one paragraph's line. Anything else
    stays as it is."""
    lines = text.split("\n")
    joins = [k for k in range(1, len(lines)) if _wrapped(lines[k - 1], lines[k])]
    if len(joins) < WRAPPED_LINES:
        return text
    joined = set(joins)
    out: list[list[str]] = []
    for k, line in enumerate(lines):
        if k in joined:
            out[-1].append(line.strip(_SPACES))
        else:
            out.append([line.rstrip(_SPACES) if k + 1 in joined else line])
    return "\n".join(" ".join(parts) for parts in out)


def _wrapped(prev: str, line: str) -> bool:
    """Whether `line` goes on the sentence a PDF's copy broke at the end of `prev`."""
    prev = prev.rstrip(_SPACES)
    return (len(prev) >= WRAPPED_CHARS and not prev.endswith(_LINE_END) and "\t" not in prev.lstrip("\t")
            and line[:1].islower() and "\t" not in line and not _NOT_GOING_ON.match(line))


def _same_outlet(name: str, outlet: str) -> bool:
    """Whether `name` is `outlet` written without its kind ("Đất Việt Mới", "Báo Đất Việt Mới")."""
    def bare(x: str) -> str:
        return _OUTLET_KIND.sub("", " ".join(x.split())).strip(" ()").lower()
    return bare(name) == bare(outlet)


_OUTLET_KIND = re.compile(r"^\(?(?:báo điện tử|báo|tạp chí|đài|trang|cổng thông tin điện tử)\s+", re.I)
_OUTLET_SPLIT = re.compile(r"\s*(?:\(|/|\s[-–|]\s)\s*")


def _unglued_section(s: str) -> str:
    """The headline without a section name glued before it: "Kinh tếXuất khẩu thủy sản ...",
    "KINH TẾXuất khẩu ..." → "Xuất khẩu thủy sản ..." (glued: no space before the headline's capital)."""
    for i in range(2, min(len(s) - 12, 40)):
        if s[i].isupper() and s[i - 1].isalpha() and (s[i - 1].islower() or s[i + 1].islower()):
            return s[i:] if is_section(s[:i]) else s
    return s


_PREFIXED = re.compile(r"([^|｜]{2,30}?)\s*[|｜]\s*(\S.*)")


def _section_prefix(s: str) -> str:
    """The headline without the section a site prints before it and a bar: "THỜI SỰ | Hà Nội ra quân
    …", "V-LEAGUE | Ngược dòng …" → the headline (a section's name or a label in capitals, four words
    at most; the headline capitalised, four words at least). A dash is the headline's own ("Du lịch -
    Mũi nhọn kinh tế của tỉnh", "Hà Nội - Thành phố vì hòa bình")."""
    m = _PREFIXED.fullmatch(s)
    if m is None:
        return s
    label, rest = m.group(1).strip(), m.group(2)
    if words(rest) < 4 or not rest[:1].isupper() or words(label) > 4:
        return s
    return rest if is_section(label) or is_caps(label) else s


def _reporter(value: str) -> tuple[str | None, str | None]:
    """(the reporter, the outlet) a "Theo ..." line names: "Minh Anh (Báo Nghệ An)", "Minh Anh/VOV",
    "Minh Anh - VnExpress", "Minh Anh | Dân Việt" → ("Minh Anh", outlet); else (None, None). Only with an outlet after the
    name: "Theo Thanh Niên" alone names the paper. A reporter is two to four syllables, each a
    capital and lower-case letters; an office or agency ("Sở Y tế", "TTXVN") is no reporter."""
    parts = _OUTLET_SPLIT.split(value, maxsplit=1)
    if len(parts) < 2:
        return None, None
    name, outlet = parts[0], parts[1].strip(" ()/")
    syllables = name.split()
    if not outlet or not 2 <= len(syllables) <= 4 or agency_credit(name) \
            or not all(t[0].isupper() and t[1:].isalpha() and t[1:].islower() for t in syllables):
        return None, None
    return byline_name(name), outlet


# An outlet's own name after a reporter's: a paper, a magazine, a station ("Báo Quảng Ninh", "Tạp chí
# Cộng sản", "Đài PT-TH Nghệ An") or a broadcaster's or agency's initials, a channel number allowed
# ("VOV1", "TTXVN", "VTV", a district's "HTTV"). An office or a school in brackets ("Trung tâm Y tế
# huyện Cam Lộ", "UBND") is where the writer works, and "PV", "CTV", "BTV" what the writer is: neither
# is where the article came from.
_OUTLET_NAME = re.compile(r"(?i:báo|tạp chí|đài|truyền hình|phát thanh)\s+\S.*"
                          r"|(?:VOV|VTV|VTC|HTV|THVL|TTXVN|VNA|VNS)[A-Z0-9.+-]*|[A-ZĐ]{2,4}TV")


def _byline_outlet(byline: str) -> str | None:
    """The outlet a byline credits beside its reporter: "Hoàng Lâm (Báo Quảng Ninh)", "Thu Hà/VOV1"
    → the article came from that outlet; else None."""
    reporter, outlet = _reporter(byline)
    if reporter is None or not outlet:
        return None
    return outlet if _OUTLET_NAME.fullmatch(outlet) else None


_BYLINE_THEO = re.compile(r"\((?:theo|nguồn:?)\s+([^()]{2,60})\)$", re.I)


def _byline_theo(line: str) -> str | None:
    """The outlet a bút danh says it wrote from: "Thanh Tâm (Theo Reuters)" → "Reuters" — a name
    (capitalised, five words at most, or "báo"/"tạp chí" before one), not a document ("Theo báo cáo
    của UBND tỉnh")."""
    m = _BYLINE_THEO.search(line.strip())
    if m is None:
        return None
    said = m.group(1).strip()
    name = _OUTLET_KIND.sub("", said)
    return said if name[:1].isupper() and len(said.split()) <= 5 else None


def _copyright_owner(s: str) -> str | None:
    """Who a footer line says owns the copyright, else None.

    "... thuộc về X" is read from the first copyright sign on (a later sign could only find less),
    then "© 2023 X" at each sign in turn: one pass each, where one pattern tried both at every
    sign ("©©©..." read the line to its end from each). Blanks are collapsed first: a long run of
    them is read once, not once for every way the patterns' optional blanks could share it."""
    s = " ".join(s.split())
    first = _COPYRIGHT.search(s)
    if first is None:
        return None
    m = _OWNER_AFTER.match(s, first.end())
    if m:
        return _RIGHTS_TAIL.sub("", m.group(1)) or None
    for sign in _OWNER_SIGN.finditer(s, first.start()):
        m = _OWNER_DATED.match(s, sign.end())
        if m and not _OWNER_SIGN.match(m.group(1)):  # "© Copyright 2024 X": the owner follows the last sign
            return _RIGHTS_TAIL.sub("", m.group(1)) or None
    return None


# What says a date line gives the publication, not an update ("Đăng nhập", "Đăng ký" beside today's
# date say nothing).
_PUBLISHED = re.compile(r"\b(?:đăng (?:ngày|lúc|vào)|ngày đăng|xuất bản|published|posted)\b|(?<!người )\bđăng\s*:", re.I)


def _date_from_line(s: str) -> str | None:
    dates = find_dates(s)
    if not dates:
        return None
    k, start = 0, 0
    if len(dates) > 1 and not _PUBLISHED.search(s, 0, dates[0][0]):
        # a later date that says it is the publication's, after an update's ("Cập nhật: 20/11/2025
        # 07:12 | Đăng: 20/11/2025 06:30"): from its cue on
        for j in range(1, len(dates)):
            cue = _PUBLISHED.search(s, dates[j - 1][0], dates[j][0])
            if cue:
                k, start = j, cue.start()
                break
    _, y, mo, d = dates[k]
    # the time printed by this date, not by a later one ("Ngày đăng: 05/12 | Cập nhật: 06/12 08:30")
    said = s[start:dates[k + 1][0]] if len(dates) > k + 1 else s[start:]
    t = find_time(said)
    if t:
        # Vietnamese sites print local time (UTC+7), unless the line names another zone: a time in
        # UTC ("2026-12-05T03:40:00Z", "03:40 GMT") is given in the newsroom's time.
        zone = _zone_offset(said)
        when = datetime(y, mo, d, *t, tzinfo=timezone(VIETNAM if zone is None else zone))
        return when.astimezone(timezone(VIETNAM)).isoformat()
    return f"{y:04d}-{mo:02d}-{d:02d}"


VIETNAM = timedelta(hours=7)
# The zone a date line names: an ISO stamp's offset ("…T03:40:00Z", "…T10:40+07:00"; a clock range
# "08:30-17:00" is none), or GMT/UTC with or without an offset ("GMT+7", "(UTC+07:00)", "03:40 GMT").
_ISO_ZONE = re.compile(r"\dT\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})\b")
_NAMED_ZONE = re.compile(r"\b(?:GMT|UTC)(?:\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?)?\b", re.I)


def _zone_offset(s: str) -> timedelta | None:
    """The offset from UTC of the zone a date line names, else None (also for an offset no zone
    has, beyond 14 hours: "GMT+25")."""
    got = _written_offset(s)
    return got if got is not None and abs(got) <= timedelta(hours=14) else None


def _written_offset(s: str) -> timedelta | None:
    """The offset the zone on a date line says, as written."""
    m = _ISO_ZONE.search(s)
    if m:
        z = m.group(1)
        if z == "Z":
            return timedelta(0)
        sign = -1 if z[0] == "-" else 1
        return sign * timedelta(hours=int(z[1:3]), minutes=int(z[-2:]))
    m = _NAMED_ZONE.search(s)
    if m is None:
        return None
    if not m.group(1):
        return timedelta(0)
    offset = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return offset if m.group(1) == "+" else -offset


def _dateline_place(s: str) -> bool:
    """Whether `s`, all that stands before a date at a lead's start, is a dateline's place: one to
    four capitalised words and a comma ("Hà Nội, ", "TP.HCM, ")."""
    s = s.rstrip()
    place = s[:-1].split()
    return s.endswith(",") and 1 <= len(place) <= 4 and all(w[:1].isupper() and not any(c.isdigit() for c in w)
                                                             for w in place)


def _date_from_lead(lead: str) -> str | None:
    """The event date a lead gives ("Ngày 16/5/2022", "Chiều ngày 10/5/2022", a press release's
    dateline "Hà Nội, ngày 15 tháng 9 năm 2026 –", a place's name and a comma before it at the lead's
    start, not a date the story tells of: "Tại Quảng trường Ba Đình, ngày 2 tháng 9 năm 1945"): one
    introduced by a time word wins over dates in parentheses or ranges ("(18/5/2013 - 18/5/2023)")."""
    dates = find_dates(lead)
    for pos, y, mo, d in dates:
        if _LEAD_DATE_CUE.search(lead[max(0, pos - 12):pos]) or (
                lead[pos:pos + 4].lower() == "ngày" and _dateline_place(lead[:pos])):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# ---- place ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Provinces:
    old: dict[str, str]  # key → short name before the merger
    new: dict[str, str]  # key → short name after it
    merged_into: dict[str, str]  # old key → new key
    pattern: re.Pattern
    by_form: dict[str, str]  # lower-cased written form → old key
    cities: frozenset[str]  # forms that name a provincial city (Nha Trang → Khánh Hòa), weaker evidence


def _admin_data_path() -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "address" / "data" / "mapping.json"
    return path if path.exists() else None


# Forms newsrooms write that differ from the data's short names (old key → extra forms).
_EXTRA_FORMS = {
    "thanhphohue": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế"],
    "thanhphohochiminh": ["TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "Sài Gòn - TP.HCM"],
    "tinhbariavungtau": ["Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "BR-VT"],
    "tinhdaklak": ["Đăk Lăk", "Đắc Lắc", "Daklak"],
    "tinhdaknong": ["Đăk Nông", "Đắc Nông"],
    "tinhbackan": ["Bắc Cạn"],
    "tinhkontum": ["Kontum"],
}
_PREFIX = r"(?:(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s*+)"
# Names that are as often a person's: they count only after "TP."/"thành phố" (or as "TP.HCM").
_NEEDS_PREFIX = frozenset({"thanhphohochiminh"})
_CITY_ROW = re.compile(rb'"old_province_key":\s*"(\w+)",\s*"old_district":\s*"' + "Thành phố ".encode()
                       + rb'([^"]+)"')
# Provincial cities whose names are also given names or common ward names elsewhere.
_AMBIGUOUS_CITIES = frozenset({"Vinh", "Tân An", "Thuận An", "Phú Mỹ", "Tân Uyên", "Sông Công", "Long Khánh"})


@lru_cache(maxsize=1)
def _provinces() -> _Provinces | None:
    path = _admin_data_path()
    if path is None:
        return None
    raw = path.read_bytes()
    # The file is 5 MB, almost all of it the ward table: parse only the province part before it
    # (0.3 s → a few ms), and pick the provincial cities out of the ward table by pattern.
    cut = raw.find(b'"ward_mapping"')
    data = json.loads(raw[:cut].rstrip().rstrip(b",") + b"}") if cut > 0 else json.loads(raw)
    old = {k: v["short"] for k, v in data["old_province_names"].items()}
    new = {k: v["short"] for k, v in data["province_names"].items()}
    merged_into = dict(data.get("province_mapping", {}))
    by_form: dict[str, str] = {}
    for key, short in old.items():
        forms = {short, _modern_tone(short), *_EXTRA_FORMS.get(key, [])}
        for f in forms:
            by_form[f.lower()] = key
    cities = set()
    for key_b, name_b in set(_CITY_ROW.findall(raw, cut if cut > 0 else 0)):
        key, name = key_b.decode(), name_b.decode()
        if key in old and name.lower() not in by_form and name not in _AMBIGUOUS_CITIES:
            for f in {name, _modern_tone(name)}:
                by_form[f.lower()] = key
                cities.add(f.lower())
    alternation = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    # Case-insensitive match, then a capital check: "hòa bình" (peace) is not Hòa Bình.
    pattern = re.compile(rf"(?<!\w)({_PREFIX})?({alternation})(?!\w)", re.I)
    return _Provinces(old, new, merged_into, pattern, by_form, frozenset(cities))


_MODERN = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
           "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}


_ADMIN_NAME = re.compile(rb'"(?:old_district|old_ward|new_ward)":\s*"([^"]+)"')
_ADMIN_KIND = re.compile(r"^(?:quận|huyện|thị xã|thành phố|phường|xã|thị trấn)\s+", re.I)


@lru_cache(maxsize=1)
def admin_names() -> frozenset[str]:
    """Every district's and ward's name in underthesea's administrative data, lower-cased, without
    its kind ("quận ninh kiều" → "ninh kiều"); read once, on first use (about 50 ms)."""
    path = _admin_data_path()
    if path is None:
        return frozenset()
    names = {_ADMIN_KIND.sub("", m.group(1).decode()).lower() for m in _ADMIN_NAME.finditer(path.read_bytes())}
    return frozenset(names)


def place_names() -> frozenset[str]:
    """The provinces' names, before and after the merger, and the provincial cities', as written
    ("Quảng Ngãi", "Điện Biên Phủ"); empty without underthesea's administrative data."""
    p = _provinces()
    if p is None:
        return frozenset()
    cities = (" ".join(w[:1].upper() + w[1:] for w in c.split()) for c in p.cities)
    return frozenset((*p.old.values(), *p.new.values(), *cities))


def _modern_tone(name: str) -> str:
    """"Khánh Hòa" → "Khánh Hoà" (the newer tone-mark placement some sites use)."""
    for a, b in _MODERN.items():
        name = name.replace(a, b)
    return name


def locate(title: str, lead: str, body: list[str], removed: list[str], published_at: str | None) -> str | None:
    """The province or centrally governed city the story is about, as named at its date.

    Mentions are counted with weights by where they stand (title, then lead, then body, then the
    site around the article); a "tỉnh X"/"TP. X" mention counts more than a bare name, a
    provincial city ("Nha Trang", "Đà Lạt") half as much as its province.
    """
    prov = _provinces()
    if prov is None:
        return None
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    order = 0
    for weight, texts in ((4.0, [title]), (3.0, [lead]), (1.0, body), (0.3, removed)):
        for t in texts:
            if not t:
                continue
            for m in prov.pattern.finditer(t):
                name = m.group(2)
                if not all(w[0].isupper() for w in name.replace("-", " ").replace("–", " ").split() if w[0].isalpha()):
                    continue
                key = prov.by_form[name.lower()]
                if key in _NEEDS_PREFIX and not m.group(1) and name.lower() == prov.old[key].lower():
                    continue  # "tư tưởng Hồ Chí Minh": the person, not the city
                bonus = 1.5 if m.group(1) else 1.0
                if name.lower() in prov.cities:
                    bonus *= 0.5
                scores[key] = scores.get(key, 0.0) + weight * bonus
                first.setdefault(key, order)
                order += 1
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -first[k]))
    if published_at and published_at[:10] >= MERGER_DATE:
        new_key = prov.merged_into.get(best, best)
        return prov.new.get(new_key, prov.old[best])
    return prov.old[best]
