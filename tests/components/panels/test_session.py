"""A session's start: the URL read once, its problems kept, every widget seeded."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _start() -> None:
    from components import loaders
    from components.panels import session

    loaders.ensure_index()
    session.start()


@pytest.mark.usefixtures("corpus_copy")
def test_start_seeds_the_view_of_the_url_and_keeps_its_problems() -> None:
    at = AppTest.from_function(_start, default_timeout=60)
    at.query_params["feature"] = "wakhan-corridor"
    at.query_params["actor"] = "ttp"
    at.query_params["datemode"] = "someday"
    at.run()
    assert not at.exception
    state = at.session_state
    assert state["map.selected"] == "wakhan-corridor"
    assert state["filters.actors"] == ["ttp"]
    problems = state["page.url_problems"]
    assert len(problems) == 1
    assert "someday" in problems[0]
    at.query_params["actor"] = "isi"
    at.run()  # the URL is read once per session: the widgets keep their state
    assert at.session_state["filters.actors"] == ["ttp"]
