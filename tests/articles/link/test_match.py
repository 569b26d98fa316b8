"""match: longest-first choice of spans and the best way a target is linked."""

from articles.link.distribute import Span
from articles.link.match import select_longest, unique_targets
from articles.link.patterns import Target


def test_select_longest_drops_overlapping_shorter_spans():
    spans = [Span(0, 5, ()), Span(0, 12, ()), Span(13, 20, ()), Span(10, 15, ())]
    chosen = sorted(select_longest(spans, 20), key=lambda s: s.start)
    assert [(s.start, s.end) for s in chosen] == [(0, 12), (13, 20)]


def test_unique_targets_keeps_the_best_way():
    a = Target("feature", "pakistan", "demonym")
    b = Target("feature", "pakistan", "name")
    c = Target("actor", "pakistan", "name")
    assert unique_targets([a, b, c]) == (c, b)
