"""Page notices: URL problems and unreadable corpus files under distinct headings."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app() -> None:
    from components import notices
    from components.url import state as url_state

    url_state.render_problems(["Unknown feature 'x' ignored."])
    notices.render_corpus_problems(
        [f"f{i}.md: not a regular file <b>" for i in range(12)]
    )


def test_corpus_problems_have_their_own_heading_escaped_and_capped() -> None:
    at = AppTest.from_function(_app, default_timeout=30).run()
    assert not at.exception
    url, corpus = (w.value for w in at.warning)
    assert url.startswith("Some link parameters were ignored:")
    assert corpus.startswith("Some article files could not be read")
    assert "link parameters" not in corpus
    assert "\\<b\\>" in corpus
    assert corpus.count("\n- ") == 11  # ten files, then "... and 2 more"
    assert corpus.endswith("... and 2 more")


def test_nothing_is_shown_without_problems() -> None:
    def app() -> None:
        from components import notices

        notices.render_corpus_problems([])

    at = AppTest.from_function(app, default_timeout=30).run()
    assert len(at.warning) == 0
