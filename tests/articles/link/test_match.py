"""match: longest-first choice of spans and the best way a target is linked."""

from articles.link.distribute import Span
from articles.link.match import select_longest, unique_targets
from articles.link.patterns import Rule, Target


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

    from articles.link.match import add_word_keys, find_candidates, is_word_key
    from articles.link.patterns import Rule

    rule = Rule(None, False, False, False, (Target("feature", "qala-ye-now", "name"),))
    assert is_word_key("qala ye now", (rule,), frozenset({"qala-ye-now"}))
    assert not is_word_key("qala ye now", (rule,), frozenset())
    automaton = ahocorasick.Automaton()
    automaton.add_word("zzz", (3, (), True, True))
    add_word_keys(automaton, {"qala ye now": (rule,)})
    automaton.make_automaton()
    text = "In Qala-ye Now and qala ye now, Bazqala ye now."
    plain, _ = find_candidates(text, automaton)
    assert [text[c.start : c.end] for c in plain] == ["Qala-ye Now"]


def _reference_word_hits(shape, folded, rules):
    """The word lookup as first written: one step per capitalised word."""
    from articles.link.match import _CAPITALISED, _WORD

    first: dict[str, int] = {}  # first word of a key -> most words of a key it starts
    for key in rules:
        parts = _WORD.findall(key)
        first[parts[0]] = max(first.get(parts[0], 0), len(parts))
    for match in _CAPITALISED.finditer(shape):
        start, end = match.span()
        most = first.get(folded[start:end])
        if most is None:
            continue
        for count, word in enumerate(_WORD.finditer(folded, start)):
            if count == most:
                break
            if rules.get(folded[start : word.end()]) is not None:
                yield start, word.end()


def test_town_keys_give_what_a_scan_of_every_capitalised_word_finds():
    import ahocorasick

    from articles.link.match import add_word_keys, find_candidates
    from articles.link.patterns import fold_text

    rule = Rule(None, False, True, False, ())
    rules = {"kot": (rule,), "bar kot": (rule,), "brien": (rule,), "kalam": (rule,)}
    automaton = ahocorasick.Automaton()
    add_word_keys(automaton, rules)
    automaton.make_automaton()
    for text in (
        "Kot and Bar Kot, then KOT, Kot's road, kot, O'Brien, d'Brien and Kalam.",
        "x_Kot Kalam-Kot Kalam Kalam",
        "Bar Kot's fort, Bar Kot'. KotKalam, 9Kot, 'Kot', ÉKot Kot",
        "",
    ):
        shape, folded = fold_text(text)
        plain, _ = find_candidates(text, automaton)
        found = [(c.start, c.end) for c in plain]
        assert found == list(_reference_word_hits(shape, folded, rules))
        assert found or not text
