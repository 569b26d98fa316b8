"""Parse untrusted URL values: each parser keeps what is valid and reports the rest."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Container, Mapping, Sequence

#: Longest search text accepted from a URL.
MAX_Q_LEN = 200
#: Most ids accepted in one comma-separated parameter.
MAX_IDS = 50
#: The map's zoom range (`components.map.builder` builds the map with it).
ZOOM_LIMITS: tuple[int, int] = (2, 11)
#: Latitudes Web Mercator (the map's projection) can show.
MAX_LAT = 85.0
_SHOW = 40  # characters of a bad value quoted back in a problem

ParamValue = str | Sequence[str]


def quote_value(value: str) -> str:
    """Short printable rendering of an untrusted value for a problem message."""
    short = value if len(value) <= _SHOW else value[:_SHOW] + "..."
    return repr(short)


def read_last(value: ParamValue) -> str:
    """Return the last value of a repeated parameter (as st.query_params does)."""
    if isinstance(value, str):
        return value
    items = [v for v in value if isinstance(v, str)]
    return items[-1] if items else ""


def parse_ids(
    raw: str, known: Container[str] | None, what: str, problems: list[str]
) -> tuple[str, ...]:
    """Split a comma-separated id list, keep known ids, report the others."""
    ids: list[str] = []
    for item in raw.split(",")[: MAX_IDS * 4]:
        ident = item.strip().lower()
        if not ident or ident in ids:
            continue
        if known is not None and ident not in known:
            problems.append(f"Unknown {what} {quote_value(ident)} ignored.")
        elif len(ids) >= MAX_IDS:
            problems.append(f"More than {MAX_IDS} {what}s; the rest ignored.")
            break
        else:
            ids.append(ident)
    return tuple(ids)


def parse_date(raw: str, name: str, problems: list[str]) -> dt.date | None:
    """Parse an ISO date (YYYY-MM-DD); report and return None when invalid."""
    text = raw.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    problems.append(
        f"Bad date for {name!r}: {quote_value(raw)} (use YYYY-MM-DD); ignored."
    )
    return None


def parse_single_id(
    raw: str, known: Container[str] | None, what: str, problems: list[str]
) -> str | None:
    """One id, kept if known."""
    ident = raw.strip().lower()
    if not ident:
        return None
    if known is not None and ident not in known:
        problems.append(f"Unknown {what} {quote_value(ident)} ignored.")
        return None
    return ident


def parse_q(raw: str, problems: list[str]) -> str | None:
    """Search text, stripped; too long is reported and ignored."""
    text = " ".join(raw.split())
    if len(text) > MAX_Q_LEN:
        problems.append(f"Search text longer than {MAX_Q_LEN} characters ignored.")
        return None
    return text or None


def _parse_number(raw: str, name: str, low: float, high: float) -> float | str:
    """Return a finite number in [low, high], or the problem with it."""
    try:
        value = float(raw.strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        return f"Bad {name} {quote_value(raw)} (use a number from {low:g} to {high:g})"
    return value


def parse_map_view(
    raw: Mapping[str, str], problems: list[str]
) -> tuple[tuple[float, float] | None, int | None]:
    """Return the map's view: ``lat`` and ``lon`` together, ``zoom`` optional.

    ``zoom`` is a whole number in `ZOOM_LIMITS`. Any bad part drops the whole view.
    """
    given = [n for n in ("lat", "lon", "zoom") if raw.get(n, "").strip()]
    if not given:
        return None, None
    if "lat" not in given or "lon" not in given:
        problems.append("The map view needs both 'lat' and 'lon'; view ignored.")
        return None, None
    lat = _parse_number(raw["lat"], "lat", -MAX_LAT, MAX_LAT)
    lon = _parse_number(raw["lon"], "lon", -180.0, 180.0)
    low, high = ZOOM_LIMITS
    zoom: float | str | None = None
    if "zoom" in given:
        zoom = _parse_number(raw["zoom"], "zoom", low, high)
        if isinstance(zoom, float) and not zoom.is_integer():
            zoom = f"Bad zoom {quote_value(raw['zoom'])} (use a whole number)"
    bad = [v for v in (lat, lon, zoom) if isinstance(v, str)]
    if bad:
        problems.append(f"{'; '.join(bad)}; map view ignored.")
        return None, None
    assert isinstance(lat, float)
    assert isinstance(lon, float)
    return (lat, lon), int(zoom) if isinstance(zoom, float) else None
