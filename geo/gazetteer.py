"""Gazetteer: every feature of every layer with its names, aliases and provenance."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from geo import io
from geo.catalog import LAYERS, LayerSpec
from geo.model import FEATURE_KINDS, Feature

_NAME_KEYS = frozenset({"name", "aliases", "case_sensitive", "demonyms", "in_context"})


def _dedupe(values: Iterable[str], exclude: str) -> tuple[str, ...]:
    """Strings in order, without repeats or `exclude` (case-insensitive)."""
    seen = {exclude.casefold()}
    out = []
    for value in values:
        text = str(value).strip()
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return tuple(out)


def _build_feature(
    spec: LayerSpec, props: dict[str, Any], names: dict[str, Any], place: dict[str, str]
) -> Feature:
    """One feature from its layer properties, names entry and places.csv row."""
    fid = str(props["feature_id"])
    unknown = set(names) - _NAME_KEYS
    if unknown:
        raise ValueError(f"names.yaml: {fid}: unknown keys {sorted(unknown)}")
    name = str(names.get("name") or props["name"])
    extra = str(props.get("aliases") or "").split("; ")  # towns carry their own
    radius = props.get("radius_km")
    if props["kind"] not in FEATURE_KINDS:
        raise ValueError(f"{spec.id}: {fid}: unknown kind {props['kind']!r}")
    return Feature(
        id=fid,
        name=name,
        kind=str(props["kind"]),
        aliases=_dedupe(
            [*(names.get("aliases") or ()), *extra, *(names.get("in_context") or ())],
            name,
        ),
        demonyms=_dedupe(names.get("demonyms") or (), name),
        source=place.get("source") or spec.attribution,
        licence=place.get("licence") or spec.licence,
        derivation=str(
            place.get("derivation") or props.get("derivation") or spec.derivation
        ),
        note=props.get("note") or None,
        disputed=bool(props.get("disputed")),
        parent=props.get("parent") or None,
        layer=spec.id,
        case_sensitive_aliases=tuple(names.get("case_sensitive") or ()),
        radius_km=float(radius) if radius is not None else None,
        context_aliases=tuple(names.get("in_context") or ()),
    )


@lru_cache(maxsize=1)
def load_features() -> tuple[Feature, ...]:
    """Return every feature of every catalog layer, without geometry.

    Names, aliases, demonyms and case-sensitive aliases come from
    ``geo/data/names.yaml``; kind, note, disputed and parent from the layer;
    provenance from the catalog (and ``places.csv`` for points, with
    the derivation of a district or region drawn as a point).

    Returns
    -------
    tuple of Feature
        In catalog order (countries, provinces, borders, areas, routes, places).

    Raises
    ------
    ValueError
        If names.yaml has an unknown key.
    """
    names = io.read_names()
    places = {row["feature_id"]: row for row in io.read_places_table()}
    return tuple(
        _build_feature(
            spec,
            props,
            names.get(str(props["feature_id"])) or {},
            places.get(str(props["feature_id"]), {}),
        )
        for spec in LAYERS
        for props in io.read_properties(spec.id)
    )
