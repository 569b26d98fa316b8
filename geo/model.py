"""Feature: the value every map feature and gazetteer entry is described by."""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of feature (DESIGN.md). ``area`` is a named area that is neither a province
#: nor a corridor (e.g. the disputed Siachen area); ``town`` is a populated place of
#: the GeoNames extract (geo/populated.py), linked only in context.
FEATURE_KINDS: tuple[str, ...] = (
    "country",
    "province",
    "boundary",
    "corridor",
    "route",
    "city",
    "crossing",
    "pass",
    "site",
    "area",
    "town",
)


@dataclass(frozen=True)
class Feature:
    """A map feature without its geometry (geometry lives in the layers, EPSG:4326).

    Attributes
    ----------
    id : str
        Lowercase ASCII slug, stable forever (``wakhan-corridor``).
    name : str
        English display name.
    kind : str
        One of `FEATURE_KINDS`.
    aliases : tuple of str
        Other spellings, transliterations and names in the region's scripts
        (not including `name`).
    demonyms : tuple of str
        Demonyms and adjectives that denote the feature ("Afghan", "Pakistani").
    source, licence, derivation : str
        Provenance of the geometry: where it came from, under which licence, how it
        was made.
    note : str or None
        Caveat shown with the feature (disputed status, schematic geometry ...).
    disputed : bool
        True where sovereignty or the line itself is disputed.
    parent : str or None
        Id of the containing feature: the country of a province, the province of
        a city, crossing or pass (follow `parent` up to reach the country).
    layer : str
        Id of the catalog layer that carries the geometry.
    case_sensitive_aliases : tuple of str
        Aliases that identify the feature only with this exact case ("US" is the
        United States, "us" is a pronoun); `aliases` are safe case-insensitively.
    context_aliases : tuple of str
        Aliases linked only in context, like towns ("Faizabad": also a town in
        Jawzjan and a city in India); also in `aliases`.
    radius_km : float or None
        Uncertainty of a point: how far from it the place it stands for may lie
        (a district drawn at its seat: tens of km); None for polygons, lines and
        countries drawn at their capitals.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    source: str = ""
    licence: str = ""
    derivation: str = ""
    note: str | None = None
    disputed: bool = False
    parent: str | None = None
    layer: str = ""
    case_sensitive_aliases: tuple[str, ...] = ()
    radius_km: float | None = None
    context_aliases: tuple[str, ...] = ()
