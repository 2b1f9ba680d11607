"""Reading a PostgreSQL index: searches, quotes by id, documents, speakers and figures,
each a function of an open cursor. Only the quotes shown are turned into records and
highlighted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from quoteidx.identity.corrections import Correction
from quoteidx.querying import QueryError, SearchRequest, fold_name
from quoteidx.querying.highlight import Span, Token, marker, text_clauses
from quoteidx.querying.tree import Fuzzy, Leaf, Phrase, Prefix, Range, Term, Wildcard
from quoteidx.record import Quote, Source
from quoteidx.storing.base import (
    DocumentInfo,
    DocumentSpeakers,
    Hit,
    SearchResult,
    SpeakerCount,
    SpeakerInfo,
    Stats,
)
from quoteidx.storing.postgres import schema
from quoteidx.storing.postgres.analysis import field_tokens, query_words
from quoteidx.storing.postgres.query import (
    SOURCES,
    ZERO,
    Sql,
    join,
    request_sql,
    speaker_condition,
)
from quoteidx.storing.postgres.schema import ANALYSIS

MAX_EXPANSION = 20_000  # words a pattern may reach: a tsquery of more is too slow to run
RECORD_COLUMNS = tuple(column for column in schema.QUOTE_COLUMNS
                       if column not in schema.QUOTE_VECTOR_COLUMNS)
_SOURCE_COLUMN = re.compile(r"\b(?:" + "|".join(schema.SOURCE_VECTOR_COLUMNS) + r")\b")
SELECT_QUOTE = ", ".join(RECORD_COLUMNS)
ORDER = {
    "relevance": "score DESC, source_path, start_offset, id",
    "date": "source_day DESC NULLS LAST, source_path, start_offset, id",
    "document": "source_path, start_offset, id",
}


def search(cursor: Any, request: SearchRequest, parts: tuple[str, ...] = ("quotes",),
           source_parts: tuple[str, ...] | None = None,
           joined_parts: tuple[str, ...] | None = None) -> SearchResult:
    """`parts`: the tables holding the quotes, when sharded the coordinator's foreign
    partitions (see shards.py): each counts and ranks its own, the shards at once.
    `source_parts`: the tables of their sources, in the same order (the same shards);
    by default named as shards.py names them (quotes_shard0: sources_shard0).
    `joined_parts`: each shard's view of the two joined, if it has one."""
    if source_parts is None:
        source_parts = tuple(part.replace("quotes", "sources", 1) for part in parts)
    pairs = [f"{part} JOIN {source} USING (doc_key)"
             for part, source in zip(parts, source_parts, strict=True)]
    where = request_sql(request, lambda field, how, args: expand(cursor, field, how, args))
    # Only a ranking reads the score; it joins the sources where it ranks a source field,
    # as a condition does under a NOT (see query._of_source).
    score = where.score if request.sort == "relevance" else ZERO
    joined = where.joins or bool(_SOURCE_COLUMN.search(score.text))
    # Each part of the quotes with the part of the sources on its own shard (the same
    # doc_key hash), where their vectors are read.
    tables, counted, conditions = [], [], []
    for number, (part, source) in enumerate(zip(parts, source_parts, strict=True)):
        pair = joined_parts[number] if joined_parts else pairs[number]
        tables.append(pair if joined else part)
        counted.append(pair if where.joins else part)
        conditions.append(Sql(where.condition.text.replace(SOURCES, source),
                              where.condition.params))
    if request.limit is not None:
        counts = [Sql(f"SELECT count(*) AS n FROM {table} WHERE ") + condition
                  for table, condition in zip(counted, conditions, strict=True)]
        count = counts[0] if len(tables) == 1 else (
            Sql("SELECT sum(n) FROM (") + join(counts, " UNION ALL ") + Sql(") AS counts"))
        cursor.execute(*_sql(count))
        total = int(cursor.fetchone()[0] or 0)
        if request.limit == 0 or total == 0:
            return SearchResult(hits=[], total=total)
    order = Sql(f" ORDER BY {ORDER[request.sort]}")
    limit = Sql(" LIMIT %s", [request.limit]) if request.limit is not None else Sql("")

    def ranked(table: str, condition: Sql) -> Sql:
        return (Sql(f"SELECT {SELECT_QUOTE}, ") + score + Sql(f" AS score FROM {table} "
                "WHERE ") + condition + order + limit)

    if len(tables) == 1:
        select = ranked(tables[0], conditions[0])
    elif request.limit is None and not joined:
        select = ranked("quotes", Sql(where.condition.text.replace(SOURCES, "sources"),
                                      where.condition.params))
    else:  # each shard's best (or, joined, each shard's whole join), then the best
        select = (Sql("WITH best AS MATERIALIZED (")
                  + join([Sql("(") + ranked(table, condition) + Sql(")")
                          for table, condition in zip(tables, conditions, strict=True)],
                         " UNION ALL ")
                  + Sql(") SELECT * FROM best") + order + limit)
    cursor.execute(*_sql(select))
    rows = cursor.fetchall()
    if request.limit is None:
        total = len(rows)
    found = [(quote_of(row), row[-1]) for row in rows]
    marked = highlighted(request, [quote for quote, _ in found])
    hits = [Hit(quote=quote, score=float(score) if request.sort == "relevance" else None,
                spans=marked.get(quote.id, ())) for quote, score in found]
    return SearchResult(hits=hits, total=total)


