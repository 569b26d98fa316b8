"""Command line: ``python -m components.briefing [filters] --out FILE.html [...]``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from articles.corpus import corpus_dir
from articles.filter_args import (
    FilterError,
    add_filter_arguments,
    build_filters,
    parse_day,
    split_ids,
)
from articles.index import index_path, sync_index
from articles.query import QueryError
from components.briefing.collect import BriefingError, collect_briefing
from components.briefing.exports import FORMATS
from components.briefing.inline import InlineError
from components.briefing.model import Briefing
from components.briefing.write import write_all

#: Output options and the format each writes, in build order.
OUTPUTS: tuple[tuple[str, str, str], ...] = (
    ("out", "html", ".html"),
    ("png", "png", ".png"),
    ("svg", "svg", ".svg"),
    ("geojson", "geojson", ".geojson"),
    ("csv", "csv", ".csv"),
)


class CommandError(Exception):
    """Bad input: reported on one line, non-zero exit."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser: the filters of ``python -m articles query`` plus outputs."""
    p = _Parser(prog="python -m components.briefing", description=__doc__)
    add_filter_arguments(p)
    p.add_argument(
        "--kind",
        action="append",
        help="feature kind to show, as the dashboard's layer toggles (country, "
        "province, boundary, corridor, route, city, crossing, pass, site, area); "
        "repeat or comma-separate; default all",
    )
    p.add_argument("--as-of", dest="as_of", help="briefing date (default today)")
    p.add_argument("--out", type=Path, required=True, help="briefing FILE.html")
    p.add_argument("--png", type=Path, help="static map FILE.png")
    p.add_argument("--svg", type=Path, help="static map FILE.svg")
    p.add_argument("--geojson", type=Path, help="features in view FILE.geojson")
    p.add_argument("--csv", type=Path, help="passages FILE.csv")
    return p


def plan_outputs(args: argparse.Namespace) -> dict[str, Path]:
    """Map each requested format to its path; check suffixes and directories."""
    plan: dict[str, Path] = {}
    for option, fmt, suffix in OUTPUTS:
        path = getattr(args, option)
        if path is None:
            continue
        if path.suffix.lower() != suffix:
            raise CommandError(f"--{option} {path}: the file name must end in {suffix}")
        if not path.parent.is_dir():
            raise CommandError(f"--{option} {path}: no such directory {path.parent}")
        if path.resolve() in {p.resolve() for p in plan.values()}:
            raise CommandError(f"--{option} {path}: the same file is named twice")
        plan[fmt] = path
    return plan


def run(args: argparse.Namespace) -> list[str]:
    """Collect the view, build every requested export, write them all or none."""
    filters = build_filters(args)
    plan = plan_outputs(args)
    as_of = parse_day(args.as_of) if args.as_of else None
    _sync_index()
    kinds = split_ids(args.kind) or None
    briefing: Briefing = collect_briefing(filters, as_of=as_of, kinds=kinds)
    built: dict[Path, bytes] = {}
    lines = []
    for fmt, path in plan.items():
        start = time.perf_counter()
        built[path] = FORMATS[fmt].build(briefing)
        took = time.perf_counter() - start
        lines.append(f"{path}  {len(built[path]) / 1024:,.1f} KiB  {took:.2f} s")
    write_all(built)
    cited = f"{len(briefing.hits)} passage(s) cited of {briefing.matching:,} matching"
    return [cited, *lines]


def _sync_index() -> None:

    sync_index(corpus_dir(), index_path())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        lines = run(args)
    except (CommandError, FilterError, BriefingError, QueryError, InlineError) as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"briefing: error: cannot write: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
