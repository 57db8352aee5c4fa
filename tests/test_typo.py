"""Typo rules: non-words, real-word slips, doubled words, names; syllable structure underneath."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bientap.checks.findings import Document
from bientap.checks.engine import Context, check_text
from bientap.checks.style import HouseStyle
from bientap.checks.vietnamese import confusions, is_structural, normalize, place_tone, split_onset, strip_tone

# Sentences long enough to read as prose to the boilerplate classifier.
LEAD = "Sở Khoa học và Công nghệ tỉnh đã tổ chức hội thảo về đổi mới sáng tạo cho các doanh nghiệp. "


def typos(text: str, ctx: Context | None = None, rule: str = "typo"):
    return [f for f in check_text(text, ctx or Context(), rules=[rule])]


def flagged(text: str, ctx: Context | None = None, rule: str = "typo") -> dict[str, tuple[str, ...]]:
    return {f.text: f.suggestions for f in typos(text, ctx, rule) if f.severity != "info"}


# --- syllable structure ----------------------------------------------------------------------

@pytest.mark.parametrize("word, key", [
    ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("Khoẻ", "khỏe"), ("hoàng", "hoàng"),
    ("quả", "quả"), ("giữa", "giữa"), ("người", "người"), ("khuyến", "khuyến"),
])
def test_normalize_puts_tone_where_traditional_spelling_does(word, key):
    assert normalize(word) == key


def test_modern_placement():
    assert normalize("hòa", modern=True) == "hoà"
    assert normalize("thủy", modern=True) == "thuỷ"
    assert normalize("hoàng", modern=True) == "hoàng"
    assert place_tone("khoe", 3) == "khỏe" and place_tone("khoe", 3, modern=True) == "khoẻ"


def test_syllable_parts():
    assert strip_tone("chuyển") == ("chuyên", 3)
    assert split_onset("chuyên") == ("ch", "uyên")
    assert split_onset("gin") == ("g", "in")
    assert split_onset("quy") == ("qu", "y")


@pytest.mark.parametrize("word", ["được", "nghiên", "quỳnh", "giếng", "thuở", "khuya", "kỹ", "gì", "hòa"])
def test_valid_syllables(word):
    assert is_structural(normalize(word))


@pytest.mark.parametrize("word", ["xuấtl", "đươc", "ngiên", "hoc", "cem", "ghà", "thôngtin", "hóan"])
def test_invalid_syllables(word):
    assert not is_structural(word)


def test_confusions_cover_tone_mark_onset_and_final_slips():
    assert "chuyển" in confusions("chuyên")
    assert "vấn" in confusions("vẫn")
    assert "trao" in confusions("chao")
    assert "sinh" in confusions("xinh")
    assert "nên" in confusions("lên")
    assert "bàng" in confusions("bàn")
    assert "tại" in confusions("lại") and "hát" in confusions("hán")
    assert "quí" not in confusions("quý")  # a spelling variant, not a slip
    assert all(is_structural(c) for c in confusions("người"))


# --- non-words -------------------------------------------------------------------------------

def test_nonword_with_suggestion():
    text = LEAD + "Các doanh nghiệp nâng cao chất lượng và hiệu quả sản xuấtl trong năm nay."
    found = typos(text)
    assert [(f.rule, f.text, f.severity) for f in found] == [("typo.nonword", "xuấtl", "error")]
    assert found[0].suggestions[0] == "xuất"
    assert text[found[0].start:found[0].end] == "xuấtl"


def test_misplaced_tone_mark_is_a_nonword_with_the_mark_moved():
    text = LEAD + "Các doanh nghiệp đã hóan đổi công nghệ cũ để nâng cao năng suất lao động."
    assert flagged(text)["hóan"][0] == "hoán"


@pytest.mark.parametrize("sentence, wrong, right", [
    ("Sở đã tổ chức chiển khai kế hoạch năm nay.", "chiển", "triển"),  # ch/tr heard alike
    ("Các đơn vị cần đẩy nhanh tiến độ suất khẩu nông sản.", "suất", "xuất"),
    ("Tài sản diêng của gia đình được giữ nguyên.", "diêng", "riêng"),
    ("Đây là phòng làm việc giêng của giám đốc.", "giêng", "riêng"),  # gi + iêng is spelled "giêng"
])
def test_nonword_or_slip_of_an_onset_heard_alike_suggests_the_word(sentence, wrong, right):
    assert flagged(LEAD + sentence)[wrong][0] == right


def test_pathological_input_stays_fast_enough_to_finish():
    junk = " ".join(f"xyzđ{i:x}ươq" for i in range(300))
    assert isinstance(typos(LEAD + junk), list)


def test_nonword_opening_a_sentence_keeps_its_capital():
    text = LEAD + "Đươc biết, các doanh nghiệp trong tỉnh đã đầu tư đổi mới công nghệ sản xuất."
    found = [f for f in typos(text) if f.rule == "typo.nonword"]
    assert [(f.text, f.suggestions[0]) for f in found] == [("Đươc", "Được")]


def test_nonword_missing_space_and_missing_tone():
    text = LEAD + "Người dân cần được tiếp cận thôngtin pháp luật và các thành tựu khoa hoc mới."
    got = flagged(text)
    assert got["thôngtin"][0] == "thông tin"
    assert got["hoc"][0] == "học"


def test_names_foreign_words_abbreviations_numbers_urls_are_not_nonwords():
    text = LEAD + ("Hội thảo tại khách sạn Yasaka với ông Trần Ngọc Ca, đại diện Samsung và Google, "
                   "bàn về startup, internet và website của UBND tỉnh, KH&CN, số 09-NQ/TW, "
                   "Thông tư 01/2021/TT-BKHCN, địa chỉ https://skhcn.khanhhoa.gov.vn/tin-tuc và "
                   "email ban.bientap@khanhhoa.gov.vn, lúc 10h30 ngày 10/5/2022, tăng 15% so với 2021.")
    assert flagged(text) == {}


def test_foreign_phrase_is_not_a_nonword():
    text = LEAD + "Nguyên tắc pacta sunt servanda được các quốc gia thành viên tôn trọng trong thực tiễn."
    assert flagged(text) == {}


def test_custom_words_silence_a_nonword():
    text = LEAD + "Phần mềm vnedu được triển khai tại các trường học trong tỉnh từ đầu năm học."
    assert typos(text) == [] or all(f.text != "vnedu" or f.severity == "warning" for f in typos(text))
    text2 = LEAD + "Sản phẩm mớiz được giới thiệu tại hội chợ công nghệ năm nay ở tỉnh nhà."
    assert "mớiz" in flagged(text2)
    assert "mớiz" not in flagged(text2, Context(custom_words=frozenset({"mớiz"})))


# --- real-word slips -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, wrong, right", [
    ("Hoạt động quản lý công nghệ hạn chế chuyên giao có nguy cơ gây ô nhiễm môi trường.", "chuyên", "chuyển"),
    ("Kết quả được áp dụng để giải quyết những vẫn đề nảy sinh trong thực tiễn sản xuất.", "vẫn", "vấn"),
    ("Công trình góp phần làm sáng tỏ một số vấn để về lịch sử, văn hóa trên địa bàn.", "để", "đề"),
    ("Nhiệm vụ quản lý về đổi mới sáng tạo được đề cấp chính thức trong một văn bản.", "cấp", "cập"),
    ("Các đơn vị đã có những đóng góp tích cực trọng hoạt động khoa học của tỉnh.", "trọng", "trong"),
])
def test_realword_slip_found_with_intended_word_first(sentence, wrong, right):
    found = [f for f in typos(LEAD + sentence) if f.rule == "typo.realword"]
    assert [(f.text, f.suggestions[0]) for f in found] == [(wrong, right)]


@pytest.mark.parametrize("sentence", [
    "Chủ tịch tỉnh chao bằng khen cho các tập thể có thành tích xuất sắc.",
    "Ban tổ chức chao giấy chứng nhận cho các học viên đạt yêu cầu.",
])
def test_dialect_onset_slip_without_a_pair_to_vouch_for_it(sentence):
    # "chao" pairs with nothing here and "trao" is twenty times as frequent: ch/tr is an onset
    # that whole dialects merge, so the smaller frequency gap is enough.
    found = [f for f in typos(LEAD + sentence) if f.rule == "typo.realword"]
    assert [(f.text, f.suggestions[0]) for f in found] == [("chao", "trao")]


@pytest.mark.parametrize("sentence, wrong, right", [
    ("Các cơ quan chức năng đang sử lý hồ sơ của người dân.", "sử", "xử"),
    ("Một sơ xuất nhỏ có thể gây hậu quả lớn.", "xuất", "suất"),
])
def test_syllable_that_lives_only_in_words_stranded_by_an_onset_slip(sentence, wrong, right):
    found = [f for f in typos(LEAD + sentence) if f.rule == "typo.realword"]
    assert [(f.text, f.suggestions[0]) for f in found] == [(wrong, right)]


def test_the_same_syllables_inside_their_words_are_left_alone():
    text = LEAD + ("Lịch sử của tỉnh được sử dụng rộng rãi; doanh nghiệp xuất khẩu và sản xuất, "
                   "năng suất lao động tăng, cơ quan xử lý hồ sơ nhanh.")
    assert [f for f in typos(text) if f.severity != "info"] == []


@pytest.mark.parametrize("sentence", [
    "Đàn chim én chao liệng trên cánh đồng lúa.",  # "liệng" is too rare for its pairs to be known
    "Con thuyền chao nghiêng giữa những con sóng lớn.",
    "Chao ôi, mùa thu năm ấy thật buồn.",
])
def test_rare_words_in_rare_company_are_left_alone(sentence):
    assert [f for f in typos(LEAD + sentence) if f.rule == "typo.realword"] == []


def test_realword_keeps_capital_and_house_style_tone_placement():
    text = LEAD + "Vẫn đề nảy sinh trong thực tiễn cần được các cơ quan giải quyết kịp thời."
    found = [f for f in typos(text) if f.rule == "typo.realword"]
    assert found and found[0].text == "Vẫn" and found[0].suggestions[0] == "Vấn"


def test_realword_quiet_on_correct_prose():
    text = LEAD + ("Nghị quyết của Bộ Chính trị nhấn mạnh tầm quan trọng của đào tạo nhân lực, phát huy "
                   "tiềm lực con người và sức sáng tạo của nhân dân. Nhân dịp này, Sở đã trao kỷ niệm "
                   "chương cho các cá nhân có nhiều đóng góp. Hội thảo đón nhận sự tham gia của gần 60 đại "
                   "biểu đại diện cho các sở, ban, ngành, hội, đoàn thể và ủy ban nhân dân các huyện.")
    assert [f for f in typos(text) if f.severity != "info"] == []


def test_headline_is_checked_too():
    from bientap.checks.engine import check_article

    found = check_article({"title": "Hội thảo về chuyên giao công nghệ sản xuấtl",
                           "body": "Nội dung bài viết về đổi mới sáng tạo trong các doanh nghiệp của tỉnh nhà."},
                          Context(), rules=["typo"])
    assert sorted((f.field, f.text, f.suggestions[0]) for f in found) == [
        ("title", "chuyên", "chuyển"), ("title", "xuấtl", "xuất")]


def test_realword_never_inside_names():
    text = LEAD + "Ông Trần Văn Chuyên Giao và bà Lê Thị Vẫn Đề cùng dự buổi làm việc hôm nay."
    assert [f for f in typos(text) if f.rule == "typo.realword"] == []


def test_custom_phrase_silences_a_realword_slip():
    text = LEAD + "Hoạt động quản lý công nghệ hạn chế chuyên giao có nguy cơ gây ô nhiễm môi trường."
    ctx = Context(custom_words=frozenset({"chuyên giao"}))
    assert [f for f in typos(text, ctx) if f.rule == "typo.realword"] == []


def test_ignored_pair_is_dropped_by_the_engine():
    text = LEAD + "Hoạt động quản lý công nghệ hạn chế chuyên giao có nguy cơ gây ô nhiễm môi trường."
    ctx = Context(ignored=frozenset({("typo.realword", "chuyên")}))
    assert [f for f in typos(text, ctx) if f.rule == "typo.realword"] == []


# --- doubled words ---------------------------------------------------------------------------

def test_doubled_word():
    text = LEAD + "Nghị quyết nhấn mạnh tầm quan trọng trọng của đào tạo, chuyên sâu hơn hơn trong những năm tới."
    found = [f for f in typos(text) if f.rule == "typo.doubled"]
    assert [(f.text, f.suggestions) for f in found] == [("trọng trọng", ("trọng",)), ("hơn hơn", ("hơn",))]
    # The doubled syllable is not reported again as a real-word slip.
    assert [f.rule for f in typos(text)] == ["typo.doubled", "typo.doubled"]


def test_doubled_where_each_copy_may_be_a_word_is_only_informational():
    text = LEAD + "Khoa học, công nghệ và đổi mới sáng tạo tạo động lực phát triển kinh tế của tỉnh."
    assert [(f.text, f.severity) for f in typos(text, rule="typo.doubled")] == [("tạo tạo", "info")]
    text = LEAD + "Các văn bản pháp luật luật của Nhà nước được phổ biến rộng rãi đến người dân."
    assert [(f.text, f.severity) for f in typos(text, rule="typo.doubled")] == [("luật luật", "warning")]


@pytest.mark.parametrize("phrase", ["từ từ", "ngày ngày", "xa xa", "người người", "nhà nhà", "đời đời"])
def test_reduplication_is_not_doubling(phrase):
    text = LEAD + f"Bà con {phrase} đến với lễ hội truyền thống của làng trong mùa xuân năm nay."
    assert [f for f in typos(text, rule="typo.doubled")] == []


def test_doubled_inside_a_phrase_the_news_writes_with_one_copy_is_a_warning():
    # "quan chức | chức năng" could each be a word; the news writes "cơ quan chức năng" and never
    # the doubling.
    text = LEAD + "Sáng nay, các cơ quan chức chức năng đã kiểm tra ba cửa hàng trên phố."
    assert [(f.text, f.severity) for f in typos(text, rule="typo.doubled")] == [("chức chức", "warning")]
    for sentence, doubled in (("Đội kiểm tra lập biên bản hành vi vi phạm của hai cơ sở.", "vi vi"),
                              ("Năm ngoái chị trở thành thành viên của câu lạc bộ.", "thành thành")):
        text = LEAD + sentence
        assert [(f.text, f.severity) for f in typos(text, rule="typo.doubled")] == [(doubled, "info")]


@pytest.mark.parametrize("sentence, doubled", [
    ("Bà Lan sinh năm năm 1958, nghỉ hưu đã lâu nhưng vẫn đi dạy.", "năm năm"),
    ("Quy định này áp dụng cho tất cả cả mọi người dân đang sinh sống trên địa bàn.", "cả cả"),
    ("Xã vừa sửa xong hai lớp mầm non non cho con em công nhân.", "non non"),
])
def test_a_reduplication_the_news_never_writes_after_its_neighbour_is_a_doubled_word(sentence, doubled):
    # "năm năm" (five years), "cả cả", "non non" are words; after "sinh", "tất", "mầm" the news
    # counts have the single syllable thousands of times and the reduplication never.
    assert [(f.text, f.severity) for f in typos(LEAD + sentence, rule="typo.doubled")] == [(doubled, "warning")]


@pytest.mark.parametrize("sentence", [
    "Cây bị sâu đục thân sẽ chết từ từ, lá vàng rồi rụng hết.",
    "Song song đó, huyện mở thêm hai lớp dạy nghề cho thanh niên.",
    "Người người nô nức đi xem hội làng.",
    "Đường trơn, chúng tôi đi từ từ về nhà.",  # "đi từ" is common as "go from"; "từ từ" is a word
    "Cô ấy vẫn luôn luôn giữ nụ cười trên môi.",
    # "xa vọng" is in the dictionary, but news never writes it: the second "xa" starts no word
    "Gió thổi qua cánh đồng, xa xa vọng lại tiếng trống trường.",
    "Dọc bờ sông, song song đường đê là hàng phi lao.",
])
def test_a_reduplication_after_a_rare_or_no_neighbour_stays(sentence):
    assert typos(LEAD + sentence, rule="typo.doubled") == []


@pytest.mark.parametrize("sentence", [
    "Nhiệm kỳ của hội đồng kéo dài năm năm.",
    "Trong vòng năm năm qua, diện tích rừng của huyện tăng gấp đôi.",
    "Từ ba đến năm năm tới, tỉnh cần thêm hàng nghìn kỹ sư.",
    "Sau năm năm, anh trở về quê mở xưởng mộc.",
])
def test_five_years_is_no_doubled_word(sentence):
    # "năm" is the number five and the noun year: doubled, a slip only before a number (above).
    assert typos(LEAD + sentence, rule="typo.doubled") == []


def test_a_reduplication_whose_second_copy_starts_a_word_news_writes_is_a_doubling():
    text = LEAD + "Ở thời đại ngày ngày nay, ai cũng dùng điện thoại."
    assert [f.text for f in typos(text, rule="typo.doubled")] == ["ngày ngày"]


def test_doubled_numbers_and_codes_are_left_alone():
    text = LEAD + "Trong các năm 2020 2020 và mã KH KH của đề tài đã được sửa trong báo cáo tổng kết."
    assert [f for f in typos(text, rule="typo.doubled")] == []


# --- names -----------------------------------------------------------------------------------

def test_name_with_a_lower_case_syllable():
    text = LEAD + "Ông Nguyễn Thanh Bình phát biểu. Sau đó ông Nguyễn Thanh bình trao đổi với phóng viên."
    found = [f for f in typos(text) if f.rule == "typo.name_case"]
    assert [(f.text, f.suggestions) for f in found] == [("bình", ("Bình",))]


def test_lone_middle_name():
    text = LEAD + "Phát biểu tại hội thảo, ông Nguyễn Văn hùng cho biết tỉnh sẽ tiếp tục hỗ trợ doanh nghiệp."
    assert flagged(text, rule="typo.name_case") == {"hùng": ("Hùng",)}


def test_given_name_left_lower_case():
    text = LEAD + "Cuối buổi, ông Nguyễn Thanh bình trao đổi thêm với các doanh nghiệp về thủ tục."
    assert flagged(text, rule="typo.name_case") == {"bình": ("Bình",)}
    fine = LEAD + "Cuối buổi, ông Trần Minh tâm sự về những khó khăn của doanh nghiệp trong tỉnh."
    assert typos(fine, rule="typo.name_case") == []


def test_name_followed_by_ordinary_words_is_fine():
    text = LEAD + "Theo ông Nguyễn Thanh Bình cho biết, Sở Khoa học và Công nghệ Khánh Hòa đã chủ trì."
    assert typos(text, rule="typo.name_case") == []


def test_name_spelled_two_ways():
    text = LEAD + ("Ông Nguyễn Thanh Bình chủ trì. Ông Nguyễn Thanh Bình nhấn mạnh vai trò của doanh "
                   "nghiệp. Kết thúc hội thảo, ông Nguyễn Thành Bình cảm ơn các đại biểu.")
    found = typos(text, rule="typo.name_variant")
    assert [(f.text, f.suggestions) for f in found] == [("Thành", ("Thanh",))]


@pytest.mark.parametrize("once, often", [("Stalingrrad", "Stalingrad"), ("Roamnia", "Romania"), ("Vielott", "Vietlott"),
                                         ("Harrry", "Harry")])  # a name a letter shorter than six
def test_a_foreign_name_written_once_a_keystroke_from_the_usual_spelling(once, often):
    text = LEAD + (f"Đoàn công tác đã tới {often} vào tháng 7. Tại {often}, đoàn làm việc với đối tác. "
                   f"Sau chuyến đi, quan hệ với {once} được đánh giá tốt hơn.")
    found = typos(text, rule="typo.name_variant")
    assert [(f.text, f.suggestions) for f in found] == [(once, (often,))]


def test_a_name_is_counted_over_the_whole_article():
    from bientap.checks.engine import check_article
    fields = {"title": "Ông Nguyễn Thanh Bình thăm trường", "sapo": LEAD + "Ông Nguyễn Thanh Bình đến từ sớm.",
              "body": "Ông Nguyễn Thanh Binh phát biểu tại buổi lễ khai giảng năm học mới."}
    found = [f for f in check_article(fields, Context(), rules=["typo.name_variant"])]
    assert [(f.field, f.text, f.suggestions) for f in found] == [("body", "Binh", ("Bình",))]


def test_a_foreign_name_is_counted_over_the_whole_article():
    # Once in the text, but the headline and the sapo write it too: the one slip is still two ways.
    from bientap.checks.engine import check_article
    fields = {"title": "Đoàn công tác thăm Stalingrad", "sapo": LEAD + "Đoàn đã tới Stalingrad hôm qua.",
              "body": "Tại Stalingrad, hai bên ký biên bản. Quan hệ với Stalingrrad được đánh giá tốt hơn."}
    found = [f for f in check_article(fields, Context(), rules=["typo.name_variant"])]
    assert [(f.field, f.text, f.suggestions) for f in found] == [("body", "Stalingrrad", ("Stalingrad",))]


@pytest.mark.parametrize("once, often", [
    ("Gustaf", "Gustav"),  # the last letters: a family of names, a declension
    ("Hogwart", "Hogwarts"),
    ("Zamira", "Samira"),  # the first letter
    ("Pieter", "Peter"),  # a short name a letter longer: another name, unless a letter was typed twice
])
def test_names_of_one_family_are_not_one_name_misspelt(once, often):
    # (also "Pieter" beside "Peter": a letter more in a short name is another name unless typed twice)
    text = LEAD + f"Ông {often} chủ trì. Ông {often} phát biểu. Bà {once} cảm ơn các đại biểu."
    assert typos(text, rule="typo.name_variant") == []


@pytest.mark.parametrize("text, word, meant", [
    ("Đoàn công tác tỉnh Quảng Ngải đã làm việc với huyện.", "Ngải", "Ngãi"),
    ("Sáng nay, Hãi Phòng đón đoàn khách quốc tế đầu tiên.", "Hãi", "Hải"),
    ("Ông về thăm Điện Biên Phũ dịp tháng Năm.", "Phũ", "Phủ"),  # a provincial city
    ("Tỉnh Hà Tỉnh công bố kế hoạch phòng chống bão.", "Tỉnh", "Tĩnh"),  # after a capitalised "Tỉnh"
])
def test_a_province_written_with_a_tone_slipped(text, word, meant):
    assert flagged(LEAD + text, rule="typo.realword").get(word) == (meant,)


@pytest.mark.parametrize("text", [
    "Hôm qua anh Hải Phong đã về quê ăn Tết.",  # a man's given names
    "Cửa hàng đông khách từ sáng. Ảnh: Thái Nguyễn",  # a person signing, surname last
    "Phát biểu tại Nhà Trắng, ông cho biết như vậy.",  # not Nha Trang: a mark differs too
    "Mưa lớn gây sạt lở ở huyện Quang Bình.",  # a district's own name (Hà Giang)
    "Tỉnh Thanh Hoá và tỉnh Nghệ An ký kết hợp tác.",  # the other tone-mark placement
])
def test_names_that_only_look_like_a_province_with_a_slip(text):
    assert typos(LEAD + text, rule="typo.realword") == []


def test_tone_placement_alone_is_not_a_name_variant():
    text = LEAD + "Tỉnh Thanh Hóa và tỉnh Thanh Hoá cùng tham gia; đoàn Thanh Hóa đến sớm hơn."
    assert typos(text, rule="typo.name_variant") == []


def test_modern_house_style_spells_suggestions_modern():
    ctx = Context(style=HouseStyle(tone_marks="modern"))
    text = LEAD + "Ông Lê Văn Hòa chủ trì. Ông Lê Văn Hòa phát biểu. Cuối buổi, ông Lê Văn Hoa cảm ơn."
    found = typos(text, ctx, rule="typo.name_variant")
    assert [(f.text, f.suggestions) for f in found] == [("Hoa", ("Hoà",))]


def test_rules_switch_off_in_house_style():
    text = LEAD + "Các doanh nghiệp nâng cao chất lượng và hiệu quả sản xuấtl trong năm nay."
    ctx = Context(style=HouseStyle(rules={"typo.nonword": False}))
    assert typos(text, ctx) == []


def test_offsets_refer_to_the_original_text():
    text = "\ufeff" * 0 + LEAD.replace(" ", "\r\n", 1) + "Hiệu quả sản xua\u0302\u0301tl trong năm nay của tỉnh nhà."
    found = [f for f in typos(text) if f.rule == "typo.nonword"]
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == found[0].text
    assert found[0].line == 2


def test_boilerplate_lines_are_not_checked():
    text = LEAD + "\n\nTrang chủ | Tin tức | Liên hệ | xuấtl\n"
    assert [f for f in typos(text) if f.text == "xuấtl"] == []


# --- properties ------------------------------------------------------------------------------

VIET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                            "ùúủũụừứửữựỳýỷỹỵ AĐQ.,;:-/\n\r\t0123456789\u00a0\u200b\u0301\u0323"))


@settings(max_examples=150, deadline=None)
@given(st.text(VIET, max_size=200) | st.text(max_size=120))
def test_random_text_never_raises_and_findings_stay_in_bounds(text):
    for f in check_text(text, Context(custom_words=frozenset({"abc"})), rules=["typo"]):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.category == "typo"
        assert all(isinstance(s, str) for s in f.suggestions)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["và", "các", "của", "trong", "hoà", "thuỷ", "chuyên", "giao", "vẫn", "đề",
                                 "Nguyễn", "Văn", "xuấtl", "hơn", "2022", "KH&CN", ",", "."]), max_size=40))
def test_word_salad_never_raises(words):
    text = " ".join(words)
    for f in check_text(text, Context(), rules=["typo"]):
        assert text[f.start:f.end] == f.text


def test_photo_captions_are_spell_checked_too():
    text = ("Sở Khoa học và Công nghệ tỉnh đã tổ chức hội thảo về đổi mới sáng tạo cho các doanh nghiệp "
            "trong tỉnh.\n\nDescription: C:\\Users\\PV\\Desktop\\IMG_4774.JPG\n\n"
            "Giám đốc Sở chao bằng khen cho các doanh nghiệp\n\nHội thảo diễn ra trong một ngày.")
    doc = Document.from_text(text, "body")
    assert doc.line_kinds[4] == "caption"
    found = [(f.text, f.suggestions[0]) for f in check_text(text, Context(), rules=["typo"])]
    assert found == [("chao", "trao")]


def test_seed_slips_found_with_the_intended_word_first(seed_paths):
    expected = {("000", "trọng trọng", "trọng"), ("000", "hơn hơn", "hơn"), ("000", "cấp", "cập"),
                ("001", "xuấtl", "xuất"), ("001", "chuyên", "chuyển"), ("001", "vẫn", "vấn"),
                ("001", "để", "đề"), ("001", "chao", "trao"), ("003", "trọng", "trong")}
    got = set()
    for path in seed_paths:
        for f in check_text(path.read_text(encoding="utf-8"), Context(), rules=["typo"]):
            if f.severity != "info":
                got.add((path.name[:3], f.text, f.suggestions[0]))
    assert got == expected


def test_a_checker_with_its_own_lexicon_keeps_it_to_itself():
    """A benchmark's word data (benchmarks/typo_eval.py --split dev) is one Checker's: checks with
    the committed data, before and after, never see it, nor it their memo tables."""
    from bientap.checks.engine import Checker
    from bientap.checks.lexicon import DATA, Lexicon, read_text

    text = "Chúng tôi đã làm được việc này rồi."
    assert check_text(text, Context(), rules=["typo"]) == []
    data = read_text(DATA.read_text(encoding="utf-8"))
    data["syllables"] = [s for s in data["syllables"] if s != "được"]
    own = Checker(lexicon=Lexicon(data)).context()
    assert [(f.rule, f.text) for f in check_text(text, own, rules=["typo"])] == [("typo.nonword", "được")]
    assert check_text(text, Context(), rules=["typo"]) == []


def test_a_prepared_checker_has_built_what_only_a_misspelling_would():
    """Checker.prepare (the desk's check process, before it is ready) checks a correct sentence and
    still leaves the typo rules' near-spelling index built, on the lexicon every checker shares."""
    from bientap.checks.engine import Checker
    from bientap.checks.lexicon import Lexicon, lexicon

    shared = lexicon()
    data = {"freq": shared.freq, "syllables": shared.syllables, "foreign": shared.foreign, "redup": shared.redup,
            "standalone": shared.standalone, "modern": shared.modern, "bigrams": {}, "compounds": ()}
    own = Lexicon(data)
    assert own.derived == {}
    Checker(lexicon=own).prepare("2026.")  # not a syllable to weigh: no rule needs a near spelling
    from bientap.checks.rules.typo import _delete_index

    index = own.derived.get(_delete_index)  # built by prepare, not by a misspelling
    assert index is not None and "tra" in index.get("tra", ())


@pytest.mark.parametrize("text, glued, fixed", [
    ("Tàu rời cảng lúc sáng sớm và cập bếnHải Phòng chiều nay.", "bếnHải", "bến Hải"),
    ("Đoàn công tác của tỉnhQuảng Trị đã về thăm.", "tỉnhQuảng", "tỉnh Quảng"),
    ("Mưa lớn ở huyện Kỳ SơnSạt lở nhiều nơi.", "SơnSạt", "Sơn Sạt"),
])
def test_words_glued_by_a_lost_space_are_split_where_the_case_changes(text, glued, fixed):
    found = [f for f in check_text(text, Context()) if f.rule == "typo.glued"]
    assert [(f.text, f.suggestions) for f in found] == [(glued, (fixed,))]


@pytest.mark.parametrize("text, glued, fixed", [
    ("Cố vấn Steve Bannonlà người có ảnh hưởng lớn.", "Bannonlà", "Bannon là"),  # a foreign name
    ("Hội nghị ở Seoulvà Busan thu hút nhiều khách.", "Seoulvà", "Seoul và"),
    ("Đoàn đến TP HCMđã làm việc với sở.", "HCMđã", "HCM đã"),  # an abbreviation
    ("Theo ông Lê Văn Khánhđã có nhiều đổi mới.", "Khánhđã", "Khánh đã"),  # a syllable
])
def test_a_name_glued_to_the_common_word_after_it(text, glued, fixed):
    found = [f for f in check_text(text, Context()) if f.rule == "typo.glued"]
    assert [(f.text, f.suggestions) for f in found] == [(glued, (fixed,))]


@pytest.mark.parametrize("text", [
    "Xe điện VinFast và điện thoại iPhone bán chạy.",  # brands: capitals inside, plain ASCII
    "Quân đội Moldova và Canada đã tập trận.",  # names ending in a syllable without marks
    "Tập đoàn PetroVietnam công bố kết quả.",
    "Anh vÀ em.",  # a slip of case, no piece of two letters before it
    "Xem thêm tại tinTuc.vn hôm nay.",  # part of an address
])
def test_brand_names_and_addresses_are_not_glued_words(text):
    assert [f for f in check_text(text, Context()) if f.rule == "typo.glued"] == []


def _iy(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(f.text, f.suggestions, f.severity) for f in check_text(text, Context()) if f.rule == "typo.iy"]


def test_one_word_spelt_with_i_and_with_y_in_one_article_is_a_warning():
    text = "Vì lí do gia đình, anh xin nghỉ việc. Lý do này được cơ quan chấp nhận."
    assert _iy(text) == [("lí", ("lý",), "warning")]


def test_a_spelling_edited_news_rarely_uses_there_is_information_only():
    assert _iy("Vì lí do gia đình, anh xin nghỉ việc.") == [("lí", ("lý",), "info")]


@pytest.mark.parametrize("text", [
    "Cả nhà ngồi xem ti vi sau bữa tối.",  # "ti vi" is how it is written
    "Bác sĩ khám cho bệnh nhân từ sáng.",
    "Tai và tay là hai tiếng khác nhau.",  # not one word spelt two ways
    "Quan hệ với Mỹ ảnh hưởng tới mĩ quan đô thị thì không.",  # the country's name is no spelling of mĩ
])
def test_settled_spellings_and_other_words_are_left_alone(text):
    assert [f for f in _iy(text) if f[2] == "warning"] == []


@pytest.mark.parametrize("text, word, fixed", [
    ("Phái đoàn Hoa Kì đến Hà Nội chiều qua.", "Kì", "Kỳ"),  # a country's name has one spelling
    ("Đoàn khách về thăm Qui Nhơn dịp cuối tuần.", "Qui", "Quy"),  # a city's, on its right side
    ("Hoa Kỳ ký thỏa thuận. Phía Hoa Kì cam kết. Hoa Kì sẽ thực hiện.", "Kì", "Kỳ"),  # mixed: each
])
def test_a_place_name_spelt_with_the_other_i_or_y_is_a_warning(text, word, fixed):
    found = _iy(text)
    assert found and all(f == (word, (fixed,), "warning") for f in found)


@pytest.mark.parametrize("text", [
    "Chị Lê Thị Mĩ vừa nhận giải thưởng.",  # a person's name: as its bearer spells it
    "Chị Mĩ Linh bán rau ở chợ Bến Thành.", "Cô giáo Kì Duyên dạy tiếng Anh.",  # only places are read
    "Ông Lí nói rằng sẽ đến.",  # a sentence's first capital names nothing
    "Khách sạn Phú Quí mở cửa. Ở Phú Quí có bể bơi.",  # a name the article keeps writing one way
])
def test_names_spelt_as_their_bearers_spell_them_are_left(text):
    assert [f for f in _iy(text) if f[2] == "warning"] == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcdefgh"), max_size=30), st.integers(min_value=1, max_value=5))
def test_cached_map_is_the_plain_map_even_when_its_cache_empties(items, limit):
    # The scan works each distinct run out once through a memo that empties itself when it grows
    # past its limit: the result is still work(item) for every item, in order.
    from bientap.checks.rules.typo import _cached_map

    cache: dict = {}

    def work(item):
        if len(cache) >= limit:
            cache.clear()
        cache[item] = item.upper()
        return cache[item]

    assert _cached_map(cache, work, items) == [i.upper() for i in items]


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="achnogtrưởôaáàảãạiyuđe", min_size=1, max_size=6))
def test_near_syllables_are_those_one_edit_away_by_a_plain_search(word):
    # The deletion index finds the known syllables one edit from a word (in either tone placement),
    # plus its letters with any tone and onsets dialects merge: what a search of every known
    # syllable finds.
    from bientap.checks.lexicon import lexicon
    from bientap.checks.rules.typo import _merger_swaps, _near_syllables, _one_edit

    lex = lexicon()
    plain_word, _ = strip_tone(word)
    toned = {place_tone(letters, t) for letters in [plain_word, *_merger_swaps(plain_word)] for t in range(6)}
    expected = {k for k in lex.syllables
                if _one_edit(word, k) or _one_edit(word, lex.modern.get(k, k)) or k in toned} - {word}
    assert set(_near_syllables(word, lex)) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Hội", "thảo", "chuyển", "giao", "UBND", "Hà", "Nội", "và", ".", ",", "\n",
                                 "2021", "-", "Lan", "xuấtl", "\u00a0"]), max_size=25),
       st.sampled_from([frozenset(), frozenset({"thảo"}), frozenset({"hà"})]))
