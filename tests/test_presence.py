"""Who is on what (issue 19): soft locks that expire, taking over, assignment — through the CLI."""

from __future__ import annotations

import json
import time

import pytest

from _desk import settle
from bientap.store import articles, presence


@pytest.fixture
def two(fresh_db, add_article):
    return [add_article(fresh_db, title=f"Tin {i}", body="Nội dung bài.").id for i in (1, 2)]


def test_json_carries_lock_and_assignee(cli, fresh_db, two):
    presence.take_lock(fresh_db, two[0], "Lan")
    assert cli("assign", str(two[0]), str(two[1]), "Minh").exit_code == 0
    rows = {r["id"]: r for r in json.loads(cli("list", "--format", "json").output)}
    assert rows[two[0]]["locked_by"] == "Lan" and rows[two[0]]["locked_since"]
    assert rows[two[1]]["locked_by"] is None and rows[two[1]]["locked_since"] is None
    assert rows[two[0]]["assignee"] == rows[two[1]]["assignee"] == "Minh"
    shown = json.loads(cli("show", str(two[0]), "--format", "json").output)
    assert (shown["locked_by"], shown["assignee"]) == ("Lan", "Minh")
    assert cli("assign", "--clear", str(two[1])).exit_code == 0
    assert json.loads(cli("show", str(two[1]), "--format", "json").output)["assignee"] is None
    assert cli("assign", "999", "Minh").exit_code == 2


def test_status_and_fix_on_a_locked_article_need_force(cli, fresh_db, two):
    presence.take_lock(fresh_db, two[0], "Lan")
    refused = cli("--user", "Minh", "status", str(two[0]), str(two[1]), "review")
    assert refused.exit_code == 2 and "Lan" in refused.output
    assert {articles.get(fresh_db, i).status for i in two} == {"draft"}  # nothing moved
    mine = cli("--user", "Lan", "status", str(two[0]), "review")  # one's own lock is no obstacle
    assert mine.exit_code == 0
    forced = cli("--user", "Minh", "status", str(two[0]), "draft", "--force")
    assert forced.exit_code == 0 and articles.get(fresh_db, two[0]).status == "draft"
    fresh_db.execute("UPDATE articles SET body = 'Có  hai dấu cách.' WHERE id = ?", [two[0]])
    fresh_db.conn.commit()
    assert cli("--user", "Minh", "fix", "--id", str(two[0])).exit_code == 2
    assert cli("--user", "Minh", "fix", "--id", str(two[0]), "--force").exit_code == 0
    assert "  " not in articles.get(fresh_db, two[0]).body


def test_a_lock_expires_when_its_desk_stops_beating(fresh_db, two):
    lock = presence.take_lock(fresh_db, two[0], "Lan")
    assert presence.current_lock(fresh_db, two[0]) == lock
    later = time.time() + presence.LOCK_TTL_SECONDS + 1
    assert presence.current_lock(fresh_db, two[0], now=later) is None  # a killed desk leaves no lock
    assert presence.heartbeat(fresh_db, two[0], "Lan")
    with pytest.raises(presence.Locked) as held:
        presence.take_lock(fresh_db, two[0], "Minh")
    assert held.value.lock.editor == "Lan"
    taken = presence.take_lock(fresh_db, two[0], "Minh", take_over=True)
    assert taken.editor == "Minh" and not presence.heartbeat(fresh_db, two[0], "Lan")
    assert articles.history(fresh_db, two[0])[-1]["note"] == "take over: Lan → Minh"
    presence.release(fresh_db, two[0], "Minh")
    assert presence.current_lock(fresh_db, two[0]) is None


# ---- in the desk ----------------------------------------------------------------------------------

def rows_text(app) -> str:
    return "\n".join(app.screen.list.render_line(y).text for y in range(1, 6))


async def test_inbox_shows_who_is_editing_and_refreshes_itself(db_path, fresh_db, two, monkeypatch):
    import bientap.tui.screens.inbox as inbox
    from bientap.tui.app import BientapApp

    monkeypatch.setattr(inbox, "POLL_SECONDS", 0.2)
    monkeypatch.setenv("BIENTAP_USER", "Minh")
    presence.take_lock(fresh_db, two[0], "Minh")  # my own desk's lock is not news to me
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert "đang sửa" not in rows_text(app)
        presence.take_lock(fresh_db, two[1], "Lan")  # a colleague opens the other, on another desk
        await pilot.pause(0.8)  # no key pressed
        await settle(app, pilot)
        shown = rows_text(app)
        assert "[đang sửa: Lan] Tin 2" in shown and "Lan] Tin 1" not in shown


