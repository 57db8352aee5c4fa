"""The desk's garbage collection (bientap.checks.collector): the heap frozen after the warm-up, the
collector paused while an article's editor is built, and both undone when the desk ends."""

from __future__ import annotations

import asyncio
import gc

from _desk import make_app, open_editor, settle

from bientap.store import articles


async def test_the_desk_pauses_while_an_editor_opens_and_leaves_the_collector_as_it_found_it(db_path, seeded_db):
    ids = articles.all_ids(seeded_db)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for _ in range(100):  # the warm-up thread freezes what it loaded
            if gc.get_freeze_count():
                break
            await asyncio.sleep(0.05)
        assert gc.get_freeze_count() > 0
        await open_editor(app, pilot, ids[0])
        assert not gc.isenabled()  # paused while the editor is built and drawn
        await pilot.press("escape")
        app.open_article(ids[1])  # a second opening inside the pause: still one pause
        await pilot.pause()
        assert not gc.isenabled()
        await asyncio.sleep(app.GC_PAUSE_SECONDS + 0.3)
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press("escape")
        app.open_article(ids[2])
        await pilot.pause()
        assert not gc.isenabled()
    # The desk ended inside a pause: the collector is on again, nothing left frozen.
    assert gc.isenabled() and gc.get_freeze_count() == 0
