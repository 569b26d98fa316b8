"""Run every registered benchmark and print its figures (``--json`` for machines)."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import time
from dataclasses import asdict

import bench
from bench.registry import BENCHMARKS, describe_machine

SKIP = {"registry", "__main__"}


def load_benchmarks() -> None:
    """Import every module of the bench package so their benchmarks register."""
    for info in pkgutil.iter_modules(bench.__path__):
        if info.name not in SKIP and not info.name.startswith("_"):
            importlib.import_module(f"bench.{info.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    load_benchmarks()
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        print(f"bench: unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    results = {}
    if not args.json:
        print(f"# measured on {describe_machine()}")
    for name in args.names or sorted(BENCHMARKS):
        began = time.perf_counter()
        figures = BENCHMARKS[name]()
        results[name] = [asdict(f) for f in figures]
        if not args.json:
            print(f"\n[{name}] ({time.perf_counter() - began:.1f} s)")
            for f in figures:
                verdict = "" if f.ok is None else (" OK" if f.ok else " BELOW TARGET")
                target = f"  (target {f.target}{verdict})" if f.target else ""
                print(f"  {f.name}: {f.value:.3g} {f.unit}{target}")
                if f.note:
                    print(f"      {f.note}")
    if args.json:
        print(
            json.dumps({"machine": describe_machine(), "benchmarks": results}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
