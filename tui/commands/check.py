"""`bientap check`: findings for files (raw, as given) or stored articles, as text, JSON or SARIF.

Exit 0 when nothing reaches `--fail-on`, 1 otherwise, 2 on bad usage or unreadable input (2 wins).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from bientap.checks import collector
from bientap.i18n import N_, _, current
from bientap.tui.cli import Env, fail

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# The severity words as printed, in the run's language: info is a note ("lưu ý"), never a suggestion.
SEVERITY_LABEL = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}


class Checked:
    """One checked unit: a file (`path`) or a stored article (`article_id`) with its field texts."""

    def __init__(self, label: dict, texts: dict[str, str], findings: list):
        self.label = label
        self.texts = texts
        self.findings = findings

    @property
    def name(self) -> str:
        return self.label["path"] if "path" in self.label else f"#{self.label['id']}"


def context_for(env: Env, style: Path | None, lang: str, *, db=None):
    """The newsroom context from the database if it exists (never creating it), else defaults."""
    from bientap.checks.style import StyleError
    from bientap.store.context import load_context

    if style is not None and not style.exists():
        fail(_("{path}: style file not found").format(path=style))
    try:
        return load_context(db, style, lang)
    except StyleError as exc:
        fail(str(exc))


def read_input(path: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). `-` reads standard input."""
    from bientap.checks.text import DecodeError, decode_bytes

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        return None, exc.strerror or str(exc)
    try:
        return decode_bytes(data).text, None
    except DecodeError as exc:
        return None, str(exc)


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--id", "ids", type=int, multiple=True, help="A stored article's id (repeatable).")
@click.option("--all", "all_", is_flag=True, help="Every stored article.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              help="Exit 1 when a finding reaches this severity (default: error).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None,
              help="Language of the messages (default: the run's language).")
@click.option("--style", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="House style TOML (default: bientap/style.toml in the user config dir).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes when checking many files (default: one per CPU core).")
@click.pass_obj
def check(env: Env, paths: tuple[str, ...], ids: tuple[int, ...], all_: bool, fmt: str, fail_on: str,
          lang: str, style: Path | None, jobs: int | None) -> None:
    """Check articles: files as given (boilerplate included) or stored articles (--id, --all)."""
    lang = lang or current()
    if not (paths or ids or all_):
        raise click.UsageError(_("give PATH..., --id ID or --all"))
    db = env.db(readonly=True)
    if (ids or all_) and db is None:
        fail(_("{path}: no database").format(path=env.db_path))
    ctx = context_for(env, style, lang, db=db)
    # The checks' collector pause held through writing the findings out (see collector.paused).
    with collector.paused():
        results: list[Checked] = []
        bad_input = False
        readable = []
        for path in paths:
            text, reason = read_input(path)
            if text is None:
                click.echo(f"bientap: {_visible(path)}: {reason}", err=True)
                bad_input = True
                continue
            readable.append((path, text))
        texts = [text for _, text in readable]
        for (path, text), findings in zip(readable, check_texts(texts, ctx, jobs or os.cpu_count() or 1)):
            results.append(Checked({"path": path}, {"body": text}, findings))
        if ids or all_:
            from bientap.store import articles
            from bientap.store.context import check_stored_article

            wanted = list(ids)
            if all_:
                wanted += [i for i in articles.all_ids(db) if i not in ids]
            for article_id in wanted:
                try:
                    article = articles.get(db, article_id)
                except articles.NotFound as exc:
                    click.echo(f"bientap: {exc}", err=True)
                    bad_input = True
                    continue
                texts = {k: getattr(article, k) or "" for k in ("title", "sapo", "body")}
                results.append(Checked({"id": article_id}, texts, check_stored_article(db, article, ctx)))
        if fmt == "json":
            # One finding per line: easy to read and grep (indent= would switch json to its
            # pure-Python encoder: 0.3 s for 5,000 findings). The label's members are written once
            # per file and joined to each finding's (Finding.to_json): the same bytes as encoding
            # {**label, **finding}.
            encode = json.JSONEncoder(ensure_ascii=False).encode
            lines = [label + f.to_json()[1:] for c in results if c.findings
                     for label in [encode(c.label)[:-1] + ", "] for f in c.findings]
            click.echo("[\n" + ",\n".join(lines) + "\n]" if lines else "[]")
        elif fmt == "sarif":
            click.echo(json.dumps(to_sarif(results), ensure_ascii=False, indent=2))
        else:
            render_text(results)
    if bad_input:
        sys.exit(2)
    threshold = SEVERITY_RANK.get(fail_on, 99)
    if any(SEVERITY_RANK[f.severity] >= threshold for c in results for f in c.findings):
        sys.exit(1)


