"""``export --format annotations``: W3C Web Annotations, checked against the context."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from articles.__main__ import main
from articles.corpus import parse_article
from articles.index import index_path, sync_index
from tests.articles.conftest import SEED_2, FakeLinker

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = json.loads((ROOT / "articles" / "data" / "anno.jsonld").read_text())
OA = "http://www.w3.org/ns/oa#"
P2 = f"{SEED_2}#p2"


def _offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """Serve only the vendored anno.jsonld; anything else is an error (no network)."""
    del options
    if url.rstrip("/") not in ("http://www.w3.org/ns/anno.jsonld",
                               "https://www.w3.org/ns/anno.jsonld"):  # fmt: skip
        raise jsonld.JsonLdError(f"no fetching: {url}", "loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None,
            "documentUrl": url, "document": CONTEXT}  # fmt: skip


@pytest.fixture
def exported(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    sync_index(corpus, index_path(), FakeLinker())
    assert main(["review", "confirm", P2, "kabul", "--by", "alice"], FakeLinker()) == 0
    out = tmp_path / "anno.jsonld"
    code = main(["export", "--format", "annotations", "--feature", "kabul", "--out",
                 str(out)], FakeLinker())  # fmt: skip
    capsys.readouterr()
    assert code == 0
    data: dict[str, Any] = json.loads(out.read_text())
    return data


def test_annotations_expand_against_the_vendored_context(
    exported: dict[str, Any],
) -> None:
    expanded = jsonld.expand(exported, {"documentLoader": _offline_loader})
    page = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    items = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(items) == exported["total"] > 0
    for item in items:
        assert item["@type"] == [OA + "Annotation"]
        assert item[OA + "motivatedBy"][0]["@id"] in (
            OA + "identifying",
            OA + "linking",
        )
        assert item[OA + "hasBody"]
        assert item[OA + "hasTarget"]
        for target in item[OA + "hasTarget"]:
            kinds = {s["@type"][0] for s in target[OA + "hasSelector"]}
            assert OA + "TextQuoteSelector" in kinds


def test_feature_body_carries_id_name_and_geojson(exported: dict[str, Any]) -> None:
    items = exported["first"]["items"]
    bodies = {
        a["body"]["id"]: a["body"] for a in items if a["motivation"] == "identifying"
    }
    assert set(bodies) == {"urn:x-wakhan-map:feature:kabul"}
    body = bodies["urn:x-wakhan-map:feature:kabul"]
    assert body["name"] == "Kabul"
    assert body["geometry"]["type"] in ("Point", "Polygon", "MultiPolygon")


def test_reviewed_link_is_created_by_the_analyst_others_by_software(
    exported: dict[str, Any],
) -> None:
    by_passage = {
        a["id"].split(":")[3]: a["creator"]
        for a in exported["first"]["items"]
        if a["motivation"] == "identifying"
    }
    assert by_passage[P2] == {
        "id": "urn:x-wakhan-map:analyst:alice",
        "type": "Person",
        "nickname": "alice",
    }
    others = [c for p, c in by_passage.items() if p != P2]
    assert others
    assert all(c["type"] == "Software" for c in others)


def test_selectors_point_at_the_text_in_the_article(
    exported: dict[str, Any], corpus: Path
) -> None:
    bodies = {
        f"urn:x-wakhan-map:article:{a.id}": a.body
        for a in (parse_article(f.read_text(encoding="utf-8"), f.stem)
                  for f in corpus.glob("*.md"))
    }  # fmt: skip
    checked = 0
    for a in exported["first"]["items"]:
        for target in a["target"]:
            quote, position = target["selector"]
            body = bodies[target["source"]]
            assert quote["exact"] == body[position["start"] : position["end"]]
            checked += 1
    assert checked > 1


def test_unwritable_out_exits_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync_index(corpus, index_path(), FakeLinker())
    code = main(["export", "--format", "annotations", "--out",
                 str(tmp_path / "no" / "such.jsonld")], FakeLinker())  # fmt: skip
    assert code == 2
    assert "articles export: error: --out" in capsys.readouterr().err
