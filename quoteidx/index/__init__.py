"""The library API: one quote index, whatever stores it.

    import quoteidx

    with quoteidx.open_index("archive", create=True) as index:  # a folder: Whoosh
        index.add(["corpus"])
        for hit in index.search("Pakistan", speaker="Khan", since="2021").hits:
            print(hit.person, hit.quote.text)
        report = index.verify("we are cursed with never getting peace", speaker="Khan")
        print(report.verdict)

Identities and corrections are applied here, for every backend; the CLI parses
arguments, calls these methods and prints what they return.

    api.py          open_index, Index: add, search, by_speaker, speakers, get, context,
                    verify, records/export, corrections (merge, split, reassign)
    search.py       Index.search and by_speaker: the store's hits with people and
                    corrections applied, narrowed to a person or a case
    quote_ids.py    a quote by its id or a unique start of it, and what replaced an id
                    the index no longer has
    export.py       what Index.export writes (every quote or a query's hits, each with
                    its person) as jsonl, csv or jsonld
    context.py      a quote's paragraphs, read again from its source
    corrections.py  a correction checked against the index before it is kept
    persons.py      a query's `speaker:` names as the people they mean, corrections applied
"""

from quoteidx.index.api import (
    AmbiguousId,
    CorrectionWarning,
    Index,
    QuoteNotFound,
    Replacement,
    open_index,
)
from quoteidx.index.context import Context
from quoteidx.index.corrections import CorrectionRefused, Recorded

__all__ = ["AmbiguousId", "Context", "CorrectionRefused", "CorrectionWarning", "Index",
           "QuoteNotFound", "Recorded", "Replacement", "open_index"]
