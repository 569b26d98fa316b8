"""Command line: ``python -m geo features|facts|build``."""

from __future__ import annotations

import sys

from geo.cli import main

sys.exit(main(sys.argv[1:]))
