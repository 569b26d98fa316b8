"""The matcher stays linear as the gazetteer grows: linking at 1x and ~10x the names."""

from __future__ import annotations

import random
import time

from articles.actors import load_actors
from articles.corpus import parse_article
from articles.link.linker import build_context, link_passages
from articles.split import split_article
from bench.registry import Figure, register
from bench.synthetic import generate_corpus
from geo.gazetteer import load_features
from geo.model import Feature

ARTICLES = 300
SEED = 13
_SYLLABLES = (
    "ka", "bul", "zar", "gha", "mir", "kot", "shah", "pur", "dar", "ab",
    "qa", "lam", "sin", "dro", "tep", "wal", "nur", "gul", "bad", "han",
)  # fmt: skip


def synthetic_towns(count: int, parent: str = "punjab") -> list[Feature]:
    """Return `count` made-up towns with unique two-to-four-syllable names.

    Parameters
    ----------
    count : int
        How many.
    parent : str
        Province id they lie in (their country is then named by the corpus).

    Returns
    -------
    list of Feature
        Kind ``town``; names such as "Gharmirkot" (up to 3.4 million distinct).
    """
    rng = random.Random(SEED)
    names: set[str] = set()
    while len(names) < count:
        parts = rng.choices(_SYLLABLES, k=rng.randint(3, 5))  # 20**3+ names
        names.add("".join(parts).capitalize())
    return [
        Feature(f"bench-{n.lower()}", n, "town", parent=parent, layer="towns")
        for n in sorted(names)
    ]


@register("gazetteer-scale")
def bench_gazetteer_scale() -> list[Figure]:
    """Link the same articles with the gazetteer at 1x and ~10x its names."""
    docs = generate_corpus(ARTICLES)
    articles = [parse_article(text, name[:-3]) for name, text in docs]
    split = [split_article(a) for a in articles]
    text_mb = sum(len(p.text.encode()) for ps in split for p in ps) / 1e6
    features, actors = list(load_features()), load_actors()
    names = sum(1 + len(f.aliases) + len(f.demonyms) for f in features)
    names += sum(1 + len(a.aliases) + len(a.case_sensitive) for a in actors)
    figures = []
    for scale, extra in (("1x", 0), ("~10x", 9 * names)):
        context = build_context(features + synthetic_towns(extra), actors)
        began = time.process_time()  # CPU time: steadier than wall on a shared box
        for passages in split:
            link_passages(passages, context)
        seconds = time.process_time() - began
        figures.append(
            Figure(
                f"linking with {scale} names",
                text_mb / seconds,
                "MB/s",
                f"{names + extra} names; {ARTICLES} synthetic articles, "
                f"{text_mb:.2f} MB text; {seconds:.2f} s CPU on one core",
            )
        )
    return figures
