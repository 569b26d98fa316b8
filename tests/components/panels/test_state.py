"""Panel state: every panel's keys seeded once from the view the URL opened."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.components.views import make_view


def _seeded(view):
    import datetime as dt

    from components.panels import state as panel_state

    bounds = {
        "published": (dt.date(2024, 1, 1), dt.date(2025, 6, 1)),
        "events": (dt.date(1990, 1, 1), dt.date(2025, 6, 1)),
    }
    panel_state.init_session_state(
        view, bounds=bounds, kinds=["city"], actor_ids={"ttp"}
    )


def test_init_session_state_seeds_every_component_once():
    view = make_view(
        actors=("ttp",), date_from=dt.date(2024, 5, 1), datemode="events", q="wakhan"
    )
    at = AppTest.from_function(_seeded, kwargs={"view": view}, default_timeout=30).run()
    assert not at.exception
    state = at.session_state
    assert state["filters.actors"] == ["ttp"]
    assert state["filters.datemode"] == "events"
    assert state["filters.window.events"] == (dt.date(2024, 5, 1), dt.date(2025, 6, 1))
    assert state["filters.window.published"] == (
        dt.date(2024, 1, 1),
        dt.date(2025, 6, 1),
    )
    assert state["search_box.q"] == "wakhan"
    assert state["passage_panel.order"] == "rank"
    at.session_state["filters.actors"] = []
    at.run()  # not re-seeded
    assert at.session_state["filters.actors"] == []
