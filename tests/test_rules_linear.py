"""Every check runs in linear time (issue 13): adversarial texts at two sizes, 16x apart.

Each registered rule (new ones join by registering), each record rule, the boilerplate classifier
and the metadata extraction (both run at import) read every generator below at SMALL and LARGE
characters. A rule fails when the larger text costs more than LIMIT times the smaller: linear is
~16x, quadratic 256x, a backtracking blow-up never finishes (a CPU timer stops it). Times are
this thread's CPU (time.thread_time: process_time ticks in 4 ms steps here), the best of a few runs, and only a large text that costs
more than FLOOR seconds can fail, so a noisy shared machine does not trip it.

benchmarks/adversarial.py times the same generators at 200 KB.
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable

import pytest

from bientap.checks import boilerplate
from bientap.checks.engine import RECORD_RULES, Checker, Context, load_rules
from bientap.checks.findings import Document
from bientap.checks.glossary import default_glossary
from bientap.checks.metadata import extract_article

SMALL, LARGE = 1_000, 16_000
LIMIT = 40.0  # x the small text's cost: linear is ~16x, quadratic ~256x
FLOOR = 0.008  # CPU seconds: a 16 KB text checked faster than this is fine whatever the ratio
BUDGET = {SMALL: 0.5, LARGE: 2.0}  # CPU seconds before one rule on one text counts as hung


def _repeat(unit: str, prefix: str = "", suffix: str = "") -> Callable[[int], str]:
    """`size` characters: prefix, then unit over and over, then suffix."""
    def make(size: int) -> str:
        fill = max(0, size - len(prefix) - len(suffix))
        return prefix + (unit * (fill // len(unit) + 1))[:fill] + suffix

    return make


def _halves(first: str, second: str) -> Callable[[int], str]:
    """Half the text `first` over and over, then half `second`: "((((...]]]]"."""
    def make(size: int) -> str:
        half = size // 2
        return (first * (half // len(first) + 1))[:half] + (second * (half // len(second) + 1))[:half]

    return make


def _near_names(size: int) -> str:
    """Hundreds of foreign names, each written twice and once with a slip, all sharing one-letter
    deletions with one another: "Stalinabgrad Stalinabgrad Stalinabgrrad. Stalinbbgrad …"."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out, total, k = [], 0, 0
    while total < size:
        name = f"Stalin{letters[k % 26]}{letters[k // 26 % 26]}grad"
        out.append(f"{name} {name} {name[:-3]}rrad. ")
        total += len(out[-1])
        k += 1
    return "".join(out)[:size]


_PROSE = ("Theo Ủy ban nhân dân (UBND) tỉnh Quảng Nam, kế hoạch phát triển khoa học và công nghệ "
          "giai đoạn 2021-2025 đã được phê duyệt tại Quyết định số 844/QĐ-TTg ngày 10/5/2022. "
          "Ông Nguyễn Văn An, Giám đốc Sở KH&CN, cho biết: “Chúng tôi sẽ chuyển giao công nghệ "
          "cho doanh nghiệp (DN) trong năm nay”.\n\n")

