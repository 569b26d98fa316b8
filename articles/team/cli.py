"""``python -m articles dump DIR`` and ``load DIR``: the team database's corpus.

Both need ``ARTICLES_DATABASE_URL``. ``dump`` writes the embedded mode's corpus
(``<id>.md`` files and ``.review/decisions.jsonl``); ``load`` reads one in, and
loading twice gives one copy (by content hash and decision id).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from articles.team import store
from articles.team.folder import dump_folder, load_folder


def add_team_parsers(sub: Any) -> None:
    """Add ``dump DIR`` and ``load DIR`` to the command line."""
    dump = sub.add_parser("dump", help="team mode: write the database's corpus out")
    dump.add_argument("folder", type=Path)
    load = sub.add_parser("load", help="team mode: load a corpus folder (idempotent)")
    load.add_argument("folder", type=Path)
    for p in (dump, load):
        p.add_argument("--json", action="store_true", help="machine-readable output")


def run_dump(args: argparse.Namespace, linker: object) -> int:
    """Write every article and decision of the database into the folder."""
    del linker
    con = store.connect()
    try:
        articles, decisions = dump_folder(con, args.folder)
    finally:
        con.close()
    data = {"folder": str(args.folder), "articles": articles, "decisions": decisions}
    line = f"{args.folder}: {articles} articles, {decisions} decisions"
    print(json.dumps(data, indent=2) if args.json else line)
    return 0


def run_load(args: argparse.Namespace, linker: object) -> int:
    """Load a corpus folder; exit 2 if a file was refused (the rest is loaded)."""
    del linker
    if not args.folder.is_dir():
        raise store.TeamDatabaseError(f"{args.folder}: not a folder")
    con = store.connect()
    try:
        report = load_folder(con, args.folder)
    finally:
        con.close()
    if args.json:
        print(json.dumps(report.__dict__, indent=2, ensure_ascii=False))
    else:
        print(
            f"{args.folder}: {len(report.added)} added, {len(report.present)} already "
            f"there, {len(report.duplicates)} duplicates, {len(report.refused)} "
            f"refused; decisions: {report.decisions_added} added, "
            f"{report.decisions_present} already there"
        )
        for name, other in report.duplicates:
            print(f"  duplicate: {name} is {other}")
    for line in report.refused:
        print(f"articles load: error: {line}", file=sys.stderr)
    return 2 if report.refused else 0
