"""geo/data/README.md and the catalog describe the same layers (docs as tests)."""

from __future__ import annotations

import re

import pytest

from geo.catalog import LAYERS
from geo.io import DATA_DIR

_README = (DATA_DIR / "README.md").read_text(encoding="utf-8")
_SECTIONS = dict(re.findall(r"^## (\S+)\n(.*?)(?=^## |\Z)", _README, re.M | re.S))


def test_readme_has_one_section_per_layer() -> None:
    layer_sections = {k for k in _SECTIONS if k != "Other"}
    assert layer_sections == {spec.id for spec in LAYERS}


@pytest.mark.parametrize("spec", LAYERS, ids=lambda s: s.id)
def test_readme_section_matches_catalog(spec) -> None:  # type: ignore[no-untyped-def]
    body = _SECTIONS[spec.id]
    assert f"`{spec.path}`" in body
    assert f"Licence: {spec.licence}" in body
    assert f"Scale: {spec.scale}" in body
    assert spec.source_url in body
    assert "Date:" in body
    assert "Derivation:" in body


def test_readme_lists_every_data_file() -> None:
    for path in DATA_DIR.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in _README, path.name
