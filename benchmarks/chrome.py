"""Held-out scraped pages: VLSP-2013 prose wrapped in synthetic Vietnamese site chrome, with gold labels.

Written apart from the classifier (checks/boilerplate.py) and never used to tune it: the chrome here
is what Vietnamese provincial portals and newspapers put around an article (headers, menus in one or
many lines, weather and exchange-rate boxes, audio players, comment forms, tag lines, related lists,
licence and address footers), in more shapes than the seeds show. The prose is real text: sentences
of the VLSP-2013 sample underthesea ships (benchmarks/corpus.py detokenizes it).

Each page is a list of (line, gold) with gold in {"bp", "body", "skip"}: "skip" marks blank lines,
photo captions and metadata lines (date, bút danh, source), which the evaluation does not score.
The province a page is about is only named in its chrome (the prose is national), so `location`
gold here is the site's province: a weak test of place extraction, reported apart.
"""

from __future__ import annotations

import random
import re

from corpus import vlsp_sentences

PROVINCES = ["Nghệ An", "Thanh Hóa", "Quảng Ninh", "Lâm Đồng", "Bình Định", "An Giang", "Sơn La", "Cà Mau",
             "Hà Tĩnh", "Tây Ninh", "Gia Lai", "Bắc Giang", "Nam Định", "Đồng Tháp", "Quảng Trị"]
PEOPLE = ["Nguyễn Văn Hải", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Quốc Bảo", "Hoàng Thu Hương",
          "Võ Thanh Sơn", "Đặng Ngọc Lan", "Bùi Đức Thắng"]
ROLES = ["Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy", "Giám đốc Sở Tư pháp", "Phó Chủ tịch HĐND tỉnh",
         "Trưởng ban Nội chính Tỉnh ủy", "Thứ trưởng Bộ Tư pháp"]
BYLINES = ["Minh Anh", "Thu Hà", "Hoàng Long", "Nguyễn Văn Hải", "Đ.Tùng", "N.T.H", "Bài, ảnh: Quốc Việt",
           "Tin, ảnh: Lê Hà", "Thanh Tâm (TTXVN)", "PV", "Mai Phương - Hữu Nghĩa", "hoanglm"]
MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chính trị", "Kinh tế", "Văn hóa - Xã hội",
        "Quốc phòng - An ninh", "Pháp luật", "Thời sự", "Văn bản", "Chỉ đạo điều hành", "Lịch công tác",
        "Thủ tục hành chính", "Hỏi đáp", "Liên hệ", "Sơ đồ cổng", "Thông tin tuyên truyền", "Dự án - Đầu tư",
        "Cải cách hành chính", "Chuyển đổi số", "Đa phương tiện", "Video", "Podcast", "Góp ý dự thảo",
        "Công khai ngân sách", "Thông báo", "Tuyển dụng", "English"]
SECTIONS = ["Kinh tế", "Thời sự", "Xã hội", "Pháp luật", "Chính trị", "Nông nghiệp - Nông thôn"]
SUBHEADS = ["Nhiều kết quả tích cực", "Cần sự vào cuộc của cả hệ thống chính trị",
            "Đẩy mạnh cải cách hành chính", "Những con số ấn tượng", "Tháo gỡ khó khăn từ cơ sở",
            "Hoàn thiện thể chế", "Niềm tin của người dân", "Bài học kinh nghiệm"]
CAPTIONS = ["Đồng chí {p}, {r} phát biểu tại hội nghị", "Quang cảnh buổi làm việc",
            "Các đại biểu cắt băng khánh thành công trình", "Ảnh minh họa",
            "Người dân {v} tham gia buổi tuyên truyền pháp luật. Ảnh: {b}",
            "{r} {p} trao quà cho các hộ gia đình chính sách", "Đoàn công tác kiểm tra tiến độ dự án",
            "Các đại biểu tham quan mô hình sản xuất (Ảnh: {b})", "Toàn cảnh hội thảo"]


def _words(rng: random.Random, lo: int, hi: int) -> str:
    s = rng.choice(vlsp_sentences()).rstrip(".…;:!?”\" ")
    w = s.split()
    return " ".join(w[: rng.randint(lo, hi)]).rstrip(",;:–-(“ ")


def _headline(rng: random.Random) -> str:
    h = _words(rng, 7, 18)
    return h[0].upper() + h[1:]


