"""Sign-in with a name and password against the user file, rate-limited.

One message for a wrong password and an unknown name (both checked against an
argon2 hash, so they take the same time). Failures are counted per user name and
per client (the browser's address): ``MAX_FAILURES`` within ``WINDOW_SECONDS``
lock that name, or that client, for ``LOCK_SECONDS``; a success clears both
counts. The counts live in ``<user file>.attempts.json`` (under an ``fcntl``
lock), so every dashboard process that shares the user file shares the limit, and
a restart does not reset it. Unknown names are counted too: the lock says nothing
about whether a name exists.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from articles.auth.roles import User
from articles.auth.users import (
    find_by_email,
    read_accounts,
    users_path,
    verify_password,
)

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
LOCK_SECONDS = 15 * 60
#: The one answer to a wrong password and to an unknown user name.
WRONG = "Unknown user name or wrong password."

Clock = Callable[[], float]


class SignInError(Exception):
    """Sign-in refused; the message is safe to show (it names no account)."""


def authenticate(
    name: str,
    password: str,
    client: str,
    *,
    path: Path | None = None,
    clock: Clock = time.time,
) -> User:
    """Return the user whose name and password these are.

    Parameters
    ----------
    name, password : str
        As typed; never logged.
    client : str
        Who asks (the browser's IP address, or ``"unknown"``): counted apart.
    path : Path, optional
        The user file; ``users_path()`` by default.
    clock : callable
        Seconds since the epoch (injected by tests).

    Raises
    ------
    SignInError
        ``WRONG``, or a lock after too many failures (with the minutes left).
    """
    path = path or users_path()
    keys = (f"user:{name.strip().lower()[:64]}", f"client:{client[:64]}")
    now = clock()
    with _attempts(path, now) as counts:
        _check_locks(counts, keys, now)
    account = read_accounts(path).get(name.strip().lower())
    ok = verify_password(account, password)
    with _attempts(path, now) as counts:
        if ok and account is not None:
            for key in keys:
                counts.pop(key, None)
            return account.user
        for key in keys:
            _fail(counts, key, now)
    raise SignInError(WRONG)


def _check_locks(
    counts: dict[str, list[float]], keys: tuple[str, ...], now: float
) -> None:
    until = max((counts.get(k, [0, 0, 0])[2] for k in keys), default=0.0)
    if until > now:
        minutes = math.ceil((until - now) / 60)
        raise SignInError(
            f"Too many failed sign-ins: try again in {minutes} minute"
            + ("s." if minutes != 1 else ".")
        )


def _fail(counts: dict[str, list[float]], key: str, now: float) -> None:
    """Count one failure: ``[failures, first failure, locked until]``."""
    failures, first, _ = counts.get(key, [0, now, 0])
    if now - first > WINDOW_SECONDS:
        failures, first = 0, now
    failures += 1
    until = now + LOCK_SECONDS if failures >= MAX_FAILURES else 0
    counts[key] = [failures, first, until]


def attempts_path(users: Path) -> Path:
    """Return the file of failure counts beside the user file."""
    return users.with_name(f"{users.name}.attempts.json")


@contextlib.contextmanager
def _attempts(users: Path, now: float) -> Iterator[dict[str, list[float]]]:
    """Yield the failure counts, under an exclusive lock; write back what changed."""
    path = attempts_path(users)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            text = handle.read()
            try:
                counts = json.loads(text) if text.strip() else {}
            except ValueError:
                counts = {}  # a broken file only forgets failures
            before = json.dumps(counts, sort_keys=True)
            try:
                yield counts
            finally:
                kept = {
                    k: v for k, v in counts.items()
                    if v[2] > now or now - v[1] <= WINDOW_SECONDS
                }  # fmt: skip
                if json.dumps(kept, sort_keys=True) != before:
                    handle.seek(0)
                    handle.truncate()
                    handle.write(json.dumps(kept))
                    handle.flush()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def user_for_email(email: str, path: Path | None = None) -> User | None:
    """Return the user file's user for an identity provider's e-mail, if any.

    An identity the user file does not name gets no role (and so no access).
    """
    account = find_by_email(email, path)
    return account.user if account is not None else None
