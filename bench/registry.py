"""A small registry of benchmarks: each returns measured figures.

Add a benchmark by writing a module in ``bench/`` with a function decorated by
``@register("name")`` that returns a list of ``Figure``; ``python -m bench`` imports
every module of the package and runs them all (or the ones named on the command
line).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure, with its unit and how it was measured."""

    name: str
    value: float
    unit: str
    note: str = ""
    target: str = ""  # e.g. ">= 2 MB/s"; empty when there is no budget
    ok: bool | None = None  # whether the budget is met (None: no budget)


Benchmark = Callable[[], list[Figure]]
BENCHMARKS: dict[str, Benchmark] = {}


def register(name: str) -> Callable[[Benchmark], Benchmark]:
    """Register a benchmark function under ``name`` (unique)."""

    def decorate(fn: Benchmark) -> Benchmark:
        if name in BENCHMARKS:
            raise ValueError(f"benchmark {name!r} registered twice")
        BENCHMARKS[name] = fn
        return fn

    return decorate


def describe_machine() -> str:
    """One line naming the machine the figures were measured on."""
    import os

    return (
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform(terse=True)}"
    )
