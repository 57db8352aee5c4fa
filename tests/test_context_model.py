"""The news counts (checks/ngrams.py) behind typo.realword: the loader, silence on unseen context,
and what an editor sees through `bientap check`: correct words left alone where the context
vouches for them, slips caught with their context's first suggestion, every repair ranked."""

from __future__ import annotations

import json

import pytest

from bientap.checks.ngrams import BREAK, DATA, JOINS_RIGHT, NUMBER, Ngrams, ngrams, rank, slip_kind
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


def test_lookups_by_first_syllable_agree_with_a_search_of_every_key():
    """bigram/trigram bisect only the first syllable's own keys (the speed-up); a plain search of
    all the keys gives the same counts, for pairs and triples that are there and that are not."""
    import random
    from bisect import bisect_left

    from bientap.checks.ngrams import BITS, weighable_edits

    g = ngrams()
    names = {i: s for s, i in g.ids.items()}

    def plain(keys, counts, key):
        at = bisect_left(keys, key)
        return counts[at] if at < len(keys) and keys[at] == key else 0

    rng = random.Random(7)
    mask = (1 << BITS) - 1
    for key in rng.sample(list(g._bkeys), 400) + [rng.randrange(1 << 2 * BITS) for _ in range(400)]:
        a, b = names.get(key >> BITS), names.get(key & mask)
        if a and b:
            assert g.bigram(a, b) == plain(g._bkeys, g._bcounts, key)
            assert (b in g.after(a)) == (g.bigram(a, b) > 0) and "qzx" not in g.after(a)
    for key in rng.sample(list(g._tkeys), 400) + [rng.randrange(1 << 3 * BITS) for _ in range(400)]:
        a, b, c = names.get(key >> 2 * BITS), names.get(key >> BITS & mask), names.get(key & mask)
        if a and b and c:
            assert g.trigram(a, b, c) == plain(g._tkeys, g._tcounts, key)
    # The first and the last syllable's keys, at the ends of the arrays.
    first, last = names[g._bkeys[0] >> BITS], names[g._bkeys[-1] >> BITS]
    assert g.bigram(first, names[g._bkeys[0] & mask]) == g._bcounts[0]
    assert g.bigram(last, names[g._bkeys[-1] & mask]) == g._bcounts[-1]
    assert g.after("qzx") == g.after(None) == frozenset()
    # weighable_edits reads the same pairs: an edit seen after the left neighbour or before the right.
    edits = ["giao", "qzx", "dao", "gia"]
    assert weighable_edits(g, "chuyển", None, edits, False) == [e for e in edits if g.bigram("chuyển", e)]
    assert weighable_edits(g, "chuyển", "cho", edits, True) == [
        e for e in edits if g.bigram("chuyển", e) and g.bigram(e, "cho")]


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


def test_a_mark_left_out_costs_a_tone_slip_not_another_mark():
    """Keyboards type a vowel mark or the stroke of đ as a keystroke of its own (Telex "aa", "ow",
    "dd"): leaving it out is a commoner slip than writing another mark, or a mark too many."""
    from bientap.checks.ngrams import SLIP_COST

    assert slip_kind("nang", "nâng") == slip_kind("doàn", "đoàn") == slip_kind("tuong", "tương") == "dropped"
    assert slip_kind("năng", "nâng") == slip_kind("đoàn", "doàn") == slip_kind("nâng", "nang") == "other"
    assert SLIP_COST["dropped"] <= SLIP_COST["tone"] < SLIP_COST["other"]


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


def test_a_neighbour_already_inside_a_word_is_not_free_to_make_one_with_the_repair(cli, tmp_path):
    # "lao động | tỉnh": "động" has its word on the left, so "động tĩnh" is no split to vouch for "tĩnh".
    findings = _check(cli, tmp_path, "Liên đoàn lao động tỉnh tổ chức hội nghị tổng kết năm.\n")
    assert [f["text"] for f in findings if f["rule"] == "typo.realword"] == []