def _para(rng: random.Random, lo: int = 1, hi: int = 4) -> str:
    return " ".join(rng.choice(vlsp_sentences()) for _ in range(rng.randint(lo, hi)))


def _date(rng: random.Random) -> tuple[int, int, int, int, int]:
    return rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 22), rng.randint(0, 59)


def _date_line(rng: random.Random, meta: dict) -> str:
    y, m, d, hh, mm = _date(rng)
    meta["published_at"] = f"{y:04d}-{m:02d}-{d:02d}"
    wd = rng.choice(["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"])
    return rng.choice([
        f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}",
        f"{wd}, {d:02d}/{m:02d}/{y} - {hh:02d}:{mm:02d}",
        f"Cập nhật lúc {hh:02d}:{mm:02d} ngày {d:02d}/{m:02d}/{y}",
        f"Ngày đăng: {d:02d}-{m:02d}-{y}",
        f"{d}/{m}/{y} | {hh:02d}:{mm:02d} GMT+7",
        f"Đăng ngày {d:02d}.{m:02d}.{y}",
        f"{wd}, ngày {d} tháng {m} năm {y}",
        f"Ngày cập nhật {d:02d}/{m:02d}/{y}",
    ])


def _related_title(rng: random.Random) -> str:
    t = _headline(rng)
    y, m, d, hh, mm = _date(rng)
    return rng.choice([t, t, f"{t} ({d:02d}/{m:02d}/{y})", f"{t} - {d:02d}/{m:02d}/{y}"])


