"""Which lines of a scraped news page are the article, and which are the site around it.

One verdict per line (`classify_lines`), used twice: the importer moves non-article lines out of
the body (restorable), and `bientap check` reports them as `boilerplate.*` findings.

Built from how Vietnamese news and portal pages are laid out, not from any one site:

- a header (site name in capitals, slogan banners, menus: runs of short lines without sentence
  punctuation, breadcrumbs, search boxes, print/share/font-size widgets) above the title;
- the title, often a date line ("14/05/2022 10:38", "Ngày cập nhật 13/01/2023"), the lead (sapo);
- prose paragraphs, with photo captions (a short line without a final period that says who does
  what "tại hội thảo"), Word alt-text leftovers ("Description: C:\\...\\IMG_4774.JPG"), subheads;
- the bút danh (byline) as the last short name-like line, a source line ("Nguồn: ...") or URL;
- below it, related-news lists, more menus, visitor counters and a copyright/address/phone footer.

Pure regular expressions and counting: a 5 KB page takes well under a millisecond.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from bientap.checks.vietnamese import SURNAMES, U
from bientap.i18n import N_, translate

KINDS = ("body", "title", "blank", "boilerplate", "caption", "metadata")

# rule id → what the rule sets aside, a catalog msgid (i18n/vi/checks.po): for the boilerplate
# rules' messages and the removed-lines list.
RULE_REASONS: dict[str, str] = {
    "boilerplate.menu": N_("site menu or navigation"),
    "boilerplate.banner": N_("banner slogan or site header"),
    "boilerplate.widget": N_("site widget (print/share buttons, weather, prices)"),
    "boilerplate.footer": N_("footer: copyright, address, contact"),
    "boilerplate.counter": N_("visitor counter"),
    "boilerplate.file_path": N_("leftover image file path"),
    "boilerplate.url": N_("lone URL"),
    "boilerplate.related": N_("related-news list"),
    "boilerplate.comments": N_("reader comments block"),
    "boilerplate.duplicate": N_("duplicated paragraph"),
    "boilerplate.caption": N_("photo caption"),
    "boilerplate.photo_ref": N_("photo reference \"(ảnh dưới)\""),
    "metadata.date": N_("date line"),
    "metadata.byline": N_("byline"),
    "metadata.source": N_("source line"),
    "metadata.tags": N_("keyword line (becomes tags)"),
    "title": N_("title"),
    # Set aside by the page's HTML structure at import (store/ingest), not by the line classifier.
    "boilerplate.list_heading": N_("heading over a list of links (Other news…)"),
    "boilerplate.outside_main": N_("short line outside the page's main text"),
    "caption.figcaption": N_("photo caption (an HTML figcaption)"),
}


# The evidence behind a verdict (LineClass.evidence: a key, or "key=detail") → a catalog msgid,
# "{n}" standing for the detail (a count): what the removed-lines list says about each line.
EVIDENCE: dict[str, str] = {
    "widget": N_("only site buttons or words (print, share, search, a time…)"),
    "attachment": N_("attachment or download link"),
    "weather": N_("a weather box (temperature, humidity, air quality)"),
    "market": N_("a price board (gold, fuel, exchange rates)"),
    "pipes": N_("{n} short items separated by |"),
    "spaced": N_("{n} menu items set wide apart"),
    "breadcrumb": N_("breadcrumb (Home > …)"),
    "category": N_("the article's category field (Danh mục: …)"),
    "run": N_("{n} short lines in a row, no sentence"),
    "above_title": N_("above the title, in the site header"),
    "tab_title": N_("the page's title as the browser tab shows it (headline - site)"),
    "above_text": N_("above the first paragraph, in the site header"),
    "label_under_title": N_("short section label between title and text"),
    "label_under_date": N_("short label between date line and text"),
    "author_box": N_("the author's name with a follow button or a count of followers"),
    "affiliation": N_("the author's post and office, under the name"),
    "section_prefix": N_("the section's name printed before the headline (Kinh tế | …)"),
    "series": N_("another part of the series (Bài 1: …)"),
    "headlines": N_("{n} headlines of other articles in a row inside the text, no paragraph"),
    "after_end": N_("after the article ended (byline or end marker)"),
    "heading": N_("heading of a site block (Related news, Read more…)"),
    "link_arrow": N_("a link to another article (>> …)"),
    "under_heading": N_("inside a related-news block"),
    "footer_words": N_("footer words (copyright, address, licence…)"),
    "contact": N_("phone number or email, not a sentence"),
    "notice": N_("site notice (cookies, app download, hotline)"),
    "slogan": N_("slogan in capitals"),
    "date": N_("only a date, time and weekday"),
    "date+name": N_("date and time with the byline"),
    "date+label": N_("date and time with a section name or site buttons"),
    "date_under_title": N_("a short line with a date right under the title"),
    "under_title": N_("author's name right under the title"),
    "over_title": N_("author's name right above the title"),
    "after_lead": N_("author's name between the lead and the text"),
    "today": N_("today's date in the site header, not the publication date"),
    "agency": N_("the office signing, right after the last paragraph"),
    "after_text": N_("author's name right after the last paragraph"),
    "pen_name": N_("a one-word pen name after the last paragraph, over the disclaimer or the comments"),
    "sign_off": N_("author's name closing the article, site below it"),
    "credit": N_("photo credit (Ảnh: …)"),
    "image": N_("an image as the page's conversion to text left it (![…](…))"),
    "after_image": N_("right by an image"),
    "caption_shape": N_("short picture description: who does what where, no full stop"),
}


def explain_reason(reason: str, lang: str = "vi") -> str:
    """A stored reason ("boilerplate.menu run=5", or an older bare rule id) in words; anything else as is."""
    rule, _, evidence = reason.partition(" ")
    if rule not in RULE_REASONS:
        return reason
    return explain(rule, evidence, lang)


def tags_of_line(s: str) -> list[str]:
    """The keywords on a tag line: "Từ khóa: Festival Huế, Nam Giao, di sản" → three tags."""
    m = _TAGS.match(s)
    if not m:
        return []
    out = []
    for t in _TAG_SEPARATORS.split(s[m.end():]):
        t = t.strip(" .:-–")
        if t and len(t) <= 60 and t not in out:
            out.append(t)
    return out


def explain(rule: str, evidence: str = "", lang: str = "vi") -> str:
    """Why a line was set aside, in the editor's words: the rule's name, then the evidence.

    >>> explain("boilerplate.menu", "run=5", "en")
    'site menu or navigation: 5 short lines in a row, no sentence'
    """
    name = RULE_REASONS.get(rule)
    head = translate(name, lang) if name else rule
    key, _, detail = evidence.partition("=")
    said = EVIDENCE.get(key)
    if said is None:
        return head
    return f"{head}: {translate(said, lang).format(n=detail)}"


@dataclass(frozen=True)
class LineClass:
    """The verdict for one line: `start`/`end` exclude the newline; `rule` names the rule that fired,
    `evidence` what made the call (a key of EVIDENCE, possibly "=detail"), `reason` both in Vietnamese."""

    start: int
    end: int
    kind: str
    rule: str
    reason: str
    evidence: str = ""


# ---- line-local patterns ---------------------------------------------------------------------------

_SPACES = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" \
          "\u200b\u200c\u200d\ufeff"
_SENTENCE_END = tuple(".!?…;:")
_WORD = re.compile(r"\w+", re.UNICODE)

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s:?#]+)", re.I)
_FILE_PATH = re.compile(
    r"(?:^(?:description|mô tả|alt|caption)\s*:\s*\S)"
    r"|(?:\b[a-z]:\\)"
    r"|(?:file:///)"
    r"|(?:^\S+\.(?:jpe?g|png|gif|bmp|webp|tiff?)$)",
    re.I,
)
# A web archive's month marker at the top of an excerpt (" date 2022-09"): no headline, no date.
MONTH_MARK = re.compile(r"date \d{4}-\d{2}")
# An image as a conversion to text leaves it: "![]() |", "![Quang cảnh buổi lễ](/uploads/a.jpg)".
_IMAGE_MARK = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)[\s|]*")
# Attachments under an article: "Quyết định 123.signed.pdf", "Tải về", "Tài liệu đính kèm".
_ATTACHMENT = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar)$|^(?:tải về|tải xuống|(?:file|tệp|tài liệu|văn bản) đính kèm)\b", re.I)
_COUNTER = re.compile(
    r"^(?:thống kê truy cập|lượt truy cập|số lượt truy cập|tổng(?: số)? lượt(?: truy cập| xem)?|"
    r"truy cập|đang (?:truy cập|online|xem|trực tuyến)|trực tuyến|online|hôm nay|hôm qua|tuần này|"
    r"tháng này|năm nay|tổng cộng|lượt xem|lượt đọc|số lượt(?: xem| đọc)?|đã xem|visitors?|khách)\b"
    r"[\s:]*+(?:\w++\s*+){0,3}+[\s:]*+[\d.,\s]*+$",  # possessive: "\w+\s*" split a long word three ways
    re.I,
)
_COUNTER_HEAD = re.compile(r"^(?:thống kê truy cập|số lượt truy cập|lượt truy cập)$", re.I)
_FOOTER = re.compile(
    r"^(?:bản quyền|copyright|©|\(c\)\s*\d{4}|@\s*\d{4}|địa chỉ\s*:|trụ sở\s*:|điện thoại|đt\s*:|đtdđ\s*:|"
    r"tel\s*[:.]|fax\s*:|e-?mail\s*:|hotline|website\s*:|giấy phép|chịu trách nhiệm|"
    r"(?:phó )?trưởng ban biên tập|(?:phó )?tổng biên tập|ban biên tập|cơ quan chủ quản|"
    r"đơn vị (?:quản lý|thực hiện|vận hành|chủ quản)|thiết kế (?:bởi|và phát triển)|phát triển bởi|"
    r"powered by|all rights reserved|ghi rõ nguồn|ghi nguồn|không được sao chép|"
    r"mọi hình thức sao chép|liên hệ quảng cáo|quảng cáo\s*:|tòa soạn\s*:|toà soạn\s*:|"
    r"văn phòng đại diện|số giấy phép|thiết kế website|xây dựng bởi|thiết kế\s*:|liên hệ\s*:|"
    r"theo dõi chúng tôi|kết nối với chúng tôi|fanpage|"
    # the outlet's charter and its officers, as papers and broadcasters print them in the footer
    r"cơ quan ngôn luận|tiếng nói của (?:đảng bộ|đảng|chính quyền)|cơ quan của (?:đảng bộ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ)|"
    r"(?:phó )?(?:tổng )?giám đốc(?: đài)?\s*:|người chịu trách nhiệm|thư ký (?:tòa|toà) soạn|"
    r"(?:vận hành|quản lý) bởi|hỗ trợ kỹ thuật|(?:xem )?phiên bản (?:di động|máy tính|mobile|desktop))",
    re.I,
)
_FOOTER_ANYWHERE = re.compile(
    r"(?:©|\bbản quyền thuộc|\ball rights reserved\b|\bghi rõ nguồn\b|\bphát hành lại thông tin\b|"
    r"\b(?:mọi hình thức|nghiêm cấm|không được|cấm) (?:sao chép|trích dẫn|sử dụng lại)|"
    r"\bthuộc quyền sở hữu của (?:báo|trang|cổng|website|cơ quan|tòa soạn|toà soạn))", re.I)
# "ban@so.gov.vn". The address's local part is a run of [\w.+-] with a letter or digit in it;
# looking only at its last one, just before the "@", keeps the search from reading the whole run
# again from every start ("\b[\w.+-]+@" did, on "a.a.a.a... @").
_EMAIL = re.compile(r"\w[.+-]*+@[\w-]+(?:\.[\w-]+)+\b")
# "0914 123 456", "0255 3822 123", "(024) 3825 1234", "+84 24 3825 1234".
_PHONE = re.compile(r"(?<![\d/])(?:\+84[\s.]?|\(?0)\d{1,3}\)?[.\s-]?\d{3,4}[.\s-]?\d{3,4}(?![\d/])")
# Pictographs (emoji, symbols, dingbats, arrows, clocks, "‼"), with the joiners and the variation
# selector that build them ("👨‍👩‍👧", "⚡️"): a character class's ranges, shared by the widget words
# and by without_pictographs.
PICTOGRAPHS = "\U0001F000-\U0001FAFF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF\u203C\u2049\u200D\uFE0F\u20E3"
_WIDGET_PHRASES = re.compile(
    r"(?:"
    # a media player's and an ad slot's words: "Xem video:", "Mời quý độc giả xem video", "Tắt tiếng"
    r"(?:mời|kính mời)(?: quý)?(?: độc giả| bạn đọc| khán giả| thính giả| vị)?(?: cùng)? (?:xem|theo dõi|nghe)"
    r"(?: (?:video|clip|phóng sự|chi tiết))?(?: dưới đây| sau đây)?|"
    r"(?:bấm|nhấn|click|kích) (?:vào (?:đây|link) )?(?:để )?(?:xem|nghe)(?: video| clip)?|"
    r"xem (?:video|clip|toàn màn hình|tiếp|lại)|đọc tiếp|đang phát|phát lại|nghe (?:audio|podcast)|(?:tắt|bật) tiếng|toàn màn hình|tốc độ phát|play|pause|"
    # its controls: "Tự động phát   HD   Toàn màn hình", "Âm lượng", "720p"
    r"tự động phát|autoplay|full ?screen|âm lượng|volume|(?:un)?mute|tạm dừng|phụ đề|hd|\d{3,4}p|"
    # a read-aloud player's voices: "Giọng nữ | Giọng nam", "Chọn giọng đọc: Giọng nam miền Nam"
    r"chọn giọng(?: đọc)?|giọng (?:đọc )?(?:nam|nữ)(?: (?:miền )?(?:bắc|trung|nam))?|"
    r"(?:đăng ký|theo dõi) kênh(?: youtube)?|quảng cáo|advertisement|loading|"
    r"(?:(?:video|clip|nội dung|dữ liệu|trang) )?đang (?:được )?tải(?: (?:video|clip|nội dung|dữ liệu))?|"
    r"(?:vui lòng|xin) (?:chờ|đợi)(?: trong giây lát)?|please wait|"
    r"skip to (?:main )?content|bỏ qua nội dung|chế độ ban đêm|chế độ đọc|in trang|in bài(?: viết)?|"
    r"bản in|xuất pdf|tải pdf|đọc nội dung|nghe (?:bài viết|đọc bài|nội dung)|nghe đọc(?: bài(?: viết)?)?|"
    r"theo dõi(?: báo| chúng tôi)?(?: trên| qua)?(?: google news)?|google news|cỡ chữ|kích thước chữ|"
    r"chia sẻ(?: bài viết)?|share|tweet|gửi email|gửi bài|gửi cho bạn bè|lưu bài(?: viết)?|"
    r"bình luận|phản hồi|facebook|zalo|twitter|linkedin|youtube|quay lại|trở về|trở lại|về đầu trang|"
    r"lên đầu trang|đầu trang|thích|like|tìm kiếm|search|đăng nhập|đăng ký|đăng xuất|trang chủ|"
    r"sơ đồ (?:trang|site|cổng)|rss|email|print|top|menu|in|trả lời|báo cáo vi phạm|"
    r"\d+\s+(?:trả lời|bình luận|lượt thích|lượt chia sẻ|lượt xem|bài viết)|(?:mới|cũ|hay|quan tâm(?: nhiều)?) nhất|"
    r"bài viết hay\?|hãy đánh giá bài viết|đánh giá bài viết|"
    # a blog theme's reading time: "Reading time: 3 minutes", "Thời gian đọc: 4 phút", "5 phút đọc"
    r"(?:reading time|thời gian đọc)(?:\s?:\s?\d+\s?(?:phút|minutes?|mins?))?|(?:\d+\s?)?(?:phút|min(?:ute)?s?) (?:đọc|read)|"
    r"\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước|\(\d+\)|\d{1,2}:\d{2}(?::\d{2})?|"
    # a comment's age and its buttons on a social page: "2 ngày   Thích   Phản hồi   12"; a post's
    # age over it ("21 giờ · 🌏")
    r"\d+\s(?:giây|phút|giờ|ngày|tuần)(?:\s+(?:thích\s+)?(?:phản hồi|trả lời)(?:\s+\d+)?|(?=\s?·))|"
    # a pictograph a site prints before a count or a time ("💬 37 bình luận", "🕒 08:30", "👁 1.024")
    rf"[{PICTOGRAPHS}]+|"
    r"[-+]?a[-+]?)(?!\w)",
    re.I,
)
# A widget line is nothing but widget phrases, separators and spaces.
# Possessive: no backtracking, so no blow-up on long runs like "-a-a-a-a...".
_WIDGET_LINE = re.compile(rf"(?:{_WIDGET_PHRASES.pattern}|[\s|/•·»›>«‹<,:;.…▶►-])++", re.I)
_TAGS = re.compile(r"^(?:từ khóa|từ khoá|tags?|chủ đề|thẻ)\s*:", re.I)
# The article's category printed as a field: "Danh mục: Du lịch miền Bắc", "Chuyên mục: Thời sự".
_CATEGORY_FIELD = re.compile(r"^(?:danh mục|chuyên mục|categories|category)\s*:", re.I)
_TAG_SEPARATORS = re.compile(r"\s*[,;|#]\s*")
_RELATED_HEAD = re.compile(
    r"^(?:các |những )?(?:tin|bài|bài viết|tin tức|tin bài|tin, bài(?: viết)?)\s+(?:liên quan|khác|cùng chuyên mục|cùng loại|"
    r"mới(?: nhất)?(?: đăng)?|đã đưa|đã đăng|đọc nhiều(?: nhất)?|nổi bật|xem nhiều(?: nhất)?|tiêu điểm|"
    r"trước|sau|tiếp theo)\b"
    # a broadcaster's, alone on its line: "Video khác", "Các chương trình khác", "Phóng sự liên quan"
    r"|^(?:các |những )?(?:video|clip|chương trình|phóng sự|bản tin|podcast)\s+(?:liên quan|khác|cùng chuyên mục|"
    r"mới(?: nhất)?|xem nhiều(?: nhất)?|nổi bật)\s?:?$"
    r"|^(?:xem thêm|đọc thêm|có thể bạn quan tâm|bạn có thể quan tâm|xem tin theo ngày|"
    r"tin tức - sự kiện|tin tức sự kiện|chuyên mục khác|cùng chuyên mục|bài viết khác|tin khác|"
    r"(?:tin|bài|bài viết) cùng tác giả)\b"
    # sidebar block headings, alone on their line
    r"|^(?:video|clip|video clip|podcast|truyền hình trực (?:tiếp|tuyến)|phát thanh trực (?:tiếp|tuyến)|nghe radio|"
    r"lịch phát sóng|tin video|tin ảnh|multimedia|e-?magazine|infographics?|longform|tiêu điểm|nổi bật|"
    r"mới nhất|mới cập nhật|đọc nhiều(?: nhất)?|xem nhiều(?: nhất)?|tin nóng|tin vắn|tin mới|"
    r"xu hướng|chuyên đề|sự kiện nổi bật|thông báo|cùng chủ đề)$"
    r"|^(?:related (?:news|articles|posts|stories)|read more|see more|more news|most (?:read|viewed|popular)|"
    r"latest(?: news)?)\b",
    re.I,
)
# A link to another article set in the text: ">> Giá lúa tăng nhẹ", "» Giá lúa tăng nhẹ".
_ARROW_LINK = re.compile(r"^(?:>>|»|>)\s?[^\W\d_]")
# Site notices: cookie consent, app download, hotline, an invitation to follow the outlet on a
# platform ("Theo dõi Báo Quảng Ngãi trên Google News", "Mời bạn đọc theo dõi ... qua Zalo").
# An opinion page's words for its author's view: "… thể hiện quan điểm riêng của tác giả".
_AUTHORS_VIEW = r"quan điểm (?:riêng |cá nhân )?(?:của )?(?:tác giả|người viết)"
_NOTICE = re.compile(r"\bcookies?\b|\btải (?:ứng dụng|app)\b|^đường dây nóng\b|"
                     r"^(?:mời (?:bạn|quý)[\w ]{0,20}?)?(?:theo dõi|follow|kết nối với|quan tâm)\b[^.!?]{0,60}?"
                     r"\b(?:trên|qua|tại|on)\s+(?:google news|facebook|fanpage|zalo|youtube|tiktok|twitter)\b|"
                     r"\byour browser does not support\b|\btrình duyệt(?: của bạn)? không hỗ trợ\b|"
                     # an opinion page's disclaimer: "Nội dung bài viết thể hiện quan điểm riêng của tác giả."
                     r"^(?:nội dung )?(?:bài viết|bài)\b[^.!?]{0,20}?\b(?:thể hiện|phản ánh|là)\s(?:(?:những|các)\s)?"
                     rf"{_AUTHORS_VIEW}\b", re.I)
# The reader-comment block under an article: "Ý kiến bạn đọc", "Bình luận (12)", "Gửi bình luận".
_COMMENTS_HEAD = re.compile(
    r"^(?:ý kiến bạn đọc|ý kiến của bạn|ý kiến\s*\(\d+\)|bình luận(?:\s*\(\d+\))?|gửi (?:bình luận|ý kiến)|"
    r"viết bình luận|bạn đọc bình luận|\d+\s+bình luận|bình luận của bạn|hãy là người đầu tiên bình luận|"
    r"(?:chia sẻ|để lại|viết) (?:ý kiến|bình luận)(?: của bạn)?)"
    r"[\s.:…]*",
    re.I,
)
# Breadcrumbs: "Trang chủ > Tin tức > Kinh tế", "Trang chủ / Xã hội" (not "3/2008", not "và/hoặc").
_CRUMB_SEPARATOR = re.compile(r"\s*[>»›→]\s*|\s+[/\\]\s+")
_LIST_ITEM = re.compile(r"^(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)]|[IVXLC]{1,5}\.|[A-Z]\.)\s")
# Numbered or lettered headings ("I. KẾT QUẢ", "1. Về kinh tế"); a dash or bullet item above the
# first paragraph is a teaser list of the site ("- Mang thai ... giữ con đến cùng"), not the text.
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ][.)]|[IVXLC]{1,5}\.|[A-Z]\.)\s")
# One-line menus: "Trang chủ | Tin tức | Video | Liên hệ".
_PIPE_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
# An author's or a commenter's picture: "Ảnh đại diện của Minh Anh", "Avatar".
_AVATAR = re.compile(r"^(?:ảnh đại diện|avatar)\b", re.I)
_PHOTO_REF_LINE = re.compile(r"^\(\s*(?:ảnh|hình|clip|video)(?:\s+\w+){0,3}\s*\)$", re.I)
# Starts at the "(" so the engine can scan for it; the rule takes one space before it along.
PHOTO_REF = re.compile(r"\(\s*(?:ảnh|hình)\s+(?:dưới|trên|bên(?: dưới| trên| phải| trái)?|kèm theo)\s*\)",
                       re.I)

_SLOGAN = re.compile(
    r"\b(?:MỪNG|CHÀO MỪNG|NHIỆT LIỆT|CHÚC MỪNG|MUÔN NĂM|QUANG VINH|QUYẾT TÂM|THI ĐUA|HƯỞNG ỨNG)\b")

# Dates and times as newsrooms print them: "12/10/2026", "2026-10-12", "2026/10/12",
# "ngày 12 tháng 10 năm 2026", "12 tháng 10, 2026", and the month by name as localised blog
# software prints it ("Tháng Mười 12, 2026").
_MONTH_NAMES = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH = r"\d{1,2}|mười một|mười hai|mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|chạp"
_YEAR = r"(?:19|20)\d{2}"
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
             r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_DATE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<s>[/.-])\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>{_YEAR})(?!\d)"
    rf"|(?<!\d)(?P<y2>{_YEAR})(?P<s2>[-/.])(?P<m2>\d{{1,2}})(?P=s2)(?P<d2>\d{{1,2}})(?!\d)"
    rf"|(?:\bngày\s+)?(?<!\d)(?P<d3>\d{{1,2}})\s+tháng\s+(?P<m3>{_MONTH})(?:\s*,\s*|\s+năm\s+|\s+)(?P<y3>{_YEAR})(?!\d)"
    rf"|\btháng\s+(?P<m4>{_MONTH})\s+(?P<d4>\d{{1,2}})\s*,\s*(?P<y4>{_YEAR})(?!\d)"
    # the month abbreviated as date pickers and localised CMSs print it: "12 Th10 2026", "12 thg 10, 2026"
    rf"|(?<!\d)(?P<d5>\d{{1,2}})\s+th(?:g|\.)?\s?(?P<m5>\d{{1,2}})\s*,?\s*(?P<y5>{_YEAR})(?!\d)"
    # in English, as blog software under an English locale prints it: "October 12, 2026", "12 Oct 2026"
    rf"|\b(?P<m6>{_EN_MONTH})\.?\s+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y6>{_YEAR})(?!\d)"
    rf"|(?<!\d)(?P<d7>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m7>{_EN_MONTH})\.?\s*,?\s*(?P<y7>{_YEAR})(?!\d)"
    # the year in two digits, as some CMSs print it ("12/3/21", "12-03-21 08:30"): one separator
    # twice and no more numbers joined on either side ("1.2.10.4", "12/3/215" are no dates)
    rf"|(?<![\d/.-])(?P<d8>\d{{1,2}})(?P<s8>[/.-])(?P<m8>\d{{1,2}})(?P=s8)(?P<y8>\d{{2}})(?!\d|[/.-]\d)",
    re.I,
)
_YEAR_HINT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d[/.-]\d{2}(?!\d|[/.-]\d)")
# "3/29/2010 12:00:00 AM": the default date-time print of ASP.NET sites under an English locale,
# month first, neither number padded. A zero-padded "03/09/2010 08:00:00 AM" is a Vietnamese
# day-first format with an English clock.
_US_CLOCK = re.compile(r"\s+\d{1,2}:\d{2}:\d{2}\s*[AP]M\b", re.I)
# The half of a 12-hour clock after the time: "AM"/"PM", or "SA"/"CH" (sáng/chiều, in capitals) as
# a Vietnamese locale prints them ("05/12/2026 2:30:15 CH").
_MERIDIEM = re.compile(r"\s?(?:([ap])\.?m\b\.?|(?-i:(SA|CH))(?!\w)|(sáng|chiều|tối)(?!\w))", re.I)
_TIME = re.compile(r"(?<![\d/])([01]?\d|2[0-3])\s*(?::|h|g|giờ)\s*([0-5]\d)(?:\s*:\s*([0-5]\d)(?:\.\d{1,6})?)?(?!\d)", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:ngày|cập nhật(?: lần cuối)?|đăng|lúc|thứ|hai|ba|tư|năm|sáu|bảy|chủ nhật|cn|t[2-7]|xuất bản|đăng tải|ban hành|phát tin|thời gian|"
    r"gmt|utc|am|pm|sáng|chiều|tối|trưa|giờ|phút|tháng|(?:last )?update[d]?|posted|published|on|at|by|bởi|vào|phát hành|"
    rf"{_EN_MONTH}|"
    r"lượt xem|views?|\+\s*7|\d{1,3}(?:[.,]\d{3})+|\d+)\b",
    re.I,
)
# A time zone after the clock: "14:05 GMT+7", "(GMT+07:00)", "[UTC+7]" (its "07:00" is no clock time).
_ZONE = re.compile(r"[(\[]?\s?\b(?:GMT|UTC)\s?(?:[+-]\s?\d{1,2}(?::?\d{2})?)?\s?[)\]]?", re.I)
_DATE_SEPARATOR = re.compile(r"\s[|•·\-–—]\s|\|")
_DATE_CUE = re.compile(r"\b(?:ngày đăng|đăng ngày|đăng lúc|cập nhật|xuất bản|phát hành|ban hành|thời gian|"
                       r"thứ (?:hai|ba|tư|năm|sáu|bảy)|"
                       r"chủ nhật)\b",
                       re.I)
# Words that make a date line the article's own ("Ngày đăng", "Cập nhật lúc") or the header's ("Hôm nay").
_PUBLISHED_CUE = re.compile(r"\b(?:đăng|cập nhật|xuất bản|phát hành|ban hành|lúc|posted|published|updated)\b", re.I)
# A number of the issue ("Số 11 - Ngày 15/11/2025", "Báo in số 1234, ngày …"): on a page with no other
# date line, it dates the bulletin the article is in; a daily's masthead prints today's issue.
_ISSUE = re.compile(r"\bsố\s?\d+\b(?=\D{0,12}\bngày\b)", re.I)
_TODAY = re.compile(r"\bhôm nay\b|\btoday\b", re.I)
# "Nguồn tin:", "Nguồn bài viết:" name the article's source too, with their colon ("Nguồn tin Reuters
# cho biết …" is a sentence); "Nguồn ảnh:" is a photo's credit.
_SOURCE_LINE = re.compile(
    r"^[\(\[]?\s*(?:nguồn(?: tin| bài viết| bài)\s*[:\-–]|nguồn|theo|source)\s*[:\-–]?\s*(.{2,100}?)\s*[\)\]]?\.?$",
    re.I)

# Captions: who does what, where ("... phát biểu tại hội thảo"), or a photo credit. Scene words
# ("quang cảnh", "tại hội nghị") make a caption alone; action verbs ("kiểm tra", "trao") only with
# a subject ("Đồng chí ...", "Các đại biểu ..."): a subhead "Tăng cường kiểm tra" has none.
_CAPTION_SCENE = re.compile(
    r"\b(?:phát biểu|tham luận|tại hội thảo|tại hội nghị|tại buổi|tại lễ|tại lớp|quang cảnh|toàn cảnh|"
    r"đầu cầu|chụp ảnh|lưu niệm|cắt băng|bấm nút|ảnh minh họa|ảnh minh hoạ|ảnh tư liệu|ảnh:)",
    re.I,
)
_CAPTION_ACTION = re.compile(
    r"\b(?:trao|tặng|kiểm tra|tham quan|thăm|thảo luận|trình bày|tham dự|dự|chủ trì|ký kết|trải nghiệm|"
    r"giới thiệu|hướng dẫn|tiếp|làm việc|khảo sát|dâng hương|chúc mừng|tuyên dương|khen thưởng)\b",
    re.I,
)
_CAPTION_OPENER = re.compile(
    r"^(?:ông|bà|đồng chí|đ/c|lãnh đạo|các đại biểu|đại biểu|đoàn|đoàn công tác|phó chủ tịch|chủ tịch|"
    r"giám đốc|phó giám đốc|bí thư|phó bí thư|thứ trưởng|bộ trưởng|thủ tướng|phó thủ tướng|tổng bí thư|"
    r"trưởng|phó trưởng|pgs|gs|ts|ths|tiến sĩ|thạc sĩ|người dân|học sinh|sinh viên|nông dân|cán bộ|"
    r"bác sĩ|lực lượng|các em|quang cảnh|toàn cảnh|phía|các đầu cầu|các đơn vị|ảnh|hình|"
    r"một góc|các đồng chí|các chuyên gia|chuyên gia|học viên|các học viên|ban tổ chức)\b",
    re.I,
)
# A credit opening the line ("Ảnh: ...", "(Ảnh minh họa)", "Video: ..."), or closing it ("... (Ảnh: TTXVN)",
# "... - Ảnh: Minh Anh"): nothing after it but one ")" and spaces.
_PHOTO_CREDIT_HEAD = re.compile(
    r"^\(?\s*(?:ảnh|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|video|clip|đồ họa|đồ hoạ)\s*[:\-–)]", re.I)
_PHOTO_CREDIT_TAIL = re.compile(r"[\(\-–]\s*ảnh\s*:", re.I)
_MEDIA_MARK = re.compile(r"^\(\s*(?:video|clip)\s*\)", re.I)

_NAME_PREFIX = re.compile(
    r"^(?:tin\s*(?:,|và|/|-)?\s*ảnh|bài\s*(?:,|và|/|-)?\s*ảnh|(?:tin bài|bài viết|tin|bài)(?: của)?|tác giả(?: bài viết)?|người viết(?: bài)?|"
    r"thực hiện|"
    r"tổng hợp|biên soạn|lược dịch|biên dịch|ghi chép|"
    r"nhóm phóng viên|phóng viên|pv|ctv|đăng bởi|người đăng|posted by|by)\s*[:\-–]\s*"
    r"|^(?:(?:viết|đăng) )?bởi:? |^(?:written )?by "  # "Bởi Minh Anh", "Viết bởi: Minh Anh", "By Minh Anh"
    r"|^(?:tác giả|người viết|phóng viên) (?=(?-i:[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]))",
    # "Tác giả Minh Anh", "Tác giả Ánh Tuyết" (no colon: the name's capital follows)
    re.I,
)
# Degrees and titles a contributor signs with: "TS. Lê Văn An", "BSCKII. Lê Thị Hoa", "ThS Minh Anh",
# "Luật sư Trần Bình". They stay in the bút danh (as written) but are not name syllables.
_DEGREE = re.compile(
    r"^(?:(?:PGS|GS|TS|ThS|BS|BSCK(?:I{1,2}|\s?[12])|CK(?:I{1,2}|[12])|DS|KS|LS|NCS|NSND|NSƯT|NGND|NGƯT|TTND|TTƯT)"
    r"\.?\s?)+(?=[A-ZĐÀ-Ỹ])|^(?:Bác sĩ|Dược sĩ|Luật sư|Nhà báo|Kỹ sư|Thạc sĩ|Tiến sĩ|Giáo sư|Nhà văn|Nhà thơ|"
    r"Nghệ sĩ|Lương y|Điều dưỡng|Thầy thuốc) (?=[A-ZĐ])")
# The office after the name: "Lê Văn An - Trung tâm Y tế huyện", "Lê Văn An (Phòng Văn hóa huyện)".
_OFFICE_TAIL = re.compile(r"\s(?:[-–]\s|\()([^()]+?)\)?$")
# The outlet after a slash, written out: "Minh Anh/Báo Pháp luật Việt Nam", "Minh Anh/Tạp chí Con số và Sự kiện".
_OUTLET_TAIL = re.compile(r"\s?/\s?([^/()]+)$")
# An e-mail address after the name: "Minh Anh - minhanh@baomoi.vn", "Minh Anh (minhanh@baomoi.vn)".
_EMAIL_TAIL = re.compile(r"\s*[-–|,(]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?$")
_BYLINE_PREFIX = re.compile(
    r"^(?:tin|bài|tác giả|người viết|thực hiện|nhóm phóng viên|phóng viên|tổng hợp|biên soạn)\b", re.I)
# A source or photo credit after the name on one line: "Tác giả: Minh Anh - Nguồn: Báo Nghệ An",
# "Bài: Minh Anh; ảnh: Thu Hà". ("Ảnh: Thu Hà" alone credits a photo: a caption, not a bút danh.)
# Another credit after the name: its source, the photos, the editing or the graphics
# ("Minh Anh - Nguồn: ...", "Tác giả: Minh Anh | Biên tập: Thu Hà", "Minh Anh; Đồ họa: Văn Long").
_CREDIT_TAIL = re.compile(r"(?:\s?[-–|,;(])?\s?(?<!\w)(?:nguồn|source|ảnh|biên tập|btv|đồ họa|đồ hoạ|thiết kế|"
                          r"trình bày|video|clip|quay phim|dựng phim|kỹ thuật|kĩ thuật)\s?:", re.I)
# An outlet after the slash written as its address or brand: "Ngọc Mai/VOV.VN", "Minh Anh/Dantri.com.vn",
# "Minh Anh (TTXVN/Vietnam+)".
_OUTLET = re.compile(r"[^\W_]+(?:\.[^\W\d_]{2,4}){1,2}|[^\W\d_]+\+|[A-ZĐ]{2,8}\d{1,2}")
# Bold or italic marks around a whole line, as a conversion of the page to text leaves them.
_EMPHASIS = ("**", "__", "*", "_")
# "Hoàng Anh - Hữu Tuấn (thực hiện)", "Minh Anh (tổng hợp)": the part after the names.
_NAME_ROLE_SUFFIX = re.compile(
    r"\s*\((?:thực hiện|tổng hợp|t/h|th|lược dịch|biên dịch|dịch|ghi|ghi chép|tường thuật)\)$", re.I)
# The newsroom's team signing: "Nhóm phóng viên", "PV Kinh tế", "Nhóm PV Thời sự" (a section after it).
_TEAM = re.compile(r"(?:nhóm\s+)?(?:phóng viên|pv|ctv|btv)(?:\s+(.{2,30}))?$", re.I)
# A correspondent's post: "PV TTXVN tại Quảng Ngãi", "TTXVN tại Mỹ", "phóng viên VOV tại Paris".
# ... or the post written out: "Phóng viên thường trú tại Quảng Ngãi", "PV thường trú tại Huế".
_CORRESPONDENT = re.compile(r"(?:(?:pv|ptv|phóng viên|thường trú)\s+)?(?-i:[A-ZĐ][A-ZĐ+/.-]{1,12})\s+tại\s+(?-i:[A-ZĐ])"
                            r"|(?:(?:pv|ptv|phóng viên)\s+)?thường trú\s+tại\s+(?-i:[A-ZĐ])", re.I)
# An agency's abbreviation, as before its office's place: "VTV Cần Thơ", "VOV Tây Bắc", "TTXVN Hà Nội".
_AGENCY_ABBR = re.compile(r"[A-ZĐ]{2,8}\d{0,2}")
# A reporter's name taken from another outlet: "Minh Anh (Theo Báo Hà Giang)" (the source, not the name).
_THEO_TAIL = re.compile(r"\s*\((?:theo|nguồn)\b[^()]{2,60}\)$", re.I)
# A contributor's post before the office: "TS. Lê Văn An - Phó Giám đốc Bệnh viện tỉnh".
_POST = re.compile(r"(?:phó )?(?:giám đốc|trưởng phòng|trưởng ban|trưởng khoa|trưởng trạm|chủ tịch|bí thư|"
                   r"hiệu trưởng|giảng viên|giáo viên|bác sĩ|chuyên viên|cán bộ|viện trưởng|chi cục trưởng|"
                   r"chánh văn phòng)\s", re.I)
_HANDLE = re.compile(r"^[a-z][a-z0-9_.]{2,19}$")
# Pen names that are only initials or a role/agency: "PV" (phóng viên), "CTV", "TTXVN".
_AGENCIES = frozenset({"PV", "CTV", "BTV", "NV", "TTXVN", "VNA", "TTXVN/VNA", "PV-CTV", "NHÓM PV"})
# Words of site labels that are never given names ("Văn", "Phương", "Thành", "Trang" are names).
_NOT_NAME = frozenset(
    "tin chủ liên hệ giới thiệu bài viết xem thêm chia sẻ quay tìm kiếm nhập khác website "
    "cổng sở ban phòng ủy uỷ tỉnh phố huyện xã chuyên mục lịch bản dịch vụ đa tiện "
    "thống kê truy cập video clip tức ngày tháng báo cáo nghị về "
    "home menu top search login share print back next more contact email about links "
    "admin administrator webmaster quantri".split())  # a CMS account, no author


_AFTER_DANG = frozenset("nhập ký kí xuất tin bài lúc ngày bởi bình tải tuyển ảnh video clip".split())


# Deletion tables: counting letters by case with str.translate runs at C speed.
_DROP_UPPER = {c: None for c in range(0x2000) if chr(c).isupper()} | \
    {c: None for c in range(0x1E00, 0x1F00) if chr(c).isupper()}
_DROP_LOWER = {c: None for c in range(0x2000) if chr(c).islower()} | \
    {c: None for c in range(0x1E00, 0x1F00) if chr(c).islower()}


def words(line: str) -> int:
    """Word count of a line whose whitespace is already collapsed to single spaces (as the classifier
    sees lines; callers with raw text collapse first: " ".join(text.split()))."""
    return line.count(" ") + 1 if line else 0


def is_caps(s: str) -> bool:
    """ALL-CAPS line (a header, menu item or slogan): mostly upper-case letters."""
    if s.isupper():
        return len(s) - len(s.translate(_DROP_UPPER)) >= 4
    upper = len(s) - len(s.translate(_DROP_UPPER))
    lower = len(s) - len(s.translate(_DROP_LOWER))
    return upper >= 4 and lower <= upper * 0.1


# A page pulled only partway may hold one paragraph, cut before its full stop: the text's last line,
# this many words or more, with a sentence ending inside it ("... cho bà con. Ông chủ tịch ... biểu diễ").
CUT_PARAGRAPH_WORDS = 15
_INNER_SENTENCE_END = re.compile(rf"[.!?…][”\"’)]* {U}")


def _cut_paragraph(kind: list[str], lines: list[str]) -> list[int]:
    """[the last line] when a page with no punctuated paragraph ends with one cut short, else []."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if kind[i] != "blank"), None)
    if last is None or kind[last] or words(lines[last]) < CUT_PARAGRAPH_WORDS:
        return []
    return [last] if _INNER_SENTENCE_END.search(lines[last]) else []