# An article about lemongrass: "sả" again and again, beside different words on both sides.
TOPIC = ("Năm nay sả được giá. Người trồng sả ở xã thu lãi cao.\n\n"
         "Cây sả dễ trồng, tinh dầu sả bán chạy.\n")


def test_the_subject_of_an_article_is_no_slip_however_rare_in_the_news(cli, tmp_path):
    lone = _check(cli, tmp_path, "Bà con thu hoạch sả từ sáng sớm.\n")
    assert [f["text"] for f in lone if f["rule"] == "typo.realword"] == ["sả"]  # alone, the counts doubt it
    findings = _check(cli, tmp_path, TOPIC)
    assert [f["text"] for f in findings if f["rule"] == "typo.realword"] == []


@pytest.mark.parametrize("text, right", [
    # The same slip repeated in the same company is no topic.
    ("Cơ quan đang sử lý vụ việc. Việc sử lý còn chậm nên dân đề nghị sử lý nghiêm.\n", "xử"),
    # A slip repeated in varied company is still caught where each context speaks loudly.
    ("Ông nói rỏ rằng dự án chậm. Kết quả thấy rỏ qua từng năm. Mục tiêu phải rỏ ràng hơn.\n", "rõ"),
])
def test_a_slip_the_writer_repeats_is_still_caught_every_time(cli, tmp_path, text, right):
    found = [f for f in _check(cli, tmp_path, text) if f["rule"] == "typo.realword"]
    assert len(found) == 3 and all(f["suggestions"][0] == right for f in found)


def test_a_name_beside_a_syllable_speaks_for_it_never_for_a_variant():
    g = ngrams()
    # Read as an ordinary word, "thuyết" after "thằng" would ask for "thắng" ("thắng thuyết" is not
    # rare in the news); as the name it is ("gọi thằng Thuyết"), it may not.
    assert [v for _, v in rank(g, "gọi", "thằng", "thuyết", confusions("thằng"))][:1] == ["thắng"]
    assert rank(g, "gọi", "thằng", "thuyết", confusions("thằng"), names=(False, True)) == []


def test_check_leaves_a_word_before_a_name_alone(cli, tmp_path):
    findings = _check(cli, tmp_path, "Học trò cũ vẫn quen miệng gọi thằng Thuyết như ngày nào.\n")
    assert [f["text"] for f in findings if f["rule"] == "typo.realword"] == []


@pytest.mark.parametrize("text, slip, right", [
    # Seen beside one neighbour in the news ("nào sự", "phải lực"), but a syllable a keystroke away is seen
    # beside both and fits far better: an onset, a mark, a final.
    ("Kết quả tùy thuộc nào sự cố gắng của mỗi người.\n", "nào", "vào"),
    ("Bà con phải lực chọn giống lúa phù hợp.\n", "lực", "lựa"),
    ("Người dân phát hiệu một thi thể trên sông.\n", "hiệu", "hiện"),
    # The edit makes a dictionary word with a free neighbour: phrase membership the counts lack.
    ("Các trạm đo đã phát hiệu tín hiệu lạ từ vệ tinh.\n", "hiệu", "hiện"),
])
def test_a_keystroke_slip_seen_beside_a_neighbour_is_caught_when_both_sides_speak_for_the_repair(
        cli, tmp_path, text, slip, right):
    found = [(f["text"], f["suggestions"][0]) for f in _check(cli, tmp_path, text) if f["rule"] == "typo.realword"]
    assert found == [(slip, right)]


def test_a_keystroke_edit_needs_both_neighbours_when_the_written_syllable_was_seen():
    g = ngrams()
    # "phải lực" was seen, "phải lựa" and "lựa chọn" far more: both sides vouch for the edit.
    assert [v for _, v in rank(g, "phải", "lực", "chọn", (), edits=["lựa"], edits_both=True)] == ["lựa"]
    # With no left neighbour, one side alone never outweighs what was seen.
    assert rank(g, None, "lực", "chọn", (), edits=["lựa"], edits_both=True) == []