def test_ordinary_at_one_run_is_ordinary_of_the_whole_scan(words, custom):
    from bientap.checks.engine import Checker
    from bientap.checks.rules.typo import Scan, TypoTables

    tables = Checker.for_context(Context()).tables(TypoTables)
    sc = Scan(" ".join(words), tables)
    assert [sc.ordinary_at(i, custom) for i in range(len(sc))] == sc.ordinary(custom)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), max_size=60), st.integers(min_value=0, max_value=4))
def test_positions_are_the_plain_search_in_a_list_and_in_bytes(items, value):
    from bientap.checks.rules.typo import positions

    plain = [i for i, x in enumerate(items) if x == value]
    assert positions(items, value) == plain
    assert positions(bytes(items), value) == plain


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Hội", "thảo", "Phó", "Chủ", "tịch", "UBND", "Hà", "Nội", "và", ".", ",", "\n",
                                 "2021", "Lan", "\u00a0", "  "]), max_size=25))
def test_capitals_before_words_are_those_a_plain_walk_finds(words):
    from bientap.checks.engine import Checker
    from bientap.checks.rules.typo import CAP, LOW, Scan, TypoTables

    sc = Scan(" ".join(words), Checker.for_context(Context()).tables(TypoTables))
    kind, linked, n = sc.kind, sc.linked, len(sc)
    assert sc.capitals() == [i for i in range(n - 1) if kind[i] == CAP and kind[i + 1] == LOW and linked[i + 1]]


