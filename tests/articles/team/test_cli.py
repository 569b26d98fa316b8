"""``python -m articles dump|load``: exit codes, one-line reasons, the round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.auth.roles import DATABASE_ENV
from articles.backends import DATABASE_ENV as BACKEND_ENV
from tests.articles.conftest import REAL_CORPUS


def test_team_mode_and_the_backend_read_one_switch() -> None:
    assert DATABASE_ENV == BACKEND_ENV


def test_without_a_database_url_dump_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    assert main(["dump", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "ARTICLES_DATABASE_URL" in err


@pytest.mark.usefixtures("team_url")
def test_load_then_dump_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(REAL_CORPUS), "--json"]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert len(loaded["added"]) == len(list(REAL_CORPUS.glob("*.md")))
    assert main(["load", str(REAL_CORPUS)]) == 0
    assert "0 added" in capsys.readouterr().out
    assert main(["dump", str(tmp_path / "out")]) == 0
    for path in REAL_CORPUS.glob("*.md"):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()


@pytest.mark.usefixtures("team_url")
def test_load_of_a_missing_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err
