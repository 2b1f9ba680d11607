"""Recording a correction to who said what: checked against the index as it is first,
so that one that would not apply is refused now rather than silently ignored later."""

from __future__ import annotations

from dataclasses import dataclass

from quoteidx.identity import Correction, Identity, kept, resolve
from quoteidx.identity.listing import load_speakers
from quoteidx.identity.names import parse_ref
from quoteidx.storing import Store


class CorrectionRefused(ValueError):
    """A correction that would not apply as given (an unknown or ambiguous name, nothing
    to split); nothing was recorded. The message says why."""


@dataclass(frozen=True, slots=True)
class Recorded:
    """What recording a correction did: `recorded` is False when there was nothing to
    record (the names were already one person); `people` who the person is now (at most
    three, when the name they go by is shared); `where` where corrections are kept.
    `cancelled` is the number the earlier correction this one undid had (a split of
    what was merged, or the other way round): it was removed and nothing recorded."""

    correction: Correction
    recorded: bool
    people: list[Identity]
    where: str
    cancelled: int | None = None


def record(store: Store, correction: Correction) -> Recorded:
    existing = store.corrections()
    opposite = next((number for number in range(len(existing), 0, -1)
                     if correction.undoes(existing[number - 1])), None)
    if opposite is not None:
        # The two cancel out: the earlier one goes, and the index is as it was before it.
        store.remove_correction(opposite)
        name = parse_ref(correction.names[0])[0]
        after = load_speakers(store)
        return Recorded(correction, False, after.find(name)[:3], store.corrections_location,
                        cancelled=opposite)
    # From the index's counts of each document's speakers, as `speakers` lists people:
    # those kept with the index, and the people with the correction, kept once it is.
    before = load_speakers(store, existing)
    after = load_speakers(store, [*existing, correction], keep=False)
    mine = f"correction {len(existing) + 1} "
    problems = [p.removeprefix(mine) for p in after.warnings if p.startswith(mine)]
    if problems:
        raise CorrectionRefused(problems[0])
    meant = [person for ref in correction.names for person in resolve(before, ref)]
    name = correction.speaker if correction.action == "reassign" else parse_ref(
        correction.names[-1] if correction.action == "split" else correction.names[0])[0]
    people = after.find(name or "")[:3]
    if correction.action == "merge" and len({id(person) for person in meant}) == 1:
        return Recorded(correction, False, people, store.corrections_location)
    store.add_correction(correction)
    kept.keep(store, after)
    return Recorded(correction, True, people, store.corrections_location)
