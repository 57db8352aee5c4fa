"""HTML pages (`.html`, `.htm`) → an article, through the same line classifier as flattened text.

The main text comes from trafilatura. Why it: in the published comparisons of main-content
extractors (Bevendorff et al., SIGIR 2023, on eight datasets; the ScrapingHub article-extraction
benchmark; trafilatura's own on 750 documents) it is at or near the top on F1 with the best
balance of precision and recall, it has no language model to go wrong on Vietnamese, it runs on
lxml (the same tree we sanitise first), and dates come from its sibling htmldate. Readability ports
score lower on recall (they drop short paragraphs and bylines); boilerpipe needs Java.

How the two meet: trafilatura alone, on the test pages built from the seeds, lost the date
line a portal prints above its <h1> and a sapo set in a bold <div>, so the *line classifier* still
reads the whole page flattened block by block — exactly what a `.txt` page is, and what it is
tuned on — and trafilatura's main text decides only what the classifier cannot: a short line it
kept as body ("Các tin khác", a widget's heading) that lies outside the main text is chrome.

The path: decode (BOM, then the page's meta charset; Windows-1258 as bientap.checks.text.decode_bytes
does) → parse with lxml, drop scripts, styles, comments, forms, embedded objects and hidden
elements → read the hints the structure states (h1/og:title, <time>/meta dates, author meta,
figcaption, h2/h3 intertitles) → flatten one paragraph per block → `extract_article`, as for a
`.txt` page (its removed lines are restorable as for one) → `merge` the hints over its guesses →
short lines outside trafilatura's main text out → htmldate when no date was found.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bientap.checks.metadata import Extracted, RemovedLine, extract_article
from bientap.checks.text import DecodeError, Decoded, clean_field, decode_bytes
from bientap.i18n import _
from bientap.store.articles import normalize_date
from bientap.store.ingest import Hints, Refused, merge

# Elements whose content is never article text.
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math",
         "canvas", "form", "button", "select", "textarea", "input", "dialog")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"hidden", "d-none", "hide", "sr-only", "visually-hidden", "invisible"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "li",
           "dl", "dt", "dd", "table", "tr", "td", "th", "thead", "tbody", "caption", "blockquote", "pre",
           "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr", "center"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "dc.date.issued", "dc.date", "date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author")


@dataclass
class Page:
    extracted: Extracted
    encoding: str


def decode_html(data: bytes) -> Decoded:
    """A page's text: a BOM decides; else the charset its <meta> declares, when it is Windows-1258
    (which bientap.checks.text only guesses); else UTF-8, or Windows-1258 when the bytes read as Vietnamese
    (bientap.checks.text.decode_bytes). A declared charset that is neither is refused unless the bytes are
    plain ASCII (entities then carry every letter) or valid UTF-8 (the declaration was wrong)."""
    declared = None
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET.search(data[:4096])
        if m:
            try:
                declared = codecs.lookup(m.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                declared = m.group(1).decode("ascii", "replace")
    if declared == "cp1258" and not data.isascii():
        if b"\x00" in data:
            raise Refused(_("binary file (NUL bytes)"))
        try:
            return Decoded(data.decode("cp1258"), "windows-1258")
        except UnicodeDecodeError as exc:
            raise Refused(_("cannot be read as windows-1258 (invalid byte at offset {offset})").format(
                offset=exc.start)) from None
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        if declared and declared not in ("utf-8", "cp1258", "ascii", "utf-16"):
            raise Refused(_("unsupported charset {charset}: use UTF-8").format(charset=declared)) from None
        raise Refused(str(exc)) from None
    if declared and declared not in ("utf-8", "cp1258", "ascii", "utf-16") and decoded.encoding == "windows-1258":
        raise Refused(_("unsupported charset {charset}: use UTF-8").format(charset=declared))
    return decoded


def parse(text: str):
    """A sanitised lxml tree of `text`: no scripts, styles, comments, processing instructions,
    forms, embedded objects or hidden elements. libxml2's HTML parser never loads a DTD, never
    expands an entity a document declares and never touches the network."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                  default_doctype=False)
    data = _XML_DECLARATION.sub("", text).encode("utf-8", "surrogatepass")
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise Refused(_("unreadable HTML ({error})").format(error=exc)) from None
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments, entities that survived
            _drop(el)
        elif el.tag in _DROP or _hidden(el):
            _drop(el)
    return root


def _hidden(el) -> bool:
    attrs = el.attrib
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if el.tag == "input" or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    return bool(_HIDDEN_CLASSES.intersection(attrs.get("class", "").split()))


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:  # the text after a dropped element is still the page's
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


