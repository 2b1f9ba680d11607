"""The PostgreSQL backend: an index in a database that many writers and readers share,
each concern a module.

    connect.py   connections, and the server's failures as one-line messages
    schema.py    the tables and indexes; made, checked, replaced
    analysis.py  words as indexed and searched (the Whoosh backend's analysis, in Python)
    query.py     the parsed query as SQL with parameters, and the request's filters
    read.py      searches, quotes by id, speakers, figures, highlighting
    writer.py    COPY in batches, one transaction per run, advisory locks per document
    store.py     the Store interface over them
    shards.py    the sharded layout: hash partitions on postgres_fdw shards
    local.py     a throwaway local server (tests, CI, trying quoteidx)

psycopg is imported only here, so `quoteidx --help` and Whoosh indexes never load it.
`open_store` (store.py) is what `quoteidx.storing.open_store` calls for a
postgresql:// location.
"""
