"""Checking the article and working through its findings: each finding marked at its span in the
body and the sapo, listed in the panel; F8/Shift+F8 walk them, F4 applies a fix (or, when there are
several suggestions, opens a picker), F5 all safe ones, F6 ignores one in this article, Shift+F6
adds a word to the newsroom dictionary.

Checks run in the desk's check process (bientap.store.checking: a rule gone wrong costs a check.timeout
finding, never a frozen screen), awaited by an exclusive worker a moment after typing stops; the
text they checked travels with the result, so a late result for old text is dropped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future

from rich.text import Text
from textual.app import App
from textual.message import Message

from bientap.checks import engine
from bientap.checks.engine import Context, apply_fixes
from bientap.checks.findings import SEVERITY_RANK, Finding
from bientap.checks.text import visible
from bientap.i18n import _, current, ngettext
from bientap.store.checking import CheckProcessError
from bientap.store.context import ArticleChecker
from bientap.tui.dialogs.choice import ChoiceDialog
from bientap.tui.dialogs.diff import DiffDialog, diff_fields
from bientap.tui.dialogs.suggestions import SuggestionDialog
from bientap.tui.widgets.body_area import BodyArea
from bientap.tui.widgets.editor.form import ArticleForm, field_labels, split_tags
from bientap.tui.widgets.editor.session import ArticleSession
from bientap.tui.widgets.findings_panel import FindingsPanel

CHECKED_FIELDS = ("title", "sapo", "body")
FIELD_RANK = {"title": 0, "sapo": 1, "body": 2}


def is_record(f: Finding) -> bool:
    """A finding about the whole record (a missing byline), not about a span of text."""
    return f.rule in engine.RECORD_RULES


def in_order(findings: list[Finding]) -> list[Finding]:
    """Whole-record findings (missing byline...) first, then title, sapo and body in text order."""
    return sorted(findings, key=lambda f: (-1 if is_record(f) else FIELD_RANK.get(f.field, -1),
                                           f.start, f.end, f.rule))


def neighbour(text: str, at: int, step: int) -> str:
    """The word next to position `at` (before it when `step` is -1), across spaces on one line only."""
    i = at - 1 if step < 0 else at
    while 0 <= i < len(text) and text[i] in " \t\u00a0":
        i += step
    j = i
    while 0 <= j < len(text) and text[j].isalnum():
        j += step
    return text[j + 1:i + 1] if step < 0 else text[i:j]


def word_candidates(text: str, start: int, end: int) -> list[str]:
    """The word text[start:end] (widened to whole letters when empty), then the phrases it forms
    with its neighbours ("klông" → "klông pút")."""
    if start == end:
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
    word = text[start:end]
    if not word:
        return []
    before = neighbour(text, start, -1)
    after = neighbour(text, end, 1)
    phrases = [" ".join(filter(None, parts)) for parts in ((before, word), (word, after), (before, word, after))
               if all(parts)]
    return list(dict.fromkeys([word, *phrases]))


class Findings:
    """The findings of the open article and the keys that work on them. Owns what was checked
    (`checked`), what is being checked (`checking`) and the checker they are checked with.

    It drives the widgets the findings show in (the body, the form's title and sapo, the panel) and
    reads every field through `raw`; what the editor itself should know goes up as messages:
    `Updated` (new findings: the status line counts them), `FixesApplied` (F5: the next save's
    revision says so)."""

    class Updated(Message):
        """New findings are shown."""

    class FixesApplied(Message):
        """F5 applied `count` safe fixes; `note` is what the next save's revision says."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count, self.note = count, f"fix-all: {count}"

    def __init__(self, session: ArticleSession, app: App, *, post: Callable[[Message], object],
                 run_worker: Callable[..., object], raw: Callable[[], dict], body: BodyArea, form: ArticleForm,
                 panel: FindingsPanel, recheck_delay: float, first_paint_wait: float,
                 sync_check_chars: int) -> None:
        self.session, self.app, self._post, self._run_worker, self._raw = session, app, post, run_worker, raw
        self.body, self.form, self.panel = body, form, panel
        self.recheck_delay, self.first_paint_wait, self.sync_check_chars = (recheck_delay, first_paint_wait,
                                                                            sync_check_chars)
        self.findings: list[Finding] = []
        self.checked: dict | None = None  # the texts `findings` belong to
        self.checking: dict | None = None  # the texts the running check has
        # The newsroom's glossary, words, style and this article's ignores, and its raw import:
        # what every count of the article uses (bientap.store.context.ArticleChecker).
        self.checker = ArticleChecker(Context(lang=current()))

    def notify(self, message: str, **kw) -> None:
        self.app.notify(message, markup=False, **kw)

    # ---- checking -------------------------------------------------------------------------------

    def fields(self) -> dict:
        """What the rules read: every field as typed (the checker adds the raw import)."""
        fields = self._raw()
        fields["tags"] = split_tags(fields["tags"])
        return fields

    def reload_checker(self) -> None:
        """The glossary, the dictionary, the house style or this article's ignores changed."""
        self.checker = self.session.checker()
        self.checked = self.checking = None
        self.check_now()

    def check_on_load(self) -> None:
        """An article of usual length is checked before its first paint, so that paint already shows
        the findings (one layout instead of two); a very long one, or checks that take longer than
        FIRST_PAINT_WAIT, show when they are done."""
        fields = self.fields()
        short = sum(len(fields.get(name) or "") for name in CHECKED_FIELDS) <= self.sync_check_chars
        self.checking = fields
        self._ready(fields, self.session.submit(self.checker, fields), self.first_paint_wait if short else 0)

    def schedule(self, delay: float | None = None) -> None:
        fields = self.fields()
        if fields == self.checked or fields == self.checking:
            return  # already shown, or already being checked (the widgets echo programmatic loads)
        self.checking = fields
        wait = self.recheck_delay if delay is None else delay

        async def check() -> None:
            if wait:
                await asyncio.sleep(wait)
            await self._await(fields, self.session.submit(self.checker, fields))

        self._run_worker(check, exclusive=True, group="editor-check")

    def check_now(self) -> None:
        self.schedule(0)

    async def _await(self, fields: dict, future: Future) -> None:
        try:
            assessment = await asyncio.wrap_future(future)
        except CheckProcessError as exc:
            self._failed(fields, exc)
            return
        if fields != self.fields():
            return  # the text moved on; the next check is already scheduled
        self.show(fields, assessment.findings)

    def _ready(self, fields: dict, future: Future, wait: float) -> None:
        """Show the findings of `future` if they come within `wait` seconds (the screen waits, the
        check process works), else when they come, from a worker."""
        try:
            assessment = future.result(timeout=wait) if wait else None
        except TimeoutError:
            assessment = None
        except CheckProcessError as exc:
            self._failed(fields, exc)
            return
        if assessment is None:
            self.checking = fields
            self._run_worker(self._await(fields, future), exclusive=True, group="editor-check")
            return
        self.checking = None
        self.show(fields, assessment.findings)

    def _failed(self, fields: dict, exc: Exception) -> None:
        if self.checking == fields:
            self.checking = None
        self.notify(_("Cannot check: {error}").format(error=visible(str(exc))), severity="error")

    def show(self, fields: dict, findings: list[Finding]) -> None:
        self.findings = in_order(findings)
        self.checked = fields
        self.body.set_findings(self.spans("body"))
        self.form.sapo.set_findings(self.spans("sapo"))
        self.panel.show(self.findings, keep=self.panel.current)
        self._post(self.Updated())

    def spans(self, field: str | None = None) -> list[Finding]:
        """Findings pinned to a place in a text field (not whole-record ones)."""
        return [f for f in self.findings if not is_record(f) and f.field in FIELD_RANK
                and (field is None or f.field == field)]

    def fresh(self) -> list[Finding]:
        """Findings for the text as it is now: checked now if the last check is stale, unless that
        takes longer than FIRST_PAINT_WAIT (then the last ones, until the check is done)."""
        fields = self.fields()
        if fields != self.checked:
            self._ready(fields, self.session.submit(self.checker, fields), self.first_paint_wait)
        return self.findings

    # ---- findings and the cursor ----------------------------------------------------------------

    def cursor(self) -> tuple[str, int]:
        """The field the cursor is in and its offset there (the body when focus is elsewhere)."""
        body = self.body
        return self.form.cursor() or ("body", body.offset_of(body.cursor_location))

    def here(self) -> Finding | None:
        panel = self.panel
        if panel.screen.focused is panel:
            return panel.current
        field, offset = self.cursor()
        at = [f for f in self.spans(field) if f.start <= offset <= f.end]
        # The narrowest span wins (a word inside a flagged sentence), then the most severe.
        return min(at, key=lambda f: (f.end - f.start, -SEVERITY_RANK.get(f.severity, 0)), default=None)

    def go_to(self, f: Finding) -> None:
        if f.field == "body":
            self.body.focus()
            self.body.move_cursor(self.body.location_of(f.start), center=True)
        elif f.field == "title":
            box = self.form.title_box
            box.focus()
            box.cursor_position = f.start
        elif f.field == "sapo":
            box = self.form.sapo
            box.focus()
            box.move_cursor(box.document.get_location_from_index(f.start))
        if f in self.panel.findings:
            self.panel.highlighted = self.panel.findings.index(f)

    def step(self, forward: bool) -> None:
        self.fresh()
        spans = self.spans()
        if not spans:
            self.notify(_("No findings."))
            return
        field, offset = self.cursor()
        here = (FIELD_RANK[field], offset)
        keys = [(FIELD_RANK[f.field], f.start) for f in spans]
        if forward:
            target = next((f for f, k in zip(spans, keys) if k > here), spans[0])
        else:
            target = next((f for f, k in zip(reversed(spans), reversed(keys)) if k < here), spans[-1])
        self.go_to(target)

    def follow_panel(self) -> None:
        """Follow the panel with the body cursor, when the editor is walking the panel."""
        f = self.panel.current
        if self.panel.has_focus and f is not None and f.field == "body" and not is_record(f):
            self.body.move_cursor(self.body.location_of(f.start), center=True)

    # ---- fixes ----------------------------------------------------------------------------------

    def _area(self, field: str):
        return self.body if field == "body" else self.form.sapo if field == "sapo" else None

    def replace_span(self, f: Finding, replacement: str) -> bool:
        """Replace exactly the finding's span in its field, if the text there is still what was checked."""
        if f.field == "title":
            box = self.form.title_box
            if box.value[f.start:f.end] != f.text:
                return False
            box.value = box.value[:f.start] + replacement + box.value[f.end:]
            box.cursor_position = f.start + len(replacement)
            return True
        area = self._area(f.field)
        if area is None:
            return False
        text = area.text
        if text[f.start:f.end] != f.text:
            return False
        doc = area.document
        start, end = doc.get_location_from_index(f.start), doc.get_location_from_index(f.end)
        result = area.replace(replacement, start, end)
        area.move_cursor(result.end_location)
        return True

    def apply_fix(self) -> None:
        self.fresh()
        f = self.here()
        if f is None:
            self.notify(_("The cursor is not on a finding (F8 goes to the next one)."))
            return
        if not f.suggestions:
            self.notify(_("{rule} has no suggested fix.").format(rule=f.rule))
            return
        if len(f.suggestions) == 1:
            self._replace(f, f.suggestions[0])
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self._replace(f, f.suggestions[index])

        self.app.push_screen(SuggestionDialog(f.text, f.suggestions[:9]), chosen)

    def _replace(self, f: Finding, replacement: str) -> None:
        if not self.replace_span(f, replacement):
            self.notify(_("The text changed; re-checking."))
        self.check_now()

    def fix_all(self) -> None:
        findings = self.fresh()
        raw = self._raw()
        old = {name: raw[name] for name in CHECKED_FIELDS}
        new = {name: apply_fixes(old[name], self.spans(name)) for name in CHECKED_FIELDS}
        changed = [name for name in CHECKED_FIELDS if new[name] != old[name]]
        if not changed:
            self.notify(_("No safe fixes to apply."))
            return
        n = sum(1 for f in findings if f.safe and f.suggestions and f.field in changed)
        title = ngettext("Apply {n} safe fix?", "Apply {n} safe fixes?", n).format(n=n)
        diff = diff_fields({k: old[k] for k in changed}, {k: new[k] for k in changed}, field_labels())

        def done(ok: bool | None) -> None:
            if not ok:
                return
            if {name: self._raw()[name] for name in CHECKED_FIELDS} != old:
                self.notify(_("The text changed; nothing applied."))
                return
            for name in changed:
                if name == "title":
                    self.form.title_box.value = new[name]
                else:
                    area = self._area(name)
                    area.replace(new[name], area.document.start, area.document.end)
            self.check_now()
            self._post(self.FixesApplied(n))
            self.notify(ngettext("Applied {n} fix.", "Applied {n} fixes.", n).format(n=n))

        self.app.push_screen(DiffDialog(title, diff, confirm=True), done)

    def ignore(self) -> None:
        self.fresh()
        f = self.here()
        if f is None:
            self.notify(_("The cursor is not on a finding."))
            return
        if is_record(f):  # the engine filters ignores on spans of text only
            self.notify(_("This finding is about the whole article (a field missing or too long); "
                          "it cannot be ignored here."))
            return
        self.session.ignore(f.rule, f.text)
        self.app.newsroom_data_changed()
        self.notify(_("Ignoring «{text}» ({rule}) in this article.").format(text=visible(f.text), rule=f.rule))

    def words_here(self) -> list[str]:
        """What Shift+F6 may add: the syllable under the cursor (or the flagged text), then the
        phrases it forms with its neighbours ("klông" → "klông pút")."""
        f = self.here()
        raw = self._raw()
        if f is not None and f.field in FIELD_RANK and f.text and not any(ch.isspace() for ch in f.text):
            return word_candidates(raw[f.field], f.start, f.end)
        field, offset = self.cursor()
        return word_candidates(raw[field], offset, offset)

    def add_word(self) -> None:
        self.fresh()
        candidates = self.words_here()
        if not candidates:
            self.notify(_("No word at the cursor."))
            return
        if len(candidates) == 1:
            self._add_word(candidates[0])
            return
        question = Text(_("Add to the newsroom dictionary (a phrase silences spelling findings on each "
                          "of its syllables):"))
        choices = [(str(i), visible(c), str(i + 1)) for i, c in enumerate(candidates)]
        self.app.push_screen(ChoiceDialog(question, choices),
                                    lambda answer: self._add_word(candidates[int(answer)]) if answer else None)

    def _add_word(self, word: str) -> None:
        try:
            self.session.add_word(word)
        except ValueError as exc:
            self.app.notify(visible(str(exc)), severity="error", markup=False)
            return
        self.app.newsroom_data_changed()
        self.notify(_("Added «{word}» to the newsroom dictionary.").format(word=visible(word)))

