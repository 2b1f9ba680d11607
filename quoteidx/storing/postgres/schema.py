"""The tables of a quoteidx index in PostgreSQL, made and checked here.

    quoteidx_meta   the layout's version (an index made by another version must be rebuilt)
    documents       one row per indexed document: its key, content hash, source,
                    which quote replaced each of an earlier version's (for old ids), and
                    its quotes counted by speaker (listing people reads no quote)
    quotes          one row per quote: every field of the record, the source's fields
                    again (a quote is then read, searched and sharded without a join),
                    and a tsvector per searchable field, made by analysis.py
    words           each field's indexed words, to expand fuzzy, wildcard and range
                    terms (a term dictionary: PostgreSQL keeps none it can be asked)
    corrections     people's fixes to who said what; never touched by a rebuild

`end` is a reserved word: offsets are start_offset/end_offset. Names are unqualified:
the connection's search_path says which schema holds the index (one database can hold
several, e.g. `?options=-csearch_path%3Darchive`).
"""

from __future__ import annotations

from typing import Any

from quoteidx.querying.fields import DATE, FIELD_KINDS, KEYWORD

# 2: documents.replaced (old quote id -> the id replacing it), and the exact words'
# field named `words` (the query language's) in the words table. 3: documents.speakers
# (the document's quotes counted by speaker, mention and role).
SCHEMA_VERSION = 3
# Query fields that have a tsvector column `<field>_words`; "exact" is the text's
# words as written.
EXACT_COLUMN = "exact_words"  # the text's words as written (a field of kind "exact")
VECTOR_FIELDS = tuple(name for name, kind in FIELD_KINDS.items() if kind not in (KEYWORD, DATE))
VECTOR_COLUMNS = {name: EXACT_COLUMN if FIELD_KINDS[name] == "exact" else f"{name}_words"
                  for name in VECTOR_FIELDS}
if EXACT_COLUMN not in VECTOR_COLUMNS.values():
    VECTOR_COLUMNS["exact"] = EXACT_COLUMN  # made already, for when the language has it
# How each field's words are analysed (analysis.ANALYSERS' names).
ANALYSIS = {name: FIELD_KINDS.get(name, "exact") for name in VECTOR_COLUMNS}
EXTENSIONS = ("pg_trgm", "fuzzystrmatch")  # trusted: a database owner may create them

# The quotes' columns, in COPY order. The source's fields repeat the document's.
QUOTE_COLUMNS = (
    "id", "doc_key", "text", "kind", "speaker", "speaker_key", "speaker_mention", "role",
    "cue", "outlet", "resolved_by", "source_path", "source_title", "source_publication",
    "source_author", "source_date", "source_url", "source_day", "start_offset",
    "end_offset", "parts", "paragraph", "paragraph_start", "extra",
    *VECTOR_COLUMNS.values(),
)

_VECTOR_DDL = ",\n    ".join(f"{column} tsvector NOT NULL DEFAULT ''"
                              for column in VECTOR_COLUMNS.values())

TABLES = """
CREATE TABLE quoteidx_meta (
    key text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE corrections (
    number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correction jsonb NOT NULL,
    made timestamptz NOT NULL DEFAULT now()
);
"""

# What a rebuild of another version drops and makes again (corrections stay).
DOCUMENTS = """
CREATE TABLE documents (
    key text PRIMARY KEY,
    content_hash text NOT NULL,
    source jsonb NOT NULL,
    quotes integer NOT NULL,
    replaced jsonb,  -- old quote id -> the id of the quote replacing it (null: none)
    speakers jsonb  -- [[speaker, mention, role, quotes, first offset], ...] (null: none)
);
CREATE INDEX documents_hash ON documents (content_hash);
"""
QUOTES = f"""
CREATE TABLE quotes (
    id text NOT NULL,
    doc_key text NOT NULL,
    text text NOT NULL,
    kind text NOT NULL,
    speaker text,
    speaker_key text,
    speaker_mention text,
    role text,
    cue text,
    outlet text,
    resolved_by text,
    source_path text NOT NULL,
    source_title text,
    source_publication text,
    source_author text,
    source_date text,
    source_url text,
    source_day timestamp,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    parts jsonb,
    paragraph text NOT NULL,
    paragraph_start integer,
    extra jsonb,
    {_VECTOR_DDL}
){{partitioning}};
"""
WORDS = """
CREATE TABLE words (
    field text NOT NULL,
    word text NOT NULL
);
CREATE INDEX words_word ON words (field, word text_pattern_ops);
CREATE INDEX words_trgm ON words USING gin (word gin_trgm_ops);
CREATE INDEX words_length ON words (field, length(word));  -- fuzzy: similar lengths only
"""

