"""The briefing document: one self-contained HTML file with map, passages, sources."""

from __future__ import annotations

from html import escape
from importlib import resources

import geopandas as gpd

from components.briefing.describe import describe_filters, describe_title
from components.briefing.facts_html import build_facts_html
from components.briefing.frame import build_view_frame
from components.briefing.model import Briefing
from components.briefing.passages import build_passages_html, build_references_html
from components.passage import HIGHLIGHT

#: Disputed lines and areas every briefing of the region states, whatever is in view.
DISPUTE_NOTES: tuple[tuple[str, str], ...] = (
    (
        "Durand Line",
        "The 1893 line is Pakistan's western border. Afghanistan has never "
        "recognised it as an international boundary; it is drawn here as the de facto "
        "Afghanistan-Pakistan line.",
    ),
    (
        "Siachen",
        "The Siachen Glacier area north of the Line of Control's end point (NJ9842) "
        "has been held by India since 1984 and is claimed by Pakistan. It is shown "
        "as a disputed area belonging to no country.",
    ),
    (
        "Kashmir",
        "Lines in Kashmir are de facto lines of control (the Line of Control between "
        "India and Pakistan, the Line of Actual Control with China), not agreed "
        "international boundaries. India, Pakistan and China each claim parts of the "
        "former princely state.",
    ),
)


def build_document(briefing: Briefing, map_html: str) -> str:
    """Compose the briefing document.

    Parameters
    ----------
    briefing : Briefing
        The exported view.
    map_html : str
        The map as a complete, self-contained HTML page (assets inlined); it is
        embedded with ``<iframe srcdoc>`` so its styles stay apart from the text.

    Returns
    -------
    str
        A complete HTML document; every string from articles or data is escaped.
    """
    frame = build_view_frame(briefing)
    title = escape(describe_title(briefing))
    sections = [
        f"<header><h1>{title}</h1>{_render_as_of(briefing)}</header>",
        _section("View", _render_view(briefing)),
        _render_map(map_html, frame),
        _section("Evidence in view", _render_counts(frame)),
        _section("Passages", build_passages_html(briefing)),
        _section("Sources", build_references_html(briefing)),
        _section("Measured and published figures", build_facts_html(briefing, frame)),
        _section("Layers and provenance", _render_provenance(briefing)),
        _section("Disputed boundaries", _render_disputes(frame)),
        "<footer>Boundaries, names and lines shown do not imply endorsement or "
        "acceptance by the authors. Measured figures are computed on the map data; "
        "published figures are quoted.</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_read_css('document.css')}\n"
        f":root {{ --mark: {HIGHLIGHT}; }}</style>\n"
        f'<style media="print">{_read_css("print.css")}</style>\n</head>\n'
        "<body>\n" + "\n".join(sections) + "\n</body>\n</html>\n"
    )


def _read_css(name: str) -> str:
    return resources.files("components.briefing").joinpath(name).read_text("utf-8")


def _section(heading: str, body: str) -> str:
    slug = heading.lower().replace(" ", "-")
    return f'<section class="{slug}"><h2>{escape(heading)}</h2>\n{body}\n</section>'


def _render_as_of(briefing: Briefing) -> str:
    hits = briefing.hits
    dates = sorted(hit.published for hit in hits)
    span = f", published {dates[0]} to {dates[-1]}" if dates else ""
    matching = briefing.matching
    cited = (
        f" (the best {len(hits):,} are quoted below; the rest are counted)"
        if len(hits) < matching
        else ""
    )
    return (
        f'<p class="as-of">As of {briefing.as_of.isoformat()}: '
        f"{_count(matching, 'passage')} from "
        f"{_count(briefing.matching_articles, 'article')}{span}{cited}.</p>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _render_view(briefing: Briefing) -> str:
    rows = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(words)}</dd>"
        for label, words in describe_filters(briefing)
    )
    return f'<dl class="view">{rows}</dl>'


def _render_map(map_html: str, frame: gpd.GeoDataFrame) -> str:
    layers = ", ".join(dict.fromkeys(str(v) for v in frame["layer"]))
    return (
        '<figure class="map"><iframe class="map-frame" title="Map of the view" '
        f'srcdoc="{escape(map_html, quote=True)}"></iframe>'
        "<figcaption>Interactive map of the view (works offline). Areas are shaded by "
        "the number of matching passages; the selected feature is outlined. Layers: "
        f"{escape(layers or 'none')}.</figcaption></figure>"
    )


def _render_counts(frame: gpd.GeoDataFrame) -> str:
    rows = frame[(frame["evidence"] > 0) | frame["selected"]]
    rows = rows.sort_values(["evidence", "name"], ascending=[False, True])
    if rows.empty:
        return '<p class="empty">No feature in view has matching passages.</p>'
    body = "".join(
        f"<tr><td>{escape(str(r.name))}</td><td>{escape(str(r.kind))}</td>"
        f'<td class="num">{int(r.evidence)}</td></tr>'
        for r in rows.itertuples(index=False)
    )
    head = '<tr><th>Feature</th><th>Kind</th><th class="num">Passages</th></tr>'
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _render_provenance(briefing: Briefing) -> str:
    head = (
        "<tr><th>Layer</th><th>Source</th><th>Licence</th><th>Scale</th>"
        "<th>Derivation</th></tr>"
    )
    body = "".join(
        f"<tr><td>{escape(i.title)}</td><td>{escape(i.source)}</td>"
        f"<td>{escape(i.licence)}</td><td>{escape(i.scale)}</td>"
        f"<td>{escape(i.derivation)}</td></tr>"
        for layer_id, i in briefing.infos.items()
        if layer_id in briefing.layers
    )
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _render_disputes(frame: gpd.GeoDataFrame) -> str:
    items = [
        f"<li><strong>{escape(name)}.</strong> {escape(text)}</li>"
        for name, text in DISPUTE_NOTES
    ]
    named = {name for name, _ in DISPUTE_NOTES}
    disputed = frame[
        frame["disputed"] & (frame["note"] != "") & ~frame["name"].isin(named)
    ]
    for row in disputed.drop_duplicates("feature_id").itertuples(index=False):
        name, note = escape(str(row.name)), escape(str(row.note))
        items.append(f"<li><strong>{name}.</strong> {note}</li>")
    return f'<ul class="disputes">{"".join(items)}</ul>'
