"""The sharded layout: one coordinator, the quotes spread over shard servers with
PostgreSQL's own means. On the coordinator, `quotes` is PARTITION BY HASH (doc_key),
each partition a postgres_fdw foreign table (async_capable, so the shards work at the
same time) over a plain `quotes` table on its shard, which has its own GIN indexes.
`sources` (each document's source vectors) is partitioned the same way over the same
shards, so a document's quotes and its source are on one shard. A search reading a
source field's vectors joins them through each shard's view of the two
(`quotes_sources`, a foreign table on the coordinator too), which the shard plans,
sorts and limits as it does its quotes: joined on the coordinator, postgres_fdw sent
the join but kept the ORDER BY ... LIMIT, shipping every match, one shard after the
other (ceasefire AND publication:herald at 94k quotes: 138 ms, 30 before the move).
Documents, words and corrections stay on the coordinator (they are small). A quoteidx
location is the coordinator's URL; nothing else changes for a user.

    python -m quoteidx.storing.postgres.shards COORDINATOR_URL SHARD_URL [SHARD_URL...]

makes an empty sharded index (tools/pg_shards.py starts three local servers and does
it). What PostgreSQL 15 does not do for partitions on foreign servers, and what quoteidx
does instead (read.py, writer.py):

- LIMIT is not pushed to the shards for a ranked top-N: each part is asked for its own
  top N (UNION ALL of per-shard ORDER BY ... LIMIT, the shards running at once), then
  the best N of those are kept. Even so, postgres_fdw sends the ORDER BY and LIMIT to a
  shard only when it expects many rows, which without statistics on the foreign tables
  it never does: `use_remote_estimate` makes it ask the shard (measured: a ranked
  top 20 shipped every match without it).
- count(*) over the parent ships every matching row: each shard counts, and the counts
  are summed.
- COPY through the coordinator inserts row by row: a batch is copied into a temporary
  table on the coordinator, then moved with one INSERT ... SELECT, which postgres_fdw
  sends in batches of `batch_size` rows, inside the run's transaction.
- No primary key or unique index on the parent and no ON CONFLICT: the per-document
  advisory locks are what keep a document's quotes from being written twice.
- A shard's transaction commits when the coordinator's does, but without two-phase
  commit: a shard that fails between the two can keep a run's rows; the next run of
  that document deletes them first (its quotes are always replaced by document key).
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from quoteidx.storing.postgres import schema
from quoteidx.storing.postgres.connect import connect, shown, translated

FDW_BATCH = 1000  # rows per remote INSERT
FDW_FETCH = 10000  # rows per remote fetch


def create_sharded(coordinator: str, shards: list[str]) -> None:
    """Make an empty sharded index: the shards' quotes tables, then the coordinator's
    tables with `quotes` partitioned over them. Each shard URL names a database (empty
    of quoteidx tables); the coordinator reaches the shards with the user and password
    of their URLs."""
    if not shards:
        raise ValueError("give at least one shard")
    for url in shards:
        with translated(url, "making a shard"), connect(url) as conn, \
                conn.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema.create_quotes(cursor)
            cursor.execute(schema.JOINED)
    with translated(coordinator, "making the coordinator"), connect(coordinator) as conn, \
            conn.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
        for extension in schema.EXTENSIONS:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
        cursor.execute(schema.TABLES)
        cursor.execute(schema.DOCUMENTS)
        schema.create_quotes(cursor, " PARTITION BY HASH (doc_key)")
        cursor.execute("CREATE TABLE quotes_sources (LIKE quotes, " + ", ".join(
            f"{column} tsvector" for column in schema.SOURCE_VECTOR_COLUMNS)
            + ") PARTITION BY HASH (doc_key)")
        cursor.execute(schema.WORDS)
        parts, source_parts, joined_parts = [], [], []
        for number, url in enumerate(shards):
            where = urlsplit(url)
            server, part = f"quoteidx_shard{number}", f"quotes_shard{number}"
            cursor.execute(
                f"CREATE SERVER {server} FOREIGN DATA WRAPPER postgres_fdw OPTIONS "
                "(host %s, port %s, dbname %s, async_capable 'true', batch_size %s, "
                "fetch_size %s, use_remote_estimate 'true')".replace("%s", "{}").format(
                    *(_literal(value) for value in (
                        where.hostname or "127.0.0.1", str(where.port or 5432),
                        where.path.lstrip("/"), str(FDW_BATCH), str(FDW_FETCH)))))
            mapping = {"user": where.username or "", "password": where.password or ""}
            options = ", ".join(f"{key} {_literal(value)}" for key, value in mapping.items()
                                if value)
            cursor.execute(f"CREATE USER MAPPING FOR CURRENT_USER SERVER {server}"
                           + (f" OPTIONS ({options})" if options else ""))
            for table, name in (("quotes", part), ("sources", f"sources_shard{number}"),
                                ("quotes_sources", f"joined_shard{number}")):
                # The same modulus and remainder: a document's rows on the same shard.
                cursor.execute(
                    f"CREATE FOREIGN TABLE {name} PARTITION OF {table} FOR VALUES WITH "
                    f"(MODULUS {len(shards)}, REMAINDER {number}) SERVER {server} "
                    f"OPTIONS (table_name '{table}')")
            parts.append(part)
            source_parts.append(f"sources_shard{number}")
            joined_parts.append(f"joined_shard{number}")
        cursor.execute(
            "INSERT INTO quoteidx_meta VALUES ('version', %s), ('layout', 'sharded'), "
            "('shards', %s), ('parts', %s), ('source_parts', %s), ('joined_parts', %s)",
            (str(schema.SCHEMA_VERSION), str(len(shards)), ",".join(parts),
             ",".join(source_parts), ",".join(joined_parts)))
        conn.commit()


def _literal(value: str) -> str:
    """A string literal for DDL, which takes no parameters."""
    return "'" + value.replace("'", "''") + "'"


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m quoteidx.storing.postgres.shards COORDINATOR_URL "
              "SHARD_URL [SHARD_URL...]", file=sys.stderr)
        return 2
    from quoteidx.storing.base import StoreError

    try:
        create_sharded(argv[0], argv[1:])
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"sharded index over {len(argv) - 1} shards at {shown(argv[0])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
