"""The same story from several sites, side by side (bài trùng): the group's articles on the left,
the chosen one against the group's earliest as a word-level diff on the right. `g` keeps the chosen
article and spikes the rest of the group, in one action, through the publish workflow."""

from __future__ import annotations

import difflib

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from bientap.checks.text import visible
from bientap.store import articles, duplicates
from bientap.i18n import N_, _, ngettext
from bientap.store.db import StoreError
from bientap.store.workflow import status_label
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.keys import localize_bindings
from bientap.tui.widgets.article_list import one_line


def word_diff(before: str, after: str) -> Text:
    """`after` against `before`, word by word: removed words struck through in red, added ones in
    green, the rest plain. Article text is shown literally (visible escapes, never markup)."""
    old, new = visible(before).split(" "), visible(after).split(" ")
    out = Text()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(" ".join(new[j1:j2]) + " ")
            continue
        if i2 > i1:
            out.append(" ".join(old[i1:i2]) + " ", style="strike red")
        if j2 > j1:
            out.append(" ".join(new[j1:j2]) + " ", style="bold green")
    return out


class DuplicatesScreen(Screen):
    DEFAULT_CSS = """
    DuplicatesScreen OptionList { width: 44; height: 1fr; }
    DuplicatesScreen VerticalScroll { width: 1fr; height: 1fr; padding: 0 1; }
    DuplicatesScreen #dup-title { height: auto; text-style: bold; padding: 0 1; }
    """
    BINDINGS = [
        Binding("g", "keep", N_("Keep this one, spike the others"), id="duplicates.keep"),
        Binding("j", "down", show=False, id="duplicates.down"),
        Binding("k", "up", show=False, id="duplicates.up"),
        Binding("escape,q", "back", N_("Back"), id="duplicates.back"),
    ]

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.members: list[articles.Article] = []

    def compose(self) -> ComposeResult:
        yield Static(id="dup-title", markup=False)
        with Horizontal():
            yield OptionList(id="dup-members")
            with VerticalScroll():
                yield Static(id="dup-diff", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        localize_bindings(self)
        db = self.app.db
        try:
            self.members = [articles.get(db, i) for i in duplicates.group(db, self.article_id)]
        except articles.NotFound:  # deleted by another desk meanwhile
            self.app.pop_screen()
            return
        self.query_one("#dup-title", Static).update(Text(
            _("{n} articles of one story — against #{id} (the earliest); g keeps the chosen one and spikes the rest")
            .format(n=len(self.members), id=self.members[0].id)))
        options = self.query_one("#dup-members", OptionList)
        for a in self.members:
            label = Text(f"#{a.id} ", style="bold")
            label.append(f"{one_line(a.source) or '—'} · {status_label(a.status)}\n", style="dim")
            label.append(one_line(a.title) or "—")
            options.add_option(Option(label, id=str(a.id)))
        options.highlighted = next(i for i, a in enumerate(self.members) if a.id == self.article_id)
        options.focus()
        self._show(options.highlighted)

    @property
    def chosen(self) -> articles.Article:
        return self.members[self.query_one("#dup-members", OptionList).highlighted or 0]

    def _show(self, index: int | None) -> None:
        if index is None:
            return
        root, other = self.members[0], self.members[index]
        text = Text(f"#{other.id} ", style="bold")
        text.append(one_line(other.title) + "\n\n")
        if other.id == root.id:
            text.append(visible(other.body))
        else:
            text.append(word_diff(f"{root.title or ''}\n{root.body}".replace("\n", " ¶ "),
                                  f"{other.title or ''}\n{other.body}".replace("\n", " ¶ ")))
        self.query_one("#dup-diff", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def action_down(self) -> None:
        self.query_one("#dup-members", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#dup-members", OptionList).action_cursor_up()

    def action_keep(self) -> None:
        keeper = self.chosen
        others = len(self.members) - 1

        def answer(ok: bool | None) -> None:
            if not ok:
                return
            try:
                report = duplicates.keep(self.app.db, keeper.id, shown=[m.id for m in self.members])
            except (StoreError, articles.NotFound) as exc:
                self.notify(visible(str(exc)), severity="error", markup=False)
                return
            self.notify(ngettext("Kept #{id}; spiked {n} article.", "Kept #{id}; spiked {n} articles.",
                                 len(report.moved)).format(id=keeper.id, n=len(report.moved)), markup=False)
            self.app.pop_screen()

        question = ngettext("Keep #{id} and move the other article to “{status}”?",
                            "Keep #{id} and move the other {n} articles to “{status}”?", others)
        self.app.push_screen(ConfirmDialog(Text(question.format(id=keeper.id, n=others,
                                                                status=status_label("spiked")))), answer)

    def action_back(self) -> None:
        self.app.pop_screen()
