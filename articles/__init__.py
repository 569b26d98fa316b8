"""Pure article processing: cleaning, passages, links to features, actors and dates."""
