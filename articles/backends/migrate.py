"""Numbered schema migrations of the PostgreSQL database (``articles migrate``).

Every file ``migrations/NNNN_name.sql`` is one migration, applied in order, each
in its own transaction and recorded in ``schema_migrations``. To change the
schema, add the next number (never edit an applied file). Migrations run only
when asked; a database that lacks some is refused by readers and writers with a
line saying to run ``migrate``, and one that has more than this code knows is
refused (older code must not write to a newer schema).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.backends.base import IndexUnavailable, SchemaTooNew

#: Where the migration files are.
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The advisory lock ``migrate`` holds: two runs at once apply each file once.
MIGRATE_LOCK = 0x6D696772617465  # "migrate"
_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")
HINT = "run `python -m articles migrate`"


@dataclass(frozen=True)
class Migration:
    """One numbered migration file."""

    version: int
    name: str
    path: Path


def list_migrations(folder: Path = MIGRATIONS) -> list[Migration]:
    """Return every numbered migration in ``folder``, in order.

    Raises
    ------
    ValueError
        Two files with one number.
    """
    found: dict[int, Migration] = {}
    for path in sorted(folder.glob("*.sql")):
        m = _NAME.fullmatch(path.name)
        if m is None:
            continue
        version = int(m[1])
        if version in found:
            raise ValueError(f"two migrations numbered {version}: {path.name}")
        found[version] = Migration(version, path.stem, path)
    return [found[v] for v in sorted(found)]


def latest_version(folder: Path = MIGRATIONS) -> int:
    """Return the number of the newest migration this code has (0: none)."""
    known = list_migrations(folder)
    return known[-1].version if known else 0


def applied_version(con: Any) -> int:
    """Return the newest migration applied to the database (0: none)."""
    row = con.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def check_schema(con: Any, where: str, folder: Path = MIGRATIONS) -> None:
    """Refuse a database that is not migrated to exactly this code's schema.

    Raises
    ------
    IndexUnavailable
        Migrations are missing (the message says to run ``migrate``).
    SchemaTooNew
        The database has migrations this code does not know.
    """
    have, need = applied_version(con), latest_version(folder)
    if have > need:
        raise SchemaTooNew(too_new(where, have, need))
    if have < need:
        raise IndexUnavailable(
            f"database {where} is at schema {have}, this code needs {need}: {HINT}"
        )


def too_new(where: str, have: int, need: int) -> str:
    """Return the one-line refusal of a database newer than the code."""
    return (
        f"database {where} is at schema {have}, newer than this code ({need}): "
        "upgrade the code; it will not touch it"
    )


def migrate(raw: Any, where: str, folder: Path = MIGRATIONS) -> list[Migration]:
    """Apply the pending migrations to the database behind ``raw`` (autocommit).

    Returns
    -------
    list of Migration
        What was applied (empty: already up to date).

    Raises
    ------
    SchemaTooNew
        The database is newer than this code; nothing is applied.
    """
    known = list_migrations(folder)
    applied: list[Migration] = []
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        raw.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations("
            "version integer PRIMARY KEY, name text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now())"
        )
        have = applied_version(raw)
        need = known[-1].version if known else 0
        if have > need:
            raise SchemaTooNew(too_new(where, have, need))
    for step in known:
        if step.version <= have:
            continue
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            if applied_version(raw) >= step.version:
                continue  # another run applied it meanwhile
            raw.execute(step.path.read_text(encoding="utf-8"))
            raw.execute(
                "INSERT INTO schema_migrations(version, name) VALUES (%s, %s)",
                (step.version, step.name),
            )
        applied.append(step)
    return applied
