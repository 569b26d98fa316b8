"""The user file: names, roles, e-mail and argon2 hashes, as JSON (mode 0600).

Path from ``$ARTICLES_USERS_FILE``, by default ``articles/users.json`` beside the
index (git-ignored, never committed). Writers hold an exclusive ``fcntl`` lock on
``<file>.lock`` for the whole read-change-write and replace the file atomically,
so two admins adding users at once lose neither. No password is ever stored: only
its argon2id hash (``argon2-cffi``, default parameters).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from articles.auth.roles import ROLES, User
from articles.file_lock import locked

USERS_ENV = "ARTICLES_USERS_FILE"
DEFAULT_USERS = Path(__file__).resolve().parents[1] / "users.json"
#: Shortest password accepted when a user is added.
MIN_PASSWORD = 10
_NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Return the hash checked for unknown names (as slow as a wrong password).

    Made on first use, not at import: an argon2 hash takes about 0.1 s, and every
    command of the CLI and every dashboard start imports this module.
    """
    return _HASHER.hash("no user has this password")


class UserFileError(ValueError):
    """Bad input for the user file (name, role, password) or an unreadable file."""


@dataclass(frozen=True)
class Account:
    """One line of the user file. ``hash`` is empty for sign-in through OIDC only."""

    name: str
    role: str
    email: str = ""
    hash: str = ""

    @property
    def user(self) -> User:
        """The account as a signed-in user."""
        return User(self.name, self.role)


def users_path() -> Path:
    """Return the user file: ``$ARTICLES_USERS_FILE``, else ``articles/users.json``."""
    return Path(os.environ.get(USERS_ENV) or DEFAULT_USERS)


def read_accounts(path: Path | None = None) -> dict[str, Account]:
    """Return every account by name (none when there is no file).

    Raises
    ------
    UserFileError
        The file is not a user file.
    """
    path = path or users_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["users"]
        return {
            name: Account(
                name, str(r["role"]), str(r.get("email", "")), str(r.get("hash", ""))
            )
            for name, r in rows.items()
        }
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserFileError(f"{path} is not a user file") from exc


def check_name(name: str) -> str:
    """Return the name if valid (lowercase letters, digits, ``.``, ``_``, ``@``, ``-``).

    Raises
    ------
    UserFileError
        Not a valid user name.
    """
    if not _NAME.fullmatch(name):
        raise UserFileError(
            f"bad user name {name[:64]!r}: lowercase letters, digits and . _ @ -, "
            "at most 64 characters"
        )
    return name


def add_account(
    name: str, role: str, password: str | None, email: str = "",
    path: Path | None = None,
) -> Account:  # fmt: skip
    """Add a user, or replace one of that name (new role, e-mail or password).

    ``password`` None adds a user who signs in only through OpenID Connect (by
    ``email``); a password shorter than ``MIN_PASSWORD`` is refused.

    Raises
    ------
    UserFileError
        Bad name, role, e-mail or password.
    """
    check_name(name)
    if role not in ROLES:
        raise UserFileError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    if password is None and not email:
        raise UserFileError("give a password, or an e-mail for OpenID Connect sign-in")
    if email and (
        "@" not in email or len(email) > 254 or any(c.isspace() for c in email)
    ):
        raise UserFileError(f"bad e-mail address {email[:64]!r}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UserFileError(f"password too short: at least {MIN_PASSWORD} characters")
    digest = _HASHER.hash(password) if password is not None else ""
    account = Account(name, role, email.strip().lower(), digest)
    with _locked(path or users_path()) as accounts:
        accounts[name] = account
    return account


def remove_account(name: str, path: Path | None = None) -> None:
    """Remove a user.

    Raises
    ------
    UserFileError
        No such user.
    """
    with _locked(path or users_path()) as accounts:
        if accounts.pop(name, None) is None:
            raise UserFileError(f"no user {name[:64]!r}")


def verify_password(account: Account | None, password: str) -> bool:
    """Return whether ``password`` is the account's; as slow for an unknown account.

    None (no such user) and a user without a password are checked against a dummy
    hash, so the answer takes the same time and a timing cannot tell them apart.
    """
    dummy = _dummy_hash()  # first call: made for known and unknown names alike
    digest = account.hash if account is not None and account.hash else dummy
    try:
        ok = _HASHER.verify(digest, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and account is not None and bool(account.hash)


def find_by_email(email: str, path: Path | None = None) -> Account | None:
    """Return the account with this e-mail address (OIDC identity), if any."""
    wanted = email.strip().lower()
    found = [a for a in read_accounts(path).values() if wanted and a.email == wanted]
    return found[0] if len(found) == 1 else None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[dict[str, Account]]:
    """Yield the accounts to change, under the lock; write them back atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(f"{path}.lock"):
        accounts = read_accounts(path)
        yield accounts
        _write(path, accounts)


def _write(path: Path, accounts: dict[str, Account]) -> None:
    rows: dict[str, Any] = {
        a.name: {"role": a.role, "email": a.email, "hash": a.hash}
        for a in sorted(accounts.values(), key=lambda a: a.name)
    }
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"version": 1, "users": rows}, handle, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
