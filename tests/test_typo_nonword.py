"""typo.nonword: how suggestions are ranked, and the slips it reads that no syllable split shows."""

from __future__ import annotations

import pytest

from bientap.checks.engine import Context, check_text


def nonwords(text: str) -> dict[str, tuple[str, ...]]:
    return {f.text: f.suggestions for f in check_text(text, Context(), rules=["typo.nonword"])}


# --- ranking ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, first", [
    # No neighbour the counts read (a capital before it, a number after): the slip that only left out
    # the stroke of đ beats a commoner syllable that changes a letter.
    ("Ông là sĩ quan của Quân doàn 4.", "doàn", "đoàn"),
    # Dialect slips stay first, in context and out of it.
    ("Anh ấy giử được bình tĩnh.", "giử", "giữ"),
    ("Anh ấy giử.", "giử", "giữ"),
    ("Cần xữ lý ngay.", "xữ", "xử"),
])
def test_first_suggestion_weighs_the_kind_of_slip(text, word, first):
    assert nonwords(text)[word][0] == first


# --- typing-method residue -------------------------------------------------------------------

@pytest.mark.parametrize("word, meant", [
    ("vieetj", "việt"), ("ddaays", "đấy"), ("truwowngf", "trường"), ("nguwowif", "người"),
    # the tone key typed before the final letters, as Telex allows
    ("vieejt", "việt"), ("nguwowfi", "người"), ("truwowfng", "trường"),
])
def test_telex_left_unconverted_is_read_as_what_was_typed(word, meant):
    assert nonwords(f"Anh nói {word} rồi đi về nhà.")[word][0] == meant


def test_a_single_telex_keystroke_left_is_one_reading_among_the_near_spellings():
    # "cacs": one tone key left, and no syllable one edit away: before, nothing was said at all.
    assert nonwords("Sở đề nghị cacs phòng ban phối hợp.")["cacs"][0] == "các"


def test_one_letter_too_many_is_not_read_as_telex():
    # "xee" is as often "xe" with a key held down as Telex "xê": the near spellings rank it.
    assert nonwords("Họ hạ khá nhiều xee tăng của địch.")["xee"][0] == "xe"


@pytest.mark.parametrize("text, word, meant", [
    ("Hocj sinh đến trường rất đông.", "Hocj", "Học"),
    ("Mưa to. Nhaf văn hóa xã bị dột.", "Nhaf", "Nhà"),
    ("Vhai trò của đội tuyển rất lớn.", "Vhai", "Vai"),  # a keystroke slipped
    ("Trocg khi đó, đội bạn đã về nước.", "Trocg", "Trong"),
    ("Ktheo bà Thu, chợ hoa năm nay đông hơn.", "Ktheo", "Theo"),  # no word, but its usual left partner
])
def test_a_slip_in_a_plain_capital_opening_a_sentence_is_no_name(text, word, meant):
    assert nonwords(text)[word][0] == meant


@pytest.mark.parametrize("text, word, meant", [
    ("Hồ sơ phải nộp truoc ngày 15 hằng tháng.", "truoc", "trước"),  # every mark left out
    ("Hàng nghìn nguoi dân xếp hàng từ sáng.", "nguoi", "người"),  # the context chooses: not "nguội"
    ("Gió lớn làm đổ bức tuong rào.", "tuong", "tường"),  # five syllables spelt so: the context chooses
    ("Các em mơ về tuong lai tươi sáng.", "tuong", "tương"),
    ("Ông được phong quân hàm thiếu tuong năm ngoái.", "tuong", "tướng"),
    ("Nguoi dân xã ven biển đã về nhà.", "Nguoi", "Người"),  # a capital opening a sentence
    ("Vieejt Nam xuất khẩu gạo sang nhiều nước.", "Vieejt", "Việt"),  # two keystrokes, before a capital
])
def test_a_common_word_typed_without_its_marks_is_read(text, word, meant):
    assert nonwords(text)[word][0] == meant


