"""The article editor, driven from the keyboard with Pilot; every flow asserts on the database.

The rules are two small test rules (swapped in for the registry) so these tests pin the editor,
not the wording of the real rules; `test_seed_001_real_rules` runs the real ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from _desk import make_app, open_editor, settle
from bientap.checks import engine
from bientap.checks.engine import Rule
from bientap.checks.findings import Finding, Hit
from bientap.store import articles, drafts
from bientap.store.articles import Article
from bientap.store.db import open_db

BODY = "Dòng một có chữ sai ở đây.\n\nDòng hai có XYZ và lỗii.\n\nDòng ba bình thường."
TITLE = "Tít bài [bold]thử[/"
FIXES = {"sai": "đúng", "lỗii": "lỗi"}
RANKED = {"giử": ("giá", "giữ", "giũ")}  # several suggestions, the right one not first


@dataclass(frozen=True)
class RuleWords:
    """A test rule's message in both languages. It says itself as a Message does, without the
    catalog: these words are the tests', not bientap's."""

    vi: str
    en: str

    def say(self, lang: str, tone_marks: str = "traditional") -> str:
        return self.en if lang == "en" else self.vi


def typo_rule(doc, ctx):
    """Test rule: a word from FIXES or RANKED, unless the newsroom dictionary has it."""
    for tok in doc.tokens:
        if (tok.text in FIXES or tok.text in RANKED) and tok.text not in ctx.custom_words:
            suggestions = RANKED.get(tok.text) or (FIXES[tok.text],)
            yield Hit(tok.start, tok.end, RuleWords("sai chính tả [b]thử", "typo"), suggestions)


def abbr_rule(doc, ctx):
    """Test rule: XYZ is an abbreviation nobody defined (unsafe fix); "(XYZ)" defines it."""
    for m in re.finditer(r"(?<!\()\bXYZ\b", doc.text):
        yield Hit(m.start(), m.end(), RuleWords("viết tắt chưa định nghĩa", "undefined abbreviation"), ("xê y dét (XYZ)",))


def editor_registry() -> dict[str, Rule]:
    return {
        "test.typo": Rule("test.typo", "typo", "error", True, typo_rule, False, ("body", "sapo", "title")),
        "test.abbr": Rule("test.abbr", "abbreviation", "warning", False, abbr_rule, False, ("body", "sapo")),
    }


def install_test_rules() -> None:
    """The two test rules as the only ones: run by the desk's check process (bientap.store.checking)."""
    engine.REGISTRY = editor_registry()
    engine.RECORD_RULES = {}


@pytest.fixture
def test_rules(monkeypatch):
    registry = editor_registry()
    monkeypatch.setattr(engine, "REGISTRY", registry)
    monkeypatch.setattr(engine, "RECORD_RULES", {})
    monkeypatch.setenv("BIENTAP_CHECK_SETUP", "test_editor:install_test_rules")
    from bientap.tui.screens.editor import EditorScreen

    monkeypatch.setattr(EditorScreen, "RECHECK_DELAY", 0)
    return registry


@pytest.fixture
def article_id(fresh_db, test_rules) -> int:
    art = articles.insert(fresh_db, Article(title=TITLE, body=BODY, byline="Hà"), source_key="t1", raw_id=None)
    fresh_db["removed_lines"].insert_all([
        {"article_id": art.id, "position": 1, "kind": "caption", "reason": "chú thích ảnh",
         "text": "Ảnh: [red]minh họa"},
    ])
    return art.id


def stored(db_path, article_id) -> Article:
    db = open_db(db_path)
    try:
        return articles.get(db, article_id)
    finally:
        db.close()


async def type_at_end(screen, pilot, text: str) -> None:
    screen.body.focus()
    screen.body.move_cursor(screen.body.document.end)
    await pilot.press(*text)


def rules_of(screen) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in screen.findings]


# ---- fields and saving ----------------------------------------------------------------------------

