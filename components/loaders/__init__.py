"""The only Streamlit caches: layers, features, facts, evidence; keyed by values.

Callers use ``components.loaders.<name>``; the modules split the caches by job
(`index`, `reference`, `evidence`, `layers`). Below the panels, above the briefing
and the map (import-linter); cached functions take view values and the index's
stamp, never frames.
"""

from __future__ import annotations

from components.loaders.evidence import (
    PER_PAGE,
    CorpusSummary,
    IndexedArticles,
    fetch_export_page,
    fetch_feature_counts,
    find_article_titles,
    load_article_matches,
    load_article_titles,
    load_corpus_summary,
    load_counts,
    load_evidence_page,
    load_months,
    load_page,
    load_passage,
    load_passage_links,
    load_shown_passage,
    load_summary,
    load_target_counts,
    load_timeline,
    load_titles,
    load_top_actors,
    load_top_passages,
    load_top_view_actors,
    load_view_counts,
    search_passages,
)
from components.loaders.index import (
    corpus_stamp,
    ensure_index,
    index_stamp,
    sync_corpus,
)
from components.loaders.layers import (
    load_attribution,
    load_base_frame,
    load_kind_layer,
    load_layer,
    load_layer_ids,
    load_map_layers,
    load_map_script,
    load_overlay_data,
    load_pick_shapes,
    load_points_beyond,
    load_view_layers,
    load_view_shapes,
)
from components.loaders.reference import (
    build_names,
    expand_actors,
    load_actor_ids,
    load_actor_registry,
    load_facts,
    load_features,
    load_linker,
    load_names,
)
from components.loaders.review import current_review, current_trust, review_stamp

__all__ = [
    "PER_PAGE",
    "CorpusSummary",
    "IndexedArticles",
    "build_names",
    "clear_evidence_caches",
    "corpus_stamp",
    "current_review",
    "current_trust",
    "ensure_index",
    "expand_actors",
    "fetch_export_page",
    "fetch_feature_counts",
    "find_article_titles",
    "index_stamp",
    "load_actor_ids",
    "load_actor_registry",
    "load_article_matches",
    "load_article_titles",
    "load_attribution",
    "load_base_frame",
    "load_corpus_summary",
    "load_counts",
    "load_evidence_page",
    "load_facts",
    "load_features",
    "load_kind_layer",
    "load_layer",
    "load_layer_ids",
    "load_linker",
    "load_map_layers",
    "load_map_script",
    "load_months",
    "load_names",
    "load_overlay_data",
    "load_page",
    "load_passage",
    "load_passage_links",
    "load_pick_shapes",
    "load_points_beyond",
    "load_shown_passage",
    "load_summary",
    "load_target_counts",
    "load_timeline",
    "load_titles",
    "load_top_actors",
    "load_top_passages",
    "load_top_view_actors",
    "load_view_counts",
    "load_view_layers",
    "load_view_shapes",
    "review_stamp",
    "search_passages",
    "sync_corpus",
]


def clear_evidence_caches() -> None:
    """Drop every cached evidence query (after an ingestion, say)."""
    for loader in (
        load_page, load_target_counts, load_months, load_top_actors,
        load_corpus_summary,
        load_passage, load_article_matches, load_article_titles, load_map_script,
        load_top_passages,
    ):  # fmt: skip
        loader.clear()
