from __future__ import annotations

import pytest

from articles.auth.roles import ACTIONS, User, require, team_mode


def test_require_refuses_a_reader_ingest_with_a_clear_message() -> None:
    with pytest.raises(PermissionError, match=r"ana \(reader\) may not ingest.*editor"):
        require(User("ana", "reader"), "ingest")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("reader", {"browse", "export"}),
        ("editor", {"browse", "export", "ingest", "review"}),
        ("admin", set(ACTIONS)),
    ],
)
def test_each_role_may_do_exactly_its_actions(role: str, allowed: set[str]) -> None:
    user = User("x", role)
    assert {a for a in ACTIONS if user.can(a)} == allowed


def test_an_unknown_role_may_do_nothing() -> None:
    with pytest.raises(PermissionError):
        require(User("x", "superuser"), "browse")


def test_the_shell_operator_may_do_everything() -> None:
    for action in ACTIONS:
        require(None, action)


def test_an_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown action"):
        require(None, "delete-everything")


def test_team_mode_follows_the_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLES_DATABASE_URL", raising=False)
    assert not team_mode()
    monkeypatch.setenv("ARTICLES_DATABASE_URL", "postgresql://localhost/articles")
    assert team_mode()
