"""`speaker:` in a query: a person, as `search(..., speaker=...)` and by_speaker mean one,
corrections applied.

A name or phrase meaning a person becomes that person's quote ids: one `Quotes` clause,
which each backend matches directly, not an OR of 24,697 id terms (11 s). A name that
means nobody stays the words as typed, searched in the stored speaker field. That field
holds the extractor's speaker, from before any correction, so the quotes corrections
reassigned that it finds are left out (ANDed NOT of their ids): their speaker now is
someone the name does not mean (had it meant them, it would have meant a person), and a
quote moved away from "Ann Lee" is no longer hers once she has none left. When it finds
none of them, as for most names, the clause stays as typed, ranked as it was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quoteidx.identity.names import name_words
from quoteidx.querying import SearchRequest
from quoteidx.querying.tree import And, Node, Not, Or, Phrase, Quotes, Term

if TYPE_CHECKING:
    from quoteidx.index.api import Index


def persons(node: Node, index: Index) -> tuple[Node, list[str]]:
    """The query with each `speaker:` name or phrase as --speaker means it, and the names
    of the people they were taken to mean."""
    people: list[str] = []
    moved: list[tuple[str, ...]] = []  # the reassigned quotes' ids, read once if needed

    def walk(node: Node) -> Node:
        if isinstance(node, And | Or):
            return replace(node, children=tuple(walk(child) for child in node.children))
        if isinstance(node, Not):
            return Not(walk(node.child))
        if not isinstance(node, Term | Phrase) or node.field != "speaker" or not name_words(
                node.text):
            return node
        meant = index.people_meant(node.text)
        ids = sorted({quote.id for person in meant for quote in person.quotes})
        if ids:
            people.extend(person.name for person in meant)
            return Quotes(tuple(ids), boost=node.boost)
        if not moved:
            moved.append(tuple(sorted({c.quote for c in index.store.corrections()
                                       if c.action == "reassign" and c.quote})))
        if not moved[0]:
            return node
        found = index.store.search(SearchRequest(And((node, Quotes(moved[0]))), limit=None,
                                                 highlight=False))
        gone = sorted(hit.quote.id for hit in found.hits)
        return And((node, Not(Quotes(tuple(gone))))) if gone else node

    return walk(node), people
