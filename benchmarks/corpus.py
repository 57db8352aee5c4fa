"""Deterministic Vietnamese news corpus for the benchmarks, built only from text shipped here.

Sources: the five seed articles and the VLSP-2013 sample text that underthesea's wheel carries under
its POS model folder (tokenized, one token a line; detokenized here). Same arguments → same bytes.

    python benchmarks/corpus.py --articles 1000 --out /tmp/feed.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

PROVINCES = ["Khánh Hòa", "Cần Thơ", "Phú Thọ", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Hà Nội", "Lâm Đồng",
             "Quảng Ninh", "Đắk Lắk", "Bình Định", "An Giang", "Hải Phòng", "Sơn La", "Cà Mau"]
SOURCES = ["Cổng thông tin điện tử tỉnh", "Báo địa phương", "Sở Khoa học và Công nghệ", "PhuthoPortal",
           "Đài Phát thanh - Truyền hình"]
BYLINES = ["Minh Anh", "Đ.Mãi", "Khánh Trang", "Nguyễn Ngọc Hưng", "Thu Hà", "ctngoc", "Hoàng Long"]


def _underthesea_dir() -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("underthesea is not installed")
    return Path(list(spec.submodule_search_locations)[0])


_NO_SPACE_BEFORE = set(".,;:!?)]}…%”")
_NO_SPACE_AFTER = set("([{“")


@lru_cache(maxsize=1)
def vlsp_sentences() -> tuple[str, ...]:
    """Detokenized sentences of the VLSP-2013 sample (multi-syllable words keep their spaces)."""
    path = _underthesea_dir() / "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if tokens:
                sentences.append(_detokenize(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[0])
    return tuple(s for s in sentences if len(s.split()) >= 6)


def _detokenize(tokens: list[str]) -> str:
    out = ""
    quote_open = False
    for tok in tokens:
        if tok == '"':
            tok = "“" if not quote_open else "”"
            quote_open = not quote_open
        if not out:
            out = tok
        elif tok in _NO_SPACE_BEFORE or out[-1] in _NO_SPACE_AFTER:
            out += tok
        else:
            out += " " + tok
    out = re.sub(r"\s+([.,;:!?])", r"\1", out)
    return out


def paragraphs(rng: random.Random, n: int) -> list[str]:
    sents = vlsp_sentences()
    return [" ".join(rng.choice(sents) for _ in range(rng.randint(2, 5))) for _ in range(n)]


def article_record(i: int, *, target_bytes: int = 0) -> dict:
    """The i-th article of the corpus as a feed record; same i → same record."""
    rng = random.Random(i)
    paras = paragraphs(rng, rng.randint(4, 9))
    if target_bytes:
        while len("\n\n".join(paras).encode()) < target_bytes:
            paras += paragraphs(rng, 1)
    title = rng.choice(vlsp_sentences()).rstrip(".")[:120]
    year = 2015 + i % 10
    day = 1 + rng.randrange(28)
    month = 1 + rng.randrange(12)
    return {
        "title": title,
        "sapo": paras[0],
        "body": "\n\n".join(paras[1:]),
        "byline": rng.choice(BYLINES),
        "published_at": f"{year}-{month:02d}-{day:02d}",
        "source": rng.choice(SOURCES),
        "source_url": f"https://tin.example.vn/{year}/{i}.html",
        "location": rng.choice(PROVINCES),
        "section": rng.choice(["Thời sự", "Kinh tế", "Khoa học", "Xã hội"]),
        "tags": rng.sample(["đổi mới", "khoa học", "nông nghiệp", "giáo dục", "y tế"], 2),
    }


def raw_page(i: int) -> str:
    """A raw scraped page: a seed's chrome around fresh prose (for the .txt import benchmark)."""
    rng = random.Random(10_000 + i)
    seed = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
    rec = article_record(i)
    return (f"{rec['published_at'][8:10]}/{rec['published_at'][5:7]}/{rec['published_at'][:4]}\n\n"
            f"{rec['title']}\n\n{rec['sapo']}\n\n{rec['body']}\n\n{rec['byline']}\n\n"
            + "\n".join(seed.splitlines()[-rng.randint(3, 8):]) + "\n")


def records(n: int) -> Iterator[dict]:
    for i in range(n):
        yield article_record(i)


def news_text(megabytes: float) -> str:
    """A few MB of news prose for throughput runs: the seeds, then VLSP paragraphs."""
    parts = [p.read_text(encoding="utf-8") for p in SEEDS]
    rng = random.Random(7)
    size = sum(len(p.encode()) for p in parts)
    while size < megabytes * 1_000_000:
        para = "\n\n".join(paragraphs(rng, 6))
        parts.append(para)
        size += len(para.encode())
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True, help="JSON Lines feed to write")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in records(args.articles):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
