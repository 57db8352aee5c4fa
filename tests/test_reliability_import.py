"""Reliability of `bientap import`, `list` and `show`: files refused clearly, odd encodings imported
right, hostile text shown literally, nothing written outside the database, data and config dirs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from _reliability import encode_cp1258, in_child, point_dirs_at, run_cli, shared_tmp
from conftest import ROOT

from bientap import i18n
from bientap.store import articles
from bientap.store.db import open_db


@pytest.fixture(autouse=True)
def _english_run(monkeypatch):
    """These tests pin import's English wording (reasons, the summary line); the Vietnamese run is
    tests/test_cli_language.py's."""
    monkeypatch.setenv("BIENTAP_LANG", "en")
    i18n.use("en")

ARTICLE = (
    "Tỉnh Quảng Trị khánh thành cầu dân sinh\n\n"
    "Ngày 12/3/2024, UBND tỉnh Quảng Trị khánh thành cây cầu dân sinh nối hai xã vùng cao, "
    "giúp hơn hai nghìn hộ dân đi lại thuận tiện trong mùa mưa lũ.\n\n"
    "Cây cầu dài 120 mét, rộng 5 mét, được xây dựng trong mười tháng bằng nguồn vốn xã hội hóa.\n\n"
    "Lê Thu\n"
)
TITLE = "Tỉnh Quảng Trị khánh thành cầu dân sinh"


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("bai.txt", ARTICLE)
    return buf.getvalue()


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \r\n", "whitespace"),
    ("photo.txt", png_bytes(), "binary"),
    ("archive.txt", zip_bytes(), "binary"),
    ("latin.txt", b"Xin ch\xe0o \xff\xfe\xfd \x81\x82 \xc3\x28", "UTF-8"),
    ("nul.txt", "Tít\n\nBài có \x00 giữa dòng".encode(), "NUL"),
]


def stored_sources(db_path: Path) -> tuple[list[str], list[str]]:
    db = open_db(db_path)
    try:
        files = [r[0] for r in db.execute("SELECT source_file FROM articles")]
        raws = [r[0] for r in db.execute("SELECT source_path FROM raw_imports")]
    finally:
        db.close()
    return files, raws