async def test_assign_from_the_inbox_and_the_assigned_to_me_view(db_path, fresh_db, two, monkeypatch):
    from bientap.tui.app import BientapApp
    from bientap.tui.dialogs.assign import AssignDialog

    monkeypatch.setenv("BIENTAP_USER", "Minh")
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AssignDialog) and app.screen.query_one("Input").value == "Minh"
        await pilot.press("enter")  # to me
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        assert app.screen.list.total == 1 and "giao cho tôi" in str(app.screen.query_one("#info").render())
        await pilot.press("m")
        await settle(app, pilot)
        assert app.screen.list.total == 2
    assigned = {i: articles.get(fresh_db, i).assignee for i in two}
    assert sorted(assigned.values(), key=str) == ["Minh", None] or list(assigned.values()).count("Minh") == 1


async def test_duplicates_side_by_side_keep_one_spike_the_rest(db_path, fresh_db, add_article):
    from bientap.tui.app import BientapApp
    from bientap.tui.screens.duplicates import DuplicatesScreen

    body = "Sáng nay, Sở Khoa học và Công nghệ tổ chức hội thảo về đổi mới sáng tạo với nhiều doanh nghiệp."
    first = add_article(fresh_db, title="Hội thảo đổi mới", body=body, source="a.vn")
    second = add_article(fresh_db, title="Hội thảo đổi mới sáng tạo", body=body.replace("Sáng nay", "Chiều qua"),
                         source="b.vn")
    fresh_db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [first.id, second.id])
    fresh_db.conn.commit()
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert f"≈#{first.id}" in rows_text(app)
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        await pilot.press("home", "j")  # the later one: its words against the earliest
        await settle(app, pilot)
        diff = app.screen.query_one("#dup-diff").render()
        spans = {str(diff)[s.start:s.end].strip(): str(s.style) for s in diff.spans}
        assert "strike" in spans.get("Sáng nay,", "") and "green" in spans.get("Chiều qua,", "")
        await pilot.press("g", "y")  # keep the later one, spike the earliest
        await settle(app, pilot)
    assert articles.get(fresh_db, first.id).status == "spiked"
    assert articles.get(fresh_db, second.id).status == "draft"


async def test_the_editor_locks_warns_and_takes_over(db_path, fresh_db, two, monkeypatch):
    from bientap.tui.app import BientapApp
    from bientap.tui.dialogs.choice import ChoiceDialog
    from bientap.tui.screens.editor import EditorScreen

    monkeypatch.setenv("BIENTAP_USER", "Minh")
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(two[0])
        await settle(app, pilot)
        assert isinstance(app.screen, EditorScreen)
        assert presence.current_lock(fresh_db, two[0]).editor == "Minh"  # opening takes the lock
        await pilot.press("escape")
        await settle(app, pilot)
        assert presence.current_lock(fresh_db, two[0]) is None  # leaving gives it back

        presence.take_lock(fresh_db, two[1], "Lan")
        app.open_article(two[1])
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog) and "Lan" in str(app.screen.question)
        await pilot.press("x")  # read only
        await settle(app, pilot)
        editor = app.screen
        assert editor.read_only and editor.body.read_only
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert articles.get(fresh_db, two[1]).version == 1  # nothing saved
        await pilot.press("escape")
        await settle(app, pilot)
        assert presence.current_lock(fresh_db, two[1]).editor == "Lan"  # a reader leaves Lan's lock alone

        app.open_article(two[1])
        await settle(app, pilot)
        await pilot.press("t")  # take over
        await settle(app, pilot)
        assert presence.current_lock(fresh_db, two[1]).editor == "Minh" and not app.screen.read_only
    history = articles.history(fresh_db, two[1])
    assert history[-1]["note"] == "take over: Lan → Minh" and history[-1]["author"] == "Minh"


