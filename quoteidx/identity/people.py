"""One identity per person across documents, computed from the quotes in the index (or
its counts of them) and its corrections (nothing here is stored); reading them from an
index is quoteidx.identity.listing's, keeping the list of everyone with the index
quoteidx.identity.kept's.

Within one document the extractor has already resolved "he", "Khan" and "Commander
Khan" to one speaker name; that name in that document is a *persona*. Personae are then
joined conservatively:

- across documents, only by the same full name (two or more capitalised words, titles
  dropped: "Commander Ismail Khan" is "Ismail Khan"). A surname or a one-word name
  ("Khan", "Hidaytullah") or a description ("a fighter") is never matched across
  documents: it says nothing about who is meant;
- within one document, a shorter name joins the one longer name it is part of when the
  two share an alias there ("Khan", also used for "Ismail Khan"). If it could be part of
  two names ("Khan": "Ismail Khan" or "Bismillah Khan"), it joins neither.

Then the corrections apply, in the order they were made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from quoteidx.identity.corrections import Correction
from quoteidx.identity.names import (
    folded,
    is_name,
    looks_like_person,
    name_key,
    name_words,
    parse_ref,
)
from quoteidx.identity.said import Said, weight
from quoteidx.record import BY_CORRECTION, Quote, Source

if TYPE_CHECKING:
    from quoteidx.storing import DocumentInfo, DocumentSpeakers


S = TypeVar("S", bound=Said)


def source_label(source: Source) -> str:
    """How a source is named in listings: its publication, else its title, else its path."""
    return source.publication or source.title or source.path


@dataclass
class Identity:
    """One person: every name seen for them and what each source called them. Built
    from quotes, or from the index's counts of them (quoteidx.identity.listing), when
    `quotes` are read from the index only if asked for."""

    name: str
    _said: list[Said] | None  # what they were built from (see `said`)
    aliases: list[str] = field(default_factory=list)  # the name first, then most used
    roles: list[tuple[str, str]] = field(default_factory=list)  # (source label, role)
    sources: list[str] = field(default_factory=list)  # labels, first seen first
    wrote: list[str] = field(default_factory=list)  # labels of documents they authored
    count: int = 0  # how many quotes
    role: str | None = None  # the role most quotes give
    load: Callable[[list[Said]], list[Quote]] | None = field(
        default=None, repr=False, compare=False)  # the quotes of counts
    _quotes: list[Quote] | None = field(default=None, repr=False, compare=False)
    # A kept listing's people (quoteidx.identity.kept) read what they were built from
    # only if asked: listing them never does.
    said_of: Callable[[Identity], list[Said]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def said(self) -> list[Said]:
        """What they were built from, in document order."""
        if self._said is None:
            self._said = self.said_of(self) if self.said_of is not None else []
        return self._said

    @property
    def quotes(self) -> list[Quote]:
        """Their quotes, corrections applied, in document order."""
        if self._quotes is None:
            self._quotes = (self.load(self.said) if self.load is not None
                            else [said for said in self.said if isinstance(said, Quote)])
        return self._quotes

    def matches(self, name: str) -> bool:
        """Every part of `name` is in one of the aliases, in any case or accents."""
        wanted = set(name_words(name))
        return bool(wanted) and any(wanted <= set(name_words(alias)) for alias in self.aliases)

    def contains(self, fragment: str) -> bool:
        wanted = folded(fragment)
        return any(wanted in folded(alias) for alias in self.aliases)


@dataclass
class Identities:
    people: list[Identity]  # most quoted first
    warnings: list[str]  # corrections that could not be applied, and why
    # What they were built from, as quoteidx.identity.kept names it (a state of the
    # index, its corrections, quoteidx); None if that cannot be named (built from part
    # of the index, or a store that cannot tell its states apart): never kept then.
    key: str | None = None
    _by_quote: dict[str, Identity] | None = field(default=None, repr=False, compare=False)

    def find(self, name: str) -> list[Identity]:
        """People any of whose names contains every part of `name` (as by-speaker)."""
        return [person for person in self.people if person.matches(name)]

    def person(self, quote: Quote) -> Identity | None:
        """Who said the quote (when built from quotes, not counts)."""
        if self._by_quote is None:
            self._by_quote = {said.id: person for person in self.people
                              for said in person.said}
        return self._by_quote.get(quote.id)


def reassigned(quotes: Iterable[S], corrections: Sequence[Correction]) -> list[S]:
    """The quotes with each 'reassign' correction applied: the new speaker (and role) in
    place of the extractor's, the old one kept in `extra["reassigned_from"]`, no speaker
    mention, and `resolved_by` "correction" (BY_CORRECTION) in every format. Counts pass
    as they are (they are counted with the reassignments applied)."""
    moves = {c.quote: c for c in corrections if c.action == "reassign"}
    if not moves:
        return list(quotes)
    out = []
    for quote in quotes:
        move = moves.get(quote.id)
        if move is not None and isinstance(quote, Quote):
            extra = {**quote.extra, "reassigned_from": quote.speaker}
            # The mention named the speaker the correction took the quote from: kept,
            # it would be an alias of the new one (a look-up of "Ann Lee" finding the
            # person her quote was moved to) and join or split them by her name.
            # How the extractor found the old speaker ("pronoun") says nothing of the
            # new one: a correction did.
            quote = replace(quote, speaker=move.speaker, speaker_mention=None,
                            role=move.role, resolved_by=BY_CORRECTION, extra=extra)
        out.append(quote)
    return out


def build_identities(
    quotes: Sequence[Said],
    corrections: Sequence[Correction] = (),
    documents: Iterable[DocumentInfo | DocumentSpeakers] = (),
    *,
    known: Collection[str] | None = None,
    only: Callable[[Said], bool] | None = None,
) -> Identities:
    """People from quotes in document order, or from counts of them (which must have
    the reassignments applied already; `known` then names the reassigned quotes the
    index has). With `only`, just the people who said something it accepts (to look
    one up: making each of the others cost as much again)."""
    quotes = reassigned(quotes, corrections)
    blocks = _auto_blocks([quote for quote in quotes if quote.speaker])
    if known is None:
        known = {quote.id for quote in quotes}
    warnings: list[str] = []
    for number, correction in enumerate(corrections, 1):
        if correction.action == "reassign":
            if correction.quote not in known:
                warnings.append(f"correction {number} ({correction.describe()}): "
                                "no such quote in the index")
            continue
        problem = _apply(blocks, correction)
        if problem:
            warnings.append(f"correction {number} ({correction.describe()}): {problem}")
    authors: dict[str, list[str]] = {}  # author's name key -> labels of what they wrote
    for info in documents:
        for author in _authors(info.source.author or ""):
            authors.setdefault(name_key(author), []).append(source_label(info.source))
    people = [_identity(block, authors) for block in blocks if block.quotes
              and (only is None or any(only(quote) for quote in block.quotes))]
    people.sort(key=lambda p: (-p.count, folded(p.name)))
    return Identities(people, warnings)


# Building


@dataclass
class _Block:
    quotes: list[Said]
    name: str | None = None  # chosen by a merge; else the best name of its quotes


def _auto_blocks(quotes: list[Said]) -> list[_Block]:
    personae: dict[tuple[str, str], list[Said]] = {}
    for quote in quotes:
        personae.setdefault((quote.source.path, name_key(quote.speaker or "")), []).append(quote)
    parent = {key: key for key in personae}

    def root(key: tuple[str, str]) -> tuple[str, str]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: tuple[str, str], b: tuple[str, str]) -> None:
        parent[root(b)] = root(a)

    # The same full name in any document.
    first_with: dict[str, tuple[str, str]] = {}
    for key, said in personae.items():
        if looks_like_person(said[0].speaker or ""):
            join(first_with.setdefault(key[1], key), key)

    # A shorter name within one document: the one longer name it shares an alias with.
    by_doc: dict[str, list[tuple[str, str]]] = {}
    for key in personae:
        by_doc.setdefault(key[0], []).append(key)
    aliases: dict[tuple[str, str], set[str]] = {}  # each persona's, when first needed

    def alias_keys(key: tuple[str, str]) -> set[str]:
        if key not in aliases:
            aliases[key] = _alias_keys(personae[key])
        return aliases[key]

    for keys in by_doc.values():
        if len(keys) < 2:
            continue
        words = {key: set(key[1].split()) for key in keys}
        for short in keys:
            longer = [long for long in keys if long != short and words[short] < words[long]]
            fits = [long for long in longer
                    if alias_keys(short) & alias_keys(long)
                    and looks_like_person(personae[long][0].speaker or "")]
            if len(fits) == 1:
                join(fits[0], short)

    grouped: dict[tuple[str, str], list[Said]] = {}
    for key, said in personae.items():
        grouped.setdefault(root(key), []).extend(said)
    order = {quote.id: n for n, quote in enumerate(quotes)}
    return [_Block(sorted(said, key=lambda q: order[q.id])) for said in grouped.values()]


def _alias_keys(quotes: Iterable[Said]) -> set[str]:
    keys = set()
    for quote in quotes:
        keys.add(name_key(quote.speaker or ""))
        if is_name(quote.speaker_mention):
            keys.add(name_key(quote.speaker_mention or ""))
    return keys


def _best_name(quotes: Sequence[Said]) -> str:
    # A full name, the most used, without a title ("Ismail Khan", not "Commander ..."),
    # the longest.
    counts: Counter[str] = Counter()
    for quote in quotes:
        if quote.speaker:
            counts[quote.speaker] += weight(quote)
    if len(counts) == 1:  # most people: one name
        return next(iter(counts))
    return max(counts, key=lambda name: (looks_like_person(name), counts[name],
                                         name_key(name) == folded(name),
                                         len(name.split())))


def _identity(block: _Block, authors: dict[str, list[str]]) -> Identity:
    name = block.name or _best_name(block.quotes)
    seen: Counter[str] = Counter()
    shown: dict[str, str] = {}  # folded -> first spelling seen
    said: Counter[str] = Counter()  # role -> quotes giving it
    count = 0
    for quote in block.quotes:
        quotes = weight(quote)
        count += quotes
        for alias in (quote.speaker, quote.speaker_mention):
            if alias and (alias == quote.speaker or is_name(alias)):
                key = folded(alias)
                seen[key] += quotes
                shown.setdefault(key, alias)
        if quote.role:
            said[quote.role] += quotes
    ranked = sorted(seen, key=lambda key: -seen[key])
    aliases = [name] + [shown[key] for key in ranked if key != folded(name)]
    roles = list(dict.fromkeys(
        (source_label(quote.source), quote.role) for quote in block.quotes if quote.role))
    sources = list(dict.fromkeys(source_label(quote.source) for quote in block.quotes))
    # Only a full name says the author is this person: "Khan" wrote nothing by itself.
    person_keys = {name_key(alias) for alias in aliases if looks_like_person(alias)}
    wrote = list(dict.fromkeys(label for key in person_keys for label in authors.get(key, [])))
    return Identity(name, block.quotes, aliases, roles, sources, wrote,
                    count=count,
                    role=said.most_common(1)[0][0] if said else None)


def _authors(byline: str) -> list[str]:
    # "Kim Sengupta, Jane Doe" or "Kim Sengupta and Jane Doe"
    return [part.strip() for part in byline.replace(" and ", ",").split(",") if part.strip()]


# Corrections


def _apply(blocks: list[_Block], correction: Correction) -> str | None:
    """Apply a merge or split to `blocks` in place; a reason if it could not be."""
    if correction.action == "merge":
        found = []
        for ref in correction.names:
            matches = _resolve(blocks, ref)
            if len(matches) != 1:
                return _unresolved(ref, matches)
            found.append(matches[0])
        keep = found[0]
        keep.name = keep.name or _best_name(keep.quotes)
        for other in found[1:]:
            if other is not keep:
                keep.quotes.extend(other.quotes)
                other.quotes = []
        keep.quotes.sort(key=lambda q: (q.source.path, q.start))
        return None
    name, alias_ref = correction.names
    matches = _resolve(blocks, name)
    if len(matches) != 1:
        return _unresolved(name, matches)
    block = matches[0]
    alias, where = parse_ref(alias_ref)
    wanted = name_key(alias)
    moving = [
        quote for quote in block.quotes
        if (name_key(quote.speaker or "") == wanted
            or (is_name(quote.speaker_mention) and name_key(quote.speaker_mention or "") == wanted))
        and (where is None or _in_source(quote.source, where))
    ]
    if not moving:
        return f"no quote of {name!r} is by {alias_ref!r}"
    if len(moving) == len(block.quotes):
        return f"every quote of {name!r} is by {alias_ref!r}: nothing left to split from"
    ids = {quote.id for quote in moving}
    block.quotes = [quote for quote in block.quotes if quote.id not in ids]
    blocks.append(_Block(moving, name=alias))
    return None


def _resolve(blocks: list[_Block], ref: str) -> list[_Block]:
    """The people a correction's name means: those who were given that name as speaker,
    else those mentioned by it; narrowed to a source by 'NAME@SOURCE'."""
    name, where = parse_ref(ref)
    wanted = name_key(name)
    named, mentioned = [], []
    for block in blocks:
        quotes = [q for q in block.quotes if where is None or _in_source(q.source, where)]
        if any(name_key(q.speaker or "") == wanted for q in quotes) or (
            block.name and name_key(block.name) == wanted and quotes
        ):
            named.append(block)
        elif any(is_name(q.speaker_mention) and name_key(q.speaker_mention or "") == wanted
                 for q in quotes):
            mentioned.append(block)
    return named or mentioned


def _unresolved(ref: str, matches: list[_Block]) -> str:
    if not matches:
        return f"nobody called {ref!r} in the index"
    where = "; ".join(
        f"{block.name or _best_name(block.quotes)} in "
        + ", ".join(dict.fromkeys(source_label(q.source) for q in block.quotes))
        for block in matches
    )
    return f"{ref!r} could be {len(matches)} people ({where}); name one as NAME@SOURCE"


def _in_source(source: Source, where: str) -> bool:
    wanted = where.casefold()
    return any(wanted in value.casefold() for value in
               (source.path, source.title, source.publication, source.url) if value)


def resolve(identities: Identities, ref: str) -> list[Identity]:
    """The people a correction's name (NAME or NAME@SOURCE) means now."""
    blocks = [_Block(person.said, person.name) for person in identities.people]
    meant = {id(block) for block in _resolve(blocks, ref)}
    return [person for person, block in zip(identities.people, blocks, strict=True)
            if id(block) in meant]
