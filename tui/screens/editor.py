"""The article editor (màn hình biên tập bài): metadata at the top, the body with every finding
marked at its span, the findings beside it, one-key fixes, history, and saves that never
silently overwrite a colleague.

Checks run in the desk's check process (store.checking: a rule gone wrong costs a check.timeout
finding, never a frozen screen), awaited by an exclusive worker a moment after typing stops; the
text they checked travels with the result, so a late result for old text is dropped. Unsaved work is written to the `drafts`
table after a few seconds of idleness and offered back when the article is opened again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList, Select, Static, TextArea

from checks import engine
from checks.engine import Context, apply_fixes
from checks.findings import SEVERITY_RANK, Finding
from checks.text import visible
from store import articles, drafts, workflow
from store.articles import STATUSES, Article, ConflictError
from store.checking import EDITOR, CheckProcessError
from store.context import ArticleChecker, Assessment, checker_for
from store.glossary import add_word
from store.workflow import STATUS_LABELS, GateRefused, StatusReport
from tui.dialogs import tr
from tui.dialogs.choice import ChoiceDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.diff import DiffDialog, diff_fields
from tui.dialogs.history import HistoryDialog
from tui.dialogs.removed_lines import RemovedLinesDialog
from tui.keys import localize_bindings
from tui.widgets.body_area import BodyArea
from tui.widgets.findings_panel import FindingsPanel

# Form fields in Tab order; "body" is the TextArea below them.
FORM_FIELDS = ("title", "sapo", "byline", "source", "source_url", "published_at", "location", "section",
               "tags", "status")
LABELS = {
    "vi": {"title": "Tít", "sapo": "Sapo", "byline": "Bút danh", "source": "Nguồn", "source_url": "URL",
           "published_at": "Ngày", "location": "Nơi", "section": "Chuyên mục", "tags": "Thẻ",
           "status": "Trạng thái", "body": "Thân bài"},
    "en": {"title": "Title", "sapo": "Sapo", "byline": "Byline", "source": "Source", "source_url": "URL",
           "published_at": "Date", "location": "Place", "section": "Section", "tags": "Tags",
           "status": "Status", "body": "Body"},
}
CHECKED_FIELDS = ("title", "sapo", "body")
_FIELD_RANK = {"title": 0, "sapo": 1, "body": 2}


def is_record(f: Finding) -> bool:
    """A finding about the whole record (a missing byline), not about a span of text."""
    return f.rule in engine.RECORD_RULES


def _neighbour(text: str, at: int, step: int) -> str:
    """The word next to position `at` (before it when `step` is -1), across spaces on one line only."""
    i = at - 1 if step < 0 else at
    while 0 <= i < len(text) and text[i] in " \t\u00a0":
        i += step
    j = i
    while 0 <= j < len(text) and text[j].isalnum():
        j += step
    return text[j + 1:i + 1] if step < 0 else text[i:j]


def _blank_to_none(value: str) -> str | None:
    return value if value.strip() else None


class EditorScreen(Screen):
    """Edit one article. The keys are contracts (README, footer, `?`)."""

    CSS_PATH = "editor.tcss"
    RECHECK_DELAY = 0.25  # seconds of quiet typing before a re-check
    AUTOSAVE_DELAY = 3.0  # seconds of idleness before the draft is written
    POLL_SECONDS = 2.0  # how often to look whether another desk saved the article
    SYNC_CHECK_CHARS = 20_000  # up to this much text, opening waits for the checks before the first paint
    FIRST_PAINT_WAIT = 0.5  # seconds opening (or F4/F8...) waits for them; later they show when done

    # Priority: TextArea binds some F-keys itself (F6 selects a line).
    BINDINGS = [
        Binding("ctrl+s", "save", "Lưu", id="editor.save", priority=True),
        Binding("f8", "next_finding", "Lỗi sau", id="editor.next_finding", priority=True, key_display="F8"),
        Binding("shift+f8", "previous_finding", "Lỗi trước", id="editor.previous_finding", priority=True,
                key_display="⇧F8"),
        Binding("f4,alt+enter", "apply_fix", "Sửa", id="editor.apply_fix", priority=True, key_display="F4"),
        Binding("f5", "fix_all", "Sửa hết", id="editor.fix_all", priority=True, key_display="F5"),
        Binding("f6", "ignore_finding", "Bỏ qua", id="editor.ignore", priority=True, key_display="F6"),
        Binding("shift+f6", "add_word", "Thêm từ", id="editor.add_word", priority=True, key_display="⇧F6"),
        Binding("f3", "removed_lines", "Dòng bị bỏ", id="editor.removed_lines", priority=True,
                key_display="F3"),
        Binding("f9", "history", "Lịch sử", id="editor.history", priority=True, key_display="F9"),
        Binding("escape", "back", "Về", id="editor.back"),
        # "?" types a question mark in the text; it opens the help from the findings panel.
        Binding("f1", "help", "Trợ giúp", id="editor.help", priority=True, key_display="F1"),
    ]
    EN_DESCRIPTIONS = {
        "editor.save": "Save", "editor.next_finding": "Next", "editor.previous_finding": "Previous",
        "editor.apply_fix": "Fix", "editor.fix_all": "Fix all", "editor.ignore": "Ignore",
        "editor.add_word": "Add word", "editor.removed_lines": "Removed lines", "editor.history": "History",
        "editor.back": "Back", "editor.help": "Help",
    }

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.version = 0  # the version this editor's text is based on (save checks it)
        self.findings: list[Finding] = []
        self._checked: dict | None = None  # the texts `findings` belong to
        self._checking: dict | None = None  # the texts the running check worker has
        self._clean: dict = {}
        self._last_draft: dict | None = None
        self._pending_restores: list[int] = []
        self._autosave_timer: Timer | None = None
        # The newsroom's glossary, words, style and this article's ignores, and its raw import:
        # what every count of the article uses (store.context.ArticleChecker).
        self._checker = ArticleChecker(Context())
        self._notes: list[str] = []  # what the next save's revision says happened (fix-all...)
        self._stored_version = 0  # the article's version in the database, polled

    # ---- layout ---------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return "en" if getattr(self.app, "lang", "vi") == "en" else "vi"

    def _label(self, name: str) -> str:
        return LABELS[self.lang][name]

    def compose(self) -> ComposeResult:
        status_options = [(STATUS_LABELS[self.lang][s], s) for s in STATUSES]
        yield Static(id="editor-status", markup=False)
        with Vertical(id="form"):
            with Horizontal(classes="row"):
                yield Label(self._label("title"), classes="label")
                yield Input(id="f-title", classes="wide")
            yield Static(id="e-title", classes="field-error", markup=False)
            with Horizontal(classes="row sapo-row"):
                yield Label(self._label("sapo"), classes="label")
                yield BodyArea(id="f-sapo")
            with Horizontal(classes="row"):
                for name in ("byline", "source", "source_url"):
                    yield Label(self._label(name), classes="label")
                    yield Input(id=f"f-{name}")
            with Horizontal(classes="row"):
                yield Label(self._label("published_at"), classes="label")
                yield Input(id="f-published_at", placeholder="dd/mm/yyyy")
                for name in ("location", "section"):
                    yield Label(self._label(name), classes="label")
                    yield Input(id=f"f-{name}")
            yield Static(id="e-published_at", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                yield Label(self._label("tags"), classes="label")
                yield Input(id="f-tags", placeholder=tr(self, "cách nhau bằng dấu phẩy", "comma-separated"))
                yield Label(self._label("status"), classes="label")
                yield Select(status_options, id="f-status", allow_blank=False, value="draft")
        with Horizontal(id="workspace"):
            yield BodyArea(id="body")
            yield FindingsPanel(id="findings")
        yield Footer(compact=True, show_command_palette=False)

    @property
    def body(self) -> BodyArea:
        return self.query_one("#body", BodyArea)

    @property
    def panel(self) -> FindingsPanel:
        return self.query_one("#findings", FindingsPanel)

    @property
    def db(self):
        return self.app.db

    def on_mount(self) -> None:
        localize_bindings(self, self.lang, self.EN_DESCRIPTIONS)
        try:
            article = articles.get(self.db, self.article_id)
        except articles.NotFound:
            message = tr(self, f"Không còn bài #{self.article_id} — Esc để quay lại.",
                         f"Article #{self.article_id} is gone — Esc goes back.")
            self.query_one("#editor-status", Static).update(Text(message, style="bold red"))
            self.query_one("#form").display = False
            self.query_one("#workspace").display = False
            return
        engine.load_rules()  # the record rules' ids tell whole-record findings apart (is_record)
        self._checker = checker_for(self.db, self.article_id)
        self._load(article)
        self.body.focus()
        self._offer_draft()
        self.set_interval(self.POLL_SECONDS, self._poll_stored_version)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Without an article (it was deleted) only leaving and help make sense.
        return self.article is not None or action in ("back", "help")

    # ---- form values ----------------------------------------------------------------------------

    def _raw(self) -> dict:
        """Every field as the editor sees it now (strings; tags as typed)."""
        out = {}
        for name in FORM_FIELDS:
            if name == "sapo":
                out[name] = self.query_one("#f-sapo", TextArea).text
            elif name == "status":
                out[name] = self.query_one("#f-status", Select).value
            else:
                out[name] = self.query_one(f"#f-{name}", Input).value
        out["body"] = self.body.text
        return out

    def _set_raw(self, values: dict) -> None:
        for name, value in values.items():
            if name == "tags" and isinstance(value, list):
                value = ", ".join(value)
            value = "" if value is None else value
            if name == "body":
                self.body.load_text(value)
            elif name == "sapo":
                self.query_one("#f-sapo", TextArea).load_text(value)
            elif name == "status":
                if value in STATUSES:
                    self.query_one("#f-status", Select).value = value
            elif name in FORM_FIELDS:
                self.query_one(f"#f-{name}", Input).value = value

    def _display(self, article: Article) -> dict:
        values = article.editable()
        values["tags"] = ", ".join(article.tags)
        return {k: ("" if v is None else v) for k, v in values.items()}

    @property
    def dirty(self) -> bool:
        return bool(self._clean) and self._raw() != self._clean

    def _errors(self) -> dict[str, str]:
        raw = self._raw()
        errors = {}
        if not raw["title"].strip():
            errors["title"] = tr(self, "Tít không được để trống.", "The title cannot be empty.")
        if raw["published_at"].strip() and raw["published_at"] != self._clean.get("published_at"):
            try:
                articles.normalize_date(raw["published_at"])
            except ValueError as exc:
                errors["published_at"] = str(exc) if self.lang == "vi" else (
                    f"cannot read the date {raw['published_at']!r} (use dd/mm/yyyy or yyyy-mm-dd)")
        return errors

    def _show_errors(self) -> dict[str, str]:
        errors = self._errors()
        for name in ("title", "published_at"):
            message = errors.get(name)
            box = self.query_one(f"#e-{name}", Static)
            box.update(Text("⚠ " + visible(message)) if message else Text())
            box.set_class(bool(message), "shown")
            self.query_one(f"#f-{name}", Input).set_class(bool(message), "invalid")
        return errors

    def _typed(self, raw: dict, names) -> dict:
        """Field values as `store.articles.save` takes them."""
        out = {}
        for name in names:
            value = raw[name]
            if name == "tags":
                out[name] = [t.strip() for t in value.split(",") if t.strip()]
            elif name == "published_at":
                out[name] = None if not value.strip() else (
                    value if value == self._clean.get(name) else articles.normalize_date(value))
            elif name in ("title", "body", "status"):
                out[name] = value
            else:
                out[name] = _blank_to_none(value)
        return out

    def _changes(self) -> dict:
        raw = self._raw()
        return self._typed(raw, [k for k in raw if raw[k] != self._clean.get(k)])

    # ---- loading and status line ----------------------------------------------------------------

    def _load(self, article: Article) -> None:
        self.article = article
        self.version = self._stored_version = article.version
        self._pending_restores = []
        self._set_raw(self._display(article))
        self._clean = self._raw()  # what the widgets hold (the TextArea may normalise line breaks)
        self._last_draft = None
        self._show_errors()
        self._check_on_load()
        self._update_status()

    def _check_on_load(self) -> None:
        """An article of usual length is checked before its first paint, so that paint already shows
        the findings (one layout instead of two); a very long one, or checks that take longer than
        FIRST_PAINT_WAIT, show when they are done."""
        fields = self._check_fields()
        short = sum(len(fields.get(name) or "") for name in CHECKED_FIELDS) <= self.SYNC_CHECK_CHARS
        self._checking = fields
        self._check_ready(fields, self.app.checks.submit(self._checker, fields),
                          self.FIRST_PAINT_WAIT if short else 0)

    def _update_status(self) -> None:
        if self.article is None:
            return
        counts = {s: sum(f.severity == s for f in self.findings) for s in ("error", "warning", "info")}
        out = Text()
        out.append(tr(self, f" Bài #{self.article_id}", f" Article #{self.article_id}"), style="bold")
        out.append(f" · v{self.version}")
        if self.dirty:
            out.append(tr(self, " · ● chưa lưu", " · ● unsaved"), style="bold yellow")
        out.append(" · ")
        out.append(tr(self, f"{counts['error']} lỗi", f"{counts['error']} errors"), style="bright_red")
        out.append(" · ")
        out.append(tr(self, f"{counts['warning']} cảnh báo", f"{counts['warning']} warnings"), style="yellow")
        out.append(" · ")
        out.append(tr(self, f"{counts['info']} gợi ý", f"{counts['info']} info"), style="cyan")
        if self._stored_version > self.version:
            out.append(tr(self, f" · ⚠ người khác đã lưu v{self._stored_version}",
                          f" · ⚠ someone saved v{self._stored_version}"), style="bold red")
        if self.article.source_changed:
            out.append(" · " + visible(self.article.source_changed), style="italic")
        self.query_one("#editor-status", Static).update(out)

    def _poll_stored_version(self) -> None:
        """Another desk may save this article while it is open: say so before Ctrl+S finds out."""
        if self.article is None:
            return
        stored = articles.stored_version(self.db, self.article_id) or self.version
        if stored != self._stored_version:
            self._stored_version = stored
            self._update_status()

    # ---- editing events -------------------------------------------------------------------------

    def _field_of(self, widget) -> str | None:
        if widget is self.body:
            return "body"
        wid = widget.id or ""
        return wid[2:] if wid.startswith("f-") else None

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _edited(self, event) -> None:
        name = self._field_of(event.control)
        if name is None or not self._clean:
            return
        if name in ("title", "published_at"):
            self._show_errors()
        self._schedule_check()
        self._restart_autosave()
        self._update_status()

    # ---- checking -------------------------------------------------------------------------------

    def _check_fields(self) -> dict:
        """What the rules read: every field as typed (the checker adds the raw import)."""
        fields = self._raw()
        fields["tags"] = [t.strip() for t in fields["tags"].split(",") if t.strip()]
        return fields

    def _schedule_check(self, delay: float | None = None) -> None:
        fields = self._check_fields()
        if fields == self._checked or fields == self._checking:
            return  # already shown, or already being checked (the widgets echo programmatic loads)
        self._checking = fields
        wait = self.RECHECK_DELAY if delay is None else delay

        async def check() -> None:
            await self._check(fields, wait)

        self.run_worker(check, exclusive=True, group="editor-check")

    def _check_now(self) -> None:
        self._schedule_check(0)

    async def _check(self, fields: dict, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self._await_check(fields, self.app.checks.submit(self._checker, fields, priority=EDITOR))

    async def _await_check(self, fields: dict, future: Future) -> None:
        try:
            assessment = await asyncio.wrap_future(future)
        except CheckProcessError as exc:
            self._check_failed(fields, exc)
            return
        if fields != self._check_fields():
            return  # the text moved on; the next check is already scheduled
        self._show_findings(fields, assessment.findings)

    def _check_ready(self, fields: dict, future: Future, wait: float) -> Assessment | None:
        """Show the findings of `future` if they come within `wait` seconds (the screen waits, the
        check process works), else when they come, from a worker."""
        try:
            assessment = future.result(timeout=wait) if wait else None
        except TimeoutError:
            assessment = None
        except CheckProcessError as exc:
            self._check_failed(fields, exc)
            return None
        if assessment is None:
            self._checking = fields
            self.run_worker(self._await_check(fields, future), exclusive=True, group="editor-check")
            return None
        self._checking = None
        self._show_findings(fields, assessment.findings)
        return assessment

    def _check_failed(self, fields: dict, exc: Exception) -> None:
        if self._checking == fields:
            self._checking = None
        self.notify(tr(self, f"Chưa kiểm tra được: {visible(str(exc))}", f"Cannot check: {visible(str(exc))}"),
                    severity="error", markup=False)

    def _sorted(self, findings: list[Finding]) -> list[Finding]:
        # Whole-record findings (missing byline...) first, then title, sapo and body in text order.
        return sorted(findings, key=lambda f: (-1 if is_record(f) else _FIELD_RANK.get(f.field, -1),
                                               f.start, f.end, f.rule))

    def _show_findings(self, fields: dict, findings: list[Finding]) -> None:
        self.findings = self._sorted(findings)
        self._checked = fields
        self.body.set_findings(self._spans("body"))
        self.query_one("#f-sapo", BodyArea).set_findings(self._spans("sapo"))
        self.panel.show(self.findings, keep=self.panel.current)
        self._update_status()

    def _spans(self, field: str | None = None) -> list[Finding]:
        """Findings pinned to a place in a text field (not whole-record ones)."""
        return [f for f in self.findings if not is_record(f) and f.field in _FIELD_RANK
                and (field is None or f.field == field)]

    def _fresh_findings(self) -> list[Finding]:
        """Findings for the text as it is now: checked now if the last check is stale, unless that
        takes longer than FIRST_PAINT_WAIT (then the last ones, until the check is done)."""
        fields = self._check_fields()
        if fields != self._checked:
            self._check_ready(fields, self.app.checks.submit(self._checker, fields), self.FIRST_PAINT_WAIT)
        return self.findings

    # ---- findings and the cursor ----------------------------------------------------------------

    def _cursor(self) -> tuple[str, int]:
        """The field the cursor is in and its offset there (the body when focus is elsewhere)."""
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "f-title":
            return "title", focused.cursor_position
        if isinstance(focused, TextArea) and focused.id == "f-sapo":
            return "sapo", focused.document.get_index_from_location(focused.cursor_location)
        return "body", self.body.offset_of(self.body.cursor_location)

    def _finding_here(self) -> Finding | None:
        if self.focused is self.panel:
            return self.panel.current
        field, offset = self._cursor()
        here = [f for f in self._spans(field) if f.start <= offset <= f.end]
        # The narrowest span wins (a word inside a flagged sentence), then the most severe.
        return min(here, key=lambda f: (f.end - f.start, -SEVERITY_RANK.get(f.severity, 0)), default=None)

    def _go_to(self, f: Finding) -> None:
        if f.field == "body":
            self.body.focus()
            self.body.move_cursor(self.body.location_of(f.start), center=True)
        elif f.field == "title":
            box = self.query_one("#f-title", Input)
            box.focus()
            box.cursor_position = f.start
        elif f.field == "sapo":
            box = self.query_one("#f-sapo", TextArea)
            box.focus()
            box.move_cursor(box.document.get_location_from_index(f.start))
        if f in self.panel.findings:
            self.panel.highlighted = self.panel.findings.index(f)

    def _step(self, forward: bool) -> None:
        self._fresh_findings()
        spans = self._spans()
        if not spans:
            self.notify(tr(self, "Không còn lỗi nào.", "No findings."), markup=False)
            return
        field, offset = self._cursor()
        here = (_FIELD_RANK[field], offset)
        keys = [(_FIELD_RANK[f.field], f.start) for f in spans]
        if forward:
            target = next((f for f, k in zip(spans, keys) if k > here), spans[0])
        else:
            target = next((f for f, k in zip(reversed(spans), reversed(keys)) if k < here), spans[-1])
        self._go_to(target)

    def action_next_finding(self) -> None:
        self._step(True)

    def action_previous_finding(self) -> None:
        self._step(False)

    @on(OptionList.OptionHighlighted, "#findings")
    def _panel_moved(self, event: OptionList.OptionHighlighted) -> None:
        # Follow the panel with the body cursor only when the editor is walking the panel.
        f = self.panel.current
        if self.panel.has_focus and f is not None and f.field == "body" and not is_record(f):
            self.body.move_cursor(self.body.location_of(f.start), center=True)

    @on(OptionList.OptionSelected, "#findings")
    def _panel_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply_fix()

    # ---- fixes ----------------------------------------------------------------------------------

    def _replace_span(self, f: Finding, replacement: str) -> bool:
        """Replace exactly the finding's span in its field, if the text there is still what was checked."""
        if f.field == "body":
            area = self.body
        elif f.field == "sapo":
            area = self.query_one("#f-sapo", TextArea)
        elif f.field == "title":
            box = self.query_one("#f-title", Input)
            if box.value[f.start:f.end] != f.text:
                return False
            box.value = box.value[:f.start] + replacement + box.value[f.end:]
            box.cursor_position = f.start + len(replacement)
            return True
        else:
            return False
        text = area.text
        if text[f.start:f.end] != f.text:
            return False
        doc = area.document
        start, end = doc.get_location_from_index(f.start), doc.get_location_from_index(f.end)
        result = area.replace(replacement, start, end)
        area.move_cursor(result.end_location)
        return True

    def action_apply_fix(self) -> None:
        self._fresh_findings()
        f = self._finding_here()
        if f is None:
            self.notify(tr(self, "Con trỏ không ở trên lỗi nào (F8 để tới lỗi sau).",
                           "The cursor is not on a finding (F8 goes to the next one)."), markup=False)
            return
        if not f.suggestions:
            self.notify(tr(self, f"Lỗi {f.rule} không có gợi ý sửa.", f"{f.rule} has no suggested fix."),
                        markup=False)
            return
        if not self._replace_span(f, f.suggestions[0]):
            self.notify(tr(self, "Văn bản đã đổi; đang kiểm tra lại.", "The text changed; re-checking."),
                        markup=False)
        self._check_now()

    def action_fix_all(self) -> None:
        findings = self._fresh_findings()
        raw = self._raw()
        old = {name: raw[name] for name in CHECKED_FIELDS}
        new = {name: apply_fixes(old[name], self._spans(name)) for name in CHECKED_FIELDS}
        changed = [name for name in CHECKED_FIELDS if new[name] != old[name]]
        if not changed:
            self.notify(tr(self, "Không có sửa an toàn nào để áp dụng.", "No safe fixes to apply."), markup=False)
            return
        n = sum(1 for f in findings if f.safe and f.suggestions and f.field in changed)
        title = tr(self, f"Áp dụng {n} sửa an toàn?", f"Apply {n} safe fixes?")
        diff = diff_fields({k: old[k] for k in changed}, {k: new[k] for k in changed}, LABELS[self.lang])

        def done(ok: bool | None) -> None:
            if not ok:
                return
            if {name: self._raw()[name] for name in CHECKED_FIELDS} != old:
                self.notify(tr(self, "Văn bản đã đổi; không áp dụng.", "The text changed; nothing applied."),
                            markup=False)
                return
            for name in changed:
                if name == "title":
                    self.query_one("#f-title", Input).value = new[name]
                else:
                    area = self.body if name == "body" else self.query_one("#f-sapo", TextArea)
                    area.replace(new[name], area.document.start, area.document.end)
            self._check_now()
            self._notes.append(f"fix-all: {n}")
            self.notify(tr(self, f"Đã áp dụng {n} sửa.", f"Applied {n} fixes."), markup=False)

        self.app.push_screen(DiffDialog(title, diff, confirm=True), done)

    def action_ignore_finding(self) -> None:
        self._fresh_findings()
        f = self._finding_here()
        if f is None:
            self.notify(tr(self, "Con trỏ không ở trên lỗi nào.", "The cursor is not on a finding."), markup=False)
            return
        if is_record(f):  # the engine filters ignores on spans of text only
            self.notify(tr(self, "Lỗi này nói về cả bài (một trường thiếu hoặc quá dài), không bỏ qua ở đây được.",
                           "This finding is about the whole article (a field missing or too long); "
                           "it cannot be ignored here."), markup=False)
            return
        drafts.ignore_finding(self.db, self.article_id, f.rule, f.text)
        self.app.newsroom_data_changed()
        self.notify(tr(self, f"Đã bỏ qua «{visible(f.text)}» ({f.rule}) trong bài này.",
                       f"Ignoring «{visible(f.text)}» ({f.rule}) in this article."), markup=False)

    def _words_here(self) -> list[str]:
        """What Shift+F6 may add: the syllable under the cursor (or the flagged text), then the
        phrases it forms with its neighbours ("klông" → "klông pút")."""
        f = self._finding_here()
        if f is not None and f.field in _FIELD_RANK and f.text and not any(ch.isspace() for ch in f.text):
            text = self._raw()[f.field]
            start, end = f.start, f.end
        else:
            field, offset = self._cursor()
            text = self._raw()[field]
            start = end = offset
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
        word = text[start:end]
        if not word:
            return []
        before = _neighbour(text, start, -1)
        after = _neighbour(text, end, 1)
        phrases = [" ".join(filter(None, parts)) for parts in ((before, word), (word, after), (before, word, after))
                   if all(parts)]
        return list(dict.fromkeys([word, *phrases]))

    def action_add_word(self) -> None:
        self._fresh_findings()
        candidates = self._words_here()
        if not candidates:
            self.notify(tr(self, "Không có từ nào ở con trỏ.", "No word at the cursor."), markup=False)
            return
        if len(candidates) == 1:
            self._add_word(candidates[0])
            return
        question = Text(tr(self, "Thêm vào từ điển tòa soạn (cụm nhiều âm tiết thì mọi âm tiết trong cụm "
                                 "không còn bị báo lỗi chính tả):",
                           "Add to the newsroom dictionary (a phrase silences spelling findings on each "
                           "of its syllables):"))
        choices = [(str(i), visible(c), str(i + 1)) for i, c in enumerate(candidates)]
        self.app.push_screen(ChoiceDialog(question, choices),
                             lambda answer: self._add_word(candidates[int(answer)]) if answer else None)

    def _add_word(self, word: str) -> None:
        try:
            add_word(self.db, word)
        except ValueError as exc:
            self.notify(visible(str(exc)), severity="error", markup=False)
            return
        self.app.newsroom_data_changed()
        self.notify(tr(self, f"Đã thêm «{visible(word)}» vào từ điển tòa soạn.",
                       f"Added «{visible(word)}» to the newsroom dictionary."), markup=False)

    def reload_checker(self) -> None:
        """The glossary, the dictionary, the house style or this article's ignores changed: check
        again with them (the app calls this whenever the newsroom's data changes)."""
        self._checker = checker_for(self.db, self.article_id)
        self._checked = self._checking = None
        self._check_now()

    # ---- removed lines and history --------------------------------------------------------------

    def action_removed_lines(self) -> None:
        lines = [line for line in drafts.removed_lines_for(self.db, self.article_id)
                 if line.id not in self._pending_restores]
        if not lines:
            self.notify(tr(self, "Không có dòng nào bị bỏ lúc nhập.", "No lines were removed at import."),
                        markup=False)
            return

        def done(line_id: int | None) -> None:
            line = next((line for line in lines if line.id == line_id), None)
            if line is None:
                return
            new_body, at = drafts.insert_paragraph(self.body.text, line.position, line.text)
            self.body.replace(new_body, self.body.document.start, self.body.document.end)
            self.body.move_cursor(self.body.location_of(at), center=True)
            self.body.focus()
            self._pending_restores.append(line.id)
            self.notify(tr(self, "Đã đưa dòng trở lại (Ctrl+S để lưu).", "Line restored (Ctrl+S saves)."),
                        markup=False)

        self.app.push_screen(RemovedLinesDialog(lines), done)

    def action_history(self) -> None:
        revisions = articles.revisions(self.db, self.article_id)

        def restore(version: int | None) -> None:
            if version is None:
                return
            if self.dirty:
                self.app.push_screen(
                    ConfirmDialog(tr(self, f"Bỏ các thay đổi chưa lưu và khôi phục v{version}?",
                                     f"Drop unsaved changes and restore v{version}?")),
                    lambda ok: self._restore_revision(version) if ok else None)
            else:
                self._restore_revision(version)

        self.app.push_screen(HistoryDialog(revisions, LABELS[self.lang]), restore)

    def _restore_revision(self, version: int, demote: bool = False) -> None:
        try:
            article = workflow.restore_revision(self.db, self.article_id, version, self.version, demote=demote,
                                                assess=self.app.checks.assessor(EDITOR))
        except GateRefused as refused:
            self._refused(refused, lambda: self._restore_revision(version, demote=True))
            return
        except ConflictError:
            self.notify(tr(self, "Bài vừa được người khác lưu; hãy lưu hoặc tải lại trước.",
                           "Someone else saved this article; save or reload first."),
                        severity="error", markup=False)
            return
        drafts.discard_draft(self.db, self.article_id)
        self._load(article)
        self.notify(tr(self, f"Đã khôi phục v{version} thành v{article.version}.",
                       f"Restored v{version} as v{article.version}."), markup=False)

    # ---- saving ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        self._save()

    def _save(self, then: Callable[[], None] | None = None) -> None:
        errors = self._show_errors()
        if errors:
            self.notify(tr(self, "Chưa lưu: sửa các ô báo đỏ trước.", "Not saved: fix the fields marked red."),
                        severity="error", markup=False)
            self.query_one(f"#f-{next(iter(errors))}", Input).focus()
            return
        changes = self._changes()
        if not changes and not self._pending_restores and self.version == self.article.version:
            self.notify(tr(self, "Không có gì thay đổi.", "Nothing changed."), markup=False)
            if then:
                then()
            return
        self._write(changes, self.version, then, note="")

    def _write(self, changes: dict, expected: int, then, note: str, *, base: Article | None = None,
               demote: bool = False) -> None:
        """Save `changes` over version `expected` through the publish gate. `base` is the stored
        article they go on top of when it is not the one this editor loaded (after a conflict); the
        form then shows the result."""
        raw = self._raw()
        restores = list(self._pending_restores)

        def alongside(db) -> None:
            for line_id in restores:
                drafts.restore_removed_line(db, line_id)
            drafts.discard_draft(db, self.article_id)

        notes = [*self._notes, f"restored lines: {len(restores)}" if restores else "", note]
        try:
            article = workflow.save_article(
                self.db, self.article_id, changes, expected, note=", ".join(filter(None, notes)),
                checker=self._checker, demote=demote, extra=alongside, assess=self.app.checks.assessor(EDITOR))
        except ConflictError:
            self._conflict(then)
            return
        except GateRefused as refused:
            self._refused(refused, lambda: self._write(changes, expected, then, note, base=base, demote=True))
            return
        except ValueError as exc:
            self.notify(visible(str(exc)), severity="error", markup=False)
            return
        self._notes = []
        if article.status != raw["status"]:  # moved back to review by the gate
            base = article
        if base is not None:
            self._load(article)
        else:
            self.article = article
            self.version = self._stored_version = article.version
            self._pending_restores = []
            self._clean = raw
            self._last_draft = None
            self._update_status()
        self.notify(tr(self, f"Đã lưu v{article.version}.", f"Saved v{article.version}."), markup=False)
        if then:
            then()

    def _refused(self, refused: GateRefused, demote: Callable[[], None]) -> None:
        """The publish gate stopped this save: the same checklist as the inbox's, and for an article
        that already was ready or published, the choice to save it back in review."""
        if not refused.demotable:
            report = StatusReport(refused.status, refused={self.article_id: refused.items})
            from tui.screens.checklist import ChecklistScreen

            self.app.push_screen(ChecklistScreen(report, {self.article_id: self._raw()["title"]}))
            return
        label = STATUS_LABELS[self.lang][refused.status]
        lines = "\n".join(visible(line) for line in workflow.checklist_lines(refused.items, self.lang))
        question = Text(tr(
            self,
            f"Bài đang ở “{label}” và thay đổi này có lỗi bắt buộc phải sửa:\n{lines}\n"
            "Giữ trạng thái thì chưa lưu (sửa lỗi rồi lưu lại); hoặc lưu và chuyển bài về “Chờ duyệt”.",
            f"The article is “{label}” and this change brings findings that must be fixed:\n{lines}\n"
            "Keep the status and do not save yet (fix, then save), or save and move it back to review.",
        ))
        choices = [
            ("keep", tr(self, "Giữ trạng thái, chưa lưu", "Keep status, don't save"), "g"),
            ("review", tr(self, "Lưu, về Chờ duyệt", "Save, back to review"), "d"),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "review":
                demote()
            else:
                self.notify(tr(self, "Chưa lưu: sửa các lỗi bắt buộc trước.",
                               "Not saved: fix the required findings first."), severity="warning", markup=False)

        self.app.push_screen(ChoiceDialog(question, choices), chosen)

    def _conflict(self, then) -> None:
        theirs = articles.get(self.db, self.article_id)
        mine = self._changes()  # what this editor changed goes on top of theirs; the rest stays theirs
        question = Text(tr(
            self,
            f"Bài đã được lưu bởi người khác (v{theirs.version}) sau khi bạn mở (v{self.version}).\n"
            "Không bản nào bị mất: giữ bản của bạn thì các ô bạn sửa đè lên bản của họ (bản của họ vẫn "
            "trong lịch sử); tải bản của họ thì bản của bạn được giữ làm bản nháp.",
            f"Someone else saved this article (v{theirs.version}) after you opened it (v{self.version}).\n"
            "Nothing is lost: keeping yours puts the fields you changed on top of theirs (theirs stays in "
            "the history); reloading theirs keeps yours as a draft.",
        ))
        choices = [
            ("theirs", tr(self, "Tải bản của họ", "Reload theirs"), "t"),
            ("mine", tr(self, "Giữ bản của tôi", "Keep mine"), "g"),
            ("compare", tr(self, "So sánh", "Compare"), "s"),
        ]

        def chosen(answer: str | None) -> None:
            if answer == "theirs":
                drafts.save_draft(self.db, self.article_id, self._draft_fields(), theirs.version)
                self._load(theirs)
                self._last_draft = None
                self.notify(tr(self, "Đã tải bản của họ; bản của bạn được giữ làm bản nháp của bài.",
                               "Loaded theirs; yours is kept as this article's draft."), markup=False)
            elif answer == "mine":
                self._write(mine, theirs.version, then, base=theirs,
                            note=tr(self, f"giữ bản của tôi sau xung đột với v{theirs.version}",
                                    f"kept mine over v{theirs.version}"))
            elif answer == "compare":
                diff = diff_fields(theirs.editable(), {**theirs.editable(), **mine}, LABELS[self.lang])
                title = tr(self, f"Bản của họ (v{theirs.version}) → bản của bạn",
                           f"Theirs (v{theirs.version}) → yours")
                self.app.push_screen(DiffDialog(title, diff), lambda _: self._conflict(then))

        self.app.push_screen(ChoiceDialog(question, choices), chosen)

    # ---- drafts (crash safety) ------------------------------------------------------------------

    def _draft_fields(self) -> dict:
        raw = self._raw()
        raw["tags"] = [t.strip() for t in raw["tags"].split(",") if t.strip()]
        return raw

    def _restart_autosave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.AUTOSAVE_DELAY, self.autosave)

    def autosave(self) -> None:
        """Write the unsaved fields to the drafts table (not a revision)."""
        if not self.dirty:
            return
        fields = self._draft_fields()
        if fields == self._last_draft:
            return
        drafts.save_draft(self.db, self.article_id, fields, self.version)
        self._last_draft = fields

    def _offer_draft(self) -> None:
        draft = drafts.load_draft(self.db, self.article_id)
        if draft is None:
            return
        current = self._draft_fields()
        restored = {**current, **draft.fields}
        if restored == current:
            drafts.discard_draft(self.db, self.article_id)
            return
        when = dt.datetime.fromisoformat(draft.saved_at).astimezone().strftime("%H:%M %d/%m/%Y")
        question = Text(tr(self, f"Có bản nháp chưa lưu của bài này (lúc {when}). Khôi phục?",
                           f"There is an unsaved draft of this article (from {when}). Restore it?"))

        def answer(ok: bool | None) -> None:
            if ok:
                self._set_raw(draft.fields)
                # Based on an older version: saving then goes through the conflict dialog.
                self.version = min(self.version, draft.base_version)
                self._last_draft = self._draft_fields()
                self._show_errors()
                self._check_now()
                self._update_status()
            else:
                drafts.discard_draft(self.db, self.article_id)

        self.app.push_screen(ConfirmDialog(question), answer)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))

    # ---- leaving --------------------------------------------------------------------------------

    def action_back(self) -> None:
        if not self.dirty:
            self._leave()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self._save(then=self._leave)
            elif choice == "discard":
                drafts.discard_draft(self.db, self.article_id)
                self._clean = self._raw()
                self._leave()

        self.app.push_screen(ChoiceDialog(
            Text(tr(self, "Bài có thay đổi chưa lưu.", "This article has unsaved changes.")),
            [("save", tr(self, "Lưu", "Save"), "l"), ("discard", tr(self, "Bỏ thay đổi", "Discard"), "b"),
             ("cancel", tr(self, "Ở lại", "Stay"), "h")]), answer)

    def _leave(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self.app.pop_screen()
