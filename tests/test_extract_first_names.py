"""People a story calls by part of their name: a first name ending in "-ly" is no adverb
("Emily said"), a first name alone is the one person named in full with it ("Lily
Tran … Lily said") unless two people bear it, and a surname that is also a title ("Ana
King … King said") is that person. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize("name", ["Emily", "Kelly", "Lily"])
def test_a_first_name_ending_in_ly_speaks(name: str) -> None:
    found = records(f"“We will rebuild the barn by spring,” {name} said.")
    assert [q.speaker for q in found] == [name], show(found)


def test_an_adverb_opening_the_sentence_is_still_no_speaker() -> None:
    found = records("Reluctantly, she said the barn was lost.")
    assert [q.speaker for q in found if q.speaker == "Reluctantly"] == [], show(found)


def test_a_first_name_alone_is_the_person_named_in_full() -> None:
    found = records("Lily Tran runs the feed store in town.\n\n"
                    "“We will rebuild the barn by spring,” Lily said.")
    assert [(q.speaker, q.speaker_mention) for q in found] == [("Lily Tran", "Lily")], show(found)


def test_a_first_name_two_people_bear_stays_as_written() -> None:
    found = records("Ana Ruiz and Ana Lopez run the feed store in town.\n\n"
                    "“We will rebuild the barn by spring,” Ana said.")
    assert [q.speaker for q in found] == ["Ana"], show(found)


@pytest.mark.parametrize("surname", ["King", "Prince", "Bishop"])
def test_a_surname_that_is_also_a_title_is_the_person(surname: str) -> None:
    found = records(f"Ana {surname} runs the feed store in town.\n\n"
                    f"“We will rebuild the barn by spring,” {surname} said.")
    assert [(q.speaker, q.resolved_by) for q in found] == [(f"Ana {surname}", "surname")], show(
        found)


def test_a_title_alone_with_no_one_of_that_name_stays_a_description() -> None:
    found = records("The King arrived at noon. “We will rebuild the barn,” the King said.")
    assert [q.speaker for q in found] == ["the King"], show(found)


@pytest.mark.parametrize("surname", ["Two Rivers", "Many Grey Horses"])
def test_a_surname_of_common_words_is_one_name(surname: str) -> None:
    """Indigenous surnames of common words ("Kelsey Two Rivers") are whole names, in full
    and when the story goes on by the surname alone."""
    found = records(f"“The road has been closed for a month,” said Dana {surname}, a band "
                    f"councillor.\n\n“We waited years for the bridge,” {surname} said.")
    assert [(q.speaker, q.role) for q in found] == [(f"Dana {surname}", "band councillor")] * 2, (
        show(found))


def test_a_number_opening_a_description_is_still_no_name() -> None:
    found = records("Dana Rivers runs the ferry.\n\n“We are tired,” two officials said.")
    assert [q.speaker for q in found] == ["two officials"], show(found)


@pytest.mark.parametrize("name", ["Oliver K. Hedge", "Sufian bin Qumu", "Chandler Van Voorhis",
                                  "Brent Bozell III"])
def test_a_first_name_with_a_role_words_ending_stays_the_name(name: str) -> None:
    """"Oliver", "Chandler" end like "researcher": before a middle initial, a particle or
    a suffix they are still the first name, not a role split off the name."""
    found = records(f"The clubs were losing money, said {name}, who advises golf resorts.")
    assert [(q.speaker, q.role) for q in found] == [(name, None)], show(found)


def test_a_role_words_ending_before_a_name_is_still_a_role() -> None:
    found = records("Filmmaker Dana K. Lowe said the film was done.")
    assert [(q.speaker, q.role) for q in found] == [("Dana K. Lowe", "filmmaker")], show(found)


def test_a_company_of_two_names_and_an_ampersand_is_whole() -> None:
    found = records("Brenner & Colt said rents rose in the spring.")
    assert [q.speaker for q in found] == ["Brenner & Colt"], show(found)


@pytest.mark.parametrize("body", ["the Assembly of First Nations", "the National Assembly",
                                  "the Assembly of Prairie Chiefs"])
def test_a_body_whose_name_ends_like_an_adverb_speaks(body: str) -> None:
    """"Assembly" ends in "-ly" like an adverb; capitalised after "the" it names a body,
    which speaks after the verb and before it."""
    found = records(f"“The bill falls short,” said {body}.\n\n"
                    f"{body[0].upper()}{body[1:]} said the bill would be fought in court.")
    assert [q.speaker.removeprefix("the ") for q in found] == [body.removeprefix("the ")] * 2, (
        show(found))
