-- Index schema 10: the zstd dictionary an index's passage texts are compressed
-- against (articles/index/texts.py), keyed by the dictionary's own id, which
-- each compressed text names. Texts written before (zlib) stay readable. The
-- index is derived data: the fingerprint is dropped, so the next sync empties
-- and rebuilds it, training a dictionary on the corpus as it goes.
CREATE TABLE text_dicts(id bigint PRIMARY KEY, dict bytea NOT NULL);
DELETE FROM meta WHERE key = 'fingerprint';
