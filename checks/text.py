"""Text primitives shared by every layer: decoding, cleaning, folding, visible escapes.

Pure functions over `str`/`bytes`; nothing here touches the store or the screen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bientap.i18n import _

NBSP = "\u00a0"
# Characters that print as nothing (zero-width space and joiners, word joiner, BOM, soft hyphen,
# direction marks): scraped text carries them between words and at its ends.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
# What may stand between words and still be a gap: spaces, NBSP and the invisible characters.
BLANK = " \t" + NBSP + INVISIBLE


def rstrip_blank(text: str) -> str:
    """`text` less what prints as nothing at its end: spaces of any kind, newlines, invisible characters."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in BLANK):
        end -= 1
    return text[:end]

# Units and currencies written in letters, upper-cased: "5 KW", "10 kg", "USD" are no abbreviation to
# define and no word cut short.
UNITS = frozenset("KW MW GW KWH MWH GWH TWH KV MV HP GB MB KB TB PB HZ MHZ GHZ KM CM MM ML MG HA KG "
                  "USD VND EUR JPY CNY PPM CO2 PH OK".split())

# Bidi embedding/override/isolate controls: they reorder what the reader sees.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZWJ = "\u200d"
# Characters an article field keeps besides printable text.
_KEEP_CONTROLS = frozenset("\n\t")


class DecodeError(ValueError):
    """Raw bytes that cannot become article text (binary, undecodable, empty)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_VIETNAMESE_CP1258 = re.compile(r"[\u0300\u0301\u0303\u0309\u0323ăâđêôơưĂÂĐÊÔƠƯ]")


def decode_bytes(data: bytes) -> Decoded:
    """Decode scraped bytes: UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1258.

    The BOM is stripped; newlines are left as they are (offsets count against this text).
    Raises DecodeError with a reason an editor can read.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    if encoding == "utf-16":
        try:
            text = body.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-16 hỏng (invalid UTF-16 at byte {exc.start})") from None
    else:
        if b"\x00" in body:
            raise DecodeError("tệp nhị phân (binary file: NUL bytes)")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _try_cp1258(body)
            if text is None:
                raise DecodeError(_("not UTF-8 text: invalid byte at offset {offset}").format(offset=exc.start)) from None
            encoding = "windows-1258"
    if "\x00" in text:
        raise DecodeError(_("binary file: NUL characters"))
    if not text.strip():
        raise DecodeError(_("empty file") if not text else _("whitespace only"))
    if _looks_binary(text):
        raise DecodeError(_("binary file: control characters"))
    return Decoded(text, encoding)


def _try_cp1258(body: bytes) -> str | None:
    """Windows-1258 is the legacy Vietnamese code page; accept it only when it reads as Vietnamese."""
    try:
        text = body.decode("cp1258")
    except UnicodeDecodeError:
        return None
    high = sum(1 for ch in text if ord(ch) > 127)
    if not high:
        return None
    vietnamese = len(_VIETNAMESE_CP1258.findall(text))
    return text if vietnamese / high >= 0.6 else None


# Control characters (category Cc) other than \t \n \v \f \r and ESC.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_BINARY_CONTROLS.findall(sample))
    return controls > max(8, len(sample) // 50)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF or unicodedata.category(ch) == "So"


def dropped_characters(text: str) -> list[tuple[int, str]]:
    """Positions of characters that never belong in a stored article field.

    C0/C1 controls other than newline and tab, bidi overrides, ZWJ outside emoji, and lone
    surrogates (a JSON feed can spell one; no database text can hold it).
    """
    out = []
    for i, ch in enumerate(text):
        if ch in _KEEP_CONTROLS or ch == "\r":
            continue
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in BIDI_CONTROLS:
            out.append((i, ch))
        elif ch == ZWJ:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (before and after and (_is_emoji(before) or before == "\ufe0f") and _is_emoji(after)):
                out.append((i, ch))
    return out


# Any character dropped_characters might drop; most articles have none, so one regex scan decides.
_MAYBE_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200d\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]")


def clean_field(text: str) -> str:
    """Text as stored in an article field: LF newlines, NFC, no controls or bidi overrides."""
    text = normalize_newlines(text)
    if _MAYBE_DROPPED.search(text):
        drop = {i for i, _ in dropped_characters(text)}
        if drop:
            text = "".join(ch for i, ch in enumerate(text) if i not in drop)
    return nfc(text)


@lru_cache(maxsize=1)
def _long_mark_runs() -> re.Pattern:
    """Runs of more than 16 characters that decompose to combining marks only (canonical combining
    class above 0; all of them lie below U+20000). Built on first use: 10-odd ms."""
    ranges: list[list[int]] = []
    for cp in range(0x20000):
        ch = chr(cp)
        if unicodedata.combining(ch) or (unicodedata.decomposition(ch) and all(
                unicodedata.combining(d) for d in unicodedata.normalize("NFD", ch))):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    cls = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[{cls}]{{17,}}")


def _in_canonical_order(m: re.Match) -> str:
    marks = "".join(unicodedata.normalize("NFD", ch) for ch in m.group())
    return "".join(sorted(marks, key=unicodedata.combining))


def canonical_order(text: str) -> str:
    """`text` with every long run of combining marks decomposed and put in canonical order (a
    stable sort by combining class), the first thing NFC and NFD do. unicodedata sorts by
    insertion, in time quadratic in the run: "a" and 64,000 alternating dot-below and acute
    accents took 3 s, 200,000 half a minute. Normalizing the result gives the same text."""
    if text.isascii():
        return text
    return _long_mark_runs().sub(_in_canonical_order, text)


def nfc(text: str) -> str:
    """unicodedata.normalize("NFC", text), in time linear in the text."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", canonical_order(text))


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Diacritic-insensitive form for search: "Đổi mới" → "doi moi" (đ folds to d)."""
    decomposed = _COMBINING.sub("", unicodedata.normalize("NFD", canonical_order(
        text.replace("đ", "d").replace("Đ", "d"))))
    # Marks outside the usual blocks are rare: look at each distinct character once, not at every one.
    if not decomposed.isascii() and any(unicodedata.combining(ch) for ch in set(decomposed)):
        decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return decomposed.lower()


def visible(text: str) -> str:
    """Show control and format characters as escapes, keep everything else literal.

    ESC, bidi overrides and zero-width characters would act on the terminal or hide; an editor
    must see them. Newline and tab stay as they are.
    """
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp", "Cs") and ch != ZWJ:
            cp = ord(ch)
            out.append(f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}")
        else:
            out.append(ch)
    return "".join(out)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins; lines break at \\n, \\r\\n and \\r only. Without a
    carriage return, str.find jumps from one line feed to the next (8x faster than the pattern)."""
    starts = [0]
    if "\r" in text:
        starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        return starts
    find, append = text.find, starts.append
    i = find("\n")
    while i >= 0:
        append(i + 1)
        i = find("\n", i + 1)
    return starts


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
