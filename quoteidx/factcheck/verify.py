"""`verify`: was this said, and by whom? Candidates come from the index (any quote with
one of the claim's significant words, plus every quote of the named speaker), are
compared with the claim word for word, and the closest give the verdict."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoteidx.factcheck.compare import Comparison, compare
from quoteidx.factcheck.text import normalise, search_terms
from quoteidx.record import Quote

if TYPE_CHECKING:
    from quoteidx.identity import Identities, Identity
    from quoteidx.index import Index

MIN_WORDS = 3  # fewer words match too much to verify anything
MIN_SCORE = 80.0  # below this, unrelated quotes sharing a few words start to score
CANDIDATES = 50  # quotes fetched from the index by the claim's words

# Verdicts, best first, and the exit code of each (documented in --help and the README).
CONFIRMED = "confirmed"  # the exact words, by the speaker named (or by someone, if none)
SIMILAR = "similar"  # close words by the speaker (or by someone): read the differences
MISATTRIBUTED = "misattributed"  # said, exactly or closely, but only by someone else
NOT_FOUND = "not_found"  # nothing close in the index
UNKNOWN_SPEAKER = "unknown_speaker"  # nobody by the speaker's name is quoted at all
EXIT_CODES = {CONFIRMED: 0, NOT_FOUND: 1, SIMILAR: 3, MISATTRIBUTED: 4, UNKNOWN_SPEAKER: 5}
# Worst last: many claims' exit code is the worst verdict's (a misattribution is the
# finding a fact-checker must not miss; a claim that matched exactly, the least news).
SEVERITY = (CONFIRMED, SIMILAR, NOT_FOUND, UNKNOWN_SPEAKER, MISATTRIBUTED)


class ClaimError(ValueError):
    """A claim that cannot be verified as given; the message says why. `line`: where it
    is in a file of claims."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def worst(verdicts: Iterable[str]) -> str | None:
    """The worst of several verdicts (see SEVERITY); None for none."""
    return max(verdicts, key=SEVERITY.index, default=None)


@dataclass(frozen=True, slots=True)
class Candidate:
    quote: Quote
    comparison: Comparison
    person: str | None  # who said it, as one identity across documents
    by_speaker: bool | None  # said by the speaker named; None when none was named

    @property
    def match(self) -> str:
        return "exact" if self.comparison.exact else "similar"


@dataclass(frozen=True, slots=True)
class Report:
    claim: str
    speaker: str | None  # as given
    speaker_names: tuple[str, ...]  # the people that name means in the index
    verdict: str
    candidates: tuple[Candidate, ...]  # closest first, all at or above min_score

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]


def verify(
    index: Index,
    claim: str,
    speaker: str | None = None,
    *,
    min_score: float = MIN_SCORE,
    limit: int = 5,
) -> Report:
    """Compare `claim` with the quotes in `index` (corrections applied). With `speaker`,
    the people that name means there decide whether the attribution holds."""
    wanted = normalise(claim)
    if len(wanted.words) < MIN_WORDS:
        raise ClaimError(f"give at least {MIN_WORDS} words of the claim to verify")
    if speaker is not None and not speaker.strip():
        raise ClaimError("--speaker is empty")
    query = " OR ".join(search_terms(wanted))
    found = [hit.quote for hit in index.search(query, limit=CANDIDATES, highlight=False).hits]

    named: list[Identity] = []
    identities: Identities | None = None
    if speaker:
        identities = index.identities(about=speaker)
        named = identities.find(speaker)
        found += [quote for person in named for quote in person.quotes]
    ids = {quote.id for person in named for quote in person.quotes}

    candidates = []
    for quote in _unique(found):
        comparison = compare(wanted, quote.text)
        if comparison.score < min_score:
            continue
        person = identities.person(quote) if identities else None
        candidates.append(Candidate(
            quote=quote,
            comparison=comparison,
            person=person.name if person else quote.speaker,
            by_speaker=(quote.id in ids) if speaker else None,
        ))
    candidates.sort(key=lambda c: (-c.comparison.exact, -c.comparison.score, c.by_speaker is False))
    verdict = _verdict(candidates, named=speaker is not None)
    if speaker is not None and not named:
        # Not a misattribution: the index knows no one of that name, so it cannot say
        # whether they said it (these words may be someone else's, or no one's here).
        verdict = UNKNOWN_SPEAKER
    return Report(
        claim=claim,
        speaker=speaker,
        speaker_names=tuple(person.name for person in named),
        verdict=verdict,
        candidates=tuple(candidates[:limit] if limit else candidates),
    )


def _verdict(candidates: list[Candidate], *, named: bool) -> str:
    if not candidates:
        return NOT_FOUND
    if not named:
        return CONFIRMED if candidates[0].comparison.exact else SIMILAR
    for exact in (True, False):
        tier = [c for c in candidates if c.comparison.exact == exact]
        if any(c.by_speaker for c in tier):
            return CONFIRMED if exact else SIMILAR
        if tier:
            return MISATTRIBUTED
    return NOT_FOUND  # unreachable: every candidate is exact or not


def _unique(quotes: Iterable[Quote]) -> list[Quote]:
    return list({quote.id: quote for quote in quotes}.values())
