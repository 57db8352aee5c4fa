"""One language per run (issue 17, item 8): the catalog is whole, and every command speaks one language."""

from __future__ import annotations

import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from bientap import i18n
from bientap.i18n import catalog
from bientap.tui.cli import main

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _vietnamese_again():
    yield
    i18n.use("vi")


def test_every_word_the_program_shows_has_a_translation():
    assert catalog.missing() == {}, "python -m bientap.i18n.catalog missing --po, then translate"


def test_no_word_is_translated_two_ways_and_none_is_left_over():
    _strings, _owner, conflicts = catalog.translated()
    assert conflicts == []
    assert catalog.stale() == [], "python -m bientap.i18n.catalog stale: remove these"


def test_the_compiled_catalog_is_current():
    assert catalog.compiled_is_current(), "python -m bientap.i18n.catalog compile"


def test_the_catalog_writes_one_tone_mark_placement():
    """Traditional placement throughout ("xóa", "hòa"); a modern house gets it respelt at run time."""
    from bientap.checks.vietnamese import in_tone_style

    strings, owner, _conflicts = catalog.translated()
    odd = []
    for key, text in strings.items():
        for one in (text if isinstance(text, tuple) else (text,)):
            if in_tone_style(one, "traditional") != one:
                odd.append(f"{owner[key]}: {one}")
    assert odd == []


