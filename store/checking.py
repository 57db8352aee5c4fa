"""Checks with a time budget for the desk: `CheckService`, one warm check process per desk.

A rule gone wrong (a regex backtracking for minutes) holds the GIL while it runs, so a check in a
thread of the desk's own process would freeze the screen just the same. The desk's checks
therefore run in a child process, started once when the desk starts (in the background: it loads
the rules and the word data while the editor reads the inbox) and kept warm. Each check has a
budget (`$BIENTAP_CHECK_BUDGET` seconds, as for import): one that overruns it gets the blocking
`check.timeout` finding instead of its findings, and the child is killed and started afresh.

The child is spawned, not forked: the desk runs several threads (Textual's, the inbox's workers),
and a fork taken while one of them holds a lock the child needs would leave the child stuck.
Spawned, it shares nothing with the desk but what each call sends (the article checker and the
fields, a few KB). Checks come back in order of `priority` (the editor's first, then what the
editor asked of the inbox, then the background re-check of stale counts), each in turn.

`$BIENTAP_CHECK_SETUP` (or `setup=`), "module:function", names a function the child calls before
anything else: a way to run extra rules in it (the tests register deliberately broken ones).

The command line checks in its own process: `bientap import` has its budgeted workers, and a
`bientap check` that hangs can be interrupted.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import traceback
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from enum import StrEnum
from multiprocessing import resource_tracker

from bientap.checks.engine import Checker, Context, load_rules
from bientap.i18n import _
from bientap.store.context import ArticleChecker, Assessment

# Seconds one article's checks may take: many times what a real article takes (a 1 MB page about
# 0.5 s), so only a rule gone wrong reaches it. `bientap import --check-budget`, $BIENTAP_CHECK_BUDGET.
DEFAULT_CHECK_BUDGET = 10.0
# Seconds the child may take to start and load the rules and word data before it is given up on.
START_TIMEOUT = 60.0

# What the check process checks before it says it is ready: every rule, every field, once
# (Checker.prepare then builds what only a misspelling would, the typo rules' near spellings).
WARM_UP_TEXT = "Bàn biên tập kiểm tra chính tả trước khi đăng bài."

# Who is waiting for a check, most urgent first.
EDITOR, ASKED, BACKGROUND = 0, 1, 2


def check_budget(default: float = DEFAULT_CHECK_BUDGET) -> float:
    """$BIENTAP_CHECK_BUDGET as seconds (above zero), else `default`."""
    try:
        budget = float(os.environ.get("BIENTAP_CHECK_BUDGET") or default)
    except ValueError:
        return default
    return budget if budget > 0 else default


class CheckProcessError(RuntimeError):
    """The check process ended without answering (killed from outside, out of memory)."""


class CheckService:
    """`assess` / `submit` an article checker's work in a budgeted child process (see the module).

    Thread-safe: any thread may submit; one dispatcher thread owns the child. `start()` early,
    `close()` at the end."""

    def __init__(self, budget: float | None = None, setup: str | None = None) -> None:
        self.budget = budget if budget is not None else check_budget()
        self.setup = setup if setup is not None else os.environ.get("BIENTAP_CHECK_SETUP") or None
        self._jobs: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        self._lock = threading.Lock()
        self._dispatcher: threading.Thread | None = None
        self._closed = False
        self._process = None
        self._conn = None
        self.restarts = 0  # children killed for overrunning (or lost) and started again
        # Spawning needs multiprocessing's resource tracker, which is handed this process's stderr:
        # started now, before Textual swaps sys.stderr for an object without a file descriptor.
        try:
            resource_tracker.ensure_running()
        except Exception:  # noqa: BLE001 - tried again with the first spawn
            pass

    # ---- the caller's side ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the dispatcher, which starts the child at once (it warms up in the background)."""
        with self._lock:
            if self._closed or self._dispatcher is not None:
                return
            self._dispatcher = threading.Thread(target=self._dispatch, name="bientap-checks", daemon=True)
            self._dispatcher.start()

    def submit(self, checker: ArticleChecker, fields: Mapping[str, object], rules: Iterable[str] | None = None,
               *, priority: int = EDITOR) -> Future:
        """A Future of `checker.assess(fields, rules)`, run in the child within the budget."""
        future: Future = Future()
        # Worked out once per context here and pickled with it: the child finds its Checker by it.
        checker.ctx.fingerprint  # noqa: B018
        job = (checker, dict(fields), list(rules) if rules is not None else None)
        with self._lock:
            if self._closed:
                raise RuntimeError(_("the check service is closed"))
            self._jobs.put((priority, next(self._order), job, future))
        self.start()
        return future

    def assess(self, checker: ArticleChecker, fields: Mapping[str, object], rules: Iterable[str] | None = None,
               *, priority: int = ASKED) -> Assessment:
        """`checker.assess(fields, rules)` in the child; blocks this thread (not the GIL) meanwhile."""
        return self.submit(checker, fields, rules, priority=priority).result()

    def assessor(self, priority: int):
        """`assess` at `priority`, in the shape the store's workflow functions take."""
        return lambda checker, fields, rules=None: self.assess(checker, fields, rules, priority=priority)

    def close(self) -> None:
        """Stop the child; checks still waiting are cancelled."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put((-1, -1, None, None))
            dispatcher = self._dispatcher
        if dispatcher is None:
            return
        if dispatcher is not threading.current_thread():
            dispatcher.join(timeout=5)
        self._stop_child()

    # ---- the dispatcher thread -----------------------------------------------------------------

    def _dispatch(self) -> None:
        try:
            self._start_child()
        except Exception:  # noqa: BLE001 - tried again (and reported) with the first check
            self._stop_child()
        while True:
            _, _, job, future = self._jobs.get()
            if job is None:
                break
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._run(*job))
            except BaseException as exc:  # noqa: BLE001 - the caller gets it
                future.set_exception(exc)
            if self._conn is None and not self._closed:
                # Killed for overrunning (or lost): a fresh child warms up for the next check,
                # after this one's caller has heard why.
                self._restart_quietly()
        while True:  # closed: whatever is still queued is cancelled
            try:
                _, _, job, future = self._jobs.get_nowait()
            except queue.Empty:
                break
            if future is not None:
                future.cancel()
        self._stop_child()

    def _run(self, checker: ArticleChecker, fields: dict, rules: list[str] | None) -> Assessment:
        if self._conn is None:
            self._start_child()
        try:
            self._conn.send((checker, fields, rules))
            answered = self._conn.poll(self.budget)
        except (OSError, EOFError):
            answered = False
            lost = True
        else:
            lost = False
        if not answered:  # overran: whatever it is doing is of no use now
            self.restarts += 1
            self._stop_child()
            if lost:
                raise CheckProcessError(_("the check process ended without answering"))
            return checker.overran(rules, at_import=False)
        try:
            kind, payload = self._conn.recv()
        except (OSError, EOFError):
            self.restarts += 1
            self._stop_child()
            raise CheckProcessError(_("the check process ended without answering")) from None
        if kind == _Answer.ERROR:
            exc, trace = payload
            raise exc from _ChildTraceback(trace)
        return payload

    def _restart_quietly(self) -> None:
        try:
            self._start_child()
        except Exception:  # noqa: BLE001 - tried again (and reported) with the next check
            self._stop_child()

    def _start_child(self) -> None:
        context = multiprocessing.get_context("spawn")
        here, there = context.Pipe(duplex=True)
        process = context.Process(target=_child_main, args=(there, self.setup), name="bientap-checks",
                                  daemon=True)
        process.start()
        there.close()
        self._process, self._conn = process, here
        if not here.poll(START_TIMEOUT):
            self._stop_child()
            raise CheckProcessError(_("the check process did not start within {seconds:g} s").format(seconds=START_TIMEOUT))
        try:
            kind, payload = here.recv()
        except (OSError, EOFError):
            self._stop_child()
            raise CheckProcessError(_("the check process ended while starting")) from None
        if kind == _Answer.ERROR:
            self._stop_child()
            exc, trace = payload
            raise exc from _ChildTraceback(trace)

    def _stop_child(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(timeout=5)
        if conn is not None:
            conn.close()


class _ChildTraceback(Exception):
    """A check failed in the check process; the message is its traceback."""


def _load(name: str):
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function or "setup")


class _Answer(StrEnum):
    """What the check process says, with a payload: ready to check (None), done (the assessment),
    or an error (the exception and its traceback)."""

    READY = "ready"
    DONE = "done"
    ERROR = "error"


def _answer(conn, kind: _Answer, payload) -> None:
    try:
        conn.send((kind, payload))
    except (pickle.PicklingError, TypeError, AttributeError):  # an exception that does not pickle
        exc, trace = payload
        conn.send((kind, (RuntimeError(repr(exc)), trace)))


def _child_main(conn, setup: str | None) -> None:
    """The check process: set up, warm up, then check what it is sent until the desk goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the desk's to handle
    try:
        if setup:
            _load(setup)()
        load_rules()
        ctx = Context()
        ArticleChecker(ctx).assess({"title": WARM_UP_TEXT, "body": WARM_UP_TEXT})
        Checker.for_context(ctx).prepare(WARM_UP_TEXT)
    except Exception as exc:  # noqa: BLE001 - the desk reports it
        _answer(conn, _Answer.ERROR, (exc, traceback.format_exc()))
        return
    conn.send((_Answer.READY, None))
    while True:
        try:
            checker, fields, rules = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):  # the desk ended
            return
        try:
            result = checker.assess(fields, rules)
        except Exception as exc:  # noqa: BLE001 - raised again in the desk
            _answer(conn, _Answer.ERROR, (exc, traceback.format_exc()))
            continue
        conn.send((_Answer.DONE, result))