@pytest.mark.parametrize("text, word, meant", [
    ("Các đội du kich Kuban đã giải phóng thành phố.", "kich", "kích"),  # a foreign name after it
    ("Trùm phát xit Hitler bị truy nã.", "xit", "xít"),
    ("Na9m 2000, hãng mua thêm 12 máy bay.", "Na9m", "Năm"),  # VNI in a capital opening a sentence
    ("Đoàn khách từ Ttây Ban Nha đến thăm.", "Ttây", "Tây"),  # a letter typed twice in a capital
    ("Bộ phim Hòang hậu cuối cùng ra rạp hôm qua.", "Hòang", "Hoàng"),  # the tone on the wrong vowel
    ("Đoàn đã đến thăm ông Nguyễn Văn Tòan ở xã.", "Tòan", "Toàn"),  # at the end of a name too
    ("Bài thơ của Quýênh được in lại.", None, None),  # two marks on it: no syllable, left alone
    ("Chiều qua, đại biểu tới thăm Duơng Văn Minh tại nhà riêng.", "Duơng", "Dương"),  # a surname before a name
])
def test_slips_beside_names_and_in_capitals(text, word, meant):
    if word is None:
        assert nonwords(text) == {}
    else:
        assert nonwords(text)[word][0] == meant


@pytest.mark.parametrize("text", ["Các đội bóng Málaga và Atlético gặp nhau.", "Nhà văn Émile Zola sống ở Paris.",
                                  "Thủ đô Bogotá và Brasília đón khách."])
def test_foreign_accents_are_no_misplaced_tone(text):
    assert nonwords(text) == {}


@pytest.mark.parametrize("text, word, meant", [
    ("Trang Facbeook của hãng vừa đăng thông báo mới.", "Facbeook", "Facebook"),
    ("Hãng Volskwagen mở thêm một nhà máy ở châu Âu.", "Volskwagen", "Volkswagen"),
    ("Anh ấy từng chơi cho đội bóng Leciester nhiều năm.", "Leciester", "Leicester"),
    ("Anh ấy từng chơi cho đội bóng Livrepool nhiều năm.", "Livrepool", "Liverpool"),  # "re" not at the end
])
def test_a_foreign_word_with_two_letters_swapped(text, word, meant):
    assert nonwords(text)[word] == (meant,)


@pytest.mark.parametrize("text", [
    "Cửa hàng chạy trên nền tảng Magento.",  # names English text knows
    "Nhạc trưởng Arthur Fiedler chỉ huy dàn nhạc.", "Ca sĩ Kirstin Maldonado biểu diễn.",
    "Ông Rolando và bà Cristian đã đến dự.",  # first two or last two letters: names of one family
    "Khoảng cách tính bằng millimetres.",  # British -re
    "Tàu Arleigh Burke cập cảng. Lớp Arleigh có nhiều chiếc.",  # a name the article keeps writing
    "Mẫu xe Potro mới ra mắt.",  # short: Potro and Porto are both names
])
def test_a_name_or_spelling_a_swap_away_from_a_word_stays(text):
    assert nonwords(text) == {}


@pytest.mark.parametrize("text", ["Những kilômét cuối cùng là khó nhất.", "Tấm lợp chứa amiăng bị cấm dùng.",
                                  "Khí điôxít cacbon tăng nhanh.", "Giá palađi giảm nhẹ.",
                                  # syllable by syllable, clusters of the source language and all
                                  "Thịt cá giàu prôtêin và chất béo.", "Mỗi mạch gồm nhiều nuclêôtit nối nhau.",
                                  "Liên kết hiđrô giữ hai mạch lại.", "Tính theo thang lôgarit.",
                                  # a suggestion a keystroke away: read once, the article's term when repeated
                                  "Máu mang ôxy đi nuôi cơ thể. Thiếu ôxy, tế bào chết.",
                                  "Đèn dùng điốt phát quang. Mỗi điốt sáng một màu."])
def test_a_loanword_spelt_the_vietnamese_way_without_its_hyphens_stays(text):
    assert nonwords(text) == {}


def test_a_joined_loanword_with_two_tones_is_still_read():
    # "kílômét": a loanword keeps a tone for its last syllable only; this is a slip of "kilômét".
    assert "kílômét" in nonwords("Đoàn quân đi gần 200 kílômét trong hai ngày.")


@pytest.mark.parametrize("text", ["Máy được trang bị chip Snapdragon 625.", "Pacta sunt servanda là nguyên tắc."])
def test_a_loanword_or_a_foreign_phrase_beside_a_name_stays(text):
    assert nonwords(text) == {}


@pytest.mark.parametrize("text", ["Max cho biết anh sẽ trở lại.", "Hans nói rằng trời đẹp.", "Moon cho biết ông sẽ đến.",
                                  "Boro vẫn đứng cuối bảng.",
                                  "Lahm cũng đã nói lời chia tay.", "Gita có mặt từ sớm."])