def assert_refused(result, bad: Path, reason: str) -> None:
    """Exit 2, exactly one stderr line for the bad file naming it and the reason, no traceback."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    about = [line for line in lines if bad.name in line]
    assert len(about) == 1, lines
    assert reason.lower() in about[0].lower(), about[0]
    assert "rejected 1" in result.stdout


@pytest.mark.parametrize("name,data,reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_refused_through_cli(cli, db_path, tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(bad), str(good))
    assert_refused(result, bad, reason)
    files, raws = stored_sources(db_path)
    assert files == [str(good)] and raws == [str(good)]


def test_bad_files_inside_a_folder(cli, db_path, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    for name, data, _ in BAD_FILES:
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(folder))
    assert result.exit_code == 2
    rejected = [line for line in result.stderr.splitlines() if line.startswith("bientap: ")]
    assert len(rejected) == len(BAD_FILES)
    for (name, _, reason) in BAD_FILES:
        assert any(name in line and reason.lower() in line.lower() for line in rejected), (name, rejected)
    assert stored_sources(db_path)[0] == [str(folder / "good.txt")]


def test_size_cap_option_env_and_default(cli, db_path, tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE + "x" * 5000, encoding="utf-8")
    assert_refused(cli("import", "--max-size", "4000", str(big), str(good)), big, "too large")
    monkeypatch.setenv("BIENTAP_MAX_IMPORT", "4000")
    assert_refused(cli("import", str(big), str(good)), big, "too large")
    monkeypatch.delenv("BIENTAP_MAX_IMPORT")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # one byte over the 10 MB default
        fh.truncate(10 * 1024 * 1024 + 1)
    assert_refused(cli("import", str(huge), str(good)), huge, "too large")
    assert stored_sources(db_path)[0] == [str(good)]


@pytest.mark.parametrize("value", ["0", "-5", "abc"])
def test_size_cap_must_be_positive(cli, tmp_path, value):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = cli("import", "--max-size", value, str(good))
    assert result.exit_code == 2 and "max-size" in result.stderr


def test_bad_size_cap_in_environment(cli, tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("BIENTAP_MAX_IMPORT", "mười")
    result = cli("import", str(good))
    assert result.exit_code == 2 and "BIENTAP_MAX_IMPORT" in result.stderr
    assert "Traceback" not in result.stderr


def test_symlink_loop_refused(cli, db_path, tmp_path):
    folder = tmp_path / "loops"
    folder.mkdir()
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "self").symlink_to(".", target_is_directory=True)  # a folder loop os.walk must not follow
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(folder), str(folder / "a.txt"))
    assert result.exit_code == 2
    loops = [line for line in result.stderr.splitlines() if "symlink loop" in line]
    assert len(loops) == 3 and all("a.txt" in line or "b.txt" in line for line in loops), result.stderr
    assert stored_sources(db_path)[0] == [str(folder / "good.txt")]


def test_file_vanishing_mid_import(cli, db_path, tmp_path, monkeypatch):
    import bientap.store.importer

    folder = tmp_path / "feed"
    folder.mkdir()
    gone = folder / "a_gone.txt"
    gone.write_text(ARTICLE.replace("Quảng Trị", "Nghệ An"), encoding="utf-8")
    (folder / "b_good.txt").write_text(ARTICLE, encoding="utf-8")
    real = bientap.store.importer.import_paths

    def deleting(db, paths, **kw):
        after = kw.get("on_discovered")

        def discovered(total):
            gone.unlink()  # found by the walk, gone before it is read
            if after:
                after(total)
        return real(db, paths, **{**kw, "on_discovered": discovered})

    monkeypatch.setattr(bientap.store.importer, "import_paths", deleting)
    result = cli("import", str(folder))
    assert_refused(result, gone, "not found")
    assert stored_sources(db_path)[0] == [str(folder / "b_good.txt")]


@pytest.mark.slow
def test_unreadable_folder_refused_for_unprivileged_user():
    """CI runs as root, where chmod 000 changes nothing: the import runs as `nobody`."""
    with shared_tmp() as shared:
        locked = shared / "in" / "locked"
        locked.mkdir(parents=True)
        (locked / "secret.txt").write_text(ARTICLE, encoding="utf-8")
        (shared / "in" / "good.txt").write_text(ARTICLE.replace("Quảng Trị", "Huế"), encoding="utf-8")
        (shared / "in" / "private.txt").write_text(ARTICLE, encoding="utf-8")
        (shared / "in" / "private.txt").chmod(0o000)
        locked.chmod(0o000)
        warm = shared / "warm"
        warm.mkdir()
        (warm / "w.txt").write_text(ARTICLE, encoding="utf-8")
        db_path = shared / "db" / "n.db"

        def warm_up():
            point_dirs_at(warm)
            run_cli(["--db", str(warm / "w.db"), "import", str(warm / "w.txt")])

        def child():
            point_dirs_at(shared)
            return run_cli(["--db", str(db_path), "import", str(shared / "in")])

        result = in_child(child, drop_privileges=True, warm_up=warm_up)
        locked.chmod(0o755)
        assert result["code"] == 2, result
        assert result["exc"] is None and "Traceback" not in result["err"]
        lines = result["err"].splitlines()
        assert any("locked" in line and "permission denied" in line for line in lines), lines
        assert any("private.txt" in line and "permission denied" in line for line in lines), lines
        db = open_db(db_path)
        assert [r[0] for r in db.execute("SELECT source_file FROM articles")] == [str(shared / "in" / "good.txt")]
        db.close()


@pytest.mark.slow
def test_real_process_refuses_and_imports(tmp_path):
    """`python -m bientap.tui.cli`, as a user runs it: one line per refused file, exit 2, no traceback."""
    (tmp_path / "bad.txt").write_bytes(png_bytes())
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, **{k: str(tmp_path / k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}}
    proc = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", str(tmp_path / "x.db"), "import",
                           str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"bientap: rejected {tmp_path / 'bad.txt'}: "), lines
    assert "binary" in lines[0] and "Traceback" not in proc.stderr
    assert "imported 1" in proc.stdout


# ---- files that must be imported right -------------------------------------------------------------

def imported_article(cli, db_path, path: Path) -> articles.Article:
    result = cli("import", str(path))
    assert result.exit_code == 0, (result.stdout, result.stderr)
    db = open_db(db_path)
    try:
        (article_id,) = [r[0] for r in db.execute("SELECT id FROM articles WHERE source_file = ?", [str(path)])]
        return articles.get(db, article_id)
    finally:
        db.close()


@pytest.mark.parametrize("name,encode", [
    ("bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ("utf16le.txt", lambda t: t.encode("utf-16")),
    ("utf16be.txt", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode()),
    ("cr.txt", lambda t: t.replace("\n", "\r").encode()),
    ("nfd.txt", lambda t: unicodedata.normalize("NFD", t).encode()),
    ("cp1258.txt", encode_cp1258),
])
def test_encodings_and_line_ends_imported_right(cli, db_path, tmp_path, name, encode):
    data = encode(ARTICLE)
    path = tmp_path / name
    path.write_bytes(data)
    article = imported_article(cli, db_path, path)
    assert article.title == TITLE
    assert "cây cầu dân sinh nối hai xã vùng cao" in (article.sapo or "") + article.body
    for text in (article.title, article.sapo or "", article.body):
        assert "\r" not in text and "\ufeff" not in text and unicodedata.is_normalized("NFC", text)
    db = open_db(db_path)
    assert db.execute("SELECT data FROM raw_imports").fetchone()[0] == data  # the original, untouched
    db.close()


def test_cp1258_stored_encoding_and_no_mojibake(cli, db_path, tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(encode_cp1258(ARTICLE))
    article = imported_article(cli, db_path, path)
    db = open_db(db_path)
    (encoding,) = db.execute("SELECT encoding FROM raw_imports").fetchone()
    db.close()
    assert encoding == "windows-1258"
    everything = " ".join(filter(None, (article.title, article.sapo, article.body, article.byline)))
    assert not any(m in everything for m in ("Ã", "Ä", "Æ", "Ì", "Ò"))


def test_latin1_is_not_stored_as_vietnamese_mojibake(cli, db_path, tmp_path):
    """French in Latin-1 is also valid cp1258 bytes; it must not turn into fake Vietnamese silently."""
    path = tmp_path / "french.txt"
    path.write_bytes(("Été à Paris\n\nLe café était fermé à l'heure où nous sommes arrivés, "
                      "déçus et fatigués après la grève.\n").encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(path), str(good))
    if result.exit_code == 2:
        assert_refused(result, path, "UTF-8")
    else:
        db = open_db(db_path)
        text = " ".join(r[0] or "" for r in db.execute("SELECT title || ' ' || body FROM articles"))
        db.close()
        assert "Été à Paris" in text


def test_hundred_thousand_character_line(cli, db_path, tmp_path):
    long_line = ("Một câu rất dài về ngân sách tỉnh, " * 3000)[:100_000]
    path = tmp_path / "long.txt"
    path.write_text(f"{TITLE}\n\n{long_line}\n\nLê Thu\n", encoding="utf-8")
    article = imported_article(cli, db_path, path)
    assert long_line.strip() in (article.sapo or "") + "\n" + article.body


# ---- hostile text ---------------------------------------------------------------------------------

MARKUP = ["[bold red]", "[/x]", "[link=file:///etc/passwd]x[/]", "[@click=app.quit]"]
EMOJI = "👨\u200d👩\u200d👧"
COMBINING = "a" + "\u0300" * 10_000
HOSTILE = (
    f"Tít {MARKUP[0]}đỏ[/] và {MARKUP[3]}thoát[/] \x1b[31mANSI\x1b[0m\n\n"
    f"Ngày 12/3/2024, đoạn mở đầu có {MARKUP[1]} lẻ, {MARKUP[2]} và lệnh \x1b]0;pwned\x07 đổi tít cửa sổ, "
    f"liên kết OSC \x1b]8;;http://evil.example\x1b\\bấm\x1b]8;;\x1b\\ hết.\n\n"
    f"Đoạn bidi \u202egnp.exe\u202c, \u2066cô lập\u2069, C1 \x9b31m đỏ, DEL \x7f và chuông \x07 cùng gia đình {EMOJI}.\n\n"
    f"Tổ hợp {COMBINING} dấu.\n\n"
    "Lê Thu\n"
)
FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7f, 0xa0)} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@pytest.fixture
def hostile(cli, db_path, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE.encode("utf-8"))
    result = cli("import", str(path))
    assert result.exit_code == 0, (result.stdout, result.stderr)
    db = open_db(db_path)
    (article_id,) = [r[0] for r in db.execute("SELECT id FROM articles")]
    stored = articles.get(db, article_id)
    removed = [r[0] for r in db.execute("SELECT text FROM removed_lines WHERE article_id = ?", [article_id])]
    db.close()
    return path, stored, removed


def test_hostile_text_stored_clean(hostile):
    path, a, removed = hostile
    fields = [a.title, a.sapo, a.body, a.byline, a.source, a.location, *removed]
    everything = "\n".join(f for f in fields if f)
    for markup in MARKUP:
        assert markup in everything, markup
    assert EMOJI in everything  # ZWJ inside the emoji sequence kept
    assert "\u0300" * 9_999 in everything  # combining marks kept (the first composes with its base)
    assert "ANSI" in everything and "pwned" in everything and "gnp.exe" in everything
    for f in fields:
        if f:
            assert not (set(f) & FORBIDDEN), [hex(ord(c)) for c in set(f) & FORBIDDEN]


def test_show_and_list_print_no_terminal_controls(cli, hostile):
    path, a, _ = hostile
    for args in (("show", str(a.id)), ("list",), ("list", "--format", "json"), ("show", str(a.id), "--format", "json")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        out = result.stdout
        assert not (set(out) & FORBIDDEN), (args, [hex(ord(c)) for c in set(out) & FORBIDDEN])
        assert "Traceback" not in result.stderr
    shown = cli("show", str(a.id)).stdout
    printed = "\n".join(filter(None, (a.title, a.sapo, a.body)))
    assert [m for m in MARKUP if m in printed]  # the extractor kept some markup in the shown fields
    for markup in MARKUP:
        if markup in printed:
            assert markup in shown, markup  # literal, never parsed as markup
    assert EMOJI in shown


def test_json_output_is_the_stored_article(cli, hostile):
    path, a, _ = hostile
    shown = json.loads(cli("show", str(a.id), "--format", "json").stdout)
    # The stored article, plus who has it open and the group it belongs to (issues 18, 19).
    assert {k: shown.pop(k) for k in ("locked_by", "locked_since", "duplicate_of")} == \
        {"locked_by": None, "locked_since": None, "duplicate_of": None}
    assert shown == a.to_dict()
    (listed,) = json.loads(cli("list", "--format", "json").stdout)
    for key in ("id", "title", "sapo", "byline", "published_at", "source", "location", "word_count"):
        assert listed[key] == getattr(a, key), key


def test_show_raw_keeps_the_original_controls(db_path, hostile):
    path, a, _ = hostile
    out = subprocess.run([sys.executable, "-m", "bientap.tui.cli", "--db", str(db_path), "show", str(a.id), "--raw"],
                         capture_output=True, cwd=ROOT, check=True).stdout
    assert out == path.read_bytes() and b"\x1b[31m" in out


def test_hostile_file_names(cli, db_path, tmp_path):
    """A name with an escape sequence, and one that is not UTF-8 at all, imported and shown safely."""
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "a\x1b[2Jclear.txt").write_text(ARTICLE, encoding="utf-8")
    (Path(os.fsdecode(bytes(folder) + b"/b\xff\xfe.txt"))).write_text(ARTICLE.replace("Quảng Trị", "Huế"),
                                                                      encoding="utf-8")
    (folder / "c\x1b[2Jbad.txt").write_bytes(b"")
    result = cli("import", str(folder))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "\x1b" not in result.stderr and "c\\x1b[2Jbad.txt" in result.stderr
    assert "imported 2" in result.stdout
    for args in (("list",), ("list", "--format", "json")):
        out = cli(*args).stdout
        assert "\x1b" not in out
    listed = json.loads(cli("list", "--format", "json").stdout)
    assert all(isinstance(r["source_file"], str) for r in listed)
    json.dumps(listed).encode("utf-8")  # no lone surrogates left in what was stored


def test_feed_record_with_lone_surrogate(cli, db_path, tmp_path):
    """JSON may spell a lone surrogate (\\ud800); it cannot be stored as text, the rest can."""
    feed = tmp_path / "feed.jsonl"
    records = [{"title": "Tít \\ud800 lạ", "body": "Nội dung \\udfff bài một.", "source_url": "https://a.vn/1"},
               {"title": "Tít hai", "body": "Nội dung bài hai.", "source_url": "https://a.vn/2"}]
    feed.write_text("\n".join(json.dumps(r).replace("\\\\", "\\") for r in records) + "\n", encoding="utf-8")
    result = cli("import", str(feed))
    assert "Traceback" not in result.stderr
    listed = {r["source_url"]: r for r in json.loads(cli("list", "--format", "json").stdout)}
    assert listed["https://a.vn/2"]["title"] == "Tít hai"
    if "https://a.vn/1" in listed:
        assert listed["https://a.vn/1"]["title"] == "Tít  lạ"
    else:
        assert result.exit_code == 2 and "feed.jsonl:1" in result.stderr


# ---- paths ----------------------------------------------------------------------------------------

def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.slow
def test_nothing_written_outside_db_data_and_config(tmp_path):
    """import, list and show in a real process with HOME and XDG dirs in a scratch folder."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_bytes(b"")
    before_src = {p: p.read_bytes() for p in src.iterdir()}
    home = tmp_path / "sandbox"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "BIENTAP_"))}
    env.update({"HOME": str(home / "home"), "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
                "XDG_STATE_HOME": str(home / "state"), "TMPDIR": str(home / "tmp"),
                "PYTHONDONTWRITEBYTECODE": "1"})
    work = home / "cwd"
    work.mkdir()
    (home / "tmp").mkdir()
    db = home / "db" / "n.db"
    for args in (["--db", str(db), "import", str(src)], ["--db", str(db), "list"],
                 ["--db", str(db), "list", "--format", "json"], ["--db", str(db), "show", "1"],
                 ["import", str(src / "a.txt")], ["list"]):  # the last two use the default database
        subprocess.run([sys.executable, "-m", "bientap.tui.cli", *args], capture_output=True, cwd=work,
                       env={**env, "PYTHONPATH": str(ROOT)}, timeout=60)
    written = tree(home)
    allowed_roots = ("db", "data", "config", "cwd", "tmp", "home")
    assert {w.split("/")[0] for w in written} <= set(allowed_roots), written
    assert tree(work) == set() and tree(home / "tmp") == set() and tree(home / "home") == set(), written
    assert {w for w in written if w.startswith("db/")} <= {"db/n.db", "db/n.db-wal", "db/n.db-shm"}
    assert "db/n.db" in written and "data/bientap/newsroom.db" in written
    assert {p: p.read_bytes() for p in src.iterdir()} == before_src


