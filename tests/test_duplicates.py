"""Near-duplicates (issue 18.4): linked at import, duplicate_of in list/show JSON, keep one."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from _pages import LAYOUTS, seed_fields


def _rows(cli) -> dict[int, dict]:
    return {r["id"]: r for r in json.loads(cli("list", "--format", "json").output)}


def _import_group(cli, tmp_path, seed=2):
    f = seed_fields(seed)
    for name in ("cms", "news", "portal"):  # the same release on three sites, in this order
        (tmp_path / f"{name}.html").write_text(LAYOUTS[name](f), encoding="utf-8")
        assert cli("import", str(tmp_path / f"{name}.html")).exit_code == 0
    other = tmp_path / "other.html"
    other.write_text(LAYOUTS["news"](seed_fields(4)), encoding="utf-8")
    cli("import", str(other))


def test_same_story_from_three_sites_is_one_group(cli, tmp_path):
    _import_group(cli, tmp_path)
    rows = _rows(cli)
    assert [rows[i]["duplicate_of"] for i in (1, 2, 3, 4)] == [None, 1, 1, None]
    assert json.loads(cli("show", "3", "--format", "json").output)["duplicate_of"] == 1
    again = cli("import", str(tmp_path))
    assert "không đổi 4" in again.output


def test_keep_one_spikes_the_rest(cli, tmp_path, fresh_db):
    _import_group(cli, tmp_path)
    result = cli("duplicates", "2", "--keep")
    assert result.exit_code == 0, result.output
    statuses = {i: r["status"] for i, r in _rows(cli).items()}
    assert statuses == {1: "spiked", 2: "draft", 3: "spiked", 4: "draft"}
    notes = [r["note"] for r in fresh_db.query("SELECT note FROM revisions WHERE article_id = 1")]
    assert any("spiked" in (n or "") for n in notes)


def test_duplicates_json_lists_the_group(cli, tmp_path):
    _import_group(cli, tmp_path)
    group = json.loads(cli("duplicates", "3", "--format", "json").output)
    assert [g["id"] for g in group] == [1, 2, 3]
    assert cli("duplicates", "99").exit_code == 2


def test_a_later_bridge_joins_groups_under_the_earliest(fresh_db):
    from bientap.store import duplicates

    words = " ".join(f"từ{i}" for i in range(200))
    other = " ".join(f"chữ{i}" for i in range(200))
    from bientap.store import articles

    for body in (words, other, words + " " + other):
        articles.insert(fresh_db, articles.Article(body=body), source_key=body[:9] + str(len(body)), raw_id=None)
    assert duplicates.link(fresh_db, 1, words) is None
    assert duplicates.link(fresh_db, 2, other) is None
    assert duplicates.link(fresh_db, 3, words + " " + other) is None  # half of each: below the threshold
    fresh_db.execute("UPDATE articles SET body = ? WHERE id = 3", [words])
    assert duplicates.link(fresh_db, 3, words) == 1
    assert duplicates.group(fresh_db, 3) == [1, 3]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_signature_of_any_text(text):
    from bientap.store.duplicates import NUM_PERM, signature, similarity

    sig = signature(text)
    assert sig is None or (len(sig) == 4 * NUM_PERM and similarity(sig, sig) == 1.0)
