"""The query kinds of ``make bench-scale`` and their varied inputs (p50/p95 latency)."""

from __future__ import annotations

import datetime as dt
import functools
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from articles.actors import load_actors
from articles.backends import backend_for
from articles.query import Filters, Page, count_features, count_months, query_page

QUERY_KINDS = (
    "one feature",
    "an actor with members",
    "full text",
    "a date window",
    "all four combined",
    "a feature and an actor",
    "map counts",
    "map counts, an actor alone",
    "timeline counts",
)
#: Timed again once a dashboard's links are held in memory (``link_matrix``):
#: every kind, as a dashboard meets it (an events-mode window, a lone feature's
#: or actor's totals and the timeline still go to SQL there).
HELD_KINDS = QUERY_KINDS
WORDS = ("border", "strategic mistake", "Taliban", "trade", "corridor", "refugees",
         "ceasefire", "mediator", "talks", "security forces", "terrorism", "militants",
         "humanitarian", "province", "minister", "China", "dialogue", "airstrikes",
         "tensions", "cooperation")  # fmt: skip


def _features(index: Path) -> list[str]:
    con = backend_for(index).connect(readonly=True)
    try:
        rows = con.execute(
            "SELECT name FROM targets WHERE kind = 'feature' ORDER BY passages DESC "
            "LIMIT 40"
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def _organisations() -> list[str]:
    return sorted({p for a in load_actors() for p in a.member_of})


def _window(rng: random.Random) -> tuple[dt.date, dt.date]:
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
    return start, start + dt.timedelta(days=365)


def _inputs(kind: str, index: Path, runs: int) -> list[Callable[[], object]]:
    rng = random.Random(8)
    features, orgs = _features(index), _organisations()
    out: list[Callable[[], object]] = []
    for i in range(runs):
        lo, hi = _window(rng)
        feature, org, word = (
            features[i % len(features)],
            orgs[i % len(orgs)],
            WORDS[i % len(WORDS)],
        )
        mode = ("published", "events")[i % 2]
        f = {
            "one feature": Filters(feature=feature),
            "an actor with members": Filters(actors=(org,)),
            "full text": Filters(q=word),
            "a date window": Filters(date_from=lo, date_to=hi, datemode=mode),
            "all four combined": Filters(feature=feature, actors=(org,), q=word,
                                         date_from=lo, date_to=hi),
            # a click on a feature with an actor picked (not an issue-8 kind)
            "a feature and an actor": Filters(feature=feature, actors=(org,)),
            "map counts": Filters(actors=(org,), date_from=lo, date_to=hi),
            # what the map shades when an actor is picked and nothing else
            "map counts, an actor alone": Filters(actors=(org,)),
            "timeline counts": Filters(feature=feature, datemode=mode),
        }[kind]  # fmt: skip
        out.append(functools.partial(_CALLS.get(kind, _page), f, index))
    return out


def _page(filters: Filters, index: Path) -> Page:
    return query_page(filters, limit=50, index=index)


_CALLS: dict[str, Callable[[Filters, Path], object]] = {
    "map counts": count_features,
    "map counts, an actor alone": count_features,
    "timeline counts": count_months,
}


#: Each kind runs at least ``runs`` times, and on until this many seconds have
#: passed (up to `MOST_RUNS`): a p95 of 20 samples is their maximum in effect,
#: one pause of the machine's for a kind that takes a millisecond.
SAMPLE_SECONDS = 2.0
MOST_RUNS = 400


def time_queries(kind: str, index: Path, runs: int) -> tuple[float, float, str]:
    """p50 and p95 in ms of a kind's queries, how many ran, and what they returned.

    The inputs vary from run to run (``_inputs``, the same sequence every time).
    """
    times: list[float] = []
    sizes: list[int] = []
    began_all = time.perf_counter()
    for n, call in enumerate(_inputs(kind, index, max(runs, MOST_RUNS))):
        if n >= runs and time.perf_counter() - began_all >= SAMPLE_SECONDS:
            break
        began = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - began) * 1000)
        sizes.append(result.total if isinstance(result, Page) else len(result))  # type: ignore[arg-type]
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    note = f"matches: median {statistics.median(sizes):,.0f}, max {max(sizes):,}"
    if kind in _CALLS:
        note = f"entries: median {statistics.median(sizes):,.0f}"
    return statistics.median(times), p95, f"{note}, {len(times)} runs"