def without_pictographs(s: str) -> str:
    """`s` without the pictographs (and blanks) at either end: "🔴 CẢNH GIÁC … ❗" → "CẢNH GIÁC …"."""
    a, b = 0, len(s)
    while a < b and (s[a].isspace() or _pictograph(s[a])):
        a += 1
    while b > a and (s[b - 1].isspace() or _pictograph(s[b - 1])):
        b -= 1
    return s[a:b]


_PICTOGRAPH = re.compile(f"[{PICTOGRAPHS}]")


def _pictograph(c: str) -> bool:
    return _PICTOGRAPH.match(c) is not None


def is_prose(s: str) -> bool:
    """A sentence-bearing paragraph: long enough and punctuated like running text."""
    n = words(s)
    if n >= 40:
        return True
    # the closing marks of a quotation or of bold text; a social page's pictographs after the sentence
    end = without_pictographs(s).rstrip("”\"')»]*_").rstrip()
    return n >= 8 and end.endswith(_SENTENCE_END)


def find_dates(s: str) -> list[tuple[int, int, int, int]]:
    """(start, year, month, day) of each valid date in `s`. Numeric dates are day first, as
    Vietnamese pages print them, unless only month first is a date ("3/29/2010") or the date has
    the US clock of a default ASP.NET print ("3/9/2010 12:00:00 AM")."""
    out = []
    if _YEAR_HINT.search(s) is None:  # every form has a year: one cheap scan spares the long pattern
        return out
    for m in _DATE.finditer(s):
        if m.group("d"):
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if m.group("s") == "/" and (mo > 12 or not m.group("d").startswith("0") and not m.group(
                    "m").startswith("0") and _US_CLOCK.match(s, m.end())):
                d, mo = mo, d
        elif m.group("y2"):
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        elif m.group("y8"):
            if m.group("s8") == "." and (len(m.group("d8")) < 2 or len(m.group("m8")) < 2):
                continue  # "1.2.10" numbers a version; a CMS pads a dotted date ("05.12.26")
            yy = int(m.group("y8"))
            d, mo, y = int(m.group("d8")), int(m.group("m8")), yy + (2000 if yy < 70 else 1900)
        else:
            k = next(k for k in "34567" if m.group("d" + k))
            d, y = int(m.group("d" + k)), int(m.group("y" + k))
            month = m.group("m" + k)
            if month.isdigit():
                mo = int(month)
            elif k in "67":
                mo = _EN_MONTHS.index(month[:3].lower()) + 1
            else:
                mo = _MONTH_NAMES[" ".join(month.lower().split())]
        try:
            date(y, mo, d)
        except ValueError:
            continue  # 31/02, 00/13: not a date
        out.append((m.start(), y, mo, d))
    return out


