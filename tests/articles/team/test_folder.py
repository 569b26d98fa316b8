"""Dump and load: the round trip is lossless, loading twice gives one copy."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest

from articles.review.model import new_decision
from articles.review.store import DECISIONS, append_decision, read_decisions
from articles.team import store
from articles.team.folder import dump_folder, load_folder, refresh_mirror
from tests.articles.conftest import REAL_CORPUS, SEED_2
from tests.articles.random_corpus import FILLER, MONTHS, NAMES, write_corpus


def _random_corpus(folder: Path, n: int, rng: random.Random) -> None:
    """``n`` articles of random words, names and dates (each text unique)."""
    words = [*FILLER, *NAMES, *(f"{d} {m} 2024" for d in (3, 17) for m in MONTHS)]
    write_corpus(folder, [
        (dt.date(2024, rng.randint(1, 12), rng.randint(1, 28)),
         [f"Report {i}: " + " ".join(rng.choices(words, k=rng.randint(4, 30))) + "."
          for _ in range(rng.randint(1, 4))])
        for i in range(n)
    ])  # fmt: skip


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".team-version"
    }


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The seeds, a small random corpus and two decisions, in one folder."""
    folder = tmp_path / "source"
    shutil.copytree(REAL_CORPUS, folder)
    _random_corpus(folder, 12, random.Random(15))
    append_decision(folder, new_decision("reject", f"{SEED_2}#p2", "kabul",
                                         "feature", "ana", note="why"))  # fmt: skip
    append_decision(folder, new_decision("confirm", f"{SEED_2}#p5", "kabul",
                                         "feature", "ed"))  # fmt: skip
    return folder


def test_round_trip_is_byte_for_byte(
    team_url: str, source: Path, tmp_path: Path
) -> None:
    con = store.connect(team_url)
    report = load_folder(con, source)
    assert not report.refused
    assert report.decisions_added == 2
    out = tmp_path / "out"
    articles, decisions = dump_folder(con, out)
    assert (articles, decisions) == (len(report.added), 2)
    assert _files(out) == _files(source)
    assert read_decisions(out) == read_decisions(source)


def test_loading_twice_gives_one_copy(team_url: str, source: Path) -> None:
    con = store.connect(team_url)
    first = load_folder(con, source)
    second = load_folder(con, source)
    assert second.added == []
    assert sorted(second.present) == sorted(first.added)
    assert (second.decisions_added, second.decisions_present) == (0, 2)
    (n,) = con.execute("SELECT count(*) FROM corpus_articles").fetchone()
    assert n == len(first.added)


def test_the_same_text_under_another_name_is_a_duplicate(
    team_url: str, source: Path, tmp_path: Path
) -> None:
    con = store.connect(team_url)
    load_folder(con, source)
    other = tmp_path / "other"
    other.mkdir()
    seed = (source / f"{SEED_2}.md").read_text(encoding="utf-8")
    (other / "copy.md").write_text(seed.replace(f"id: {SEED_2}", "id: copy"),
                                   encoding="utf-8")  # fmt: skip
    report = load_folder(con, other)
    assert report.duplicates == [("copy.md", SEED_2)]


