from __future__ import annotations

from pathlib import Path

import pytest

from articles.auth.roles import User
from articles.auth.signin import (
    LOCK_SECONDS,
    MAX_FAILURES,
    WRONG,
    SignInError,
    authenticate,
    user_for_email,
)
from articles.auth.users import add_account

PASSWORD = "correct horse battery"


@pytest.fixture
def users(tmp_path: Path) -> Path:
    path = tmp_path / "users.json"
    add_account("ana", "editor", PASSWORD, email="ana@example.org", path=path)
    return path


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _message(users: Path, name: str, password: str, client: str = "c1") -> str:
    with pytest.raises(SignInError) as caught:
        authenticate(name, password, client, path=users)
    return str(caught.value)


def test_right_password_signs_in_with_the_role(users: Path) -> None:
    assert authenticate("ana", PASSWORD, "c1", path=users) == User("ana", "editor")


def test_wrong_password_and_unknown_user_get_the_same_message(users: Path) -> None:
    wrong = _message(users, "ana", "not the password")
    unknown = _message(users, "nobody", PASSWORD)
    assert wrong == unknown == WRONG


def test_failures_lock_the_name_from_any_client(users: Path) -> None:
    clock = Clock()
    for n in range(MAX_FAILURES):
        with pytest.raises(SignInError, match="wrong password"):
            authenticate("ana", "guess", f"client-{n}", path=users, clock=clock)
    with pytest.raises(SignInError, match="try again in 15 minutes"):
        authenticate("ana", PASSWORD, "fresh-client", path=users, clock=clock)
    clock.now += LOCK_SECONDS + 1
    assert authenticate("ana", PASSWORD, "fresh-client", path=users, clock=clock)


def test_failures_lock_the_client_for_every_name(users: Path) -> None:
    clock = Clock()
    for n in range(MAX_FAILURES):
        with pytest.raises(SignInError):
            authenticate(f"guess{n}", "guess", "10.0.0.9", path=users, clock=clock)
    with pytest.raises(SignInError, match="try again"):
        authenticate("ana", PASSWORD, "10.0.0.9", path=users, clock=clock)
    assert authenticate("ana", PASSWORD, "10.0.0.8", path=users, clock=clock)


def test_a_lock_on_an_unknown_name_reads_like_one_on_a_known_name(users: Path) -> None:
    clock = Clock()
    for name in ("ana", "nobody"):
        for n in range(MAX_FAILURES):
            with pytest.raises(SignInError):
                authenticate(name, "guess", f"{name}{n}", path=users, clock=clock)
    locked = {_message_at(users, name, clock) for name in ("ana", "nobody")}
    assert len(locked) == 1


def _message_at(users: Path, name: str, clock: Clock) -> str:
    with pytest.raises(SignInError) as caught:
        authenticate(name, PASSWORD, "other", path=users, clock=clock)
    return str(caught.value)


def test_a_success_clears_the_count(users: Path) -> None:
    clock = Clock()
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInError):
            authenticate("ana", "guess", "c1", path=users, clock=clock)
    authenticate("ana", PASSWORD, "c1", path=users, clock=clock)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInError, match="wrong password"):
            authenticate("ana", "guess", "c1", path=users, clock=clock)


def test_the_password_is_never_written_to_the_attempts_file(users: Path) -> None:
    _message(users, "ana", "my secret guess")
    files = [p.read_text(encoding="utf-8") for p in users.parent.iterdir()]
    assert not any("my secret guess" in text for text in files)


def test_identity_email_maps_to_the_user_file_role(users: Path) -> None:
    assert user_for_email("ANA@example.org", users) == User("ana", "editor")
    assert user_for_email("eve@example.org", users) is None