def test_i_or_y_is_a_spelling_not_a_slip(cli, tmp_path):
    findings = _check(cli, tmp_path, "Người dân mua bánh mỳ nướng mỗi sáng.\n")
    assert [f["text"] for f in findings if f["rule"].startswith("typo.") and f["rule"] != "typo.iy"] == []
    # typo.iy may say how edited news spells it, as information only: no slip, nothing blocks.
    assert all(f["severity"] == "info" for f in findings if f["rule"] == "typo.iy")


def test_beside_the_word_a_repair_makes_the_other_side_is_a_boundary_and_no_evidence_against_it(cli, tmp_path):
    g = ngrams()
    # "dịch để" is the commoner pair, but "đề nghị" is the word: "dịch | đề nghị".
    assert rank(g, "dịch", "để", "nghị", confusions("để"), {"đề": 1.5}) == []
    assert [v for _, v in rank(g, "dịch", "để", "nghị", confusions("để"), {"đề": 1.5},
                               joins={"đề": JOINS_RIGHT})] == ["đề"]
    found = [(f["text"], f["suggestions"][0]) for f in _check(cli, tmp_path, "Văn phòng dịch để nghị cấp phép.\n")
             if f["rule"] == "typo.realword"]
    assert found == [("để", "đề")]


def test_a_phrase_of_its_own_beside_the_word_is_no_slip_of_it(cli, tmp_path):
    g = ngrams()
    # "chủ ý" is common in the news next to "chú ý": the word gives no licence across the boundary.
    assert rank(g, "ra", "chủ", "ý", confusions("chủ"), {"chú": 1.5}, joins={"chú": JOINS_RIGHT}) == []
    findings = _check(cli, tmp_path, "Hắn bỗng sinh ra chủ ý xấu.\n")
    assert [f["text"] for f in findings if f["rule"].startswith("typo.")] == []


def test_the_counts_hold_what_starts_and_ends_clauses_and_what_stands_by_numbers():
    g = ngrams()
    # A storm ends clauses ("sau cơn bão."), the paper "báo" seldom does; "tối 5/1" is common, "tội 5/1" not.
    assert g.bigram("bão", BREAK) / g.unigram("bão") > 3 * g.bigram("báo", BREAK) / g.unigram("báo")
    assert g.bigram("tối", NUMBER) > 100 * max(g.bigram("tội", NUMBER), 1)
    assert g.bigram(BREAK, "mỗi") > g.bigram(BREAK, "môi")
    # An edge is no syllable a text can hold.
    assert not any(c.isalpha() for c in BREAK + NUMBER)


