"""Roles and what each may do; ``require(user, action)`` guards every write."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

#: Each role's actions; a role may do everything the roles before it may.
PERMISSIONS: dict[str, frozenset[str]] = {
    "reader": frozenset({"browse", "export"}),
    "editor": frozenset({"browse", "export", "ingest", "review"}),
    "admin": frozenset({"browse", "export", "ingest", "review", "manage-users"}),
}
ROLES = tuple(PERMISSIONS)
ACTIONS = PERMISSIONS["admin"]
#: Set to a PostgreSQL URL, it switches to team mode (sign-in, shared database).
DATABASE_ENV = "ARTICLES_DATABASE_URL"
#: Who acts at the shell or on the single-user page (else the login name).
ANALYST_ENV = "ARTICLES_ANALYST"


@dataclass(frozen=True)
class User:
    """A signed-in person: a name (from the user file) and a role."""

    name: str
    role: str

    def can(self, action: str) -> bool:
        """Return whether this user's role allows ``action``."""
        return action in PERMISSIONS.get(self.role, frozenset())


def team_mode() -> bool:
    """Return whether the team mode is on (``$ARTICLES_DATABASE_URL`` is set)."""
    return bool(os.environ.get(DATABASE_ENV, "").strip())


def require(user: User | None, action: str) -> None:
    """Refuse ``action`` unless ``user`` may do it.

    Parameters
    ----------
    user : User or None
        Who acts. None is the operator at the shell or the embedded single-user
        dashboard (who holds the files or the database credentials anyway); the
        team dashboard always passes the signed-in user.
    action : str
        One of ``ACTIONS`` (``browse``, ``export``, ``ingest``, ``review``,
        ``manage-users``).

    Raises
    ------
    PermissionError
        The user's role does not allow the action.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if user is not None and not user.can(action):
        raise PermissionError(
            f"{user.name} ({user.role}) may not {action}: "
            f"ask an admin for the {_least_role(action)} role"
        )


def _least_role(action: str) -> str:
    return next(role for role in ROLES if action in PERMISSIONS[role])


def current_user() -> str:
    """Return who acts without signing in: ``$ARTICLES_ANALYST``, else the login name.

    Review decisions and (team mode) ingests from the command line record it.
    """
    if name := os.environ.get(ANALYST_ENV, "").strip():
        return name[:80]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"
