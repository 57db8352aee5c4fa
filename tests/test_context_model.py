"""The news counts (checks/ngrams.py) behind typo.realword: the loader, silence on unseen context,
and what an editor sees through `bientap check`: correct words left alone where the context
vouches for them, slips caught with their context's first suggestion, every repair ranked."""

from __future__ import annotations

import json

import pytest

from bientap.checks.ngrams import DATA, Ngrams, ngrams, rank, slip_kind
from bientap.checks.vietnamese import confusions


def test_counts_load_from_the_package_and_tell_a_word_from_its_slip():
    g = ngrams()
    assert DATA.stat().st_size < 20e6  # the installed data stays small
    assert g.tokens > 10_000_000
    assert g.bigram("chuyển", "giao") > 100 * max(g.bigram("chuyên", "giao"), 1)
    assert g.bigram("xử", "lý") > g.bigram("sử", "lý")
    assert g.unigram("của") > g.unigram("cửa") > 0
    assert g.trigram("cấp", "thẻ", "bảo") > 0
    # Unknown syllables, missing neighbours and pruned pairs count nothing, without raising.
    assert g.bigram("qzx", "giao") == g.bigram(None, "giao") == g.trigram("chuyển", "giao", None) == 0


def test_a_file_that_is_no_counts_is_refused():
    with pytest.raises(ValueError):
        Ngrams(b"PK\x03\x04 not the counts")


def test_unseen_context_says_nothing():
    g = ngrams()
    # Neighbours the counts never met: no guess, whatever the frequencies say.
    assert rank(g, "qzx", "cửa", "wvy", confusions("cửa")) == []
    assert rank(g, None, "cửa", None, confusions("cửa")) == []
    # A context seen on both sides: the repair, with how much likelier it is.
    (gain, best), *_ = rank(g, "đang", "sử", "lý", confusions("sử"))
    assert best == "xử" and gain > 0


def test_slip_kinds_price_the_commonest_slips_lowest():
    assert slip_kind("giử", "giữ") == "hoi_nga"
    assert slip_kind("chao", "trao") == slip_kind("sử", "xử") == slip_kind("da", "gia") == "merger"
    assert slip_kind("cùng", "cũng") == "tone"
    assert slip_kind("tính", "tích") == "other"


# Correct words a frequency-only rule pushed toward a neighbour commoner elsewhere.
CORRECT = ("Thay mặt gia đình, con trai cụ đọc chúc văn trước giờ an táng.\n\n"
           "Người dân đến trạm y tế để được cấp thẻ BHYT miễn phí.\n\n"
           "Trẻ em dưới năm tuổi đã được tiêm đủ mũi vắc xin theo lịch.\n\n"
           "Khán giả vỗ tay khi ca sĩ kết thúc cùng phần trình diễn của nhóm múa.\n")


def _check(cli, tmp_path, text: str) -> list[dict]:
    p = tmp_path / "bai.txt"
    p.write_text(text, encoding="utf-8")
    result = cli("check", str(p), "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_check_leaves_correct_words_alone_where_the_context_vouches(cli, tmp_path):
    findings = _check(cli, tmp_path, CORRECT)
    assert [f["text"] for f in findings if f["rule"].startswith("typo.")] == []


def test_check_ranks_suggestions_by_context(cli, tmp_path):
    text = ("Các thế hệ phải giử được truyền thống của quê hương.\n\n"
            "Cơ quan chức năng đang xữ lý vụ việc theo quy định.\n\n"
            "Công ty có nhiệm vụ chuyên giao công nghệ cho nông dân.\n")
    found = {f["text"]: f["suggestions"] for f in _check(cli, tmp_path, text) if f["rule"].startswith("typo.")}
    assert found["giử"][0] == "giữ"
    assert found["xữ"][0] == "xử"
    assert found["chuyên"][0] == "chuyển"
    # Every candidate is there for a picker, best first, none twice.
    assert all(len(s) == len(set(s)) for s in found.values())
    assert len(found["giử"]) > 1
