"""The editor's status line: which article, its version, read only or unsaved, the findings counted
by severity, a colleague's newer save, and a source that changed since import."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from bientap.checks.findings import Finding
from bientap.checks.text import visible
from bientap.i18n import _, ngettext
from bientap.store.articles import Article


class EditorStatus(Static):
    """One line above the form; everything in it is built as rich `Text` (never markup)."""

    def __init__(self) -> None:
        super().__init__(id="editor-status", markup=False)

    def show(self, article: Article, *, version: int, stored_version: int, read_only: bool, dirty: bool,
             findings: Sequence[Finding]) -> None:
        """`version` is the one the editor's text is based on, `stored_version` the database's."""
        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
        out = Text()
        out.append(" " + _("Article #{id}").format(id=article.id), style="bold")
        out.append(f" · v{version}")
        if read_only:
            out.append(" · ")
            out.append(_("read only"), style="bold magenta")
        if dirty:
            out.append(" · ")
            out.append(_("● unsaved"), style="bold yellow")
        out.append(" · ")
        n = counts["error"]
        out.append(ngettext("{n} error", "{n} errors", n).format(n=n), style="bright_red")
        out.append(" · ")
        n = counts["warning"]
        out.append(ngettext("{n} warning", "{n} warnings", n).format(n=n), style="yellow")
        out.append(" · ")
        n = counts["info"]
        out.append(ngettext("{n} note", "{n} notes", n).format(n=n), style="cyan")
        if stored_version > version:
            out.append(" · ")
            out.append(_("⚠ someone saved v{version}").format(version=stored_version), style="bold red")
        if article.source_changed:
            out.append(" · " + visible(article.source_changed), style="italic")
        self.update(out)

    def gone(self, article_id: int) -> None:
        """The article was deleted before it could be opened."""
        message = _("Article #{id} is gone — Esc goes back.").format(id=article_id)
        self.update(Text(message, style="bold red"))
