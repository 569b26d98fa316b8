"""``python -m components.briefing``: all exports from one command, or one error."""

import contextlib
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

import geopandas as gpd

from components.briefing.__main__ import (
    CommandError,
    build_parser,
    main,
    parse_day,
    plan_outputs,
)

CORPUS = Path(__file__).resolve().parents[3] / "articles" / "corpus"


@pytest.fixture(scope="module")
def corpus_env(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, root / "corpus")
    return {
        "ARTICLES_CORPUS_DIR": str(root / "corpus"),
        "ARTICLES_INDEX_PATH": str(root / "index.sqlite"),
    }


@pytest.fixture
def env(corpus_env, monkeypatch):
    for name, value in corpus_env.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def wakhan_run(corpus_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(printed):
        for name, value in corpus_env.items():
            mp.setenv(name, value)
        status = main(
            [
                "--feature", "wakhan-corridor", "--as-of", "2026-11-20",
                "--out", str(out / "w.html"), "--png", str(out / "w.png"),
                "--svg", str(out / "w.svg"), "--geojson", str(out / "w.geojson"),
                "--csv", str(out / "w.csv"),
            ]
        )  # fmt: skip
    return status, out, printed.getvalue()


def test_cli_writes_every_requested_export(wakhan_run):
    status, out, _ = wakhan_run
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "w.csv", "w.geojson", "w.html", "w.png", "w.svg",
    ]  # fmt: skip
    html = (out / "w.html").read_text(encoding="utf-8")
    assert "Briefing: Wakhan Corridor" in html
    assert "As of 2026-11-20" in html
    assert Image.open(out / "w.png").size[0] >= 1600


def test_cli_csv_and_geojson_agree_with_the_document(wakhan_run):
    _, out, _ = wakhan_run
    passages = pd.read_csv(out / "w.csv", encoding="utf-8-sig")
    assert len(passages) > 0
    assert passages["features"].str.contains("wakhan-corridor").all()
    html = (out / "w.html").read_text(encoding="utf-8")
    assert f'id="ref-{len(passages)}"' in html
    assert f'id="ref-{len(passages) + 1}"' not in html
    features = gpd.read_file(out / "w.geojson")
    row = features.set_index("feature_id").loc["wakhan-corridor"]
    assert int(row["evidence"]) == len(passages)
    assert bool(row["selected"])


def test_cli_prints_sizes_and_times(wakhan_run):
    _, out, printed = wakhan_run
    lines = printed.splitlines()
    assert re.fullmatch(r"\d+ passage\(s\) cited of \d+ matching", lines[0])
    for line, name in zip(
        lines[1:], ["w.html", "w.png", "w.svg", "w.geojson", "w.csv"], strict=True
    ):
        assert re.fullmatch(
            rf"{re.escape(str(out / name))}  [\d,.]+ KiB  [\d.]+ s", line
        )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--feature", "atlantis"], "unknown feature id 'atlantis'"),
        (["--actor", "nobody"], "unknown actor id 'nobody'"),
        (["--kind", "city,castle"], "unknown kind 'castle'"),
        (["--from", "2024-13-01"], "bad date '2024-13-01'"),
        (["--from", "2025", "--to", "2024"], "is after --to"),
        (["--png", "x.jpg"], "must end in .png"),
        (["--csv", "/no/such/dir/x.csv"], "no such directory"),
    ],
)
@pytest.mark.usefixtures("env")
def test_cli_bad_input_is_one_line_and_writes_nothing(tmp_path, capsys, argv, message):
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    status = main([*argv, "--out", str(tmp_path / "b.html")])
    err = capsys.readouterr().err
    assert status != 0
    assert message in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_cli_missing_out_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--feature", "wakhan-corridor"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "end", "iso"),
    [("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"),
     ("2024-02", True, "2024-02-29"), ("2024-03-05", False, "2024-03-05")],
)  # fmt: skip
def test_parse_day_reads_partial_dates(text, end, iso):
    assert parse_day(text, end=end).isoformat() == iso


@pytest.mark.usefixtures("env")
def test_cli_kind_exports_only_that_kind(tmp_path, capsys):
    status = main(
        [
            "--kind", "city", "--as-of", "2026-11-20",
            "--out", str(tmp_path / "c.html"), "--svg", str(tmp_path / "c.svg"),
            "--geojson", str(tmp_path / "c.geojson"),
        ]
    )  # fmt: skip
    assert status == 0, capsys.readouterr().err
    frame = gpd.read_file(tmp_path / "c.geojson")
    assert len(frame) > 0
    assert set(frame["kind"]) == {"city"}
    assert set(frame.geom_type) == {"Point"}  # no polygons, no lines
    svg = (tmp_path / "c.svg").read_text()
    assert 'id="feature-places-kabul"' in svg
    assert "feature-countries-" not in svg
    assert "feature-borders-" not in svg
    html = (tmp_path / "c.html").read_text()
    assert "kind&quot;: &quot;city" in html  # the map's GeoJSON, in its iframe
    assert "kind&quot;: &quot;country" not in html
    assert "kind&quot;: &quot;province" not in html
    assert "Map layers" in html


def test_cli_help_documents_kind(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--kind KIND" in capsys.readouterr().out


def test_plan_outputs_maps_each_requested_format_to_its_path(tmp_path):
    args = build_parser().parse_args(
        ["--out", str(tmp_path / "a.html"), "--csv", str(tmp_path / "a.csv")]
    )
    assert plan_outputs(args) == {
        "html": tmp_path / "a.html",
        "csv": tmp_path / "a.csv",
    }


def test_plan_outputs_refuses_a_wrong_suffix(tmp_path):
    args = build_parser().parse_args(["--out", str(tmp_path / "a.htm")])
    with pytest.raises(CommandError, match=r"must end in \.html"):
        plan_outputs(args)