# Runs of one character: letters of each case, digits, every kind of blank and punctuation.
_SINGLE = "aAệỆ1 \u00a0\n\t_.,;:!?…-–—/\\()[]{}“”‘’\"'&@#%+*=<>|•»«~^$©\u200b\ufffd\u0301"
GENERATORS: dict[str, Callable[[int], str]] = {
    f"run U+{ord(c):04X}": _repeat(c) for c in _SINGLE
}
GENERATORS.update({
    "prose": _repeat(_PROSE),
    "one long paragraph": _repeat(_PROSE.replace("\n", " ")),
    # Unclosed brackets and quotes after capitals (the sentence of issue 13).
    "caps ( unclosed": _repeat("Theo UBND (Ủy ban nhân dân tỉnh Quảng Nam cho biết, kế hoạch đã duyệt. "),
    "caps ( never closed": _repeat("từ và, ", "Theo UBND (Ủy ban nhân dân "),
    "caps “ never closed": _repeat("từ và ", "Theo UBND “Ủy ban "),
    "caps ( letters": _repeat("a ", "UBND ("),
    "caps ( nested": _repeat("DN (", "UBND ("),
    "caps (caps": _repeat("UBND (DN) "),
    "caps words": _repeat("UBND "),
    "caps letters spaced": _repeat("A B "),
    "caps sentence": _repeat("ĐẢNG QUANG VINH "),
    "roman numerals": _repeat("XIV "),
    "glossary forms": _repeat("KH&CN KHCN KH-CN Tp.HCM TP.HCM ThS "),
    # Chains with no space in them.
    "comma chain": _repeat("a,"),
    "comma list": _repeat("khoa học,công nghệ,"),
    "comma list spaced": _repeat("khoa học, công nghệ, "),
    "caps comma chain": _repeat("A,"),
    "dot chain caps": _repeat("A."),
    "dot chain lower": _repeat("a."),
    "dot chain words": _repeat("Khánh Hòa.Tại "),
    "dot chain glued": _repeat("hòa.Tại"),
    "dot chain digits": _repeat("1."),
    "dotted abbreviations": _repeat("Tp.HCM.Th.S."),
    "semicolon chain": _repeat("a;B"),
    "slash chain": _repeat("a/"),
    "slash chain caps": _repeat("A/"),
    "date chain": _repeat("1/2/2023/"),
    "dates spaced": _repeat("10/5/ 2022 "),
    "slashes spaced": _repeat("1 / 2 / "),
    "hyphen chain": _repeat("a-"),
    "hyphen chain caps": _repeat("KT-"),
    "dash glued left": _repeat("a- "),
    "dash glued right": _repeat(" -a"),
    "ellipsis chain": _repeat("a..."),
    "amp chain": _repeat("KH&"),
    # Case.
    "mixed case aB": _repeat("aB"),
    "mixed case Ab": _repeat("Ab"),
    "mixed case ABc": _repeat("ABc"),
    "name pairs": _repeat("Học Viện Học viện "),
    "one long name": _repeat("Nguyễn "),
    "names lower given": _repeat("Nguyễn Thanh bình "),
    "doubled words": _repeat("hơn "),
    # Combining marks.
    "combining flood": _repeat("\u0301", "a"),
    "combining pairs": _repeat("e\u0302\u0301"),
    "combining words": _repeat("Vie\u0302\u0323t Nam "),
    "combining classes mixed": _repeat("\u0301\u0323", "a"),
    "combining decomposing": _repeat("\u0f73", "\u0f40"),
    "mojibake chain": _repeat("há»c "),
    "mojibake glued": _repeat("Ã¡"),
    "tone placements": _repeat("hòa hoà thủy thuỷ "),
    "vowel chain": _repeat("oa"),
    # Document codes, URLs, paths, e-mail.
    "document codes": _repeat("09-NQ/TW"),
    "document codes long": _repeat("01/2021/TT-BKHCN/"),
    "document codes spaced": _repeat("số 844/QĐ-TTg, "),
    "url chain": _repeat("http://a.vn/"),
    "www chain": _repeat("www.a.b."),
    "query chain": _repeat("a=b&c="),
    "windows path": _repeat("C:\\Users\\a\\"),
    "email chain": _repeat("a@b.c"),
    "file url chain": _repeat("file:///"),
    # Spacing.
    "space before punct": _repeat("a ,"),
    "space after open": _repeat("( a"),
    "nbsp mixed": _repeat("a\u00a0 "),
    "double spaces": _repeat("a  "),
    "trailing spaces": _repeat("a \n"),
    "straight quotes": _repeat('"a" '),
    "brackets crossed": _repeat("([)]"),
    "brackets deep": _halves("(", "]"),
    "quotes deep": _halves("“", ")"),
    "list markers": _repeat("a) "),
    # Lines: what the boilerplate classifier reads.
    "short lines": _repeat("Trang chủ\n"),
    "short lines blank": _repeat("Tin tức\n\n"),
    "caps lines": _repeat("MỪNG ĐẢNG QUANG VINH!\n"),
    "related lines": _repeat("Tin liên quan\nBài viết về kinh tế\n"),
    "source lines": _repeat("Nguồn: Báo Khánh Hòa\n"),
    "date lines": _repeat("14/05/2022 10:38\n"),
    "byline lines": _repeat("Minh Anh\n\n"),
    "comment lines": _repeat("Bình luận (12)\n"),
    "caption lines": _repeat("Quang cảnh hội thảo\n"),
    "widget lines": _repeat("-A A +A\n"),
    "widget chain": _repeat("-a"),
    "footer lines": _repeat("Bản quyền thuộc về Báo Khánh Hòa. Điện thoại: 0258 3822 999\n"),
    "path lines": _repeat("Description: C:\\Users\\IMG_4774.JPG\n"),
    "prose and bylines": _repeat(_PROSE + "Minh Anh\n\n"),
    "photo refs": _repeat("(ảnh dưới) "),
    "times": _repeat("10:38 "),
    "numbers": _repeat("1.983.286 "),
    # Long words and blanks where a line pattern expects a few short ones.
    "counter word": _repeat("a", "Truy cập ", "!"),
    "counter colons": _repeat(":", "Truy cập ", "x"),
    "email local part": _repeat("a.", "Liên hệ ", " @"),
    "email domain": _repeat("a-", "x@"),
    "photo credits": _repeat("-ảnh:", "Quang cảnh ", ")x"),
    "copyright spaces": _repeat(" ", "© 2023", "x"),
    "copyright connectors": _repeat(" of", "Bản quyền"),
    "province spaces": _repeat(" ", "tỉnh", "x"),
    "source prefix caps": _repeat("A", "Báo", " x"),
    "long name and short": _repeat("Nguyễn ", "Nguyễn Văn bình. "),
    "short names": _repeat("Nguyễn Văn bình. Nguyễn Văn Bình. "),
    # Shapes of real portals' metadata lines (issue 15): glued fields, labels, separators.
    "glued date title": _repeat("1", "08/08/2023 17:26", "Hàng\n" + _PROSE),
    "dated label lines": _repeat("Thời sựThứ Hai, 12/06/2023 08:00 | Xã hội\n"),
    "glued case runs": _repeat("aA1"),
    "tag line separators": _repeat(", ;#|", "Từ khóa: "),
    "hyphen name": _repeat("A-", "Văn Hùng/VOV-", "\n\n" + _PROSE),
    "credit tails": _repeat(" - Nguồn:", "Tác giả: Minh Anh"),
    # Shapes of the tenth session's readings: pages cut short, codes, wrong-side spaces, terms.
    "cut after sentences": _repeat("Mưa. ", "", " biểu diễ"),
    "cut with brackets": _repeat("(a “b ", "Mưa. ", "(qu"),
    "cut after blanks": _repeat("\u200b\n", "Mưa. Xe về bến diễ"),
    "wrong side marks": _repeat("a ,b .C "),
    "wrong side spaces": _repeat(" ", "a", ",b"),
    "broken codes": _repeat("XR- B2040 "),
    "code letters": _repeat("AB- "),
    "posted by spaces": _repeat(" ", "Đăng bởi", " Ban Tuyên giáo | 12/06/2023\n" + _PROSE),
    "office lines": _repeat("Trung tâm Kiểm soát bệnh tật tỉnh\n"),
    "ascii terms": _repeat("chip "),
    "spoken pronouns": _repeat("ổng nói "),
    # The thirteenth session's shapes: wide-gapped menus, disclaimers, loanword pieces, superscripts.
    "wide gaps": _repeat("Thời sự  ", "", "\n"),
    "wide gap runs": _repeat("  ", "Trang chủ", "Tin tức\n"),
    "disclaimer words": _repeat(" bài", "Nội dung bài viết", " quan điểm"),
    "comment heads": _repeat("Ý kiến (1)   Mới nhất | "),
    "loan pieces": _repeat("prôtê"),
    "loan words": _repeat("nuclêôtit "),
    "superscripts": _repeat("km² "),
    "swapped names": _repeat("Facbeook "),
    "capital tones": _repeat("Hòang "),
    "dialect quotes": _repeat("“rứa ", "Bà nói: ", " chuyên giao”"),
    "straight quotes open": _repeat(' "rứa', "Bà: "),
    "quote marks only": _repeat('“"'),
    "dialect quotes with slips": _repeat("Ông nói: “Tui thấy vẫn đề chuyên giao.” "),
    "wrapped lines": _repeat("b\n", "x" * 60 + "\n"),
    "invisible openers": _repeat("\u200b\ufeffĐươc "),
    # Shapes of the eleventh session's readings: edges, Telex, home bars, footer sentences, share rows.
    "clause ends": _repeat("trước bão. 5 "),
    "telex tone keys": _repeat("vieejt cacs "),
    "doubled five years": _repeat("năm năm "),
    "home bars": _repeat("Trang chủ Thời sự Kinh tế Xã hội\n"),
    "footer sentences": _repeat("Đơn vị vận hành cho biết sự cố mất điện đã được khắc phục xong trong ngày.\n"),
    "share rows under a date": _repeat("Share\nFacebook\n", "Tít bài báo dài hơn sáu chữ\n12/10/2026\n", _PROSE),
    "reading time lines": _repeat("Reading time: 3 minutes\n"),
    "copyright signs": _repeat("© Copyright ", "", "2024 Báo Nghệ An"),
    "role word names": _repeat("Tác giả Ánh Tuyết\n"),
    # The twelfth session's: vowels alone, VNI tone digits, price boards, weather boxes, date words.
    "vowels alone": _repeat("đóng ỏ các ễ "),
    "vni tone digits": _repeat("về nha2 mới Gia1 "),
    "price boards": _repeat("USD 26.120 26.480\n", "Tỷ giá hôm nay\n"),
    "price digits": _repeat("1", "Tỷ giá hôm nay\nUSD ", "x"),
    "weather boxes": _repeat("Đà Lạt 17°C Sương mù\n"),
    "short headlines": _repeat("Kinh tế\nGiá vàng giảm\n"),
    "last updated": _repeat("Ngày xuất bản: 01/12/2026 - Cập nhật lần cuối: 03/12/2026 14:02\n"),
    "foreign names a keystroke apart": _near_names,
    "zoned clocks": _repeat("03:30:00.000Z GMT+07:00 UTC ", "2026-12-05T"),
    "iso stamps beside names": _repeat("Minh Anh - 2026-12-05T03:30:00Z | ", "Tít bài báo dài hơn sáu chữ\n"),
    "spaced price rows": _repeat("Đắk Lắk   134.000   +2.000\t-1,5%\n", "BẢNG GIÁ CÀ PHÊ\n"),
    "price columns": _repeat(" \t", "Giá cà phê hôm nay\nĐắk Lắk", "134.000"),
    "players loading": _repeat("Video đang được tải... vui lòng chờ\n"),
    "provinces slipped": _repeat("Quãng Ngãi Hãi Phòng Đà Nẳng, anh Hải Phong. ", "Tỉnh "),
    "names glued to words": _repeat("Trumpvà Seoullà HCMđã Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaacủa "),
    "signatures before related heads": _repeat("LÊ HOÀI NAM\nTIN LIÊN QUAN\nPhóng viên Lê Hoài Nam\nHoài Nam (Vietnam+)\n"),
    "joined loanwords": _repeat("kilômétamiăngđiôxít "),
    "joined loanword letters": _repeat("ô", "k", "t"),
    "category fields": _repeat("Danh mục: Du lịch · Viễn thông · ", "Tin công nghệ · Viễn thông\n", "\nViễn thông\nVì sao?\n"),
    "issue numbers": _repeat("Số 11 số 12 - Ngày ", "Bản tin\n", " 15/11/2025\nTít bài báo dài hơn sáu chữ\n"),
    "author boxes": _repeat("Hoàng Nam Minh Anh · 1,2 ", "Tít bài báo dài hơn sáu chữ\n", " người theo dõi\n"),
    "courts after names": _repeat("Viện kiểm sát nhân dân huyện ", "Lê Văn An - ", "Yên Thành\n"),
    "comment bars": _repeat("2 ngày   Thích   Phản hồi   12 21 giờ · ", "Tít bài báo dài hơn sáu chữ\n", "\n"),
    "pictographs": _repeat("🔴 👉 ", "Tít ", " bài báo dài hơn sáu chữ.\n"),
    "posts under names": _repeat("Giáo viên Trường THCS Quang Chiểu, ", "Tác giả: Lê Thị Hoa\n", "tỉnh Thanh Hóa\n"),
    "names near names": _repeat("Mlaysiaa Stockhomm Samsumgg Guardiollaa ", "Đội "),
    "misspelt expressions": _repeat("sát nhập thái độ bàng quang tinh giảm biên chế sắc xuất "),
    "contested words": _repeat("công việt văn phòng cố vân âm nhạc "),
    "outlets after names": _repeat("Hoàng Lâm (Báo Báo Báo ", "Tít bài báo dài hơn sáu chữ\nNội dung bài.\n", ")\n"),
})