# Fewer files than this, or less text, are checked faster in this process than by starting workers.
_POOL_MIN_FILES = 8
_POOL_MIN_CHARS = 1_000_000


def check_texts(texts: list[str], ctx, jobs: int) -> list[list]:
    """check_text over many texts, in order; in `jobs` worker processes when that pays."""
    from bientap.checks.engine import check_text

    if jobs < 2 or len(texts) < _POOL_MIN_FILES or sum(map(len, texts)) < _POOL_MIN_CHARS:
        if jobs >= 2 and sum(map(len, texts)) >= _SPLIT_MIN_CHARS and hasattr(os, "fork"):
            from bientap.checks.engine import check_texts_on_two_cores

            return check_texts_on_two_cores(texts, ctx)  # the rules shared by two processes
        return [check_text(text, ctx) for text in texts]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from bientap.checks.engine import load_rules
    from bientap.checks.lexicon import lexicon

    load_rules()
    lexicon()  # loaded once here; the forked workers share it
    with ProcessPoolExecutor(min(jobs, len(texts)), mp_context=multiprocessing.get_context("fork"),
                             initializer=_worker_start, initargs=(ctx,)) as pool:
        return list(pool.map(_check_one, texts, chunksize=max(1, len(texts) // (8 * jobs))))


# Less text than this in fewer files is checked in this process alone (a 5 KB article: 15 ms).
_SPLIT_MIN_CHARS = 200_000


_worker_ctx = None


def _worker_start(ctx) -> None:
    global _worker_ctx
    _worker_ctx = ctx


def _check_one(text: str) -> list:
    from bientap.checks.engine import check_text

    return check_text(text, _worker_ctx)


def _visible(s: str) -> str:
    from bientap.checks.text import visible

    return visible(s)


# ---- text -------------------------------------------------------------------------------------

_WINDOW_BEFORE, _WINDOW_AFTER = 50, 70


def _line_of(text: str, line_no: int, starts: list[int]) -> tuple[int, str]:
    start = starts[line_no - 1]
    end = starts[line_no] if line_no < len(starts) else len(text)
    return start, text[start:end].rstrip("\r\n")


def render_text(results: list[Checked]) -> None:
    """Findings grouped by file: position, severity, rule, message, then the line with a caret.

    Article text goes through `visible` (control characters as escapes) into rich Text objects,
    so it is never parsed as markup.
    """
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    from bientap.checks.text import line_starts, visible

    console = Console(highlight=False, soft_wrap=True, emoji=False, markup=False)
    totals = {"error": 0, "warning": 0, "info": 0}
    for c in results:
        if not c.findings:
            continue
        console.print(Text(visible(c.name), style="bold underline"))
        starts_cache: dict[str, list[int]] = {}
        for f in c.findings:
            totals[f.severity] += 1
            where = f"{f.line}:{f.column}" if "path" in c.label else f"{f.field} {f.line}:{f.column}"
            severity = _(SEVERITY_LABEL[f.severity])
            head = Text("  ")
            head.append(where.ljust(9))
            head.append(" ")
            head.append(severity.ljust(9), style=SEVERITY_STYLE[f.severity])
            head.append(" ")
            head.append(visible(f.message))
            head.append(f"  [{f.rule}]", style="dim")
            if f.suggestions and f.suggestions[0] != f.text:
                arrow = "→ " + (f"“{visible(f.suggestions[0])}”" if f.suggestions[0] else _("(delete)"))
                head.append("  " + arrow, style="green")
            console.print(head)
            text = c.texts.get(f.field)
            if not text or f.start == f.end == 0 and not f.text:
                continue
            starts = starts_cache.setdefault(f.field, line_starts(text))
            line_start, line = _line_of(text, f.line, starts)
            col = f.start - line_start
            span_end = min(f.end - line_start, len(line))
            lo = max(0, col - _WINDOW_BEFORE)
            hi = min(len(line), max(span_end, col + 1) + _WINDOW_AFTER)
            prefix = ("…" if lo else "") + visible(line[lo:col])
            shown = Text("      ")
            shown.append(prefix)
            shown.append(visible(line[col:span_end]), style=SEVERITY_STYLE[f.severity] + " underline")
            shown.append(visible(line[span_end:hi]) + ("…" if hi < len(line) else ""))
            console.print(shown)
            width = max(1, cell_len(visible(line[col:span_end])))
            console.print(Text(" " * (6 + cell_len(prefix)) + "^" * width, style=SEVERITY_STYLE[f.severity]))
    summary = _("{checked} checked: {errors} errors, {warnings} warnings, {notes} notes").format(
        checked=len(results), errors=totals["error"], warnings=totals["warning"], notes=totals["info"])
    console.print(Text(summary, style="bold"))


# ---- SARIF 2.1.0 ---------------------------------------------------------------------------------

def _position(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def to_sarif(results: list[Checked]) -> dict:
    """A SARIF 2.1.0 log: one run, rules from the registry, columns in Unicode code points."""
    from importlib.metadata import PackageNotFoundError, version

    from bientap.checks.engine import RECORD_RULES, REGISTRY, load_rules
    from bientap.checks.text import line_starts

    load_rules()
    try:
        tool_version = version("bientap")
    except PackageNotFoundError:
        tool_version = "0"
    used = sorted({f.rule for c in results for f in c.findings})
    rules = []
    for rule_id in used:
        r = REGISTRY.get(rule_id) or RECORD_RULES.get(rule_id)
        doc = ((r.fn.__doc__ or "") if r else "").strip()
        rules.append({
            "id": rule_id,
            "shortDescription": {"text": doc.splitlines()[0] if doc else rule_id},
            "fullDescription": {"text": doc or rule_id},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity] if r else "warning"},
            "properties": {"category": r.category if r else "", "safe": bool(getattr(r, "safe", False))},
        })
    index = {rule_id: i for i, rule_id in enumerate(used)}
    out = []
    for c in results:
        starts_cache: dict[str, list[int]] = {}
        for f in c.findings:
            uri = c.label["path"] if "path" in c.label else f"article/{c.label['id']}/{f.field}"
            if uri == "-":
                uri = "stdin"
            text = c.texts.get(f.field, "")
            starts = starts_cache.setdefault(f.field, line_starts(text))
            end_line, end_col = _position(starts, f.end) if text else (f.line, f.column)
            region = {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_col,
                      "charOffset": f.start, "charLength": f.end - f.start}
            if f.text:
                region["snippet"] = {"text": f.text}
            location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
            result = {"ruleId": f.rule, "ruleIndex": index[f.rule], "level": SARIF_LEVEL[f.severity],
                      "message": {"text": f.message}, "locations": [location],
                      "properties": {"category": f.category, "field": f.field, "safe": f.safe,
                                     **({"id": c.label["id"]} if "id" in c.label else {})}}
            if f.suggestions:
                result["fixes"] = [{
                    "description": {"text": _("Replace with {text}").format(text=repr(s))},
                    "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                        "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                        "insertedContent": {"text": s}}]}],
                } for s in f.suggestions]
            out.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "bientap", "version": tool_version, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }
