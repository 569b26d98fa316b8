"""``python -m articles export --format annotations``: links as W3C Web Annotations.

Each link of a matching passage to a feature or an actor becomes one annotation
(JSON-LD, context ``http://www.w3.org/ns/anno.jsonld``, vendored offline in
``articles/data/anno.jsonld`` for the tests):

- the body is the feature (id, name and GeoJSON geometry, as a JSON literal) or
  the actor (id, name, kind);
- the target is the article's cleaned text, with a TextQuoteSelector and a
  TextPositionSelector (character offsets in the article body) per span;
- ``motivation`` is ``identifying`` for a place, ``linking`` for an actor;
- the creator is the analyst who confirmed or added the link, else the software.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from articles.corpus import corpus_dir, list_article_files, parse_article
from articles.filter_args import add_filter_arguments, build_filters, check_ids
from articles.query import Filters, query_page
from articles.query.hits import Hit, Link
from articles.review.apply import standing_decision
from articles.review.state import Review, build_review
from articles.review.store import read_decisions
from articles.split import split_article

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Our own terms on top of the W3C context: a feature's geometry as GeoJSON.
LOCAL_CONTEXT = {
    "geojson": "https://purl.org/geojson/vocab#",
    "geometry": {"@id": "geojson:geometry", "@type": "@json"},
}
BASE = "urn:x-wakhan-map:"
SOFTWARE = {"id": f"{BASE}software:articles", "type": "Software",
            "name": "articles linker (automatic link)"}  # fmt: skip
_QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector


class ExportError(Exception):
    """The export cannot be written (one-line reason, exit status 2)."""


def add_export_parser(sub: Any) -> None:
    """Add ``export --format annotations [filters] [--out FILE]``."""
    export = sub.add_parser("export", help="export links (W3C Web Annotations)")
    export.add_argument("--format", choices=("annotations",), required=True)
    add_filter_arguments(export)
    export.add_argument("--out", type=Path, help="write here instead of stdout")


def run_export(args: argparse.Namespace, linker: object) -> int:
    """Write the links of the passages matching the filters as Web Annotations."""
    del linker  # an export only reads the index
    filters = build_filters(args)
    check_ids(filters)
    text = json.dumps(build_annotations(filters), ensure_ascii=False, indent=1)
    if args.out:
        try:
            args.out.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise ExportError(f"--out {args.out}: {exc.strerror}") from None
    else:
        sys.stdout.write(text + "\n")
    return 0


def build_annotations(
    filters: Filters, index: Path | None = None, corpus: Path | None = None
) -> dict[str, Any]:
    """Return an AnnotationCollection of every link of the matching passages."""
    corpus = corpus or corpus_dir()
    review = build_review(read_decisions(corpus))
    hits = list(_all_hits(filters, index))
    offsets = _offsets(corpus, {h.article_id for h in hits})
    items = [
        _annotation(h, kind, link, review, offsets.get(h.passage_id))
        for h in hits
        for kind, links in (("feature", h.features), ("actor", h.actors))
        for link in links
        if kind == "actor" or not filters.feature or link.id == filters.feature
    ]
    bodies = _bodies({(a["_kind"], a["_target"]) for a in items})
    for a in items:
        a["body"] = bodies[(a.pop("_kind"), a.pop("_target"))]
    return {
        "@context": [ANNO_CONTEXT, LOCAL_CONTEXT],
        "id": f"{BASE}annotations",
        "type": "AnnotationCollection",
        "label": "Links between article passages and map features or actors",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


def _all_hits(filters: Filters, index: Path | None) -> Iterator[Hit]:
    offset = 0
    while True:
        page = query_page(filters, order="article", limit=1000, offset=offset,
                          index=index)  # fmt: skip
        yield from page.hits
        offset += 1000
        if offset >= page.groups:
            return


def _offsets(corpus: Path, articles: set[str]) -> dict[str, int]:
    """Each passage's start in its article's cleaned body (None for a title)."""
    out: dict[str, int] = {}
    for path in list_article_files(corpus):
        if not articles:
            break
        article = parse_article(path.read_text(encoding="utf-8"), path.stem)
        if article.id in articles:
            articles.discard(article.id)
            out.update(
                {p.id: p.start for p in split_article(article) if p.kind != "title"}
            )
    return out


def _annotation(
    hit: Hit, kind: str, link: Link, review: Review, start: int | None
) -> dict[str, Any]:
    decision = next(
        (d for s in link.spans
         if (d := standing_decision(review, hit.text, (hit.passage_id, kind, link.id),
                                    s)) is not None and d.action != "reject"),
        None,
    )  # fmt: skip
    creator = (
        SOFTWARE
        if decision is None
        else {
            "id": f"{BASE}analyst:{decision.by}",
            "type": "Person",
            "nickname": decision.by,
        }
    )
    targets = []
    for s, e in link.spans:
        selectors: list[dict[str, Any]] = [{
            "type": "TextQuoteSelector", "exact": hit.text[s:e],
            "prefix": hit.text[max(0, s - _QUOTE_CONTEXT):s],
            "suffix": hit.text[e:e + _QUOTE_CONTEXT]}]  # fmt: skip
        if start is not None:
            selectors.append({"type": "TextPositionSelector",
                              "start": start + s, "end": start + e})  # fmt: skip
        targets.append({"source": f"{BASE}article:{hit.article_id}", "type": "Text",
                        "selector": selectors})  # fmt: skip
    out: dict[str, Any] = {
        "id": f"{BASE}annotation:{hit.passage_id}:{kind}:{link.id}",
        "type": "Annotation",
        "motivation": "identifying" if kind == "feature" else "linking",
        "creator": creator,
        "target": targets,
        "_kind": kind,
        "_target": link.id,
    }
    if decision is not None:
        out["created"] = decision.when
    return out


def _bodies(keys: set[tuple[str, str]]) -> Mapping[tuple[str, str], dict[str, Any]]:
    from shapely.geometry import mapping

    from articles.actors import load_actors
    from geo.gazetteer import load_features
    from geo.io import read_layer

    features = {f.id: f for f in load_features()}
    actors = {a.id: a for a in load_actors()}
    out: dict[tuple[str, str], dict[str, Any]] = {}
    layers: dict[str, Any] = {}
    for kind, target in keys:
        if kind == "actor":
            a = actors.get(target)
            out[(kind, target)] = {
                "id": f"{BASE}actor:{target}",
                "type": "Person" if a and a.kind == "person" else "Organization",
                "name": a.name if a else target,
            }
            continue
        f = features[target]
        if f.layer not in layers:
            frame = read_layer(f.layer)
            layers[f.layer] = dict(
                zip(frame["feature_id"], frame.geometry, strict=True)
            )
        geometry = layers[f.layer].get(target)
        out[(kind, target)] = {
            "id": f"{BASE}feature:{target}", "type": "geojson:Feature", "name": f.name,
            "geometry": mapping(geometry.simplify(0.01)) if geometry else None,
        }  # fmt: skip
    return out
