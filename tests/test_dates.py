"""Dates as editors type them (issue 17.5): a day that does not exist is named as such."""

from __future__ import annotations

import json

import pytest

from bientap.store.articles import normalize_date


@pytest.mark.parametrize("typed, stored", [("29/02/2024", "2024-02-29"), ("1/5/2025", "2025-05-01"),
                                           ("2025-05-01", "2025-05-01")])
def test_days_that_exist(typed, stored):
    assert normalize_date(typed) == stored


@pytest.mark.parametrize("typed, says", [("31/11/2026", "chỉ có 30 ngày"), ("29/02/2025", "chỉ có 28 ngày"),
                                         ("2026-02-30", "chỉ có 28 ngày"), ("12/13/2026", "không có tháng 13"),
                                         ("hôm qua", "không hiểu ngày")])
def test_days_that_do_not(typed, says):
    with pytest.raises(ValueError, match=says):
        normalize_date(typed)


def test_a_feed_record_with_a_day_that_does_not_exist_is_refused_saying_so(cli, tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"title": "Tin", "body": "Nội dung.", "published_at": "31/11/2026"}) + "\n",
                    encoding="utf-8")
    result = cli("import", str(feed))
    assert result.exit_code == 2 and "31/11/2026" in result.output and "30 ngày" in result.output
