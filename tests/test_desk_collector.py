"""The desk's garbage collection (bientap.checks.collector): the heap frozen after the warm-up, the
collector paused while an article's editor is built, and both undone when the desk ends."""

from __future__ import annotations

import asyncio
import gc

from _desk import make_app, settle

from bientap.store import articles


async def _frozen(app, pilot) -> None:
    await settle(app, pilot)
    for _ in range(200):  # the warm-up thread freezes what it loaded
        if gc.get_freeze_count():
            return
        await asyncio.sleep(0.05)


async def test_the_desk_pauses_while_an_editor_opens_and_leaves_the_collector_as_it_found_it(db_path, seeded_db):
    ids = articles.all_ids(seeded_db)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    app = make_app(db_path)
    app.GC_PAUSE_SECONDS = 60  # longer than any opening on a loaded machine
    async with app.run_test(size=(120, 40)) as pilot:
        await _frozen(app, pilot)
        assert gc.get_freeze_count() > 0
        app.open_article(ids[0])
        await pilot.pause()
        assert not gc.isenabled()  # paused while the editor is built and drawn
        await pilot.press("escape")
        app.open_article(ids[1])  # a second opening inside the pause: still one pause
        await pilot.pause()
        assert not gc.isenabled()
    # The desk ended inside a pause: the collector is on again, nothing left frozen.
    assert gc.isenabled() and gc.get_freeze_count() == 0

    app = make_app(db_path)
    app.GC_PAUSE_SECONDS = 0.2
    async with app.run_test(size=(120, 40)) as pilot:
        await _frozen(app, pilot)
        app.open_article(ids[2])
        await pilot.pause()
        for _ in range(100):  # the pause ends by itself
            if gc.isenabled():
                break
            await asyncio.sleep(0.05)
        assert gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
