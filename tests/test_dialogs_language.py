"""One language per run in the editor and its dialogs (issue 17 item 8): the editor with its find bar,
the suggestion picker, the history, the status dialog, in English and in Vietnamese; nothing of
the other language on the screen.

English screens must hold no Vietnamese letter outside the article's own words; Vietnamese screens
no English word of the dialogs' catalog part (i18n/vi/dialogs.po: every word of a message id its
translation does not also use).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from _desk import open_editor, settle
from bientap.store import articles
from bientap.store.articles import Article
from test_editor import test_rules  # noqa: F401  (the two test rules: "sai" → "đúng", "giử" → three)

PART = Path(__file__).resolve().parents[1] / "i18n" / "vi" / "dialogs.po"
WORD = re.compile(r"[A-Za-z]{3,}")

# The article of each run, and what the test rules suggest for it: the article's words, not the desk's.
ARTICLE = {
    "en": Article(title="Bridge opens", body="The bridge is sai now, giử XYZ.\n\nA second bridge.", byline="Lan"),
    "vi": Article(title="Cầu mới thông xe", body="Cây cầu thông xe sai hẹn, giử XYZ.\n\nCầu thông thoáng.",
                  byline="Lan"),
}
ARTICLE_WORDS = {"giử", "giá", "giữ", "giũ", "đúng", "xê", "dét"}


def english_words() -> set[str]:
    """Words of the part's English message ids that their Vietnamese does not use ("Enter", "Sapo" do)."""
    with PART.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    words: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        kept = {w for s in strings for w in WORD.findall(s)}
        words |= {w for s in ids for w in WORD.findall(s) if w not in kept and not w.isupper()}
    return words


def screen_text(app) -> str:
    """What the terminal shows now (a dialog and the screen dimmed behind it), as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def vietnamese_letters(text: str, allowed: set[str]) -> list[str]:
    """Words with a Vietnamese letter (a tone mark, ă â ê ô ơ ư đ) that are not (part of) one of
    `allowed` (a dialog may cut an article's word in the screen behind it)."""
    return [w for w in re.findall(r"\w+", text) if not any(w in word for word in allowed)
            and ("đ" in w.lower() or re.search(r"[\u0300-\u036f]", unicodedata.normalize("NFD", w)))]


def assert_one_language(app, lang: str, allowed: set[str] = ARTICLE_WORDS) -> None:
    """Nothing of the other language on the screen but `allowed` (the article's words, data) and
    rule ids ("metadata.date")."""
    shown = re.sub(r"\w+(?:\.\w+)+", " ", screen_text(app))
    if lang == "en":
        assert vietnamese_letters(shown, allowed) == [], shown
    else:
        assert set(WORD.findall(shown)) & english_words() - allowed == set(), shown


def test_the_english_words_cover_the_dialogs():
    words = english_words()
    assert {"Replace", "matches", "History", "restores", "Move", "Cancel", "Title"} <= words
    assert "Enter" not in words and "Sapo" not in words  # the same in both languages


@pytest.fixture
def editor_app(db_path, fresh_db, test_rules):  # noqa: F811
    from bientap.tui.app import BientapApp

    def start(lang: str):
        article = articles.insert(fresh_db, ARTICLE[lang], source_key=f"lang:{lang}", raw_id=None)
        return BientapApp(db_path, lang=lang), article.id

    return start


SAYS = {
    "en": {"query": "bridge", "find": "Find", "count": "2 matches", "picker": "Replace «giử» with", "history": "What v1 changed:",
           "label": "Byline"},
    "vi": {"query": "thong", "find": "Tìm", "count": "2 chỗ", "picker": "Thay «giử» bằng", "history": "Thay đổi của v1:",
           "label": "Bút danh"},
}


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_editor_find_bar_picker_and_history_speak_one_language(editor_app, lang):
    from bientap.tui.dialogs.history import HistoryDialog
    from bientap.tui.dialogs.suggestions import SuggestionDialog

    says = SAYS[lang]
    app, article_id = editor_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        assert says["label"] in screen_text(app)
        assert_one_language(app, lang)

        await pilot.press("ctrl+f", *says["query"])  # twice in the body
        await pilot.pause()
        shown = screen_text(app)
        assert says["find"] in shown and says["count"] in shown
        assert_one_language(app, lang)
        await pilot.press("escape")

        body = screen.body
        body.move_cursor(body.location_of(body.text.index("giử") + 1))
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionDialog)
        assert says["picker"] in screen_text(app)
        assert_one_language(app, lang)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f9")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryDialog)
        assert says["history"] in screen_text(app)
        assert_one_language(app, lang, ARTICLE_WORDS | {"import"})  # the first revision's note (data)


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_status_dialog_speaks_one_language(editor_app, lang):
    from bientap.tui.dialogs.status import StatusDialog

    app, _article_id = editor_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        shown = screen_text(app)
        if lang == "en":
            assert "Move 1 article to:" in shown and "Spiked" in shown and "(publish gate)" in shown
        else:
            assert "Chuyển 1 bài sang:" in shown and "Loại" in shown and "(qua kiểm tra trước khi đăng)" in shown
        assert_one_language(app, lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_a_refused_save_asks_in_one_language_with_its_own_hotkeys(db_path, fresh_db, gate_rules, lang):
    """The publish gate's question on a ready article, and its answers chosen by the keys the
    language shows: "k"/"s" in English, "g"/"d" (giữ, duyệt) in Vietnamese."""
    from bientap.store import workflow
    from bientap.tui.app import BientapApp
    from bientap.tui.dialogs.choice import ChoiceDialog

    body = {"en": "Clean text.", "vi": "Câu sạch."}[lang]
    article = articles.insert(fresh_db, Article(title="Cầu", body=body, byline="Lan"), source_key="g", raw_id=None)
    workflow.set_status(fresh_db, [article.id], "ready")
    app = BientapApp(db_path, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article.id)
        screen.body.move_cursor((0, 0))
        await pilot.press(*"CHẶN ", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        shown = screen_text(app)
        if lang == "en":
            assert "The article is “Ready”" in shown and "Save, back to Review (s)" in shown
        else:
            assert "Bài đang ở “Sẵn sàng”" in shown and "Lưu, về Chờ duyệt (d)" in shown
        assert_one_language(app, lang, {"Cầu", "CHẶN", "Từ", "bị", "chặn"})  # the test rule's word and message
        await pilot.press("s" if lang == "en" else "d")
        await settle(app, pilot)
    assert articles.get(fresh_db, article.id).status == "review"
