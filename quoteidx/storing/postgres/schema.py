"""The tables of a quoteidx index in PostgreSQL, made and checked here.

    quoteidx_meta   the layout's version (an index made by another version must be rebuilt)
    documents       one row per indexed document: its key, content hash, source,
                    which quote replaced each of an earlier version's (for old ids), and
                    its quotes counted by speaker (listing people reads no quote)
    quotes          one row per quote: every field of the record, the source's fields
                    again (a quote is then read without a join), and a tsvector per
                    searchable field of the quote's own, made by analysis.py
    sources         one row per document: the tsvectors of the source's fields
                    (source, title, publication, author), joined on doc_key only by a
                    search that names one. Kept in every quote they were 33 of the 88
                    GIN entries a quote, and a third of the server's time storing it.
                    Sharded like the quotes (by doc_key): a document's quotes and its
                    source are on one shard, and the join runs there.
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
# (the document's quotes counted by speaker, mention and role). 4: the source's
# vectors in `sources`, once per document, no longer in every quote (see migrate()).
SCHEMA_VERSION = 4
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
# The fields whose vectors are the document's (table `sources`), the rest the quote's.
SOURCE_FIELDS = ("publication", "author", "title", "source")
SOURCE_VECTOR_COLUMNS = tuple(VECTOR_COLUMNS[name] for name in SOURCE_FIELDS)
QUOTE_VECTOR_COLUMNS = tuple(column for column in VECTOR_COLUMNS.values()
                             if column not in SOURCE_VECTOR_COLUMNS)
EXTENSIONS = ("pg_trgm", "fuzzystrmatch")  # trusted: a database owner may create them

# The quotes' columns, in COPY order. The source's fields repeat the document's.
QUOTE_COLUMNS = (
    "id", "doc_key", "text", "kind", "speaker", "speaker_key", "speaker_mention", "role",
    "cue", "outlet", "resolved_by", "source_path", "source_title", "source_publication",
    "source_author", "source_date", "source_url", "source_day", "start_offset",
    "end_offset", "parts", "paragraph", "paragraph_start", "extra",
    *QUOTE_VECTOR_COLUMNS,
)
SOURCE_COLUMNS = ("doc_key", *SOURCE_VECTOR_COLUMNS)  # the sources', in COPY order


def _vector_ddl(columns: tuple[str, ...]) -> str:
    return ",\n    ".join(f"{column} tsvector NOT NULL DEFAULT ''" for column in columns)


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
    {_vector_ddl(QUOTE_VECTOR_COLUMNS)}
){{partitioning}};
"""
SOURCES = f"""
CREATE TABLE sources (
    doc_key text NOT NULL,
    {_vector_ddl(SOURCE_VECTOR_COLUMNS)}
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
# the text, the vector of the exact words) out of line from 256 bytes on, so that a
# page holds more rows: the term query measured 25% fewer pages.
QUOTE_STORAGE = """
ALTER TABLE quotes SET (toast_tuple_target = 256);
ALTER TABLE quotes ALTER COLUMN paragraph SET STORAGE EXTERNAL,
    ALTER COLUMN text SET STORAGE EXTERNAL, ALTER COLUMN exact_words SET STORAGE EXTERNAL,
    ALTER COLUMN text_words SET STORAGE MAIN;
"""

QUOTE_WORDS_INDEX = ("CREATE INDEX quotes_words ON quotes USING gin "
                     f"({', '.join(QUOTE_VECTOR_COLUMNS)})")
# Indexes on the quotes: made on each shard when sharded (see tools/pg_shards.py).
QUOTE_INDEXES = f"""
CREATE INDEX quotes_id ON quotes (id);
CREATE INDEX quotes_doc ON quotes (doc_key);
CREATE INDEX quotes_day ON quotes (source_day);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE INDEX quotes_speaker_trgm ON quotes USING gin (speaker_key gin_trgm_ops);
{QUOTE_WORDS_INDEX};
"""
SOURCE_INDEXES = f"""
ALTER TABLE sources ADD PRIMARY KEY (doc_key);
CREATE INDEX sources_words ON sources USING gin ({", ".join(SOURCE_VECTOR_COLUMNS)});
"""
# Each quote beside its source's vectors: on a shard, what a search ranking a source
# field reads, as one relation (see shards.py).
JOINED = f"""
CREATE VIEW quotes_sources AS SELECT quotes.*,
    {", ".join(f"sources.{column}" for column in SOURCE_VECTOR_COLUMNS)}
    FROM quotes JOIN sources USING (doc_key);
"""
INDEX_OBJECTS = ("quotes", "sources", "documents", "words")


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
    """The quotes and sources tables, with their indexes unless they are partitioned
    (each shard then has its own)."""
    cursor.execute(QUOTES.format(partitioning=partitioning))
    cursor.execute(SOURCES.format(partitioning=partitioning))
    if not partitioning:
        cursor.execute(QUOTE_STORAGE)
        cursor.execute(QUOTE_INDEXES)
        cursor.execute(SOURCE_INDEXES)


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


def layout(cursor: Any) -> str:
    cursor.execute("SELECT value FROM quoteidx_meta WHERE key = 'layout'")
    row = cursor.fetchone()
    return row[0] if row else "single"


def can_migrate(version: str, made_as: str) -> bool:
    """Whether an index of `version` is brought to this one in place by migrate(): on
    one server, from schema 3 (a sharded index's tables are on its shards, which the
    coordinator cannot alter: it is made again)."""
    return version == "3" and made_as == "single"


def migrate(cursor: Any) -> None:
    """Schema 3 -> 4, in the caller's transaction, under the index's lock held alone:
    each document's source vectors, the same in all its quotes, move to `sources`, and
    the quotes' GIN index is made again without them. Only SQL: nothing is analysed
    again, every search gives what it gave. (The dropped columns' space is reused as
    rows are rewritten; VACUUM FULL quotes gives it back at once.)"""
    cursor.execute(SOURCES.format(partitioning=""))
    cursor.execute(
        f"INSERT INTO sources ({', '.join(SOURCE_COLUMNS)}) SELECT DISTINCT ON (doc_key) "
        f"{', '.join(SOURCE_COLUMNS)} FROM quotes ORDER BY doc_key")
    cursor.execute("DROP INDEX IF EXISTS quotes_words")
    cursor.execute("ALTER TABLE quotes " + ", ".join(
        f"DROP COLUMN {column}" for column in SOURCE_VECTOR_COLUMNS))
    cursor.execute(QUOTE_WORDS_INDEX)
    cursor.execute(SOURCE_INDEXES)
    cursor.execute("UPDATE quoteidx_meta SET value = %s WHERE key = 'version'",
                   (str(SCHEMA_VERSION),))
