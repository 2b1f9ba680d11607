"""Reading a Whoosh index: searches, quotes by id, speakers and figures, each a function
of an open searcher. Only the quotes shown are turned into records and highlighted."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from whoosh import query
from whoosh.collectors import FilterCollector

from quoteidx.querying import fold_name
from quoteidx.record import Quote, Source
from quoteidx.storing.base import (
    DocumentInfo,
    DocumentSpeakers,
    Hit,
    SearchResult,
    SpeakerInfo,
    Stats,
)
from quoteidx.storing.whoosh.schema import RECORD_TYPES, stored_counts, stored_quote
from quoteidx.storing.whoosh.storage import folder_size

if TYPE_CHECKING:
    from quoteidx.querying import SearchRequest

# The query language and the collectors are imported by search() and top(): reading a
# quote by its id or the documents' counts (`show`, `speakers`) needs neither.


def search(searcher: Any, schema: Any, request: SearchRequest) -> SearchResult:
    from quoteidx.storing.whoosh.query import (
        reaches_records,
        request_queries,
        text_marker,
        text_tokens,
    )

    main, narrowed = request_queries(request, schema)
    options: dict[str, Any] = {}
    if reaches_records(main):
        # Only these can match a document's record; masking costs a pass over all the
        # records, so other queries skip it.
        options["mask"] = query.Or([query.Term("rtype", kind) for kind in RECORD_TYPES])
    if narrowed is not None:
        options["filter"] = narrowed
    limit = request.limit
    if request.sort == "date" and searcher.reader().has_column("sortdate"):
        options.update(sortedby="sortdate", reverse=True)
    elif request.sort == "date":  # no quote is dated: Whoosh cannot sort by the column
        options.update(scored=False)
    elif request.sort == "document":
        limit = None  # sorted below, by fields Whoosh has no column for

    if limit == 0:  # only the count
        matched = searcher.search(main, limit=None, scored=False,
                                  filter=options.get("filter"), mask=options.get("mask"))
        return SearchResult(hits=[], total=len(matched))
    if request.sort == "relevance" and limit is not None:
        results = top(searcher, main, limit, options)
    elif limit is None and request.sort in ("relevance", "document") and not isinstance(
            main, query.Every):
        # Every match, best first as Whoosh ranks them (then by document, if asked)
        results = top(searcher, main, max(1, searcher.doc_count_all()), options)
    else:
        results = searcher.search(main, limit=limit, **options)
    found = list(zip(quotes(searcher, [(hit.docnum, stored_fields(searcher, hit.docnum))
                                       for hit in results]),
                     results, strict=True))
    if request.sort == "document":
        found.sort(key=lambda pair: (pair[0].source.path, pair[0].start))
        found = found[: request.limit] if request.limit is not None else found
    marks = text_marker(request.tree, schema, searcher.reader()) if (
        request.tree is not None and found and request.highlight) else None
    hits = [
        Hit(
            quote=quote,
            score=hit.score if request.sort == "relevance" else None,
            spans=marks.spans(lambda field, text=quote.text: text_tokens(schema, field, text))
            if marks else (),
        )
        for quote, hit in found
    ]
    return SearchResult(hits=hits, total=len(results))


def top(searcher: Any, q: Any, limit: int, options: dict[str, Any]) -> Any:
    """The best `limit` matches, as `searcher.search` finds them, through a collector
    that scores a single term's postings a block at a time."""
    from quoteidx.storing.whoosh.topterm import TermTopCollector

    collector: Any = TermTopCollector(limit=limit)
    if options:
        collector = FilterCollector(collector, options.get("filter"), options.get("mask"))
    searcher.search_with_collector(q, collector)
    return collector.results()


def get(searcher: Any, quote_id: str) -> Quote | None:
    number = searcher.document_number(id=quote_id)
    if number is None:
        return None
    return quotes(searcher, [(number, stored_fields(searcher, number))])[0]


def document_quotes(searcher: Any, key: str) -> list[Quote]:
    # The document's key alone, its two records left out by their fields: ANDed with
    # rtype:quote, every quote's posting of that term was read, a whole index per call.
    stored = [(number, stored_fields(searcher, number))
              for number in searcher.document_numbers(doc=key)]
    found = quotes(searcher, [(number, fields) for number, fields in stored if "id" in fields])
    return sorted(found, key=lambda quote: quote.start)


def documents(searcher: Any) -> dict[str, DocumentInfo]:
    return {stored["doc"]: _document_info(stored) for stored in searcher.documents(rtype="doc")}


def speaker_counts(searcher: Any, schema: Any, speaker: str | None) -> list[DocumentSpeakers]:
    if speaker is None:
        numbers = list(searcher.document_numbers(rtype="doc"))
    else:
        parts = [token.text for token in schema["doc_speaker"].analyzer(speaker, mode="query")]
        if not parts:
            return []
        wanted = query.And([query.Term("doc_speaker", part) for part in parts])
        numbers = sorted(searcher.search(wanted, limit=None, scored=False).docs())
    found = []
    for number in numbers:
        stored = stored_fields(searcher, number)
        found.append(DocumentSpeakers(stored["doc"], Source(**stored["doc_source"]),
                                      stored_counts(stored)))
    return found


