"""``python -m articles review``: decisions outlive the index; rules; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.auth.roles import User
from articles.decide import record_decision
from articles.index import index_path, sync_index
from articles.query import Filters, query_page
from articles.review.model import new_decision
from articles.review.store import decisions_path, read_decisions
from tests.articles.conftest import SEED_2, FakeLinker, forget_index

P2 = f"{SEED_2}#p2"  # "Soon after the Taliban's takeover of Kabul, ..."
NEW_DOC = (
    "---\nid: later-one\ntitle: Later\npublished: 2025-06-01\n---\n\n"
    "After the takeover of Kabul the border closed.\n\nTalks in Kabul resumed.\n"
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv, linker=FakeLinker())
    out, err = capsys.readouterr()
    return code, out, err


def _kabul_passages() -> list[str]:
    page = query_page(Filters(feature="kabul"), limit=100, index=index_path())
    return [h.passage_id for h in page.hits]


@pytest.fixture
def synced(corpus: Path) -> Path:
    sync_index(corpus, index_path(), FakeLinker())
    return corpus


def test_reject_survives_deleting_the_index(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert P2 in _kabul_passages()
    code, out, _ = _run(["review", "reject", P2, "kabul", "--by", "alice",
                         "--note", "test"], capsys)  # fmt: skip
    assert code == 0
    assert out.startswith("d-")
    assert "reject feature kabul" in out
    assert P2 not in _kabul_passages()  # immediate: the command synced
    forget_index(index_path())
    sync_index(synced, index_path(), FakeLinker())
    assert P2 not in _kabul_passages()
    assert _kabul_passages()  # the other passages naming Kabul stay


@pytest.mark.usefixtures("synced")
def test_everywhere_rule_holds_for_an_article_ingested_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["review", "reject", P2, "kabul", "--everywhere",
                         "--phrase", "takeover of Kabul"], capsys)  # fmt: skip
    assert code == 0, err
    kabul = _kabul_passages()
    assert P2 not in kabul
    assert f"{SEED_2}#p10" not in kabul
    assert f"{SEED_2}#p5" in kabul
    source = tmp_path / "later.md"
    source.write_text(NEW_DOC)
    assert _run(["ingest", str(source)], capsys)[0] == 0
    later = [p for p in _kabul_passages() if p.startswith("later-one")]
    assert later == ["later-one#p2"]  # "Talks in Kabul", not "takeover of Kabul"


def test_undo_brings_the_link_back_and_keeps_history(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(["review", "reject", P2, "kabul", "--json"], capsys)
    decision_id = json.loads(out)["decisions"][0]["id"]
    code, out, _ = _run(["review", "undo", decision_id], capsys)
    assert code == 0
    assert f"undo {decision_id}" in out
    assert P2 in _kabul_passages()
    assert len(decisions_path(synced).read_text().splitlines()) == 2
    code, _, err = _run(["review", "undo", decision_id], capsys)
    assert code == 2
    assert "already undone" in err


@pytest.mark.usefixtures("synced")
def test_add_writes_a_link_marked_added(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["review", "add", P2, "tajikistan", "--span", "0:4",
                           "--json"], capsys)  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["decisions"][0]["span"] == [0, 4]
    page = query_page(Filters(feature="tajikistan"), limit=100, index=index_path())
    hit = next(h for h in page.hits if h.passage_id == P2)
    assert [(k.how, k.spans) for k in hit.features if k.id == "tajikistan"] == [
        ("added", ((0, 4),))
    ]


@pytest.mark.usefixtures("synced")
def test_list_json_gives_history_and_trust(capsys: pytest.CaptureFixture[str]) -> None:
    _run(["review", "confirm", P2, "kabul", "--by", "bob"], capsys)
    _run(["review", "reject", f"{SEED_2}#p10", "kabul", "--by", "bob"], capsys)
    code, out, _ = _run(["review", "list", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert [d["action"] for d in data["decisions"]] == ["confirm", "reject"]
    assert data["trust"]["kabul"] == [1, 2]
    code, out, _ = _run(["review", "list"], capsys)
    assert "1 of 2 reviewed links to kabul were right" in out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["review", "reject", "nope#p1", "kabul"], "unknown passage id"),
        (["review", "reject", P2, "atlantis"], "unknown target id"),
        (["review", "confirm", P2, "beijing"], "has no link to"),
        (["review", "add", P2, "kabul", "--span", "5:99999"], "outside passage"),
        (["review", "add", P2, "kabul", "--span", "9:3"], "outside passage"),
        (["review", "add", P2, "kabul", "--span", "x"], "START:END"),
        (["review", "undo", "d-0000000000"], "unknown decision id"),
        (["review", "reject", P2, "kabul", "--everywhere", "--phrase", "zzz"],
         "does not contain"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line_and_decides_nothing(
    synced: Path, capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert reason in err
    assert err.count("\n") == 1
    assert not decisions_path(synced).exists() or not decisions_path(synced).read_text()


def test_changed_decisions_file_rewrites_only_that_article(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["review", "reject", P2, "kabul"], capsys)
    path = decisions_path(synced)
    text = path.read_text()
    path.write_text("")  # e.g. a version-control revert of the decisions
    report = sync_index(synced, index_path(), FakeLinker())
    assert report.updated == (SEED_2,)
    assert P2 in _kabul_passages()
    path.write_text(text)
    assert sync_index(synced, index_path(), FakeLinker()).updated == (SEED_2,)
    assert sync_index(synced, index_path(), FakeLinker()).updated == ()


@pytest.mark.usefixtures("synced")
def test_fixture_exports_verdicts_with_what_the_linker_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["review", "confirm", P2, "kabul", "--by", "bob"], capsys)
    _run(["review", "reject", f"{SEED_2}#p10", "kabul", "--by", "bob"], capsys)
    out = tmp_path / "cases.json"
    code, said, _ = _run(["review", "fixture", "--out", str(out)], capsys)
    assert code == 0
    assert said.startswith("2 reviewed links")
    cases = json.loads(out.read_text())["cases"]
    assert [(c["passage"], c["verdict"], c["linked"]) for c in cases] == [
        (f"{SEED_2}#p10", "rejected", True),  # the fake linker names every Kabul
        (P2, "confirmed", True),
    ]
    assert "takeover of Kabul" in cases[1]["text"]


def test_reject_survives_a_relink_and_a_reingest_of_the_same_content(
    synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["review", "reject", P2, "kabul"], capsys)[0] == 0
    report = sync_index(synced, index_path(), FakeLinker(fingerprint="fake-2"))
    assert report.rebuilt is None  # same schema: the new linker re-links everything
    assert SEED_2 in report.added or SEED_2 in report.updated
    assert P2 not in _kabul_passages()
    saved = tmp_path / f"{SEED_2}.md"
    (synced / f"{SEED_2}.md").rename(saved)
    sync_index(synced, index_path(), FakeLinker())
    assert not any(p.startswith(SEED_2) for p in _kabul_passages())
    assert _run(["ingest", str(saved)], capsys)[0] == 0
    kabul = _kabul_passages()
    assert f"{SEED_2}#p5" in kabul
    assert P2 not in kabul


def test_a_broken_line_loses_only_its_own_decision(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["review", "reject", P2, "kabul"], capsys)
    with decisions_path(synced).open("a") as f:
        f.write("<<<<<<< HEAD\n")  # a merge conflict left in the file
    report = sync_index(synced, index_path(), FakeLinker())
    assert report.errors == (
        "decision not applied: decisions.jsonl line 2: not a decision: '<<<<<<< HEAD'",
    )
    assert P2 not in _kabul_passages()
    forget_index(index_path())
    sync_index(synced, index_path(), FakeLinker())
    assert P2 not in _kabul_passages()


def test_analyst_name_comes_from_the_environment(
    synced: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLES_ANALYST", "Dana Analyst")
    _run(["review", "confirm", P2, "kabul"], capsys)
    (line,) = decisions_path(synced).read_text().splitlines()
    assert json.loads(line)["by"] == "Dana Analyst"


def test_a_decision_records_the_signed_in_user_and_a_reader_is_refused(
    synced: Path,
) -> None:
    d = new_decision("reject", P2, "kabul", "feature", "spoofed")
    with pytest.raises(PermissionError, match="may not review"):
        record_decision(d, synced, linker=FakeLinker(), user=User("rita", "reader"))
    assert read_decisions(synced) == ()
    done = record_decision(d, synced, linker=FakeLinker(), user=User("ed", "editor"))
    assert read_decisions(synced) == (done,)
    assert done.by == "ed"
    assert P2 not in _kabul_passages()
