"""The workflow and its publish gate: one function in store/, used by the desk and the CLI."""

from __future__ import annotations

import pytest

from bientap import i18n
from bientap.store import articles
from bientap.store.workflow import (
    GATED,
    UnknownStatus,
    checklist_lines,
    matching_ids,
    publish_gate,
    recheck,
    set_status,
)


def test_draft_to_review_moves_and_keeps_a_revision(fresh_db, add_article):
    a = add_article(fresh_db, title="Tin ngắn")
    report = set_status(fresh_db, [a.id], "review", editor="thu")
    assert report.moved == [a.id] and not report.refused
    stored = articles.get(fresh_db, a.id)
    assert stored.status == "review" and stored.version == 2
    assert stored.edited == 0  # a status change is not a hand edit: re-imports may still update the text
    revs = articles.revisions(fresh_db, a.id)
    assert revs[0]["editor"] == "thu" and "draft → review" in revs[0]["note"]
    assert articles.status_counts(fresh_db)["review"] == 1


def test_publish_refused_while_required_items_remain(fresh_db, add_article, gate_rules):
    bad = add_article(fresh_db, title="Bài có lỗi", body="Câu này CHẶN việc đăng. Câu này NÊN sửa.")
    good = add_article(fresh_db, title="Bài sạch", body="Câu này NÊN sửa thôi.")
    report = set_status(fresh_db, [bad.id, good.id], "published")
    assert report.moved == [good.id]
    assert list(report.refused) == [bad.id]
    items = report.refused[bad.id]
    assert [(i.rule, i.level, i.count) for i in items] == [("test.blocker", "required", 1),
                                                           ("test.nit", "recommended", 1)]
    assert items[0].blocking and not items[1].blocking
    assert items[0].examples == ("CHẶN",)
    assert articles.get(fresh_db, bad.id).status == "draft"
    assert articles.get(fresh_db, good.id).status == "published"
    # the gate's fresh check also refreshed the stored counts of the article it let through
    assert articles.get(fresh_db, good.id).warnings >= 1


def test_gate_applies_only_to_ready_and_published(fresh_db, add_article, gate_rules):
    a = add_article(fresh_db, title="CHẶN", body="CHẶN CHẶN")
    assert set(GATED) == {"ready", "published"}
    for status in ("review", "spiked", "draft"):
        assert set_status(fresh_db, [a.id], status).moved == [a.id]
    assert set_status(fresh_db, [a.id], "ready").refused
    assert publish_gate(fresh_db, articles.get(fresh_db, a.id))[0].count == 3  # title + 2 in body


def test_unblocked_after_the_fix(fresh_db, add_article, gate_rules):
    a = add_article(fresh_db, title="Tít", body="Có CHẶN.")
    assert set_status(fresh_db, [a.id], "ready").refused
    stored = articles.get(fresh_db, a.id)
    articles.save(fresh_db, a.id, {"body": "Đã sửa."}, stored.version)
    assert set_status(fresh_db, [a.id], "ready").moved == [a.id]


def test_gate_off_lets_everything_through(fresh_db, add_article, gate_rules):
    from bientap.checks.engine import Context
    from bientap.checks.style import HouseStyle

    a = add_article(fresh_db, title="Tít", body="CHẶN")
    ctx = Context(style=HouseStyle(publish_gate={"test.blocker": "off", "error": "off"}))
    assert publish_gate(fresh_db, articles.get(fresh_db, a.id), ctx) == []
    assert set_status(fresh_db, [a.id], "published", ctx=ctx).moved == [a.id]


def test_unknown_status_and_ids_move_nothing(fresh_db, add_article):
    a = add_article(fresh_db, title="Tít")
    with pytest.raises(UnknownStatus):
        set_status(fresh_db, [a.id], "archived")
    with pytest.raises(articles.NotFound):
        set_status(fresh_db, [a.id, 999], "review")
    assert articles.get(fresh_db, a.id).status == "draft"


def test_same_status_is_unchanged_and_no_revision(fresh_db, add_article):
    a = add_article(fresh_db, title="Tít")
    report = set_status(fresh_db, [a.id, a.id], "draft")
    assert report.unchanged == [a.id] and not report.moved
    assert len(articles.revisions(fresh_db, a.id)) == 1


def test_checklist_lines_keep_article_text_literal(fresh_db, add_article, gate_rules):
    a = add_article(fresh_db, title="[bold]CHẶN[/]", body="x")
    lines = checklist_lines(publish_gate(fresh_db, articles.get(fresh_db, a.id)))
    assert lines[0].startswith("✗ [bắt buộc] test.blocker ×1: Từ bị chặn")
    assert "“CHẶN”" in lines[0]
    i18n.use("en")
    en = checklist_lines(publish_gate(fresh_db, articles.get(fresh_db, a.id)))
    assert "[required]" in en[0]


def test_recheck_updates_counts_without_a_revision(fresh_db, add_article, gate_rules):
    a = add_article(fresh_db, title="Tít", body="CHẶN và CHẶN", counts=(0, 0, 0))
    assert recheck(fresh_db, [a.id]) == 1
    stored = articles.get(fresh_db, a.id)
    assert stored.errors >= 2 and stored.version == 1
    assert recheck(fresh_db, [a.id]) == 0


def test_matching_ids_follows_the_query(fresh_db, add_article):
    a = add_article(fresh_db, title="Cần Thơ mưa lớn", location="Cần Thơ")
    b = add_article(fresh_db, title="Hà Nội nắng", location="Hà Nội")
    assert sorted(matching_ids(fresh_db, articles.Query())) == [a.id, b.id]
    assert matching_ids(fresh_db, articles.Query(search="can tho")) == [a.id]
    assert matching_ids(fresh_db, articles.Query(location="Hà Nội")) == [b.id]
