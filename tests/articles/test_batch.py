"""Folders: every file tried, a closing table, one bad file never stops the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.batch import format_table, list_inputs
from tests.articles.conftest import FakeLinker


def _folder(root: Path) -> Path:
    folder = root / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text(
        "---\ntitle: Border talks\npublished: 2025-03-14\n---\n\nTalks in Kabul.\n"
    )
    (folder / "sub" / "b.txt").write_text(
        "Torkham reopens\n\nPESHAWAR, March 14, 2025 (Reuters) - Trade resumed at "
        "Torkham, officials said.\n"
    )
    (folder / "sub" / "copy.md").write_text((folder / "a.md").read_text())
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.md").write_text("ignored")
    return folder


def test_list_inputs_walks_folders_and_skips_hidden(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    names = [p.relative_to(folder).as_posix() for p in list_inputs([folder])]
    assert names == ["a.md", "bad.txt", "notes.docx", "sub/b.txt", "sub/copy.md"]


@pytest.mark.usefixtures("corpus")
def test_cli_ingest_folder_reports_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    code = main(["ingest", str(folder)], linker=FakeLinker())
    out, _ = capsys.readouterr()
    assert code == 2  # something was refused
    assert out.splitlines()[-1] == "2 added, 1 duplicate, 2 refused"
    assert "binary file" in out
    assert "unsupported file type '.docx'" in out


@pytest.mark.usefixtures("corpus")
def test_cli_ingest_folder_json_gives_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    main(["ingest", str(folder), "--json"], linker=FakeLinker())
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"added": 2, "duplicate": 1, "refused": 2}
    wire = next(r for r in data["results"] if r["file"].endswith("b.txt"))
    assert wire["status"] == "added"
    assert wire["id"].startswith("2025-03-torkham")
    refused = [r for r in data["results"] if r["status"] == "refused"]
    assert all("\n" not in r["error"] for r in refused)


def test_format_table_ends_with_counts() -> None:
    rows = [{"file": "x.txt", "status": "refused", "error": "empty file"}]
    lines = format_table(rows)
    assert lines[1].split() == ["refused", "x.txt", "empty", "file"]
    assert lines[-1] == "0 added, 0 duplicate, 1 refused"