def hints_of(root) -> Hints:
    """What the page's structure says: see Hints. Captions are taken out of the tree."""
    hints = Hints()
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    body = root.find("body") if root.find("body") is not None else root
    h1 = next((t for t in (text_of(h) for h in body.iter("h1")) if t), None)
    hints.title = _field(h1 or metas.get("og:title") or metas.get("twitter:title"))
    hints.published_at = _stated_date(root, metas)
    for key in _AUTHOR_META:
        value = metas.get(key, "")
        if value and not value.lower().startswith(("http", "www.")) and value != metas.get("og:site_name"):
            hints.byline = _field(value)
            break
    if hints.byline is None:
        for el in body.iter():
            if isinstance(el.tag, str) and (el.get("rel") == "author" or el.get("itemprop") == "author"):
                hints.byline = _field(text_of(el))
                if hints.byline:
                    break
    hints.source = _field(metas.get("og:site_name"))
    canonical = next((link.get("href") for link in root.iter("link") if link.get("rel") == "canonical"), None)
    url = (canonical or metas.get("og:url") or "").strip()
    hints.source_url = _field(url) if url.lower().startswith(("http://", "https://")) else None
    for fig in list(body.iter("figcaption")):
        caption = _field(text_of(fig))
        if caption:
            hints.captions.append(caption)
        _drop(fig)
    for h in body.iter("h2", "h3", "h4"):
        following = h.getnext()
        if following is not None and following.tag in ("ul", "ol") and following.find(".//a") is not None:
            heading = _field(text_of(h))
            if heading:
                hints.list_headings.append(heading)
            continue
        if following is not None and len(text_of(following).split()) >= 12:
            heading = _field(text_of(h))
            if heading:
                hints.intertitles.append(heading)
    return hints


def _field(value: str | None) -> str | None:
    value = clean_field(value or "").strip()
    return " ".join(value.split()) or None


def _stated_date(root, metas: dict[str, str]) -> str | None:
    """The published date the page states outright: meta, else the article's <time datetime>."""
    article = next(root.iter("article"), root)
    found = [metas.get(key) for key in _DATE_META] + [el.get("datetime") for el in article.iter("time")]
    for value in found:
        if not value:
            continue
        try:
            return normalize_date(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
    return None


def _guessed_date(root) -> str | None:
    """htmldate's reading of the page (URL patterns, date-looking markup), when neither the
    structure nor the text's date line says."""
    import htmldate

    try:
        return htmldate.find_date(root, extensive_search=False, original_date=True)
    except Exception:  # a heuristic: a page it cannot read has no date to give
        return None


def flatten(el) -> list[str]:
    """The text of `el` as paragraphs: one per block element, `<br>` breaking lines inside one."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        block = node.tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if node.tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(el)
    text = "".join(parts)
    out = []
    for para in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            out.append(para)
    return out


def fragment_text(html: str) -> tuple[str, list[str]]:
    """A piece of HTML (a feed's `content:encoded`, a record's `html`) as article text, paragraphs
    apart, and its captions (kept out of the text)."""
    root = parse(f"<html><body>{html}</body></html>")
    hints = hints_of(root)
    body = root.find("body")
    paragraphs = flatten(body if body is not None else root)
    return clean_field("\n\n".join(paragraphs)), hints.captions


def main_text(root) -> str:
    """trafilatura's main text of the page, paragraphs one per line (empty when it finds none)."""
    import copy

    import trafilatura

    text = trafilatura.extract(copy.deepcopy(root), output_format="txt", include_comments=False,
                               include_tables=True, include_images=False, include_links=False,
                               include_formatting=False, deduplicate=False, with_metadata=False)
    return text or ""


def read_page(data: bytes) -> Page:
    """An HTML page's bytes → its article (extracted as a `.txt` page is, structure first)."""
    decoded = decode_html(data)
    root = parse(decoded.text)
    hints = hints_of(root)
    body = root.find("body")
    text = clean_field("\n\n".join(flatten(body if body is not None else root)))
    if not text.strip():
        raise Refused(_("nothing left after cleaning: only markup, scripts or hidden text"))
    ex = merge(extract_article(text), hints)
    _outside_main(ex, main_text(root))
    if not ex.body.strip() and not ex.sapo:
        raise Refused(_("no article text found in the page"))
    if ex.published_at is None:
        ex.published_at = _guessed_date(root)
    return Page(ex, decoded.encoding)


def _outside_main(ex: Extracted, main: str) -> None:
    """Short body lines trafilatura placed outside the main text ("Tin liên quan", a widget's
    heading) are chrome the line classifier alone could not tell: moved to the removed lines.
    Prose stays whatever trafilatura says (it drops real paragraphs more often than the classifier
    keeps chrome); so does everything when trafilatura found no main text."""
    if len(main.split()) < 50:
        return
    kept = " ".join(main.split()).casefold()
    paragraphs = ex.body.split("\n\n")
    body: list[str] = []
    moved: list[RemovedLine] = []
    for para in paragraphs:
        if len(para.split()) < 12 and " ".join(para.split()).casefold() not in kept:
            moved.append(RemovedLine(len(body), "boilerplate", "boilerplate.outside_main", para))
        else:
            body.append(para)
    if moved:
        ex.body = "\n\n".join(body)
        ex.removed = sorted(ex.removed + moved, key=lambda r: r.position)
