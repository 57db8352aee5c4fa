"""benchmarks/typo_eval.py --corrected: writers' corrected mistakes read from JSON Lines and counted."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def nfd(s: str) -> str:
    """`s` decomposed, as some files hold their text."""
    return unicodedata.normalize("NFD", s)


PLANT = ("Nhà máy mới sẽ giúp tăng năng lực sản xuấtl của tỉnh trong năm tới. "
         "Đổi mới sáng tạo tạo động lực phát triển kinhh tế vùng núi phía bắc.")
# Decomposed (NFD) in the file, so its offsets count more code points than the NFC text the rules read.
TRANSFER = nfd("Chuyên giao công nghệ là nhiệm vụ trọng tâm của ngành. "
               "Hội thi giúp học sinh giải quyết những vẫn đề nảy sinh trong thực tiễn.")
RESULTS = ("Danh sách trúng tuyển đã được công bôs vào sáng nay. "
           "Hai đội bóng cũng nhau bước vào trận chung kết.")


def mistake(text: str, written: str, suggest: list[str], offset: int | str | None = None) -> dict:
    """A listed mistake, at the offset of `written` in `text` unless `offset` is given."""
    return {"text": written, "start_offset": text.index(written) if offset is None else offset, "suggest": suggest}


def write_fixture(path: Path) -> None:
    """Four lines: 'kinhh' is a slip nobody listed (an other flag), 'tạo tạo' a doubled word the rules
    only note (info, no flag) and 'năm' sits at a wrong offset;
    line 2 is cut short; the third document is NFD, 'Chuyên' listed in NFC and 'vẫn' in NFD with a
    string offset and an NFD correction; 'bôs' is found with a wrong first suggestion ('bôi' for 'bố')
    and 'cũng' (for 'cùng') is found. A blank line ends the file."""
    lines = [
        json.dumps({"_id": "1", "text": PLANT, "mistakes": [
            mistake(PLANT, "xuấtl", ["xuất"]), mistake(PLANT, "năm", ["năm"], offset=3)]}, ensure_ascii=False),
        '{"_id": "2", "text": "Bản tin thời sự", "mistakes": [',
        json.dumps({"_id": "3", "text": TRANSFER, "revision": 7, "mistakes": [
            mistake(TRANSFER, "Chuyên", ["chuyển"], offset="0"),
            mistake(TRANSFER, nfd("vẫn"), [nfd("vấn")], offset=str(TRANSFER.index(nfd("vẫn"))))]},
                   ensure_ascii=False),
        json.dumps({"_id": "4", "text": RESULTS, "mistakes": [
            mistake(RESULTS, "bôs", ["bố"]), mistake(RESULTS, "cũng", ["cùng"])]}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")


def test_corrected_report_counts_found_missed_skipped_and_other_flags(tmp_path):
    path = tmp_path / "corrected.jsonl"
    write_fixture(path)
    proc = subprocess.run([sys.executable, "benchmarks/typo_eval.py", "--corrected", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "corrected.jsonl: 3 documents, 77 words, 5 mistakes; mistakes skipped: 1; lines skipped: 1" in out
    assert "line 1: mistake 2 skipped, 'năm' is not at start_offset 3" in out
    assert "line 2: skipped, not valid JSON" in out
    # Found: xuấtl, Chuyên, vẫn, bôs and, since the rules read context counts (issue 15), cũng before
    # "nhau". Other flags: kinhh (not tạo tạo, info), 1 in 77 words.
    assert ("typo rules: recall 5/5 = 1.000; first suggestion right on 4/5 found; "
            "other flags 1 = 12.99 per 1,000 words") in out
    if "hunspell-vi: not installed" not in out:
        assert "hunspell-vi: recall 2/5 = 0.400; other flags 1 = 13.0 per 1,000 words" in out
    assert "recall:" not in out and "speed on" not in out
