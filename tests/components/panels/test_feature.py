"""Feature details: fact rows (measured vs published), notes, the panel in AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.panels.feature import build_fact_notes, build_fact_rows, fact_columns

FACTS = {
    "length_km": 2244.7,
    "published_length_km": 2640.0,
    "published_length_km_cia": 2670.0,
    "published_source": "commonly cited",
    "scale": "1:10m",
    "status": "measured",
    "by_province_km": {"balochistan": 1122.4, "gilgit-baltistan": 94.0},
    "min_width_lon": 72.11,
    "method": "geodesic on WGS84",
    "flag": True,
}


def test_fact_rows_pair_measured_and_published() -> None:
    rows = {
        r["measure"]: r for r in build_fact_rows(FACTS, {"balochistan": "Balochistan"})
    }
    assert rows["Length"] == {
        "measure": "Length",
        "measured": "2,245 km",
        "published": "2,640 km",
    }
    assert rows["Length (CIA)"]["published"] == "2,670 km"
    assert rows["Length (CIA)"]["measured"] == ""
    assert rows["By province: Balochistan"]["measured"] == "1,122 km"
    assert rows["By province: gilgit-baltistan"]["measured"] == "94.0 km"
    assert rows["Min width at"]["measured"] == "72.11° E"
    assert "Flag" not in rows
    assert "Status" not in rows


def test_fact_notes_and_columns() -> None:
    assert build_fact_notes(FACTS) == [
        "Published figures: commonly cited",
        "Method: geodesic on WGS84",
    ]
    assert fact_columns(FACTS)["measured"] == "measured (1:10m)"
    assert fact_columns({})["measured"] == "measured"


def _panel_app(feature_id: str | None) -> None:
    from components.panels import feature as feature_panel
    from geo.model import Feature

    features = {
        "evil": Feature(
            id="evil",
            name="<b>Evil</b> *name*",
            kind="site",
            note="<script>x</script>",
            disputed=True,
            source="src",
            licence="PD",
            derivation="made",
            parent="afghanistan",
            radius_km=90.0,
        ),
        "afghanistan": Feature(id="afghanistan", name="Afghanistan", kind="country"),
    }
    feature = features.get(feature_id) if feature_id else None
    parent = features["afghanistan"] if feature_id == "evil" else None
    facts = {"area_km2": 5.0, "scale": "1:10m", "method": "geodesic"}
    feature_panel.render(feature, facts, parent=parent)


def test_panel_without_feature_shows_hint() -> None:
    at = AppTest.from_function(_panel_app, kwargs={"feature_id": None}).run()
    assert "Click a feature" in at.info[0].value


def test_panel_escapes_and_shows_disputed_note() -> None:
    at = AppTest.from_function(_panel_app, kwargs={"feature_id": "evil"}).run()
    assert not at.exception
    from components.highlight import escape_markdown

    assert at.subheader[0].value == escape_markdown("<b>Evil</b> *name*")
    assert "<b>" not in at.subheader[0].value
    assert at.warning[0].value.startswith("Disputed: ")
    assert "<script>" not in at.warning[0].value
    assert at.button[0].label == "Select Afghanistan"
    assert "within about 90 km" in at.caption[1].value  # a point's uncertainty
    assert "Area" in set(at.table[0].value.index)
    (provenance,) = at.expander
    assert provenance.label == "Facts and provenance"
    assert provenance.proto.expanded is False  # folded: the passages come first
    assert [c.value for c in provenance.caption] == [
        escape_markdown("Method: geodesic")
    ]
    assert "**Licence:** PD" in [m.value for m in provenance.markdown]


def test_panel_parent_button_selects_parent() -> None:
    at = AppTest.from_function(_panel_app, kwargs={"feature_id": "evil"}).run()
    at.button[0].click().run()
    assert at.session_state["map.selected"] == "afghanistan"
