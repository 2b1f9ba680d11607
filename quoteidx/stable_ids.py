"""Quote ids that outlive edits: ids made from the document's key, and which new quote
replaced an old id when a document changed (for `quoteidx show OLD_ID`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from quoteidx.record import Quote, quote_id


def with_stable_ids(quotes: Sequence[Quote], key: str) -> list[Quote]:
    """The quotes with ids made from the document's key rather than the path the run was
    given (`../corpus/a.txt` and `corpus/a.txt` are one document): its key, the
    speaker, the words and, for the same words said again by the same speaker in the
    document, which time (quotes come in document order)."""
    times: Counter[tuple[str | None, str]] = Counter()
    out = []
    for quote in quotes:
        said = (quote.speaker, " ".join(quote.text.split()))
        stable = quote_id(key, quote.speaker, quote.text, times[said])
        times[said] += 1
        out.append(quote if quote.id == stable else replace(quote, id=stable))
    return out


REPLACED_KEPT = 500  # old ids remembered per document: enough for years of small edits
_WORD = re.compile(r"\w+")


def replaced_ids(old: Sequence[Quote], new: Sequence[Quote],
                 before: dict[str, str | None]) -> dict[str, str | None]:
    """Old quote id -> the id of the quote that replaced it in the new version of the
    document (None: gone, no quote alike), for `quoteidx show OLD_ID`. A replacement is
    a new quote with the same speaker and most of the same words (a typo fixed, a word
    added), or the same words given to another speaker (a correction of who said it).
    `before` is the document's earlier map, kept and followed to the new ids."""
    new_ids = {quote.id for quote in new}
    old_ids = {quote.id for quote in old}
    fresh = [quote for quote in new if quote.id not in old_ids]
    found: dict[str, str | None] = {}
    taken: set[str] = set()
    for quote in old:
        if quote.id in new_ids:
            continue
        best, best_score = None, 0.0
        for candidate in fresh:
            if candidate.id in taken:
                continue
            score = _overlap(quote.text, candidate.text)
            if candidate.speaker != quote.speaker:
                score = score if score == 1.0 else 0.0  # another speaker: the same words only
            if score > best_score:
                best, best_score = candidate, score
        if best is not None and best_score >= 0.6:
            taken.add(best.id)
            found[quote.id] = best.id
        else:
            found[quote.id] = None
    kept: dict[str, str | None] = {}
    for earlier, target in before.items():
        if earlier in new_ids:
            continue  # back again
        kept[earlier] = target if target is None or target in new_ids else found.get(target)
    kept.update(found)
    return dict(list(kept.items())[-REPLACED_KEPT:])


def _overlap(a: str, b: str) -> float:
    """How alike two quotes' words are, 0 to 1 (the words in order, case ignored)."""
    import difflib

    left, right = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()
