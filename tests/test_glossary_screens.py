"""The glossary and dictionary screens, opened from the command palette; asserts on the database."""

from __future__ import annotations

from _desk import make_app, settle
from bientap.store import glossary as store_glossary
from bientap.store.db import open_db


async def from_palette(app, pilot, words: str) -> None:
    await settle(app, pilot)
    await pilot.press("colon")
    await settle(app, pilot)
    await pilot.press(*words)
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)


def entries(db_path) -> dict:
    db = open_db(db_path)
    try:
        return {e.abbr: e for e in store_glossary.list_entries(db)}
    finally:
        db.close()


async def test_glossary_add_edit_remove(db_path, fresh_db):
    from bientap.tui.screens.glossary import EntryDialog, GlossaryScreen

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await from_palette(app, pilot, "bang viet tat")
        assert isinstance(app.screen, GlossaryScreen)
        screen = app.screen
        assert screen.table.row_count == len(entries(db_path)) > 0  # seeded with the defaults

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        await pilot.press(*"QQX", "enter")  # no expansion: refused at the dialog
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert "expansion" in str(app.screen.query_one("#entry-error").render())
        app.screen.query_one("#g-expansion").value = "quy [b]chuẩn[/b] X"
        app.screen.query_one("#g-variants").value = "QQ-X; Q.Q.X"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        added = entries(db_path)["QQX"]
        assert (added.expansion, added.variants, added.policy) == ("quy [b]chuẩn[/b] X", ("QQ-X", "Q.Q.X"),
                                                                   "define-first")
        assert screen.current_key() == "QQX"

        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#g-expansion").value = "quy chuẩn X"
        await pilot.press("enter")
        await settle(app, pilot)
        assert entries(db_path)["QQX"].expansion == "quy chuẩn X"

        await pilot.press("d", "n")  # asked, declined
        await settle(app, pilot)
        assert "QQX" in entries(db_path)
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert "QQX" not in entries(db_path)


async def test_dictionary_add_and_remove(db_path, fresh_db):
    from bientap.tui.screens.glossary import WordDialog, WordsScreen

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await from_palette(app, pilot, "tu dien toa soan")
        assert isinstance(app.screen, WordsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, WordDialog)
        await pilot.press(*"a b c d e f", "enter")  # not a word: refused
        await pilot.pause()
        assert isinstance(app.screen, WordDialog)
        app.screen.query_one("#w-word").value = "Zalopay"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WordsScreen) and app.screen.table.row_count == 1
        db = open_db(db_path)
        assert [r["word"] for r in store_glossary.list_words(db)] == ["Zalopay"]
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert store_glossary.list_words(db) == []
        db.close()