def find_time(s: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of the first clock time in `s` ("10:38", "10h38", "10 giờ 38", "10:38:05"),
    on a 24-hour clock: "2:30 PM", "2:30 chiều" and "2:30:15 CH" (as a Vietnamese locale prints PM) are 14:30."""
    if "gmt" in s.lower() or "utc" in s.lower():
        s = _ZONE.sub(" ", s)
    m = _TIME.search(s)
    if not m:
        return None
    hour = int(m.group(1))
    half = _MERIDIEM.match(s, m.end())
    if half and hour <= 12:
        afternoon = (half.group(1) or half.group(2) or half.group(3)).lower() in ("p", "ch", "chiều", "tối")
        hour = hour % 12 + (12 if afternoon else 0)
    return hour, int(m.group(2)), int(m.group(3) or 0)


def unglue(s: str) -> str:
    """A space where a page glued two fields together: "Thời sựThứ Hai", "Chính trị12/06/2023",
    "17:26Hàng trăm" (a lower-case letter or a digit straight before a capital, a letter before a digit)."""
    out = []
    prev = ""
    for ch in s:
        if prev and (ch.isupper() and (prev.islower() or prev.isdigit()) or ch.isdigit() and prev.isalpha()):
            out.append(" ")
        out.append(ch)
        prev = ch
    return "".join(out)


def _date_rest(s: str) -> str:
    """What a date line says besides its date, time, weekday and date words."""
    return _DATE_WORDS.sub(" ", _TIME.sub(" ", _ZONE.sub(" ", _DATE.sub(" ", _ISO_MARKS.sub(" ", s)))))


# The letters of an ISO 8601 stamp: "T" between the date and the clock, "Z" (UTC) after the clock
# (unglue may have set them apart by a space).
_ISO_MARKS = re.compile(r"(?<=\d) ?T(?= ?\d)|(?<=\d) ?Z\b")


# Where a date line's fields part: "Xã hội | Minh Anh | 12/06/2023", "Minh Anh - 12/06/2023".
# (?<!\s): a match starts at the first space of a run, never again inside it ("a" + 100k spaces
# + "b" was read once per space).
_FIELD_SEPARATOR = re.compile(r"(?<!\s)\s*[|•·]\s*|\s[-–—]\s")
_EDGE = " -–|,:()[]•·/"
_PIPE_FIELDS = re.compile(r"(?<!\s)\s*[|•·]\s*")
# A field's own label: "Tác giả: ", "Chuyên mục: ", "Lượt xem: " (a word or three and a colon).
_FIELD_LABEL = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,2}\s?:\s*")


def _beside_date(s: str, rest: str) -> tuple[str | None, str]:
    """(the bút danh, what else is said) on an unglued date line `s`, from `rest` (_date_rest(s)).

    The name is the whole rest ("Minh Anh - 12/06/2023") or one of its fields, the one nearest the
    date first ("Xã hội | Minh Anh | 12/06/2023 08:00")."""
    rest = " ".join(rest.split()).strip(_EDGE)
    name = byline_name(rest) if rest else None
    # A name (up to 6 words) and a label (up to 4): anything longer is no date line, split or not.
    if name is not None or words(rest) > 10 or not _FIELD_SEPARATOR.search(s):
        return name, "" if name else rest
    fields = _FIELD_SEPARATOR.split(s)
    at = next((k for k, f in enumerate(fields) if find_dates(f)), 0)
    said = [" ".join(_date_rest(f).split()).strip(_EDGE) for f in fields]
    for k in sorted(range(len(fields)), key=lambda k: abs(k - at)):
        name = _field_name(fields[k], said[k])
        if name is not None:
            return name, " ".join(x for j, x in enumerate(said) if j != k and x)
    return None, rest


def _field_name(field: str, said: str) -> str | None:
    """The bút danh a field of a date line gives: the field as printed when it holds no date ("Người
    đăng: Minh Anh", whose label the date words would cut), else what it says besides the date."""
    if not said:
        return None
    if not find_dates(field):
        bare = field.strip(_EDGE)
        name = byline_name(bare)
        if name is None and (posted := _POSTED_BY.match(bare)):
            name = agency_credit(bare[posted.end():])  # "Đăng bởi Ban Tuyên giáo | 12/07/2023"
        if name:
            return name
    return byline_name(said)


# Who posted, as a date line's field says it before an office's name ("Đăng bởi Ban Tuyên giáo").
_POSTED_BY = re.compile(r"(?:đăng bởi|người đăng|tác giả|posted by)\s*[:\-–]?\s*", re.I)


def date_line_evidence(s: str) -> str | None:
    """Why `s` is a date line, or None when it is not one: "date" (a date, time, weekday and the
    like alone), "date+name" (with the bút danh, maybe a section name too), "date+label" (with a
    section name or print/share buttons: "Thứ hai, 12/6/2023 - 08:00 | Xã hội",
    "Thời sựThứ Hai, 12/06/2023 08:00", "12/06/2023 | Chia sẻ | Facebook | Zalo | In bài")."""
    n_words = words(s)
    if n_words > 30 or not find_dates(s):
        return None
    if n_words > 14 and not ("|" in s or "•" in s or "·" in s):
        return None
    if n_words > 14 and words(" ".join(_WIDGET_PHRASES.sub(" ", s).split())) > 14:
        # long, and not only by a row of buttons ("12/06/2023 | Chia sẻ | Facebook | In bài"):
        # a date line only if each field is one the site prints by the date
        ok, name = _date_line_fields(unglue(s))
        return ("date+name" if name else "date+label") if ok else None
    glued = re.search(r"[^\W\d_]\d", s) is not None  # "Giáo dục12/06/2023": a label glued on
    s = unglue(s)
    rest = _date_rest(s)
    if len(_WORD.findall(rest)) <= 1:
        return "date"
    name, rest = _beside_date(s, rest)
    # A section name or widget words beside the date: a few words, no sentence, and the line
    # shows it is a date line by a clock time, a separator, a date word ("Ngày đăng") or glue.
    label = " ".join(_WIDGET_PHRASES.sub(" ", rest).split()).strip(_EDGE)
    n = len(_WORD.findall(label))
    if n > 4 or any(c in label for c in ".!?;") or (label and not label[0].isupper()):
        ok, name = _date_line_fields(s)
        return ("date+name" if name else "date+label") if ok else None
    if name is not None:
        return "date+name"
    if n <= 1 or glued or find_time(s) or _DATE_SEPARATOR.search(s) or _DATE_CUE.search(s) or is_section(label):
        return "date+label"
    return None


def _date_line_fields(s: str) -> tuple[bool, str | None]:
    """(whether, the bút danh) for an unglued line of fields the site prints by the date, each
    short: "08:15 GMT+7 | Thứ Hai, 12/10/2026 | Tác giả: Minh Anh | Chuyên mục: Thời sự |
    1.234 lượt xem | Chia sẻ | Zalo". Every field is a date or time, a bút danh, buttons, a count or
    a section name of a few capitalised words (at most three such); the first field naming a
    person gives the name."""
    name = None
    labels = 0
    long_label = False
    fields = [f.strip(_EDGE) for f in _PIPE_FIELDS.split(s)]
    if len(fields) < 2 or not any(find_dates(f) for f in fields):
        return False, None
    for f in fields:
        said = " ".join(_date_rest(f).split()).strip(_EDGE)
        if not said:
            continue
        if name is None and words(said) <= 8 and _field_name(f, said):
            name = _field_name(f, said)
            continue
        if agency_credit(said):
            labels += 1  # the outlet's name: "Báo Quảng Ngãi điện tử"
            continue
        said = " ".join(_WIDGET_PHRASES.sub(" ", _FIELD_LABEL.sub("", said)).split()).strip(_EDGE)
        if not said:
            continue
        n = len(_WORD.findall(said))
        # a section's name of a few words; one may be a portal's longer one ("Tin hoạt động của Sở"),
        # in a field of its own (words around the date in one field are a headline's)
        if n > 6 or n > 4 and (long_label or find_dates(f)) or any(c in said for c in ".!?;") \
                or not (said[0].isupper() or said[0].isdigit()):
            return False, None
        long_label = long_label or n > 4
        labels += 1
    return labels <= 3, name


def is_date_line(s: str) -> bool:
    """A line that is only a date (and time, weekday, "Ngày cập nhật" and the like), possibly with
    the bút danh beside it ("Minh Anh - 12/06/2023 08:00") or a section name ("Xã hội | 12/06/2023")."""
    return date_line_evidence(s) is not None


def name_beside_date(s: str) -> str | None:
    """The bút danh on a date line ("Minh Anh - 12/06/2023 08:00", "Xã hội | Minh Anh | 12/06/2023",
    "PV - 12/06/2023": one word only as byline_name takes one, an agency or initials) → the name, else None."""
    s = _ISO_MARKS.sub(" ", unglue(s))
    rest = _date_rest(s)
    if not _WORD.search(rest):
        return None
    return _beside_date(s, rest)[0] or _date_line_fields(s)[1]


def source_of_line(s: str) -> str | None:
    """"Nguồn: Báo Khánh Hòa" / "Theo TTXVN" → the source named, else None."""
    s = " ".join(s.split())
    if words(s) > 12:
        return None
    m = _SOURCE_LINE.match(s)
    if not m:
        return None
    value = m.group(1)
    # Brackets around the whole line go; an outlet's own stay: "Theo Minh Anh (Báo Nghệ An)".
    if value.count("(") > value.count(")") and s.rstrip(".").endswith(")") and not s.startswith("("):
        value += ")"
    value = value.strip(" :.-–[]")
    value = value.lstrip("(") if value.count("(") > value.count(")") else value
    value = value.rstrip(")") if value.count(")") > value.count("(") else value
    value = value.strip(" :.-–")
    if not value or not (value[0].isupper() or value[0].isdigit() or "." in value or value.startswith("http")):
        return None
    if s.lower().startswith("theo"):
        # "Theo TTXVN", "Theo baochinhphu.vn" — not "Theo đó, ..." or "Theo kế hoạch".
        first = value.split()[0]
        if not (first[0].isupper() or first[0] == "(" or re.search(r"\.\w", first)):
            return None
    return value


def url_host(url: str) -> str:
    m = _URL_HOST.match(url.strip())
    return m.group(1).lower() if m else url


def byline_name(s: str) -> str | None:
    """The name on a bút danh line ("Đ.Mãi", "Nguyễn Ngọc Hưng", "Tin, ảnh: Minh Anh", "ctngoc",
    "Văn Hùng/VOV-Tây Bắc", "Minh Anh -"), else None. A trailing separator and a source credit
    after the name ("- Nguồn: ...", "| Biên tập: ...") are not part of it, nor the bold or italic
    marks a page's conversion to text left around it ("**Minh Anh**")."""
    s = " ".join(s.split())
    s = unmarked(s)
    if not s or len(s) > 80:
        return None
    prefix = _NAME_PREFIX.match(s)
    cut = _CREDIT_TAIL.search(s, prefix.end() if prefix else 0) if ":" in s else None  # each credit has its colon
    if cut and cut.start() > 0:
        s = s[:cut.start()]
    if "@" in s:
        s = _EMAIL_TAIL.sub("", s)
    if s[:2] in ("- ", "– ", "— ") and s[-1] in "-–—":
        s = s[2:]  # "- Minh Anh -": the name between two dashes
    s = s.rstrip(" -–—|,;/·•")
    if s[:1] == "(" and s[-1:] == ")" and s.count("(") == 1 and s.count(")") == 1 \
            and (" " in s or s[1:-1].upper() in _AGENCIES):
        s = s[1:-1].strip()  # "(Minh Anh)", "(PV)": the name in brackets
    if not s or len(s) > 60:
        return None
    body = _NAME_PREFIX.sub("", s).strip().rstrip(".").strip()
    if body.upper() in _AGENCIES and prefix and s[:prefix.end()].strip(" :-–").upper() in _AGENCIES:
        return s  # "PV - CTV": two credits joined, not a prefix and a name
    team = _TEAM.match(body)
    if team and (not team.group(1) or is_section(team.group(1)) or _CORRESPONDENT.match(body)):
        return body  # "Nhóm phóng viên", "PV Kinh tế", "Nhóm PV Thời sự", "PV thường trú tại Huế"
    if body.endswith(")"):
        body = _THEO_TAIL.sub("", _NAME_ROLE_SUFFIX.sub("", body))
    if not body:
        return None
    if _HANDLE.match(body):
        return body if body not in _NOT_NAME else None
    office = _OFFICE_TAIL.search(body) or (_OUTLET_TAIL.search(body) if "/" in body else None)
    if office and _office(office.group(1).title() if office.group(1).isupper() else office.group(1)) \
            and byline_name(body[:office.start()]):
        # "Lê Văn An - Trung tâm Y tế huyện", "Lê Văn An (Phòng Văn hóa huyện)", "TS. Lê Văn An -
        # Phó Giám đốc Bệnh viện tỉnh", "LÊ VĂN AN - BÁO QUẢNG NGÃI" (the office in capitals too), as written
        return body
    degree = _DEGREE.match(body)
    name = body[degree.end():] if degree else body
    tokens = name.replace("(", " (").replace("/", " / ").replace(",", " , ").split()
    # "Hoàng Hà, Minh Châu và Thu Trang": "và" joins the last name on.
    tokens = ["," if t == "và" and 0 < k < len(tokens) - 1 else t for k, t in enumerate(tokens)]
    # After a slash comes the outlet ("Minh Anh/Báo Nghệ An"): its words may be any capitalised words.
    outlet_from = tokens.index("/") if "/" in tokens else len(tokens)
    if not 1 <= len(tokens) <= (6 if outlet_from == len(tokens) else 9) and not _names_joined(tokens):
        return None
    if is_section(name):
        return None
    real = 0
    last = len(tokens) - 1
    for k, tok in enumerate(tokens):
        # an outlet after a slash, or in brackets closing the name ("Thùy Dung (Vietnam+)")
        outlet = (k > outlet_from or k == last and tok[:1] == "(" and tok[-1:] == ")") and _OUTLET.fullmatch(tok.strip("()"))
        if not (_name_token(tok) or outlet):
            return None
        if k and tok.strip("().").lower() == "thảo" and tokens[k - 1].lower() in ("hội", "dự"):
            return None  # "Hội Thảo", "Dự Thảo": a meeting or a draft, not Phương Thảo
        if k < outlet_from and tok.strip("().").lower() in _NOT_NAME:
            return None
        if tok.lower() == "đăng" and (k < last and tokens[k + 1].lower() in _AFTER_DANG or k and tokens[k - 1].lower() == "người"):
            return None  # "Đăng nhập", "Đăng tải", "Người đăng": a button, a label; "Hải Đăng" is a name
        if any(c.islower() for c in tok):
            real += 1
    if tokens[0] in _JOINERS:
        return None
    if real == 0 and not (len(tokens) == 1 and ("." in tokens[0] or tokens[0].strip("()") in _AGENCIES)) \
            and not _caps_name(tokens):
        return None
    if len(tokens) == 1 and "." not in tokens[0] and tokens[0].strip("()") not in _AGENCIES \
            and not _NAME_PREFIX.match(s) and not degree:
        # A lone capitalised word is as often a menu label as a pen name; accept it only as the
        # pen name the prefix announces, or an abbreviated one ("Đ.Mãi").
        return None
    return body


# The surnames as written ("Nguyễn"): "Khoa Nguyễn" is a man's name, not a hospital's department.
_SURNAMES_WRITTEN = "|".join(sorted(w[:1].upper() + w[1:] for w in SURNAMES))

# An office that signs a portal's article: "Phòng Văn hóa và Thông tin huyện", "Trung tâm Y tế
# huyện Sơn Hà", "Hội Nông dân tỉnh", "BBT", an office's initials glued to "P." or "TT." ("P.LĐTBXH").
# Only read where a bút danh stands after the last paragraph, or between a headline and its date line.
_AGENCY_HEAD = re.compile(
    # (the courts and procuracies first, by their whole names, lower case as the law writes them)
    r"^(?:(?:P|TT)\.(?=[A-ZĐ]{2,})|(?:Viện kiểm sát nhân dân|Tòa án nhân dân|Toà án nhân dân|"
    r"P\.|Phòng|Trung tâm|TT\.?|Đài|Ban|Văn phòng|VP|UBND|HĐND|Ủy ban|Uỷ ban|Hội|Đoàn|Công an|Sở|Báo|"
    r"Tạp chí|Cổng|BBT|Ban biên tập|Bộ phận|Chi cục|Hạt|Trạm|Bệnh viện|Trường|Huyện|Xã|Phường|"
    r"Thông tấn xã|Truyền hình|Phát thanh|Nhà xuất bản|Cục|Tổng cục|Viện|Học viện|Đại học|Hiệp hội|Liên đoàn|"
    r"Mặt trận|Liên hiệp|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Kho bạc|Bảo hiểm xã hội|"
    # a hospital's department or a school's before its capitalised name ("Khoa Ngoại tổng hợp", "Tổ
    # Ngữ văn"; never "Khoa học", "Tổ chức"); an office's initials before its place ("TTDVVL tỉnh")
    r"VKSND|TAND|(?:Khoa|Tổ)(?=\s" + U + r")(?!\s(?:Quốc|quốc|" + _SURNAMES_WRITTEN + r")\b)|[A-ZĐ]{3,8}(?=\s(?:tỉnh|huyện|xã|phường|quận|thành phố|thị xã)\b))"
    r"(?!\w))")
# A place's name, no office: "Huyện Sơn Hà", "TT.Huế" (Thừa Thiên), "TP.HCM" between a headline and
# its date line is a dateline's place, not who signs.
_PLACE_HEAD = re.compile(r"(?:huyện|xã|phường|quận|tỉnh|thành phố|thị xã|thị trấn|tt|tp)(?:\.|\s|$)", re.I)
_ADMIN_WORDS = frozenset("huyện xã tỉnh thành phố thị trấn quận phường và & - – / , của".split())


def _office(s: str) -> str | None:
    """The office (maybe after the contributor's post in it) a name is signed with, else None."""
    if _CORRESPONDENT.match(s) or _agency_place(s):
        return s
    post = _POST.match(s)
    return agency_credit(s[post.end():] if post else s)


def _agency_place(s: str) -> bool:
    """"VTV Cần Thơ", "VOV Tây Bắc", "VOV-Miền Trung": an agency's abbreviation, then a place of one
    to four syllables."""
    first, *place = s.split() or [""]
    if "-" in first:
        first, _, rest = first.partition("-")
        place = [rest, *place]
    place = [t for t in place if t not in _JOINERS]
    return bool(_AGENCY_ABBR.fullmatch(first)) and 1 <= len(place) <= 4 and all(
        t.isalpha() and t[0].isupper() and t[1:].islower() for t in place)


def unmarked(s: str) -> str:
    """A line without the marks a conversion of the page to text left around it: "**Minh Anh**",
    "# Xuất khẩu thủy sản ...", "| Minh Anh |" → the text (the marks go only when they wrap the
    whole line, or open it as a heading's)."""
    if s[:1] == "#":
        bare = s.lstrip("#")
        if len(s) - len(bare) <= 6 and bare[:1] == " ":
            s = bare.strip()
    if len(s) > 2 and s[0] == "|" and s[-1] == "|" and s.count("|") == 2:
        s = s[1:-1].strip()
    for mark in _EMPHASIS:
        if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
            inner = s[len(mark):-len(mark)]
            if inner == inner.strip() and mark[0] not in (inner[0], inner[-1]):
                return inner
    return s


def _names_joined(tokens: list[str]) -> bool:
    """"Hồng Nhung - Thu Trang - Minh Đức", "Nguyễn Thị Minh Anh - Trần Bình": two to four names
    joined by dashes or commas, each of one to five syllables (no outlet after a slash)."""
    if "/" in tokens or len(tokens) > 19:
        return False
    groups = [[]]
    for t in tokens:
        if t in _JOINERS:
            groups.append([])
        else:
            groups[-1].append(t)
    return 2 <= len(groups) <= 4 and all(1 <= len(g) <= 5 for g in groups)


# The sections news sites file articles under: beside a date or after the text, "Thời sự" or
# "KINH TẾ - XÃ HỘI" is the section, never a bút danh (even in capitals, as pen names may be).
_SECTIONS = frozenset("""thời sự|chính trị|kinh tế|xã hội|văn hóa|văn hoá|thể thao|giáo dục|pháp luật|sức khỏe|
sức khoẻ|y tế|đời sống|thế giới|quốc tế|du lịch|công nghệ|khoa học|quốc phòng|an ninh|nông nghiệp|nông thôn|
môi trường|giải trí|bạn đọc|trong nước|tin tức|sự kiện|địa phương|doanh nghiệp|tài chính|bất động sản|giao thông|
đô thị|xây dựng|lao động|việc làm|văn nghệ|tiêu điểm|phóng sự|góc nhìn|ý kiến|gia đình|giới trẻ|chuyển đổi số|
tin vắn|nội chính|đối ngoại|an sinh|chính sách|tư vấn|hỏi đáp|nhịp sống|thị trường|kinh doanh|trật tự""".replace("\n", "").split("|"))
_SECTION_JOIN = re.compile(r"\s?[-–&/|,]\s?|\s(?:và|-)\s")


def is_section(s: str) -> bool:
    """A section's name or two joined ("Thời sự", "CHÍNH TRỊ - XÃ HỘI", "Kinh tế & Đầu tư" is not)."""
    parts = [" ".join(p.split()).lower() for p in _SECTION_JOIN.split(s)]
    return all(p in _SECTIONS for p in parts if p) and any(parts)


def agency_credit(s: str) -> str | None:
    """The office signing a portal's article ("Phòng Văn hóa và Thông tin huyện"), else None: an
    office word first, at most 12 words, no sentence end, most words (the place words aside)
    capitalised like a proper name."""
    s = " ".join(s.split()).rstrip(" -–—|,;/")
    if not _AGENCY_HEAD.match(s) or words(s) > 12 or s.endswith((".", "!", "?", ":", "…")) \
            or any(c in s for c in ".!?;:\"“”") and not s.startswith(("P.", "TT.")):
        return None
    toks = [t for t in s.split() if t.lower() not in _ADMIN_WORDS]
    if not toks:
        return None
    caps = sum(t[0].isupper() or t[0].isdigit() for t in toks)
    rest = s[_AGENCY_HEAD.match(s).end():].split()
    return s if caps >= 0.5 * len(toks) or _office_name(rest) or _place_only(rest) else None


def _place_only(tokens: list[str]) -> bool:
    """"huyện Yên Thành", "tỉnh Nghệ An": one or two place words, then one to four capitalised words
    (an office named in full by its head, "Viện kiểm sát nhân dân", needs only its scope)."""
    m = 0
    while m < len(tokens) and m < 2 and tokens[m] in _OFFICE_PLACE:
        m += 1
    return 0 < m < len(tokens) <= m + 4 and all(t[:1].isupper() for t in tokens[m:])


_OFFICE_PLACE = frozenset("huyện xã tỉnh thành phố thị trấn quận phường".split())
_OFFICE_JOIN = frozenset(("và", ",", "-", "–", "&"))


def _office_name(tokens: list[str]) -> bool:
    """The rest of an office's name as Vietnamese writes it, only each part's first word capitalised:
    "Kiểm soát bệnh tật tỉnh", "Trồng trọt và Bảo vệ thực vật", "Phát triển quỹ đất huyện Ba Vì" —
    with its scope (a place word or parts joined by "và"), which a clause after an office word lacks.
    Each part is a capitalised word and at most three more in lower case; a place may end it (an
    administrative word, then nothing or a capitalised name): a clause ("Y tế huyện tổ chức khám
    bệnh") is no name."""
    parts: list[list[str]] = [[]]
    for t in (t.rstrip(",") if t.endswith(",") and len(t) > 1 else t for t in tokens):
        if t in _OFFICE_JOIN:
            parts.append([])
        else:
            parts[-1].append(t)
    if not tokens or len(parts) > 3:
        return False
    if len(parts) == 1 and not any(t in _OFFICE_PLACE for t in tokens):
        return False  # "Sở Y tế khuyến cáo", "Ban Tổ chức cảm ơn": a clause, not an office's name
    for n, part in enumerate(parts):
        if not part or not part[0][:1].isupper():
            return False
        k = 1
        while k < len(part) and part[k].islower() and part[k] not in _OFFICE_PLACE:
            k += 1
        if k > 4:
            return False
        rest = part[k:]
        if not rest:
            continue
        if n < len(parts) - 1:
            return False  # a place ends the name, never a part before a joiner
        # "huyện", "thành phố", then nothing or a name of capitalised words.
        m = 0
        while m < len(rest) and rest[m] in _OFFICE_PLACE:
            m += 1
        if not m or m > 2 or len(rest) - m > 4 or not all(t[:1].isupper() for t in rest[m:]):
            return False
    return True


def _caps_name(tokens: list[str]) -> bool:
    """"NGỌC PHƯỢNG - ĐỨC HÙNG", "NGỌC PHƯỢNG (TTXVN)": pen names some papers print in capitals (2 to
    6 syllables), maybe with the agency in brackets after them."""
    if len(tokens) > 2 and tokens[-1][:1] == "(" and tokens[-1][-1:] == ")" and tokens[-1][1:-1].isupper():
        tokens = tokens[:-1]
    # (an Ê-đê or a Jrai name keeps its apostrophe: "H’LINH NIÊ", "KSOR Y'DRÁ")
    syllables = [t.replace("’", "").replace("'", "") if t[:1] != "'" else t for t in tokens if t not in _JOINERS]
    return 2 <= len(syllables) <= 6 and all(t.isalpha() and len(t) <= 7 for t in syllables) \
        and sum(len(t) for t in syllables) / len(syllables) <= 5.5


_JOINERS = ("-", "–", "&", "/", ",")


def _name_token(tok: str) -> bool:
    """"Hưng", "Đ.Mãi", "N.T.H.", "H’Linh", "(TTXVN)", "-", "VOV-Tây": a piece of a pen name."""
    if tok in _JOINERS:
        return True
    bare = tok.strip("()")
    plain = bare.replace("’", "").replace("'", "") if bare[:1].isalpha() else bare
    if plain.isalpha() and plain.isupper() and 2 <= len(plain) <= 8:
        return True  # agency or initials: TTXVN, PV; a name in capitals: "H’LINH"
    if "-" in bare:
        parts = [p for p in bare.split("-") if p]
        return bool(parts) and len(parts) <= 3 and all(_name_token(p) for p in parts)
    # "Đ.Mãi", and the names of the Central Highlands with an apostrophe: "H’Linh", "K’Nớ", "Y’Jut"
    parts = tok.rstrip(".").replace("’", ".").replace("'", ".").split(".")
    for part in parts:
        if not part.isalpha() or not part[0].isupper() or (len(part) > 1 and not part[1:].islower()):
            return False
    return True


def _is_breadcrumb(s: str) -> bool:
    if re.search(r"\d\s*[/\\]\s*\d", s):
        return False  # a date or a ratio
    parts = _CRUMB_SEPARATOR.split(s)
    return 2 <= len(parts) <= 7 and all(
        p and words(p.strip()) <= 6 and not any(c in p for c in ".,;!?") and not p.strip().isdigit()
        for p in parts)


_HOME = re.compile(r"(?:trang chủ|home) ", re.I)


def _home_bar(s: str) -> bool:
    """A navigation bar copied as one line, its items run together: "Trang chủ Nuôi dạy con Sức khỏe
    Giáo dục", "Home Thời sự Kinh tế": the home item, then items that each open with a capital, two of
    them a section's name, and no sentence's end ("Home Credit Việt Nam giãn nợ …" is a headline)."""
    m = _HOME.match(s)
    if m is None or not s[m.end():m.end() + 1].isupper() or not _short(s):
        return False
    items, item = [], []
    for w in s[m.end():].split():
        if w[:1].isupper() and item:
            items.append(" ".join(item))
            item = []
        item.append(w)
    items.append(" ".join(item))
    return sum(map(is_section, items)) >= 2


# A navigation bar copied with its items apart: "Trang chủ  Tin tức  Thời sự  Kinh tế  Video". The
# collapsed line reads as a run of capitalised words (a headline's shape); the page's own wide gaps
# between the items say what it is.
_WIDE_GAP = re.compile(r"[ \u00a0\u3000]{2,}|\t")
_NAV_ITEMS = frozenset(("trang chủ", "home", "video", "videos", "mới nhất", "tin mới", "tin tức", "giới thiệu", "liên hệ",
                        "multimedia", "podcast", "ảnh", "tin ảnh", "e-magazine", "emagazine", "infographic", "media",
                        "chương trình", "lịch phát sóng", "truyền hình", "phát thanh", "văn bản", "chính quyền",
                        "công dân", "doanh nghiệp", "du khách", "hỏi đáp", "tuyển dụng", "tiện ích", "english"))


def _spaced_bar(raw: str) -> int:
    """How many items a navigation bar copied with wide gaps (or tabs) between its items holds, else
    0: four items or more, each one to five words opening with a capital, none a sentence, two of
    them a section's name or a site's menu item."""
    parts = [p.strip(_SPACES) for p in _WIDE_GAP.split(raw)]
    parts = [p for p in parts if p]
    if len(parts) < 4 or any(not 1 <= words(p) <= 5 or not p[:1].isupper() or p.endswith(_SENTENCE_END)
                             for p in parts):
        return 0
    named = sum(is_section(p) or " ".join(p.split()).lower() in _NAV_ITEMS for p in parts)
    return len(parts) if named >= 2 else 0


def _is_widget(s: str) -> bool:
    if len(s) > 120:
        return False
    return _WIDGET_LINE.fullmatch(s) is not None


# A sentence this long that opens with a footer's words and no colon is running text where those
# words are a sentence's subject: "Đơn vị vận hành cho biết sự cố ...", "Điện thoại di động ...",
# while "Tổng biên tập ...", "Văn phòng đại diện ..." open the officers' and offices' lines of a footer
# as often. Footer lines are labels ("Điện thoại: ..."), and the
# licence, copyright and charter lines a footer prints as sentences ("Giấy phép số ... cấp ngày
# 10/3/2021.", "Cơ quan ngôn luận của Đảng bộ ...") stay footers.
FOOTER_SENTENCE_WORDS = 12
_SUBJECT_OPENER = re.compile(r"(?:đơn vị|điện thoại) ", re.I)


# The editorial board signing a portal's article on a line of its own ("Ban Biên tập", "BBT"): a
# footer prints the words as a label ("Ban biên tập: …") or beside an officer's name.
_BOARD_SIGNS = re.compile(r"^(?:ban biên tập|bbt)[\s.]*$", re.I)


def _footer_word_opens_a_sentence(s: str, n: int, end: int) -> bool:
    """Line `s` (`n` words), whose footer words end at `end`, is a sentence that merely opens with them:
    no label's colon, no telephone number, e-mail address or licence number in it."""
    return n >= FOOTER_SENTENCE_WORDS and ":" not in s[:end + 2] and _SUBJECT_OPENER.match(s) is not None \
        and is_prose(s) and not _PHONE.search(s) and "@" not in s and "/GP" not in s.upper()


def _local(s: str) -> tuple[str, str, str] | None:
    """(kind, rule, evidence) decided by the line alone, or None (evidence: a key of EVIDENCE)."""
    n = words(s)
    if n <= 16 and (_is_widget(s) or n <= 10 and _AVATAR.match(s)):
        return "boilerplate", "boilerplate.widget", "widget"
    dated = date_line_evidence(s) if n <= 30 else None
    if dated:
        # Before the menu and heading shapes: "Thứ 2, 12/06/2023 | 08:00 | Chính trị" has pipes.
        return "metadata", "metadata.date", dated
    if n <= 12 and author_box_name(s):
        return "metadata", "metadata.byline", "author_box"
    if "|" in s or "•" in s or "·" in s:
        parts = _PIPE_SEPARATORS.split(s)
        if len(parts) >= 3 and all(p and len(p.split()) <= 6 and not p.endswith((".", "?", "!")) for p in parts):
            return "boilerplate", "boilerplate.menu", f"pipes={len(parts)}"
    if n > 40:
        # Running text: only a footer line or a pasted path can be that long.
        if _FOOTER.match(s):
            return "boilerplate", "boilerplate.footer", "footer_words"
        return None
    if ("\\" in s or ":" in s[:14] or "file:" in s or "." in s[-6:]) and n <= 30 and _FILE_PATH.search(s):
        return "boilerplate", "boilerplate.file_path", ""
    if s[:2] == "![" and _IMAGE_MARK.fullmatch(s):
        return "caption", "boilerplate.caption", "image"
    if _URL_LINE.match(s):
        return "boilerplate", "boilerplate.url", ""
    if n <= 12 and _ATTACHMENT.search(s):
        return "boilerplate", "boilerplate.widget", "attachment"
    if s[0] == "(" and _PHOTO_REF_LINE.match(s):
        return "boilerplate", "boilerplate.photo_ref", ""
    if n <= 10 and (_COUNTER_HEAD.match(s) or (_COUNTER.match(s) and re.search(r"\d", s))):
        return "boilerplate", "boilerplate.counter", ""
    footer = _FOOTER.match(s) if not _BOARD_SIGNS.match(s) else None
    if _FOOTER_ANYWHERE.search(s) or (footer and not _footer_word_opens_a_sentence(s, n, footer.end())):
        return "boilerplate", "boilerplate.footer", "footer_words"
    if n <= 20 and ("@" in s and _EMAIL.search(s) or _PHONE.search(s)) and not is_prose(s) and not _LIST_ITEM.match(s) \
            and not ("@" in s and n <= 10 and byline_name(s)):  # "Minh Anh - minhanh@baomoi.vn" signs
        return "boilerplate", "boilerplate.footer", "contact"
    if n <= 30 and _TAGS.match(s):
        return "metadata", "metadata.tags", ""
    if n <= 40 and _NOTICE.search(s):
        return "boilerplate", "boilerplate.banner", "notice"
    if (s.endswith("!") or _SLOGAN.search(s)) and is_caps(s):
        return "boilerplate", "boilerplate.banner", "slogan"
    comments = _COMMENTS_HEAD.match(s) if n <= 12 else None
    if comments and (comments.end() == len(s) or _is_widget(s[comments.end():])):
        # the block's heading, maybe with its sorting buttons ("Ý kiến (128)   Mới nhất | Quan tâm nhất")
        return "boilerplate", "boilerplate.comments", ""
    if n <= 30 and not s.endswith("."):
        head = _RELATED_HEAD.match(s)
        # "Tin liên quan", or one with the linked headline after a colon: "Xem thêm: Giá lúa tăng"
        if head and (n <= 12 or s[head.end():].lstrip().startswith(":")):
            return "boilerplate", "boilerplate.related", "heading"
        if _ARROW_LINK.match(s) and 4 <= n <= 25 and not is_caps(s):
            return "boilerplate", "boilerplate.related", "link_arrow"
    if n <= 16 and (_is_breadcrumb(s) or _home_bar(s)):
        return "boilerplate", "boilerplate.menu", "breadcrumb"
    if n <= 12 and _CATEGORY_FIELD.match(s):
        return "boilerplate", "boilerplate.menu", "category"
    if n <= 12 and source_of_line(s):
        return "metadata", "metadata.source", ""
    if n <= WEATHER_WORDS and _READING.search(s) and not s.endswith(_SENTENCE_END):
        return "boilerplate", "boilerplate.widget", "weather"  # a reading: "Độ ẩm: 88%", "(AQI 68)"
    return None


# A weather box's lines and a price board's, between paragraphs or beside the article: a temperature
# ("Đà Lạt 17°C Sương mù nhẹ", "Thứ Bảy: 14-21°C"), humidity, air quality, "Thời tiết Huế"; a board's
# heading ("Tỷ giá hôm nay", "Giá xăng dầu hôm nay"). At most WEATHER_WORDS words and no sentence's end:
# a forecast the article writes is prose ("Nhiệt độ cao nhất 35°C, trời nắng gắt.").
WEATHER_WORDS = 12
_READING = re.compile(r"^độ ẩm:? \d{1,3}\s?%|\baqi:? \d", re.I)
_WEATHER = re.compile(rf"\d\s?°\s?[CF]?(?!\w)|{_READING.pattern}|"
                      r"^thời tiết(?-i: [A-ZĐÂÊÔƠƯÁÀẢÃẠ][^\W\d_]*){0,4}$", re.I)
_MARKET_HEAD = re.compile(r"^(?:giá|tỷ giá|tỉ giá)\b[^.!?\d]{0,30} hôm nay$", re.I)
# ... and the board's rows under its heading: a name and one to three prices ("USD 26.120 26.480",
# "Giá vàng SJC Mua 152,50 Bán 154,50", "Dầu diesel 18.910 đ/lít"), read only beside a line of the box.
# Columns may be set apart by runs of blanks or tabs, and a change printed signed ("+2.000", "-1,5%").
_PRICE = r"[+\-−]?\d[\d.,]*+(?: ?(?:đ|đồng|vnđ|%)(?:/[^\W\d_]++)?)?"
_COLUMN = r"[ \t]++"
_MARKET_ROW = re.compile(rf"^[^\W\d_][^.!?\t]{{0,30}}?{_COLUMN}(?:(?:mua|bán){_COLUMN})?{_PRICE}"
                         rf"(?:{_COLUMN}(?:(?:mua|bán){_COLUMN})?{_PRICE}){{0,3}}$", re.I)
MARKET_ROW_CHARS = 80
_MARKET_BARE_HEAD = re.compile(r"^(?:bảng )?(?:giá|tỷ giá|tỉ giá)(?: [^\d.!?:]{1,25})?$", re.I)


def _box_line(s: str) -> str | None:
    """"weather" or "market" for a weather line or a price board's heading, else None."""
    return "weather" if _WEATHER.search(s) else "market" if _MARKET_HEAD.match(s) else None


def _market_rows(page: _Page) -> None:
    """A price board's rows (_MARKET_ROW) near a weather or price-board line, or near another row so
    found; and a board's bare heading ("Giá xăng dầu", "Tỷ giá ngoại tệ") right above a row."""
    lines, kind, rule, why = page.lines, page.kind, page.rule, page.why
    n = len(lines)
    # A weather line or a board's heading is the site's only in a box: beside another such line or a
    # price row. Alone it is the article's own headline or subhead ("Hà Nội nắng nóng 40°C").
    rows = [i for i, s in enumerate(lines) if not kind[i] and len(s) <= MARKET_ROW_CHARS and words(s) <= 8
            and _MARKET_ROW.match(s)]
    heads = {i: _box_line(s) for i, s in enumerate(lines)
             if not kind[i] and s and words(s) <= WEATHER_WORDS and not s.endswith(_SENTENCE_END)}
    heads = {i: box for i, box in heads.items() if box}
    near_box = sorted({*heads, *rows})
    for k, i in enumerate(near_box):
        if i in heads and any(abs(j - i) <= 2 for j in near_box[max(0, k - 1):k] + near_box[k + 1:k + 2]):
            kind[i], rule[i], why[i] = "boilerplate", "boilerplate.widget", heads[i]
    if not rows:
        return
    boxed = [i for i in range(n) if why[i] in ("weather", "market")]
    boxed += [i for i, s in enumerate(lines) if not kind[i] and words(s) <= 5 and _MARKET_BARE_HEAD.match(s)
              and any(0 < r - i <= 2 for r in rows)]
    todo = set(rows)
    while boxed:
        b = boxed.pop()
        if why[b] != "market" and not kind[b]:
            kind[b], rule[b], why[b] = "boilerplate", "boilerplate.widget", "market"
        near = [r for r in todo if abs(r - b) <= 3]
        for r in near:
            todo.discard(r)
            kind[r], rule[r], why[r] = "boilerplate", "boilerplate.widget", "market"
        boxed += near


def _short(s: str) -> bool:
    """A short line without sentence punctuation: a menu item, heading, caption or name."""
    return words(s) <= 12 and not is_prose(s) and not s.endswith((".", "?", "!", ";"))


def _photo_credit(s: str) -> bool:
    """A photo credit at the start or the end of the line.

    The end credit "(Ảnh: ...)" may hold no ")" but a last one: it is looked for after the last
    ")" inside the line, once, rather than from every "(ảnh:" to the end of the line."""
    m = _PHOTO_CREDIT_HEAD.search(s)
    if m:
        # "(Video) Nông dân ra đồng gieo cấy lúa xuân": a marker before a headline, no credit
        # ("(Ảnh minh họa) Du khách …" is a caption still)
        return not (s[m.end() - 1] == ")" and words(s[m.end():]) >= 4 and _MEDIA_MARK.match(s))
    core = s.rstrip()
    core = core[:-1] if core.endswith(")") else core
    return _PHOTO_CREDIT_TAIL.search(s, core.rfind(")") + 1) is not None


def is_caption(s: str, after_image: bool) -> bool:
    """A photo caption: says who does what in the picture, or credits it; no final full stop."""
    n = words(s)
    if n < 2 or n > 40 or is_prose(s) and n >= 25 or _LIST_ITEM.match(s):
        return False
    ends_period = s.endswith((".", ";", ":", "?", "!"))
    if _BYLINE_PREFIX.match(s) and byline_name(s):
        return False  # "Bài, ảnh: Minh Anh" signs the article
    if after_image or _photo_credit(s):
        return True
    scene = bool(_CAPTION_SCENE.search(s))
    opener = bool(_CAPTION_OPENER.match(s))
    action = opener and bool(_CAPTION_ACTION.search(s))
    if ends_period:
        return opener and (scene or action) and n <= 25
    return scene or action or (opener and n <= 30)


@dataclass
class _Page:
    """The classifier's working state: one slot per line."""

    lines: list[str]  # whitespace-collapsed text
    kind: list[str]  # "" = not decided yet (body)
    rule: list[str]
    by_line: list[bool]  # decided by the line alone, not by its neighbours
    why: list[str]  # the evidence for the verdict (a key of EVIDENCE, "=" and a detail), or ""


def _classify(text: str) -> tuple[LineClass, ...]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    # Whitespace runs (NBSP included) collapse to one space: the patterns see one shape, and no
    # pattern can crawl through a long run of spaces.
    lines = [" ".join(text[a:b].split()).strip(_SPACES) for a, b in spans]
    n = len(lines)
    kind = [""] * n
    rule = [""] * n
    why = [""] * n
    for i, s in enumerate(lines):
        if not s:
            kind[i] = "blank"
            continue
        local = _local(s)
        if local:
            kind[i], rule[i], why[i] = local
    page = _Page(lines, kind, rule, [bool(r) for r in rule], why)
    _market_rows(page)
    for i, (a, b) in enumerate(spans):
        # Only a line whose collapsed text lost three wide gaps or more (most lost none), or that has
        # a tab, is split.
        if not kind[i] and (b - a >= len(lines[i]) + 3 or "\t" in text[a:b]):
            items = _spaced_bar(text[a:b])
            if items:
                kind[i], rule[i], why[i] = "boilerplate", "boilerplate.menu", f"spaced={items}"
                page.by_line[i] = True

    prose = [i for i in range(n) if not kind[i] and is_prose(lines[i])]
    if not prose:
        prose = _cut_paragraph(kind, lines)
    prose_set = set(prose)
    if prose:
        prose = _after_ticker(_after_headline_sentence(_after_repeated_lead(prose, lines), kind, rule, lines),
                              kind, rule, lines)
    first_prose = prose[0] if prose else None
    signed = _sign_off(prose, kind, rule, lines) if prose else None
    if signed is not None:
        why[signed] = "sign_off"
    last_prose = _article_end(prose, kind, rule, lines, signed) if prose else None

    _mark_menus(page, first_prose, last_prose)
    title = None
    if first_prose is not None:
        title = _mark_title_and_header(page, first_prose)
        _mark_header_dates(page, title if title is not None else first_prose)
        _mark_tail(page, last_prose, title, signed)
        if title is not None and "metadata.byline" not in rule:
            _mark_byline_after_lead(page, prose_set, first_prose, last_prose)
        if title is None:
            _mark_stopped_headline(page, prose)
        _mark_tab_title(page, first_prose)
    _mark_inside(page, prose_set, first_prose, last_prose)
    _mark_teasers(page, title, first_prose, last_prose)

    out = []
    for i, (a, b) in enumerate(spans):
        k = kind[i] or "body"
        r = rule[i] if k != "body" else ""
        w = why[i] if r else ""
        out.append(LineClass(a, b, k, r, explain(r, w) if r else "", w))
    return tuple(out)


def _mark_menus(page: _Page, first_prose: int | None, last_prose: int | None) -> None:
    """Runs of short lines with no blank line between them: three make a menu outside the
    article, five inside it (where a table or a list is not one)."""
    lines, kind, rule = page.lines, page.kind, page.rule
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and kind[i] in ("", "boilerplate") and _short(lines[i]):
            run.append(i)
            continue
        if run:
            inside = first_prose is not None and first_prose < run[0] and run[-1] < last_prose
            if len(run) >= (5 if inside else 3) and not (inside and _table_or_list(run, lines)):
                for j in run:
                    if not kind[j]:
                        kind[j], rule[j] = "boilerplate", "boilerplate.menu"
                        page.why[j] = f"run={len(run)}"
        run = []


def _mark_title_and_header(page: _Page, first_prose: int) -> int | None:
    """The title: the nearest heading-like line above the lead, past date lines, widgets and a
    bút danh; everything above it is the site's header. Returns the title's line or None."""
    lines, kind, rule = page.lines, page.kind, page.rule
    title = None
    labels: list[int] = []  # short labels passed between the title and the lead ("Y tế", "Tin tức")
    j = first_prose - 1
    while j >= 0:
        if kind[j] in ("blank", "metadata") or page.by_line[j] or _under_date_line(j, page):
            j -= 1
            continue
        s = lines[j]
        bare = s.rstrip(" -–—|,;/")
        # A name the menu runs took along with the title (a label, the title and the name with no
        # blank line between) is still the bút danh when it says it is one.
        taken = rule[j] == "boilerplate.menu" and page.why[j].startswith("run=") and words(s) <= 12 \
            and (_signed(s) or _between_headline_and_date(j, page) or _in_author_box(j, page))
        if (kind[j] == "" or taken or rule[j] == "boilerplate.menu" and _email_under(j, page)) and ((words(s) <= 5 or words(s) <= 12 and (
                _NAME_PREFIX.match(s) or _OFFICE_TAIL.search(bare) or "/" in s or bare != s and _headline_over(j, page)))
                and byline_name(s) or (kind[j] == "" or taken) and words(s) <= 12 and _between_headline_and_date(j, page)
                and agency_credit(s) and not _PLACE_HEAD.match(s)):
            # A bút danh under the title ("Bài, ảnh: Minh Anh"; an office signing: "Chi cục Chăn nuôi và
            # Thú y" between the headline and the date line), not the title itself.
            kind[j], rule[j] = "metadata", "metadata.byline"
            page.why[j] = "under_title"
            j -= 1
            continue
        if kind[j] in ("", "boilerplate") and _affiliation(j, page):
            # the author's post and office under a signed name ("Tác giả: Lê Thị Hoa / Giáo viên
            # Trường THCS Quang Chiểu, tỉnh Thanh Hóa"), as a contest's or a contributor's entry prints it
            kind[j], rule[j] = "metadata", "metadata.byline"
            page.why[j] = "affiliation"
            j -= 1
            continue
        if kind[j] == "" and _photo_credit(s) and not _media_headline(j, page):
            # A photo credit between the title and the lead ("Quang cảnh buổi lễ (Ảnh: Thu Hà)").
            kind[j], rule[j] = "caption", "boilerplate.caption"
            page.why[j] = "credit"
            j -= 1
            continue
        ok = 2 <= words(s) <= 50 and not s.endswith((":", ";")) and not _local(s) and not is_section(s) \
            and (not s.endswith(".") or _stopped_over_date(j, page)) and not MONTH_MARK.fullmatch(s)
        if ok and kind[j] == "" and words(s) <= 12 and find_dates(s) and _headline_over(j, page):
            # A short line with a date under a headline is the date line in a shape no pattern
            # knows ("Đăng bởi Minh Anh vào 12/10/2026 | 08:30 SA"), not the title.
            kind[j], rule[j] = "metadata", "metadata.date"
            page.why[j] = "date_under_title"
            j -= 1
            continue
        if ok and kind[j] == "boilerplate" and rule[j] in ("boilerplate.menu", "boilerplate.banner"):
            # A title can close a run of menu lines (nothing separates it from the menu);
            # it is the longest line there, or the last capitals before the lead.
            ok = words(s) >= 6 or is_caps(s) and not any(
                kind[k] == "boilerplate" and not is_caps(lines[k]) for k in range(j + 1, first_prose)) \
                or _short_headline(j, page, first_prose)
            ok = ok and not _SLOGAN.search(s)
        if words(s) <= (5 if ok else 4) and len(labels) < 2 and not is_caps(s) \
                and _headline_above(j, kind, rule, lines, page.by_line):
            # A section label under the headline ("Quảng Ninh Đẩy Mạnh ... / Y tế"), not the title.
            labels.append(j)
            j -= 1
            continue
        if ok:
            title = j
        break
    if title is None:
        title = _headline_over_date(first_prose, page)
    for k in labels if title is not None else ():
        kind[k], rule[k] = "boilerplate", "boilerplate.menu"
        page.why[k] = "label_under_title"
    if title is not None and words(lines[title]) < 6 and not _over_published(title, page):
        # "Title, date line, short label, lead": a label between the date and the lead is not
        # the title; the heading above the date is.
        above = _heading_above_date(title, kind, rule, page.by_line, lines)
        if above is not None:
            kind[title], rule[title] = "boilerplate", "boilerplate.widget"
            page.why[title] = "label_under_date"
            title = above
    if title is not None:
        above = _document_title(title, page)
        if above is not None:
            title = above
    if title is not None:
        above = _headline_over_deck(title, page, first_prose)
        if above is not None:
            kind[title], rule[title], page.why[title] = "", "", ""  # the sub-headline: the article's
            title = above
    if title is not None:
        kind[title], rule[title] = "title", "title"
        _mark_byline_above(title, page)
    # With no site anywhere else, numbered section headings above the first paragraph belong to
    # the text (a stored body opening "I. KẾT QUẢ" / "1. Về kinh tế"), not to a header.
    framed = any(kind[i] in ("boilerplate", "metadata") for i in range(len(kind)))
    for i in range(title if title is not None else first_prose):
        if not framed and _NUMBERED.match(lines[i]) or MONTH_MARK.fullmatch(lines[i]):
            continue  # (the archive's month marker stays with the text it dates, as pages-dev labels it)
        if kind[i] in ("", "caption"):
            kind[i] = "boilerplate"
            rule[i] = "boilerplate.banner" if is_caps(lines[i]) else "boilerplate.menu"
            page.why[i] = "above_title" if title is not None else "above_text"
    return title


def _affiliation(j: int, page: _Page) -> bool:
    """Whether line j is a post and an office ("Giáo viên Trường THCS …", "Bác sĩ Khoa Nhi, Bệnh
    viện …") right under a name signed with its label ("Tác giả: Lê Thị Hoa")."""
    s = page.lines[j]
    if words(s) > 16 or not _POST.match(s) or not _office(s.rstrip(" .")):
        return False
    k = j - 1
    while k >= 0 and page.kind[k] == "blank":
        k -= 1
    return k >= 0 and bool(_NAME_PREFIX.match(page.lines[k])) and byline_name(page.lines[k]) is not None


def _headline_over_date(first_prose: int, page: _Page) -> int | None:
    """The headline over the article's own date line when the way up from the lead met a block the
    site prints under that line (a table of contents, a score box) and stopped: the nearest date
    line above the lead, if it shows it is the article's (a publication cue or the bút danh beside
    the date: a header's today or a sidebar's date shows neither), and right over it (a bút danh
    aside) a line of 6 to 50 words that is no sentence, no section, no date and no item of a block."""
    lines, kind, rule = page.lines, page.kind, page.rule
    k = first_prose - 1
    while k >= 0 and rule[k] != "metadata.date":
        k -= 1
    if k < 0 or not (page.why[k] == "date+name" or _PUBLISHED_CUE.search(lines[k])):
        return None
    j = k - 1
    while j >= 0 and (kind[j] == "blank" or rule[j] == "metadata.byline"):
        j -= 1
    if j < 0 or rule[j] not in ("", "boilerplate.menu") or page.by_line[j] or _under_block_heading(j, page):
        return None
    s = lines[j]
    if not 6 <= words(s) <= 50 or s.endswith(_SENTENCE_END) or s.endswith((":", ";")) or is_section(s) \
            or find_dates(s) or _SLOGAN.search(s) or MONTH_MARK.fullmatch(s):
        return None
    return j


def _under_block_heading(j: int, page: _Page) -> bool:
    """Whether line j follows a heading of the site's blocks ("Tin nổi bật", "Tin mới") with only
    short lines between them: an item of that block."""
    k = j - 1
    while k >= 0 and (page.kind[k] == "blank" or words(page.lines[k]) <= 50 and page.rule[k] != "boilerplate.related"
                      and j - k <= 12 and not is_prose(page.lines[k])):
        k -= 1
    return k >= 0 and page.rule[k] == "boilerplate.related"


def _over_published(j: int, page: _Page) -> bool:
    """Whether line j stands right over a date line that says it dates the publication ("Cáo phó /
    Đăng ngày 03/03/2026 | 16:40"): a short headline over its own date, not a label under the
    site's header date."""
    k = j + 1
    while k < len(page.kind) and page.kind[k] == "blank":
        k += 1
    return k < len(page.kind) and page.rule[k] == "metadata.date" and bool(_PUBLISHED_CUE.search(page.lines[k]))


def _short_headline(j: int, page: _Page, first_prose: int) -> bool:
    """Whether line j, a short line that closes a menu's run right above the lead, is a headline of
    two to five words ("Giá vàng giảm", "Mùa hồng khô"): no section's name and no sentence's end, and
    set apart from the menu by the article's own frame: the date line alone between it and the lead,
    or, above it, the article's section label (a section's name the menu printed before)."""
    lines, kind, rule = page.lines, page.kind, page.rule
    s = lines[j]
    if not 2 <= words(s) <= 5 or is_section(s) or s.endswith(_SENTENCE_END) or _local(s):
        return False
    between = [k for k in range(j + 1, first_prose) if kind[k] != "blank"]
    if between:  # the date line (and the bút danh) first, and only share buttons or a player's words under it
        return any(rule[k] == "metadata.date" for k in between) and rule[between[0]] in _BY_DATE and all(
            rule[k] in _BY_DATE or rule[k] in _UNDER_DATE for k in between)
    k = j - 1
    while k >= 0 and kind[k] == "blank":
        k -= 1
    return k > 0 and is_section(lines[k]) and lines[k] in lines[:k]


def _under_date_line(j: int, page: _Page) -> bool:
    """Line j is a share button or a one- or two-word menu item in the chrome between the date line
    and the lead ("By Minh Anh - 14/06/2024", "Share", "Facebook", "Zalo", lead): passed over on the
    way up to the title, as blank lines are."""
    kind, rule = page.kind, page.rule
    if kind[j] != "boilerplate" or not (rule[j] == "boilerplate.widget"
                                        or rule[j] == "boilerplate.menu" and words(page.lines[j]) <= 2):
        return False
    k = j - 1
    while k >= 0 and (kind[k] == "blank" or kind[k] == "boilerplate" and rule[k] in ("boilerplate.widget",
                                                                                      "boilerplate.menu")
                      and words(page.lines[k]) <= 2):
        k -= 1
    return k >= 0 and rule[k] == "metadata.date"


# An author box's pieces around the name: the label over it ("Tác giả"), the follow button and the
# count of articles under it ("Theo dõi", "125 bài viết").
_AUTHOR_LABEL = re.compile(r"(?:tác giả|người viết|phóng viên|biên tập viên|cộng tác viên)\s*:?", re.I)
_AUTHOR_BOX = re.compile(r"(?:theo dõi(?: tác giả)?|\+ theo dõi|[\d.,]+ bài(?: viết)?|(?:xem )?(?:các |tất cả )?bài viết "
                         r"(?:của|cùng) tác giả)", re.I)


# An author box on one line, its pieces run together when the page is copied: the avatar's initials,
# the name, the follow button or the count of followers or articles ("TP Trần Phong · 1,2K người theo
# dõi", "Hoàng Nam Theo dõi", "Minh Anh | 125 bài viết").
_AUTHOR_BOX_LINE = re.compile(r"(?P<name>[^\W\d_][^\d|·•:]{2,40}?) (?:[·•|] )?(?:\+ )?"
                              r"(?:theo dõi(?: tác giả)?|[\d.,]+ ?[km]? (?:người theo dõi|lượt theo dõi|followers?"
                              r"|bài(?: viết)?))", re.I)


def author_box_name(s: str) -> str | None:
    """The name an author box printed on one line gives, else None (see _AUTHOR_BOX_LINE): a
    person's, so a surname first or the avatar's initials before it ("TP Trần Phong"); a place or a
    topic with its own follow button ("Nghệ An Theo dõi", "Nhà Trắng theo dõi") is none."""
    m = _AUTHOR_BOX_LINE.fullmatch(s)
    if m is None:
        return None
    name = m.group("name")
    initials, _, rest = name.partition(" ")
    if rest and len(initials) <= 3 and initials.isalpha() and initials.isupper() and 2 <= words(rest) <= 5 \
            and byline_name(rest) == rest and initials == "".join(w[0] for w in rest.split())[:len(initials)].upper():
        return rest  # the avatar's initials before the name
    first = name.split()[0].lower()
    if not (2 <= words(name) <= 5 and byline_name(name) == name and first in SURNAMES):
        return None
    from bientap.checks.metadata import place_names  # (read only for a line of this shape)
    return None if name in place_names() else name


def _in_author_box(j: int, page: _Page) -> bool:
    """Whether line j is the name in an author box: a label right above it, or a follow button or
    the count of the author's articles right under it."""
    above, below = j - 1, j + 1
    while above >= 0 and page.kind[above] == "blank":
        above -= 1
    while below < len(page.kind) and page.kind[below] == "blank":
        below += 1
    return above >= 0 and _AUTHOR_LABEL.fullmatch(page.lines[above]) is not None \
        or below < len(page.kind) and _AUTHOR_BOX.fullmatch(page.lines[below]) is not None


def _between_headline_and_date(j: int, page: _Page) -> bool:
    """Whether line j stands right under a headline (6 to 50 words, no sentence, longer than it)
    and right above a date line, with no blank line either side: where a page prints the bút danh."""
    if not (0 < j < len(page.kind) - 1) or page.rule[j + 1] != "metadata.date":
        return False
    above = page.lines[j - 1]
    return 6 <= words(above) <= 50 and words(above) > words(page.lines[j]) and not is_prose(above) \
        and not above.endswith((".", ":", ";"))


def _stopped_over_date(j: int, page: _Page) -> bool:
    """Whether line j is a headline closed with a full stop, as some portals print it: one
    sentence of at most 25 words right above the article's date line."""
    s = page.lines[j]
    if words(s) > 25 or s.endswith("..") or re.search(r"[.!?…;]\s", s) or _LEAD_OPENING.match(s):
        return False
    k = j + 1
    while k < len(page.kind) and page.kind[k] == "blank":
        k += 1
    return k < len(page.kind) and page.rule[k] == "metadata.date"


def _media_headline(j: int, page: _Page) -> bool:
    """Whether line j is a video or photo story's headline ("Video: Toàn cảnh lễ hội hoa tam giác
    mạch năm 2026"), not a credit: five words or more after the colon that name no one, right
    above the article's date line."""
    s = page.lines[j]
    head, colon, rest = s.partition(":")
    if not colon or words(rest.strip()) < 5 or byline_name(rest) or not _PHOTO_CREDIT_HEAD.match(head + ":"):
        return False
    k = j + 1
    while k < len(page.kind) and page.kind[k] == "blank":
        k += 1
    return k < len(page.kind) and page.rule[k] == "metadata.date"


def _email_under(j: int, page: _Page) -> bool:
    """Whether the next line with text under line j is an e-mail address alone: the reporter's,
    under the bút danh ("Minh Anh / minhanh@baotinh.vn")."""
    k = j + 1
    while k < len(page.kind) and page.kind[k] == "blank":
        k += 1
    if k == len(page.kind):
        return False
    address = page.lines[k].strip(" ()<>[]:")
    return " " not in address and _EMAIL.search(address) is not None


def _headline_over(j: int, page: _Page) -> bool:
    """Whether the line with text above line j reads as the headline over it: 6 to 50 words, no
    final full stop, not set aside by anything, and longer than line j."""
    k = j - 1
    while k >= 0 and page.kind[k] == "blank":
        k -= 1
    if k < 0 or page.kind[k]:
        return False
    s = page.lines[k]
    return 6 <= words(s) <= 50 and words(s) > words(page.lines[j]) and not s.endswith((".", ":", ";")) \
        and not is_prose(s) and not _SLOGAN.search(s)


def _headline_over_deck(deck: int, page: _Page, first_prose: int) -> int | None:
    """The headline over a sub-headline (a deck: "Xuất khẩu thủy sản vượt kế hoạch / Các thị
    trường ... phục hồi, đơn hàng cuối năm tăng mạnh"), right above it or above the date line over
    it: the line the walk up from the lead took for the title is then the deck. The headline is a
    heading of six words or more (a kicker over a headline is shorter), the deck clearly longer
    (14 words or more, five more than it), a date line between the two is the only one (a teaser
    and its date over a dated headline are no pair), and nothing above the headline reads as another headline or a related-news heading (a list of
    teasers over the title)."""
    lines, kind, rule = page.lines, page.kind, page.rule
    if words(lines[deck]) < 14:
        return None
    k, dates = deck - 1, 0
    while k >= 0 and (kind[k] == "blank" or rule[k] == "metadata.date" and dates == 0):
        dates += kind[k] != "blank"
        k -= 1
    if k < 0 or not dates or not _heading_line(k, page) or words(lines[deck]) < words(lines[k]) + 5 \
            or any(rule[i] == "metadata.date" for i in range(deck + 1, first_prose)):
        return None
    h = k - 1
    while h >= 0 and kind[h] == "blank":
        h -= 1
    if h >= 0 and (rule[h] == "boilerplate.related" or words(lines[h]) >= 6 and _heading_line(h, page)):
        return None
    return k


def _heading_line(k: int, page: _Page) -> bool:
    """Whether line k may be a headline: 6 to 50 words, no sentence's end, set aside by nothing but
    a run of short lines (a title can close a menu's run when no blank line parts them)."""
    s = page.lines[k]
    if page.kind[k] and not (page.rule[k] == "boilerplate.menu" and page.why[k].startswith("run=")):
        return False
    return 6 <= words(s) <= 50 and not s.endswith((".", ":", ";")) and not is_prose(s) \
        and not _SLOGAN.search(s) and not is_section(s) and not _local(s)


def _document_title(title: int, page: _Page) -> int | None:
    """A bulletin's title above its date line, when the document's own section headings stand
    between that date line and the first paragraph ("Bản tin giá cả số 42/2026 / Ngày 12/10/2026 /
    GIÁ LÚA GẠO / Đồng Tháp: / Giá lúa tăng nhẹ / ..."): the line the walk up from the lead took for
    the title is a subhead. Section headings are capitals, end in a colon or are numbered."""
    lines, kind, rule = page.lines, page.kind, page.rule
    nxt = title + 1
    while nxt < len(kind) and kind[nxt] == "blank":
        nxt += 1
    if nxt < len(kind) and rule[nxt] == "metadata.date":
        return None  # the title's own date line stands under it
    k, heads = title - 1, 0
    while k >= 0 and heads <= 3:
        if kind[k] == "blank":
            k -= 1
            continue
        if rule[k] == "metadata.date":
            break
        if page.by_line[k] or not (is_caps(lines[k]) or lines[k].endswith(":") or _NUMBERED.match(lines[k])):
            return None
        heads += 1
        k -= 1
    if k < 0 or heads == 0 or rule[k] != "metadata.date":
        return None
    h = k - 1
    while h >= 0 and kind[h] == "blank":
        h -= 1
    if h < 0 or page.by_line[h] or kind[h] not in ("", "boilerplate"):
        return None
    s = lines[h]
    if 4 <= words(s) <= 50 and not s.endswith((".", ":", ";")) and not is_prose(s) and not _SLOGAN.search(s):
        kind[title], rule[title] = "", ""  # a subhead of the text
        for i in range(h + 1, title):
            if kind[i] == "boilerplate":
                kind[i], rule[i], page.why[i] = "", "", ""
        return h
    return None


# How a lead opens, unlike a headline: a time word ("Sáng 12/10, ...") or the outlet ("(TTXVN) - ").
_LEAD_OPENING = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|vừa qua|mới đây|theo)\b|\([^()]{2,30}\)\s*[-–]|[A-ZĐ.]{2,12}\s*[-–]\s)",
    re.I)