async def test_saved_views_cycle_and_come_from_the_config_file(db_path, fresh_db, add_article, monkeypatch):
    from bientap.store.config import config_dir
    from bientap.tui.app import BientapApp

    monkeypatch.setenv("BIENTAP_USER", "Minh")
    old = add_article(fresh_db, title="Tin cũ", body="Nội dung có chữ xuấtl sai.", location="Huế")
    fresh_db.execute("UPDATE articles SET created_at = '2020-01-01T00:00:00+00:00', "
                     "updated_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", [old.id])
    fresh_db.conn.commit()
    add_article(fresh_db, title="Tin mới", body="Nội dung.", location="Cần Thơ")
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "desk.toml").write_text('[[views]]\nname = "Huế"\nlocation = "Huế"\n', encoding="utf-8")
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        shown = []
        for _ in range(6):
            await pilot.press("v")
            await settle(app, pilot)
            info = str(app.screen.query_one("#info").render())
            shown.append((app.screen.list.total, info.split(" · ")[-1]))
        assert shown == [(1, "Nhập hôm nay"), (1, "Có lỗi"), (2, "Đổi từ lần trước tôi xem"),
                         (0, "Giao cho tôi"), (1, "Huế"), (2, "sắp theo ngày đăng")]
    app = BientapApp(db_path)  # the next session: nothing changed since the last look
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("v", "v", "v")
        await settle(app, pilot)
        assert app.screen.list.total == 0


def test_a_bad_desk_toml_says_where(tmp_path):
    from bientap.store.views import ViewsError, load_views

    bad = tmp_path / "desk.toml"
    bad.write_text('[[views]]\nname = "x"\nimported = "yesterday"\n', encoding="utf-8")
    with pytest.raises(ViewsError, match="views #1: imported phải là một trong 'today'"):
        load_views(bad)


# ---- a busy or read-only database never takes the desk down (review findings) -----------------------

async def test_a_busy_database_skips_a_heartbeat_and_a_read_only_one_opens_read_only(db_path, fresh_db, two,
                                                                                    monkeypatch):
    import sqlite3

    from bientap.store.db import StoreError
    from bientap.tui.app import BientapApp
    from bientap.tui.screens.editor import EditorScreen

    def busy(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 0.1)
    app = BientapApp(db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.open_article(two[0])
        await settle(app, pilot)
        monkeypatch.setattr(presence, "heartbeat", busy)
        await pilot.pause(0.5)
        assert isinstance(app.screen, EditorScreen) and not app.screen.read_only  # beats again later
        await pilot.press("escape")
        await settle(app, pilot)

        def read_only(*args, **kwargs):
            raise StoreError("cơ sở dữ liệu chỉ đọc, không ghi được (database is read-only)")

        monkeypatch.setattr(presence, "take_lock", read_only)
        monkeypatch.setattr(presence, "assign", read_only)
        app.open_article(two[1])
        await settle(app, pilot)
        assert isinstance(app.screen, EditorScreen) and app.screen.read_only
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("a", "enter")  # assigning on a read-only database: one line, the desk stays
        await settle(app, pilot)
        assert any("read-only" in str(n.message) for n in app._notifications)


def test_two_desks_of_one_editor_share_the_lock(fresh_db, two):
    presence.take_lock(fresh_db, two[0], "Lan")
    presence.take_lock(fresh_db, two[0], "Lan")  # a second terminal or browser tab
    presence.release(fresh_db, two[0], "Lan")  # one of them closes
    assert presence.heartbeat(fresh_db, two[0], "Lan")  # the other keeps the article, not read-only
    assert presence.current_lock(fresh_db, two[0]).editor == "Lan"


def test_keep_spikes_only_the_group_the_editor_saw(fresh_db, add_article):
    from bientap.store import duplicates

    ids = [add_article(fresh_db, title=f"Tin {i}", body="Nội dung.").id for i in range(3)]
    fresh_db.execute("UPDATE articles SET duplicate_of = ? WHERE id IN (?, ?)", [ids[0], ids[1], ids[2]])
    fresh_db.conn.commit()
    duplicates.keep(fresh_db, ids[1], shown=ids[:2])  # ids[2] joined after the screen opened
    assert [articles.get(fresh_db, i).status for i in ids] == ["spiked", "draft", "draft"]


def test_assign_refuses_a_number_as_the_name(cli, fresh_db, two):
    result = cli("assign", str(two[0]), str(two[1]))
    assert result.exit_code == 2 and "tên biên tập viên" in result.output
    assert articles.get(fresh_db, two[0]).assignee is None
