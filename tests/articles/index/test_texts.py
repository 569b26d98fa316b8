"""Packed passage texts: zstd against a dictionary the index trains and keeps."""

from __future__ import annotations

import json
import pickle
import zlib
from pathlib import Path

import pytest
import zstandard

from articles.backends import Connection
from articles.index import sync_index
from articles.index.single import index_file
from articles.index.store import backend_for
from articles.index.texts import (
    TRAIN_MIN,
    TextPacker,
    index_packer,
    store_dictionary,
    stored_dictionary,
    train,
    unpack_article,
)
from articles.query import Filters, query_page, query_passages
from tests.articles.conftest import FakeLinker, forget_index

TEXTS = [
    "Taliban officials met in Kabul; the Wakhan Corridor was discussed.",
    "بدخشان — واخان",  # Persian, right to left
    'Line two "quoted" with a backslash \\ and a tab\t.',
    "",
]


def _doc(n: int) -> str:
    """A distinct article of a corpus that shares its phrasing (as a beat does)."""
    return (
        f"---\nid: art-{n:04d}\ntitle: Report {n}\n"
        f"published: 2024-0{1 + n % 9}-1{n % 9}\n---\n\n"
        f"Pakistan and the Taliban government traded accusations over the Durand "
        f"Line on day {n}, officials in Kabul and Islamabad said.\n\n"
        f"In the Wakhan Corridor, convoy {n * 7} crossed towards Badakhshan as "
        "talks on border security continued in Doha.\n"
    )


@pytest.fixture
def samples() -> list[bytes]:
    return [_doc(n).encode() for n in range(TRAIN_MIN)]


def _con(tmp_path: Path) -> Connection:
    """An empty index of the current schema (SQLite)."""
    index = tmp_path / "index.sqlite"
    con, _ = backend_for(index).open_writer()
    return con


def test_round_trip_without_a_dictionary(tmp_path: Path) -> None:
    con = _con(tmp_path)
    dates = [[[0, 7, "Taliban", "2025-01-01", "day", 45656, 45656, ""]], [], [], []]
    blob = TextPacker().pack(TEXTS, ["Heading one", "بدخشان"], dates)
    assert blob[:4] == b"\x28\xb5\x2f\xfd"  # a zstd frame
    packed = unpack_article(con, blob)
    assert packed.texts == TEXTS
    assert packed.headings == ["Heading one", "بدخشان"]
    assert packed.dates == dates
    assert packed.dates_of(0) == dates[0]
    assert packed.dates_of(9) == []
    assert packed.heading(1) == "بدخشان"
    assert packed.heading(None) == packed.heading(2) == packed.heading(-1) == ""


def test_round_trip_with_the_stored_dictionary(
    tmp_path: Path, samples: list[bytes]
) -> None:
    con = _con(tmp_path)
    dictionary = train(samples)
    assert dictionary is not None
    store_dictionary(con, dictionary)
    packer = TextPacker(dictionary)
    texts = [_doc(999), *TEXTS]
    blob = packer.pack(texts)
    plain = TextPacker().pack(texts)
    assert len(blob) < len(plain)  # the dictionary is what makes it smaller
    assert zstandard.get_frame_parameters(blob).dict_id == (
        zstandard.ZstdCompressionDict(dictionary).dict_id()
    )
    assert unpack_article(con, blob).texts == texts


def test_a_text_whose_dictionary_is_gone_says_so(
    tmp_path: Path, samples: list[bytes]
) -> None:
    dictionary = train(samples)
    assert dictionary is not None
    blob = TextPacker(dictionary).pack(TEXTS)
    with pytest.raises(ValueError, match="lost the dictionary"):
        unpack_article(_con(tmp_path), blob)


def test_a_dictionary_is_read_once_per_index(
    tmp_path: Path, samples: list[bytes]
) -> None:
    """Each query opens a connection: the dictionary read by the first serves all."""
    dictionary = train(samples)
    assert dictionary is not None
    first, other = _con(tmp_path), _con(tmp_path / "other")
    store_dictionary(first, dictionary)
    blob = TextPacker(dictionary).pack(TEXTS)
    assert unpack_article(first, blob).texts == TEXTS
    first.close()
    again = backend_for(tmp_path / "index.sqlite").connect(readonly=True)
    read: list[str] = []
    again.set_trace_callback(read.append)  # type: ignore[attr-defined]
    assert unpack_article(again, blob).texts == TEXTS
    assert not [sql for sql in read if "text_dicts" in sql]
    with pytest.raises(ValueError, match="lost the dictionary"):
        unpack_article(other, blob)  # another index is not trusted with it


