"""Near-duplicates: the same story re-posted is added, marked, and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.near_dup import NearDuplicates, build_signature
from tests.articles.conftest import FakeLinker

STORY = (
    "Pakistani and Afghan forces exchanged heavy fire at the Torkham border crossing "
    "late on Thursday, officials said, after fighters attacked a checkpoint near the "
    "main gate. The crossing was closed to trade and hundreds of trucks waited on "
    "both sides of the border on Friday morning, traders said."
)


def _write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {title}\npublished: 2025-03-14\n---\n\n{body}\n")
    return path


def test_signatures_of_a_repost_are_close_and_of_another_story_far() -> None:
    repost = STORY.replace("late on Thursday", "on Thursday night")
    other = "Talks on water sharing from the Kabul River resumed in Islamabad."
    assert build_signature(STORY).jaccard(build_signature(repost)) >= 0.7
    assert build_signature(STORY).jaccard(build_signature(other)) < 0.2


@pytest.mark.usefixtures("corpus")
def test_repost_with_new_headline_is_added_marked_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path, "a.md", "Clash at Torkham", STORY)
    assert main(["ingest", str(first), "--json"], linker=FakeLinker()) == 0
    first_id = json.loads(capsys.readouterr().out)["results"][0]["id"]
    repost = STORY.replace("late on Thursday", "on Thursday night") + " More soon."
    second = _write(tmp_path, "b.md", "Border shut after gunfight", repost)
    assert main(["ingest", str(second)], linker=FakeLinker()) == 0
    out = capsys.readouterr().out
    assert f"nearly the same as {first_id} (marked near-duplicate)" in out
    added = next(Path(p) for p in Path(tmp_path / "corpus").glob("*border-shut*"))
    assert f"near_duplicate_of: {first_id}" in added.read_text()


@pytest.mark.usefixtures("corpus")
def test_a_different_story_is_not_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "a.md", "Clash at Torkham", STORY)
    _write(tmp_path, "b.md", "Water talks", "Talks on the Kabul River resumed.")
    assert main(["ingest", str(tmp_path), "--json"], linker=FakeLinker()) == 0
    rows = json.loads(capsys.readouterr().out)["results"]
    assert not any("near_duplicate_of" in r for r in rows)


@pytest.mark.usefixtures("corpus")
def test_signature_cache_is_reused_and_rebuilt_from_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["ingest", str(_write(tmp_path, "a.md", "T", STORY))], linker=FakeLinker())
    capsys.readouterr()
    index = tmp_path / "index.sqlite"
    cache = Path(f"{index}.minhash.sqlite")
    assert cache.exists()
    cache.unlink()  # a lost cache is recomputed from the corpus files
    near = NearDuplicates(index, tmp_path / "corpus")
    assert near.find(STORY) is not None
