"""The inbox, driven from the keyboard through Textual's harness; asserts on the database and
on what the list draws."""

from __future__ import annotations

import pytest

from bientap.store import articles
from bientap.tui.app import BientapApp
from bientap.tui.widgets.article_list import ArticleList


@pytest.fixture(autouse=True)
def _no_debounce(monkeypatch):
    monkeypatch.setattr("bientap.tui.screens.inbox.SEARCH_DELAY", 0)


def keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def article_list(app) -> ArticleList:
    return app.screen.query_one(ArticleList)


def shown_titles(app) -> list[str]:
    lst = article_list(app)
    return [lst.row_at(i)["title"] for i in range(lst.total)]


def screen_lines(app) -> list[str]:
    lst = article_list(app)
    return [lst.render_line(y).text for y in range(lst.scrollable_content_region.height)]


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_opens_on_the_seeds_newest_first(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lst = article_list(app)
        assert lst.total == 5
        dates = [lst.row_at(i)["published_at"] for i in range(5)]
        assert dates == sorted(dates, reverse=True)
        lines = screen_lines(app)
        assert "Tít" in lines[0] and "Ngày" in lines[0]
        assert "17/05/2023" in lines[1]
        tabs = str(app.screen.query_one("#tabs").render())
        assert "Tất cả 5" in tabs and "Nháp 5" in tabs


@pytest.mark.parametrize("typed, expected", [("Can Tho", 1), ("cần thơ", 1), ("doi moi", 5), ("đổi mới", 5),
                                              ("Lang Son", 1)])
async def test_search_as_you_type_with_and_without_diacritics(seeded_db, db_path, typed, expected):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *keys(typed))
        await settle(app, pilot)
        assert article_list(app).total == expected
        if typed == "Can Tho":
            assert "Cần Thơ" in article_list(app).row_at(0)["location"]
        await pilot.press("enter")
        assert app.focused is article_list(app)
        assert article_list(app).total == expected
        await pilot.press("escape")
        await settle(app, pilot)
        assert article_list(app).total == 5
        assert not app.screen.query_one("#search").display


async def test_keys_typed_right_after_slash_reach_the_search(seeded_db, db_path):
    from textual import events

    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, char in [("slash", "/"), ("C", "C"), ("a", "a"), ("n", "n"), ("slash", "/")]:
            app.post_message(events.Key(key, char))  # all queued at once, as a fast typist or tmux does
        await settle(app, pilot)
        assert app.screen.query_one("#search").value == "Can/"
        assert app.focused is app.screen.query_one("#search")


async def test_escape_while_typing_clears_the_search(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *keys("can tho"))
        await settle(app, pilot)
        assert article_list(app).total == 1
        await pilot.press("escape")
        await settle(app, pilot)
        assert article_list(app).total == 5 and app.focused is article_list(app)
        assert app.screen.query_one("#search").value == ""


async def test_search_input_is_normalized_to_nfc(fresh_db, db_path, add_article):
    add_article(fresh_db, title="Cần Thơ mưa lớn")
    add_article(fresh_db, title="Hà Nội nắng")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#search").value = "Ca\u0302\u0300n"  # combining marks, as some IMEs send
        await settle(app, pilot)
        assert app.screen.query_spec.search == "Cần"
        assert shown_titles(app) == ["Cần Thơ mưa lớn"]


@pytest.mark.parametrize("typed", ['"', '*', "NEAR", "-", 'a" OR "b', "NEAR(x y)", "-đổi", "^", "(", "title:x"])
async def test_fts_syntax_is_plain_text(seeded_db, db_path, typed):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *keys(typed))
        await settle(app, pilot)
        assert app.screen.query_spec.search == typed
        assert article_list(app).total <= 5  # no error, list still drawn
        screen_lines(app)