def test_a_foreign_name_opening_a_sentence_is_no_slip(text):
    # Read as Telex or a keystroke away they spell syllables ("mã", "hán", "môn", "lam", "gia"), but
    # none makes a dictionary word with the next.
    assert nonwords(text) == {}


@pytest.mark.parametrize("word, meant", [("vie65t", "việt"), ("na9m", "năm"), ("tie61ng", "tiếng")])
def test_vni_digits_inside_a_word_are_read(word, meant):
    assert nonwords(f"Từ {word} đó mọi người đều biết.")[word][0] == meant


@pytest.mark.parametrize("text, word, meant", [
    ("Họ vừa chuyển về nha2 mới ở ngoại thành.", "nha2", "nhà"),  # the finding covers the digit
    ("Các em hoc5 rất chăm.", "hoc5", "học"),
    ("Gia1 thuê mặt bằng giảm mạnh.", "Gia1", "Giá"),  # a capital opening a sentence
])
def test_one_vni_tone_digit_left_after_a_word_is_read(text, word, meant):
    assert nonwords(text)[word][0] == meant


@pytest.mark.parametrize("text", [
    "Máy bay A340 và H5N1, Mi8, F5E, B-2, COVID-19, mạng 4G.",
    "Trực thăng mi8 rơi, chủng h5n1 lây, chiếc a340 hạ cánh, mẫu xe4 chỗ.",
    "Đội U23 và Cup1 gặp nhau; tài khoản abc1 bị khóa, mã ba3 hết hạn.",
    "Mã h5n1, mi8, f5e, a320neo, m4a, mp3 và ipv6.",
    "Gửi về nam9x@gmail.com hoặc xem http://tin.vn/na9m.html và tin.vn/vie65t.",
    "Số hiệu ka52 và su30mk2 ở vie65t-2.",
])
def test_codes_with_digits_are_no_vni_residue(text):
    assert nonwords(text) == {}


# --- capitalised non-words inside a sentence -------------------------------------------------

@pytest.mark.parametrize("text, word, meant", [
    # Two letters swapped, and the syllable makes a word or a phrase with a neighbour.
    ("Tuy nhiên, Tổgn thống Mỹ nói sẽ đến.", "Tổgn", "Tổng"),
    ("Các nước khu vực Chuâ Á tham dự hội nghị.", "Chuâ", "Châu"),
    # A tone or a vowel mark slipped, and the syllable makes a dictionary word with a neighbour.
    ("Quân đội Đức Quóc xã rút lui.", "Quóc", "Quốc"),
])
def test_capitalised_slip_inside_a_sentence(text, word, meant):
    assert nonwords(text)[word][0] == meant


@pytest.mark.parametrize("text", [
    "Ông Lênin từng sống ở Mátxcơva và Ácmêni.",
    "Ông về Hồng Kông hôm qua.",  # a letter changed ("Công", "Tông") is no evidence against a name
    "Bà Kông đã về nhà.",
])
def test_capitalised_names_are_left_alone(text):
    assert nonwords(text) == {}


# --- a word cut to its consonants ----------------------------------------------------------------

@pytest.mark.parametrize("text, word, meant", [
    ("Tôi đã nói ch anh ấy biết rồi.", "ch", "cho"),
    ("Ông bà có ba người cn đều đã lập gia đình.", "cn", "con"),
    ("Phòng đã đăng thông tn về lịch tiêm trên bảng tin của xã.", "tn", "tin"),
    ("Nghe tin, anh chạy về nhà ngay lập tc. Mọi người đã đợi sẵn.", "tc", "tức"),
])
def test_consonants_alone_between_syllables_are_a_word_cut_short(text, word, meant):
    assert meant in nonwords(text)[word]


@pytest.mark.parametrize("end", ["", "\nMọi người chờ.", "... Mọi người chờ.", "…", ".” Rồi đi.", ", rồi đi."])
def test_consonants_cut_short_before_any_end_of_a_clause(end):
    assert "tức" in nonwords("Anh nói sẽ về nhà ngay lập tc" + end)["tc"]