def test_hostile_feeds_refused_record_by_record(cli, db_path, tmp_path):
    """JSON Python cannot load (nesting 100,000 deep, a 5,000-digit number) is one rejected record,
    not a crashed import."""
    lines = ["[" * 100_000 + "]" * 100_000,
             '{"title": 1' + "0" * 5000 + ', "body": "x"}',
             json.dumps({"title": "Tin hợp lệ", "body": "Nội dung hợp lệ.", "source_url": "https://a.vn/ok"}),
             json.dumps({"title": {"lồng": "nhau"}, "body": "Nội dung."}),
             json.dumps({"body": "Nội dung.", "published_at": "99/99/2024"})]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(feed), str(deep), str(good))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    rejected = [Path(line.split(" ")[2].rstrip(":")).name for line in result.stderr.splitlines() if line.strip()]
    assert rejected == ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:5", "deep.json"], result.stderr
    assert "nested too deeply" in result.stderr
    assert "imported 2" in result.stdout
    assert sorted(stored_sources(db_path)[0]) == sorted([f"{feed}", str(good)])


def test_pipes_and_devices_refused_without_blocking(cli, db_path, tmp_path):
    """A named pipe called like an article would block `open()` forever; /dev/zero never ends."""
    folder = tmp_path / "odd"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("import", str(folder), "/dev/zero")
    assert result.exit_code == 2
    refused = [line for line in result.stderr.splitlines() if "not a regular file" in line]
    assert len(refused) == 3 and any("/dev/zero" in line for line in refused), result.stderr
    assert stored_sources(db_path)[0] == [str(folder / "good.txt")]


