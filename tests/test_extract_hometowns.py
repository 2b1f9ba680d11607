"""A speaker's age, role and hometown in commas, as Canadian and US news writes them
("Jane Doe, 45, a nurse from Surrey, B.C., said"), and the abbreviations around them
that do or do not end a sentence ("Acme Inc. “That …”", "Sault Ste. Marie", "the
U.S. “war on drugs”"). Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize("text", [
    "Jane Doe, 45, a nurse from Surrey, B.C., said the hospital is understaffed.",
    "Jane Doe, 45, a nurse from Gatineau, Que., said the hospital is understaffed.",
])
def test_an_age_then_a_role_ending_in_a_region_before_the_verb(text: str) -> None:
    """The role with its place is hers: she speaks, not "a nurse from Surrey"."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Jane Doe", "the hospital is understaffed")], show(found)


@pytest.mark.parametrize(("credit", "role"), [
    ("Jane Doe, a retired nurse in Surrey, B.C., said in an interview.",
     "retired nurse in Surrey, B.C."),
    ("Jane Doe, 67, a retired nurse in Allentown, Pa., said in an interview.",
     "retired nurse in Allentown, Pa."),
    ("Jane Doe, 67, a nurse, said.", "nurse"),
])
def test_a_quote_credited_to_a_name_with_age_role_and_region(credit: str, role: str) -> None:
    found = records(f"“I do not think she has been truthful,” {credit}")
    assert [(q.speaker, q.role, q.text) for q in found] == [
        ("Jane Doe", role, "I do not think she has been truthful")], show(found)


@pytest.mark.parametrize("credit_end", [
    "president of Local 1006A.", "president of Acme Inc.", "of Surrey, B.C."])
def test_the_quote_after_a_credit_ending_in_an_abbreviation_goes_on(credit_end: str) -> None:
    """ "“A,” said X, president of Acme Inc. “B.”": the full stop of "Inc." (or of a
    region, or after a code like "1006A") ends the credit's sentence, so B, opening the
    next, is the rest of X's words."""
    text = (f"“Our members found out from the news,” said Gord Aalto, {credit_end} “That is "
            "unacceptable.”")
    [quote] = records(text)
    assert quote.speaker == "Gord Aalto" and len(quote.parts) == 2, show([quote])
    assert quote.text.endswith("That is unacceptable.")


def test_abbreviations_that_do_not_end_the_sentence() -> None:
    [claim] = records("According to the company, the stores include locations in Sault Ste. "
                      "Marie and Sudbury.")
    assert claim.text == "the stores include locations in Sault Ste. Marie and Sudbury"
    [claim] = records("The U.S. “war on drugs” failed, Ana Ruiz said.")
    assert claim.text == "The U.S. “war on drugs” failed"


def test_a_web_pages_furniture_between_paragraphs_breaks_no_story() -> None:
    """ "Story continues below", "READ MORE: …" between two paragraphs are the page's,
    not the story's: the uncued quote after them is still the last speaker's, and "she"
    still the person just quoted."""
    text = ("Chief Ana Ruiz met officials on Monday.\n\n"
            "“We have been waiting for years,” Ruiz said.\n\n"
            "Story continues below\n\n"
            "“Nobody listens to us.”\n\n"
            "READ MORE: Water advisory lifted in northern community\n\n"
            "“We will keep going,” she said.")
    found = records(text)
    assert [(q.speaker, q.resolved_by) for q in found] == [
        ("Ana Ruiz", "surname"), ("Ana Ruiz", "continuation"), ("Ana Ruiz", "pronoun")], (
        show(found))


def test_a_leading_place_with_its_region_is_no_speaker() -> None:
    """ "At a conference in Aspen, Colo., the graduate …:": the region's abbreviation is
    part of the place the sentence opens with; the subject follows it."""
    text = ("At a conference that month in Aspen, Colo., the former chef ended her speech "
            "with a line from her mother: “Every obstacle yields to stern resolve.”")
    found = records(text)
    assert [q.speaker for q in found] == ["the former chef"], show(found)
    # a name and its role in commas after the phrase are no place
    text = ("As people lined up, Jay Dorner, the club's president, suggested that the "
            "troubles were the rivals' own. “We're in the business of golf,” he said.")
    assert [q.speaker for q in records(text)] == ["Jay Dorner", "Jay Dorner"]


@pytest.mark.parametrize("place", ["Mississauga, Ont.", "Moncton, N.B."])
def test_a_company_based_in_a_place_with_its_region(place: str) -> None:
    """ "The Mississauga, Ont.-based company said": the whole description, tied to the
    company named before (it was "based company")."""
    text = (f"Northland Grocers Inc. will close 14 stores.\n\n"
            f"The {place}-based company said in a news release that two are in Sudbury.")
    [claim] = records(text)
    assert (claim.speaker, claim.speaker_mention) == (
        "Northland Grocers Inc.", f"The {place}-based company")
