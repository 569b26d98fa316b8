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


def test_town_keys_are_matched_as_whole_capitalised_words():
    import ahocorasick

    from articles.link.match import WordTable, find_candidates, is_word_key
    from articles.link.patterns import Rule

    rule = Rule(None, False, False, False, (Target("feature", "qala-ye-now", "name"),))
    assert is_word_key("qala ye now", (rule,), frozenset({"qala-ye-now"}))
    assert not is_word_key("qala ye now", (rule,), frozenset())
    table = WordTable.build({"qala ye now": (rule,)})
    automaton = ahocorasick.Automaton()
    automaton.add_word("zzz", (3, (), True, True))
    automaton.make_automaton()
    text = "In Qala-ye Now and qala ye now, Bazqala ye now."
    plain, _ = find_candidates(text, automaton, table)
    assert [text[c.start : c.end] for c in plain] == ["Qala-ye Now"]
