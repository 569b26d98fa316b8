"""Evidence in a real browser: click a feature, filter by actor, share a link, embed."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from articles.actors import expand_members, load_actors
from articles.query import Filters, Page, query_page
from tests.browser.conftest import (
    ARTIFACTS,
    DRAW_TIMEOUT_MS,
    MAP_IFRAME,
    choose_option,
    click_map,
    find_multiselect,
    find_wakhan_point,
    save_tall_screenshot,
    wait_for_map,
)

pytestmark = pytest.mark.browser

JANUARY = "2025-01-pakistan-ambition-invade-wakhan"
JANUARY_TITLE = "Pakistan's Ambition to Invade Wakhan Corridor"
CARD = ".pp-card"
WAIT_MS = 30_000
PER_PAGE = 10
CLICK_TO_EVIDENCE_BOUND_S = 15.0


def _expected(live_app, **filters) -> Page:
    """What the app's own index says the view holds, best first (read-only)."""
    return query_page(Filters(**filters), limit=1000, index=live_app.index)


def _label(hit) -> str:
    """How a card cites its passage: ``¶n``, or ``title`` / ``heading``."""
    return f"¶{hit.n}" if hit.kind == "body" else hit.kind


def _first_page(expected: Page) -> list[tuple[str, str]]:
    """(title, label) of the first page the panel shows: best first."""
    return [(h.title, _label(h)) for h in expected.hits[:PER_PAGE]]


def _shown(page) -> list[tuple[str, str]]:
    """(title, label) cited by the visible passage cards, in display order."""
    out = []
    for cite in page.locator(f"{CARD} .pp-cite").all():
        title = cite.locator("cite").inner_text()
        label = re.search(r"¶\d+|\btitle\b|\bheading\b", cite.inner_text())
        out.append((title, label.group() if label else ""))
    return out


def _card_texts(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(CARD).all_inner_texts()]


def _wait_for_count(page, expected: Page) -> None:
    """Wait for the panel to say "... of N passages" and show the first page."""
    n = expected.total
    caption = re.compile(rf"^1(-\d+)? of {n:,} passage{'s' if n != 1 else ''} in ")
    counts = page.get_by_test_id("stCaptionContainer").filter(has_text=caption)
    expect(counts).to_be_visible(timeout=WAIT_MS)
    shown = min(expected.groups, PER_PAGE)
    expect(page.locator(CARD)).to_have_count(shown, timeout=WAIT_MS)


def _chips(page, label: str) -> list[str]:
    return find_multiselect(page, label).locator("[data-tag]").all_inner_texts()


def _ttp_names() -> list[str]:
    """Every name of TTP and of its members (choosing TTP includes its members)."""
    ids = expand_members(["ttp"])
    names: list[str] = []
    for actor in load_actors():
        if actor.id in ids:
            names += [actor.name, *actor.aliases, *actor.case_sensitive]
    return names


def _names_ttp(text: str, names: list[str]) -> bool:
    folded = text.casefold().replace("-", " ")
    return any(name.casefold().replace("-", " ") in folded for name in names)


def _assert_only_ttp(page) -> None:
    """Every card names TTP (or a member) and has one of those names highlighted."""
    names = _ttp_names()
    cards = page.locator(CARD)
    assert cards.count() > 0
    for i in range(cards.count()):
        card = cards.nth(i)
        assert _names_ttp(card.locator(".pp-text").inner_text(), names), i
        marks = card.locator(".pp-text mark").all_inner_texts()
        assert any(_names_ttp(m, names) for m in marks), marks


def test_click_on_wakhan_lists_january_passages_with_citations(page, live_app) -> None:
    page.goto(live_app.url, wait_until="domcontentloaded")
    wait_for_map(page)
    expect(page.get_by_text("to read the passages that discuss it")).to_be_visible()
    assert page.locator(CARD).count() == 0
    lat, lng = find_wakhan_point()
    start = time.monotonic()
    click_map(page, lat, lng)
    page.locator(CARD).first.wait_for(state="visible", timeout=WAIT_MS)
    elapsed = time.monotonic() - start
    print(f"\nclick on Wakhan to first passage visible: {elapsed:.2f} s")
    assert elapsed < CLICK_TO_EVIDENCE_BOUND_S

    expected = _expected(live_app, feature="wakhan-corridor")
    january = [
        h.n for h in expected.hits if h.article_id == JANUARY and h.kind == "body"
    ]
    assert len(january) >= 3
    _wait_for_count(page, expected)
    expect(page.get_by_text("Evidence: Wakhan Corridor")).to_be_visible()
    shown = _shown(page)
    assert shown == _first_page(expected)
    on_page = [
        _label(h) for h in expected.hits[:PER_PAGE]
        if h.article_id == JANUARY and h.kind == "body"
    ]  # fmt: skip
    paragraphs = [n for t, n in shown if t == JANUARY_TITLE and n.startswith("¶")]
    assert sorted(paragraphs) == sorted(on_page)
    cites = page.locator(f"{CARD} .pp-cite").filter(has_text=JANUARY_TITLE)
    first = expected.hits[:PER_PAGE]
    expect(cites).to_have_count(len([h for h in first if h.article_id == JANUARY]))
    for cite in cites.all_inner_texts():
        assert re.search(
            rf"^{re.escape(JANUARY_TITLE)} · Taut Bataut · 2025-01-23 · "
            r"(¶\d+|title|heading) · www\.afgazad\.com$",
            " ".join(cite.split()),
        ), cite
    malik = page.locator(CARD).filter(has_text="Lt. General Asim Malik")
    expect(malik).to_have_count(1)
    marks = malik.locator(".pp-text mark").all_inner_texts()
    assert "Wakhan Corridor" in marks
    expect(malik.locator(".pp-badge")).to_contain_text(["named"])
    for i in range(page.locator(CARD).count()):
        card_marks = page.locator(CARD).nth(i).locator("mark").all_inner_texts()
        assert any("wakhan" in m.casefold() for m in card_marks), card_marks
    frame = page.frame_locator(MAP_IFRAME)
    frame.locator("path.is-selected").wait_for(
        state="attached", timeout=DRAW_TIMEOUT_MS
    )
    print(f"screenshot: {save_tall_screenshot(page, 'evidence-wakhan.png')}")
    page.traffic.assert_clean(live_app.host)


