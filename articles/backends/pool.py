"""Idle PostgreSQL reader connections, kept per database for the next query.

A query opens a reader and closes it when done; the dashboard runs a dozen per
rerun. Connecting costs more than most of them (a TCP or socket handshake, the
schema check), so a closed reader goes back here, its snapshot ended, and the
next query of this process takes it. Thread-safe; at most ``IDLE`` per URL.
"""

from __future__ import annotations

import threading
from typing import Any

import psycopg

#: Idle readers kept per database URL.
IDLE = 8
_IDLE: dict[str, list[Any]] = {}
_LOCK = threading.Lock()


def take(url: str) -> Any | None:
    """Return an idle reader connection to ``url``, or None when there is none."""
    with _LOCK:
        idle = _IDLE.get(url, [])
        while idle:
            raw = idle.pop()
            if not raw.closed:
                return raw
    return None


def give_back(url: str, raw: Any) -> None:
    """Keep a reader for later (its transaction rolled back), or close it."""
    try:
        raw.rollback()  # ends the read snapshot and any server-side cursor
    except psycopg.Error:  # a broken connection is only closed
        raw.close()
        return
    with _LOCK:
        idle = _IDLE.setdefault(url, [])
        if len(idle) < IDLE:
            idle.append(raw)
            return
    raw.close()


def drop(url: str) -> None:
    """Close every idle reader of ``url`` (a database about to go away)."""
    with _LOCK:
        idle = _IDLE.pop(url, [])
    for raw in idle:
        raw.close()
