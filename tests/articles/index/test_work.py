"""Preparing files: the order a large sync reads them in."""

from __future__ import annotations

from pathlib import Path

from articles.index.work import Task, by_publication


def test_files_are_read_in_publication_order(tmp_path: Path) -> None:
    dates = {"a": "2024-05-01", "b": "'2019-01-02'", "c": "2021-12-31"}
    for name, day in dates.items():
        (tmp_path / f"{name}.md").write_text(
            f"---\nid: {name}\ntitle: T\npublished: {day}\n---\n\nText.\n",
            encoding="utf-8",
        )
    (tmp_path / "plain.md").write_text("No front matter.\n", encoding="utf-8")
    tasks = [Task(str(tmp_path / f"{n}.md"), None) for n in ("a", "b", "plain", "c")]
    tasks.append(Task(str(tmp_path / "gone.md"), None))  # unreadable: first too
    order = [Path(t.path).stem for t in by_publication(tasks)]
    assert order == ["plain", "gone", "b", "c", "a"]
