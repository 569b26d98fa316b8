"""Command line: ``python -m articles link|ingest|query|sync|migrate|review|export``.

Team mode (``ARTICLES_DATABASE_URL``) adds ``dump DIR`` and ``load DIR``; ``users``
manages the team's user file.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from articles import serialize
from articles.annotations import ExportError, add_export_parser, run_export
from articles.auth.cli import add_users_parser, run_users
from articles.auth.users import UserFileError
from articles.backends import IndexUnavailable, backend_for, database_url
from articles.backends.migrate import latest_version
from articles.batch import count_rows, ingest_inputs, report_rows
from articles.corpus import corpus_dir
from articles.decide import ReviewError, add_review_parser, run_review
from articles.feeds import FeedError
from articles.fields import clean_line
from articles.filter_args import (
    FilterError,
    add_filter_arguments,
    build_filters,
    check_ids,
    parse_day,
)
from articles.index import index_path
from articles.ingest import IngestError, prepare_article
from articles.limits import MAX_FILE_BYTES
from articles.process import Linker, load_linker, process_article
from articles.query import ORDERS, Page, QueryError, query_page
from articles.safe_read import FileRefused, read_limited
from articles.sandbox import check_in_worker
from articles.team.cli import add_team_parsers, run_dump, run_load
from articles.team.store import TeamDatabaseError
from articles.team.sync import sync_shared

#: Exit status for bad input (a bad file, id, date or option), as argparse uses.
BAD_INPUT = 2


class CommandError(Exception):
    """Bad input: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _count(low: int, high: int | None) -> Callable[[str], int]:
    """Return an argparse type: an integer from ``low`` to ``high`` (None: no bound)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < low or (high is not None and value > high):
            top = f"..{high}" if high is not None else " or more"
            raise argparse.ArgumentTypeError(f"{value} out of range {low}{top}")
        return value

    return parse


def _emit(data: Any, as_json: bool, lines: Sequence[str]) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))


def _links_line(label: str, links: Sequence[dict[str, Any]]) -> str:
    parts = [f"{k['id']} ({k['how']}, {len(k['spans'])}x)" for k in links]
    return f"    {label}: {', '.join(parts) or '-'}"


def _passage_lines(p: dict[str, Any]) -> list[str]:
    head = f"  {p['id']}" + (f"  [{p['heading']}]" if p.get("heading") else "")
    body = textwrap.wrap(p["text"], 84, initial_indent="    ", subsequent_indent="    ")
    dates = ", ".join(f"{d['value']} ({d['text']})" for d in p["dates"]) or "-"
    return [
        head,
        *body,
        _links_line("features", p["features"]),
        _links_line("actors", p["actors"]),
        f"    dates: {dates}",
        *(f"    note: {note}" for note in p.get("notes", ())),
    ]


def run_link(args: argparse.Namespace, linker: Linker | None) -> int:
    """Clean, split and link one file without adding it anywhere."""
    data = _read(args.file)
    try:
        check_in_worker(args.file.name, data, _overrides(args))  # bounded first
        _, article = prepare_article(args.file.name, data, _overrides(args), set())
    except IngestError as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    out = serialize.processed_to_dict(process_article(article, linker or load_linker()))
    a = out["article"]
    lines = [
        f"{a['id']}: {a['title']} ({a['author'] or 'no author'}, {a['published']})"
    ]
    for p in out["passages"]:
        lines.extend(_passage_lines(p))
    _emit(out, args.json, lines)
    return 0


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise CommandError(f"{path}: {exc}") from None


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    published = parse_day(args.published) if args.published else None
    return {
        "title": args.title,
        "published": published,
        "author": args.author,
        "source": args.source,
    }


def run_ingest(args: argparse.Namespace, linker: Linker | None) -> int:
    """Add files, folders or a feed's entries; report each; exit 2 if any refused.

    A folder, several files or a feed end with a table of added, duplicate and
    refused files (``articles.batch``); one file keeps its one-line report.
    """
    if not args.files and not args.feed:
        raise CommandError("give files, folders or --feed URL_OR_FILE")
    quiet = args.json or not sys.stderr.isatty()
    try:
        rows, table = ingest_inputs(
            args.files, args.feed, _overrides(args), linker or load_linker(), quiet
        )
    except FeedError as exc:
        raise CommandError(str(exc)) from None
    data, lines, errors = report_rows(rows, table)
    _emit(data, args.json, lines)
    for line in errors:
        print(f"articles ingest: error: {line}", file=sys.stderr)
    return BAD_INPUT if count_rows(rows)["refused"] else 0


def run_query(args: argparse.Namespace, linker: Linker | None) -> int:
    """Print one page of the passages matching the filters, with exact totals.

    The index is only read: run ``sync`` first (``make run`` does).
    """
    del linker  # a query never links nor syncs
    filters = build_filters(args)
    check_ids(filters)
    page = query_page(filters, order=args.order, limit=args.limit, offset=args.offset)
    hits = [serialize.hit_to_dict(h) for h in page.hits]
    lines = [totals_line(page)]
    for h in hits:
        lines.append(f"{h['published']}  {h['title']} ({h['author'] or '-'})")
        lines.extend(_passage_lines(h))
        if h["similar"]:
            more = ", ..." if h["similar"] > len(h["similar_ids"]) else ""
            lines.append(
                f"    and {h['similar']} similar: {', '.join(h['similar_ids'])}{more}"
            )
    data = {
        "count": page.total,
        "articles": page.articles,
        "groups": page.groups,
        "limit": page.limit,
        "offset": page.offset,
        "order": page.order,
        "passages": hits,
    }
    _emit(data, args.json, lines)
    return 0


def totals_line(page: Page) -> str:
    """``"50 of 18,316 passages in 4,120 articles"`` (and the groups, if fewer)."""
    shown = sum(1 + h.similar for h in page.hits)
    first = page.offset + 1 if page.hits else 0
    line = f"{len(page.hits)} of {page.total:,} passages in {page.articles:,} articles"
    if page.offset:
        line += f" (from group {first:,})"
    if page.groups != page.total:
        line += f"; {page.groups:,} once near-duplicates are collapsed"
        line += f" ({shown:,} passages on this page)"
    return line


def run_sync(args: argparse.Namespace, linker: Linker | None) -> int:
    """Rebuild the index from the corpus (incremental).

    Files that cannot be indexed are reported on stderr (one line each) but do not
    fail the sync, so one bad file never keeps the dashboard from starting; with
    ``--strict`` they do (exit 1).
    """
    from tqdm import tqdm

    quiet = args.json or not sys.stderr.isatty()
    with tqdm(unit="article", disable=quiet, leave=False) as bar:

        def advance(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        report = sync_shared(
            corpus_dir(), index_path(), linker or load_linker(), progress=advance
        )
    data = {
        k: list(v) if isinstance(v, tuple) else v for k, v in report.__dict__.items()
    }
    line = (
        f"index {backend_for(index_path()).location()}: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged ({report.seconds:.2f} s)"
    )
    _emit(data, args.json, [line])
    if report.rebuilt:
        print(f"articles sync: {report.rebuilt}", file=sys.stderr)
    for error in report.errors:
        print(f"articles sync: error: {clean_line(error)}", file=sys.stderr)
    return 1 if report.errors and args.strict else 0


def run_migrate(args: argparse.Namespace, linker: Linker | None) -> int:
    """Apply the pending schema migrations to the PostgreSQL database.

    Only ``ARTICLES_DATABASE_URL``'s database is migrated (the SQLite index
    rebuilds itself on a schema change). A database newer than this code is
    refused (exit 1), and so is one that cannot be reached.
    """
    from articles.backends.postgres import migrate_url, redact  # only when asked

    del linker
    url = database_url()
    if not url:
        raise CommandError(
            "migrate is for PostgreSQL: set ARTICLES_DATABASE_URL "
            "(the SQLite index rebuilds itself)"
        )
    applied = migrate_url(url)
    lines = [f"applied {m.path.name}" for m in applied]
    lines.append(f"database {redact(url)} at schema {latest_version()}")
    _emit({"applied": [m.name for m in applied], "schema": latest_version()},
          args.json, lines)  # fmt: skip
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every sub-command."""
    parser = _Parser(prog="python -m articles", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    link = sub.add_parser("link", help="clean, split and link one file (adds nothing)")
    link.add_argument("file", type=Path)
    ingest = sub.add_parser(
        "ingest", help="add files, folders or a feed to the corpus and the index"
    )
    ingest.add_argument("files", type=Path, nargs="*", help="files or folders")
    ingest.add_argument("--feed", help="an RSS or Atom feed: a URL or a file")
    for p in (link, ingest):
        p.add_argument("--title")
        p.add_argument("--published", help="publication date, YYYY-MM-DD")
        p.add_argument("--author")
        p.add_argument("--source")
    query = sub.add_parser("query", help="passages matching filters")
    add_filter_arguments(query)
    query.add_argument("--order", choices=ORDERS, default="rank")
    query.add_argument("--limit", type=_count(1, 1000), default=50, help="page size")
    query.add_argument("--offset", type=_count(0, None), default=0, help="skip N")
    sync = sub.add_parser("sync", help="bring the index in line with the corpus")
    sync.add_argument("--strict", action="store_true", help="exit 1 on bad files")
    sub.add_parser(
        "migrate", help="apply the schema migrations (PostgreSQL database only)"
    )
    for p in sub.choices.values():
        p.add_argument("--json", action="store_true", help="machine-readable output")
    add_review_parser(sub)  # after the loop: its verbs carry their own --json
    add_export_parser(sub)
    add_users_parser(sub)
    add_team_parsers(sub)
    return parser


_COMMANDS = {
    "link": run_link,
    "ingest": run_ingest,
    "query": run_query,
    "sync": run_sync,
    "migrate": run_migrate,
    "review": run_review,
    "export": run_export,
    "users": run_users,
    "dump": run_dump,
    "load": run_load,
}


def main(argv: Sequence[str] | None = None, linker: Linker | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args, linker)
    except (
        CommandError,
        FilterError,
        QueryError,
        ReviewError,
        ExportError,
        UserFileError,
        TeamDatabaseError,
    ) as exc:
        print(
            f"articles {args.command}: error: {clean_line(str(exc))}", file=sys.stderr
        )
        return BAD_INPUT
    except IndexUnavailable as exc:  # no usable database: not migrated, or newer
        print(
            f"articles {args.command}: error: {clean_line(str(exc))}", file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