def test_a_bad_file_is_refused_and_the_rest_loaded(
    team_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(REAL_CORPUS, folder)
    (folder / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\n\nText.\n")
    report = load_folder(store.connect(team_url), folder)
    assert [line.split(":")[0] for line in report.refused] == ["broken.md"]
    assert len(report.added) == len(list(REAL_CORPUS.glob("*.md")))


def test_the_mirror_follows_the_database(
    team_url: str, source: Path, tmp_path: Path
) -> None:
    con = store.connect(team_url)
    mirror = tmp_path / "mirror"
    assert not refresh_mirror(con, mirror)  # an empty database: nothing to do
    assert not mirror.exists()
    load_folder(con, source)
    assert refresh_mirror(con, mirror)
    assert _files(mirror) == _files(source)
    assert not refresh_mirror(con, mirror)  # nothing new: one query
    d = new_decision("undo", "", read_decisions(source)[0].id, "decision", "ana")
    store.add_decision(con, d)
    assert refresh_mirror(con, mirror)
    assert read_decisions(mirror)[-1] == d
    assert (mirror / DECISIONS).exists()


def test_every_mirror_dates_a_file_alike(team_url: str, tmp_path: Path) -> None:
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    first, second = tmp_path / "m1", tmp_path / "m2"
    refresh_mirror(con, first)
    refresh_mirror(con, second)
    for path in first.glob("*.md"):
        a, b = path.stat(), (second / path.name).stat()
        assert (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns)


STALE = "---\nid: 2025-03-stale\ntitle: Not in this database\n---\n\nOld text.\n"


def test_a_mirror_of_another_database_is_brought_to_this_one(
    team_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder stamped by another database keeps none of its articles, loses none."""
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    mirror = tmp_path / "mirror"
    refresh_mirror(con, mirror)
    (mirror / "2025-03-stale.md").write_text(STALE, encoding="utf-8")
    ident, articles, decisions = (mirror / ".team-version").read_text().split()
    for other in ("1.2", ident + "0"):  # another database, same version numbers
        (mirror / "2025-03-stale.md").write_text(STALE, encoding="utf-8")
        (mirror / ".team-version").write_text(f"{other} {articles} {decisions}\n")
        assert refresh_mirror(con, mirror)
        assert "the database may not hold" in caplog.text
    assert sorted(p.name for p in mirror.glob("*.md")) == sorted(
        p.name for p in REAL_CORPUS.glob("*.md")
    )
    aside = sorted((mirror / ".set-aside").iterdir())  # both copies, never overwritten
    assert [p.name for p in aside] == ["2025-03-stale.1.md", "2025-03-stale.md"]
    assert {p.read_text(encoding="utf-8") for p in aside} == {STALE}
    assert not refresh_mirror(con, mirror)  # now this database's mirror


def test_a_database_restored_to_an_older_state_leaves_no_newer_article(
    team_url: str, source: Path, tmp_path: Path
) -> None:
    con = store.connect(team_url)
    load_folder(con, source)
    mirror = tmp_path / "mirror"
    refresh_mirror(con, mirror)
    before = read_decisions(mirror)
    (newest,) = con.execute(
        "DELETE FROM corpus_articles WHERE seq = (SELECT max(seq) FROM "
        "corpus_articles) RETURNING id"
    ).fetchone()  # as a backup taken before it was stored, restored
    con.execute("DELETE FROM review_decisions WHERE seq = (SELECT max(seq) FROM "
                "review_decisions)")  # fmt: skip
    con.commit()
    assert refresh_mirror(con, mirror)
    assert not (mirror / f"{newest}.md").exists()
    aside = mirror / ".set-aside"
    assert (aside / f"{newest}.md").exists()
    assert read_decisions(aside) == before  # the decision made since: kept aside
    assert read_decisions(mirror) == before[:-1]
    out = tmp_path / "dump"
    dump_folder(con, out)
    assert _files(out).items() <= _files(mirror).items()


def test_an_older_releases_stamp_ahead_of_the_database_is_stale(
    team_url: str, tmp_path: Path
) -> None:
    """A stamp that names no database still tells a database behind it."""
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "2025-03-stale.md").write_text(STALE, encoding="utf-8")
    (mirror / ".team-version").write_text("3 0\n")  # 3 articles: this one has 2
    assert refresh_mirror(con, mirror)
    assert not (mirror / "2025-03-stale.md").exists()
    assert (mirror / ".set-aside" / "2025-03-stale.md").read_text() == STALE


def test_a_folder_never_stamped_keeps_its_files(team_url: str, tmp_path: Path) -> None:
    """A corpus folder indexed beside a database (as the tests do) loses nothing."""
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2025-03-stale.md").write_text(STALE, encoding="utf-8")
    assert refresh_mirror(con, folder)
    assert (folder / "2025-03-stale.md").read_text(encoding="utf-8") == STALE
    assert not (folder / ".set-aside").exists()
    assert len(list(folder.glob("*.md"))) == 1 + len(list(REAL_CORPUS.glob("*.md")))
