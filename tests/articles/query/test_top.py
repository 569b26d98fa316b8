"""query_top: each feature's best passage equals the first of its ranked page."""

from __future__ import annotations

from pathlib import Path

from articles.query import Filters, count_features, query_page, query_top


def test_top_passage_is_the_first_of_each_feature_page(indexed: Path) -> None:
    for filters in (Filters(), Filters(actors=("ttp",)), Filters(q="Wakhan")):
        shaded = [f for f, n in count_features(filters, indexed).items() if n]
        assert shaded
        top = query_top(filters, shaded, indexed)
        for fid in shaded:
            one = Filters(**{**filters.__dict__, "feature": fid})
            first = query_page(one, limit=1, index=indexed).hits
            assert top[fid].passage_id == first[0].passage_id


def test_features_without_passages_are_left_out(indexed: Path) -> None:
    assert query_top(Filters(), ["no-such-feature"], indexed) == {}