def _ctx() -> Context:
    """The rules are called one by one here, as a Checker runs them: with its context bound to it."""
    ctx = Context(glossary=default_glossary(), custom_words=frozenset({"Ácmêni", "UBND"}))
    Checker.for_context(ctx)
    return ctx


class _Hung(Exception):
    pass


def _raise(*_):
    raise _Hung


def _cpu(fn: Callable[[], object], budget: float) -> float:
    """CPU seconds `fn` takes, or inf when it runs past `budget` (a CPU timer interrupts it, even
    inside a regular expression)."""
    old = signal.signal(signal.SIGPROF, _raise)
    signal.setitimer(signal.ITIMER_PROF, budget)
    start = time.thread_time()
    try:
        fn()
        return time.thread_time() - start
    except _Hung:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def _measure(text: str, ctx: Context, budget: float, names: set[str] | None = None) -> dict[str, float]:
    """CPU seconds of every check over `text` (inf: stopped at `budget`), or of those in `names`.

    The rules read one Document in registry order, as check_text runs them: the first rule that
    needs a shared analysis (the typo rules' syllables, the abbreviations) pays for it, at either
    size. The document view and the classifier's verdicts are prepared first and timed apart."""
    out: dict[str, float] = {}

    def wanted(name: str) -> bool:
        return names is None or name in names

    doc = Document.from_text(text)
    boilerplate.classify_lines(doc.text)
    for rule_id, r in load_rules().items():
        if wanted(rule_id):
            out[rule_id] = _cpu(lambda: list(r.fn(doc, ctx)), budget)
    fields = dict.fromkeys(("title", "sapo", "body", "byline", "published_at", "source", "source_url", "raw"),
                           text)
    for rule_id, r in RECORD_RULES.items():
        if wanted(rule_id):
            out[rule_id] = _cpu(lambda: list(r.fn(fields, ctx)), budget)

    def extract():
        extract_article(text)

    for name, fn in (("(document view)", lambda: Document.from_text(text)),
                     ("(boilerplate classifier)", lambda: boilerplate.classify_lines(text)),
                     ("(metadata extraction)", extract)):
        if wanted(name):
            out[name] = _cpu(fn, budget)
    return out