def speakers(searcher: Any, fragment: str | None) -> list[SpeakerInfo]:
    wanted = fold_name(fragment) if fragment else ""
    found = []
    keys = [key for key in searcher.reader().field_terms("speaker_key") if wanted in key]
    for key in keys:
        names: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        docs: dict[str, None] = {}  # ordered set
        for stored in searcher.documents(speaker_key=key):
            names[stored["speaker"]] += 1
            if stored.get("role"):
                roles[stored["role"]] += 1
            docs[stored["doc"]] = None
        if not names:  # only deleted quotes left under this name
            continue
        where = _sources(searcher, list(docs)).values()
        found.append(SpeakerInfo(
            name=names.most_common(1)[0][0],
            role=roles.most_common(1)[0][0] if roles else None,
            quotes=sum(names.values()),
            sources=tuple(s.publication or s.path for s in where),
        ))
    found.sort(key=lambda s: (-s.quotes, fold_name(s.name)))
    return found


def speaker_names(searcher: Any) -> list[str]:
    reader = searcher.reader()
    names = []
    for key in reader.field_terms("speaker_key"):
        stored = searcher.document(speaker_key=key)
        if stored is not None:  # else only deleted quotes are left under it
            names.append((-reader.doc_frequency("speaker_key", key), stored["speaker"]))
    return [name for _, name in sorted(names)]


def stats(searcher: Any, location: str, folder: str) -> Stats:
    reader = searcher.reader()

    def count(q: Any) -> int:
        return len(searcher.search(q, limit=1, scored=False))

    kinds = {kind: count(query.Term("kind", kind)) for kind in reader.field_terms("kind")}
    return Stats(
        location=location,
        documents=count(query.Term("rtype", "doc")),
        quotes=count(query.Term("rtype", "quote")),
        kinds={kind: n for kind, n in sorted(kinds.items()) if n},
        speakers=sum(1 for _ in reader.field_terms("speaker_key")),
        size_bytes=folder_size(folder),
        segments=len(list(reader.leaf_readers())),
    )


def stored_fields(searcher: Any, number: int) -> dict[str, Any]:
    """searcher.stored_fields(number), read from its segment's stored column directly.
    Whoosh's own checks every field of the record against the schema, for fields a
    schema has dropped since (quoteidx's never drops one: another version rebuilds the
    index): a fifth of reading 4,000 quotes with their documents' records."""
    reader = searcher.reader()
    if hasattr(reader, "_segment_and_docnum"):  # a MultiReader: the segment's own
        segment, number = reader._segment_and_docnum(number)
        reader = reader.readers[segment]
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or getattr(reader, "is_closed", True):
        return reader.stored_fields(number)
    return perdoc.stored_fields(number)


def quotes(searcher: Any, stored: list[tuple[int, dict[str, Any]]]) -> list[Quote]:
    """Quotes from (document number, stored fields) pairs."""
    texts = _texts(searcher, stored)
    return [stored_quote(fields, *texts[fields["doc"]]) for _, fields in stored]


def _texts(searcher: Any, stored: list[tuple[int, dict[str, Any]]]
           ) -> dict[str, tuple[Source, list[Any]]]:
    """The source and the stored paragraphs of these quotes' documents, from their text
    records: found `text_at` documents after a quote, else by a term look-up."""
    found: dict[str, tuple[Source, list[Any]]] = {}
    last = searcher.doc_count_all()
    for number, fields in stored:
        key = fields["doc"]
        if key in found:
            continue
        record = None
        at = fields.get("text_at")
        if at is not None and number + at < last:
            record = stored_fields(searcher, number + at)
            if record.get("doc") != key or "doc_text" not in record:
                record = None
        if record is None:
            at = searcher.document_number(text_key=key)
            record = None if at is None else stored_fields(searcher, at)
        if record is None:  # if a record were missing
            found[key] = (Source(path=key), [])
        else:
            found[key] = (Source(**record["doc_source"]), record.get("doc_text") or [])
    return found


def _sources(searcher: Any, keys: list[str]) -> dict[str, Source]:
    """The sources of these documents, from their records: a term look-up each (one
    query OR-ing a thousand keys costs several times more)."""
    found = {}
    for key in dict.fromkeys(keys):
        number = searcher.document_number(doc_key=key)
        found[key] = (Source(path=key) if number is None  # if a record were missing
                      else Source(**stored_fields(searcher, number)["doc_source"]))
    return found


def _document_info(stored: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        key=stored["doc"],
        content_hash=stored["doc_hash"],
        source=Source(**stored["doc_source"]),
        quotes=stored.get("doc_quotes", 0),
        replaced=stored.get("doc_replaced") or {},
    )