@pytest.mark.parametrize("text", [
    "Ông phải đi bộ vài km mới tới được nơi làm việc.",
    "Giá một kg thịt lợn hơi tăng mạnh trong tuần qua.",
    "Bị cáo bị xử theo điểm c khoản 1 Điều 6 của luật.",
    "Trận đấu Việt Nam vs Thái Lan diễn ra tối nay.",
    "Tài liệu tham khảo: tr 15, nxb Giáo dục.",
    "Thông tin chi tiết xem tại địa chỉ http://chinhphu.vn hoặc tại www.facebook.com của bộ.",
    "Cam sành đã lên 40.000 đồng mỗi kg. Chợ huyện cũng vậy.",
    # lower-case abbreviations: no word they could be cut from fits both neighbours
    "Nhà ở tp Huế rất đẹp.", "Em là sv năm hai.", "Cháu xem tv cả ngày.", "Theo pv ghi nhận, trời mưa.",
    "Họ họp lúc tám giờ pm. Sau đó về.", "Liên hệ qua đt: 0912345678.", "Mua cá vv. Người bán vui.",
])
def test_units_vs_letters_and_abbreviations_beside_numbers_stay(text):
    assert nonwords(text) == {}


@pytest.mark.parametrize("text", [
    "Chiếc xe có momen xoắn lớn hơn đời trước.",
    "Trẻ con chơi trên sân patin cạnh nhà văn hóa.",
    "Rau được gói trong túi nilon trước khi bán.",
])
def test_a_plain_ascii_loanword_is_not_two_syllables_run_together(text):
    assert nonwords(text) == {}


def test_two_syllables_run_together_are_still_split():
    assert "sản xuất" in nonwords("Nhà máy tăng sảnxuất trong tháng này.")["sảnxuất"]
    assert "cho ba" in nonwords("Anh đưa choba cái bánh.")["choba"]


def test_a_plain_ascii_word_the_article_writes_twice_is_a_term():
    # A loanword an article is about recurs; a slip is seldom typed twice the same way.
    assert nonwords("Hãng ra mắt dòng chip mới. Con Chip này chạy nhanh hơn đời trước.") == {}
    assert "chip" in nonwords("Hãng ra mắt dòng chip mới trong tháng này.")
    # marked slips are read however often they recur
    assert "được" in nonwords("Anh đươc khen. Chị cũng đươc thưởng.")["đươc"]


@pytest.mark.parametrize("text, word, meant", [
    ("Toi biet roi. Anh biet khong?", "biet", "biết"),  # a common word typed without its marks
    ("Anh ấy vieetj bài. Tôi cũng vieetj bài.", "vieetj", "việt"),  # Telex residue
    ("Xem tại trang tin.vn/chip-moi nhé, dòng chip mới.", "chip", None),  # the address is no use of it
])
def test_what_a_writer_repeats_by_habit_or_in_an_address_is_still_read(text, word, meant):
    found = nonwords(text)
    assert word in found and (meant is None or meant in found[word])


def test_a_southern_spoken_pronoun_is_no_non_word():
    assert nonwords("Hôm qua ẻm nói là ẻm thích học vẽ.") == {}


# --- a vowel alone -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, first", [
    ("Quân đội đóng ỏ các khu vực phòng thủ.", "ỏ", "ở"),
    ("Các chú tiểu làm ễ xuống tóc.", "ễ", "lễ"),
    ("Dọc sông, ỏ các bến đò, người dân đã chằng buộc thuyền.", "ỏ", "ở"),
])
def test_a_vowel_alone_with_a_tone_no_syllable_has_is_a_slip(text, word, first):
    assert nonwords(text)[word][0] == first


@pytest.mark.parametrize("text", [
    "Theo điểm đ khoản 1 Điều 5, mức phạt tăng.",  # a list's item
    "Bé đã đọc được chữ ă và chữ â.",  # letters named, no tone
    "Hàm f(x) đạt cực đại tại x = 2.",
])
def test_a_letter_alone_without_a_tone_is_left_alone(text):
    assert nonwords(text) == {}


@pytest.mark.parametrize("text, word", [
    ("Anh ta là nguời tốt.", "nguời"),  # two vowels of one rhyme: a syllable misspelt, not pieces
    ("Chiếc khay hình vưông nằm trên bàn.", "vưông"),
    ("Tôi khôong biết chuyện đó.", "khôong"),  # a vowel typed twice
    ("Chủ yếu do cáccông ty nước ngoài nắm giữ.", "cáccông"),  # two words news writes together
    ("Đoạn đường dài gần 200 kílômét.", "kílômét"),  # tones on two pieces
    ("Học sinh trườg này rất chăm. Năm nay trườg có thêm hai lớp.", "trườg"),  # twice, still a letter lost
    ("Việc chuyểnn đổi số gặp khó. Dự án chuyểnn đổi số chậm.", "chuyểnn"),
])
def test_slips_that_look_like_loanword_pieces_are_still_read(text, word):
    assert word in nonwords(text)


