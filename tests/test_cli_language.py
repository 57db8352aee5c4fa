"""The command line speaks one language per run (issue 17, item 8): real commands, both languages,
no line mixing the two."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from bientap.tui.cli import main

VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)
# English words these commands' messages use; none is a Vietnamese word.
ENGLISH = re.compile(r"\b(no|article|with|imported|rejected|found|unknown|database|file|not)\b")


def run(db_path, lang, *args):
    result = CliRunner().invoke(main, ["--db", str(db_path), "--lang", lang, *args])
    return result, [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]


def one_language(lines, lang):
    for line in lines:
        text = line.replace("bientap", "")
        if lang == "en":
            assert not VIETNAMESE.search(text), line
        else:
            assert VIETNAMESE.search(text) and not ENGLISH.search(re.sub(r"/\S+", "", text)), line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_list_status_import_speak_the_runs_language(db_path, tmp_path, lang):
    listed, lines = run(db_path, lang, "list", "--format", "json")
    assert listed.exit_code == 0 and listed.stdout.strip() == "[]"

    status, lines = run(db_path, lang, "status", "42", "review")
    assert status.exit_code == 2 and len(lines) == 1
    assert lines[0] == ("bientap: không có bài số 42" if lang == "vi" else "bientap: no article with id 42")
    one_language(lines, lang)

    missing = tmp_path / "missing.txt"
    imported, lines = run(db_path, lang, "import", str(missing))
    assert imported.exit_code == 2 and len(lines) == 2, lines
    if lang == "vi":
        assert lines[0] == f"bientap: từ chối {missing}: không tìm thấy tệp (hoặc tệp vừa mất)"
        assert lines[1] == "đã nhập 0, cập nhật 0, không đổi 0, từ chối 1"
    else:
        assert lines[0] == f"bientap: rejected {missing}: file not found (or it vanished)"
        assert lines[1] == "imported 0, updated 0, unchanged 0, rejected 1"
    one_language(lines, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_follows_the_run_and_calls_info_a_note(db_path, tmp_path, lang):
    """`check --lang` is the run's language unless given; severity info reads "lưu ý", never "gợi ý"."""
    page = tmp_path / "a.txt"
    page.write_text("Hà Nội , ngày 5/6/2026 .\n", encoding="utf-8")
    result, lines = run(db_path, lang, "check", str(page), "--fail-on", "never")
    assert result.exit_code == 0
    summary = lines[-1]
    if lang == "vi":
        assert summary.startswith("Đã kiểm tra 1: ") and summary.endswith(" lưu ý")
        assert "gợi ý" not in result.stdout
    else:
        assert summary.startswith("1 checked: ") and summary.endswith(" notes")
        assert not VIETNAMESE.search(summary)
