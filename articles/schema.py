"""The index's SQLite schema (bump SCHEMA_VERSION on any change: the index rebuilds)."""

SCHEMA_VERSION = "3"
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
  id TEXT PRIMARY KEY, file TEXT NOT NULL UNIQUE, file_hash TEXT NOT NULL,
  content_hash TEXT NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL,
  published TEXT NOT NULL, posted TEXT, source TEXT NOT NULL, language TEXT NOT NULL,
  body TEXT NOT NULL, footnotes TEXT NOT NULL);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE TABLE passages(
  id TEXT PRIMARY KEY, article_id TEXT NOT NULL, n INTEGER NOT NULL, heading TEXT,
  text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'body');
CREATE INDEX passages_article ON passages(article_id, n);
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, heading, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE links(
  passage_id TEXT NOT NULL, article_id TEXT NOT NULL, target_type TEXT NOT NULL,
  target TEXT NOT NULL, how TEXT NOT NULL, spans TEXT NOT NULL, n INTEGER NOT NULL);
CREATE INDEX links_target ON links(target_type, target);
CREATE INDEX links_passage ON links(passage_id, n);
CREATE TABLE dates(
  passage_id TEXT NOT NULL, article_id TEXT NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL,
  precision TEXT NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL);
CREATE INDEX dates_window ON dates(first, last);
CREATE INDEX dates_passage ON dates(passage_id);
"""
