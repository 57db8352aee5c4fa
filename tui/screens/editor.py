"""The article editor (màn hình biên tập bài): metadata at the top, the body with every finding
marked at its span, the findings beside it, one-key fixes, history, and saves that never
silently overwrite a colleague.

This screen wires the editor's parts (tui/widgets/editor/): the form, the findings and their
keys, find and replace, history, conflicts, drafts and the soft lock, each owning its state, all
reaching the store through one `ArticleSession`. The parts tell the screen what to do with
messages (`on_<part>_<message>` below). What is left here: the layout and the status line, loading
an article, saving.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Select, TextArea

from bientap.checks.findings import Finding
from bientap.checks.text import visible
from bientap.store import articles
from bientap.store.articles import Article, ConflictError
from bientap.store.db import StoreError
from bientap.store.workflow import GateRefused
from bientap.i18n import N_, _
from bientap.tui.dialogs.choice import ChoiceDialog, keyed
from bientap.tui.keys import localize_bindings
from bientap.tui.widgets.body_area import BodyArea
from bientap.tui.widgets.editor.body import Findings
from bientap.tui.widgets.editor.conflict import Conflicts
from bientap.tui.widgets.editor.drafts import Drafts
from bientap.tui.widgets.editor.find import FindBar
from bientap.tui.widgets.editor.form import ArticleForm, display_values, typed
from bientap.tui.widgets.editor.history import History, put_back
from bientap.tui.widgets.editor.lock import SoftLock
from bientap.tui.widgets.editor.session import ArticleSession
from bientap.tui.widgets.editor.status import EditorStatus
from bientap.tui.widgets.findings_panel import FindingsPanel


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
        Binding("ctrl+s", "save", N_("Save"), id="editor.save", priority=True),
        Binding("f8", "next_finding", N_("Next finding"), id="editor.next_finding", priority=True,
                key_display="F8"),
        Binding("shift+f8", "previous_finding", N_("Previous finding"), id="editor.previous_finding",
                priority=True, key_display="⇧F8"),
        # Not Alt+Enter: tmux and most terminals send it as ESC+CR, which arrives as a plain Enter.
        Binding("f4", "apply_fix", N_("Fix"), id="editor.apply_fix", priority=True, key_display="F4"),
        Binding("f5", "fix_all", N_("Fix all"), id="editor.fix_all", priority=True, key_display="F5"),
        Binding("f6", "ignore_finding", N_("Ignore"), id="editor.ignore", priority=True, key_display="F6"),
        Binding("shift+f6", "add_word", N_("Add word"), id="editor.add_word", priority=True, key_display="⇧F6"),
        Binding("f3", "removed_lines", N_("Removed lines"), id="editor.removed_lines", priority=True,
                key_display="F3"),
        Binding("f9", "history", N_("History"), id="editor.history", priority=True, key_display="F9"),
        Binding("ctrl+f", "find", N_("Find"), id="editor.find", priority=True, key_display="^F"),
        # Ctrl+H too where the terminal tells it from Backspace (tmux sends both as ^H).
        Binding("ctrl+r,ctrl+h", "replace", N_("Find and replace"), id="editor.replace", priority=True,
                key_display="^R"),
        Binding("escape", "back", N_("Back"), id="editor.back"),
        # One key per field. Byline is Alt+U (bút): terminals send Alt+B as ESC b, which reads as Ctrl+←.
        Binding("alt+t", "jump('title')", N_("Title"), id="editor.jump_title", priority=True, key_display="Alt+T"),
        Binding("alt+s", "jump('sapo')", N_("Sapo"), id="editor.jump_sapo", priority=True, key_display="Alt+S"),
        Binding("alt+u,alt+b", "jump('byline')", N_("Byline"), id="editor.jump_byline", priority=True,
                key_display="Alt+U"),
        Binding("alt+d", "jump('published_at')", N_("Date"), id="editor.jump_date", priority=True,
                key_display="Alt+D"),
        Binding("alt+g", "jump('tags')", N_("Tags"), id="editor.jump_tags", priority=True, key_display="Alt+G"),
        Binding("alt+n", "jump('body')", N_("Body"), id="editor.jump_body", priority=True, key_display="Alt+N"),
        # "?" types a question mark in the text; it opens the help from the findings panel.
        Binding("f1", "help", N_("Help"), id="editor.help", priority=True, key_display="F1"),
    ]

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.article: Article | None = None
        self.version = 0  # the version this editor's text is based on (save checks it)
        self._clean: dict = {}  # the fields as loaded or last saved (dirty compares with them)
        self._notes: list[str] = []  # what the next save's revision says happened (fix-all...)
        self._stored_version = 0  # the article's version in the database, polled
        self.session: ArticleSession | None = None
        self.checking: Findings | None = None
        self.history: History | None = None
        self.conflicts: Conflicts | None = None
        self.drafts: Drafts | None = None
        self.read_only = False  # opened while a colleague edits it, and not taken over
        self.lock: SoftLock | None = None

    # ---- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield EditorStatus()
        yield ArticleForm()
        body = BodyArea(id="body")
        with Horizontal(id="workspace"):
            yield body
            yield FindingsPanel(id="findings")
        yield FindBar(body)
        yield Footer(compact=True, show_command_palette=False)

    @property
    def form(self) -> ArticleForm:
        return self.query_one(ArticleForm)

    @property
    def body(self) -> BodyArea:
        return self.query_one("#body", BodyArea)

    @property
    def panel(self) -> FindingsPanel:
        return self.query_one("#findings", FindingsPanel)

    @property
    def findings(self) -> list[Finding]:
        """The findings shown, in order (whole-record ones first, then title, sapo, body)."""
        return self.checking.findings if self.checking is not None else []

    def on_mount(self) -> None:
        localize_bindings(self)
        self.session = session = ArticleSession(self.app.db, self.app.checks, self.article_id)
        self.checking = Findings(session, self.app, post=self.post_message, run_worker=self.run_worker,
                                 raw=self.raw, body=self.body, form=self.form, panel=self.panel,
                                 recheck_delay=self.RECHECK_DELAY, first_paint_wait=self.FIRST_PAINT_WAIT,
                                 sync_check_chars=self.SYNC_CHECK_CHARS)
        self.history = History(session, self.app, post=self.post_message, dirty=lambda: self.dirty,
                               version=lambda: self.version)
        self.drafts = Drafts(session, self.app, post=self.post_message, set_timer=self.set_timer,
                             delay=self.AUTOSAVE_DELAY, fields=self.raw, dirty=lambda: self.dirty,
                             version=lambda: self.version)
        self.conflicts = Conflicts(session, self.app, post=self.post_message, title=lambda: self.raw()["title"],
                                   changes=self.changes, draft_fields=self.drafts.fields,
                                   version=lambda: self.version)
        self.lock = SoftLock(session, self.app, post=self.post_message, set_interval=self.set_interval)
        try:
            article = session.get()
        except articles.NotFound:
            self.query_one(EditorStatus).gone(self.article_id)
            self.form.display = False
            self.query_one("#workspace").display = False
            return
        self.checking.checker = session.checker()
        self.load(article)
        self.body.focus()
        self.set_interval(self.POLL_SECONDS, self.poll_stored_version)
        self.lock.take()

    # ---- presence -------------------------------------------------------------------------------

    def on_soft_lock_taken(self, message: SoftLock.Taken) -> None:
        if message.took_over:
            self.load(self.session.get())  # the take-over is a revision of its own
        self.drafts.offer()

    def on_soft_lock_read_only(self, message: SoftLock.ReadOnly) -> None:
        self._set_read_only(True)

    def on_soft_lock_lost(self, message: SoftLock.Lost) -> None:
        self.drafts.autosave()
        self._set_read_only(True)

    def on_soft_lock_leave(self, message: SoftLock.Leave) -> None:
        self._leave()

    def _set_read_only(self, value: bool) -> None:
        self.read_only = value
        self.body.read_only = value
        self.form.disabled = value
        self.update_status()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Without an article (it was deleted) only leaving and help make sense.
        return self.article is not None or action in ("back", "help")

    # ---- the fields -----------------------------------------------------------------------------

    def raw(self) -> dict:
        """Every field as the editor sees it now (strings; tags as typed)."""
        return {**self.form.values(), "body": self.body.text}

    @property
    def dirty(self) -> bool:
        return bool(self._clean) and self.raw() != self._clean

    def changes(self) -> dict:
        """The fields changed since loading (or the last save), typed as the store takes them."""
        raw = self.raw()
        return typed(raw, [k for k in raw if raw[k] != self._clean.get(k)], self._clean)

    def _put(self, values: dict) -> None:
        self.form.load(values)
        if "body" in values:
            self.body.load_text(values["body"] or "")

    def load(self, article: Article) -> None:
        """Show `article` as stored: its fields, findings, and a clean slate (nothing unsaved)."""
        self.article = article
        self.version = self._stored_version = article.version
        self.history.clear()
        self._put(display_values(article))
        self._clean = self.raw()  # what the widgets hold (the TextArea may normalise line breaks)
        self.drafts.clear()
        self.form.show_errors(self._clean)
        self.checking.check_on_load()
        self.update_status()

    def on_drafts_restore(self, message: Drafts.Restore) -> None:
        """Put a draft's fields in the editor (then unsaved), based on the older of its version and
        this editor's: saving then goes through the conflict dialog."""
        self._put(message.fields)
        self.version = min(self.version, message.base_version)
        self.form.show_errors(self._clean)
        self.checking.check_now()
        self.update_status()
        self.drafts.restored()

    def on_findings_updated(self, message: Findings.Updated) -> None:
        self.update_status()

    @on(Findings.FixesApplied)
    @on(FindBar.Replaced)
    def _noted(self, message: Findings.FixesApplied | FindBar.Replaced) -> None:
        self._notes.append(message.note)  # what the next save's revision says happened

    def update_status(self) -> None:
        if self.article is None:
            return
        self.query_one(EditorStatus).show(self.article, version=self.version, stored_version=self._stored_version,
                                          read_only=self.read_only, dirty=self.dirty, findings=self.findings)

    def poll_stored_version(self) -> None:
        """Another desk may save this article while it is open: say so before Ctrl+S finds out."""
        if self.article is None:
            return
        stored = self.session.stored_version() or self.version
        if stored != self._stored_version:
            self._stored_version = stored
            self.update_status()

    # ---- editing events -------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _edited(self, event) -> None:
        name = "body" if event.control is self.body else self.form.field_of(event.control)
        if name is None or not self._clean:
            return
        if name in ("title", "published_at"):
            self.form.show_errors(self._clean)
        self.checking.schedule()
        self.drafts.restart()
        self.update_status()

    def reload_checker(self) -> None:
        """The glossary, the dictionary, the house style or this article's ignores changed: check
        again with them (the app calls this whenever the newsroom's data changes)."""
        if self.checking is not None and self.article is not None:
            self.checking.reload_checker()

    # ---- findings -------------------------------------------------------------------------------

    def action_next_finding(self) -> None:
        self.checking.step(True)

    def action_previous_finding(self) -> None:
        self.checking.step(False)

    @on(OptionList.OptionHighlighted, "#findings")
    def _panel_moved(self, event: OptionList.OptionHighlighted) -> None:
        self.checking.follow_panel()

    @on(OptionList.OptionSelected, "#findings")
    def _panel_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply_fix()

    def action_apply_fix(self) -> None:
        self.checking.apply_fix()

    def action_fix_all(self) -> None:
        self.checking.fix_all()

    def action_ignore_finding(self) -> None:
        self.checking.ignore()

    def action_add_word(self) -> None:
        self.checking.add_word()

    def action_jump(self, field: str) -> None:
        """Put the cursor in `field` (where it was in it: nothing selected, nothing replaced)."""
        if field == "body":
            self.body.focus()
        else:
            self.form.focus_field(field)

    # ---- find and replace -----------------------------------------------------------------------

    def action_find(self) -> None:
        self.query_one(FindBar).open(replace=False)

    def action_replace(self) -> None:
        self.query_one(FindBar).open(replace=True)

    # ---- removed lines and history --------------------------------------------------------------

    def action_removed_lines(self) -> None:
        self.history.removed_lines()

    def action_history(self) -> None:
        self.history.show()

    def on_history_line_put_back(self, message: History.LinePutBack) -> None:
        put_back(self.body, message.line)


    def on_history_refused(self, message: History.Refused) -> None:
        self.conflicts.refused(message.refused, message.demote)

    # ---- saving ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        self._save()

    def _save(self, then: Callable[[], None] | None = None) -> None:
        if self.read_only:
            self.notify(_("Read only: a colleague is editing this article."), severity="warning", markup=False)
            return
        errors = self.form.show_errors(self._clean)
        if errors:
            self.notify(_("Not saved: fix the fields marked red."), severity="error", markup=False)
            self.form.focus_field(next(iter(errors)))
            return
        changes = self.changes()
        if not changes and not self.history.pending and self.version == self.article.version:
            self.notify(_("Nothing changed."), markup=False)
            if then:
                then()
            return
        self.write(changes, self.version, then, note="")

    def write(self, changes: dict, expected: int, then: Callable[[], None] | None, note: str, *,
              base: Article | None = None, demote: bool = False) -> None:
        """Save `changes` over version `expected` through the publish gate. `base` is the stored
        article they go on top of when it is not the one this editor loaded (after a conflict); the
        form then shows the result."""
        raw = self.raw()
        restores = list(self.history.pending)
        notes = [*self._notes, f"restored lines: {len(restores)}" if restores else "", note]
        try:
            article = self.session.save(changes, expected, note=", ".join(filter(None, notes)),
                                        checker=self.checking.checker, demote=demote, restores=restores)
        except ConflictError:
            self.conflicts.conflict(then)
            return
        except GateRefused as refused:
            self.conflicts.refused(refused, lambda: self.write(changes, expected, then, note, base=base,
                                                               demote=True))
            return
        except ValueError as exc:
            self.notify(visible(str(exc)), severity="error", markup=False)
            return
        except StoreError as exc:  # locked by a long import, disk full...: the text stays, as a draft too
            self.drafts.autosave()
            self.notify(_("Not saved ({error}); your text is kept — try Ctrl+S again.")
                        .format(error=visible(str(exc))),
                        severity="error", markup=False, timeout=10)
            return
        self._notes = []
        if article.status != raw["status"]:  # moved back to review by the gate
            base = article
        if base is not None:
            self.load(article)
        else:
            self.article = article
            self.version = self._stored_version = article.version
            self.history.clear()
            self._clean = raw
            self.drafts.clear()
            self.update_status()
        self.notify(_("Saved v{version}.").format(version=article.version), markup=False)
        if then:
            then()

    @on(Conflicts.Reload)
    @on(History.Restored)
    def _stored(self, message: Conflicts.Reload | History.Restored) -> None:
        self.load(message.article)  # theirs after a conflict, or a version restored

    def on_conflicts_keep_mine(self, message: Conflicts.KeepMine) -> None:
        self.write(message.changes, message.theirs.version, message.then, message.note, base=message.theirs)

    # ---- help and leaving -----------------------------------------------------------------------

    def action_help(self) -> None:
        from bientap.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))

    def action_back(self) -> None:
        if not self.dirty:
            self._leave()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self._save(then=self._leave)
            elif choice == "discard":
                self.session.discard_draft()
                self._clean = self.raw()
                self._leave()

        self.app.push_screen(ChoiceDialog(
            Text(_("This article has unsaved changes.")),
            [("save", *keyed(_("Save (s)"))), ("discard", *keyed(_("Discard changes (d)"))),
             ("cancel", *keyed(_("Keep editing (e)")))]), answer)

    def _leave(self) -> None:
        if self.drafts is not None:
            self.drafts.stop()
        if self.lock is not None:
            self.lock.release()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        if self.lock is not None:  # the desk is closing with the article open
            self.lock.release()
