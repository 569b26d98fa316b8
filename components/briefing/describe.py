"""The view stated in words: filters, selection and citations as plain text."""

from __future__ import annotations

from articles.query import Filters, Hit
from components.briefing.model import Briefing


def describe_filters(briefing: Briefing) -> list[tuple[str, str]]:
    """State the view's selection and filters as (label, words) pairs.

    Parameters
    ----------
    briefing : Briefing
        The exported view.

    Returns
    -------
    list of tuple of str
        Plain text (not escaped), in a fixed order, one pair per filter.
    """
    f = briefing.filters
    feature, actors = f.feature, f.actors
    return [
        ("Selected feature", _name_feature(briefing, feature) if feature else "none"),
        (
            "Actors",
            ", ".join(f"{briefing.actors.get(a, a)} ({a})" for a in actors)
            + " (organisations include their members)"
            if actors
            else "any",
        ),
        ("Dates", _describe_dates(f)),
        ("Text search", f"\u201c{f.q}\u201d" if f.q else "none"),
        ("Articles", _describe_articles(f)),
        ("Map layers", ", ".join(briefing.kinds) if briefing.kinds else "all"),
    ]


def describe_caption(briefing: Briefing) -> str:
    """Return the filters as one line for a map caption (plain text)."""
    return "; ".join(f"{label}: {words}" for label, words in describe_filters(briefing))


def describe_title(briefing: Briefing) -> str:
    """Return the briefing's title: the selected feature's name, else the region."""
    feature = briefing.selected
    if feature:
        return f"Briefing: {briefing.feature_name(feature)}"
    return "Briefing: Afghanistan, Pakistan and their neighbours"


def cite_hit(hit: Hit) -> str:
    """Format a passage's citation: author, title, date, paragraph (source apart)."""
    author = hit.author or "Unknown author"
    heading = f", section \u201c{hit.heading}\u201d" if hit.heading else ""
    return (
        f"{author}, \u201c{hit.title}\u201d, {hit.published.isoformat()}, "
        f"paragraph {hit.n}{heading} ({hit.passage_id})"
    )


def _name_feature(briefing: Briefing, feature_id: str) -> str:
    return f"{briefing.feature_name(feature_id)} ({feature_id})"


def _describe_dates(f: Filters) -> str:
    start, end, mode = f.date_from, f.date_to, f.datemode
    what = "dates of events the passages mention" if mode == "events" else "published"
    if start is None and end is None:
        return "any date"
    if start is not None and end is not None:
        return f"{what} from {start.isoformat()} to {end.isoformat()}"
    if start is not None:
        return f"{what} on or after {start.isoformat()}"
    return f"{what} on or before {end!s}"


def _describe_articles(f: Filters) -> str:
    articles = f.articles
    if articles is None:
        return "all"
    return ", ".join(articles) if articles else "none"