def test_zlib_texts_of_older_indexes_stay_readable(tmp_path: Path) -> None:
    blob = zlib.compress(json.dumps(TEXTS, ensure_ascii=False).encode(), 9)
    assert unpack_article(_con(tmp_path), blob) == (TEXTS, [], [])


def test_packer_pickles_as_its_dictionary(samples: list[bytes]) -> None:
    packer = TextPacker(train(samples))
    packer.pack(TEXTS)  # builds its compressor, which does not pickle
    copy = pickle.loads(pickle.dumps(packer))
    assert copy.dictionary == packer.dictionary
    assert copy.pack(TEXTS) == packer.pack(TEXTS)


def test_too_few_samples_train_nothing() -> None:
    assert train([b"one short text"] * 5) is None
    assert train([]) is None


def test_index_packer_trains_once_and_keeps_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = [f"art-{n:04d}.md" for n in range(TRAIN_MIN)]
    for n, name in enumerate(names):
        (corpus / name).write_text(_doc(n), encoding="utf-8")
    con = _con(tmp_path)
    assert index_packer(con, corpus, names[:-1]).dictionary is None  # too few
    assert stored_dictionary(con) is None
    first = index_packer(con, corpus, names).dictionary
    assert first is not None
    assert stored_dictionary(con) == first
    (corpus / names[0]).write_text("changed", encoding="utf-8")
    assert index_packer(con, corpus, names).dictionary == first
    assert con.execute("SELECT count(*) FROM text_dicts").fetchone()[0] == 1


def test_unreadable_samples_are_left_out(tmp_path: Path) -> None:
    """Files that vanished or cannot be read are skipped, not fatal."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = [f"art-{n:04d}.md" for n in range(TRAIN_MIN)]
    for n, name in enumerate(names[: TRAIN_MIN // 2 + 5]):
        (corpus / name).write_text(_doc(n), encoding="utf-8")
    (corpus / names[-1]).mkdir()  # not a regular file
    assert index_packer(_con(tmp_path), corpus, names).dictionary is not None


def test_a_corpus_that_reaches_the_threshold_trains_at_its_next_sync(
    tmp_path: Path, index: Path, fake_linker: FakeLinker
) -> None:
    """Grown a few files at a time, the corpus gets its dictionary once it is
    large enough; the articles written before stay readable."""
    corpus = tmp_path / "grown"
    corpus.mkdir()
    for n in range(TRAIN_MIN - 1):
        (corpus / f"art-{n:04d}.md").write_text(_doc(n), encoding="utf-8")
    sync_index(corpus, index, fake_linker)
    con = backend_for(index).connect(readonly=True)
    assert stored_dictionary(con) is None
    con.close()
    (corpus / "art-9999.md").write_text(_doc(9999), encoding="utf-8")
    sync_index(corpus, index, fake_linker)
    con = backend_for(index).connect(readonly=True)
    assert stored_dictionary(con) is not None
    con.close()
    assert len(query_passages(Filters(q="convoy"), index)) == TRAIN_MIN


@pytest.mark.usefixtures("backend")
def test_a_large_sync_trains_and_every_text_reads_back(
    tmp_path: Path, index: Path, fake_linker: FakeLinker
) -> None:
    corpus = tmp_path / "big"
    corpus.mkdir()
    for n in range(TRAIN_MIN + 10):
        (corpus / f"art-{n:04d}.md").write_text(_doc(n), encoding="utf-8")
    sync_index(corpus, index, fake_linker)
    con = backend_for(index).connect(readonly=True)
    try:
        assert con.execute("SELECT count(*) FROM text_dicts").fetchone()[0] == 1
        ids = {
            zstandard.get_frame_parameters(bytes(blob)).dict_id
            for (blob,) in con.execute("SELECT text FROM article_texts")
        }
    finally:
        con.close()
    assert len(ids) == 1  # every article uses the dictionary
    assert 0 not in ids
    assert query_page(Filters(q="convoy"), index=index).total == TRAIN_MIN + 10
    assert {h.text for h in query_passages(Filters(q="convoy"), index)} == {
        _doc(n).split("\n\n")[2].strip() for n in range(TRAIN_MIN + 10)
    }
    # an article ingested later is packed with the same dictionary
    (corpus / "late.md").write_text(_doc(5000).replace("art-5000", "late"), "utf-8")
    index_file(corpus, index, corpus / "late.md", fake_linker)
    late = query_passages(Filters(q="convoy 35000"), index)
    assert [h.text for h in late] == [_doc(5000).split("\n\n")[2].strip()]
    # a rebuild (another linker) trains afresh on the corpus it indexes
    forget_index(index)
    sync_index(corpus, index, fake_linker)
    con = backend_for(index).connect(readonly=True)
    try:
        assert con.execute("SELECT count(*) FROM text_dicts").fetchone()[0] == 1
    finally:
        con.close()
