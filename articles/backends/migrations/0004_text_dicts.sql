-- Index schema 10: the zstd dictionary an index's passage texts are compressed
-- against (articles/index/texts.py), keyed by the dictionary's own id, which
-- each compressed text names. An article's headings and its passages' dates in
-- their display form are packed with its texts now, so their columns go; the
-- SHA-256 digests are kept as their 32 bytes, not 64 hex characters.
-- Texts written before (zlib) stay readable, without headings or dates until
-- the next sync. The index is derived data: the fingerprint is dropped, so the
-- next sync empties and rebuilds it, training a dictionary on the corpus.
CREATE TABLE text_dicts(id bigint PRIMARY KEY, dict bytea NOT NULL);
ALTER TABLE articles DROP COLUMN headings;
ALTER TABLE passages DROP COLUMN dates;
ALTER TABLE articles
  ALTER COLUMN file_hash TYPE bytea USING decode(file_hash, 'hex'),
  ALTER COLUMN content_hash TYPE bytea USING decode(content_hash, 'hex');
DELETE FROM meta WHERE key = 'fingerprint';
