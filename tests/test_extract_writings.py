"""A text that speaks for its writer: "Ruiz's statement said" is Ruiz speaking."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker"), [
    ("Health Minister Ana Ruiz met nurses on Monday. Ruiz's statement also said the "
     "province will hire 400 more.", "Ana Ruiz"),
    ("Mayor Ana Ruiz left the meeting early. The mayor's email said the province will "
     "hire 400 more.", "Ana Ruiz"),
    ("Ana Ruiz left the meeting early. Her letter said the province will hire 400 more.",
     "Ana Ruiz"),
    ("Ana Ruiz left the meeting early. According to Ruiz's statement, the province will "
     "hire 400 more nurses.", "Ana Ruiz"),
])
def test_a_writing_of_a_person_is_that_person_speaking(text: str, speaker: str) -> None:
    quotes = records(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", speaker)], show(quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    # a report or a study may be others' work done for them
    ("Mayor Ana Ruiz left early. The mayor's report said the province will hire 400 more.",
     "The mayor's report"),
    # the language is not a text of hers
    ("Ana Ruiz left early. Ruiz's language in the statement suggested the province will "
     "hire 400 more.", "Ruiz's language in the statement"),
])
def test_other_things_of_a_person_stay_as_written(text: str, speaker: str) -> None:
    quotes = records(text)
    assert [q.speaker for q in quotes] in ([speaker], []), show(quotes)
    assert "Ana Ruiz" not in [q.speaker for q in quotes], show(quotes)

