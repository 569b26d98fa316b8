"""Command line (geo/cli.py, geo/__main__.py): features, facts, bad arguments."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli import main


def test_features_json_lists_every_feature(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["features", "--json"]) == 0
    features = json.loads(capsys.readouterr().out)
    wakhan = next(f for f in features if f["id"] == "wakhan-corridor")
    assert {"id", "name", "kind", "aliases", "source"} <= set(wakhan)
    assert "Vakhan" in wakhan["aliases"]


def test_features_text_has_one_line_per_feature(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["features"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("durand-line ") for line in lines)


def test_facts_json_has_design_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["durand-line"]["published_length_km"] == 2640
    assert facts["durand-line"]["scale"] == "1:10m"
    assert {"area_km2", "length_km", "min_width_km", "max_width_km"} <= set(
        facts["wakhan-corridor"]
    )


def test_facts_text_names_scale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts"]) == 0
    assert "scale 1:10m" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["bogus"], ["features", "--nope"]])
def test_bad_arguments_exit_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("python -m geo: error:")
    assert "\n" not in err


def test_module_entry_point_fails_on_bad_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
