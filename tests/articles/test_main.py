"""Command line: exit codes, one-line reasons, JSON shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from articles.__main__ import main
from tests.articles.conftest import SEED_1, SEED_2, FakeLinker, snapshot

ROOT = Path(__file__).resolve().parents[2]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv, linker=FakeLinker())
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_link_json_shape(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["link", str(corpus / f"{SEED_1}.md"), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["article"]["id"] == SEED_1
    assert data["article"]["published"] == "2025-01-23"
    assert data["article"]["posted"] == "2025-01-24"
    passage = next(p for p in data["passages"] if p["id"].endswith("#p6"))
    assert data["passages"][0]["kind"] == "title"
    assert set(passage) >= {"id", "text", "features", "actors", "dates"}
    wakhan = next(f for f in passage["features"] if f["id"] == "wakhan-corridor")
    assert wakhan["how"] == "name"
    assert (wakhan["confidence"], wakhan["reason"]) == (0.95, "named")
    for start, end in wakhan["spans"]:
        assert passage["text"][start:end] == "Wakhan Corridor"
    assert passage["dates"] == [
        {
            "value": "2024-12-30",
            "precision": "day",
            "anchor": "",
            "text": "30th December 2024",
            "span": [65, 83],
            "confidence": 0.9,
            "reason": "a full date",
        }
    ]


def test_cli_link_adds_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "new.txt"
    source.write_text("Title\n\nText about Kabul.\n\nJane Roe, 5 March 2024\n")
    before = snapshot(corpus)
    code, out, _ = _run(["link", str(source)], capsys)
    assert code == 0
    assert "kabul (name, 1x)" in out
    assert snapshot(corpus) == before
    assert not (tmp_path / "index.sqlite").exists()


@pytest.mark.usefixtures("corpus")
def test_cli_ingest_then_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "new.txt"
    source.write_text("Title Here\n\nTalks in Beijing about trade.\n")
    argv = ["ingest", str(source), "--published", "2025-06-01", "--json"]
    code, out, _ = _run(argv, capsys)
    assert code == 0
    (result,) = json.loads(out)["results"]
    assert (result["status"], result["id"]) == ("added", "2025-06-title-here")
    code, out, _ = _run(argv, capsys)
    assert json.loads(out)["results"][0]["status"] == "duplicate"
    assert code == 0
    code, out, _ = _run(["query", "--feature", "beijing", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert [p["id"] for p in data["passages"]] == [
        "2025-06-title-here#p1",
        f"{SEED_2}#p8",
    ]
    assert data["count"] == 2


@pytest.mark.usefixtures("corpus")
def test_cli_ingest_bad_file_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    code, out, err = _run(["ingest", str(bad)], capsys)
    assert code == 2
    assert out.strip() == ""
    assert err.count("\n") == 1
    assert "binary" in err


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["query", "--feature", "atlantis"], "unknown feature id 'atlantis'"),
        (["query", "--actor", "ttp,nobody"], "unknown actor id(s): nobody"),
        (["query", "--from", "2025-13-01"], "bad date '2025-13-01'"),
        (["link", "/no/such/file.txt"], "no such file"),
        (["ingest", "/no/such/file.txt"], "no such file"),
    ],
)
def test_cli_bad_input_exits_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert reason in err


@pytest.mark.usefixtures("corpus")
def test_cli_query_actor_list_and_events(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "--actor", "ttp", "--actor", "isi", "--from", "2024-12"]
    code, _, err = _run(argv, capsys)
    assert (code, err.count("\n")) == (2, 1)
    assert "run `python -m articles sync`" in err  # a query never syncs
    assert _run(["sync"], capsys)[0] == 0
    code, out, _ = _run([*argv, "--to", "2024-12", "--datemode", "events"], capsys)
    assert code == 0
    assert out.startswith("1 of 1 passages in 1 articles")
    assert f"{SEED_1}#p6" in out


@pytest.mark.usefixtures("corpus")
def test_cli_query_pages_and_json_totals(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["sync"], capsys)[0] == 0
    code, out, _ = _run(["query", "--limit", "2", "--offset", "1", "--json"], capsys)
    data = json.loads(out)
    # 21 paragraphs, 7 headings and 2 titles
    assert (code, data["count"], data["articles"], data["groups"]) == (0, 30, 2, 30)
    assert (data["limit"], data["offset"], len(data["passages"])) == (2, 1, 2)
    assert data["passages"][0]["similar"] == 0
    code, out, _ = _run(["query", "--limit", "3", "--order", "article"], capsys)
    assert out.startswith("3 of 30 passages in 2 articles")
    with pytest.raises(SystemExit) as exited:
        _run(["query", "--limit", "0"], capsys)
    assert exited.value.code == 2
    assert "--limit: 0 out of range 1..1000" in capsys.readouterr().err


@pytest.mark.usefixtures("corpus")
def test_cli_sync_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["sync", "--json"], capsys)
    assert code == 0
    assert sorted(json.loads(out)["added"]) == [SEED_1, SEED_2]
    code, out, _ = _run(["sync"], capsys)
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in out


def test_cli_sync_reports_bad_file(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "broken.md").write_text("---\ntitle: [x\n---\nbody", encoding="utf-8")
    code, out, err = _run(["sync"], capsys)
    assert code == 0
    assert "2 added" in out
    assert err == (
        "articles sync: error: broken.md: malformed front matter: "
        "invalid YAML at line 3\n"
    )
    code, _, _ = _run(["sync", "--strict"], capsys)
    assert code == 1


def test_cli_usage_error_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "ARTICLES_INDEX_PATH": str(tmp_path / "i.sqlite")}
    proc = subprocess.run(
        [sys.executable, "-m", "articles", "query", "--datemode", "someday"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "invalid choice" in proc.stderr
