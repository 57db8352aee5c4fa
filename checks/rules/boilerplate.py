"""Boilerplate rules: lines of the website around the article, and photo captions.

Each rule reports the lines the classifier (bientap.checks.boilerplate) put under its id; the span is the
whole line without its newline, and the fix deletes it (safe: in the store a removed line stays
restorable). The same classifier decides what the importer moves out of the body.
"""

from __future__ import annotations

from collections.abc import Iterator

from bientap.checks.boilerplate import PHOTO_REF, RULE_REASONS
from bientap.checks.findings import Document, Hit, Message
from bientap.checks.registry import rule
from bientap.i18n import N_


def _lines(doc: Document, rule_id: str, message: Message | None = None) -> Iterator[Hit]:
    """The lines the classifier gave `rule_id`; by default the message names what the rule sets aside
    (RULE_REASONS, said in the finding's language too)."""
    message = message or Message(N_("Not part of the article: {reason}. Delete the line."),
                                 reason=Message(RULE_REASONS[rule_id]))
    for c in doc.line_classes:
        if c.rule == rule_id and c.end > c.start:
            yield Hit(c.start, c.end, message, ("",))


@rule("boilerplate.menu", category="boilerplate", severity="warning", safe=True)
def menu(doc, ctx):
    """Menu, thanh điều hướng lọt vào bài: chuỗi dòng ngắn không dấu câu ("Trang chủ", "Tin tức",
    "Thanh tra"), đường dẫn "Trang chủ > Tin tức"."""
    return _lines(doc, "boilerplate.menu")


@rule("boilerplate.banner", category="boilerplate", severity="warning", safe=True)
def banner(doc, ctx):
    """Tên trang, khẩu hiệu in hoa ở đầu trang: "MỪNG ĐẢNG QUANG VINH, MỪNG XUÂN NHÂM DẦN 2022!"."""
    return _lines(doc, "boilerplate.banner")


@rule("boilerplate.widget", category="boilerplate", severity="warning", safe=True)
def widget(doc, ctx):
    """Nút chức năng của trang: "In trang Xuất PDF", "-A A +A", "Chia sẻ", "Từ khóa: ..."."""
    return _lines(doc, "boilerplate.widget")


@rule("boilerplate.footer", category="boilerplate", severity="warning", safe=True)
def footer(doc, ctx):
    """Chân trang: "Bản quyền @ 2017 thuộc về ...", "Địa chỉ: ...", "Điện thoại: ...; Email: ..."."""
    return _lines(doc, "boilerplate.footer")


@rule("boilerplate.counter", category="boilerplate", severity="warning", safe=True)
def counter(doc, ctx):
    """Bộ đếm truy cập: "Thống kê truy cập", "Truy cập tổng 1.983.286"."""
    return _lines(doc, "boilerplate.counter")


@rule("boilerplate.file_path", category="boilerplate", severity="warning", safe=True)
def file_path(doc, ctx):
    """Đường dẫn tệp ảnh sót lại từ Word: "Description: C:\\Users\\...\\IMG_4774.JPG"."""
    return _lines(doc, "boilerplate.file_path")


@rule("boilerplate.url", category="boilerplate", severity="warning", safe=True)
def url(doc, ctx):
    """Đường dẫn đứng riêng một dòng: "https://thuathienhue.gov.vn/"."""
    return _lines(doc, "boilerplate.url")


@rule("boilerplate.related", category="boilerplate", severity="warning", safe=True)
def related(doc, ctx):
    """Danh sách tin liên quan: "Các tin khác", "Tin cùng chuyên mục" và các tít bên dưới."""
    return _lines(doc, "boilerplate.related")


@rule("boilerplate.comments", category="boilerplate", severity="warning", safe=True)
def comments(doc, ctx):
    """Khung bình luận của bạn đọc dưới bài: "Ý kiến bạn đọc", "Gửi bình luận", "Bình luận (12)"."""
    return _lines(doc, "boilerplate.comments")


@rule("boilerplate.duplicate", category="boilerplate", severity="warning", safe=True)
def duplicate(doc, ctx):
    """Đoạn lặp lại y hệt một đoạn phía trên (chú thích ảnh, đoạn văn dán hai lần)."""
    return _lines(doc, "boilerplate.duplicate")


@rule("boilerplate.caption", category="boilerplate", severity="info", safe=True)
def caption(doc, ctx):
    """Chú thích ảnh giữa các đoạn: "Đồng chí ... phát biểu tại hội thảo", "Quang cảnh hội thảo"."""
    return _lines(doc, "boilerplate.caption", Message(
        N_("Photo caption: the photo does not travel with the text; delete the line (keep it if the photo runs).")))


@rule("boilerplate.photo_ref", category="boilerplate", severity="warning", safe=True)
def photo_ref(doc, ctx):
    """Tham chiếu tới ảnh không còn trong bài: "(ảnh dưới)", "(ảnh trên)"."""
    yield from _lines(doc, "boilerplate.photo_ref")
    message = Message(N_("Photo reference \"(ảnh dưới)\": the photo does not travel with the text. Delete it."))
    classes = doc.line_classes
    text = doc.text
    for m in PHOTO_REF.finditer(text):
        c = classes[doc.line_index(m.start())]
        if c.rule == "boilerplate.photo_ref" or c.kind == "boilerplate":
            continue
        start = m.start() - 1 if m.start() and text[m.start() - 1].isspace() else m.start()
        yield Hit(start, m.end(), message, ("",))
