"""Test pages built from the seed articles in the shapes of three common Vietnamese CMS layouts.

- `portal_page`: a provincial government portal (Liferay/SharePoint style): a long menu of the
  Sở's sections, breadcrumbs, a date over the title, share bar, "Các tin khác" list, a footer
  with the address, the licence and a visitor counter.
- `news_page`: a newspaper (the common Dân trí / VnExpress shape): header menu, breadcrumb,
  `<h1 class="title-detail">`, a `<p class="description">` sapo, figures with figcaption,
  intertitles in `<h2>`, author in meta and at the end, "Tin liên quan", tags, footer.
- `cms_page`: a district/school site on a WordPress-like theme: sidebar widgets (most read,
  calendar), `<time datetime>`, an `entry-content` with an inline script and a hidden block, a
  comment form, footer widgets.

Each takes the article's fields, so tests can vary them; `seed_fields` reads them off a seed.
Nothing in bientap may know these shapes: they only resemble what the web serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bientap.checks.metadata import extract_article
from bientap.checks.text import clean_field

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass
class Fields:
    title: str
    sapo: str
    paragraphs: list[str]
    date: str = "2023-05-17T08:30:00+07:00"  # ISO, as a page's meta carries it
    shown_date: str = "17/05/2023 08:30"
    byline: str = "Khánh Trang"
    intertitles: dict[int, str] = field(default_factory=dict)  # before paragraph i
    caption: str = "Quang cảnh hội thảo. Ảnh: Minh Anh"


def seed_fields(n: int) -> Fields:
    path = sorted(SEEDS.glob("*.txt"))[n]
    ex = extract_article(clean_field(path.read_text(encoding="utf-8")))
    paragraphs = [p for p in ex.body.split("\n\n") if p.strip()]
    return Fields(title=ex.title or "", sapo=ex.sapo or paragraphs.pop(0), paragraphs=paragraphs,
                  byline=ex.byline or "Phòng Thông tin",
                  intertitles={2: "Nhiều kết quả nổi bật"} if len(paragraphs) > 4 else {})


def _body(f: Fields, figure: str = "") -> str:
    out = []
    for i, p in enumerate(f.paragraphs):
        if i in f.intertitles:
            out.append(f"<h2>{escape(f.intertitles[i])}</h2>")
        out.append(f"<p>{escape(p)}</p>")
        if i == 0 and figure:
            out.append(figure)
    return "\n".join(out)


def portal_page(f: Fields) -> str:
    menu = "\n".join(f'<li><a href="/{i}">{escape(m)}</a></li>' for i, m in enumerate([
        "Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản pháp quy", "Thủ tục hành chính",
        "Hoạt động KH&CN", "Đề tài dự án khoa học", "Sở hữu trí tuệ", "An toàn bức xạ", "Liên hệ"]))
    others = "\n".join(f'<li><a href="/tin/{i}">{escape(t)}</a> <span>(12/0{i}/2023)</span></li>'
                       for i, t in enumerate(["Hội nghị tổng kết công tác năm 2022",
                                              "Thông báo tuyển chọn nhiệm vụ khoa học năm 2024",
                                              "Kế hoạch kiểm tra an toàn bức xạ"], 1))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{escape(f.title)} - Cổng thông tin điện tử Sở Khoa học và Công nghệ</title>
<meta property="og:title" content="{escape(f.title)}">
<meta name="author" content="{escape(f.byline)}">
<link rel="stylesheet" href="/theme.css"><script src="/jquery.js"></script>
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
<style>.menu {{ color: red }}</style>
</head><body>
<div id="header"><img src="/banner.jpg" alt="Sở Khoa học và Công nghệ"><ul class="menu">{menu}</ul>
<form action="/search"><input name="q" value="Tìm kiếm..."><button>Tìm</button></form></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức - Sự kiện</a> » Hoạt động</div>
<div class="content">
<div class="date">{escape(f.shown_date)}</div>
<h1 class="title">{escape(f.title)}</h1>
<div class="share"><a href="#">Chia sẻ</a> <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="sapo"><b>{escape(f.sapo)}</b></div>
<div class="news-content">
{_body(f)}
<p style="text-align:right"><b>{escape(f.byline)}</b></p>
</div>
<!-- tin khác: bản cũ -->
<div class="other-news"><h3>Các tin khác</h3><ul>{others}</ul></div>
</div>
<div id="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ</p>
<p>Địa chỉ: 04 Phan Chu Trinh, Nha Trang. Điện thoại: 0258.3822.881</p>
<p>Giấy phép số 12/GP-STTTT. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
<p>Lượt truy cập: 1.234.567 | Đang online: 42</p></div>
</body></html>
"""