# The page's title as a browser tab shows it, the first line of a page saved or copied whole:
# "Ngư dân Hoài Nhơn trúng đậm cá ngừ đầu năm - Báo Bình Định", "… | VTV.vn".
_TAB_TITLE = re.compile(
    r"(\S.{14,200}?)\s+[-–|]\s+((?:Báo|Tạp chí|Đài|Cổng thông tin|Trang tin|Truyền hình|Thông tấn)\s[^|]{2,50}"
    r"|[^\s./]+(?:\.[a-z]{2,4}){1,2})")


def _tab_parts(s: str) -> tuple[str, str] | None:
    m = _TAB_TITLE.fullmatch(s)
    return (m.group(1), m.group(2)) if m and 5 <= words(m.group(1)) <= 40 and not is_caps(m.group(1)) else None


def tab_headline(s: str) -> str | None:
    """The headline of a browser tab's title ("Headline - Báo X"), else None."""
    parts = _tab_parts(s)
    return parts[0] if parts else None


def _mark_tab_title(page: _Page, first_prose: int) -> None:
    """The page's first line, when it is the title a browser tab shows (the headline, a dash or
    bar, the site's name) and stands in the header, is the headline where none was found above the
    text, or where the one found is the site's name that the tab names ("BÁO BÌNH ĐỊNH")."""
    lines, kind, rule = page.lines, page.kind, page.rule
    first = next((i for i, k in enumerate(kind) if k != "blank"), None)
    if first is None or first >= first_prose or kind[first] not in ("", "boilerplate"):
        return
    parts = _tab_parts(lines[first])
    if parts is None:
        return
    found = next((i for i, k in enumerate(kind) if k == "title"), None)
    if found is not None:
        if " ".join(lines[found].split()).casefold() != " ".join(parts[1].split()).casefold():
            return
        kind[found], rule[found], page.why[found] = "boilerplate", "boilerplate.banner", "above_title"
    kind[first], rule[first], page.why[first] = "title", "title", "tab_title"