def commands(command: click.Command, path=()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_page_speaks_one_language(lang, monkeypatch):
    monkeypatch.delenv("BIENTAP_LANG", raising=False)
    runner = CliRunner()
    for path, _command in commands(main):
        result = runner.invoke(main, ["--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        head, _, options = result.output.partition("\n\n")
        body = result.output.split("\n\n")[1]  # the command's own description
        if lang == "en":
            assert not VIETNAMESE.search(result.output), (path, result.output)
        else:
            assert VIETNAMESE.search(body), (path, body)
            assert "Show this message and exit." not in result.output
            assert "Usage:" not in head


def test_the_language_comes_from_the_flag_then_the_environment_then_the_config(tmp_path, monkeypatch):
    from bientap.store.config import desk_config_path

    runner = CliRunner()
    monkeypatch.delenv("BIENTAP_LANG", raising=False)
    assert "Usage:" not in runner.invoke(main, ["--help"]).output
    desk_config_path().parent.mkdir(parents=True, exist_ok=True)
    desk_config_path().write_text('lang = "en"\n', encoding="utf-8")
    assert "Usage:" in runner.invoke(main, ["--help"]).output
    monkeypatch.setenv("BIENTAP_LANG", "vi")
    assert "Usage:" not in runner.invoke(main, ["--help"]).output
    assert "Usage:" in runner.invoke(main, ["--help", "--lang", "en"]).output


def test_an_unknown_language_is_one_line_and_exit_2(monkeypatch):
    runner = CliRunner()
    result = runner.invoke(main, ["--lang", "fr", "list"])
    assert result.exit_code == 2
    assert "'fr'" in result.output and len(result.output.strip().splitlines()) == 1
    monkeypatch.setenv("BIENTAP_LANG", "klingon")
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 2 and "$BIENTAP_LANG" in result.output


def test_a_modern_house_reads_its_own_placement(monkeypatch):
    """style.toml `tone_marks = "modern"`: the desk and the command line write "xoá", not "xóa"."""
    from bientap.store.config import default_style_path
    from bientap.tui.language import use

    strings, _owner, _conflicts = catalog.translated()
    english, vietnamese = next((k, v) for k, v in strings.items() if isinstance(v, str) and "óa" in v)
    default_style_path().parent.mkdir(parents=True, exist_ok=True)
    default_style_path().write_text('tone_marks = "modern"\n', encoding="utf-8")
    use("vi")
    assert i18n._(english) == vietnamese.replace("óa", "oá")


def test_the_english_run_from_a_fresh_process():
    proc = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--lang", "en", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Usage:" in proc.stdout and not VIETNAMESE.search(proc.stdout)


def test_a_library_caller_who_chose_no_language_reads_vietnamese():
    """Without `use` (a script importing bientap.store, a worker process) the words are the default's."""
    proc = subprocess.run([sys.executable, "-c", "from bientap.store.workflow import status_label; print(status_label('spiked'))"],
                          capture_output=True, text=True, timeout=60, env={k: v for k, v in __import__("os").environ.items()
                                                                            if k not in ("BIENTAP_LANG", "LANGUAGE", "BIENTAP_RUN_LANG")})
    assert proc.returncode == 0 and proc.stdout.strip() == "Loại", proc.stderr


def test_a_process_the_run_starts_speaks_its_language():
    """The desk's check process is spawned (a fresh interpreter): it speaks the language the run chose."""
    import multiprocessing

    i18n.use("en")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_status_word, ("spiked",)) == "Spiked"
    i18n.use("vi")
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_status_word, ("spiked",)) == "Loại"


def _status_word(status: str) -> str:
    from bientap.store.workflow import status_label

    return status_label(status)


# The checks' findings speak the check's language (`ctx.lang`, which `check --lang` sets), not the run's.

def test_a_findings_message_follows_the_checks_language_not_the_runs():
    from bientap.checks.engine import check_article, check_text
    from bientap.checks.context import Context

    text = "Hôm nay,trời đẹp  lắm."
    for run in ("vi", "en"):
        i18n.use(run)
        said = {lang: {f.rule: f.message for f in check_text(text, Context(lang=lang))} for lang in ("vi", "en")}
        assert said["vi"]["spacing.double"] == "Hai dấu cách liền nhau"
        assert said["en"]["spacing.double"] == "Doubled space"
        assert said["vi"]["spacing.after_punct"] == "Thiếu dấu cách sau “,”"
        assert said["en"]["spacing.after_punct"] == "Missing space after “,”"
        # a record rule (a stored article's fields) too
        fields = {"title": "Tin mới", "body": "Bài viết.", "raw": "Bài\x07 viết."}
        dropped = {lang: [f.message for f in check_article(fields, Context(lang=lang)) if f.rule == "unicode.dropped"]
                   for lang in ("vi", "en")}
        assert dropped == {"vi": ["Đã loại 1 ký tự điều khiển/định hướng khi nhập: \\x07"],
                           "en": ["Control or bidi characters dropped on import (1): \\x07"]}


def test_a_modern_house_reads_its_findings_in_its_placement_and_the_article_as_written():
    """The catalog writes "xóa"; a house with `tone_marks = "modern"` reads "xoá" in its findings as in
    its desk. What the message quotes of the article (here the glossary's expansion) is never respelt."""
    from bientap.checks.engine import check_text
    from bientap.checks.context import Context
    from bientap.checks.glossary import GlossaryEntry
    from bientap.checks.style import HouseStyle

    glossary = {"HG": GlossaryEntry("HG", "hòa giải", policy="always-expand")}
    text = "Tổ HG xong vụ\u200bviệc."
    for tone, delete in (("traditional", "nên xóa"), ("modern", "nên xoá")):
        said = {f.rule: f.message for f in check_text(text, Context(glossary=glossary, lang="vi",
                                                                   style=HouseStyle(tone_marks=tone)))}
        assert said["unicode.invisible"] == f"Ký tự vô hình \\u200b (ZERO WIDTH SPACE): {delete}"
        assert said["abbr.expand"] == "Không dùng viết tắt “HG”: viết “hòa giải”"
        english = {f.rule: f.message for f in check_text(text, Context(glossary=glossary, lang="en",
                                                                      style=HouseStyle(tone_marks=tone)))}
        assert english["unicode.invisible"] == "Invisible character \\u200b (ZERO WIDTH SPACE): delete it"


# Texts of my own that make every rule of the unicode, spacing, abbreviation, style and typo kinds speak.
EVERY_RULE = [
    "Thanh Hoá và Thanh Hóa ở cùng bài. Hội nghị ,tại Hà Nội( xem ) ngày 12 / 10/2026 .",
    'Ông  Nam nói:"xin chào" và «tạm biệt» rồi đi .Kinh tế- xã hội 2021 -2025 tốt.\u00a0\n\u00a0Dòng mới  \n',
    "Chữ tổ hợp: Vie\u0323\u0302t Nam. Ký tự vô\u200bhình và điều\u0007khiển. Trường há»c vÃ  Khoa há»c. Mất � đây.",
    "Đi Tp.HCM nay. Rồi XYZQ và TS đến. UBND họp, Uỷ ban nhân dân (UBND) rồi Ubnd. BCĐT cũng vậy. Tp.HCM đẹp.",
    "Ông nguyễn văn an và Nguyễn Văn An gặp Nguyễn Văn Ăn. Tôi đi học hoc sinh. Anh ấy đi học học lại lại.",
    "Hà nội và Hà Nội, TS.Nguyễn đến. thanh hóa nhé hóa. Nước Việt Nam ra đời đời. Hai\u00a0từ.",
    "Bà Nguyễn Thị Mai nói “chào. Ông (Nguyễn) nói ) nhé \" và “ hai ”.",
    "Phát triển kinh tế,xã hội. Ông Nguyễn Thanh bình trao đổi với phóng viên.",
    "Anh Lê Văn Hùng nói. Anh Lê Văn Hùng kể lại với anh Lê Văn Hung.",
    "Đoàn công tác đến thăm xã Tân HiệpBuổi sáng hôm ấy trời mưa.",
    "Vì lí do gia đình, anh xin nghỉ việc. Lý do này được chấp nhận.",
]
# ... and every boilerplate rule: a page of my own with its site around it.
EVERY_RULE.append("""NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ XÃ AN BÌNH LẦN THỨ XX!
CỔNG THÔNG TIN ĐIỆN TỬ XÃ AN BÌNH
Trang chủ
Giới thiệu
Tin tức
Văn bản
Liên hệ
Trang chủ > Tin tức > Nông nghiệp
Xã An Bình ra quân làm thủy lợi mùa khô
In trang Xuất PDF
Sáng nay, xã An Bình ra quân nạo vét kênh mương nội đồng để chuẩn bị cho vụ lúa đông xuân năm nay.
Description: C:\\Users\\may1\\IMG_1234.JPG
Như ảnh dưới cho thấy (ảnh dưới), bà con đã có mặt từ sớm và chia nhau từng đoạn kênh.
Bà con nông dân nạo vét kênh mương tại cánh đồng thôn Đông
Ông Trần Văn Bình, Chủ tịch xã, cho biết năm nay xã nạo vét hơn mười cây số kênh mương nội đồng.
Ông Trần Văn Bình, Chủ tịch xã, cho biết năm nay xã nạo vét hơn mười cây số kênh mương nội đồng.
Minh An
https://anbinh.example.gov.vn/tin-tuc
Ý kiến bạn đọc
Gửi bình luận
Các tin khác
Xã An Bình tổ chức hội nghị tổng kết công tác năm
Xã An Bình trao quà cho gia đình chính sách dịp Tết
Xã An Bình khai giảng lớp dạy nghề cho lao động nông thôn
Thống kê truy cập
Truy cập tổng 1.983.286
Bản quyền © 2026 thuộc về UBND xã An Bình
Địa chỉ: thôn Đông, xã An Bình; Điện thoại: 0123 456 789
""")
# Fields that make every record rule speak.
EVERY_RECORD = [{"title": "Tin", "body": "Bài.", "raw": "Bài\x07."},
                {"title": " ".join(["chữ"] * 30), "body": "Bài."}, {"body": "Bài."}]


def _messages(message):
    """`message` and the Messages among its values, each said through the catalog."""
    yield message
    for _name, value in message.params:
        if isinstance(value, type(message)):
            yield from _messages(value)


def test_every_rule_speaks_through_the_catalog():
    """Each rule's message is a Message whose English id has a Vietnamese translation (a word a rule
    writes without N_() would escape `catalog missing`), and so is each value that is a Message
    (the boilerplate rules' line reason)."""
    from bientap.checks.engine import REGISTRY, RECORD_RULES, Checker
    from bientap.checks.findings import Document, Message
    from bientap.checks.glossary import GlossaryEntry

    glossary = {"UBND": GlossaryEntry("UBND", "Ủy ban nhân dân", ("Ubnd",)),
                "TP.HCM": GlossaryEntry("TP.HCM", "Thành phố Hồ Chí Minh", ("Tp.HCM",), "TP.HCM"),
                "XYZQ": GlossaryEntry("XYZQ", "xê y", policy="avoid"),
                "TS": GlossaryEntry("TS", "tiến sĩ", policy="always-expand")}
    strings, _owner, _conflicts = catalog.translated()
    spoke, untranslated = set(), []
    for field, texts in (("body", EVERY_RULE), ("title", ["TÍT VIẾT HOA VỀ UBND TOÀN BỘ.", "Tít Viết Hoa Mọi Chữ Nhé"])):
        for text in texts:
            ctx = Checker(glossary).context(title=texts[0])
            doc = Document.from_text(text, field)
            for r in REGISTRY.values():
                if field not in r.fields:
                    continue
                for hit in r.fn(doc, ctx):
                    assert isinstance(hit.message, Message), (r.id, hit)
                    spoke.add(r.id)
                    untranslated += [(r.id, m.msgid) for m in _messages(hit.message) if m.msgid not in strings]
    ctx = Checker(glossary).context()
    for r in RECORD_RULES.values():
        for _field, message in (m for fields in EVERY_RECORD for m in r.fn(fields, ctx)):
            assert isinstance(message, Message), (r.id, message)
            spoke.add(r.id)
            if message.msgid not in strings:
                untranslated.append((r.id, message.msgid))
    assert untranslated == []
    assert {*REGISTRY, *RECORD_RULES} <= spoke
