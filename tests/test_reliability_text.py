"""Property tests: any Unicode through the text primitives and the store, any bytes through decoding."""

from __future__ import annotations

import itertools
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bientap.checks.text import DecodeError, clean_field, decode_bytes, dropped_characters, fold, visible
from bientap.store import articles
from bientap.store.articles import Article
from bientap.store.db import open_db

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Every code point, surrogates included (a JSON feed can spell a lone one), weighted towards the
# characters that make trouble: controls, bidi, joiners, combining marks, Vietnamese letters.
TRICKY = st.sampled_from(
    ["\x00", "\x1b", "\x7f", "\x85", "\x9b", "\r", "\r\n", "\n", "\t", "\u200d", "\u200b", "\ufeff",
     "\u202e", "\u2066", "\u0301", "\u0323", "\u0300" * 40, "👨", "👩‍👧", "\ufe0f", "ạ", "Đ", "ư", "ơ", "ẫ",
     "\ud800", "\udcff", "\u2028", "[bold]", "[/", "\\"])
TEXT = st.lists(st.one_of(st.characters(exclude_categories=()), TRICKY), max_size=60).map("".join)
FIELDS = ("title", "sapo", "byline", "source", "source_url", "location", "section")


def assert_stored_form(value: str) -> None:
    """What an article field may hold: no C0/C1 but LF and tab, no bidi, no lone surrogate, NFC, no CR."""
    for ch in value:
        cat = unicodedata.category(ch)
        assert ch in "\n\t" or cat not in ("Cc", "Cs"), hex(ord(ch))
        assert ch not in BIDI, hex(ord(ch))
    assert unicodedata.is_normalized("NFC", value)
    value.encode("utf-8")


@given(TEXT)
@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
def test_clean_field_is_storable_and_idempotent(text):
    cleaned = clean_field(text)
    assert_stored_form(cleaned)
    assert clean_field(cleaned) == cleaned
    assert not dropped_characters(cleaned)


@given(TEXT)
@settings(deadline=None)
def test_fold_and_visible_never_raise(text):
    folded = fold(text)
    assert folded == folded.lower() or not folded.isascii()
    shown = visible(text)
    for ch in shown:
        cat = unicodedata.category(ch)
        assert ch in "\n\t" or cat not in ("Cc", "Cs"), hex(ord(ch))
        assert ch not in BIDI and cat not in ("Zl", "Zp"), hex(ord(ch))
    shown.encode("utf-8")  # printable on any UTF-8 terminal


@given(TEXT)
@settings(deadline=None)
def test_visible_keeps_printable_text(text):
    printable = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp"))
    assert visible(printable) == printable


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_decode_bytes_raises_only_decode_error(data):
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert decoded.text.strip() and "\x00" not in decoded.text
    decoded.text.encode("utf-8")  # no lone surrogates out of a "successful" decode


@given(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]), st.binary(max_size=200))
@settings(deadline=None)
def test_decode_bytes_with_boms_raises_only_decode_error(bom, data):
    try:
        decode_bytes(bom + data)
    except DecodeError:
        pass


@pytest.fixture(scope="module")
def prop_db(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("prop") / "prop.db")
    yield db
    db.close()


SERIAL = itertools.count(1)
DATES = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                  st.datetimes(timezones=st.none()).map(lambda d: d.replace(microsecond=0).isoformat()))
TAGS = st.lists(TEXT, max_size=4)


def expected(values: dict) -> dict:
    out = {}
    for key, value in values.items():
        if key == "tags":
            out[key] = [clean_field(t).strip() for t in value if clean_field(t).strip()]
        elif key == "published_at":
            out[key] = articles.normalize_date(value) if value else value
        else:
            out[key] = clean_field(value) if isinstance(value, str) else value
    return out


@given(meta=st.fixed_dictionaries({f: st.one_of(st.none(), TEXT) for f in FIELDS}), body=TEXT, tags=TAGS,
       date=DATES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_metadata_round_trips_through_insert_and_get(prop_db, meta, body, tags, date):
    values = {**meta, "body": body, "tags": tags, "published_at": date}
    with prop_db.atomic():
        stored = articles.insert(prop_db, Article(**{**values, "published_at": expected(values)["published_at"]}),
                                 source_key=f"prop:{next(SERIAL)}", raw_id=None)
    loaded = articles.get(prop_db, stored.id)
    want = expected(values)
    for key, value in want.items():
        assert getattr(loaded, key) == value, key
        if isinstance(value, str):
            assert_stored_form(value)


@given(first=st.fixed_dictionaries({f: TEXT for f in ("title", "sapo", "body")}),
       changes=st.fixed_dictionaries({}, optional={**{f: st.one_of(st.none(), TEXT) for f in FIELDS},
                                                   "body": TEXT, "tags": TAGS, "published_at": DATES}))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_metadata_round_trips_through_save_and_revisions(prop_db, first, changes):
    with prop_db.atomic():
        a = articles.insert(prop_db, Article(**first), source_key=f"prop:{next(SERIAL)}", raw_id=None)
    saved = articles.save(prop_db, a.id, dict(changes), a.version, editor="Biên tập viên ✍")
    loaded = articles.get(prop_db, a.id)
    for key, value in expected(changes).items():
        assert getattr(loaded, key) == value, key
    assert loaded.version == saved.version == 2
    (latest, original) = articles.revisions(prop_db, a.id)
    assert json.loads(latest["snapshot"]) == json.loads(articles.snapshot(loaded))
    assert latest["editor"] == "Biên tập viên ✍"
    assert json.loads(original["snapshot"])["body"] == clean_field(first["body"])


@given(TEXT)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_search_words_never_error(prop_db, words):
    """Anything typed in the search box is plain text to FTS5 (quotes, *, NEAR, -, surrogates)."""
    articles.list_page(prop_db, articles.Query(search=words), limit=5)
    articles.count(prop_db, articles.Query(search=words))


def test_checks_in_several_threads_leave_the_garbage_collector_as_it_was():
    # The desk checks in worker threads; the collector is paused while rules run and must come
    # back on when the last check ends, however the threads interleave.
    import gc
    import sys
    import threading

    from bientap.checks import collector
    from bientap.checks.engine import Context, check_text

    def churn():
        for _ in range(5_000):
            with collector.paused():
                pass
        check_text("Hội thảo về chuyển giao công nghệ đã diễn ra.", Context())

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        assert gc.isenabled()
        for _ in range(3):
            threads = [threading.Thread(target=churn) for _ in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert gc.isenabled()
        gc.disable()  # off before a check: still off after it
        try:
            check_text("Hội thảo.", Context())
            assert not gc.isenabled()
        finally:
            gc.enable()
        # The desk's pause (collector.pause/resume) and a check's overlap: on only after the last.
        collector.pause()
        check_text("Hội thảo.", Context())
        assert not gc.isenabled()
        with collector.paused():
            collector.resume()
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(RuntimeError):
            collector.resume()  # no pause to end: refused, the count untouched
        assert gc.isenabled()
    finally:
        sys.setswitchinterval(interval)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a\n\r\u2028 ", max_size=40))
def test_line_starts_are_those_of_the_plain_pattern(text):
    # Without a carriage return line_starts jumps from line feed to line feed: the same offsets
    # as reading every break with the pattern (\r\n, \r, \n; U+2028 breaks no line).
    import re

    from bientap.checks.text import line_starts

    assert line_starts(text) == [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