def _sql(piece: Sql) -> tuple[str, list[object]]:
    return piece.text, piece.params


def expand(cursor: Any, field: str, how: str, args: tuple[Any, ...]) -> list[str]:
    """The field's indexed words that a wildcard, fuzzy or range term reaches."""
    if how == "like":
        cursor.execute("SELECT DISTINCT word FROM words WHERE field = %s AND word LIKE %s"
                       f" LIMIT {MAX_EXPANSION + 1}", (field, *args))
    elif how == "fuzzy":
        word, edits, prefix = args
        if len(word) > 255:  # levenshtein's limit: no indexed word is that close anyway
            return []
        cursor.execute(
            "SELECT DISTINCT word FROM words WHERE field = %s AND left(word, %s) = %s "
            "AND length(word) BETWEEN %s AND %s AND CASE WHEN length(word) <= 255 "
            "THEN levenshtein_less_equal(word, %s, %s) ELSE 256 END <= %s "
            f"LIMIT {MAX_EXPANSION + 1}",
            (field, prefix, word[:prefix], len(word) - edits, len(word) + edits, word, edits,
             edits))
    else:
        start, end, start_excl, end_excl = args
        sql = "SELECT DISTINCT word FROM words WHERE field = %s"
        params: list[object] = [field]
        if start is not None:
            sql += f' AND word COLLATE "C" {">" if start_excl else ">="} %s'
            params.append(start)
        if end is not None:
            sql += f' AND word COLLATE "C" {"<" if end_excl else "<="} %s'
            params.append(end)
        cursor.execute(sql + f" LIMIT {MAX_EXPANSION + 1}", params)
    found = sorted(row[0] for row in cursor.fetchall())
    if len(found) > MAX_EXPANSION:
        raise QueryError(f"a wildcard, fuzzy or range term in the query reaches more than "
                         f"{MAX_EXPANSION:,} words of {field}; make it narrower")
    return found


# Highlighting


