"""The cyclic garbage collector: every place bientap turns it off and on or freezes objects.

Nothing else in bientap touches `gc`. Three measured effects, each with its one function here:

- `paused()`: the checks allocate hundreds of thousands of short-lived lists and tuples, none in
  cycles, and each collection during a check walks the checker's tables too. The engine holds the
  pause around every check; the `check` command holds it through writing its findings out, and
  the desk while it builds an article's editor (`pause()`/`resume()`, see there).
- `freeze_survivors()`: what the desk keeps for its whole life, frozen out of the collector's sight.
- `freeze_before_exit()`: the interpreter's last collection skipped at the end of a command.

Pauses are counted under a lock (checks may run in several threads, and the desk may pause while a
check runs): the collector comes back on only when the last pause ends, and only if it was on when
the first began. Refcounting frees everything as usual throughout.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_pauses = 0  # pauses running now, in any thread
_resume = False  # whether the collector was on when the first of them began


def pause() -> None:
    """Turn the collector off until the matching `resume()`.

    The desk pauses while it builds and draws an article's editor (GC_PAUSE_SECONDS in
    bientap.tui.app): with the heap frozen (`freeze_survivors`) full collections come sooner, and
    one in the middle of building the editor cost a fifth of the opening. Opening a 5 KB article
    on a 3,000-article archive, medians of 8 (benchmarks/desk_probe.py): 127 ms without the pause,
    102 ms with (without the freeze the pause made no difference: 118 / 119 ms)."""
    global _pauses, _resume
    with _LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume() -> None:
    """End one `pause()`: the collector is on again after the last, if it was on before the first."""
    global _pauses
    with _LOCK:
        if _pauses == 0:
            raise RuntimeError("collector.resume() without a pause")
        _pauses -= 1
        if _pauses == 0 and _resume:
            gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while the block runs (see `pause`).

    Around the checks: measured with benchmarks/checks_speed.py --mb 2, interleaved, all rules: one
    text 2.84-2.86 MB/s with the pause, 2.68-2.75 without; ~5 KB articles 2.20-2.42 with,
    2.17-2.40 without (a few per cent on long texts). Through the `check` command's output: the first
    collections after a 3 MB check walk every object the check left, ~25 ms on gen0/gen1 by
    gc.callbacks; each collection while a 3 MB document's syllable scan was alive took 30-45 ms."""
    pause()
    try:
        yield
    finally:
        resume()


def freeze_survivors() -> None:
    """Collect once, then freeze everything alive out of the collector's sight (the desk, after its
    warm-up: Textual, the editor module, the rules' registry live as long as the desk). Full
    collections then walk only newer objects. Inbox keys slower than 30 ms on a 3,000-article
    archive (benchmarks/desk_probe.py, interleaved, loaded 2-core machine): 2-3 of 75 a run without
    (slowest 43-66 ms), none with (slowest 17-30 ms); 6 runs each. `thaw()` undoes it."""
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Undo `freeze_survivors` (the desk ends: a process that runs several desks, like the tests,
    gets its collector back as it was)."""
    gc.unfreeze()


def freeze_before_exit() -> None:
    """At exit the interpreter runs one last full collection over every object still alive,
    although everything is about to go: after `bientap check` on 3 MB (the word data, the checker's
    tables, thousands of findings) it took ~45 ms of the command's ~1.2 s, measured interleaved
    with and without (best of 8). Frozen, the objects are still freed as the interpreter clears its
    modules; only the walk over them is skipped. For a process about to end only."""
    gc.freeze()
