"""Find and replace in the body (Ctrl+F, Ctrl+R): a bar under the body, matching accent- and
case-insensitively like the inbox search ("day" finds "Đây"). Enter (or ↓) goes to the next match,
Shift+Enter (or ↑) to the previous one; the replace field's Enter says how many matches it will
change and asks first, then changes them as one edit (one Ctrl+Z takes it back).

Matching folds each character on its own (`bientap.checks.text.fold`) and keeps, for every folded
character, the offset of the character it came from: a match found in the folded text maps back
to exact offsets in the body even where folding changes the length (a decomposed "ê" is three
code points and folds to one).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static
from textual.widgets.text_area import Selection

from bientap.checks.text import fold, visible
from bientap.i18n import N_, _, ngettext
from bientap.tui.dialogs.confirm import ConfirmDialog
from bientap.tui.keys import localize_bindings
from bientap.tui.widgets.body_area import BodyArea

_FOLDED: dict[str, str] = {}


def fold_char(ch: str) -> str:
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = _FOLDED[ch] = fold(ch)
    return folded


def folded_with_owners(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, and for each folded character the offset in `text`
    of the character it came from (combining marks fold to nothing and own none)."""
    parts, owners = [], []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            parts.append(folded)
            owners.extend([i] * len(folded))
    return "".join(parts), owners


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of every match of `query`, accents and case aside, in order
    and not overlapping. A match takes whole characters, and the marks that follow its last one."""
    needle = "".join(fold_char(ch) for ch in query)
    if not needle:
        return []
    haystack, owners = folded_with_owners(text)
    out: list[tuple[int, int]] = []
    i = haystack.find(needle)
    while i != -1:
        start, end = owners[i], owners[i + len(needle) - 1] + 1
        while end < len(text) and not fold_char(text[end]):
            end += 1
        if not out or start >= out[-1][1]:
            out.append((start, end))
        i = haystack.find(needle, i + len(needle))
    return out


class FindBar(Horizontal):
    """The find (and replace) bar of the editor's `body`; hidden until Ctrl+F or Ctrl+R. A replace
    goes up as a `FindBar.Replaced` message (the next save's revision says so)."""

    class Replaced(Message):
        """`count` matches were replaced in the body; `note` is what the next save's revision says."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count, self.note = count, f"replace: {count}"

    # Priority: an Input inherits up/down as scroll keys, which would hide these from the footer.
    BINDINGS = [
        Binding("down", "step(True)", N_("Next match"), id="find.next", key_display="↵, ↓", priority=True),
        Binding("up,shift+enter", "step(False)", N_("Previous match"), id="find.previous", key_display="↑, ⇧↵",
                priority=True),
        Binding("escape", "close", N_("Close find"), id="find.close"),
    ]

    def __init__(self, body: BodyArea) -> None:
        super().__init__(id="find-bar")
        self.body = body
        self.display = False

    def compose(self) -> ComposeResult:
        yield Label(_("Find"), classes="label")
        yield Input(id="find-text", select_on_focus=False)
        yield Label(_("Replace with"), classes="label replace")
        yield Input(id="replace-text", classes="replace", select_on_focus=False)
        yield Static(id="find-count", markup=False)

    def on_mount(self) -> None:
        localize_bindings(self)

    @property
    def query_box(self) -> Input:
        return self.query_one("#find-text", Input)

    @property
    def replacement_box(self) -> Input:
        return self.query_one("#replace-text", Input)

    def open(self, replace: bool) -> None:
        self.display = True
        for widget in self.query(".replace"):
            widget.display = replace
        picked = self.body.selected_text
        if picked and "\n" not in picked:
            self.query_box.value = picked
        box = self.replacement_box if replace and self.query_box.value else self.query_box
        box.focus()
        self.count()

    def matches(self) -> list[tuple[int, int]]:
        return find_all(self.body.text, self.query_box.value)

    def count(self, current: int | None = None) -> None:
        n = len(self.matches())
        if not self.query_box.value:
            shown = ""
        elif current is None:
            shown = ngettext("{n} match", "{n} matches", n).format(n=n)
        else:
            shown = f"{current}/{n}"
        self.query_one("#find-count", Static).update(Text(shown))

    @on(Input.Changed, "#find-text")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.count()

    @on(Input.Changed, "#replace-text")
    def _replacement_changed(self, event: Input.Changed) -> None:
        event.stop()

    @on(Input.Submitted, "#find-text")
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_step(True)

    @on(Input.Submitted, "#replace-text")
    def _replace(self, event: Input.Submitted) -> None:
        event.stop()
        self.replace_all()

    def action_step(self, forward: bool) -> None:
        """Select the next (previous) match after (before) the selection, wrapping around."""
        matches = self.matches()
        if not matches:
            self.count()
            return
        body = self.body
        start, end = sorted(map(body.offset_of, body.selection))
        if forward:
            index = next((i for i, (s, _e) in enumerate(matches) if s >= end), 0)
        else:
            index = next((i for i in range(len(matches) - 1, -1, -1) if matches[i][1] <= start), len(matches) - 1)
        s, e = matches[index]
        body.selection = Selection(body.location_of(s), body.location_of(e))
        body.scroll_cursor_visible(center=True)
        self.count(index + 1)

    def action_close(self) -> None:
        self.display = False
        self.body.focus()

    def replace_all(self) -> None:
        body, query, replacement = self.body, self.query_box.value, self.replacement_box.value
        if body.read_only:  # the editor makes the body read only with the article
            self.notify(_("The article is read only."), markup=False)
            return
        text = body.text
        matches = find_all(text, query)
        if not matches:
            self.notify(_("«{query}» is not in the body.").format(query=visible(query)), markup=False)
            return
        n = len(matches)
        question = Text(ngettext("Replace {n} match of «{query}» with «{replacement}» in the body?",
                                 "Replace {n} matches of «{query}» with «{replacement}» in the body?", n).format(
            n=n, query=visible(query), replacement=visible(replacement)))

        def done(ok: bool | None) -> None:
            if not ok:
                return
            if body.text != text:
                self.notify(_("The body changed; nothing replaced."), markup=False)
                return
            first, last = matches[0][0], matches[-1][1]
            pieces, at = [], first
            for s, e in matches:
                pieces += [text[at:s], replacement]
                at = e
            pieces.append(text[at:last])
            body.history.checkpoint()  # the replacement is one undo step of its own
            body.replace("".join(pieces), body.location_of(first), body.location_of(last))
            body.history.checkpoint()
            self.post_message(self.Replaced(n))
            self.count()
            self.notify(ngettext("Replaced {n} match.", "Replaced {n} matches.", n).format(n=n), markup=False)

        self.app.push_screen(ConfirmDialog(question), done)