def news_page(f: Fields) -> str:
    related = "\n".join(f'<li><a href="/r{i}.htm">{escape(t)}</a></li>' for i, t in enumerate([
        "Khánh Hòa: Khai mạc Techfest vùng Duyên hải Nam Trung Bộ", "Thanh niên khởi nghiệp sáng tạo",
        "Chuyển đổi số trong doanh nghiệp nhỏ và vừa"]))
    figure = (f'<figure class="image"><img src="/anh1.jpg" alt=""><figcaption>{escape(f.caption)}'
              "</figcaption></figure>")
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(f.title)} | Báo Điện tử Tỉnh</title>
<meta property="og:site_name" content="Báo Điện tử Tỉnh">
<meta property="og:title" content="{escape(f.title)} | Báo Điện tử Tỉnh">
<meta property="og:url" content="https://baotinh.vn/khoa-hoc/hoi-thao-123.htm">
<meta name="description" content="{escape(f.sapo[:150])}">
<meta property="article:published_time" content="{f.date}">
<meta property="article:author" content="https://facebook.com/baotinh">
<link rel="canonical" href="https://baotinh.vn/khoa-hoc/hoi-thao-123.htm">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "JSON-LD headline"}}</script>
</head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/kinh-te">Kinh tế</a>
<a href="/khoa-hoc">Khoa học</a> <a href="/the-thao">Thể thao</a> <a href="/van-hoa">Văn hóa</a></nav></header>
<div class="container"><ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/khoa-hoc">Khoa học</a></li></ul>
<article class="fck_detail">
<span class="date">Thứ tư, {escape(f.shown_date)} (GMT+7)</span>
<h1 class="title-detail">{escape(f.title)}</h1>
<p class="description">{escape(f.sapo)}</p>
{_body(f, figure)}
<p class="author_mail"><strong>{escape(f.byline)}</strong></p>
<div class="tags">Từ khóa: <a href="/tag/hoi-thao">hội thảo</a>, <a href="/tag/khcn">khoa học công nghệ</a></div>
</article>
<div class="social"><a>Thích</a> <a>Chia sẻ</a> <a>Gửi bình luận</a></div>
<section class="related"><h3>Tin liên quan</h3><ul>{related}</ul></section>
<aside><h3>Đọc nhiều</h3><ol><li><a href="/x1">Giá vàng hôm nay tăng mạnh</a></li><li><a href="/x2">Thời tiết ngày mai</a></li></ol></aside>
</div>
<footer><p>© 2023 Báo Điện tử Tỉnh. Tổng biên tập: Nguyễn Văn A.</p><p>Giấy phép số 456/GP-BTTTT</p></footer>
</body></html>
"""


def cms_page(f: Fields) -> str:
    return f"""<html><head>
<meta charset="UTF-8"><title>{escape(f.title)} – Trang thông tin điện tử huyện</title>
<meta name="generator" content="WordPress 6.2">
</head><body class="single-post">
<div id="masthead"><p class="site-title">Trang thông tin điện tử huyện</p>
<div class="top-menu"><a>Trang chủ</a> | <a>Chính quyền</a> | <a>Tin tức</a> | <a>Dịch vụ công</a> | <a>Hỏi đáp</a></div></div>
<div id="primary"><div class="post">
<h1 class="entry-title">{escape(f.title)}</h1>
<div class="entry-meta">Đăng ngày <time class="entry-date published" datetime="{f.date}">{escape(f.shown_date)}</time>
bởi <span class="author vcard"><a rel="author" href="/author/1">{escape(f.byline)}</a></span></div>
<div class="entry-content">
<p><strong>{escape(f.sapo)}</strong></p>
<script>document.write('<p>Quảng cáo chèn bằng script</p>');</script>
{_body(f)}
<div style="display:none">Nội dung ẩn không được lưu</div>
<p hidden>Đoạn ẩn thứ hai</p>
</div>
<div class="post-navigation"><a>« Bài trước</a> <a>Bài sau »</a></div>
<div id="comments"><h3>Để lại bình luận</h3><form><textarea>Viết bình luận</textarea><input type="submit" value="Gửi"></form></div>
</div></div>
<div id="secondary"><h3 class="widget-title">Xem nhiều nhất</h3><ul><li><a>Lịch tiếp công dân tháng 5</a></li>
<li><a>Thông báo nghỉ lễ</a></li></ul><h3 class="widget-title">Lịch</h3><table><tr><td>1</td><td>2</td><td>3</td></tr></table></div>
<div id="colophon">Bản quyền thuộc về UBND huyện. Thiết kế bởi VNPT.</div>
</body></html>
"""


LAYOUTS = {"portal": portal_page, "news": news_page, "cms": cms_page}
