"""A diff an editor can read: paragraphs that changed, with the changed words marked.

`diff_text` / `diff_fields` build rich `Text` (article text is never markup; control characters are
shown as escapes); `DiffDialog` shows one, either to confirm (apply / cancel) or just to look.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bientap.checks.text import visible
from bientap.tui.dates import display_date
from bientap.i18n import N_, _
from bientap.store.workflow import STATUS_LABELS, status_label
from bientap.tui.keys import localize_bindings

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
REMOVED = "bold red"
ADDED = "bold green"
REMOVED_WORD = "bold white on dark_red"
ADDED_WORD = "bold white on dark_green"


CONTEXT_CHARS = 50  # unchanged text kept on each side of a change inside a long paragraph


def _shorten(text: str, first: bool, last: bool) -> str:
    """An unchanged stretch between changes, cut to its ends (a fix in a long paragraph stays visible)."""
    if len(text) <= 2 * CONTEXT_CHARS + 5:
        return text
    head = "" if first else text[:CONTEXT_CHARS]
    tail = "" if last else text[-CONTEXT_CHARS:]
    return f"{head}…{tail}"


def _changed_pair(old: str, new: str, out: Text) -> None:
    """One replaced paragraph: the old line and the new one, changed words marked."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    minus, plus = Text("- ", style=REMOVED), Text("+ ", style=ADDED)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            same = visible(_shorten("".join(a[i1:i2]), k == 0, k == len(ops) - 1))
            minus.append(same)
            plus.append(same)
        else:
            minus.append(visible("".join(a[i1:i2])), style=REMOVED_WORD)
            plus.append(visible("".join(b[j1:j2])), style=ADDED_WORD)
    out.append_text(minus)
    out.append("\n")
    out.append_text(plus)
    out.append("\n")


def diff_text(old: str, new: str, *, context: int = 1) -> Text:
    """Changed paragraphs of `old` → `new`, with `context` unchanged lines around each change."""
    out = Text()
    a, b = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first = group[0]
        out.append(_("@@ line {old} → {new} @@").format(old=first[1] + 1, new=first[3] + 1) + "\n", style="cyan")
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                for line in a[i1:i2]:
                    out.append("  " + visible(line) + "\n", style="dim")
                continue
            olds, news = a[i1:i2], b[j1:j2]
            paired = min(len(olds), len(news)) if op == "replace" else 0
            for k in range(paired):
                _changed_pair(olds[k], news[k], out)
            for line in olds[paired:]:
                out.append("- " + visible(line) + "\n", style=REMOVED)
            for line in news[paired:]:
                out.append("+ " + visible(line) + "\n", style=ADDED)
    out.rstrip()
    return out


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def diff_fields(old: Mapping, new: Mapping, labels: Mapping[str, str] | None = None) -> Text:
    """Per-field diff of two sets of article fields; fields that did not change are left out."""
    out = Text()
    for key in dict.fromkeys([*old, *new]):
        before, after = _as_text(old.get(key)), _as_text(new.get(key))
        if key == "published_at":  # as the form shows it
            before, after = display_date(before), display_date(after)
        elif key == "status":  # "Chờ duyệt", not "review"
            before, after = (status_label(v) if v in STATUS_LABELS else v for v in (before, after))
        if before == after:
            continue
        if out:
            out.append("\n\n")
        out.append(f"{(labels or {}).get(key, key)}\n", style="bold underline")
        out.append_text(diff_text(before, after))
    return out


class DiffDialog(ModalScreen[bool]):
    """Show a diff. With `confirm`, Enter/y applies (True) and Escape/n cancels (False)."""

    DEFAULT_CSS = """
    DiffDialog { align: center middle; }
    DiffDialog > Vertical {
        width: 95%; height: 90%; padding: 0 1; border: thick $primary; background: $surface;
    }
    DiffDialog .title { text-style: bold; height: auto; margin-bottom: 1; }
    DiffDialog VerticalScroll { height: 1fr; }
    DiffDialog Horizontal { height: auto; align-horizontal: right; }
    DiffDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", N_("Apply"), id="diff.apply"),
        Binding("n,escape,q", "answer(False)", N_("Close"), id="diff.close"),
    ]

    def __init__(self, title: str | Text, diff: Text, *, confirm: bool = False) -> None:
        super().__init__()
        self.heading = title if isinstance(title, Text) else Text(title)
        self.diff = diff
        self.confirm = confirm

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="title", markup=False)
            with VerticalScroll():
                yield Static(self.diff or Text(_("(no changes)")),
                             id="diff", markup=False)
            with Horizontal():
                if self.confirm:
                    yield Button(_("Apply (y)"), id="apply", variant="primary")
                    yield Button(_("Cancel (n)"), id="cancel")
                else:
                    yield Button(_("Close (Esc)"), id="cancel")

    def on_mount(self) -> None:
        localize_bindings(self)
        self.query(Button).first().focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "answer" and parameters == (True,) and not self.confirm:
            return False
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "apply")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