def highlighted(request: SearchRequest, quotes: list[Quote]) -> dict[str, tuple[Span, ...]]:
    """Where the words and phrases the query's text clauses look for are, in each
    quote's text (as `text` and as `words`, its exact wording, analyse it)."""
    if request.tree is None or not quotes or not request.highlight:
        return {}
    fields = {leaf.field for leaf in text_clauses(request.tree)}  # type: ignore[union-attr]
    tokens: dict[str, dict[str, list[Token]]] = {
        field: {quote.id: field_tokens(ANALYSIS[field], quote.text) for quote in quotes}
        for field in fields}
    forms = {field: {token[2] for found in by_quote.values() for token in found}
             for field, by_quote in tokens.items()}
    marks = marker(request.tree,
                   lambda leaf: looks_for(leaf, forms[leaf.field]),  # type: ignore[union-attr]
                   lambda phrase: query_words(ANALYSIS[phrase.field], phrase.text))
    if not marks:
        return {}
    return {quote.id: marks.spans(lambda field, quote_id=quote.id: tokens[field][quote_id])
            for quote in quotes}


def looks_for(leaf: Leaf, forms: set[str]) -> Iterator[str]:
    """The words a clause on the text looks for, among the shown quotes' `forms`: what
    Whoosh's expansion over its whole term dictionary gives, restricted to them."""
    how = ANALYSIS[leaf.field]
    if isinstance(leaf, Term | Phrase):
        yield from query_words(how, leaf.text)
        return
    text = leaf.pattern if isinstance(leaf, Wildcard) else getattr(leaf, "text", None)
    if isinstance(leaf, Range):
        start = query_words(how, leaf.start, whole=True) if leaf.start else []
        end = query_words(how, leaf.end, whole=True) if leaf.end else []
        yield from (form for form in forms if _between(form, start, end, leaf))
        return
    words = query_words(how, text, whole=True) if text else []
    if not words:
        return
    word = words[0]
    if isinstance(leaf, Prefix):
        yield from (form for form in forms if form.startswith(word))
    elif isinstance(leaf, Wildcard):
        pattern = re.compile("".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch)
                                     for ch in word), re.DOTALL)
        yield from (form for form in forms if pattern.fullmatch(form))
    elif isinstance(leaf, Fuzzy):
        from rapidfuzz.distance import Levenshtein

        yield from (form for form in forms if form[:leaf.prefix] == word[:leaf.prefix]
                    and Levenshtein.distance(form, word, score_cutoff=leaf.max_edits)
                    <= leaf.max_edits)


def _between(form: str, start: list[str], end: list[str], leaf: Range) -> bool:
    if start and (form < start[0] or (leaf.start_excl and form == start[0])):
        return False
    return not (end and (form > end[0] or (leaf.end_excl and form == end[0])))


# Records


def quote_of(row: tuple[Any, ...]) -> Quote:
    values = dict(zip(RECORD_COLUMNS, row, strict=False))
    source = Source(path=values["source_path"], title=values["source_title"],
                    publication=values["source_publication"], author=values["source_author"],
                    date=values["source_date"], url=values["source_url"])
    return Quote(
        id=values["id"], text=values["text"], kind=values["kind"], speaker=values["speaker"],
        speaker_mention=values["speaker_mention"], role=values["role"], cue=values["cue"],
        source=source, start=values["start_offset"], end=values["end_offset"],
        paragraph=values["paragraph"], outlet=values["outlet"],
        parts=tuple(tuple(part) for part in values["parts"] or ()),
        paragraph_start=values["paragraph_start"], resolved_by=values["resolved_by"],
        extra=values["extra"] or {},
    )


def get(cursor: Any, quote_id: str) -> Quote | None:
    cursor.execute(f"SELECT {SELECT_QUOTE} FROM quotes WHERE id = %s "
                   "ORDER BY source_path LIMIT 1", (quote_id,))
    row = cursor.fetchone()
    return None if row is None else quote_of(row)


def document_quotes(cursor: Any, key: str) -> list[Quote]:
    cursor.execute(f"SELECT {SELECT_QUOTE} FROM quotes WHERE doc_key = %s "
                   "ORDER BY start_offset, id", (key,))
    return [quote_of(row) for row in cursor.fetchall()]


def documents(cursor: Any) -> dict[str, DocumentInfo]:
    cursor.execute("SELECT key, content_hash, source, quotes, replaced FROM documents")
    return {key: DocumentInfo(key, digest, Source(**source), quotes, replaced or {})
            for key, digest, source, quotes, replaced in cursor.fetchall()}