def test_the_build_counts_an_edge_token_beside_each_stretch():
    import importlib.util
    from pathlib import Path

    # The build script is the repository's, not the installed package's (only its output ships).
    path = Path(__file__).resolve().parents[1] / "checks" / "data" / "build_ngrams.py"
    spec = importlib.util.spec_from_file_location("build_ngrams", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    got = list(build.stretches("Trời mưa to, sáng 5/1 đường ngập.\nNgười dân về"))
    assert got == [(["trời", "mưa", "to"], BREAK, BREAK), (["sáng"], BREAK, NUMBER),
                   (["đường", "ngập"], NUMBER, BREAK), (["người", "dân", "về"], BREAK, BREAK)]


def test_an_edge_speaks_against_a_variant_never_for_it():
    g = ngrams()
    # "trước báo" is the commoner pair, but "báo" seldom ends a clause: with the break heard, no slip.
    assert [v for _, v in rank(g, "trước", "bão", None, confusions("bão"))][:1] == ["báo"]
    assert rank(g, "trước", "bão", BREAK, confusions("bão")) == []
    # A clause's start never adds to a variant what its frequency alone would not.
    for a, r in (("mọt", "vài"), ("nhửng", "người"), ("củng", "có"), ("đả", "có")):
        plain = dict((v, gain) for gain, v in rank(g, None, a, r, confusions(a)))
        assert plain
        for gain, v in rank(g, BREAK, a, r, confusions(a)):
            assert gain <= plain[v] + 1e-9


@pytest.mark.parametrize("text", [
    "Người dân chằng chống nhà cửa trước bão.\n",
    "Mái nhà bị tốc sau bão, cả xóm đi giúp nhau.\n",
    "Cô sống một mình, không chồng, không con.\n",
])
def test_check_leaves_a_word_alone_where_a_break_speaks_for_it(cli, tmp_path, text):
    assert [f["text"] for f in _check(cli, tmp_path, text) if f["rule"] == "typo.realword"] == []


@pytest.mark.parametrize("text, first", [("Ai cũng sợ, không dam.", ["dám"]), ("Cháu rất thương bà nôi.", ["nội", "nổi"]),
                                         ("Tại nhiều tuyến phố, lể đường bị lấn chiếm.", ["lề"])])
def test_a_break_decides_whether_a_slip_is_flagged_never_which_repairs_are_offered(cli, tmp_path, text, first):
    # Read with the break, "bà nôi." has "nội" alone ("nổi" seldom ends a clause); the repairs offered
    # are the ones read without it.
    found = [f for f in _check(cli, tmp_path, text + "\n") if f["rule"] == "typo.realword"]
    assert found and found[0]["suggestions"][:len(first)] == first
    assert [v for _, v in rank(ngrams(), "bà", "nôi", BREAK, confusions("nôi"))] == ["nội"]


@pytest.mark.parametrize("left, written", [("ma", "tuy"), ("đồng", "y"), ("phải", "chằng")])
def test_a_break_on_the_right_never_adds_to_a_variant(left, written):
    # "ma túy." ends clauses far more often than "ma tuy.": the break may not add that to the gain.
    g = ngrams()
    plain = dict((v, gain) for gain, v in rank(g, left, written, None, confusions(written)))
    assert plain
    for gain, v in rank(g, left, written, BREAK, confusions(written)):
        assert gain <= plain[v] + 1e-9


def test_a_variant_seen_only_beside_an_edge_is_never_offered():
    # "nhang sao" and "nhang sào" were never seen; "sao" before a break often: that is no sighting.
    g = ngrams()
    assert rank(g, "nhang", "sào", BREAK, confusions("sào")) == []


def test_a_phrase_of_three_the_counts_lack_is_read_alike_for_every_candidate():
    # "quan trọng người": the pair is common and "người" follows "trọng" often, yet the three were
    # never counted. Whatever syllable stands second, a missing triple is read as seen at most
    # TRI_PRUNED times: no candidate is judged by its pair alone while another by its triple.
    from math import exp, log

    from bientap.checks.ngrams import TRI_MU, TRI_PRUNED, _log_next, context_score

    g = ngrams()
    l, x, r = "quan", "trọng", "người"
    assert g.trigram(l, x, r) == 0 and g.bigram(l, x) * exp(_log_next(g, x, r)) > TRI_PRUNED
    p, seen = exp(_log_next(g, x, r)), g.bigram(l, x)
    assert context_score(g, l, x, r)[1] == pytest.approx(log((TRI_PRUNED + TRI_MU * p) / (seen + TRI_MU)))
    assert context_score(g, l, x, r)[1] < log(p)
    # Where the pair is too rare for the three to have been counted, P(r | x) stands.
    l, x, r = "quan", "trọng", "năm"
    assert g.trigram(l, x, r) == 0 and g.bigram(l, x) * exp(_log_next(g, x, r)) < TRI_PRUNED
    assert context_score(g, l, x, r)[1] == pytest.approx(_log_next(g, x, r))
