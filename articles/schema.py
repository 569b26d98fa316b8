"""The index's SQLite schema (bump SCHEMA_VERSION on any change: the index rebuilds).

PostgreSQL has the same tables in ``articles/backends/migrations/`` (numbered
files, applied by ``python -m articles migrate``): a change here needs a new
migration there too.

Compact by design (issue 8): integer ids, links in their own indexed tables, passage
text stored once.

- **Ids.** An article's integer id is ``day << 17 | seq`` (``day``: publication date
  as days since 1900-01-01, ``seq``: order of indexing within the day); a passage's
  is ``article << 12 | slot``: body paragraph n has slot ``4095 - n`` (n up to
  2,047), heading k (``#h<k>``) ``2047 - k``, the title (``#t``) slot 0. So
  ``passage >> 12`` is its article, ``passage >> 29`` its publication day, the
  slot says the passage's kind, and descending passage ids are "newest first, each
  article in reading order, its headings and title after its paragraphs": orders,
  date windows on the publication date, article counts and per-month counts need
  no join. An article has at most 2,047 paragraphs and 2,046 headings (more is
  refused with a one-line reason).
- **Text once.** ``article_texts.text`` holds the article's passage texts
  compressed together (``texts.TextPacker``: zstd, against the dictionary in
  ``text_dicts`` once the index has one, schema 10; ``passages.pos`` is a
  passage's place in it), apart from ``articles`` so that scans of the
  articles' metadata (a sync comparing 100,000 files, totals over a date
  window) never read the text;
  the full-text index is FTS5 *contentless* (``content=''``): it keeps only the
  inverted index, positions (phrase search) and column sizes (bm25). External
  content would need the plain text in a table or a view FTS5 can read, so it
  would either store the text uncompressed or depend on a decompressing SQL
  function in every connection; contentless needs neither. The index leaves out
  the commonest English words (``codec.STOPWORDS``). Rows are removed with
  FTS5's ``'delete'`` command given the indexed words again (from
  ``article_texts``), since SQLite 3.40 has no ``contentless_delete``. There is no
  other copy of the article body.
- **Links.** ``targets`` interns feature and actor ids. ``links`` (one row per
  passage and target: strongest ``how``, number of mentions, spans as varints,
  ``codec.pack_spans``) is clustered by passage: a page's links and the facet
  counts over matching passages read it. ``link_rank`` is the filter index,
  clustered by target and by ``rank = (4 - how) * 21 + min(mentions, 20)``
  (how: 0 name, 1 alias, 2 demonym, 3 implied, 4 a member's link rolled up to
  its organisation; under 128, so one byte a row), so "the best passages for a
  feature or an actor with its members" is an index range read in order.
- ``targets`` also keeps, per target, the passages that name it (``passages``,
  map shading without filters), the passages and articles a filter on it
  matches (``matches``, ``articles``: members rolled up), so a lone feature or
  actor filter has its totals without counting; ``target_months`` keeps those
  matches per publication month (``year * 12 + month - 1``) for its timeline,
  and ``target_event_months`` per month its matches mention (schema 9: a
  passage counts once in each month one of its dates starts in), for the
  timeline in events mode.
- **Dates** a passage mentions: ``dates(first, last, passage)`` (days since
  1900-01-01) for event windows and months; their display form (with each
  date's anchor, what a relative or yearless date was resolved against) is
  packed with the article's texts (schema 10; ``texts.TextPacker``).
- Headings are stored once per article, packed with its texts (schema 10); a
  passage keeps the number of its section (``passages.section``).
- **Review** (issue 14): ``link_review`` holds the state of the links an analyst
  decided or the linker doubts (0 to review, 1 confirmed, 2 added by analyst;
  ``articles.review.apply``); links with no row are automatic and sure enough.
  Rejected links are never written; added ones have ``how`` -1 (``codec.ADDED``).
- ``passages.dup`` is a 64-bit hash of the normalised passage text (near-duplicate
  collapse); ``dups`` lists only the hashes that more than one passage shares
  (with their number of passages), ``shared`` only the passages that carry such a
  hash (a small table keyed by passage: a date range or a set of matches is
  checked against it without touching the wide ``passages`` rows), and
  ``target_dups`` counts, per target and shared hash, the passages a filter on
  the target matches, so a lone feature's or actor's collapsed total is a sum
  over its few shared groups, never over its matches.
"""

import hashlib

SCHEMA_VERSION = "10"
#: Bytes per database page, set when the file is created. An article's packed
#: texts are about 2.4 KB: with SQLite's default 4 KB pages one fits per page and
#: the rest stays empty (11 MB of 41 at 10,000 synthetic articles); 16 KB pages
#: hold six.
PAGE_SIZE = 16384
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles(
  id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, file TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, file_hash BLOB NOT NULL,
  content_hash BLOB NOT NULL, title TEXT NOT NULL, author TEXT NOT NULL,
  published TEXT NOT NULL, posted TEXT, source TEXT NOT NULL, url TEXT,
  language TEXT NOT NULL,
  passages INTEGER NOT NULL, notes TEXT);
CREATE TABLE article_texts(id INTEGER PRIMARY KEY, text BLOB NOT NULL);
CREATE TABLE text_dicts(id INTEGER PRIMARY KEY, dict BLOB NOT NULL);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE passages(
  id INTEGER PRIMARY KEY, section INTEGER, dup INTEGER NOT NULL, pos INTEGER NOT NULL
);
CREATE INDEX passages_dup ON passages(dup);
CREATE TABLE dups(dup INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE shared(passage INTEGER PRIMARY KEY, dup INTEGER NOT NULL);
CREATE TABLE target_dups(
  target INTEGER NOT NULL, dup INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(target, dup)) WITHOUT ROWID;
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, heading, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE targets(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  passages INTEGER NOT NULL DEFAULT 0, matches INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0, UNIQUE(kind, name));
CREATE TABLE links(
  passage INTEGER NOT NULL, target INTEGER NOT NULL, how INTEGER NOT NULL,
  mentions INTEGER NOT NULL, spans BLOB NOT NULL,
  PRIMARY KEY(passage, target)) WITHOUT ROWID;
CREATE TABLE link_rank(
  target INTEGER NOT NULL, rank INTEGER NOT NULL, passage INTEGER NOT NULL,
  PRIMARY KEY(target, rank, passage)) WITHOUT ROWID;
CREATE TABLE target_months(
  target INTEGER NOT NULL, month INTEGER NOT NULL, passages INTEGER NOT NULL,
  PRIMARY KEY(target, month)) WITHOUT ROWID;
CREATE TABLE target_event_months(
  target INTEGER NOT NULL, month INTEGER NOT NULL, passages INTEGER NOT NULL,
  PRIMARY KEY(target, month)) WITHOUT ROWID;
CREATE TABLE link_review(
  passage INTEGER NOT NULL, target INTEGER NOT NULL, state INTEGER NOT NULL,
  PRIMARY KEY(passage, target)) WITHOUT ROWID;
CREATE INDEX link_review_state ON link_review(state, target);
CREATE TABLE dates(
  first INTEGER NOT NULL, last INTEGER NOT NULL, passage INTEGER NOT NULL,
  PRIMARY KEY(first, last, passage)) WITHOUT ROWID;
"""

#: What an index records as its schema: the version and a digest of the DDL above,
#: so a schema edit rebuilds the index even if the version was not bumped.
SCHEMA_ID = (
    f"{SCHEMA_VERSION}-"
    f"{hashlib.sha256(f'{PAGE_SIZE}{SCHEMA}'.encode()).hexdigest()[:12]}"
)