def superlinear(make: Callable[[int], str], small: int = SMALL, large: int = LARGE,
                repeats: int = 3) -> dict[str, str]:
    """Checks whose cost grows faster than the text on `make`'s texts: name → what was measured.

    The cyclic garbage collector is off, as check_text has it: its passes grow with the heap."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _superlinear(make, small, large, repeats)
    finally:
        if was:
            gc.enable()


def _superlinear(make: Callable[[int], str], small: int, large: int, repeats: int) -> dict[str, str]:
    ctx = _ctx()
    t_small = _measure(make(small), ctx, BUDGET[SMALL])
    for _ in range(repeats - 1):
        for name, t in _measure(make(small), ctx, BUDGET[SMALL]).items():
            t_small[name] = min(t_small[name], t)
    bad = {name: f"{small} chars: over {BUDGET[SMALL]} s" for name, t in t_small.items() if t == float("inf")}
    suspects = set(t_small) - set(bad)
    t_large = dict.fromkeys(suspects, float("inf"))
    for _ in range(repeats - 1):  # a second run only for what looks bad after the first
        for name, t in _measure(make(large), ctx, BUDGET[LARGE], suspects).items():
            t_large[name] = min(t_large[name], t)
        suspects = {name for name in suspects if t_large[name] > max(FLOOR, LIMIT * t_small[name])}
        if not suspects:
            break
    for name in sorted(suspects, key=list(t_small).index):
        t = t_large[name]
        if t == float("inf"):
            bad[name] = f"{large} chars: over {BUDGET[LARGE]} s ({small} chars: {t_small[name] * 1e3:.1f} ms)"
        else:
            bad[name] = (f"{t_small[name] * 1e3:.1f} ms → {t * 1e3:.1f} ms "
                         f"({t / max(t_small[name], 1e-6):.0f}x for {large / small:.0f}x text)")
    return bad


@pytest.mark.parametrize("generator", list(GENERATORS))
def test_every_check_is_linear(generator):
    bad = superlinear(GENERATORS[generator])
    assert not bad, f"{generator!r}: " + "; ".join(f"{k}: {v}" for k, v in bad.items())


def test_new_rules_are_measured_too(monkeypatch):
    """A rule registered later is read like the others, and a quadratic one is caught."""
    from bientap.checks.engine import REGISTRY, Rule

    def quadratic(doc, ctx):
        text = doc.text
        for i in range(0, len(text), 16):
            text[:i].split(text[i])  # everything before each position, read again
        return []

    monkeypatch.setitem(REGISTRY, "test.quadratic",
                        Rule("test.quadratic", "style", "info", False, quadratic, False, ("body",)))
    bad = superlinear(_repeat("a"))
    assert list(bad) == ["test.quadratic"], bad
