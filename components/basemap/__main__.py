"""Command line: ``python -m components.basemap build [--out DIR] [--max-zoom N]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from components.basemap.build import build_tiles
from components.map.tiles import DETAIL_MAX_ZOOM, TILE_DIR


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m components.basemap build [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m components.basemap")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="render static/tiles from Natural Earth")
    build.add_argument("--out", type=Path, default=TILE_DIR)
    build.add_argument("--max-zoom", type=int, default=DETAIL_MAX_ZOOM)
    args = parser.parse_args(argv)

    report = build_tiles(args.out, max_zoom=args.max_zoom)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