def test_a_checker_weighs_contexts_with_the_counts_it_was_given():
    """The news counts belong to the Checker, as the lexicon does: one built with counts of its own
    (here an empty model) hands those to the typo rules, which then judge by the lexicon alone."""
    import struct

    from bientap.checks.engine import Checker
    from bientap.checks.ngrams import Ngrams, ngrams

    text = "Đơn vị đã chao giải thưởng cho các em học sinh."
    committed = Checker()
    assert committed.counts is ngrams()
    found = committed.check_text(text, committed.context(), rules=["typo.realword"])
    assert [(f.text, f.suggestions[0]) for f in found] == [("chao", "trao")]
    empty = Ngrams(b"VNG1" + struct.pack("<5I", 0, 1, 0, 0, 1) + struct.pack("<I", 0))
    alone = Checker(counts=empty)
    assert alone.counts is empty
    from bientap.checks.rules.typo import TypoTables

    assert alone.tables(TypoTables).counts is empty and committed.tables(TypoTables).counts is ngrams()
    assert [f.text for f in alone.check_text(text, alone.context(), rules=["typo.realword"])] == ["chao"]
    assert alone.check_text("Ông ấy bị ốm nặng.", alone.context(), rules=["typo.realword"]) == []


@pytest.mark.parametrize("opening", ["“Anh nói.” ", "(Dân trí) - ", " ", "- ", "12 ", "“A” "])
def test_a_finding_spans_its_word_whatever_opens_the_text(opening):
    # A text that opens with a quote, a bracket, a number or a space: every typo finding still
    # covers the word it names (the desk replaces exactly that span when a suggestion is taken).
    text = opening + "Ông còn chỉ con học bài, rồi nói chuyên giao công nghệ với đươc mọi người."
    found = {f.text: f for f in check_text(text, Context(), rules=["typo"])}
    assert {"chuyên", "đươc"} <= set(found)
    for word, f in found.items():
        assert text[f.start:f.end] == word and not word.startswith(" ")


