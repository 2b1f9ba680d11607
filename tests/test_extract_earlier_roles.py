"""A role the text gave a person earlier, taken up by "the <role>" later, with its rank:
a deputy or former mayor is not "the mayor"."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Oilers signed defenceman Erik Lindqvist to a two-year extension.\n\n"
     "“My family loves it here,” the defenceman said.", "Erik Lindqvist"),
    ("Police interviewed veteran firefighter Ana Ruiz at the scene.\n\n"
     "“The roof went first,” the firefighter said.", "Ana Ruiz"),
])
def test_a_role_written_before_a_name_is_taken_up_by_the_role_later(
        text: str, speaker: str) -> None:
    quotes = records(text)
    assert [q.speaker for q in quotes] == [speaker], show(quotes)


def test_a_role_after_an_article_is_a_phrase_of_its_own() -> None:
    # "the lawyer Tom Berg hired" is someone else: the lawyer stays unnamed
    quotes = records("Ana Ruiz met the lawyer Tom Berg hired.\n\n"
                     "“It will take a year,” the lawyer said.")
    assert "Tom Berg" not in [q.speaker for q in quotes], show(quotes)


_RANKED = ["Deputy Mayor Tom Okafor voted against the plan on Tuesday.",
           "Former mayor Tom Okafor voted against the plan on Tuesday.",
           "Tom Okafor, the deputy mayor, voted against the plan on Tuesday."]


@pytest.mark.parametrize("first", _RANKED)
def test_a_deputy_or_former_holder_is_not_the_office_holder(first: str) -> None:
    # a quote given to the deputy mayor would be a quote given to the wrong person
    quotes = records(f"{first}\n\n“I support more beds,” the mayor said.")
    assert [q.speaker for q in quotes] == ["the mayor"], show(quotes)


@pytest.mark.parametrize(("first", "later", "role"), [
    (_RANKED[0], "the deputy mayor", "deputy mayor"),
    (_RANKED[1], "the former mayor", "former mayor"),
    ("Mayor Tom Okafor voted against the plan on Tuesday.", "the mayor", "mayor"),
])
def test_a_ranked_title_is_taken_up_with_its_rank(first: str, later: str, role: str
                                                  ) -> None:
    quotes = records(f"{first}\n\n“I support more beds,” {later} said.")
    assert [(q.speaker, q.role) for q in quotes] == [("Tom Okafor", role)], show(quotes)


@pytest.mark.parametrize("text", [
    # the person just met, whom the story calls by what they are, for variety
    "Ana Weegar plays for the Flames.\n\nWeegar, who had a goal and an assist, said the "
    "loss stings.\n\n“We had them,” the defenceman said.",
    "Ana Weegar finished the season with 40 points.\n\n"
    "“We gave it away,” the veteran blueliner said.",
])
def test_an_epithet_takes_up_the_person_just_met(text: str) -> None:
    quotes = records(text)
    assert {q.speaker for q in quotes} == {"Ana Weegar"}, show(quotes)


def test_an_epithet_is_not_someone_given_another() -> None:
    # the goaltender just named is not "the defenceman"
    quotes = records("Ana Weegar had a goal for Calgary. Goaltender Tom Lacroix made 31 "
                     "saves.\n\n“We gave it away,” the defenceman said.")
    assert [q.speaker for q in quotes] == ["the defenceman"], show(quotes)


def test_a_title_of_two_words_is_taken_up_whole() -> None:
    quotes = records("Opposition leader Tom Berg attacked Prime Minister Ana Dubois on the "
                     "carbon tax.\n\n“We will not do that,” the prime minister told the House.")
    assert [(q.speaker, q.role, q.resolved_by) for q in quotes] == [
        ("Ana Dubois", "prime minister", "title")], show(quotes)


@pytest.mark.parametrize(("text", "role"), [
    ("Environment Minister Steven Arcand said the rebate covers most families.",
     "environment minister"),
    ("The Parliamentary Budget Officer, Yves Giroux, has said the rebate covers most "
     "families.", "Parliamentary Budget Officer"),
])
def test_an_office_in_capitals_before_a_name_is_its_role(text: str, role: str) -> None:
    quotes = records(text)
    assert [(q.speaker, q.role) for q in quotes] == [(text.split(", ")[1] if ", " in text
                                                      else "Steven Arcand", role)], show(quotes)


def test_a_source_set_off_before_its_verb_is_not_its_claim() -> None:
    quotes = records("The Canadian Press, citing sources, said the finding holds for the fuel "
                     "charge alone.")
    assert [q.text for q in quotes] == ["the finding holds for the fuel charge alone"], (
        show(quotes))


def test_the_author_is_not_the_reader_just_met() -> None:
    quotes = records("Ana Ruiz read the report on Monday.\n\n“It is a warning,” the author said.")
    assert [q.speaker for q in quotes] == ["the author"], show(quotes)


def test_a_justice_is_the_judge() -> None:
    """ "Justice Carolyn Mbeki" (a judge's title in Canadian and British courts) is "the
    judge" later; the justice minister is not."""
    text = ("Justice Carolyn Mbeki sentenced Tom Berg to six years on Friday.\n\n"
            "“The offender showed no remorse,” the judge wrote.")
    quote = records(text)[-1]
    assert (quote.speaker, quote.speaker_mention, quote.resolved_by) == (
        "Carolyn Mbeki", "the judge", "title")
    text = ("Justice Minister Ana Ruiz said the sentence was fair.\n\n"
            "“The offender showed no remorse,” the judge wrote.")
    assert records(text)[-1].speaker == "the judge"


@pytest.mark.parametrize("role", ["president of Amalgamated Transit Union Local 569",
                                  "the union's president"])
def test_what_a_role_is_of_describes_the_person_later(role: str) -> None:
    """"Bohdan Kowalchuk, president of Amalgamated Transit Union Local 569, said …" then
    "The union president urged …": the union's name says which president; a president
    of something else is not him."""
    found = records(f"Bohdan Kowalchuk, {role}, said operators were assaulted.\n\n"
                    "The union president urged council to hire peace officers.")
    assert [q.speaker for q in found] == ["Bohdan Kowalchuk"] * 2, show(found)
    found = records("Ana Ruiz, president of the Harbour Club, said the vote was close.\n\n"
                    "The union president said the vote was fair.")
    assert [q.speaker for q in found] == ["Ana Ruiz", "The union president"], show(found)


@pytest.mark.parametrize(("first", "later"), [
    ("Dr. Hyun Baptiste, an epidemiologist at Lakehead University, says the method is "
     "sound.", "the epidemiologist"),
    ("Tom Berg, a historian at the university, said the fort is older than the town.",
     "the historian"),
    ("Chief executive Hyun Baptiste said sales rose sharply in May.", "the CEO"),
])
def test_a_later_description_by_a_trade_or_an_office_of_the_person(first: str, later: str
                                                                  ) -> None:
    """"an epidemiologist at Lakehead University" then "the epidemiologist says": a trade
    named in the role stands for its holder later, though no list of trades has it; a
    chief executive is "the CEO"."""
    found = records(f"{first}\n\n“It is careful work,” {later} said.")
    assert len({q.speaker for q in found}) == 1 and found[-1].resolved_by == "title", show(
        found)
