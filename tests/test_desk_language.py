"""One language per run, in the desk: the inbox, the command palette (Textual's own commands
too), the help (F1) and the editor speak English with lang="en" and Vietnamese by default, never
both on one screen; a house that writes "xoá" reads it so."""

from __future__ import annotations

import html
import re

import pytest

from bientap.tui.app import BientapApp
from _desk import open_editor, settle

# Letters only Vietnamese uses (with a tone or a vowel mark): none of them may show in an English
# desk whose article is plain ASCII.
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)

# What each screen must say in each language, and words of the other language it must not.
WORDS = {
    "en": {
        "inbox": ["All 1", "Draft 1", "Spiked 0", "1 article", "sorted by date", "Open", "Search", "Quit",
                  "Command palette"],
        "palette": ["Search for commands…", "Quit", "Quit the application as soon as possible", "Theme",
                    "Change the current theme", "Screenshot", "Keys"],
        "no match": ["No matches found"],
        "help": ["Key bindings", "Keys", "Action", "Focus Next", "Mark all shown"],
        "editor": ["Article #1", "0 errors", "1 warning", "0 notes", "Save", "Next finding", "Title", "Byline",
                   "The article has no publication"],
        "editor help": ["Key bindings", "Select all of the field", "Find and replace", "Undo"],
    },
    "vi": {
        "inbox": ["Tất cả 1", "Nháp 1", "Loại 0", "1 bài", "sắp theo ngày đăng", "Mở", "Tìm", "Thoát",
                  "Bảng lệnh"],
        "palette": ["Tìm lệnh…", "Thoát", "Thoát khỏi bientap ngay", "Giao diện", "Chụp màn hình", "Phím"],
        "no match": ["Không tìm thấy"],
        "help": ["Phím tắt", "Việc", "Sang ô sau", "Đánh dấu hết"],
        "editor": ["Bài #1", "0 lỗi", "1 cảnh báo", "0 lưu ý", "Lưu", "Lỗi sau", "Tít", "Bút danh",
                   "Bài chưa có ngày đăng"],
        "editor help": ["Phím tắt", "Chọn hết ô chữ", "Tìm và thay", "Hoàn tác"],
    },
}
ENGLISH_UI = ["Search", "Quit", "Open", "Draft", "Theme", "Screenshot", "Focus Next", "Key bindings", "Command",
              "Next finding", "Article", "notes", "warnings", "No matches", "Save"]


def screen_text(app) -> str:
    """Everything the terminal shows now, line by line (read from Textual's SVG export of the screen)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text[^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>',
                                 app.export_screenshot(simplify=True)):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(row)) for _, row in sorted(rows.items()))


def check(text: str, lang: str, where: str) -> None:
    for word in WORDS[lang][where]:
        assert word in text, (where, word, text)
    if lang == "en":
        assert not VIETNAMESE.search(text), (where, VIETNAMESE.findall(text), text)
    else:
        assert not [w for w in ENGLISH_UI if w in text], (where, text)
        assert "gợi ý" not in text  # info findings are "lưu ý": "gợi ý" is a suggestion


@pytest.fixture
def ascii_article(fresh_db, add_article) -> int:
    """One article in plain ASCII whose one finding is the missing date: whatever is Vietnamese on
    screen is the desk's (or that finding's message, in the run's language too)."""
    article = add_article(fresh_db, title="Port news", body="The port opened today. It was busy.",
                          source="example.com", location="Haiphong", byline="Anna")
    return article.id


async def palette(app, pilot, typed: str = "") -> str:
    await pilot.press("ctrl+p")
    await settle(app, pilot)
    if typed:
        await pilot.press(*typed)
    await pilot.pause(0.7)  # the palette gathers hits on a timer; "no matches" comes after 0.5 s
    await settle(app, pilot)
    return screen_text(app)


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_the_desk_speaks_one_language(db_path, ascii_article, lang):
    from textual.command import CommandPalette
    from textual.widgets import Input

    from bientap.tui.screens.help import HelpScreen

    app = BientapApp(db_path, lang=lang) if lang == "en" else BientapApp(db_path)  # Vietnamese by default
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(app, pilot)
        check(screen_text(app), lang, "inbox")

        text = await palette(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == WORDS[lang]["palette"][0]
        check(text, lang, "palette")
        await pilot.press("z", "q", "x", "w")
        await pilot.pause(0.7)
        await settle(app, pilot)
        check(screen_text(app), lang, "no match")
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        check(screen_text(app), lang, "help")
        await pilot.press("escape")

        await open_editor(app, pilot, ascii_article)
        check(screen_text(app), lang, "editor")
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        check(screen_text(app), lang, "editor help")


@pytest.mark.parametrize("lang, placeholder", [("en", "Search for themes…"), ("vi", "Tìm giao diện…")])
async def test_the_theme_picker_speaks_the_desk_language(db_path, ascii_article, lang, placeholder):
    from textual.widgets import Input

    app = BientapApp(db_path, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await palette(app, pilot)
        app.screen.query_one(Input).value = "Theme" if lang == "en" else "Giao dien"
        await pilot.pause(0.7)
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one(Input).placeholder == placeholder


async def test_a_house_that_writes_xoa_reads_it_in_the_desk(db_path, ascii_article):
    from bientap.store.config import default_style_path
    from bientap.tui.screens.glossary import GlossaryScreen

    default_style_path().parent.mkdir(parents=True, exist_ok=True)
    default_style_path().write_text('tone_marks = "modern"\n', encoding="utf-8")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(GlossaryScreen())
        await settle(app, pilot)
        text = screen_text(app)
        assert "Xoá" in text and "Xóa" not in text


# Textual's widgets' own keys that F1 lists (a table's, a list's, a scrolling pane's).
TEXTUAL_KEYS = ["Cursor up", "Cursor down", "Cursor left", "Cursor right", "Home", "End", "Top", "Bottom",
                "Page Up", "Page Down", "Page Left", "Page Right", "Scroll Left", "Scroll Right", "Select",
                "Focus Next", "Focus Previous", "Copy selected text", "Quit"]


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_help_lists_textuals_own_keys_in_the_desk_language(db_path, ascii_article, lang):
    from bientap.tui.screens.glossary import GlossaryScreen
    from bientap.tui.screens.help import HelpScreen

    app = BientapApp(db_path, lang=lang)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(app, pilot)
        for screen in ("glossary", "findings"):
            if screen == "glossary":
                app.push_screen(GlossaryScreen())
            else:
                (await open_editor(app, pilot, ascii_article)).panel.focus()
            await settle(app, pilot)
            await pilot.press("f1")
            await settle(app, pilot)
            assert isinstance(app.screen, HelpScreen)
            descriptions = {description for _keys, description in app.screen.rows()}
            english = descriptions & set(TEXTUAL_KEYS)
            if lang == "en":
                assert {"Select", "Page Left", "Focus Next"} <= english
                assert not any(VIETNAMESE.search(d) for d in descriptions), descriptions
            else:
                assert not english and {"Chọn", "Trang bên trái", "Sang ô sau"} <= descriptions
            await pilot.press("escape")
            await pilot.press("escape")
            await settle(app, pilot)