def test_actor_widget_ttp_keeps_only_passages_naming_ttp(page, live_app) -> None:
    page.goto(f"{live_app.url}/?feature=afghanistan", wait_until="domcontentloaded")
    page.locator(CARD).first.wait_for(state="visible", timeout=WAIT_MS)  # index built
    _wait_for_count(page, _expected(live_app, feature="afghanistan"))
    expected = _expected(live_app, feature="afghanistan", actors=("ttp",))
    assert expected.total
    choose_option(page, "Actors", "TTP", "TTP - Tehreek-e-Taliban Pakistan")
    _wait_for_count(page, expected)
    _assert_only_ttp(page)
    assert _shown(page) == _first_page(expected)
    page.traffic.assert_clean(live_app.host)


def test_actor_in_url_ttp_keeps_only_passages_naming_ttp(page, live_app) -> None:
    page.goto(
        f"{live_app.url}/?actor=ttp&feature=afghanistan", wait_until="domcontentloaded"
    )
    page.locator(CARD).first.wait_for(state="visible", timeout=WAIT_MS)  # index built
    expected = _expected(live_app, feature="afghanistan", actors=("ttp",))
    _wait_for_count(page, expected)
    chips = find_multiselect(page, "Actors").locator("[data-tag]")
    expect(chips.filter(has_text="TTP")).to_have_count(1, timeout=WAIT_MS)
    _assert_only_ttp(page)
    assert _shown(page) == _first_page(expected)
    expect(page.get_by_text("Some link parameters were ignored")).to_have_count(0)
    page.traffic.assert_clean(live_app.host)


def _read_view(page) -> dict[str, object]:
    """What a person sees of the view: heading, actors, date mode, passages."""
    mode = page.get_by_test_id("stSidebar").get_by_role("radio", checked=True)
    return {
        "heading": page.get_by_text(re.compile(r"^Evidence: ")).inner_text(),
        "actors": _chips(page, "Actors"),
        "datemode": mode.first.evaluate("e => e.closest('label').innerText"),
        "passages": _card_texts(page),
    }


def test_copied_link_reopens_the_same_view(page, new_page, live_app) -> None:
    page.goto(live_app.url, wait_until="domcontentloaded")
    wait_for_map(page)
    click_map(page, *find_wakhan_point())
    page.locator(CARD).first.wait_for(state="visible", timeout=WAIT_MS)
    choose_option(page, "Actors", "ISI", "ISI - Inter-Services Intelligence")
    page.get_by_test_id("stSidebar").get_by_text("Event dates").click()
    expected = _expected(
        live_app, feature="wakhan-corridor", actors=("isi",), datemode="events"
    )
    _wait_for_count(page, expected)
    expect(page.get_by_role("radio", name="Event dates")).to_be_checked()
    assert _shown(page) == _first_page(expected)
    malik = page.locator(CARD).filter(has_text="Asim Malik")
    marks = malik.locator("mark").all_inner_texts()
    assert "Lt. General Asim Malik" in marks  # ISI includes its member Asim Malik
    before = _read_view(page)

    page.get_by_role("button", name="Copy link").click()
    code = page.get_by_test_id("stCode").locator("code")
    code.wait_for(state="visible", timeout=WAIT_MS)
    link = code.inner_text().strip()
    print(f"\ncopied link: {link}")
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == live_app.url
    assert parts.path == "/"
    assert parse_qs(parts.query) == {
        "feature": ["wakhan-corridor"],
        "actor": ["isi"],
        "datemode": ["events"],
    }
    page.traffic.assert_clean(live_app.host)

    fresh = new_page()
    fresh.goto(link, wait_until="domcontentloaded")
    _wait_for_count(fresh, expected)
    wait_for_map(fresh)
    assert _read_view(fresh) == before
    expect(
        fresh.get_by_role("heading", name="Wakhan Corridor", exact=True)
    ).to_be_visible()
    fresh.frame_locator(MAP_IFRAME).locator("path.is-selected").wait_for(
        state="attached", timeout=DRAW_TIMEOUT_MS
    )
    fresh.traffic.assert_clean(live_app.host)


def test_embed_shows_map_and_evidence_without_chrome(page, live_app) -> None:
    page.goto(
        f"{live_app.url}/?embed=true&feature=wakhan-corridor",
        wait_until="domcontentloaded",
    )
    wait_for_map(page)
    expected = _expected(live_app, feature="wakhan-corridor")
    _wait_for_count(page, expected)
    expect(page.get_by_text("Evidence: Wakhan Corridor")).to_be_visible()
    assert _shown(page) == _first_page(expected)
    assert page.get_by_test_id("stSidebar").count() == 0
    assert page.get_by_test_id("stSidebarCollapsedControl").count() == 0
    assert page.locator("h1").count() == 0
    expect(page.get_by_test_id("stToolbar")).to_have_count(0)
    assert page.get_by_role("button", name="Copy link").count() == 0
    assert page.get_by_text("Add an article").count() == 0
    expect(page.locator(MAP_IFRAME)).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "evidence-embed.png"))
    page.traffic.assert_clean(live_app.host)
