from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest

from articles.auth.users import (
    UserFileError,
    add_account,
    find_by_email,
    read_accounts,
    remove_account,
    users_path,
    verify_password,
)

PASSWORD = "correct horse battery"


def test_added_user_is_stored_with_an_argon2_hash_only(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_account("ana", "editor", PASSWORD, path=path)
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    assert "$argon2id$" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    account = read_accounts(path)["ana"]
    assert (account.role, account.user.name) == ("editor", "ana")
    assert verify_password(account, PASSWORD)
    assert not verify_password(account, PASSWORD + "!")


def test_adding_again_changes_the_role_and_password(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_account("ana", "reader", PASSWORD, path=path)
    add_account("ana", "admin", "another long one", path=path)
    account = read_accounts(path)["ana"]
    assert account.role == "admin"
    assert verify_password(account, "another long one")
    assert not verify_password(account, PASSWORD)


@pytest.mark.parametrize(
    ("name", "role", "password", "reason"),
    [
        ("Ana Maria", "reader", PASSWORD, "bad user name"),
        ("ana", "owner", PASSWORD, "unknown role"),
        ("ana", "reader", "short", "too short"),
        ("ana", "reader", None, "give a password"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    tmp_path: Path, name: str, role: str, password: str | None, reason: str
) -> None:
    path = tmp_path / "users.json"
    with pytest.raises(UserFileError, match=reason):
        add_account(name, role, password, path=path)
    assert read_accounts(path) == {}


def test_remove_unknown_user_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_account("ana", "reader", PASSWORD, path=path)
    remove_account("ana", path)
    assert read_accounts(path) == {}
    with pytest.raises(UserFileError, match="no user 'ana'"):
        remove_account("ana", path)


def test_oidc_only_user_is_found_by_email_and_has_no_password(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    add_account("bo", "reader", None, email="Bo@Example.org", path=path)
    account = find_by_email("bo@example.org ", path)
    assert account is not None
    assert account.name == "bo"
    assert not verify_password(account, "")
    assert find_by_email("nobody@example.org", path) is None


def test_unknown_user_costs_as_much_as_a_wrong_password(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    account = add_account("ana", "reader", PASSWORD, path=path)

    def best_of(check: object) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            assert not verify_password(check, "wrong password")  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        return min(times)

    known, unknown = best_of(account), best_of(None)
    assert 0.5 < unknown / known < 2.0, (known, unknown)


def test_a_broken_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(UserFileError, match="not a user file"):
        read_accounts(path)


def test_path_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLES_USERS_FILE", str(tmp_path / "u.json"))
    assert users_path() == tmp_path / "u.json"