async def test_filters_by_place_source_and_dates(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.set_filters(location="Cần Thơ")
        await settle(app, pilot)
        assert [r["location"] for r in map(article_list(app).row_at, range(article_list(app).total))] == ["Cần Thơ"]
        screen.set_filters(date_from="2023-01-01", date_to="2023-12-31")
        await settle(app, pilot)
        assert article_list(app).total == 2
        # through the dialog: dd/mm/yyyy accepted
        await pilot.press("f")
        dialog = app.screen
        dialog.query_one("#source").value = ""
        dialog.query_one("#date_from").value = ""
        dialog.query_one("#date_to").value = "31/05/2022"
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.query_spec.date_to == "2022-05-31"
        assert article_list(app).total == 3
        assert "đến: 31/05/2022" in str(screen.query_one("#info").render())  # shown as editors write dates


async def test_filter_dialog_refuses_a_bad_date(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        app.screen.query_one("#date_from").value = "32/13/2022"
        await pilot.press("enter")
        assert "không có tháng 13" in str(app.screen.query_one("#error").render())  # a date that does not exist


async def test_sort_by_title_uses_vietnamese_order(fresh_db, db_path, add_article):
    for title in ("Zalo ra mắt", "Đà Nẵng đón khách", "Dạy học", "Ăn Tết", "Anh hùng", "Ê-đê"):
        add_article(fresh_db, title=title)
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")  # updated
        assert app.screen.query_spec.sort == "updated"
        await pilot.press("o")  # title
        await settle(app, pilot)
        assert app.screen.query_spec.sort == "title"
        assert shown_titles(app) == ["Anh hùng", "Ăn Tết", "Dạy học", "Đà Nẵng đón khách", "Ê-đê", "Zalo ra mắt"]
        await pilot.press("o")  # errors
        await pilot.press("o")  # back to date
        assert app.screen.query_spec.sort == "date"


async def test_cursor_keys(fresh_db, db_path, add_article):
    for n in range(60):
        add_article(fresh_db, title=f"Bài {n:02d}", published_at=f"2024-01-{n % 28 + 1:02d}")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 24)) as pilot:
        lst = article_list(app)
        await pilot.press("j", "j", "down")
        assert lst.cursor == 3
        await pilot.press("k", "up")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == 59 and lst.scroll_y > 0
        assert lst.row_at(59)["title"] in screen_lines(app)[-1]
        await pilot.press("g")
        assert lst.cursor == 0 and lst.scroll_y == 0
        await pilot.press("end", "home", "pagedown")
        assert lst.cursor == lst.rows_visible
        await pilot.press("pageup")
        assert lst.cursor == 0


async def test_status_tabs(fresh_db, db_path, add_article):
    a = add_article(fresh_db, title="Một")
    add_article(fresh_db, title="Hai")
    articles.save(fresh_db, a.id, {"status": "review"}, 1)
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert shown_titles(app) == ["Một"]
        await pilot.press("1")
        assert shown_titles(app) == ["Hai"]
        await pilot.press("4")
        assert shown_titles(app) == []
        assert "(không có bài nào)" in screen_lines(app)[1]
        await pilot.press("0")
        assert article_list(app).total == 2
        await pilot.press("right", "right")
        assert app.screen.query_spec.status == "review"
        await pilot.press("left", "left", "left")
        assert app.screen.query_spec.status == "spiked"
        tabs = str(app.screen.query_one("#tabs").render())
        assert "Chờ duyệt 1" in tabs


async def test_marks_and_bulk_status(fresh_db, db_path, add_article):
    ids = [add_article(fresh_db, title=t, published_at=d).id
           for t, d in (("Một", "2024-01-03"), ("Hai", "2024-01-02"), ("Ba", "2024-01-01"))]
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        lst = article_list(app)
        await pilot.press("space", "down", "space")
        assert lst.marked == {ids[0], ids[2]} and lst.cursor == 2
        assert screen_lines(app)[1].startswith("●")
        await pilot.press("s")
        await pilot.press("2")  # Chờ duyệt
        await settle(app, pilot)
        assert [articles.get(fresh_db, i).status for i in ids] == ["review", "draft", "review"]
        assert lst.marked == set()
        assert "Chờ duyệt 2" in str(app.screen.query_one("#tabs").render())
        await pilot.press("asterisk")
        assert lst.marked == set(ids)
        await pilot.press("u")
        assert lst.marked == set()
        # nothing marked: the current article only
        await pilot.press("g", "s", "5")
        await settle(app, pilot)
        assert articles.get(fresh_db, ids[0]).status == "spiked"
        assert articles.revisions(fresh_db, ids[0])[0]["editor"] == "tester"


async def test_status_dialog_by_arrows_and_escape(fresh_db, db_path, add_article):
    a = add_article(fresh_db, title="Một")
    app = BientapApp(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "escape")
        await settle(app, pilot)
        assert articles.get(fresh_db, a.id).status == "draft"
        await pilot.press("f2", "down", "enter")  # F2: the same action without a letter
        await settle(app, pilot)
        assert articles.get(fresh_db, a.id).status == "review"