# Where a quote's parts are kept: what a search reads for every match (the text's
# vector, the sort keys, the small fields) in the row itself, the rest (the paragraph,
# the text, the vectors of the source and of the exact words) out of line from 256
# bytes on, so that a page holds more rows: the term query measured 25% fewer pages.
QUOTE_STORAGE = """
ALTER TABLE quotes SET (toast_tuple_target = 256);
ALTER TABLE quotes ALTER COLUMN paragraph SET STORAGE EXTERNAL,
    ALTER COLUMN text SET STORAGE EXTERNAL, ALTER COLUMN exact_words SET STORAGE EXTERNAL,
    ALTER COLUMN source_words SET STORAGE EXTERNAL,
    ALTER COLUMN title_words SET STORAGE EXTERNAL, ALTER COLUMN text_words SET STORAGE MAIN;
"""

# Indexes on the quotes: made on each shard when sharded (see tools/pg_shards.py).
QUOTE_INDEXES = f"""
CREATE INDEX quotes_id ON quotes (id);
CREATE INDEX quotes_doc ON quotes (doc_key);
CREATE INDEX quotes_day ON quotes (source_day);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE INDEX quotes_speaker_trgm ON quotes USING gin (speaker_key gin_trgm_ops);
CREATE INDEX quotes_words ON quotes USING gin ({", ".join(VECTOR_COLUMNS.values())});
"""
INDEX_OBJECTS = ("quotes", "documents", "words")


def create(cursor: Any) -> None:
    """Make an empty index in the connection's current schema (in its transaction)."""
    for extension in EXTENSIONS:
        cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
    cursor.execute(TABLES)
    create_index_tables(cursor)


def create_index_tables(cursor: Any) -> None:
    cursor.execute(DOCUMENTS)
    create_quotes(cursor)
    cursor.execute(WORDS)
    cursor.execute("INSERT INTO quoteidx_meta VALUES ('version', %s), ('layout', 'single') "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (str(SCHEMA_VERSION),))


def create_quotes(cursor: Any, partitioning: str = "") -> None:
    """The quotes table, with its indexes unless it is partitioned (each shard then
    has its own)."""
    cursor.execute(QUOTES.format(partitioning=partitioning))
    if not partitioning:
        cursor.execute(QUOTE_STORAGE)
        cursor.execute(QUOTE_INDEXES)


def drop_index_tables(cursor: Any) -> None:
    """Drop what another version made, keeping the corrections."""
    for table in INDEX_OBJECTS:
        cursor.execute(f"DROP TABLE IF EXISTS {table} CASCADE")


def state(cursor: Any) -> tuple[str | None, bool]:
    """(the index's version or None, whether tables of that name exist at all)."""
    # pg_class read as a table, not to_regclass: that goes through a cache that an
    # advisory lock does not refresh, and misses tables another run just made.
    cursor.execute(
        "SELECT coalesce(bool_or(relname = 'quoteidx_meta'), false), count(*) > 0 "
        "FROM pg_class WHERE relname IN ('quoteidx_meta', 'quotes', 'documents') "
        "AND relnamespace = (SELECT oid FROM pg_namespace "
        "WHERE nspname = coalesce(current_schema(), 'public'))")
    has_meta, has_tables = cursor.fetchone()
    if not has_meta:
        return None, has_tables
    cursor.execute("SELECT value FROM quoteidx_meta WHERE key = 'version'")
    row = cursor.fetchone()
    return (row[0] if row else "unknown"), True
