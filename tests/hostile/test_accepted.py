"""Odd but harmless files are accepted, cleaned: short file names, no bidi tricks."""

from __future__ import annotations

import codecs
import re

from articles.corpus import parse_article
from articles.ingest import ingest_bytes
from articles.limits import MAX_ID_CHARS
from tests.hostile.files import BODY, front
from tests.hostile.test_cli import run_cli

#: A name valid on Linux, macOS and Windows: no reserved characters, no trailing
#: dot or space, not a reserved device name, under 255 bytes.
PORTABLE = re.compile(r"^(?!(?:con|prn|aux|nul|com\d|lpt\d)\.)[a-z0-9-]{1,80}\.md$")


def test_one_300_character_word_title_gets_a_short_file_name(synced, tmp_path):
    corpus, _ = synced
    source = tmp_path / "long.md"
    source.write_bytes(front("title: " + "w" * 300 + "\npublished: 2025-01-02"))
    proc = run_cli("ingest", str(source))
    assert proc.returncode == 0, proc.stderr
    added = sorted(p.name for p in corpus.glob("2025-01-w*.md"))
    assert len(added) == 1
    assert PORTABLE.match(added[0])
    assert len(added[0]) <= MAX_ID_CHARS + 3


def test_reserved_or_overlong_ids_are_replaced(synced):
    corpus, index = synced
    for given in ("con", "lpt1", "a" * 81):
        fields = f"id: {given}\ntitle: Reserved {given}\npublished: 2025-01-02"
        data = front(fields, f"{BODY}Filed as {given}.\n")
        result = ingest_bytes(f"{given}.md", data, corpus, index)
        assert result.status == "added"
        assert result.path is not None
        assert PORTABLE.match(result.path.name), result.path.name


def test_control_and_bidi_characters_are_stripped_from_metadata(synced):
    corpus, index = synced
    title = "Kabul\u202e txet desrever\u2066 \\abell\\e[31m red"  # YAML escapes
    data = front(
        f'title: "{title}"\nauthor: "A. Writer\\r@SUM(1+1)"\npublished: 2025-01-02'
    )
    result = ingest_bytes("bidi.md", data, corpus, index)
    assert result.path is not None
    article = parse_article(result.path.read_text(encoding="utf-8"), "x")
    assert article.title == "Kabul txet desrever bell[31m red"
    assert article.author == "A. Writer @SUM(1+1)"
    stored = result.path.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", stored)


def test_utf16_article_is_read(synced):
    corpus, index = synced
    text = "Title: Wakhan notes\n\nPublished 2 January 2025.\n\n" + BODY * 3
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    result = ingest_bytes(
        "u16.txt", data, corpus, index, title="Wakhan notes", published="2025-01-02"
    )
    assert result.status == "added"