def test_a_marked_word_the_article_keeps_using_is_its_term():
    # Once it is read (a suggestion is a keystroke away); three times in one text, it is the subject.
    assert "axít" in nonwords("Dung dịch axít ăn mòn kim loại.")
    text = "Dung dịch axít ăn mòn kim loại. Các axít mạnh rất nguy hiểm. Cần pha loãng axít trước khi dùng."
    assert "axít" not in nonwords(text)
    # a writer's habit is no term: the same mark left out three times is still three slips
    assert nonwords("Nguời dân đến. Nguời già ở nhà. Có nguời hỏi.") != {}


@pytest.mark.parametrize("text", ["Diện tích khoảng 1.553 km² với nhiều đảo.", "Hồ chứa 9,45 tỷ m³ nước.",
                                  "Lượng CO₂ và H₂O tăng lên.", "Căn phòng rộng 25 m² ở tầng hai."])
def test_superscript_and_subscript_digits_are_no_letters(text):
    assert nonwords(text) == {}


# A well-known foreign name one letter off inside it (fourteenth session).
@pytest.mark.parametrize("text, word, meant", [
    ("Đội tuyển Mlaysia thắng đậm ở trận ra quân.", "Mlaysia", "Malaysia"),
    ("Trận chung kết Europa League diễn ra ở Stockhom.", "Stockhom", "Stockholm"),
    ("Nhà máy của Samsumg tại Bắc Ninh mở rộng sản xuất.", "Samsumg", "Samsung"),
    ("Huấn luyện viên Pep Guardiolla hài lòng với học trò.", "Guardiolla", "Guardiola"),
])
def test_a_well_known_name_one_letter_off(text, word, meant):
    assert nonwords(text)[word] == (meant,)


@pytest.mark.parametrize("text, word", [
    ("Cầu thủ Jemerson chơi tốt ở hàng thủ.", "Jemerson"),  # the first letter differs: names of their own
    ("Tiến sĩ Jonathan Cristol nhận định.", "Cristol"),
    ("Nhà văn Hemmingway được nhắc tới.", "Hemmingway"),  # a spelling English text writes
    ("Tay vợt Novak Djokovich vô địch.", "Djokovich"),  # the last letter: "-ich" and "-ic" are both written
    ("Hãng Nvida ra mắt chip mới.", "Nvida"),  # short
    ("Đội Mlaysia thắng. Báo in Mlaysia hai lần.", "Mlaysia"),  # written twice: the text's own
    ("Các tay đua cùng lên đỉnh Plateau de Beille.", "Beille"),  # a French name, its small word inside
])
def test_a_name_near_a_well_known_one_stays(text, word):
    assert word not in nonwords(text)


@pytest.mark.parametrize("text, word", [
    # helper-62's review: real names and Vietnamese spellings of foreign names and terms
    ("Cầu thủ Rodrygo ghi bàn cho Real Madrid.", "Rodrygo"),  # i/y
    ("Ông Mustapa Mohamed phát biểu.", "Mustapa"),  # p/f
    ("Đội tuyển Braxin thắng đậm.", "Braxin"),  # x for s, no "h"
    ("Đội tuyển Grudia thua sát nút.", "Grudia"),  # d for z
    ("Thủ đô Lixbon đón khách.", "Lixbon"),
    ("Đội Urugoay hòa đối thủ.", "Urugoay"),
    ("Etanol là chất lỏng dễ cháy.", "Etanol"),  # a sentence's capital
])
def test_a_vietnamese_spelling_of_a_name_is_no_slip_of_it(text, word):
    assert word not in nonwords(text)


def test_the_names_rules_speed_tricks_give_what_the_plain_work_gives():
    """TypoTables.names_near remembers _names_near; Scan.written counts what a plain count does."""
    from bientap.checks.engine import Checker
    from bientap.checks.rules.typo import Scan, TypoTables, _names_near

    tables = Checker.for_context(Context()).tables(TypoTables)
    for low in ("mlaysia", "stockhom", "jemerson", "samsumg"):
        plain = _names_near(low, tables.lex.foreign)
        assert tables.names_near(low) == plain and tables.names_near(low) == plain  # computed, then remembered
    sc = Scan("Mlaysia thắng MLAYSIA, mlaysia và Malaysia; Mlaysia-2 là mã.", tables)
    assert sc.written("Mlaysia") == sum(r in ("Mlaysia", "MLAYSIA", "mlaysia") for r in sc.raw)
