"""Details of the selected feature: name, kind, facts, provenance, disputed note."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.highlight import escape_markdown
from components.map import selection
from components.map.style import KIND_LABELS
from geo.model import Feature

#: Unit tokens in fact keys (``length_km``, ``area_km2``) and how to print them.
_UNITS = {"km": "km", "km2": "km²", "m": "m", "pct": "%", "lon": "° E", "lat": "° N"}
_SKIP = frozenset({"scale", "status"})


def _parse_key(key: str) -> tuple[str, str, str]:
    """Split a fact key into (measure, unit, qualifier) ("Length", "km", "cia")."""
    tokens = key.removeprefix("published_").split("_")
    for i, token in enumerate(tokens):
        if token in _UNITS:
            measure = " ".join(tokens[:i]).capitalize()
            if token in {"lon", "lat"}:
                measure += " at"
            return measure, _UNITS[token], " ".join(tokens[i + 1 :])
    return " ".join(tokens).capitalize(), "", ""


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _format(value: float, unit: str) -> str:
    if unit.startswith("°"):
        return f"{value:.2f}{unit}"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"
    return f"{text} {unit}".strip()


def build_fact_rows(
    facts: Mapping[str, object], names: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """Turn a facts entry into rows of measured and published figures, side by side.

    Parameters
    ----------
    facts : mapping
        One entry of ``geo.facts.measure_facts()``: numeric figures such as
        ``length_km`` (measured on our data, at ``scale``) and
        ``published_length_km`` (``published_length_km_cia``: a second published
        figure, from the CIA); nested mappings (``by_province_km``) hold one
        measured figure per feature id.
    names : mapping of str to str or None
        Display names for the feature ids of nested figures.

    Returns
    -------
    list of dict
        Rows with ``measure``, ``measured`` (on our data) and ``published``
        (empty string when there is no such figure).
    """
    names = names or {}
    rows: dict[str, dict[str, str]] = {}

    def put(measure: str, column: str, text: str) -> None:
        row = rows.setdefault(
            measure, {"measure": measure, "measured": "", "published": ""}
        )
        row[column] = text

    for key, value in facts.items():
        measure, unit, qualifier = _parse_key(key)
        column = "published" if key.startswith("published_") else "measured"
        if qualifier:
            measure = f"{measure} ({qualifier.upper()})"
        if isinstance(value, Mapping):
            for sub, figure in value.items():
                number = _number(figure)
                if number is not None:
                    label = f"{measure}: {names.get(str(sub), str(sub))}"
                    put(label, column, _format(number, unit))
            continue
        number = _number(value)
        if number is not None:
            put(measure, column, _format(number, unit))
    return list(rows.values())


def build_fact_notes(facts: Mapping[str, object]) -> list[str]:
    """Return the text fields of a facts entry: sources of published figures, method."""
    notes = []
    for key, value in facts.items():
        if key in _SKIP or not isinstance(value, str) or not value:
            continue
        stem = key.removeprefix("published_").removesuffix("source").rstrip("_")
        if not key.endswith("source"):
            label = _parse_key(key)[0]
        elif stem:
            label = f"Published {_parse_key(stem)[0].lower()}"
        else:
            label = "Published figures"
        notes.append(f"{label}: {value}")
    return notes


def fact_columns(facts: Mapping[str, object]) -> dict[str, str]:
    """Column titles: what we measured on our data (at its scale) vs published."""
    scale = facts.get("scale")
    ours = f"measured ({scale})" if isinstance(scale, str) else "measured"
    return {"measure": "measure", "measured": ours, "published": "published"}


def _render_provenance(feature: Feature, notes: list[str]) -> None:
    """Show source, licence, derivation and the figures' sources."""
    for note in notes:
        st.caption(escape_markdown(note))
    st.markdown(f"**Source:** {escape_markdown(feature.source or 'not recorded')}")
    st.markdown(f"**Licence:** {escape_markdown(feature.licence or 'not recorded')}")
    if feature.derivation:
        st.markdown(f"**Derivation:** {escape_markdown(feature.derivation)}")


def build_summary_caption(feature: Feature) -> str:
    """One line under the name: the kind, then up to 8 other names (escaped)."""
    kind = KIND_LABELS.get(feature.kind, feature.kind)
    if not feature.aliases:
        return escape_markdown(kind)
    return escape_markdown(f"{kind} · also {', '.join(feature.aliases[:8])}")


def render(
    feature: Feature | None,
    facts: Mapping[str, object] | None = None,
    *,
    parent: Feature | None = None,
    names: Mapping[str, str] | None = None,
    key: str = "feature_panel",
) -> None:
    """Show `feature` as a compact summary: name, kind, dispute, then folded facts.

    The facts table and the provenance fold into one collapsed expander, so the
    passages (drawn after this) come into view without scrolling.

    Parameters
    ----------
    feature : Feature or None
        The selected feature; None shows a hint to click the map.
    facts : mapping or None
        Its entry of ``geo.facts.measure_facts()``, if any.
    parent : Feature or None
        The containing feature, offered as a button that selects it.
    names : mapping of str to str or None
        Feature names by id, for figures broken down by feature.
    key : str
        Widget key prefix.
    """
    if feature is None:
        st.info("Click a feature on the map to see its details.")
        return
    st.subheader(escape_markdown(feature.name), anchor=False)
    st.caption(build_summary_caption(feature))
    if feature.radius_km:
        st.caption(f"Point: the place lies within about {feature.radius_km:g} km of it")
    if feature.disputed:
        st.warning("Disputed: " + escape_markdown(feature.note or "see the note."))
    elif feature.note:
        st.caption(f"_{escape_markdown(feature.note)}_")
    label = "Facts and provenance" if facts else "Provenance"
    with st.expander(label, expanded=False, key=f"{key}.summary"):
        if facts:
            columns = fact_columns(facts)
            rows = build_fact_rows(facts, names)
            table = pd.DataFrame([{columns[k]: v for k, v in r.items()} for r in rows])
            st.table(table.set_index(columns["measure"]) if len(table) else table)
        _render_provenance(feature, build_fact_notes(facts or {}))
    if parent is not None:
        st.button(
            f"Select {parent.name}",
            key=f"{key}.parent",
            on_click=selection.select_feature,
            args=(st.session_state, parent.id),
            type="tertiary",
        )
