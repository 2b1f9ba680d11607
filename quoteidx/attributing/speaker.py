"""Who a record's speaker is: a name (or a description kept as written), a role, and
what kind of speaker it is, which decides what a pronoun may refer to."""

from __future__ import annotations

from dataclasses import dataclass

PERSON, GROUP, ORGANISATION = "person", "group", "organisation"
UNKNOWN, PLACE, THING = "unknown", "place", "thing"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None
    plural: bool = False
    gender: str | None = None  # "female", "male" or unknown
    # person, group (many people), organisation, place, thing ("the report"), or
    # unknown (a lone name the document never shows to be a person): what a pronoun
    # may refer to
    kind: str = PERSON
