"""Who is on what (issue 19): soft locks that expire, taking over, assignment — through the CLI."""

from __future__ import annotations

import json
import time

import pytest

from store import articles, presence


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
