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



@pytest.mark.parametrize("title", ["“Harbour Housing Framework 2023,”",
                                   '"Harbour Housing Framework,"'])
def test_a_reports_title_in_commas_is_no_quote(title: str) -> None:
    """"A city report, “Harbour Housing Framework 2023,” recommended that …": the marks
    hold the report's title, set off as its apposition; the report's claim is found, not
    a quote of the title said by "A city" ("report" read as a verb)."""
    found = records(f"A city report, {title} recommended that camps be cleared only when "
                    "housing is offered.")
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("indirect", "A city report", "camps be cleared only when housing is offered")], (
        show(found))
    assert found[0].role is not None and found[0].role.strip("“”\"") == (
        title.strip("“”\",").rstrip(","))