def page(i: int, meta: dict | None = None) -> list[tuple[str, str]]:
    """The i-th held-out page as (line, gold) pairs; same i → same page.

    `meta`, when given, receives the article's gold title, published_at (date only) and byline.
    """
    meta = {} if meta is None else meta
    meta.update(title=None, published_at=None, byline=None, location=None)
    rng = random.Random(90_000 + i)
    prov = rng.choice(PROVINCES)
    site_caps = rng.choice([f"CỔNG THÔNG TIN ĐIỆN TỬ TỈNH {prov.upper()}", f"BÁO {prov.upper()} ĐIỆN TỬ",
                            f"SỞ TƯ PHÁP TỈNH {prov.upper()}", f"ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH {prov.upper()}"])
    out: list[tuple[str, str]] = []
    bp = lambda s: out.append((s, "bp"))  # noqa: E731
    style = rng.choice(["blank", "tight", "mixed"])

    def gap() -> None:
        if style == "blank" or (style == "mixed" and rng.random() < 0.5):
            out.append(("", "skip"))

    # ---- header
    if rng.random() < 0.4:
        bp(rng.choice(["Skip to main content", "Bỏ qua nội dung chính", "Đăng nhập | Đăng ký",
                       "English | Tiếng Việt"]))
    bp(site_caps)
    if rng.random() < 0.4:
        bp(f"Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh {prov}")
    if rng.random() < 0.3:
        y, m, d, _, _ = _date(rng)
        bp(f"Thứ Năm, ngày {d:02d}/{m:02d}/{y}")
    if rng.random() < 0.3:
        bp(rng.choice([f"{prov} 28°C", "Thời tiết", f"{prov}: Nhiều mây, 24 - 31°C"]))
    if rng.random() < 0.3:
        bp(rng.choice(["CHÀO MỪNG KỶ NIỆM 78 NĂM CÁCH MẠNG THÁNG TÁM VÀ QUỐC KHÁNH 2/9",
                       "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XX!",
                       "HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH"]))
    items = rng.sample(MENU, rng.randint(4, 12))
    if rng.random() < 0.35:
        bp(" | ".join(items))
    else:
        for it in items:
            bp(it.upper() if rng.random() < 0.3 else it)
    if rng.random() < 0.5:
        bp(rng.choice(["Tìm kiếm...", "Nhập từ khóa tìm kiếm", "Tìm kiếm"]))
    gap()
    if rng.random() < 0.5:
        bp(rng.choice([f"Trang chủ » {rng.choice(SECTIONS)}", f"Trang chủ > {rng.choice(SECTIONS)} > Tin tức",
                       f"Trang chủ / {rng.choice(SECTIONS)}"]))
    elif rng.random() < 0.4:
        bp(rng.choice(SECTIONS))

    # ---- article
    meta["title"] = _headline(rng)
    meta["location"] = prov
    out.append((meta["title"], "body"))
    gap()
    if rng.random() < 0.85:
        out.append((_date_line(rng, meta), "skip"))
    if rng.random() < 0.2:
        meta["byline"] = rng.choice(BYLINES)
        out.append((meta["byline"], "skip"))
    if rng.random() < 0.5:
        bp(rng.choice(["Chia sẻ", "Chia sẻ Facebook Zalo", "Cỡ chữ: A- A A+", "Nghe đọc bài", "00:00 / 03:12",
                       "In bài | Gửi email | Lưu bài", "Lượt xem: 1.245", "Theo dõi trên Google News"]))
    gap()
    sapo = _para(rng, 1, 2)
    if rng.random() < 0.3:
        sapo = f"({rng.choice(['Baonghean.vn', 'Chinhphu.vn', 'TTXVN', 'Baoquangninh.vn'])}) - {sapo}"
    out.append((sapo, "body"))
    gap()
    for k in range(rng.randint(3, 9)):
        r = rng.random()
        if r < 0.12 and k:
            out.append((rng.choice(SUBHEADS), "body"))
            gap()
        elif r < 0.3:
            if rng.random() < 0.4:
                bp(rng.choice(["Description: C:\\Users\\Admin\\Pictures\\DSC_0{}.JPG".format(rng.randint(100, 999)),
                               "IMG_{}.jpg".format(rng.randint(1000, 9999)),
                               "file:///C:/Users/PC/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"]))
            cap = rng.choice(CAPTIONS).format(p=rng.choice(PEOPLE), r=rng.choice(ROLES), v=prov,
                                              b=rng.choice(BYLINES[:4]))
            out.append((cap, "skip"))
            gap()
        elif r < 0.36:
            for _ in range(rng.randint(2, 4)):
                out.append(("- " + rng.choice(vlsp_sentences()), "body"))
            gap()
            continue
        out.append((_para(rng), "body"))
        gap()
    # ---- end of article
    if rng.random() < 0.8:
        meta["byline"] = rng.choice(BYLINES)
        out.append((meta["byline"], "skip"))
    if rng.random() < 0.3:
        out.append((rng.choice([f"Nguồn: Báo {prov}", "Theo baochinhphu.vn", "(Theo TTXVN)",
                                f"Nguồn: https://{re.sub(r'[^a-z]', '', prov.lower())}.gov.vn"]), "skip"))
    gap()
    # ---- below the article
    tail = ["tags", "rating", "comments", "related", "related2", "ads", "rates", "widgets"]
    rng.shuffle(tail)
    for block in tail[: rng.randint(2, 6)]:
        if block == "tags":
            bp(rng.choice(["Từ khóa: cải cách tư pháp, phổ biến pháp luật", "Tags: pháp luật; tư pháp",
                           "#phapluat #caicachhanhchinh", "Chủ đề: Cải cách hành chính"]))
        elif block == "rating":
            bp("Đánh giá bài viết")
            bp(rng.choice(["Bài viết hữu ích? Có Không", "★★★★★", "Điểm trung bình: 4,5/5"]))
        elif block == "comments":
            for s in rng.sample(["Ý kiến bạn đọc", "Gửi ý kiến của bạn", "Họ và tên", "Email", "Mã xác nhận",
                                 "Gửi", "0 bình luận", "Viết bình luận..."], rng.randint(2, 5)):
                bp(s)
        elif block in ("related", "related2"):
            bp(rng.choice(["Tin liên quan", "Bài viết cùng chuyên mục", "Các tin đã đưa", "Đọc nhiều nhất",
                           "Tin mới nhất", "Có thể bạn quan tâm", "Xem thêm"]))
            numbered = rng.random() < 0.3
            for n in range(rng.randint(3, 7)):
                t = _related_title(rng)
                bp(f"{n + 1}. {t}" if numbered else t)
        elif block == "ads":
            bp(rng.choice(["Quảng cáo", "QUẢNG CÁO", "Liên hệ quảng cáo: 0912 345 678"]))
        elif block == "rates":
            bp(rng.choice(["Tỷ giá", "Giá vàng"]))
            bp("USD 24.150 24.520")
            bp("EUR 25.870 27.290")
        else:
            bp(rng.choice(["Lên đầu trang", "Về trang trước", "Quay lại", "Facebook Youtube Zalo"]))
        gap()
    # ---- footer
    bp(site_caps)
    for s in rng.sample([
        f"Cơ quan chủ quản: Ủy ban nhân dân tỉnh {prov}",
        f"Chịu trách nhiệm chính: Ông {rng.choice(PEOPLE)} - Chánh Văn phòng UBND tỉnh",
        f"Địa chỉ: Số {rng.randint(1, 300)} đường Trần Phú, phường Lê Lợi, tỉnh {prov}",
        f"Điện thoại: (0238) 3844 {rng.randint(100, 999)} - Fax: (0238) 3844 {rng.randint(100, 999)}",
        "Email: bbt@tinh.gov.vn",
        "Giấy phép số 12/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử cấp ngày 10/3/2020",
        f"Ghi rõ nguồn \"Cổng TTĐT tỉnh {prov}\" khi phát hành lại thông tin từ website này.",
        f"© Bản quyền thuộc về Báo {prov}",
        f"Thiết kế bởi VNPT {prov}",
    ], rng.randint(3, 7)):
        bp(s)
    if rng.random() < 0.5:
        bp(rng.choice(["Lượt truy cập: 12.345.678", "Đang online: 123", "Hôm nay: 4.567"]))
    return out