def test_oversized_feed_record_skipped_not_loaded(cli, db_path, tmp_path):
    records = [{"title": "Một", "body": "Ngắn.", "source_url": "https://a.vn/1"},
               {"title": "Hai", "body": "Dài " * 2000, "source_url": "https://a.vn/2"},
               {"title": "Ba", "body": "Ngắn.", "source_url": "https://a.vn/3"}]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\r\n".join(json.dumps(r).encode() for r in records) + b'\n{"body": "' + b"x" * 5000)
    result = cli("import", "--max-size", "1000", str(feed))
    assert result.exit_code == 2
    too_large = sorted(line.split(": ")[1] for line in result.stderr.splitlines() if "record too large" in line)
    assert too_large == [f"rejected {feed}:2", f"rejected {feed}:4"], result.stderr
    listed = json.loads(cli("list", "--format", "json").stdout)
    assert sorted(r["title"] for r in listed) == ["Ba", "Một"]


def test_utf8_with_one_stray_byte_is_refused_not_read_as_cp1258(cli, db_path, tmp_path):
    """One bad byte in a UTF-8 Vietnamese file must not send the whole file through Windows-1258
    (which would store "Tá»‰nh" for "Tỉnh")."""
    path = tmp_path / "stray.txt"
    path.write_bytes(ARTICLE.encode("utf-8").replace("khánh thành".encode(), b"kh\xe1nh th\xe0nh", 1))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.replace("Quảng Trị", "Huế"), encoding="utf-8")
    assert_refused(cli("import", str(path), str(good)), path, "UTF-8")