async def test_publish_refused_shows_checklist_then_allowed(fresh_db, db_path, add_article, gate_rules):
    bad = add_article(fresh_db, title="[bold]Tin[/] [/x] lỗi", body="Còn CHẶN ở đây.", published_at="2024-02-02")
    good = add_article(fresh_db, title="Tin sạch", body="Không sao. NÊN xem.", published_at="2024-02-01")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("asterisk", "s", "4")
        await settle(app, pilot)
        assert articles.get(fresh_db, bad.id).status == "draft"
        assert articles.get(fresh_db, good.id).status == "published"
        from bientap.tui.screens.checklist import ChecklistScreen

        assert isinstance(app.screen, ChecklistScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "[bold]Tin[/] [/x] lỗi" in text
        assert "✗ [bắt buộc] test.blocker ×1: Từ bị chặn — “CHẶN”" in text
        assert "! [nên sửa] test.nit" not in text  # only the refused article's checklist
        opened = []
        app.open_article = opened.append
        await pilot.press("enter")  # straight to the article to fix it
        assert opened == [bad.id] and not isinstance(app.screen, ChecklistScreen)
        assert article_list(app).marked == {bad.id}  # still marked: the editor fixes it next
        articles.save(fresh_db, bad.id, {"body": "Đã sửa."}, articles.get(fresh_db, bad.id).version)
        await pilot.press("s", "4")
        await settle(app, pilot)
        assert articles.get(fresh_db, bad.id).status == "published"


async def test_recheck_updates_stored_counts(fresh_db, db_path, add_article, gate_rules):
    a = add_article(fresh_db, title="Tin", body="CHẶN CHẶN", counts=(0, 0, 0))
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(app, pilot)
        assert articles.get(fresh_db, a.id).errors >= 2
        await settle(app, pilot)
        assert article_list(app).row_at(0)["errors"] >= 2


async def test_export_marked(seeded_db, db_path, tmp_path):
    out = tmp_path / "out"
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "space", "e")
        app.screen.query_one("#folder").value = str(out)
        await pilot.press("enter")
        await settle(app, pilot)
    assert len(list(out.glob("*.md"))) == 2


