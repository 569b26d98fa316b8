"""``python -m articles users add|remove|list``: manage the team's user file.

A password is read with ``getpass`` (typed twice) or, with ``--password-stdin``,
as the first line of standard input; never from an argument, never printed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from articles.auth.roles import ROLES
from articles.auth.users import (
    UserFileError,
    add_account,
    read_accounts,
    remove_account,
    users_path,
)


def add_users_parser(sub: Any) -> None:
    """Add ``users add|remove|list`` to the command line."""
    users = sub.add_parser("users", help="team mode: the user file (names, roles)")
    verbs = users.add_subparsers(dest="verb", required=True, parser_class=type(users))
    add = verbs.add_parser("add", help="add a user, or change one's role or password")
    add.add_argument("name", help="lowercase letters, digits and . _ @ -")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--email", default="", help="for OpenID Connect sign-in")
    how = add.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin")  # fmt: skip
    how.add_argument("--no-password", action="store_true",
                     help="OpenID Connect sign-in only (needs --email)")  # fmt: skip
    remove = verbs.add_parser("remove", help="remove a user")
    remove.add_argument("name")
    listing = verbs.add_parser("list", help="every user and role (no hashes)")
    for p in (add, remove, listing):
        p.add_argument("--json", action="store_true", help="machine-readable output")


def run_users(args: argparse.Namespace, linker: object) -> int:
    """Add, remove or list users; bad input raises ``UserFileError`` (exit 2)."""
    del linker  # users are not articles
    if args.verb == "list":
        return _list(args.json)
    if args.verb == "remove":
        remove_account(args.name, users_path())
        _say(args.json, {"removed": args.name}, f"removed {args.name}")
        return 0
    password = None if args.no_password else _password(args.password_stdin)
    account = add_account(args.name, args.role, password, args.email, users_path())
    _say(
        args.json, {"added": account.name, "role": account.role},
        f"{account.name}: {account.role} (in {users_path()})",
    )  # fmt: skip
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise UserFileError("no terminal to ask for a password: use --password-stdin")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UserFileError("the two passwords differ")
    return first


def _list(as_json: bool) -> int:
    accounts = sorted(read_accounts(users_path()).values(), key=lambda a: a.name)
    rows = [
        {"name": a.name, "role": a.role, "email": a.email,
         "sign_in": "password" if a.hash else "openid-connect"}
        for a in accounts
    ]  # fmt: skip
    lines = [f"{r['name']:<24} {r['role']:<7} {r['sign_in']:<15} {r['email']}".rstrip()
             for r in rows] or [f"no users in {users_path()}"]  # fmt: skip
    _say(as_json, {"users": rows}, "\n".join(lines))
    return 0


def _say(as_json: bool, data: dict[str, Any], line: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else line)
