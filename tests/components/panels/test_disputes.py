"""The "Disputed boundaries" note covers every line the issue names."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.panels.disputes import build_disputes_markdown


def test_note_covers_each_disputed_line():
    text = build_disputes_markdown()
    for topic in (
        "Durand Line", "Line of Control", "Siachen", "Azad Jammu and Kashmir",
        "Gilgit-Baltistan", "1963", "Shaksgam",
    ):  # fmt: skip
        assert topic in text, topic


def _note():
    from components.panels import disputes

    disputes.render()


def test_app_note_is_folded_in_an_expander():
    at = AppTest.from_function(_note, default_timeout=30).run()
    (box,) = at.expander
    assert box.label == "Disputed boundaries"
    assert box.proto.expanded is False
    assert "Shaksgam" in box.markdown[0].value
