"""The metadata form (tít, sapo, bút danh, nguồn, ngày...): the fields as the editor types them,
their validation, and their values typed as the store takes them. The body is not part of it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from bientap.checks.text import visible
from bientap.i18n import N_, _
from bientap.store.articles import STATUSES, Article
from bientap.store.workflow import status_label
from bientap.tui.dates import display_date, parse_date
from bientap.tui.widgets.body_area import BodyArea

# Form fields in Tab order; "body" is the TextArea below them. Tabbing into a field never selects its
# text (select_on_focus=False): a character typed there must not replace "Cần Thơ".
FORM_FIELDS = ("title", "sapo", "byline", "source", "source_url", "published_at", "location", "section",
               "tags", "status")
LABELS = {"title": N_("Title"), "sapo": N_("Sapo"), "byline": N_("Byline"), "source": N_("Source"),
          "source_url": N_("URL"), "published_at": N_("Date"), "location": N_("Place"), "section": N_("Section"),
          "tags": N_("Tags"), "status": N_("Status"), "body": N_("Body")}


def field_labels() -> dict[str, str]:
    """Every field's name in the run's language (tít, sapo, bút danh...)."""
    return {name: _(label) for name, label in LABELS.items()}


# Fields whose errors show under them.
VALIDATED = ("title", "published_at")


def display_values(article: Article) -> dict:
    """An article's editable fields as the form (and the body) show them: strings, tags joined."""
    values = article.editable()
    values["tags"] = ", ".join(article.tags)
    values["published_at"] = display_date(article.published_at)
    return {k: ("" if v is None else v) for k, v in values.items()}


def split_tags(value: str) -> list[str]:
    return [t.strip() for t in value.split(",") if t.strip()]


def typed(raw: dict, names, clean: dict) -> dict:
    """Field values as `bientap.store.articles.save` takes them. A date left as loaded (`clean`) is not
    among `names` (only changed fields are); one typed is read as dd/mm/yyyy (HH:MM) or yyyy-mm-dd
    (ValueError when it cannot be)."""
    out = {}
    for name in names:
        value = raw[name]
        if name == "tags":
            out[name] = split_tags(value)
        elif name == "published_at":
            out[name] = None if not value.strip() else (
                value if value == clean.get(name) else parse_date(value))
        elif name in ("title", "body", "status"):
            out[name] = value
        else:
            out[name] = value if value.strip() else None
    return out


class ArticleForm(Vertical):
    """The form above the body. Its fields post Textual's own Changed messages up to the screen."""

    def __init__(self) -> None:
        super().__init__(id="form")

    def label(self, name: str) -> str:
        return _(LABELS[name])

    def compose(self) -> ComposeResult:
        status_options = [(status_label(s), s) for s in STATUSES]
        with Horizontal(classes="row"):
            yield Label(self.label("title"), classes="label")
            yield Input(id="f-title", classes="wide", select_on_focus=False)
        yield Static(id="e-title", classes="field-error", markup=False)
        with Horizontal(classes="row sapo-row"):
            yield Label(self.label("sapo"), classes="label")
            yield BodyArea(id="f-sapo")
        with Horizontal(classes="row"):
            for name in ("byline", "source", "source_url"):
                yield Label(self.label(name), classes="label")
                yield Input(id=f"f-{name}", select_on_focus=False)
        with Horizontal(classes="row"):
            yield Label(self.label("published_at"), classes="label")
            yield Input(id="f-published_at", placeholder="dd/mm/yyyy", select_on_focus=False)
            for name in ("location", "section"):
                yield Label(self.label(name), classes="label")
                yield Input(id=f"f-{name}", select_on_focus=False)
        yield Static(id="e-published_at", classes="field-error", markup=False)
        with Horizontal(classes="row"):
            yield Label(self.label("tags"), classes="label")
            yield Input(id="f-tags", placeholder=_("comma-separated"),
                        select_on_focus=False)
            yield Label(self.label("status"), classes="label")
            yield Select(status_options, id="f-status", allow_blank=False, value="draft")

    @property
    def title_box(self) -> Input:
        return self.query_one("#f-title", Input)

    @property
    def sapo(self) -> BodyArea:
        return self.query_one("#f-sapo", BodyArea)

    def field_of(self, widget) -> str | None:
        """The form field `widget` edits, if it is one of them."""
        wid = widget.id or ""
        return wid[2:] if wid.startswith("f-") and wid[2:] in FORM_FIELDS else None

    def values(self) -> dict:
        """Every field as the editor sees it now (strings; tags as typed)."""
        out = {}
        for name in FORM_FIELDS:
            if name == "sapo":
                out[name] = self.sapo.text
            elif name == "status":
                out[name] = self.query_one("#f-status", Select).value
            else:
                out[name] = self.query_one(f"#f-{name}", Input).value
        return out

    def load(self, values: dict) -> None:
        """Put `values` (form fields among them; others are left alone) in the fields."""
        for name, value in values.items():
            if name not in FORM_FIELDS:
                continue
            if name == "tags" and isinstance(value, list):
                value = ", ".join(value)
            value = "" if value is None else value
            if name == "published_at":
                value = display_date(value)  # a draft or a revision may hold the stored ISO form
            if name == "sapo":
                self.sapo.load_text(value)
            elif name == "status":
                if value in STATUSES:
                    self.query_one("#f-status", Select).value = value
            else:
                self.query_one(f"#f-{name}", Input).value = value

    def errors(self, clean: dict) -> dict[str, str]:
        """What keeps the form from being saved: an empty title, a date that cannot be read (a date
        left as loaded, `clean`, is never questioned)."""
        raw = self.values()
        errors = {}
        if not raw["title"].strip():
            errors["title"] = _("The title cannot be empty.")
        if raw["published_at"].strip() and raw["published_at"] != clean.get("published_at"):
            try:
                parse_date(raw["published_at"])
            except ValueError as exc:  # says why in the run's language ("31/11/2026" does not exist)
                errors["published_at"] = str(exc)
        return errors

    def show_errors(self, clean: dict) -> dict[str, str]:
        """`errors`, shown under their fields (and the fields marked)."""
        errors = self.errors(clean)
        for name in VALIDATED:
            message = errors.get(name)
            box = self.query_one(f"#e-{name}", Static)
            box.update(Text("⚠ " + visible(message)) if message else Text())
            box.set_class(bool(message), "shown")
            self.query_one(f"#f-{name}", Input).set_class(bool(message), "invalid")
        return errors

    def focus_field(self, name: str) -> None:
        self.query_one(f"#f-{name}").focus()

    def cursor(self) -> tuple[str, int] | None:
        """The field the cursor is in (title or sapo) and its offset there, if focus is in one."""
        focused = self.screen.focused
        if isinstance(focused, Input) and focused.id == "f-title":
            return "title", focused.cursor_position
        if isinstance(focused, TextArea) and focused.id == "f-sapo":
            return "sapo", focused.document.get_index_from_location(focused.cursor_location)
        return None