def _mark_stopped_headline(page: _Page, prose: list[int]) -> None:
    """A headline ending in a full stop, first on a page with no menu above it: one sentence of 6
    to 25 words that does not open like a lead, above a longer paragraph, on a page that shows a
    date line or a bút danh (a stored body opening with a short sentence has neither)."""
    lines, kind = page.lines, page.kind
    if len(prose) < 3 or not any(k == "metadata" for k in kind):
        return
    first = next(i for i, k in enumerate(kind) if k != "blank")
    s = lines[first]
    if first != prose[0] or kind[first] or not 6 <= words(s) <= 25 or not s.endswith(".") \
            or s.endswith("..") or re.search(r"[.!?…;]\s", s) or _LEAD_OPENING.match(s):
        return
    nxt = first + 1
    while kind[nxt] in ("blank", "metadata"):
        nxt += 1
    if nxt == prose[1] and words(lines[nxt]) > words(s):
        kind[first], page.rule[first] = "title", "title"


def _mark_byline_above(title: int, page: _Page) -> None:
    """A bút danh printed above the title ("Tác giả: Minh Anh", "Minh Anh (TTXVN)", "PV"): only a
    name that says it is one (a prefix, an agency, an outlet or office after it), since a bare
    Title Case line above a headline is as often a section label ("Văn Hóa"). The article's date
    line may stand between the two ("Minh Anh - / Thứ Bảy, 05/12/2026 | 10:30 / the title")."""
    lines, kind, rule = page.lines, page.kind, page.rule
    k = title - 1
    dates = 0
    while k >= 0 and (kind[k] == "blank" or rule[k] == "metadata.date" and dates == 0
                      and not _TODAY.search(lines[k])):
        dates += rule[k] == "metadata.date"
        k -= 1
    if k < 0 or kind[k] not in ("", "boilerplate") or page.by_line[k] or words(lines[k]) > 12:
        return
    s = lines[k]
    if byline_name(s) and _signed(s):
        kind[k], rule[k] = "metadata", "metadata.byline"
        page.why[k] = "over_title"


def _mark_byline_after_lead(page: _Page, prose_set: set[int], first_prose: int, last_prose: int) -> None:
    """A bút danh between the sapo and the text, where papers that set the lead in bold above the
    author's name print it: the line right after the first paragraph, a name (Title Case or
    capitals, or a prefix or agency saying it is one) with the text going on right under it. Only
    on a page with a title and no bút danh anywhere else; a subhead there has lower-case words."""
    lines, kind = page.lines, page.kind
    i = first_prose + 1
    while i < last_prose and kind[i] == "blank":
        i += 1
    if i >= last_prose or kind[i] or words(lines[i]) > 8 or _HONORIFIC.match(lines[i]) \
            or not byline_name(lines[i]):
        return
    nxt = i + 1
    while nxt < len(kind) and kind[nxt] == "blank":
        nxt += 1
    if nxt in prose_set and not kind[nxt]:
        kind[i], page.rule[i] = "metadata", "metadata.byline"
        page.why[i] = "after_lead"


def _signed(s: str) -> bool:
    """Whether a line shows it is a bút danh beyond looking like a name: a prefix ("Tác giả:"), an
    agency, an outlet or office after the name, or a separator after it ("Minh Anh -")."""
    return bool(_NAME_PREFIX.match(s) or _OFFICE_TAIL.search(s) or "/" in s or s[-1] in "-–—|·•"
                or any(t.strip("(),").upper() in _AGENCIES for t in s.split()))


def _mark_header_dates(page: _Page, anchor: int) -> None:
    """The site header's date ("Thứ Tư, ngày 21/10/2026": today, not the article's) above the title
    (or the lead, `anchor`): a date line saying "hôm nay", or one without a publication word or a
    name that stands apart from the title: another date line nearer it or under it, or two lines
    of the site's header between them."""
    lines, kind, rule = page.lines, page.kind, page.rule
    dated = [i for i in range(anchor) if rule[i] == "metadata.date"]
    if not dated:
        return
    below = anchor + 1
    while below < len(kind) and kind[below] in ("blank", "metadata") and rule[below] != "metadata.date":
        below += 1
    under = below < len(kind) and rule[below] == "metadata.date"
    chrome_after = [0] * (anchor + 1)  # lines of the site from i to the anchor
    for i in range(anchor - 1, -1, -1):
        # a one-line menu ("Trang chủ | Tin tức | Video") or breadcrumb is a whole menu
        whole = page.why[i].startswith(("pipes", "spaced", "breadcrumb"))
        chrome_after[i] = chrome_after[i + 1] + (kind[i] == "boilerplate") * (2 if whole else 1)
    for n, i in enumerate(dated):
        s = lines[i]
        today = _TODAY.search(s) is not None
        if not today and (_PUBLISHED_CUE.search(s) or page.why[i] == "date+name"
                          or _ISSUE.search(s) and rule.count("metadata.date") == 1):
            continue
        if today or under or n + 1 < len(dated) or chrome_after[i + 1] >= 2:
            kind[i], rule[i] = "boilerplate", "boilerplate.banner"
            page.why[i] = "today"


def _mark_tail(page: _Page, last_prose: int, title: int | None, signed: int | None) -> None:
    """A bút danh right after the last paragraph, a source line; the site below them.

    `signed` is where _sign_off saw the article close (a bút danh, or the first commenter's name
    when the page prints none): from there on it is the site.
    """
    lines, kind, rule = page.lines, page.kind, page.rule
    n = len(lines)
    # Short lines after the last paragraph go only when the text shows a site around it; a stored
    # body (no header, no date line, no chrome) keeps its closing line.
    framed = any(k in ("boilerplate", "metadata") for k in kind)
    byline = None
    seen = 0
    for i in range(last_prose + 1, n):
        if kind[i] == "blank" or page.why[i].startswith("pipes") and any(c.isdigit() for c in lines[i]):
            continue  # a table's rows closing the text ("Nhật Bản | 180 | 15%") come before the bút danh
        seen += 1
        s = lines[i]
        if kind[i] == "metadata":
            continue
        if kind[i] == "boilerplate" and rule[i] != "boilerplate.menu":
            if rule[i] in ("boilerplate.file_path", "boilerplate.photo_ref"):
                continue
            break
        if rule[i] == "boilerplate.menu" and is_caps(s) and _caps_follow(i, kind, lines):
            break  # a run of capitals after the article is a menu, not a pen name in capitals
        # _sign_off saw the article close here, prose after it or not (a footnote: "(*) Số liệu ...").
        lone = seen == 1 and _lone_pen_name(i, page)
        if (byline_name(s) or agency_credit(s)) and (i == signed or not _prose_follows(i, kind, lines)) or lone:
            byline = i
            kind[i], rule[i] = "metadata", "metadata.byline"
            page.why[i] = "pen_name" if lone else "after_text" if byline_name(s) else "agency"
            break
        if seen >= 3:
            break
    chrome_from = None
    if byline is not None:
        # A source or date line may follow the bút danh; the site starts after them.
        chrome_from = byline + 1
        while chrome_from < n and kind[chrome_from] in ("blank", "metadata"):
            chrome_from += 1
    else:
        for i in range(last_prose + 1, n):
            if kind[i] == "boilerplate" and rule[i] not in ("boilerplate.file_path", "boilerplate.photo_ref"):
                chrome_from = i
                break
        if signed is not None and signed > last_prose and (chrome_from is None or signed < chrome_from):
            chrome_from = signed
    for i in range(last_prose + 1, n):
        if kind[i] in ("blank", "boilerplate") or i == byline:
            continue
        s = lines[i]
        if kind[i] == "metadata" and (chrome_from is None or i < chrome_from or rule[i] == "metadata.tags"):
            continue  # the keyword line may stand below share buttons: it is still the article's
        if chrome_from is None or i < chrome_from:
            # Between the last paragraph and the site: a closing sentence stays, a caption is one.
            if title is None or not framed or s.endswith((".", "!", "?", "…")) and words(s) >= 3:
                continue
            if chrome_from is None and all(kind[j] == "blank" for j in range(last_prose + 1, i)) \
                    and _cut_short(i, lines, kind):
                continue
            if is_caption(s, False):
                kind[i], rule[i] = "caption", "boilerplate.caption"
                page.why[i] = "credit" if _photo_credit(s) else "caption_shape"
                continue
        kind[i] = "boilerplate"
        rule[i] = "boilerplate.related" if words(s) >= 6 and not is_caps(s) else \
            ("boilerplate.banner" if is_caps(s) else "boilerplate.menu")
        page.why[i] = "after_end"


# One word a site prints as a label or a button, which is no pen name ("Nguồn", "Thẻ", "Gửi").
_UI_WORDS = frozenset("""nguồn thẻ gửi ảnh đóng tiếp trước sau xem lưu in thích hết bởi theo nhãn mục
tải nghe đọc mở chọn""".split())
_DISCLAIMER = re.compile(_AUTHORS_VIEW, re.I)


def _lone_pen_name(i: int, page: _Page) -> bool:
    """Whether line i, right under the last paragraph, is a pen name of one syllable ("Nhân"): a
    capitalised word with a Vietnamese mark, no section's or site's word (_UI_WORDS), with an opinion
    page's disclaimer or the comments' heading the next thing under it. A lone word is as often a
    label (over a related-news box, beside buttons, over a footer): it is read only there."""
    s = page.lines[i]
    if " " in s or not (2 <= len(s) <= 7 and s.isalpha() and s[0].isupper() and s[1:].islower()) or s.isascii() \
            or s.lower() in _NOT_NAME or s.lower() in _UI_WORDS or is_section(s) or _local(s):
        return False
    kind, rule = page.kind, page.rule
    j = i + 1
    while j < len(kind) and kind[j] == "blank":
        j += 1
    return j < len(kind) and (rule[j] == "boilerplate.comments" or page.why[j] == "notice" and _DISCLAIMER.search(page.lines[j]))


def _caps_follow(i: int, kind: list[str], lines: list[str]) -> bool:
    """Whether the next line with text after i is in capitals too (a menu: "TIN TỨC / LIÊN HỆ")."""
    for j in range(i + 1, len(kind)):
        if kind[j] != "blank":
            # a block's heading in capitals ("TIN LIÊN QUAN") says the article ended, not a menu
            return is_caps(lines[j]) and not _RELATED_HEAD.match(lines[j])
    return False


def _cut_short(i: int, lines: list[str], kind: list[str]) -> bool:
    """Whether line i is running text the page (or its excerpt) cut off: the last line with text,
    long, not in capitals, a comma or lower-case words like a sentence's ("Nhiều người đã tự mua
    thuốc về điều trị tại nhà, một số có bi")."""
    s = lines[i]
    if words(s) < 10 or is_caps(s) or any(kind[j] != "blank" for j in range(i + 1, len(kind))):
        return False
    lower = sum(w[0].islower() for w in s.split())
    return "," in s or lower >= 0.6 * words(s)


