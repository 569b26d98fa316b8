"""Feeds: RSS 2.0 and Atom served from 127.0.0.1, duplicates, unreachable links."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.feeds import FeedError, read_feed
from articles.query import find_articles_by_url
from tests.articles.conftest import FakeLinker, snapshot

PAGE = """<html><head><title>Torkham reopens</title></head><body><article>
<h1>Torkham reopens</h1><p>Trade resumed at the Torkham crossing on Saturday after
talks between Pakistani and Afghan officials, traders said, and hundreds of trucks
crossed before noon.</p></article></body></html>"""


def _rss(base: str) -> str:
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Frontier Wire</title><link>{base}</link><description>d</description>
<item><title>Clash at Chaman</title><link>{base}/chaman</link>
<dc:creator>Sana Qureshi</dc:creator><pubDate>Fri, 14 Mar 2025 09:00:00 GMT</pubDate>
<description>Short.</description>
<content:encoded><![CDATA[<p>Forces exchanged fire at Chaman on Thursday, officials
said.</p><p>The crossing stayed shut overnight.</p>]]></content:encoded></item>
<item><title>Torkham reopens</title><link>{base}/torkham.html</link>
<pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate>
<description>Trade resumed at Torkham.</description></item>
<item><title>Kurram talks</title><link>{base}/gone</link>
<pubDate>Sun, 16 Mar 2025 10:00:00 GMT</pubDate>
<description>Elders from Kurram met officials in Parachinar.</description></item>
<item><title>Clash at Chaman (again)</title><link>{base}/chaman</link>
<pubDate>Fri, 14 Mar 2025 09:00:00 GMT</pubDate><description>Same.</description>
</item>
</channel></rss>"""


def _atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kabul Desk</title>
<id>urn:x</id><updated>2025-03-17T00:00:00Z</updated>
<entry><title>Khost meeting</title><link href="{base}/khost"/><id>urn:1</id>
<updated>2025-03-17T08:00:00Z</updated><author><name>Ali Rahimi</name></author>
<content type="html">&lt;p&gt;Officials met in Khost on Monday to discuss the
border, residents said.&lt;/p&gt;</content></entry>
<entry><title>Clash at Chaman</title><link href="{base}/chaman"/><id>urn:2</id>
<updated>2025-03-14T09:00:00Z</updated><summary>Already held.</summary></entry>
</feed>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """Serve ``tmp_path/site`` on 127.0.0.1 (a free port), with a feed and a page."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "torkham.html").write_text(PAGE)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "rss.xml").write_text(_rss(base))
    (root / "atom.xml").write_text(_atom(base))
    (root / "bad.xml").write_text("<rss version='2.0'><channel><item><title>x")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        with contextlib.suppress(RuntimeError):
            thread.join(5)


def _ingest(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["ingest", *argv, "--json"], linker=FakeLinker())
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.usefixtures("corpus")
def test_rss_entries_added_page_fetched_unreachable_said_duplicate_skipped(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = _ingest(["--feed", f"{site}/rss.xml"], capsys)
    assert code == 0
    assert data["counts"] == {"added": 3, "duplicate": 1, "refused": 0}
    rows = {r["title"] if "title" in r else r["file"]: r for r in data["results"]}
    assert rows["Torkham reopens"]["status"] == "added"
    gone = rows["Kurram talks"]
    assert "linked page not reachable (HTTP 404)" in gone["note"]
    assert data["results"][3]["duplicate_of"] == rows["Clash at Chaman"]["id"]


@pytest.mark.usefixtures("corpus")
def test_entry_fields_and_fetched_page_text_reach_the_corpus(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, data = _ingest(["--feed", f"{site}/rss.xml"], capsys)
    chaman = next(r for r in data["results"] if r.get("title") == "Clash at Chaman")
    text = Path(chaman["path"]).read_text()
    assert "author: Sana Qureshi" in text
    assert "published: '2025-03-14'" in text or "published: 2025-03-14" in text
    assert f"url: {site}/chaman" in text
    assert "source: Frontier Wire" in text
    index = Path(os.environ["ARTICLES_INDEX_PATH"])
    held = find_articles_by_url(index, {f"{site}/chaman"})
    assert held == {f"{site}/chaman": chaman["id"]}  # citations show the link
    torkham = next(r for r in data["results"] if r.get("title") == "Torkham reopens")
    assert "hundreds of trucks" in Path(torkham["path"]).read_text()


@pytest.mark.usefixtures("corpus")
def test_atom_feed_skips_an_entry_already_held_by_link(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _ingest(["--feed", f"{site}/rss.xml"], capsys)
    code, data = _ingest(["--feed", f"{site}/atom.xml"], capsys)
    assert code == 0
    assert data["counts"] == {"added": 1, "duplicate": 1, "refused": 0}
    assert data["results"][0]["title"] == "Khost meeting"


@pytest.mark.usefixtures("corpus", "site")
def test_feed_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "site" / "atom.xml"
    code, data = _ingest(["--feed", str(feed)], capsys)
    assert (code, data["counts"]["added"]) == (0, 2)


def test_malformed_feed_is_a_clear_error_and_adds_nothing(
    site: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(corpus)
    code = main(["ingest", "--feed", f"{site}/bad.xml"], linker=FakeLinker())
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1
    assert "malformed feed" in err
    assert snapshot(corpus) == before


def test_unreachable_feed_is_a_clear_error(site: str) -> None:
    with pytest.raises(FeedError, match="feed not reachable: HTTP 404"):
        read_feed(f"{site}/missing.xml")