async def test_opens_with_findings_shown_literally(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        assert rules_of(screen) == [("test.typo", "sai"), ("test.abbr", "XYZ"), ("test.typo", "lỗii")]
        assert screen.query_one("#f-title").value == TITLE
        prompts = [str(screen.panel.get_option_at_index(i).prompt) for i in range(3)]
        assert "sai chính tả [b]thử" in prompts[0]  # a message is never markup
        assert screen.body.marks(0) == [(16, 19, "error")]


async def test_edit_a_field_and_save(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        screen.query_one("#f-byline").focus()
        await pilot.press("end", *" Nam")
        screen.query_one("#f-tags").focus()
        await pilot.press(*"kinh te, xa hoi")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not screen.dirty
    art = stored(db_path, article_id)
    assert (art.byline, art.tags, art.version, art.edited) == ("Hà Nam", ["kinh te", "xa hoi"], 2, 1)
    assert (art.errors, art.warnings, art.infos) == (2, 1, 0)
    assert art.title == TITLE  # untouched fields stay as they were


async def test_invalid_date_and_empty_title_are_refused_at_the_field(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        screen.query_one("#f-published_at").focus()
        await pilot.press(*"32/13/2022")
        await pilot.pause()
        error = screen.query_one("#e-published_at")
        assert error.has_class("shown") and "32/13/2022" in str(error.render())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert stored(db_path, article_id).version == 1
        await pilot.press(*["backspace"] * 10, *"16/5/2022")
        await pilot.pause()
        assert not error.has_class("shown")
        screen.query_one("#f-title").value = "   "
        await pilot.pause()
        assert screen.query_one("#e-title").has_class("shown")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert stored(db_path, article_id).version == 1
        screen.query_one("#f-title").value = "Tít mới"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert (art.published_at, art.title, art.version) == ("2022-05-16", "Tít mới", 2)


# ---- fixes ------------------------------------------------------------------------------------------

async def test_next_finding_and_apply_one_fix(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await pilot.press("f8")
        assert screen.body.cursor_location == (0, 16)
        await pilot.press("f8")
        assert screen.body.cursor_location == (2, 12)
        await pilot.press("shift+f8")
        assert screen.body.cursor_location == (0, 16)
        await pilot.press("f4")
        await settle(app, pilot)
        assert screen.body.text.startswith("Dòng một có chữ đúng ở đây.")
        assert ("test.typo", "sai") not in rules_of(screen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert art.body == BODY.replace("sai", "đúng") and art.errors == 1


async def test_findings_panel_keys(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        screen.panel.focus()
        await pilot.press("j")
        assert screen.panel.current.text == "XYZ"
        assert screen.body.cursor_location == (2, 12)  # the body follows the panel
        await pilot.press("j", "k", "enter")  # Enter applies: the unsafe fix, chosen by hand
        await settle(app, pilot)
        assert "xê y dét (XYZ)" in screen.body.text
        screen.panel.highlighted = next(i for i, f in enumerate(screen.panel.findings) if f.text == "lỗii")
        await pilot.press("i")
        await settle(app, pilot)
        assert ("test.typo", "lỗii") not in rules_of(screen)
        await pilot.press("w")  # the remaining finding: "sai"
        await settle(app, pilot)
        await pilot.press("1")  # the word itself, not a phrase with its neighbours
        await settle(app, pilot)
        assert rules_of(screen) == []
    db = open_db(db_path)
    assert [r["text"] for r in db["ignored_findings"].rows] == ["lỗii"]
    assert [r["word"] for r in db["custom_words"].rows] == ["sai"]
    db.close()


async def test_apply_all_safe_fixes_after_preview(db_path, article_id):
    from bientap.tui.dialogs.diff import DiffDialog

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, DiffDialog)
        shown = app.screen.query_one("#diff").render()
        assert "đúng" in str(shown) and "lỗi." in str(shown)
        assert "xê y dét" not in str(shown)  # only safe fixes
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is screen and screen.body.text == BODY
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert screen.body.text == BODY.replace("sai", "đúng").replace("lỗii", "lỗi")
        assert rules_of(screen) == [("test.abbr", "XYZ")]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert "đúng" in art.body and "lỗii" not in art.body and (art.errors, art.warnings) == (0, 1)


async def test_ignore_and_add_word_from_the_body(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await pilot.press("f8", "f6")  # ignore "sai" here
        await settle(app, pilot)
        assert ("test.typo", "sai") not in rules_of(screen)
        await pilot.press("f8", "f8", "shift+f6")  # XYZ, then lỗii: add it to the dictionary
        await settle(app, pilot)
        await pilot.press("1")  # the word itself, not a phrase with its neighbours
        await settle(app, pilot)
        assert rules_of(screen) == [("test.abbr", "XYZ")]
    db = open_db(db_path)
    assert drafts.ignored_for(db, article_id) == {("test.typo", "sai")}
    assert [r["word"] for r in db["custom_words"].rows] == ["lỗii"]
    db.close()


# ---- removed lines and history ----------------------------------------------------------------------

async def test_restore_a_removed_line(db_path, article_id):
    from bientap.tui.dialogs.removed_lines import RemovedLinesDialog

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, RemovedLinesDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.body.text.split("\n\n")[1] == "Ảnh: [red]minh họa"
        assert screen.dirty
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("f3")  # nothing left to restore
        await pilot.pause()
        assert app.screen is screen
    art = stored(db_path, article_id)
    assert art.body.split("\n\n") == ["Dòng một có chữ sai ở đây.", "Ảnh: [red]minh họa",
                                      "Dòng hai có XYZ và lỗii.", "Dòng ba bình thường."]
    db = open_db(db_path)
    assert [line.restored for line in drafts.removed_lines_for(db, article_id, include_restored=True)] == [True]
    db.close()


async def test_restore_a_revision(db_path, article_id):
    from bientap.tui.dialogs.history import HistoryDialog

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        screen.query_one("#f-title").value = "Tít thứ hai"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HistoryDialog)
        assert "Tít thứ hai" in str(app.screen.query_one("#revision-diff").render())
        await pilot.press("j", "enter")  # v1
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#f-title").value == TITLE and screen.version == 3
    art = stored(db_path, article_id)
    assert (art.title, art.version) == (TITLE, 3)
    db = open_db(db_path)
    assert [r["version"] for r in articles.revisions(db, article_id)] == [3, 2, 1]
    db.close()


# ---- conflicts --------------------------------------------------------------------------------------

async def _conflict(app, pilot, db_path, article_id, title: str | None = None):
    """Open, edit the body (and the title), let a colleague save in between, press Ctrl+S."""
    from bientap.tui.dialogs.choice import ChoiceDialog

    screen = await open_editor(app, pilot, article_id)
    await type_at_end(screen, pilot, " MINE")
    if title is not None:
        screen.query_one("#f-title").value = title
    other = open_db(db_path)
    articles.save(other, article_id, {"title": "Tít của đồng nghiệp"}, 1, editor="colleague")
    other.close()
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert isinstance(app.screen, ChoiceDialog)
    return screen


async def test_conflict_reload_theirs_keeps_mine_as_draft(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _conflict(app, pilot, db_path, article_id)
        await pilot.press("t")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#f-title").value == "Tít của đồng nghiệp" and screen.version == 2
        assert not screen.dirty
    art = stored(db_path, article_id)
    assert (art.title, art.version, art.body) == ("Tít của đồng nghiệp", 2, BODY)
    db = open_db(db_path)
    assert drafts.load_draft(db, article_id).fields["body"].endswith(" MINE")
    db.close()


async def test_conflict_keep_mine_as_a_new_revision(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _conflict(app, pilot, db_path, article_id)
        await pilot.press("g")
        await settle(app, pilot)
        assert screen.query_one("#f-title").value == "Tít của đồng nghiệp" and not screen.dirty
    art = stored(db_path, article_id)
    # Mine (the body) goes on top of theirs (the title); neither edit is lost.
    assert art.version == 3 and art.body.endswith(" MINE") and art.title == "Tít của đồng nghiệp"
    db = open_db(db_path)
    snaps = {r["version"]: json.loads(r["snapshot"]) for r in articles.revisions(db, article_id)}
    db.close()
    assert snaps[2]["title"] == "Tít của đồng nghiệp"  # theirs is in the history


async def test_conflict_compare_then_keep_mine(db_path, article_id):
    from bientap.tui.dialogs.choice import ChoiceDialog
    from bientap.tui.dialogs.diff import DiffDialog

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _conflict(app, pilot, db_path, article_id, title="Tít của tôi")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, DiffDialog)
        shown = str(app.screen.query_one("#diff").render())
        assert "Tít của đồng nghiệp" in shown and "Tít của tôi" in shown and "MINE" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # back to the choice
        await pilot.press("g")
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert (art.version, art.title) == (3, "Tít của tôi") and art.body.endswith(" MINE")  # both changed: mine


# ---- leaving and crash safety -----------------------------------------------------------------------

# Each language's answers carry their own keys: (stay, discard, save) and the labels shown.
LEAVE_KEYS = {"vi": ("h", "b", "l", ("Lưu (l)", "Ở lại (h)")),
              "en": ("e", "d", "s", ("Save (s)", "Keep editing (e)"))}


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_leave_with_unsaved_changes(db_path, article_id, lang):
    from bientap.tui.dialogs.choice import ChoiceDialog
    from bientap.tui.screens.editor import EditorScreen

    stay, discard, save, labels = LEAVE_KEYS[lang]
    app = make_app(db_path, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, " X")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        shown = " ".join(str(b.label) for b in app.screen.query("Button"))
        assert all(label in shown for label in labels), shown
        await pilot.press(stay)
        await pilot.pause()
        assert app.screen is screen and screen.dirty
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(discard)
        await settle(app, pilot)
        assert not isinstance(app.screen, EditorScreen)
        assert stored(db_path, article_id).version == 1
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, " Y")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(save)  # then leave
        await settle(app, pilot)
        assert not isinstance(app.screen, EditorScreen)
    art = stored(db_path, article_id)
    assert art.version == 2 and art.body == BODY + " Y"


async def test_autosave_draft_is_offered_after_a_crash(db_path, article_id, monkeypatch):
    from bientap.tui.dialogs.confirm import ConfirmDialog
    from bientap.tui.screens.editor import EditorScreen

    monkeypatch.setattr(EditorScreen, "AUTOSAVE_DELAY", 0.05)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, " UNSAVED")
        await pilot.pause(0.3)
        # the desk dies here: no save, no leaving the screen
    db = open_db(db_path)
    assert drafts.load_draft(db, article_id).fields["body"] == BODY + " UNSAVED"
    assert articles.get(db, article_id).version == 1  # a draft is not a revision
    db.close()

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(article_id)
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        screen = app.screen
        assert screen.body.text == BODY + " UNSAVED" and screen.dirty
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert art.body == BODY + " UNSAVED" and art.version == 2
    db = open_db(db_path)
    assert drafts.load_draft(db, article_id) is None
    db.close()


async def test_declining_the_draft_discards_it(db_path, article_id):
    db = open_db(db_path)
    drafts.save_draft(db, article_id, {"body": "bản nháp"}, 1)
    db.close()
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(article_id)
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen.body.text == BODY
    db = open_db(db_path)
    assert drafts.load_draft(db, article_id) is None
    db.close()


# ---- highlights land on the right characters --------------------------------------------------------

OFFSET_LINES = [
    "Giá\u00a0100\u00a0đồng 👨‍👩‍👧 tăng mạnh",
    "🇻🇳 Việt Nam\u00a0 chiến thắng",
    "dòng ba: «trích dẫn» cuối",
]


def _finding(text: str, word: str, severity: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding("t", "typo", severity, start, start + len(word), 1, 1, word, "m")


async def test_highlights_land_on_the_exact_characters():
    from textual.app import App, ComposeResult

    from bientap.tui.widgets.body_area import SEVERITY_STYLES, BodyArea

    text = "\n".join(OFFSET_LINES)
    findings = [_finding(text, "đồng", "error"), _finding(text, "tăng", "warning"),
                _finding(text, "Nam\u00a0", "info"), _finding(text, "chiến", "error"),
                _finding(text, "«trích dẫn»", "warning"), _finding(text, "mạnh\n🇻🇳", "info")]

    class Host(App):
        def compose(self) -> ComposeResult:
            yield BodyArea(text, id="body")

    app = Host()
    async with app.run_test(size=(80, 10)) as pilot:
        area = app.query_one(BodyArea)
        area.set_findings(findings)
        await pilot.pause()
        marked: list[tuple[int, int, str, str]] = []
        for row in range(3):
            line = area.get_line(row)
            for span in line.spans:
                severity = next(s for s, st in SEVERITY_STYLES.items() if st == span.style)
                marked.append((row, span.start, line.plain[span.start:span.end], severity))
        assert [m[2:] for m in sorted(marked)] == [("đồng", "error"), ("tăng", "warning"), ("mạnh", "info"),
                          ("🇻🇳", "info"), ("Nam\u00a0", "info"), ("chiến", "error"),
                          ("«trích dẫn»", "warning")]
        # and on screen: the underlined cells are those characters
        strip = area.render_line(0)
        underlined = "".join(seg.text for seg in strip if seg.style and seg.style.underline)
        assert underlined == "đồngtăngmạnh"


def test_line_marks_edge_cases():
    from bientap.tui.widgets.body_area import line_marks

    text = "ab\n\ncd"
    empty = Finding("t", "typo", "info", 3, 3, 2, 1, "", "m")  # an insertion point on an empty line
    at_end = Finding("t", "typo", "info", 6, 6, 3, 3, "", "m")
    across = Finding("t", "typo", "error", 1, 5, 1, 2, "b\n\nc", "m")
    assert line_marks(text, [empty, at_end]) == {}
    assert line_marks(text, [across]) == {0: [(1, 2, "error")], 2: [(0, 1, "error")]}


# ---- the screen as an editor sees it ----------------------------------------------------------------

def test_editor_snapshot(snap_compare, db_path, article_id):
    from textual.widgets import Input, TextArea

    async def run_before(pilot) -> None:
        app = pilot.app
        await open_editor(app, pilot, article_id)
        for widget in app.screen.query(TextArea):
            widget.cursor_blink = False
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press("f8")
        await settle(app, pilot)

    assert snap_compare(make_app(db_path), terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_editor_snapshot_sizes(snap_compare, db_path, article_id, size):
    """The editor at the smallest usual terminal and a wide one: the form, the body with its marks,
    the findings, the find bar and the footer with the field keys."""
    from textual.widgets import Input, TextArea

    async def run_before(pilot) -> None:
        app = pilot.app
        await open_editor(app, pilot, article_id)
        for widget in app.screen.query(TextArea):
            widget.cursor_blink = False
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press("f8", "ctrl+f", *"dong")
        await settle(app, pilot)

    assert snap_compare(make_app(db_path), terminal_size=size, run_before=run_before)


def test_prompts_are_literal():
    from bientap.tui.widgets.findings_panel import finding_prompt

    f = Finding("r", "typo", "error", 0, 5, 1, 1, "[/x]\x1b", "[@click=app.quit]", ("[link=file:///etc/passwd]x[/]",))
    prompt = finding_prompt(f)
    assert isinstance(prompt, Text)
    assert "[/x]\\x1b" in prompt.plain and "[@click=app.quit]" in prompt.plain
    assert "[link=file:///etc/passwd]x[/]" in prompt.plain and "\x1b" not in prompt.plain


async def test_seed_001_real_rules_marked_at_their_characters(db_path, seeded_db):
    """Done-when of the editor: seed 001's typos and abbreviations are marked where they are."""
    article_id = next(r["id"] for r in seeded_db.query("SELECT id, body FROM articles") if "xuấtl" in r["body"])
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        body = screen.body.text
        spans = [f for f in screen.findings if f.field == "body" and f.end > f.start]
        texts = {f.text for f in spans}
        assert "xuấtl" in texts
        assert any("chuyên" in t for t in texts) and any("vẫn" in t for t in texts)
        assert any(f.category == "abbreviation" for f in spans)
        for f in spans:
            assert body[f.start:f.end] == f.text
            row, col = screen.body.location_of(f.start)
            line = screen.body.get_line(row)
            if "\n" not in f.text:
                assert (col, col + len(f.text)) in {(s.start, s.end) for s in line.spans}, f
                assert line.plain[col:col + len(f.text)] == f.text


async def test_help_lists_the_editor_keys_and_question_mark_still_types(db_path, article_id):
    from bientap.tui.screens.help import HelpScreen

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, "?")
        assert screen.body.text == BODY + "?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.rows())
        assert rows["Lỗi sau"] == "F8" and rows["Bỏ qua"] == "F6" and rows["Sửa"].startswith("F4")
        await pilot.press("escape")
        screen.panel.focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


HOSTILE = ("[bold red]đỏ[/] và [/x] rồi [link=file:///etc/passwd]x[/] [@click=app.quit]bấm[/] sai\n\n"
           "Gia đình 👨‍👩‍👧 sai\u00a0chỗ \x1b[31mANSI\u202e đảo" + "\u0301" * 2000)


async def test_hostile_text_is_shown_literally(db_path, fresh_db, test_rules):
    art = articles.insert(fresh_db, Article(title="[/", body=HOSTILE, byline="[b]"), source_key="h", raw_id=None)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, art.id)
        assert screen.body.text.startswith("[bold red]đỏ[/] và [/x]")
        assert "\x1b" not in screen.body.text and "\u202e" not in screen.body.text  # dropped on the way in
        assert ("test.typo", "sai") in rules_of(screen)
        row, col = screen.body.location_of(screen.findings[0].start)
        assert screen.body.get_line(row).plain[col:col + 3] == "sai"
        await pilot.press("f5")  # a diff of hostile text
        await pilot.pause()
        shown = str(app.screen.query_one("#diff").render())
        assert "[@click=app.quit]bấm[/] đúng" in shown and "[link=file:///etc/passwd]x[/]" in shown
        await pilot.press("y", "ctrl+s")
        await settle(app, pilot)
        assert app.is_running
    assert "đúng" in stored(db_path, art.id).body


async def test_opening_a_missing_article_goes_back(db_path, article_id):
    from bientap.tui.screens.editor import EditorScreen

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(article_id + 99)
        await settle(app, pilot)
        assert "Không còn bài" in str(app.screen.query_one("#editor-status").render())
        await pilot.press("f8", "ctrl+s", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, EditorScreen) and app.is_running


async def test_a_colleagues_save_is_noticed_while_open(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        other = open_db(db_path)
        articles.save(other, article_id, {"byline": "Người khác"}, 1, editor="colleague")
        other.close()
        screen.poll_stored_version()
        assert "người khác đã lưu v2" in str(screen.query_one("#editor-status").render())


async def test_a_draft_older_than_the_article_goes_through_the_conflict_dialog(db_path, article_id):
    from bientap.tui.dialogs.choice import ChoiceDialog

    db = open_db(db_path)
    drafts.save_draft(db, article_id, {"body": BODY + " NHÁP"}, 1)
    articles.save(db, article_id, {"byline": "Người khác"}, 1, editor="colleague")
    db.close()
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(article_id)
        await settle(app, pilot)
        await pilot.press("y")  # restore the draft
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("g")  # keep mine: the draft's body on top of the colleague's byline
        await settle(app, pilot)
    art = stored(db_path, article_id)
    assert (art.version, art.byline, art.body) == (3, "Người khác", BODY + " NHÁP")


async def test_tab_walks_the_form_in_order(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        screen.query_one("#f-title").focus()
        await pilot.pause()
        order = []
        for _ in range(11):
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["f-title", "f-sapo", "f-byline", "f-source", "f-source_url", "f-published_at",
                         "f-location", "f-section", "f-tags", "f-status", "body"]


async def test_the_inbox_shows_the_saved_counts_on_return(db_path, article_id):
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        inbox = app.screen_stack[-2]
        await pilot.press("f8", "f4", "ctrl+s", "escape")
        await settle(app, pilot)
        assert app.screen is inbox
        listing = inbox.query_one("#articles")
        row = next(r for r in (listing.row_at(i) for i in range(3)) if r and r["id"] == article_id)
        assert row["errors"] == 1 == screen.article.errors  # was 2 before the fix
    assert stored(db_path, article_id).errors == 1


async def test_sapo_findings_are_marked_too(db_path, fresh_db, test_rules):
    art = articles.insert(fresh_db, Article(title="Tít", sapo="Sapo có chữ sai.", body=BODY), source_key="s",
                          raw_id=None)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, art.id)
        assert screen.query_one("#f-sapo").marks(0) == [(12, 15, "error")]
        screen.query_one("#f-sapo").focus()
        screen.query_one("#f-sapo").move_cursor((0, 13))
        await pilot.press("f4")
        await settle(app, pilot)
        assert screen.query_one("#f-sapo").text == "Sapo có chữ đúng."


async def test_english_desk(db_path, article_id):
    from textual.widgets import Label

    from bientap.tui.app import BientapApp

    app = BientapApp(db_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        labels = [str(label.render()) for label in screen.query(Label)]
        assert "Title" in labels and "Byline" in labels
        assert "Article #" in str(screen.query_one("#editor-status").render())
        descriptions = {b.binding.id: b.binding.description for b in screen.active_bindings.values()}
        assert descriptions["editor.next_finding"] == "Next finding" and descriptions["editor.save"] == "Save"


UNICODE = st.text(alphabet=st.sampled_from("ab đế\u00a0\n👨\u200d👩🇻🇳\u0301[]/"), max_size=40)


@given(UNICODE, st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6))
def test_line_marks_cover_exactly_the_spans(text, spans):
    from bientap.tui.widgets.body_area import line_marks

    findings = [Finding("t", "typo", "info", min(a, b), max(a, b), 1, 1, "", "m") for a, b in spans]
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    covered = set()
    for row, marks in line_marks(text, findings).items():
        for start, end, _ in marks:
            assert 0 <= start < end <= len(lines[row])
            covered |= {starts[row] + i for i in range(start, end)}
    wanted = set()
    for f in findings:
        start, end = min(f.start, len(text)), min(f.end, len(text))
        wanted |= set(range(start, end)) if end > start else ({start} if start < len(text) else set())
    assert covered == {i for i in wanted if text[i] != "\n"}


@given(UNICODE, UNICODE)
def test_diff_text_never_fails_and_is_empty_for_equal_texts(old, new):
    from bientap.tui.dialogs.diff import diff_text

    assert diff_text(old, old).plain == ""
    shown = diff_text(old, new).plain
    assert (shown == "") == (old == new)


# ---- issue 17: keys that do what they say -----------------------------------------------------------

def help_hint(app) -> str:
    from textual.widgets import Static

    return str(app.screen.query(Static).last().render())


async def test_every_key_the_help_shows_works_where_the_focus_is(db_path, article_id):
    """Alt+Enter is gone (terminals send it as Enter); `:` is offered only where it is not typed;
    a text field's own keys are not listed in English ("f7 Select all"), a few are, in Vietnamese."""
    from bientap.tui.screens.help import HelpScreen
    from textual.command import CommandPalette

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, ":")
        assert screen.body.text == BODY + ":"  # a colon, not the palette
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.rows())
        assert rows["Sửa"] == "F4" and rows["Chọn hết ô chữ"] == "F7" and rows["Hoàn tác"].startswith("^z")
        assert "Select all" not in rows and "Cursor up" not in rows
        assert not help_hint(app).startswith(":") and "Ctrl+P" in help_hint(app)
        await pilot.press("escape")
        await pilot.press("f7")  # what the help says F7 does
        assert screen.body.selected_text == screen.body.text
        screen.query_one("#f-byline").focus()
        await pilot.press("f1")
        await pilot.pause()
        assert not help_hint(app).startswith(":")
        await pilot.press("escape")
        screen.panel.focus()
        await pilot.press("f1")
        await pilot.pause()
        assert help_hint(app).startswith(": hoặc Ctrl+P")
        await pilot.press("escape")
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        screen.query_one("#f-title").focus()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


def test_alt_enter_is_not_bound_it_arrives_as_enter():
    """Why Alt+Enter is not offered: a terminal without the kitty keyboard protocol (tmux) sends
    ESC CR, which Textual reads as a plain Enter."""
    from textual._xterm_parser import XTermParser

    from bientap.tui.screens.editor import EditorScreen

    parser = XTermParser()
    keys = [e.key for e in parser.feed("\x1b\r")] + [e.key for e in parser.feed("")]
    assert "alt+enter" not in keys
    assert not any("alt+enter" in b.key for b in EditorScreen.BINDINGS)


# ---- issue 17: choosing a suggestion ----------------------------------------------------------------

async def test_f4_on_several_suggestions_opens_a_picker(db_path, article_id):
    from bientap.tui.dialogs.suggestions import SuggestionDialog

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, article_id)
        await type_at_end(screen, pilot, " giử được và giử nữa")
        await settle(app, pilot)
        screen.body.move_cursor(screen.body.location_of(len(BODY) + 2))
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionDialog)
        await pilot.press("escape")  # closes without a change
        await pilot.pause()
        assert screen.body.text.endswith(" giử được và giử nữa")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("2")  # the second-ranked suggestion
        await settle(app, pilot)
        assert screen.body.text.endswith(" giữ được và giử nữa")
        await pilot.press("f8")
        assert screen.body.offset_of(screen.body.cursor_location) == len(BODY) + len(" giữ được và ")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # arrows then Enter: the third
        await settle(app, pilot)
        assert screen.body.text.endswith(" giữ được và giũ nữa")
        await pilot.press("f8", "f4")  # one suggestion: applied at once, no picker
        await settle(app, pilot)
        assert screen.body.text.startswith("Dòng một có chữ đúng")
        assert not isinstance(app.screen, SuggestionDialog)


def test_check_json_lists_every_suggestion_ranked(cli, test_rules):
    result = cli("check", "-", "--format", "json", "--fail-on", "never", input="Anh ấy giử được.\n".encode())
    found = [f for f in json.loads(result.output) if f["rule"] == "test.typo"]
    assert [f["suggestions"] for f in found] == [["giá", "giữ", "giũ"]]


# ---- issue 17: find and replace ---------------------------------------------------------------------

FIND_BODY = "Tăng 96,5%.Đây là số liệu.\n\nNgày mai đây sẽ khác; ĐÂY là ngày đầy nắng."


@given(st.text(alphabet="aăâeêđĐDdAÂ\u0301\u0300\u0323\u0302 yYấẤ", max_size=30),
       st.text(alphabet="aăâđdDyấ\u0301 ", min_size=1, max_size=4))
def test_find_all_maps_folded_matches_back_to_the_text(text, query):
    from bientap.tui.widgets.editor.find import find_all, fold_char

    needle = "".join(fold_char(ch) for ch in query)
    matches = find_all(text, query)
    ends = [0]
    for start, end in matches:
        assert start >= ends[-1] and start < end <= len(text)
        assert "".join(fold_char(ch) for ch in text[start:end]) == needle
        assert fold_char(text[start])  # never starts on a lone mark
        ends.append(end)


def test_find_all_in_decomposed_and_mixed_case_text():
    import unicodedata

    from bientap.tui.widgets.editor.find import find_all

    decomposed = unicodedata.normalize("NFD", FIND_BODY)
    spans = find_all(decomposed, "day")
    assert [unicodedata.normalize("NFC", decomposed[s:e]) for s, e in spans] == ["Đây", "đây", "ĐÂY", "đầy"]
    assert [FIND_BODY[s:e] for s, e in find_all(FIND_BODY, "ĐÂY")] == ["Đây", "đây", "ĐÂY", "đầy"]
    assert find_all(FIND_BODY, "") == [] and find_all(FIND_BODY, "\u0301") == []


async def test_find_and_replace_in_the_body(db_path, fresh_db, test_rules):
    from bientap.tui.dialogs.confirm import ConfirmDialog

    art = articles.insert(fresh_db, Article(title="Tít", body=FIND_BODY, byline="Hà"), source_key="f", raw_id=None)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(app, pilot, art.id)
        body = screen.body
        await pilot.press("ctrl+f", *"day")
        await pilot.pause()
        assert app.focused.id == "find-text" and "4" in str(screen.query_one("#find-count").render())
        await pilot.press("enter")
        assert body.selected_text == "Đây"
        await pilot.press("enter", "enter")
        assert body.selected_text == "ĐÂY"
        await pilot.press("up")  # previous (Shift+Enter too, where the terminal tells it from Enter)
        assert body.selected_text == "đây"
        await pilot.press("down")
        assert body.selected_text == "ĐÂY"
        await pilot.press("up")
        await pilot.press("shift+enter")
        assert body.selected_text == "Đây"
        await pilot.press("escape")
        assert app.focused is body and not screen.dirty
        body.move_cursor((0, 0))
        await pilot.press("/")  # a character in the body, not a command
        assert body.text == "/" + FIND_BODY
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.focused.id == "replace-text"  # the query is kept
        await pilot.press(*"đây")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "Thay 4 chỗ «day»" in str(app.screen.question)
        await pilot.press("n")
        await pilot.pause()
        assert body.text == FIND_BODY and not screen.dirty
        await pilot.press("enter", "y")
        await settle(app, pilot)
        assert body.text == "Tăng 96,5%.đây là số liệu.\n\nNgày mai đây sẽ khác; đây là ngày đây nắng."
        assert screen.dirty
        body.focus()
        await pilot.press("ctrl+z")  # one edit, one undo
        assert body.text == FIND_BODY
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(app, pilot)
    assert stored(db_path, art.id).body.count("đây") == 4


# ---- issue 17: one key per field --------------------------------------------------------------------

async def test_one_key_per_field_and_tab_never_selects_a_fields_text(db_path, fresh_db, test_rules):
    from bientap.tui.screens.help import HelpScreen

    art = articles.insert(fresh_db, Article(title="Tít", sapo="Sapo.", body=BODY, byline="Hà",
                                            location="Cần Thơ", tags=["a"], published_at="2023-01-13"),
                          source_key="k", raw_id=None)
    app = make_app(db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_editor(app, pilot, art.id)
        for key, wid in [("alt+t", "f-title"), ("alt+s", "f-sapo"), ("alt+u", "f-byline"),
                         ("alt+b", "f-byline"), ("alt+d", "f-published_at"), ("alt+g", "f-tags"),
                         ("alt+n", "body")]:
            await pilot.press(key)
            assert app.focused.id == wid, key
        screen.query_one("#f-published_at").focus()
        await pilot.press("tab")  # into "Nơi", which holds "Cần Thơ"
        assert app.focused.id == "f-location"
        await pilot.press("x")
        assert screen.query_one("#f-location").value in ("Cần Thơx", "xCần Thơ")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.rows())
        assert (rows["Tít"], rows["Bút danh"], rows["Thân bài"]) == ("Alt+T", "Alt+U", "Alt+N")
        await pilot.press("escape")
        footer = {b.binding.key_display for b in screen.active_bindings.values() if b.binding.show}
        assert {"Alt+T", "Alt+S", "Alt+U", "Alt+D", "Alt+G", "Alt+N"} <= footer


# ---- issue 17: dates as dd/mm/yyyy ------------------------------------------------------------------

async def test_dates_are_shown_and_typed_as_dd_mm_yyyy(db_path, fresh_db, test_rules):
    from bientap.tui.dialogs.confirm import ConfirmDialog

    art = articles.insert(fresh_db, Article(title="Tít", body=BODY, byline="Hà", published_at="2023-01-13"),
                          source_key="d", raw_id=None)
    drafts.save_draft(fresh_db, art.id, {"body": BODY + " nháp", "published_at": "2023-02-01"}, 1)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(art.id)
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # decline the draft: the stored date, as dd/mm/yyyy
        await settle(app, pilot)
        screen = app.screen
        date = screen.query_one("#f-published_at")
        assert date.value == "13/01/2023" and not screen.dirty
        await pilot.press("alt+d", "end", *["backspace"] * 10, *"31/11/2026")
        await pilot.pause()
        assert "không có" in str(screen.query_one("#e-published_at").render())  # no such day, not "không hiểu"
        await pilot.press(*["backspace"] * 10, *"14/01/2023", "ctrl+s")
        await settle(app, pilot)
        assert stored(db_path, art.id).published_at == "2023-01-14"
        assert date.value == "14/01/2023" and not screen.dirty
        await pilot.press(*["backspace"] * 10, *"2023-01-15", "ctrl+s")  # ISO is taken too
        await settle(app, pilot)
        assert stored(db_path, art.id).published_at == "2023-01-15"
    db = open_db(db_path)
    drafts.save_draft(db, art.id, {"published_at": "2023-03-02"}, 3)  # a draft holding the stored form
    db.close()
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(art.id)
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen.query_one("#f-published_at").value == "02/03/2023" and app.screen.dirty


def test_display_and_parse_dates():
    from bientap.tui.dates import display_date, parse_date

    assert display_date("2023-01-13") == "13/01/2023" and display_date(None) == ""
    assert display_date("2023-01-13T08:05:00+07:00") == "13/01/2023 08:05"
    assert display_date("13/01/2023") == "13/01/2023"
    assert parse_date("13/01/2023") == parse_date("2023-01-13") == "2023-01-13"
    assert parse_date("13/01/2023 08:05") == "2023-01-13T08:05:00+07:00"
    with pytest.raises(ValueError, match="không có"):
        parse_date("31/11/2026")