@settings(max_examples=200, deadline=None)
@given(st.text(VIET, max_size=120), st.lists(st.integers(0, 60), max_size=12))
def test_scan_spans_are_the_plain_walk_in_any_order(text, asked):
    from bientap.checks.engine import Checker
    from bientap.checks.rules.typo import Scan, TypoTables

    sc = Scan(text, Checker.for_context(Context()).tables(TypoTables))
    plain, at = [], 0
    for k, run in enumerate(sc.raw):
        at += len(sc.seps[k])
        plain.append((at, at + len(run)))
        at += len(run)
    for i in [i % len(sc.raw) for i in asked] if sc.raw else []:
        assert sc.span(i) == plain[i]
    assert [sc.span(i) for i in range(len(sc.raw))] == plain


@pytest.mark.parametrize("opening", ["", "\ufeff", "\u200b", "\u200f", "“", "12 ", "Mưa.\u200b "])
def test_a_capital_opening_the_text_or_a_sentence_is_read_as_a_sentence_start(opening):
    # Invisible characters scraped text carries (BOM, zero-width space, direction marks) hide no
    # sentence start: "Đươc biết" there is a slip, not a name.
    found = {f.text: f.suggestions for f in check_text(opening + "Đươc biết, ông đã về.", Context(), rules=["typo"])}
    assert "Được" in found.get("Đươc", ())


def test_review_findings_of_the_twelfth_session():
    from bientap.checks.engine import check_text as check
    # the VNI digit is inside the finding it is named in
    f = [f for f in check("Họ về nha2 mới ở quê.", Context()) if f.rule == "typo.nonword"]
    assert [(f.text, f.suggestions) for f in f] == [("nha2", ("nhà",))]
    # a sapo checked with no headline in the context
    assert check("Trận Stalingrad và Stalingrrad, Stalingrad.", Context(title=None), field="sapo") is not None
    # a capitalised kinship word before a given name; a name the article writes again
    for text in ["Ông Quang Nam cho biết sẽ đi.", "Anh Vinh Phúc nói vậy.",
                 "Tài tử Dustin Nguyen sinh ra tại Sài Gòn. Nguyen sinh năm 1962."]:
        assert [f for f in check(text, Context()) if f.category == "typo"] == [], text
