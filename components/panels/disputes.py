"""The in-app "Disputed boundaries" note: the lines the map draws that are contested."""

from __future__ import annotations

import streamlit as st

#: (title, one paragraph) per disputed line or area, in the map's west-east order.
DISPUTES: tuple[tuple[str, str], ...] = (
    (
        "Durand Line",
        "Agreed in 1893 between Emir Abdur Rahman Khan and Mortimer Durand for "
        "British India. Pakistan holds it to be the international border; no "
        "Afghan government has formally recognised it, and the Pashtun and "
        "Baloch lands it divides are claimed on both sides.",
    ),
    (
        "Line of Control",
        "The ceasefire line of 1949, redrawn and renamed by the Simla Agreement "
        "of 1972, between the parts of the former princely state of Jammu and "
        "Kashmir held by India and by Pakistan. A military line, not an "
        "international border: India and Pakistan each claim the whole state.",
    ),
    (
        "Siachen",
        "North of point NJ9842 the Line of Control was left undrawn. India has "
        "held the Siachen Glacier and most of the Saltoro Ridge since 1984; "
        "Pakistan disputes it, and the two armies face each other there.",
    ),
    (
        "Azad Jammu and Kashmir, Gilgit-Baltistan",
        "Administered by Pakistan, west and north of the Line of Control. India "
        "claims both as part of Jammu and Kashmir; Pakistan holds that their "
        "final status awaits a settlement of the Kashmir question.",
    ),
    (
        "Pakistan-China boundary (1963), Shaksgam valley",
        "By the 1963 boundary agreement Pakistan and China delimited the border "
        "between Gilgit-Baltistan and Xinjiang, and Pakistan recognised Chinese "
        "control of the Shaksgam valley (the Trans-Karakoram Tract). The "
        "agreement is provisional, pending a settlement over Kashmir; India "
        "recognises neither it nor the transfer.",
    ),
)
#: What the map's line styles mean for these lines.
DRAWN_AS = (
    "Dashed lines on the map are disputed; a line drawn is not a claim that it is "
    "a recognised border."
)


def build_disputes_markdown() -> str:
    """Return the note as Markdown: one bold title and paragraph per line."""
    parts = [f"**{title}.** {text}" for title, text in DISPUTES]
    return "\n\n".join([*parts, f"_{DRAWN_AS}_"])


def render(*, key: str = "disputes") -> None:
    """Draw the note folded in an expander "Disputed boundaries"."""
    with st.expander("Disputed boundaries", expanded=False, key=f"{key}.expander"):
        st.markdown(build_disputes_markdown())
