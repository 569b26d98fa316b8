"""Which articles the analyst's decisions changed since the index last applied them.

The index records what it applied in ``meta['review']``: a digest of each
article's link decisions and the list of rules. A sync re-writes the articles
whose digest changed and, for a rule added or removed, the articles whose text
holds its phrase (a full-text phrase query), so a decision costs a few articles,
not the corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from articles.backends import Connection
from articles.index.codec import N_BITS, STOPWORDS
from articles.review.state import Review, build_review
from articles.review.store import read_decisions_lenient

_WORD = re.compile(r"[^\W_]+")


def load_review(corpus: Path) -> tuple[Review | None, list[str]]:
    """Return the corpus's decisions, and one line per line that cannot be read.

    None: the file is there but cannot be read at all; then sync leaves the
    articles it has not been asked to re-write as they are.
    """
    try:
        decisions, problems = read_decisions_lenient(corpus)
    except OSError as exc:
        return None, [f"review decisions unreadable: {exc.strerror}"]
    return build_review(decisions), [f"decision not applied: {p}" for p in problems]


def stale_files(con: Connection, review: Review) -> set[str]:
    """Return the files whose stored links predate the current decisions."""
    row = con.execute("SELECT value FROM meta WHERE key = 'review'").fetchone()
    old = json.loads(row[0]) if row else {"articles": {}, "rules": []}
    new = review.article_digests()
    slugs = {
        s for s in {*new, *old["articles"]} if new.get(s) != old["articles"].get(s)
    }
    changed = {tuple(r) for r in old["rules"]} ^ set(review.rule_keys())
    keys: set[int] = set()
    for phrase in {str(r[0]) for r in changed}:
        # the phrase's words as the full-text index holds them (no stop words)
        words = [w for w in _WORD.findall(phrase) if w.casefold() not in STOPWORDS]
        if not words:  # nothing to search for: check every article
            return {f for (f,) in con.execute("SELECT file FROM articles")}
        sql, args = con.backend.fts_match(((tuple(words), False),))
        keys.update(pid >> N_BITS for (pid,) in con.execute(sql, args))
    if not slugs and not keys:
        return set()  # nothing decided since: no scan (100,000 articles cost 50 ms)
    return {
        f
        for f, slug, key in con.execute("SELECT file, slug, id FROM articles")
        if slug in slugs or key in keys
    }


def record_review(con: Connection, review: Review) -> None:
    """Remember which decisions the index now reflects (nothing written if known)."""
    state = {"articles": review.article_digests(), "rules": review.rule_keys()}
    value = json.dumps(state, sort_keys=True)
    row = con.execute("SELECT value FROM meta WHERE key = 'review'").fetchone()
    if row is not None and row[0] == value:
        return  # a sync that found nothing to do writes nothing
    con.execute(
        "INSERT INTO meta VALUES ('review', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (value,),
    )