def speaker_counts(cursor: Any, speaker: str | None) -> list[DocumentSpeakers]:
    sql = "SELECT key, source, speakers FROM documents"
    params: list[object] = []
    if speaker is not None:
        try:
            condition = speaker_condition(speaker)
        except QueryError:  # no word to look for: no speaker has it
            return []
        sql += f" WHERE key IN (SELECT doc_key FROM quotes WHERE {condition.text})"
        params = condition.params
    cursor.execute(sql, params)
    return [DocumentSpeakers(key, Source(**source),
                             tuple(SpeakerCount(*values) for values in counts or ()))
            for key, source, counts in cursor.fetchall()]


def speakers(cursor: Any, fragment: str | None) -> list[SpeakerInfo]:
    """Each speaker (one folded name) with their commonest spelling and role, how many
    quotes, and the documents quoting them in document order."""
    wanted = fold_name(fragment) if fragment else ""
    cursor.execute(
        "WITH chosen AS (SELECT speaker_key, speaker, role, doc_key, source_path, "
        "coalesce(source_publication, source_path) AS shown FROM quotes "
        "WHERE speaker_key IS NOT NULL AND strpos(speaker_key, %s) > 0), "
        "per_document AS (SELECT speaker_key, doc_key, min(source_path) AS path, "
        "min(shown) AS shown FROM chosen GROUP BY speaker_key, doc_key) "
        "SELECT speaker_key, mode() WITHIN GROUP (ORDER BY speaker), "
        "mode() WITHIN GROUP (ORDER BY role), count(*), "
        "(SELECT array_agg(shown ORDER BY path, doc_key) FROM per_document AS d "
        " WHERE d.speaker_key = chosen.speaker_key) "
        "FROM chosen GROUP BY speaker_key", (wanted,))
    found = [SpeakerInfo(name=name, role=role, quotes=count, sources=tuple(where or ()))
             for _key, name, role, count, where in cursor.fetchall()]
    found.sort(key=lambda s: (-s.quotes, fold_name(s.name)))
    return found


def speaker_names(cursor: Any) -> list[str]:
    cursor.execute("SELECT mode() WITHIN GROUP (ORDER BY speaker), count(*) FROM quotes "
                   "WHERE speaker_key IS NOT NULL GROUP BY speaker_key")
    return [name for name, _ in sorted(cursor.fetchall(), key=lambda row: (-row[1], row[0]))]


def stats(cursor: Any, location: str, shards: int = 1) -> Stats:
    cursor.execute("SELECT kind, count(*) FROM quotes GROUP BY kind")
    kinds = dict(sorted(cursor.fetchall()))
    cursor.execute("SELECT count(*) FROM documents")
    documents_count = cursor.fetchone()[0]
    cursor.execute("SELECT count(DISTINCT speaker_key) FROM quotes")
    speakers_count = cursor.fetchone()[0]
    cursor.execute("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class AS c "
                   "WHERE c.oid IN (to_regclass('quotes'), to_regclass('sources'), "
                   "to_regclass('documents'), "
                   "to_regclass('words'), to_regclass('corrections'))")
    size = cursor.fetchone()[0] or 0
    return Stats(location=location, documents=documents_count, quotes=sum(kinds.values()),
                 kinds=kinds, speakers=speakers_count, size_bytes=int(size), segments=shards)


# Corrections


def corrections(cursor: Any) -> list[Correction]:
    cursor.execute("SELECT correction FROM corrections ORDER BY number")
    return [correction_of(row[0]) for row in cursor.fetchall()]


def correction_of(data: dict[str, Any]) -> Correction:
    return Correction(action=data["action"], names=tuple(data.get("names") or ()),
                      quote=data.get("quote"), speaker=data.get("speaker"),
                      role=data.get("role"), note=data.get("note"))

