"""`ArticleSession`: the editor's one way to the store. Every read and write the editor's parts do
for the open article goes through here, as named store functions (store/ speaks SQL; the editor
does not), and every check goes to the desk's budgeted check process (bientap.store.checking)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager

import sqlite_utils

from bientap.i18n import current
from bientap.store import articles, drafts, glossary, presence, workflow
from bientap.store.articles import Article
from bientap.store.checking import EDITOR, CheckService
from bientap.store.context import ArticleChecker, checker_for, load_context
from bientap.store.db import store_error
from bientap.store.drafts import Draft, RemovedLine


@contextmanager
def store_errors() -> Iterator[None]:
    """A failing or busy database reaches the desk as a StoreError (one line, in the desk's
    language), never as sqlite3's own exception."""
    try:
        yield
    except sqlite3.Error as exc:
        raise store_error(exc) from exc


class ArticleSession:
    """The open article `article_id` in `db`, checked by `checks`."""

    def __init__(self, db: sqlite_utils.Database, checks: CheckService, article_id: int) -> None:
        self.db, self.checks, self.article_id = db, checks, article_id

    # ---- the article ----------------------------------------------------------------------------

    def get(self) -> Article:
        """The stored article (articles.NotFound when it was deleted)."""
        return articles.get(self.db, self.article_id)

    def stored_version(self) -> int | None:
        return articles.stored_version(self.db, self.article_id)

    def revisions(self) -> list[dict]:
        return articles.revisions(self.db, self.article_id)

    def save(self, changes: dict, expected: int, *, note: str, checker: ArticleChecker, demote: bool,
             restores: list[int]) -> Article:
        """Save through the publish gate (workflow.save_article); lines restored from import and the
        end of the draft go in the same transaction."""

        def alongside(db: sqlite_utils.Database) -> None:
            for line_id in restores:
                drafts.restore_removed_line(db, line_id)
            drafts.discard_draft(db, self.article_id)

        return workflow.save_article(self.db, self.article_id, changes, expected, note=note, checker=checker,
                                     demote=demote, extra=alongside, assess=self.checks.assessor(EDITOR))

    def restore(self, version: int, expected: int, *, demote: bool) -> Article:
        article = workflow.restore_revision(self.db, self.article_id, version, expected, demote=demote,
                                            assess=self.checks.assessor(EDITOR))
        drafts.discard_draft(self.db, self.article_id)
        return article

    # ---- presence (soft locks) ------------------------------------------------------------------

    def take_lock(self, *, take_over: bool = False) -> presence.Lock:
        """Tell colleagues this editor has the article open (presence.Locked when one of them does)."""
        return presence.take_lock(self.db, self.article_id, take_over=take_over)

    def heartbeat(self) -> bool:
        """Keep the lock alive; False when a colleague took it over (StoreError when the database
        cannot take the write now)."""
        with store_errors():
            return presence.heartbeat(self.db, self.article_id)

    def release(self) -> None:
        """Give the lock back (StoreError when the database cannot take the write now)."""
        with store_errors():
            presence.release(self.db, self.article_id)

    def current_lock(self) -> presence.Lock | None:
        """The live lock on the article, whoever holds it."""
        with store_errors():
            return presence.current_lock(self.db, self.article_id)

    # ---- checking -------------------------------------------------------------------------------

    def checker(self) -> ArticleChecker:
        """The newsroom's glossary, words and style with this article's ignores and raw import; its
        findings speak the desk's language."""
        return checker_for(self.db, self.article_id, load_context(self.db, lang=current()))

    def submit(self, checker: ArticleChecker, fields: Mapping[str, object]) -> Future:
        return self.checks.submit(checker, fields, priority=EDITOR)

    def ignore(self, rule: str, text: str) -> None:
        drafts.ignore_finding(self.db, self.article_id, rule, text)

    def add_word(self, word: str) -> None:
        """Into the newsroom dictionary (ValueError for a word it cannot take)."""
        glossary.add_word(self.db, word)

    # ---- drafts and removed lines ---------------------------------------------------------------

    def save_draft(self, fields: dict, base_version: int) -> None:
        drafts.save_draft(self.db, self.article_id, fields, base_version)

    def load_draft(self) -> Draft | None:
        return drafts.load_draft(self.db, self.article_id)

    def discard_draft(self) -> None:
        drafts.discard_draft(self.db, self.article_id)

    def removed_lines(self) -> list[RemovedLine]:
        return drafts.removed_lines_for(self.db, self.article_id)

