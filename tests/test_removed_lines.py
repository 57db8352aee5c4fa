"""The removed-lines dialog (F3 in the editor) says why each line was set aside at import."""

from __future__ import annotations

import pytest

from bientap.store import articles
from bientap.store.importer import import_paths

P1 = ("Sáng nay, Ủy ban nhân dân tỉnh Nghệ An tổ chức hội nghị sơ kết công tác sáu tháng đầu năm, "
      "với sự tham dự của đại diện các sở, ngành và địa phương trong tỉnh.")
P2 = ("Theo báo cáo, tổng sản phẩm trên địa bàn tăng 7,2% so với cùng kỳ năm trước; thu ngân sách đạt "
      "hơn 9.000 tỷ đồng, bằng 56% dự toán năm. Nhiều công trình trọng điểm đã hoàn thành.")
PAGE = "\n".join([
    "Trang chủ", "Tin tức", "Kinh tế", "Xã hội", "",
    "Nghệ An sơ kết công tác sáu tháng đầu năm",
    "Thứ hai, 12/6/2023 - 08:00 | Xã hội", "", P1, "", P2, "",
    "Minh Anh -", "", "Từ khóa: Nghệ An, kinh tế, sơ kết", "© 2023 Báo Nghệ An",
])


@pytest.fixture
def imported(fresh_db, tmp_path) -> int:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    report = import_paths(fresh_db, [str(page)])
    art = articles.get(fresh_db, report.results[0].article_id)
    assert art.title == "Nghệ An sơ kết công tác sáu tháng đầu năm"
    assert art.byline == "Minh Anh" and art.published_at.startswith("2023-06-12T08:00")
    return art.id


async def removed_lines_shown(app, pilot, article_id: int) -> str:
    """Open the article in the desk, press F3, and return the dialog's lines as shown."""
    from bientap.tui.dialogs.removed_lines import RemovedLinesDialog
    from textual.widgets import OptionList

    await pilot.pause()
    await app.workers.wait_for_complete()
    app.open_article(article_id)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(app.screen, RemovedLinesDialog)
    options = app.screen.query_one(OptionList)
    return "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


@pytest.mark.parametrize("lang, words", [
    ("vi", ["dòng ngắn liền nhau", "vì: dòng ngày đăng: ngày giờ kèm tên chuyên mục",
            "tên người viết ngay sau đoạn cuối", "bản quyền"]),
    ("en", ["short lines in a row", "why: date line: date and time with a section name",
            "author's name right after the last paragraph", "copyright"]),
])
async def test_f3_lists_each_line_with_its_evidence(db_path, imported, lang, words):
    from bientap.tui.app import BientapApp

    app = BientapApp(db_path, lang=lang)
    async with app.run_test(size=(160, 40)) as pilot:
        shown = await removed_lines_shown(app, pilot, imported)
        for w in words:
            assert w in shown, (w, shown)
        assert "Minh Anh -" in shown and "Trang chủ" in shown


def test_keyword_line_becomes_tags_at_import(fresh_db, imported):
    art = articles.get(fresh_db, imported)
    assert art.tags == ["Nghệ An", "kinh tế", "sơ kết"]
    assert "Từ khóa" not in art.body


async def test_a_modern_house_reads_the_reasons_in_its_placement(db_path, imported):
    # The catalog writes "từ khóa"; a house with tone_marks = "modern" reads "từ khoá" in the reasons
    # as in the rest of the desk. The line itself is the article's text, shown as written.
    from bientap.store.config import default_style_path
    from bientap.tui.app import BientapApp

    default_style_path().parent.mkdir(parents=True, exist_ok=True)
    default_style_path().write_text('tone_marks = "modern"\n', encoding="utf-8")
    app = BientapApp(db_path, lang="vi")
    async with app.run_test(size=(160, 40)) as pilot:
        shown = await removed_lines_shown(app, pilot, imported)
        assert "dòng từ khoá" in shown and "dòng từ khóa" not in shown
        assert "Từ khóa: Nghệ An" in shown
