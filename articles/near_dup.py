"""Near-duplicate articles: the same story re-posted, found by MinHash (datasketch).

An article's body is cut into overlapping three-word shingles (case-folded words);
its MinHash estimates the Jaccard similarity of two such sets, and an LSH index
finds the candidates above ``THRESHOLD`` without comparing against every article.
datasketch rather than hand-written hashing: its MinHash and LSH are vectorised
(numpy) and long maintained.

Signatures are derived data, cached by content hash in a small SQLite file next
to the index (``<index>.minhash.sqlite``); a signature missing there is computed
from the corpus file, so the cache never has to follow a sync.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from articles.corpus import CorpusError, read_article, split_front_matter
from articles.query import list_article_hashes

if TYPE_CHECKING:  # imported where used: datasketch imports scipy, 0.34 s of
    # every command line's start (``python -m articles query`` included)
    from datasketch import MinHash

#: Jaccard similarity of shingles above which two articles are one story.
THRESHOLD = 0.7
#: The LSH finds candidates from a lower similarity (its banding misses some pairs
#: just above its threshold); each candidate is then checked against `THRESHOLD`.
_CANDIDATE = 0.5
NUM_PERM = 128
#: The hashing scheme fixed, so cached signatures compare with fresh ones.
_SCHEME = "affine32"
_DTYPE = np.uint32
_SHINGLE = 3
_WORD = re.compile(r"\w+")


def build_signature(text: str) -> MinHash:
    """Return the MinHash of a text's three-word shingles (case-folded)."""
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    grams = {
        " ".join(words[i : i + _SHINGLE]).encode("utf-8")
        for i in range(max(1, len(words) - _SHINGLE + 1))
    }
    sig = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)
    sig.update_batch(list(grams))
    return sig


class NearDuplicates:
    """The corpus's signatures in an LSH index, to find the first of a story.

    Parameters
    ----------
    index, corpus : Path
        The index (for the list of articles) and the corpus (for bodies whose
        signature is not cached yet).
    """

    def __init__(self, index: Path, corpus: Path) -> None:
        self.index = index
        self.corpus = corpus
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=_CANDIDATE, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}
        self._cache = Path(f"{index}.minhash.sqlite")
        self._loaded = False

    def _load(self) -> None:
        """Read the corpus's signatures on first use (a refused file reads none)."""
        if self._loaded:
            return
        self._loaded = True
        rows = list_article_hashes(self.index)
        cached = self._read_cache({h for _, h in rows})
        fresh: dict[str, MinHash] = {}
        for slug, content_hash in rows:
            sig = cached.get(content_hash)
            if sig is None:
                sig = self._from_corpus(slug)
                if sig is None:
                    continue
                fresh[content_hash] = sig
            self._insert(slug, sig)
        self._write_cache(fresh)

    def find(self, body: str) -> str | None:
        """Return the id of the corpus article this body nearly repeats, else None.

        The first of the story: when the match is itself marked as a near-duplicate,
        the article it repeats.
        """
        self._load()
        sig = build_signature(body)
        scored = [(sig.jaccard(self._sigs[k]), k) for k in self._lsh.query(sig)]
        best = sorted((-s, k) for s, k in scored if s >= THRESHOLD)
        if not best:
            return None
        return self._first_of(best[0][1])

    def add(self, slug: str, content_hash: str, body: str) -> None:
        """Register an article just added (and cache its signature)."""
        self._load()
        sig = build_signature(body)
        self._insert(slug, sig)
        self._write_cache({content_hash: sig})

    def _insert(self, slug: str, sig: MinHash) -> None:
        if slug not in self._sigs:
            self._sigs[slug] = sig
            self._lsh.insert(slug, sig)

    def _first_of(self, slug: str) -> str:
        try:
            meta, _ = split_front_matter(
                (self.corpus / f"{slug}.md").read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError, CorpusError):
            return slug
        first = str(meta.get("near_duplicate_of") or "")
        return first if first in self._sigs else slug

    def _from_corpus(self, slug: str) -> MinHash | None:
        try:
            return build_signature(read_article(self.corpus / f"{slug}.md").body)
        except CorpusError:
            return None

    def _read_cache(self, hashes: set[str]) -> dict[str, MinHash]:
        from datasketch import MinHash

        if not self._cache.exists() or not hashes:
            return {}
        con = sqlite3.connect(self._cache)
        try:
            rows = con.execute("SELECT content_hash, sig FROM sigs").fetchall()
        except sqlite3.DatabaseError:
            return {}
        finally:
            con.close()
        size = NUM_PERM * np.dtype(_DTYPE).itemsize
        return {
            h: MinHash(
                num_perm=NUM_PERM,
                hashvalues=np.frombuffer(b, dtype=_DTYPE),
                scheme=_SCHEME,
            )
            for h, b in rows
            if h in hashes and len(b) == size
        }

    def _write_cache(self, sigs: dict[str, MinHash]) -> None:
        if not sigs:
            return
        con = sqlite3.connect(self._cache)
        try:
            with con:
                con.execute(
                    "CREATE TABLE IF NOT EXISTS sigs"
                    " (content_hash TEXT PRIMARY KEY, sig BLOB NOT NULL)"
                )
                con.executemany(
                    "INSERT OR REPLACE INTO sigs VALUES (?, ?)",
                    [
                        (h, s.hashvalues.astype(_DTYPE).tobytes())
                        for h, s in sigs.items()
                    ],
                )
        except sqlite3.DatabaseError:
            pass  # a cache: the next run computes the signatures again
        finally:
            con.close()