COMMENTERS = ["Nguyễn Hoàng", "Bạn đọc Minh Thư", "Trần Quang", "Lê Thị Hạnh", "Phúc An"]
SHORT_ARTICLE_LINES = ["Xin trân trọng giới thiệu!", "Xin cảm ơn ông!", "1. Về công tác chỉ đạo, điều hành",
                       "Kết quả cụ thể như sau", "“Chúng tôi sẽ làm hết sức mình”, ông nói.",
                       "PV: Xin ông cho biết những khó khăn hiện nay?", "Thứ nhất, hoàn thiện thể chế"]


def hard_page(i: int, meta: dict | None = None) -> list[tuple[str, str]]:
    """A harder variant of page(i): chrome that reads like prose and article lines that do not.

    Added after the classifier was written, as a robustness check (not blind): reader comments with
    full sentences and no heading, a ticker of whole-sentence teasers above the title, teasers
    with untruncated snippets and no dates, a long disclaimer footer; inside the article, short
    lines (a closing "Xin trân trọng giới thiệu!", interview questions, numbered subheads, quotes).
    """
    rng = random.Random(7_000_000 + i)
    lines = page(i, meta)
    body_idx = [k for k, (_, g) in enumerate(lines) if g == "body"]
    title_at, last_body = body_idx[0], body_idx[-1]
    # inside the article
    inner = body_idx[2:-1]
    spots = sorted(rng.sample(inner, min(len(inner), rng.randint(1, 3))), reverse=True)
    for k, short in zip(spots, rng.sample(SHORT_ARTICLE_LINES, len(spots))):
        lines.insert(k, (short, "body"))
    # a ticker above the title
    if rng.random() < 0.5:
        ticker = [("Tin nóng", "bp")] + [(_para(rng, 1, 1), "bp") for _ in range(rng.randint(1, 3))]
        lines[title_at:title_at] = ticker
    # below the article
    body_idx = [k for k, (_, g) in enumerate(lines) if g == "body"]
    at = body_idx[-1] + 1
    while at < len(lines) and lines[at][1] == "skip":
        at += 1
    block: list[tuple[str, str]] = []
    for kind in rng.sample(["comments", "teasers", "disclaimer"], rng.randint(1, 3)):
        if kind == "comments":
            for _ in range(rng.randint(2, 4)):
                block += [(rng.choice(COMMENTERS), "bp"), (_para(rng, 1, 2), "bp"),
                          (rng.choice(["Trả lời · Thích · 2 giờ trước", "Thích (3) | Trả lời", "Trả lời"]), "bp")]
        elif kind == "teasers":
            block.append((rng.choice(["Tin khác", "Cùng chuyên mục", "Bài viết khác"]), "bp"))
            for _ in range(rng.randint(2, 5)):
                block += [(_headline(rng), "bp"), (_para(rng, 1, 1), "bp")]
        else:
            block.append(("Các bài viết, hình ảnh đăng tải trên trang này thuộc quyền sở hữu của cơ quan chủ quản; "
                          "mọi hình thức sao chép, trích dẫn phải được sự đồng ý bằng văn bản.", "bp"))
    lines[at:at] = block
    return lines


def pages(n: int) -> list[list[tuple[str, str]]]:
    return [page(i) for i in range(n)]
