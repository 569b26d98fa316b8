"""Two dashboards on one database: an ingest elsewhere shows here after a refresh."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from articles.auth.roles import User
from articles.team import store
from articles.team.folder import load_folder
from components.panels import signin
from tests.articles.conftest import REAL_CORPUS
from tests.articles.team.test_concurrency import _ingest_in_child
from tests.team_fixtures import team_url
from tests.test_dashboard import DASHBOARD, passages_html

__all__ = ["team_url"]  # the fixture, for pytest


def test_an_ingest_elsewhere_shows_here_after_a_refresh(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLES_CORPUS_DIR", str(tmp_path / "mirror-here"))
    monkeypatch.setenv("ARTICLES_USERS_FILE", str(tmp_path / "users.json"))
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    con.close()
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params["feature"] = "durand-line"
    at.session_state[signin.KEY_USER] = User("rita", "reader")
    at.run()
    assert not at.exception
    assert "Officials from Kabul met envoys" not in passages_html(at)
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(1), ctx.Queue()
    where = (str(tmp_path / "mirror-there"), str(tmp_path / "there.sqlite"))
    child = ctx.Process(target=_ingest_in_child, args=(team_url, *where, start, out))
    child.start()
    assert out.get(timeout=120)[0] == "added"
    child.join(timeout=60)
    at.run()  # the refresh: the next rerun of the page
    assert not at.exception
    assert "Officials from Kabul met envoys" in passages_html(at)


PASTED = """Clash at Torkham

*By Sana Qureshi — Peshawar, 14 March 2025*

Pakistani troops and TTP fighters exchanged fire at Torkham on Thursday, officials said.
"""


def test_an_editor_adds_through_the_page_into_the_database(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLES_CORPUS_DIR", str(tmp_path / "mirror"))
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.session_state[signin.KEY_USER] = User("ed", "editor")
    at.run()
    at.radio(key="upload.mode").set_value("Paste text").run()
    at.text_area(key="upload.text").set_value(PASTED).run()
    at.button(key="upload.submit").click().run()
    assert not at.exception
    con = store.connect(team_url)
    rows = con.execute("SELECT id, added_by FROM corpus_articles").fetchall()
    con.close()
    assert [by for _, by in rows] == ["ed"]
    assert rows[0][0].startswith("2025-03-clash-torkham")
