-- Team mode: the corpus itself (articles/team). Each article is its Markdown
-- document exactly as the embedded corpus file holds it (front matter included),
-- with the metadata read from it and the content hash of its cleaned text; the
-- hash is unique, so two ingests of one text give one article. Review decisions
-- are their JSON lines, in the order they were made (seq).
CREATE TABLE corpus_articles(
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  document text NOT NULL,
  title text NOT NULL,
  published date NOT NULL,
  meta jsonb NOT NULL,
  added_by text NOT NULL DEFAULT '',
  added_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE review_decisions(
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  line text NOT NULL,
  by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now());
