"""``python -m articles.team.trial up|down|url``: team mode on one machine.

What ``make run-team`` runs.

``up`` starts a local PostgreSQL server kept in ``build/team/pg`` (created with
``initdb`` the first time; as the ``postgres`` system user when run as root,
since ``initdb`` refuses root) on port ``$TEAM_PG_PORT`` (default 55432, local
connections only, trusted), creates the ``articles`` database, migrates it and
loads the seed corpus (idempotent: a second ``up`` adds nothing). ``down`` stops
the server; its data stay in ``build/team/pg`` until deleted. ``url`` prints the
database URL (no password: the trial trusts local connections).
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from psycopg import sql

from articles.backends.local_server import (
    SYSTEM_USER,
    ServerUnavailable,
    find_bindir,
    server_options,
)
from articles.backends.postgres import connect_url, migrate_url
from articles.corpus import DEFAULT_CORPUS
from articles.team import store
from articles.team.folder import load_folder

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "build" / "team" / "pg"
PORT_ENV = "TEAM_PG_PORT"
DATABASE = "articles"


def _root() -> bool:
    return os.geteuid() == 0


def _owner() -> str:
    return SYSTEM_USER if _root() else getpass.getuser()


def database_url(database: str = DATABASE) -> str:
    """Return the trial database's URL (trusted local connections: no password)."""
    port = os.environ.get(PORT_ENV, "55432")
    return f"postgresql://{_owner()}@127.0.0.1:{port}/{database}"


def _run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    full = ["runuser", "-u", SYSTEM_USER, "--", *argv] if _root() else list(argv)
    return subprocess.run(full, capture_output=True, text=True, check=False)


def _check(done: subprocess.CompletedProcess[str], what: str) -> None:
    if done.returncode != 0:
        raise ServerUnavailable(
            f"{what} failed: {(done.stderr or done.stdout).strip()}"
        )


def start_server(folder: Path = FOLDER) -> str:
    """Create (once) and start the trial server; return the database URL."""
    bindir, data = find_bindir(), folder / "data"
    folder.mkdir(parents=True, exist_ok=True)
    if _root():
        shutil.chown(folder, SYSTEM_USER, SYSTEM_USER)
    if not (data / "PG_VERSION").exists():
        init = [str(bindir / "initdb"), "-D", str(data), "-U", _owner(), "-A",
                "trust", "-E", "UTF8", "--locale", "C.UTF-8"]  # fmt: skip
        _check(_run(init), "initdb")
    if _run([str(bindir / "pg_ctl"), "-D", str(data), "status"]).returncode != 0:
        port = os.environ.get(PORT_ENV, "55432")
        up = [str(bindir / "pg_ctl"), "-D", str(data), "-o",
              server_options(port, folder),
              "-l", str(folder / "log"), "-w", "start"]  # fmt: skip
        _check(_run(up), "pg_ctl start")
    return database_url()


def stop_server(folder: Path = FOLDER) -> None:
    """Stop the trial server (its data stay in the folder)."""
    if (folder / "data" / "PG_VERSION").exists():
        _run([str(find_bindir() / "pg_ctl"), "-D", str(folder / "data"),
              "-m", "fast", "-w", "stop"])  # fmt: skip


def prepare_database(url: str) -> str:
    """Create the database if missing, migrate it, load the seeds; return a summary."""
    server, name = url.rsplit("/", 1)
    admin = connect_url(f"{server}/postgres", autocommit=True)
    try:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                             (name,)).fetchone():  # fmt: skip
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        admin.close()
    applied = migrate_url(url)
    con = store.connect(url)
    try:
        report = load_folder(con, DEFAULT_CORPUS, by="make run-team")
    finally:
        con.close()
    return (
        f"{url}: {len(applied)} migrations applied; seeds from {DEFAULT_CORPUS.name}/: "
        f"{len(report.added)} added, {len(report.present)} already there"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``up``, ``down`` or ``url``; exit 1 with one line on failure."""
    parser = argparse.ArgumentParser(prog="python -m articles.team.trial")
    parser.add_argument("verb", choices=("up", "down", "url"))
    args = parser.parse_args(argv)
    try:
        if args.verb == "up":
            print(prepare_database(start_server()))
        elif args.verb == "down":
            stop_server()
        else:
            print(database_url())
    except (ServerUnavailable, RuntimeError) as exc:
        print(f"run-team: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