async def test_export_to_an_unwritable_place_says_why(seeded_db, db_path, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#folder").value = str(blocker / "out")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Không xuất được") for m in messages), messages


async def test_enter_opens_the_current_article(seeded_db, db_path, monkeypatch):
    app = BientapApp(db_path)
    opened = []
    monkeypatch.setattr(app, "open_article", opened.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter")
        assert opened == [article_list(app).row_at(1)["id"]]


async def test_help_lists_the_live_keymap(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_keymap({"inbox.search": "ctrl+k"})
        await pilot.press("question_mark")
        from bientap.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.rows())
        assert rows["Tìm"] == "^k"  # ctrl+k as Textual shows it; "/" and ctrl+f are gone
        assert "Trạng thái" in rows and "Thoát" in rows
        await pilot.press("escape")
        await pilot.press("ctrl+k")
        assert app.focused is app.screen.query_one("#search")


async def test_english(seeded_db, db_path):
    app = BientapApp(db_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Title" in screen_lines(app)[0]
        assert "All 5" in str(app.screen.query_one("#tabs").render())
        descriptions = {b.description for _, b in app.screen._bindings}
        assert "Search" in descriptions and "Tìm" not in descriptions


async def test_hostile_titles_shown_literally(fresh_db, db_path, add_article):
    hostile = "[bold]x[/] [/x] [@click=app.quit] \x1b[31mred \u202eevil"
    add_article(fresh_db, title=hostile, source="[link=file:///etc/passwd]x[/]", location="[/]", byline="[b")
    app = BientapApp(db_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        row = screen_lines(app)[1]
        assert "[bold]x[/] [/x] [@click=app.quit] " in row
        assert "\x1b" not in row and "\u202e" not in row
        assert "[link=file://" in row
        # the palette lists the hostile source as plain text and does not crash
        await pilot.press("colon", *keys("link"))
        assert "Lọc theo nguồn: [link=file:///etc/passwd]x[/]" in await palette_hits(app, pilot)
        await pilot.press("escape")
        assert app.is_running


async def palette_hits(app, pilot) -> list[str]:
    """The palette's hits once it has gathered them (it batches results on a timer)."""
    from textual.widgets import OptionList

    options = app.screen.query_one(OptionList)
    for _ in range(100):
        await settle(app, pilot)
        if options.option_count:
            break
        await pilot.pause(0.02)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_filters_by_place_folded_and_clears(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", *keys("noi can tho"))
        assert (await palette_hits(app, pilot))[0] == "Lọc theo nơi: Cần Thơ"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_spec.location == "Cần Thơ"
        assert article_list(app).total == 1
        await pilot.press("ctrl+p")
        await pilot.press(*keys("bo moi bo loc"))
        assert (await palette_hits(app, pilot))[0].startswith("Bỏ mọi bộ lọc")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_spec.location is None
        assert article_list(app).total == 5


async def test_another_desk_changes_show_up(fresh_db, db_path, add_article):
    a = add_article(fresh_db, title="Một", published_at="2024-01-01")
    add_article(fresh_db, title="Không", published_at="2023-01-01")
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert article_list(app).current_row()["title"] == "Không"
        add_article(fresh_db, title="Hai", published_at="2024-06-01")  # another process's connection
        articles.save(fresh_db, a.id, {"title": "Một (đã sửa)"}, 1)
        from textual import events

        app.post_message(events.AppFocus())  # the editor comes back to this terminal
        await settle(app, pilot)
        assert shown_titles(app) == ["Hai", "Một (đã sửa)", "Không"]
        assert "Tất cả 3" in str(app.screen.query_one("#tabs").render())
        # the cursor stayed on the article, not on the line: "s" still means that one
        assert article_list(app).current_row()["title"] == "Không"


async def test_quit(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


# ---- snapshots ---------------------------------------------------------------------------------

@pytest.fixture
def frozen_seeds(seeded_db, db_path, monkeypatch):
    """The seeds with every time-dependent field pinned, shown in UTC; counts pinned too, so the
    pictures do not change each time a rule is tuned."""
    import time

    seeded_db.execute("UPDATE articles SET updated_at = '2024-03-01T08:30:00+00:00', "
                      "errors = id % 3, warnings = id * 2, infos = 0")
    seeded_db.conn.commit()
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield db_path
    monkeypatch.undo()
    time.tzset()


def test_snapshot_inbox_80x24(frozen_seeds, snap_compare):
    assert snap_compare(BientapApp(frozen_seeds), terminal_size=(80, 24))


def test_snapshot_inbox_160x45_marked_and_searching(frozen_seeds, snap_compare):
    async def mark_and_search(pilot):
        await pilot.press("j", "space", "slash", *keys("doi moi"), "enter")
        await settle(pilot.app, pilot)

    assert snap_compare(BientapApp(frozen_seeds), terminal_size=(160, 45), run_before=mark_and_search)


def test_snapshot_publish_checklist(fresh_db, db_path, add_article, gate_rules, snap_compare):
    add_article(fresh_db, title="[bold]Tin[/] chưa sửa", body="Còn CHẶN ở đây. NÊN xem lại.",
                published_at="2024-02-02")

    async def publish(pilot):
        await pilot.press("s", "4")
        await settle(pilot.app, pilot)

    assert snap_compare(BientapApp(db_path), terminal_size=(100, 30), run_before=publish)


# ---- the window's paging ---------------------------------------------------------------------

@pytest.mark.parametrize("sort", ["date", "updated", "title", "errors", "status"])
@pytest.mark.parametrize("status", [None, "draft"])
def test_keyset_pages_cover_every_row_once_in_order(fresh_db, add_article, sort, status):
    """Pages by key and by offset agree with one big query, NULL dates and ties included."""
    for n in range(23):
        add_article(fresh_db, title=None if n % 7 == 0 else f"Bài {n % 5}",
                    published_at=None if n % 4 == 0 else f"2024-01-{n % 3 + 1:02d}", counts=(n % 3, 0, 0))
    query = articles.Query(sort=sort, status=status)
    everything = [r["id"] for r in articles.list_page(fresh_db, query, limit=1000)]
    assert len(everything) == 23
    for size in (1, 4, 5, 22):
        by_key, after = [], None
        while True:
            page = articles.list_page(fresh_db, query, after=after, limit=size)
            by_key += [r["id"] for r in page]
            if len(page) < size:
                break
            after = page[-1]["_key"]
        assert by_key == everything
        by_offset = []
        for start in range(0, 23, size):
            by_offset += [r["id"] for r in articles.list_page(fresh_db, query, limit=size, offset=start)]
        assert by_offset == everything


async def test_filter_dialog_shows_dates_as_dd_mm_yyyy(seeded_db, db_path):
    app = BientapApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.set_filters(date_from="2023-01-01")
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#date_from").value == "01/01/2023"
        await pilot.press("enter")  # taken back as it is shown
        await settle(app, pilot)
        assert app.screen.query_spec.date_from == "2023-01-01"
