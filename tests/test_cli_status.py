"""`bientap status ID... STATUS` (contract): the publish gate from the command line."""

from __future__ import annotations

from bientap.store import articles


def test_moves_and_records(cli, fresh_db, add_article):
    a = add_article(fresh_db, title="Một")
    b = add_article(fresh_db, title="Hai")
    result = cli("status", str(a.id), str(b.id), "review")
    assert result.exit_code == 0, result.output
    assert [articles.get(fresh_db, i).status for i in (a.id, b.id)] == ["review", "review"]
    assert f"{a.id}: → review" in result.output


def test_refused_prints_the_checklist_exit_1_others_move(cli, fresh_db, add_article, gate_rules):
    bad = add_article(fresh_db, title="[bold]Bài\x1b[31m lỗi[/]", body="Còn CHẶN ở đây.")
    good = add_article(fresh_db, title="Bài tốt", body="Sạch sẽ.")
    result = cli("status", str(bad.id), str(good.id), "published")
    assert result.exit_code == 1
    assert articles.get(fresh_db, good.id).status == "published"
    assert articles.get(fresh_db, bad.id).status == "draft"
    assert f"{bad.id}: bị từ chối" in result.output
    assert "✗ [bắt buộc] test.blocker ×1: Từ bị chặn — “CHẶN”" in result.output
    assert "[bold]Bài" in result.output and "\x1b" not in result.output


def test_unknown_status_exit_2_nothing_moves(cli, fresh_db, add_article):
    a = add_article(fresh_db, title="Một")
    result = cli("status", str(a.id), "archived")
    assert result.exit_code == 2
    assert "không có trạng thái" in result.output
    assert articles.get(fresh_db, a.id).status == "draft"


def test_unknown_id_exit_2_nothing_moves(cli, fresh_db, add_article):
    a = add_article(fresh_db, title="Một")
    result = cli("status", str(a.id), "4242", "review")
    assert result.exit_code == 2
    assert "4242" in result.output
    assert articles.get(fresh_db, a.id).status == "draft"


def test_not_a_number_exit_2(cli, fresh_db, add_article):
    add_article(fresh_db, title="Một")
    assert cli("status", "abc", "review").exit_code == 2
    assert cli("status", "review").exit_code == 2
