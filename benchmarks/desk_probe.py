"""Open the desk headless on a database and time it from the inside; prints one JSON line.

Used by benchmarks/run.py (one fresh process per run). The hook lives here, not in the product:
`App._display` is wrapped to timestamp each screen update, and keys are sent the way the terminal
driver sends them, so a latency is key event posted → next screen update, with rendering included.

    python benchmarks/desk_probe.py ARCHIVE.db [START_EPOCH]
"""

from __future__ import annotations

import time

STARTED = time.time()

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


from textual import events  # noqa: E402

from bientap.tui.app import BientapApp  # noqa: E402
from bientap.tui.widgets.article_list import ArticleList  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def probe(db: Path, started: float) -> dict:
    app = BientapApp(db)
    updates: list[float] = []
    signal = asyncio.Event()
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None:
            updates.append(time.perf_counter())
            signal.set()

    app._display = display
    result: dict = {}
    async with app.run_test(size=(140, 45)) as pilot:
        first_paint = rows = None
        while rows is None:
            signal.clear()
            await asyncio.wait_for(signal.wait(), 30)
            now = time.perf_counter()
            if first_paint is None:
                first_paint = now
            lists = app.screen.query(ArticleList)
            if lists and lists.first().total > 0:
                rows = now
        # Both relative to the moment the parent launched this process (interpreter start included).
        result["rows_s"] = time.time() - started
        result["first_paint_s"] = result["rows_s"] - (rows - first_paint)
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        article_list.focus()
        await pilot.pause()
        key_ms = []
        for key in ["down"] * 40 + ["pagedown"] * 15 + ["up"] * 20:
            await pilot.pause()
            signal.clear()
            sent = time.perf_counter()
            event = events.Key(key, None)
            event.set_sender(app)
            app._driver.send_message(event)
            await asyncio.wait_for(signal.wait(), 5)
            key_ms.append((updates[-1] - sent) * 1000)
        result["key_ms"] = key_ms
        result["rss_mb"] = rss_mb()
        # Open the article under the cursor; it is open when the first screen update after the
        # editor showed its findings (bientap.tui.widgets.editor.body.Findings.show, wrapped here) has been drawn.
        from bientap.tui.widgets.editor.body import Findings

        shown: list[float] = []
        show_findings = Findings.show

        def timed_show(part, fields, findings):
            show_findings(part, fields, findings)
            shown.append(time.perf_counter())

        Findings.show = timed_show
        # The row is a 5 KB article: the first one of about that size (sapo and body).
        size = "length(CAST(coalesce(sapo, '') || body AS BLOB))"
        row = app.db.execute(f"SELECT id, {size} FROM articles WHERE {size} BETWEEN 4800 AND 5600 LIMIT 1").fetchone()
        article_id, result["open_bytes"] = row if row else (article_list.current_id, 0)
        signal.clear()
        sent = time.perf_counter()
        app.open_article(article_id)
        deadline = sent + 10
        while time.perf_counter() < deadline:
            signal.clear()
            if shown and updates[-1] > shown[0]:
                break
            try:
                await asyncio.wait_for(signal.wait(), 1)
            except asyncio.TimeoutError:
                pass
        drawn = [t for t in updates if shown and t > shown[0]]
        if drawn:
            result["open_ms"] = (drawn[0] - sent) * 1000
    return result


def main() -> None:
    db = Path(sys.argv[1])
    started = float(sys.argv[2]) if len(sys.argv) > 2 else STARTED
    print(json.dumps(asyncio.run(probe(db, started))))


if __name__ == "__main__":
    main()
