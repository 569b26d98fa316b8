"""Linking throughput on the synthetic corpus (one core): MB of text per second."""

from __future__ import annotations

import time

from articles.corpus import parse_article
from articles.process import load_linker, process_article
from articles.split import split_passages
from bench.registry import Figure, register
from bench.synthetic import generate_corpus

ARTICLES = 1000
TARGET_MBPS = 2.0


@register("linking")
def bench_linking() -> list[Figure]:
    """Time cleaning, linking and date extraction over 1,000 synthetic articles."""
    docs = generate_corpus(ARTICLES)
    raw_mb = sum(len(text.encode()) for _, text in docs) / 1e6
    linker = load_linker()
    began = time.perf_counter()
    linker.link(split_passages(parse_article(docs[0][1], "warm")))
    build = time.perf_counter() - began

    began = time.perf_counter()
    articles = [parse_article(text, name[:-3]) for name, text in docs]
    clean_s = time.perf_counter() - began
    split = [split_passages(a) for a in articles]
    text_mb = sum(len(p.text.encode()) for ps in split for p in ps) / 1e6

    began = time.perf_counter()
    for passages in split:
        linker.link(passages)
    link_s = time.perf_counter() - began
    began = time.perf_counter()
    for article in articles:
        linker.dates(split_passages(article), article.published)
    dates_s = time.perf_counter() - began
    began = time.perf_counter()
    for article in articles:
        process_article(article, linker)
    process_s = time.perf_counter() - began

    corpus = (
        f"{len(docs)} synthetic articles, {raw_mb:.2f} MB raw, {text_mb:.2f} MB text"
    )
    return [
        _rate("features+actors linking", text_mb, link_s, corpus, target=True),
        _rate("date extraction (incl. splitting)", text_mb, dates_s, corpus),
        _rate("linking incl. dates (link + dates)", text_mb, link_s + dates_s, corpus),
        _rate(
            "whole pipeline (clean+split+link+dates)",
            raw_mb,
            clean_s + process_s,
            "raw Markdown in, every passage linked",
            target=True,
        ),
        Figure("cleaning", raw_mb / clean_s, "MB/s", "front matter + cleaner"),
        Figure("linker context build", build, "s", "gazetteer + registry automaton"),
    ]


def _rate(
    name: str, mb: float, seconds: float, note: str, target: bool = False
) -> Figure:
    rate = mb / seconds
    return Figure(
        name,
        rate,
        "MB/s",
        f"{note}; {seconds:.2f} s on one core",
        target=f">= {TARGET_MBPS} MB/s" if target else "",
        ok=rate >= TARGET_MBPS if target else None,
    )
