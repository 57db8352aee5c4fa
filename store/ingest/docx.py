"""Reporters' Word files (`.docx`) → an article, with python-docx.

Title from the first heading (a Title or Heading style), else the first line; every paragraph in
order; a short line set wholly in bold is an intertitle and stays in the body; the author from the
document's properties when set. The text then goes through `extract_article`, as a `.txt` page
does, for the date, byline, sapo and place a reporter types at the top or the bottom.

A .docx is a zip of XML. Refused before python-docx opens it: not a zip, an archive that unpacks
to more than `max_unpacked` bytes (a zip bomb), or XML parts with a DTD. python-docx parses with
lxml set not to resolve entities and never to reach the network.
"""

from __future__ import annotations

import io
import zipfile

from bientap.checks.metadata import Extracted, extract_article
from bientap.checks.text import clean_field
from bientap.i18n import _
from bientap.store.ingest import Hints, Refused, merge

_INTERTITLE_WORDS = 15


def _guard(data: bytes, max_unpacked: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise Refused(_("not a .docx file (not a zip archive; an encrypted or old .doc file cannot be read)")) from None
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise Refused(_("not a .docx file (no word/document.xml in the archive)"))
        total = sum(info.file_size for info in archive.infolist())
        if total > max_unpacked:
            raise Refused(_("unpacks too large: {size} bytes > the limit of {cap}").format(size=total, cap=max_unpacked))
        for name in names:
            if name.endswith((".xml", ".rels")):
                with archive.open(name) as part:
                    head = part.read(max_unpacked)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise Refused(_("{name} has DOCTYPE/ENTITY declarations: refused").format(name=name))


def read_docx(data: bytes, max_unpacked: int = 100 * 1024 * 1024) -> Extracted:
    """A .docx file's bytes → its article."""
    _guard(data, max_unpacked)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise Refused(_("damaged .docx file ({error})").format(error=type(exc).__name__)) from None
    hints = Hints()
    lines: list[str] = []
    for para in document.paragraphs:
        text = " ".join(clean_field(para.text).split())
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        heading = style.startswith(("Heading", "Title")) or style in ("Tiêu đề",)
        if heading and hints.title is None and not lines:
            hints.title = text
        elif heading or _bold(para) and len(text.split()) <= _INTERTITLE_WORDS and lines:
            hints.intertitles.append(text)
        lines.append(text)
    if hints.title is None and lines:
        hints.title = lines[0]
    if not lines:
        raise Refused(_("nothing left after cleaning: the document has no text"))
    author = clean_field(document.core_properties.author or "").strip()
    if author:
        hints.byline = author
    return merge(extract_article("\n\n".join(lines)), hints)


def _bold(para) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.bold is None and para.style is not None and para.style.font.bold)
                              for r in runs)
