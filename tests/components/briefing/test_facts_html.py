"""Tests for components.briefing.facts_html: measured and published figures."""

import dataclasses

from components.briefing.facts_html import build_facts_html
from components.briefing.frame import build_view_frame
from geo.model import Feature
from tests.components.briefing.fixtures import make_briefing


def facts_of(briefing):
    return build_facts_html(briefing, build_view_frame(briefing))


def test_facts_show_measured_next_to_published_figures():
    html = facts_of(make_briefing())
    assert "<caption>Wakhan Corridor</caption>" in html
    assert "<td>area</td><td class='num'>10,972.4 km\u00b2</td>" in html
    assert "<td class='num'>11,422 km\u00b2</td>" in html
    assert "Measured at 1:10m" in html


def test_facts_without_a_published_figure_show_a_dash():
    facts = {"wakhan-corridor": {"length_km": 350.0}}
    html = facts_of(dataclasses.replace(make_briefing(), facts=facts))
    assert "<td class='num'>350.0 km</td><td class='num'>\u2014</td>" in html


def test_facts_tabulate_nested_figures_on_one_row():
    facts = {"wakhan-corridor": {"borders_km": {"china": 74, "pakistan": 12.5}}}
    html = facts_of(dataclasses.replace(make_briefing(), facts=facts))
    assert "china: 74 km, pakistan: 12.5 km" in html


def test_facts_escape_feature_names():
    briefing = make_briefing()
    evil = Feature("wakhan-corridor", "<b>Wakhan</b>", "corridor")
    features = {**briefing.features, "wakhan-corridor": evil}
    html = facts_of(dataclasses.replace(briefing, features=features))
    assert "&lt;b&gt;Wakhan&lt;/b&gt;" in html
    assert "<b>Wakhan" not in html


def test_facts_absent_for_the_view_says_so():
    html = facts_of(dataclasses.replace(make_briefing(), facts={}))
    assert "No measured figures" in html