def _mark_inside(page: _Page, prose_set: set[int], first_prose: int | None, last_prose: int | None) -> None:
    """Inside the article: related-news boxes, photo captions, and paragraphs printed twice."""
    lines, kind, rule = page.lines, page.kind, page.rule
    seen_text: set[str] = set()
    lead = lines[first_prose].lower() if first_prose is not None else None
    in_box = False  # under a "Tin liên quan" heading, until a blank line or running text
    for i, s in enumerate(lines):
        if kind[i] in ("blank", "title") or i in prose_set:  # the box ends at the title too
            in_box = False
        elif rule[i] == "boilerplate.related" and page.by_line[i]:
            in_box = True
            continue
        elif in_box and not kind[i] and words(s) <= 30 and not s.endswith((".", "!", "?", ";", ":")):
            kind[i], rule[i] = "boilerplate", "boilerplate.related"
            page.why[i] = "under_heading"
            continue
        if kind[i] in ("blank", "boilerplate", "metadata"):
            continue
        key = s.lower()
        # A headline or teaser printed twice goes; the lead printed twice (the page shows the sapo
        # above its text and again as its first paragraph) is the article's, as an editor reads it.
        if words(s) >= 4 and key in seen_text and not (i in prose_set and key == lead):
            kind[i], rule[i] = "boilerplate", "boilerplate.duplicate"
            continue
        seen_text.add(key)
        if kind[i] or i in prose_set or first_prose is None:
            continue
        after_image = _near_image(i, kind, rule, lines)
        inside = first_prose < i < last_prose
        if (inside or after_image) and not is_prose(s) and is_caption(s, after_image):
            kind[i], rule[i] = "caption", "boilerplate.caption"
            page.why[i] = "after_image" if after_image else "credit" if _photo_credit(s) else "caption_shape"


# A link to another part of a series: "Bài 1: Ngành nuôi lợn gặp khó", "Kỳ 2 - Lời giải cho vùng khó".
_SERIES = re.compile(r"^(?:bài|kỳ)\s+\d{1,2}\s*[:.–-]\s*\w", re.I)


def _teaser(s: str) -> bool:
    """A headline's shape: 6 to 25 words, no sentence punctuation at the end, not running text."""
    return 6 <= words(s) <= 25 and not s.endswith((".", "!", "?", ";", ":", "…")) and not is_prose(s) \
        and not is_caps(s)


def _mark_teasers(page: _Page, title: int | None, first_prose: int | None, last_prose: int | None) -> None:
    """Links to other articles set in the text without a heading: the other parts of a series
    ("Bài 1: ...", when the page shows two or its title is a part), and three or more headlines in
    a row with only blank lines between them (a subhead is followed by its paragraph; a list's
    items are marked as such)."""
    if first_prose is None:
        return
    lines, kind, rule = page.lines, page.kind, page.rule
    parts = [i for i, s in enumerate(lines) if not kind[i] and i != title and _SERIES.match(s) and _teaser(s)]
    if len(parts) >= 2 or parts and title is not None and re.search(r"\b(?:bài|kỳ)\s+\d", lines[title], re.I):
        for i in parts:
            kind[i], rule[i] = "boilerplate", "boilerplate.related"
            page.why[i] = "series"
    run: list[int] = []
    for i in range(first_prose + 1, last_prose + 1):
        if kind[i] == "blank":
            continue
        if not kind[i] and _teaser(lines[i]):
            run.append(i)
            continue
        # A dashed or numbered list inside the text ("- Di tích ... (xã ..., huyện ...)") is its own.
        # Verse quoted in the text runs 6 to 8 words a line; headlines are longer.
        if len(run) >= 3 and sum(bool(_LIST_ITEM.match(lines[j])) for j in run) < 0.5 * len(run) \
                and sum(words(lines[j]) for j in run) >= 9 * len(run):
            for j in run:
                kind[j], rule[j] = "boilerplate", "boilerplate.related"
                page.why[j] = f"headlines={len(run)}"
        run = []


# Lines that only the site below an article has: once one appears, the article is over, unless
# much more prose follows it (a "Xem thêm" link inside a long story).
# Footers, counters and comment blocks never stand inside an article; a related-news heading may
# ("Xem thêm: ..."), so it ends the article only when little prose follows it.
_END_MARKERS = {"boilerplate.footer": 1.0, "boilerplate.counter": 1.0, "boilerplate.comments": 1.0,
                "boilerplate.related": 0.3}


def _table_or_list(run: list[int], lines: list[str]) -> bool:
    """Short lines inside an article that are its own table cells or list items, not a menu."""
    digits = sum(any(c.isdigit() for c in lines[j]) for j in run)
    items = sum(bool(_LIST_ITEM.match(lines[j])) for j in run)
    return digits >= 0.4 * len(run) or items >= 0.5 * len(run)


def _after_repeated_lead(prose: list[int], lines: list[str]) -> list[int]:
    """The prose from the lead's second printing, when the page shows the sapo in its header (the
    page's description) and again under the title: the same paragraph again within the next three
    prose lines, with something that is not prose (the title) between the two."""
    first = prose[0]
    for k in range(1, min(4, len(prose) - 1)):
        if lines[prose[k]] == lines[first] and prose[k] - prose[k - 1] > 1 \
                and any(lines[i] for i in range(prose[k - 1] + 1, prose[k])):
            return prose[k:]
    return prose


_UNDER_DATE = frozenset(("boilerplate.widget", "boilerplate.counter"))
_BY_DATE = frozenset(("metadata.date", "metadata.byline"))


def _after_headline_sentence(prose: list[int], kind: list[str], rule: list[str], lines: list[str]) -> list[int]:
    """The prose after a headline that reads as a sentence, a question or an exclamation ("Vì sao
    giá thóc tăng cao?"), or one a portal closes with a full stop, where no other headline stands
    above it: one sentence of at most 25 words, with the article's date line (and maybe its bút
    danh) between it and the next prose line. A lead seldom has its date line under it; a headline
    often has."""
    first = prose[0]
    s = lines[first].rstrip("”\"')»]").rstrip()
    if len(prose) < 3 or words(s) > 25 or re.search(r"[.!?…;]\s", s) or _LEAD_OPENING.match(s) \
            or not s.endswith(("?", "!", ".")) or s.endswith("..") or _headline_at(first - 1, kind, lines):
        return prose
    k, dated = first + 1, False
    asks = s.endswith(("?", "!"))
    while k < len(kind) and (kind[k] in ("blank", "metadata") or rule[k] in _UNDER_DATE
                             or asks and not kind[k] and _announced_byline(lines[k])):
        # A question or an exclamation is a headline over its bút danh alone, too ("Vì sao …?" /
        # "Tác giả: Minh Anh"); a sentence closed with a full stop there is as often the sapo. The
        # share buttons and the count of views under the date line are passed over ("Chia sẻ",
        # "Zalo", "Lượt xem: 342").
        dated = dated or rule[k] == "metadata.date" or not kind[k]
        k += 1
    if dated and k == prose[1]:
        return prose[1:]
    # The date line above it, with no headline over the date, and the lead right under it: a
    # question or an exclamation is the headline ("Góc nhìn / Thứ sáu, 5/12/2025 / Giá nhà còn neo
    # cao đến bao giờ? / lead").
    above = first - 1
    while above >= 0 and kind[above] == "blank":
        above -= 1
    under = first + 1
    while under < len(kind) and kind[under] == "blank":
        under += 1
    if asks and above >= 0 and rule[above] == "metadata.date" and under == prose[1] \
            and not _headline_at(above - 1, kind, lines):
        return prose[1:]
    return prose


def _announced_byline(s: str) -> bool:
    """A bút danh line its prefix announces ("Tác giả: Minh Anh", "Bài, ảnh: Thu Hà")."""
    return words(s) <= 12 and _NAME_PREFIX.match(s) is not None and byline_name(s) is not None


def _headline_at(i: int, kind: list[str], lines: list[str]) -> bool:
    """Whether the nearest line with text at or above i may be a headline: a line no pattern set
    aside, without a sentence's end, that is not one of a run of three short lines or more (a
    menu, whose last item stands there as often)."""
    while i >= 0 and kind[i] == "blank":
        i -= 1
    if i < 0 or kind[i]:
        return False
    s = lines[i]
    if is_prose(s) or s.endswith((".", ":", ";")) or is_section(s) or _menu_printed(s, i, kind, lines):
        return False
    run_from = run_to = i
    while run_from > 0 and kind[run_from - 1] in ("", "boilerplate") and lines[run_from - 1] \
            and _short(lines[run_from - 1]) and run_to - run_from < 2:
        run_from -= 1
    while run_to + 1 < len(kind) and kind[run_to + 1] in ("", "boilerplate") and lines[run_to + 1] \
            and _short(lines[run_to + 1]) and run_to - run_from < 2:
        run_to += 1
    return not _short(s) or run_to - run_from < 2


def _menu_printed(s: str, i: int, kind: list[str], lines: list[str]) -> bool:
    """Whether short line s (line i) is the article's section label: the name of an item the page's
    menu printed above it, alone on a line or as a field of one ("Tin công nghệ · Viễn thông · …")."""
    if words(s) > 4:
        return False
    return any(kind[k] == "boilerplate" and (lines[k] == s or s in (f.strip() for f in _PIPE_FIELDS.split(lines[k])))
               for k in range(i))


def _after_ticker(prose: list[int], kind: list[str], rule: list[str], lines: list[str]) -> list[int]:
    """Drop a header ticker ("Tin nóng" and whole-sentence teasers) from the article's prose.

    The article starts under its title and date line; prose above a "heading, date line" pair
    belongs to the site when it sits under a related-news heading, or when it is one or two
    sentences with no date line above them (the site's description, an alert: "Cảnh báo: bão số 5
    ...") — a lead under its own title and date is never dropped.
    """
    first = prose[0]
    if not any(rule[i] == "boilerplate.related" for i in range(0, first)):
        if any(rule[i] == "metadata.date" for i in range(0, first)):
            return prose
        prose = _after_header_sentences(prose, kind, rule, lines)
        return prose
    for d in range(first + 1, min(len(kind), prose[min(len(prose) - 1, 4)] + 1)):
        if rule[d] != "metadata.date":
            continue
        h = d - 1
        while h >= 0 and kind[h] == "blank":
            h -= 1
        if h > first and not kind[h] and 4 <= words(lines[h]) <= 50 and not is_prose(lines[h]):
            rest = [p for p in prose if p > d]
            if len(rest) >= 2:
                return rest
    return prose


def _after_header_sentences(prose: list[int], kind: list[str], rule: list[str], lines: list[str]) -> list[int]:
    """Prose after the first title-and-date pair (the date line under the title or above it), when
    at most two prose lines stand above it and at least two follow it, the page shows its chrome
    (a widget, a counter...) above the pair and no headline stands above the first prose line (a
    related box with its date inside the text, under the article's own title, is no title); else
    all of it."""
    first = prose[0]
    if any(not kind[i] and 5 <= len(_WORD.findall(lines[i])) <= 50 and not is_prose(lines[i])
           and not lines[i].endswith((".", ":", ";")) for i in range(first)):
        return prose
    for d in range(prose[0] + 1, min(len(kind), prose[min(len(prose) - 1, 2)] + 1)):
        if rule[d] != "metadata.date":
            continue
        for step in (-1, 1):
            h = d + step
            while 0 <= h < len(kind) and kind[h] == "blank":
                h += step
            if prose[0] < h < len(kind) and not kind[h] and 4 <= words(lines[h]) <= 50 and not is_prose(lines[h]) \
                    and any(kind[i] == "boilerplate" for i in range(min(d, h))):
                rest = [p for p in prose if p > max(d, h)]
                if len(rest) >= 2 and len(prose) - len(rest) <= 2:
                    return rest
        return prose  # the first date line decides
    return prose


# A person named in the text ("Ông Nguyễn Văn An" under a photo), not a bút danh.
_HONORIFIC = re.compile(r"^(?:ông|bà|chị|đồng chí|đ/c|cụ)\s", re.I)


def _sign_off(prose: list[int], kind: list[str], rule: list[str], lines: list[str]) -> int | None:
    """A bút danh that closes the article although prose-like lines follow (reader comments).

    It stands after at least two paragraphs, no more prose follows than came before, and what
    follows within three lines is chrome: another name (a commenter), a widget, a block heading, a
    date line, or other articles' teasers (a headline, its summary, another headline).
    """
    prose_set = set(prose)
    before = 0
    for i in range(prose[0] + 1, prose[-1]):
        if i in prose_set:
            before += 1
            continue
        if kind[i] or before < 2 or words(lines[i]) > 6 or not byline_name(lines[i]):
            continue
        after = len(prose) - before
        if after > 3 * before:
            continue
        follow = []  # the next three lines that say something
        j = i + 1
        while j < len(kind) and len(follow) < 3:
            if kind[j] not in ("blank", "metadata"):
                follow.append(j)
            j += 1
        names = [j not in prose_set and words(lines[j]) <= 6 and byline_name(lines[j]) is not None for j in follow]
        chrome = any(rule[j] in _END_MARKERS or rule[j] == "boilerplate.widget" for j in follow)
        # A commenter's name then their comment, unlike a list of names inside the article.
        comment = len(follow) >= 2 and names[0] and follow[1] in prose_set
        # Other articles' teasers: a date line under the name, or headline, summary, headline.
        dated = any(rule[j] == "metadata.date" for j in range(i + 1, (follow[-1] if follow else i) + 1))
        teasers = len(follow) == 3 and follow[1] in prose_set and all(
            j not in prose_set and _teaser(lines[j]) for j in (follow[0], follow[2]))
        if comment or ((chrome or dated) and after <= 2 * before) or (names and names[0] and after <= before) \
                or (teasers and after <= 2 * before and not _HONORIFIC.match(lines[i])):
            return i
    return None


def _article_end(prose: list[int], kind: list[str], rule: list[str], lines: list[str],
                 signed: int | None) -> int:
    """The last prose line of the article proper (before `signed`, a sign-off, if any)."""
    first, last = prose[0], prose[-1]
    if signed is not None:
        last = prose[bisect.bisect_left(prose, signed) - 1]
    markers = [m for m in range(first + 1, last) if rule[m] in _END_MARKERS]
    if not markers:
        return last
    # Running counts from the end, so each marker costs O(1) (pages can be megabytes).
    n = len(kind)
    full_after = [0] * (n + 1)  # prose lines at or after i that are not truncated teasers
    dated_after = [0] * (n + 1)  # date lines at or after i
    prose_set = set(prose)
    for i in range(n - 1, -1, -1):
        full_after[i] = full_after[i + 1] + (i in prose_set and not lines[i].endswith(("...", "…")))
        dated_after[i] = dated_after[i + 1] + (rule[i] == "metadata.date")
    for m in markers:
        share = _END_MARKERS[rule[m]]
        before = bisect.bisect_left(prose, m)
        end_here = prose[before - 1]
        if _signed_off_before(m, kind, rule, lines):
            # "... last paragraph / Minh Anh / Tin liên quan": the bút danh closed the article.
            return end_here
        # Teasers under a related heading: truncated snippets ("..."), each with its date line.
        after = full_after[m + 1]
        dated = dated_after[m + 1] - dated_after[last + 1]
        # (a related box may sit after the first paragraph of a short story: no floor for it)
        if after <= (before * share if share < 1 else max(2, before)) or (share < 1 and dated >= 2):
            return end_here
    return last


def _prose_follows(i: int, kind: list[str], lines: list[str]) -> bool:
    """Whether the next line with text after i is running text (a commenter's name is followed by
    the comment; a bút danh by the site)."""
    for j in range(i + 1, len(kind)):
        if kind[j] == "blank":
            continue
        return not kind[j] and is_prose(lines[j])
    return False


def _signed_off_before(m: int, kind: list[str], rule: list[str], lines: list[str]) -> bool:
    """Whether a bút danh or a source line ("Nguồn: ...") stands just above line m."""
    k = m - 1
    steps = 0
    while k >= 0 and steps < 3:
        if kind[k] == "blank":
            k -= 1
            continue
        if rule[k] == "metadata.source":
            return True
        if kind[k] == "metadata":
            k -= 1
            steps += 1
            continue
        return byline_name(lines[k]) is not None
    return False


def _headline_above(j: int, kind: list[str], rule: list[str], lines: list[str], by_line: list[bool]) -> bool:
    """Whether a headline (6 to 50 words, no final full stop, not a line the site alone prints)
    stands above line j, past blanks and metadata only or one more short label."""
    k = j - 1
    while k >= 0 and (kind[k] in ("blank", "metadata") or k == j - 1 and words(lines[k]) <= 4
                      and (kind[k] == "" or rule[k] == "boilerplate.menu")):
        k -= 1
    if k < 0 or by_line[k] and kind[k] != "metadata":
        return False
    s = lines[k]
    return 6 <= words(s) <= 50 and not s.endswith((".", ":", ";")) and not is_prose(s) and not _SLOGAN.search(s)


def _heading_above_date(j: int, kind: list[str], rule: list[str], by_line: list[bool],
                        lines: list[str]) -> int | None:
    seen_date = False
    k = j - 1
    while k >= 0:
        if kind[k] == "blank":
            k -= 1
            continue
        if rule[k] == "metadata.date":
            seen_date = True
            k -= 1
            continue
        if by_line[k] or kind[k] == "metadata":
            k -= 1
            continue
        s = lines[k]
        if seen_date and 6 <= words(s) <= 50 and not s.endswith((".", ":", ";")) and not is_caps(s):
            return k
        return None
    return None


def _near_image(i: int, kind: list[str], rule: list[str], lines: list[str]) -> bool:
    """Whether the nearest non-blank line above or below is an image leftover."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(kind) and kind[j] == "blank":
            j += step
        if 0 <= j < len(kind) and rule[j] == "boilerplate.file_path":
            return True
    return False


def classify_lines(text: str) -> list[LineClass]:
    """One LineClass per line of `text` (LF-only, NFC), in order; lines split at "\\n"."""
    return list(_classify(text))
