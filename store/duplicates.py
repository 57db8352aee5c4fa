"""Near-duplicates: the same press release from five portals, triaged once.

At import each article's body gets a MinHash signature (128 bins over its word 3-grams);
its 16 bands of 8 values are stored as keys in `duplicate_bands`, an indexed table, so finding the
candidates among every article stored is 16 index lookups (LSH; the index lives in the database,
is never rebuilt and is shared by concurrent imports under the write lock). A candidate whose
signature agrees on at least `THRESHOLD` of its values (estimated Jaccard similarity of the two
bodies' 3-grams) joins the group, whose root is its earliest article: `articles.duplicate_of`
holds the root's id, NULL for the root itself and for articles with no near-duplicate.

Why not datasketch: `import datasketch` loads scipy (1.3 s per import run, for its LSH parameter
optimiser) and numpy (which sqlite-utils then imports in every command), and its LSH index lives
in memory (or Redis/Cassandra), so it would be rebuilt from stored signatures at every start.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Sequence

import sqlite_utils

from bientap.store.articles import NotFound

NUM_PERM = 128
BANDS, ROWS = 16, 8  # candidates from about 0.7 similar; (1/16)^(1/8) ≈ 0.71
THRESHOLD = 0.8  # near-identical: the same story with a different lead-in or sign-off
MIN_WORDS = 40  # shorter bodies (a notice, a photo caption) are too short to call copies
_WORD = re.compile(r"\w+")


_MIX = 0x9E3779B97F4A7C15  # 2^64 / golden ratio, odd: spreads a CRC over 64 bits
_EMPTY = 0xFFFFFFFF


def signature(body: str) -> bytes | None:
    """The body's MinHash signature (NUM_PERM little-endian uint32), None when it is too short.

    One-permutation hashing (Li, Owen & Zhang 2012): each 3-gram is hashed once; the top 7 bits
    pick one of the 128 bins, the low 32 bits are its value, and each bin keeps its minimum. An
    empty bin borrows its next non-empty neighbour's value, shifted by the distance
    (densification, Shrivastava & Li 2014), so short bodies still compare bin for bin. Pure
    Python: numpy would do it no faster here, and installed it costs every command ~150 ms at start
    (sqlite-utils imports numpy whenever it is importable)."""
    words = _WORD.findall(body.casefold())
    if len(words) < MIN_WORDS:
        return None
    bins = [_EMPTY] * NUM_PERM
    crc = zlib.crc32
    for shingle in {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}:
        h = (crc(shingle.encode()) * _MIX) & 0xFFFFFFFFFFFFFFFF
        b, v = h >> 57, h & 0xFFFFFFFF
        if v < bins[b]:
            bins[b] = v
    filled = [i for i, v in enumerate(bins) if v != _EMPTY]
    for i in range(NUM_PERM):
        if bins[i] == _EMPTY:
            j = next((k for k in filled if k > i), filled[0])
            bins[i] = (bins[j] + ((j - i) % NUM_PERM) * 0x9E3779B9) & 0xFFFFFFFF
    return struct.pack(f"<{NUM_PERM}I", *bins)


def similarity(one: bytes, other: bytes) -> float:
    """Estimated Jaccard similarity of the two bodies' 3-grams."""
    a, b = struct.unpack(f"<{NUM_PERM}I", one), struct.unpack(f"<{NUM_PERM}I", other)
    return sum(x == y for x, y in zip(a, b)) / NUM_PERM


def band_keys(sig: bytes) -> list[int]:
    width = 4 * ROWS
    return [int.from_bytes(hashlib.blake2b(bytes([i]) + sig[i * width:(i + 1) * width], digest_size=8).digest(),
                           "little", signed=True) for i in range(BANDS)]


def link(db: sqlite_utils.Database, article_id: int, body: str) -> int | None:
    """Index `article_id`'s body and join it to the group of what it nearly copies; its group's
    root (None when it has no near-duplicate). Runs inside the import's write transaction."""
    db.execute("DELETE FROM duplicate_bands WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM duplicate_signatures WHERE article_id = ?", [article_id])
    sig = signature(body)
    roots: set[int] = set()
    if sig is not None:
        keys = band_keys(sig)
        marks = ", ".join("?" * len(keys))
        rows = db.execute(
            "SELECT a.id, a.duplicate_of, s.signature FROM articles a JOIN duplicate_signatures s ON s.article_id = a.id "
            f"WHERE a.id IN (SELECT article_id FROM duplicate_bands WHERE key IN ({marks})) AND a.id != ?",
            [*keys, article_id]).fetchall()
        roots = {root or other for other, root, theirs in rows if similarity(sig, theirs) >= THRESHOLD}
        roots.discard(article_id)
        db.conn.executemany("INSERT INTO duplicate_bands (key, article_id) VALUES (?, ?)",
                            [(key, article_id) for key in keys])
        db.execute("INSERT INTO duplicate_signatures (article_id, signature) VALUES (?, ?)", [article_id, sig])
    root = min(roots | {article_id})
    later = sorted(r for r in roots if r > root) + ([article_id] if root != article_id else [])
    if root != article_id:
        db.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [root, article_id])
    else:
        db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ? AND duplicate_of IS NOT NULL",
                   [article_id])
    if later:  # groups this article bridges, or whose root it precedes, gather under the earliest
        marks = ", ".join("?" * len(later))
        db.execute(f"UPDATE articles SET duplicate_of = ? WHERE id IN ({marks}) OR duplicate_of IN ({marks})",
                   [root, *later, *later])
        db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", [root])
    return root if roots else None


def duplicate_of(db: sqlite_utils.Database, ids: Sequence[int] | None = None) -> dict[int, int]:
    """id → the root of its group, for the articles that have one (all, or those in `ids`)."""
    if ids is None:
        rows = db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
    else:
        marks = ", ".join("?" * len(ids))
        rows = db.execute(f"SELECT id, duplicate_of FROM articles WHERE id IN ({marks}) "
                          "AND duplicate_of IS NOT NULL", list(ids))
    return dict(rows.fetchall())


def group(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """The ids of `article_id`'s group, earliest first ([article_id] alone when it has none)."""
    row = db.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise NotFound(article_id)
    return [r[0] for r in db.execute(
        "SELECT id FROM articles WHERE id = ? OR duplicate_of = ? ORDER BY id", [row[0], row[0]])]


def keep(db: sqlite_utils.Database, keeper: int, *, editor: str | None = None,
         shown: Sequence[int] | None = None):
    """Keep `keeper` and spike the rest of its group, in one action, through the one gated status
    path (bientap.store.workflow.set_status). Returns its StatusReport; the keeper itself is left as it is.
    `shown`: the group as the editor saw it — an article that joined it since (another desk's
    import) is left alone rather than spiked unseen."""
    # Imported here for weight: workflow loads checks.engine and every rule (~75 ms), and
    # `bientap list` imports this module for duplicate_of without checking anything.
    from bientap.store import workflow

    members = group(db, keeper)
    if shown is not None:
        members = [i for i in members if i in set(shown)]
    return workflow.set_status(db, [i for i in members if i != keeper], "spiked", editor=editor)
