"""The glossary (bảng viết tắt) and the newsroom dictionary (từ điển tòa soạn), from the palette.

List, add, edit and remove, with the validation `bientap glossary` / `bientap words` use
(`bientap.store.glossary`). Entries may have come from anyone: cells are rich `Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from bientap.checks.glossary import GlossaryEntry
from bientap.checks.glossary import POLICIES, GlossaryError
from bientap.checks.text import visible
from bientap.i18n import N_, _, ngettext
from bientap.store import glossary as store_glossary
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.keys import localize_bindings

POLICY_LABELS = {"define-first": N_("define first"), "always-expand": N_("always expand"), "known": N_("known"),
                 "avoid": N_("avoid")}
# The glossary's fields, as the list's columns and the entry dialog's labels.
COLUMNS = (N_("Abbreviation"), N_("Expansion"), N_("Variants"), N_("Canonical"), N_("Policy"))


def policy_label(policy: str) -> str:
    """A glossary policy as the editor reads it (the id itself when it is not one we know)."""
    return _(POLICY_LABELS[policy]) if policy in POLICY_LABELS else policy


class EntryDialog(ModalScreen[GlossaryEntry | None]):
    """Add or edit one abbreviation. `save` stores it or raises GlossaryError, shown in the dialog."""

    DEFAULT_CSS = """
    EntryDialog { align: center middle; }
    EntryDialog > Vertical { width: 84; height: auto; padding: 1 2; border: thick $primary; background: $surface; }
    EntryDialog Horizontal { height: auto; }
    EntryDialog Label { width: 16; padding-top: 1; }
    EntryDialog Input { width: 1fr; }
    EntryDialog Select { width: 1fr; }
    EntryDialog #entry-error { color: $text-error; height: auto; }
    EntryDialog .buttons { align-horizontal: right; margin-top: 1; }
    EntryDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="glossary_entry.cancel")]

    def __init__(self, save: Callable[[GlossaryEntry], object], entry: GlossaryEntry | None = None) -> None:
        super().__init__()
        self.save = save
        self.entry = entry

    def compose(self) -> ComposeResult:
        e = self.entry
        with Vertical():
            yield Static(_("Edit abbreviation") if e else _("Add abbreviation"), markup=False)
            for name, label, value in (
                ("abbr", COLUMNS[0], e.abbr if e else ""),
                ("expansion", COLUMNS[1], e.expansion if e else ""),
                ("variants", COLUMNS[2], "; ".join(e.variants) if e else ""),
                ("canonical", COLUMNS[3], e.canonical if e else ""),
            ):
                with Horizontal():
                    yield Label(_(label))
                    yield Input(value, id=f"g-{name}", disabled=(name == "abbr" and e is not None))
            with Horizontal():
                yield Label(_(COLUMNS[4]))
                yield Select([(policy_label(p), p) for p in POLICIES], id="g-policy", allow_blank=False,
                             value=e.policy if e else "define-first")
            yield Static(id="entry-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query_one("#g-expansion" if self.entry else "#g-abbr", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#g-{name}", Input).value

    def submit(self) -> None:
        try:
            entry = store_glossary.entry_from_args(
                self._value("abbr"), self._value("expansion"),
                [v.strip() for v in self._value("variants").replace(",", ";").split(";")],
                self._value("canonical"), self.query_one("#g-policy", Select).value)
            self.save(entry)
        except (GlossaryError, ValueError) as exc:
            self.query_one("#entry-error", Static).update(Text("⚠ " + visible(str(exc))))
            return
        self.dismiss(entry)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class WordDialog(ModalScreen[str | None]):
    """Add one word to the newsroom dictionary; `save` raises ValueError on a word it refuses."""

    DEFAULT_CSS = """
    WordDialog { align: center middle; }
    WordDialog > Vertical { width: 64; height: auto; padding: 1 2; border: thick $primary; background: $surface; }
    WordDialog #word-error { color: $text-error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="word_entry.cancel")]

    def __init__(self, save: Callable[[str], object]) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Add a word to the newsroom dictionary (Enter saves, Esc cancels)"), markup=False)
            yield Input(id="w-word")
            yield Static(id="word-error", markup=False)

    def on_mount(self) -> None:
        localize_bindings(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.save(event.value)
        except ValueError as exc:
            self.query_one("#word-error", Static).update(Text("⚠ " + visible(str(exc))))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class _ListScreen(Screen):
    DEFAULT_CSS = """
    _ListScreen #list-title { height: 1; background: $boost; text-style: bold; padding: 0 1; }
    _ListScreen DataTable { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="list-title", markup=False)
        yield DataTable(id="list", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#list", DataTable)

    def current_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def reload(self, select: str | None = None) -> None:
        raise NotImplementedError

    def changed(self, select: str | None = None) -> None:
        """After an edit: show it, and let the open article and the inbox counts catch up."""
        self.reload(select)
        self.app.newsroom_data_changed()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        from bientap.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()


class GlossaryScreen(_ListScreen):
    """Bảng viết tắt: a adds, e or Enter edits, d removes (after asking), Esc goes back."""

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="glossary.add"),
        Binding("e", "edit", N_("Edit"), id="glossary.edit"),
        Binding("d,delete", "remove", N_("Remove"), id="glossary.remove"),
        Binding("j", "cursor_down", show=False, id="glossary.down"),
        Binding("k", "cursor_up", show=False, id="glossary.up"),
        Binding("escape", "back", N_("Back"), id="glossary.back"),
        Binding("question_mark,f1", "help", N_("Help"), id="glossary.help"),
    ]

    def on_mount(self) -> None:
        localize_bindings(self)
        store_glossary.ensure_default_glossary(self.app.db)
        self.table.add_columns(*(_(column) for column in COLUMNS))
        self.reload()
        self.table.focus()

    def reload(self, select: str | None = None) -> None:
        entries = store_glossary.list_entries(self.app.db)
        self.entries = {e.abbr: e for e in entries}
        table = self.table
        keep = select or self.current_key()
        table.clear()
        for e in entries:
            table.add_row(*(Text(visible(v)) for v in (e.abbr, e.expansion, ", ".join(e.variants), e.canonical,
                                                         policy_label(e.policy))), key=e.abbr)
        if keep in self.entries:
            table.move_cursor(row=table.get_row_index(keep))
        self.query_one("#list-title", Static).update(Text(
            ngettext("Glossary — {n} entry", "Glossary — {n} entries", len(entries)).format(n=len(entries))))

    def action_add(self) -> None:
        self.app.push_screen(EntryDialog(lambda e: store_glossary.add_entry(self.app.db, e, replace=False)),
                             lambda e: self.changed(e.abbr) if e else None)

    def action_edit(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.app.push_screen(EntryDialog(lambda e: store_glossary.add_entry(self.app.db, e), self.entries[key]),
                             lambda e: self.changed(e.abbr) if e else None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        key = self.current_key()
        if key is None:
            return

        def answer(ok: bool | None) -> None:
            if not ok:
                return
            try:
                store_glossary.remove_entry(self.app.db, key)
            except GlossaryError as exc:
                self.notify(visible(str(exc)), severity="error", markup=False)
                return
            self.changed()

        self.app.push_screen(ConfirmDialog(Text(_("Remove «{abbr}» from the glossary?").format(abbr=visible(key)))),
                             answer)


class WordsScreen(_ListScreen):
    """Từ điển tòa soạn: words the typo rules accept. a adds, d removes (after asking)."""

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="words.add"),
        Binding("d,delete", "remove", N_("Remove"), id="words.remove"),
        Binding("j", "cursor_down", show=False, id="words.down"),
        Binding("k", "cursor_up", show=False, id="words.up"),
        Binding("escape", "back", N_("Back"), id="words.back"),
        Binding("question_mark,f1", "help", N_("Help"), id="words.help"),
    ]

    def on_mount(self) -> None:
        localize_bindings(self)
        self.table.add_columns(_("Word"), _("Added by"), _("Added at"))
        self.reload()
        self.table.focus()

    def reload(self, select: str | None = None) -> None:
        rows = store_glossary.list_words(self.app.db)
        table = self.table
        keep = select or self.current_key()
        table.clear()
        for row in rows:
            table.add_row(Text(visible(row["word"])), Text(visible(row["added_by"] or "")),
                          Text((row["added_at"] or "")[:16].replace("T", " ")), key=row["word"])
        words = {row["word"] for row in rows}
        if keep in words:
            table.move_cursor(row=table.get_row_index(keep))
        self.query_one("#list-title", Static).update(Text(
            ngettext("Newsroom dictionary — {n} word", "Newsroom dictionary — {n} words", len(rows))
            .format(n=len(rows))))

    def action_add(self) -> None:
        self.app.push_screen(WordDialog(lambda w: store_glossary.add_word(self.app.db, w)),
                             lambda w: self.changed(w) if w else None)

    def action_remove(self) -> None:
        key = self.current_key()
        if key is None:
            return

        def answer(ok: bool | None) -> None:
            if ok:
                store_glossary.remove_word(self.app.db, key)
                self.changed()

        self.app.push_screen(ConfirmDialog(Text(_("Remove «{word}» from the dictionary?").format(word=visible(key)))),
                             answer)


def palette_commands(app) -> list[tuple[str, str, Callable]]:
    """(label, help, callback) for the command palette on every screen of the desk."""
    return [
        (_("Glossary (abbreviations)"), "", lambda: app.push_screen(GlossaryScreen())),
        (_("Newsroom dictionary"), "", lambda: app.push_screen(WordsScreen())),
    ]
