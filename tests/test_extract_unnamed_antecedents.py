"""An unnamed person who speaks is the antecedent of the "he" or "she" that follows, not
someone named before them: a description whose head is a trade ("a retired welder") or
is followed by "who" is a person. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show

_MAYOR = "Mayor Tom Berg opened the meeting at the arena on Monday.\n\n"


@pytest.mark.parametrize("who", [
    "A retired welder who asked not to be named",
    "A retired welder",
    "A longtime gadgeteer who lives on the street",
])
def test_he_after_an_unnamed_speaker_is_that_speaker(who: str) -> None:
    found = records(_MAYOR + f"{who} said the plant smelled for weeks. "
                    "“It was awful,” he said.")
    assert [q.speaker for q in found] == [who, who], show(found)


@pytest.mark.parametrize("trade", ["plumber", "electrician", "pensioner", "trucker"])
def test_she_after_a_tradesperson_is_that_person(trade: str) -> None:
    found = records(_MAYOR + f"“The water came up to the porch,” said a local {trade}. "
                    "“We lost the shed,” she said.")
    assert [q.speaker for q in found] == [f"a local {trade}"] * 2, show(found)


def test_a_publication_named_like_a_trade_is_no_person() -> None:
    found = records("A projection from the Cook Political Report said the seat could fall.")
    assert [q.speaker for q in found] == ["A projection from the Cook Political Report"], show(
        found)


def test_a_definite_description_after_an_unnamed_one_is_not_the_named_one() -> None:
    """"the analyst" after "Another analyst … said": that unnamed analyst, the nearer, not
    Irene Castellanos, named an analyst before."""
    found = records("Irene Castellanos, an analyst with Harbour Capital, said the results "
                    "were disappointing.\n\nAnother analyst, who spoke on condition of "
                    "anonymity, said investors were worried.\n\n“Nobody knows yet how big "
                    "online grocery will get,” the analyst said.")
    assert [q.speaker for q in found] == ["Irene Castellanos", "Another analyst",
                                          "Another analyst"], show(found)


@pytest.mark.parametrize(("first", "later"), [
    ("A spokesperson for Halifax Water", "the spokesperson"),
    ("A senior Harbour Transit employee", "the employee"),
    ("One senior official", "the senior official"),
])
def test_a_definite_description_is_the_unnamed_speaker_described_before(first: str,
                                                                         later: str) -> None:
    """"A spokesperson for Halifax Water said …" then "“…,” the spokesperson wrote": the
    same unnamed person, kept in full (a bare "the spokesperson" says nobody's)."""
    found = records(f"{first} said in an email that crews were on site.\n\n“We expect "
                    f"service to return tonight,” {later} wrote.")
    assert [q.speaker for q in found] == [first, first], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesperson for Halifax Water said crews were on site.\n\nTom Berg, a spokesperson "
     "for the city, said roads were closed.\n\n“We expect service tonight,” the spokesperson "
     "said.", "Tom Berg"),
    ("Ana Ruiz toured the plant.\n\nA new manager, she said, could fix it.\n\n“We expect "
     "service tonight,” the manager said.", "the manager"),
    ("A spokesperson for Halifax Water said crews were on site.\n\n“We expect service "
     "tonight,” the official said.", "the official"),
])
def test_a_definite_description_is_no_unnamed_speaker_past_another(text: str, speaker: str
                                                                    ) -> None:
    """Not past someone named with that noun since (the title's holder speaks), nor
    someone only spoken of ("A new manager, she said, could …"), nor another noun."""
    found = records(text)
    assert found[-1].speaker == speaker, show(found)


def test_she_in_a_claim_about_someone_new_is_not_them() -> None:
    """"A new manager, she said, could fix the plant": the manager is someone new, not
    the speaker, so "she" is the woman named before (it had been "A new manager")."""
    found = records("Ana Ruiz toured the plant on Monday.\n\nA new manager, she said, "
                    "could fix the plant.")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


def test_a_definite_description_after_its_named_holder_is_still_that_person() -> None:
    found = records("“It was a good quarter,” said Tom Berg, an analyst at Harbour Capital. "
                    "“We like the stock,” the analyst said.")
    assert [q.speaker for q in found] == ["Tom Berg", "Tom Berg"], show(found)


@pytest.mark.parametrize(("who", "pronoun"), [
    ("A cook at the hotel, who asked not to be named,", "she"),
    ("One fishing guide", "he"),
    ("A deckhand on the ferry", "he"),
    ("One plaintiff", "she"),
])
def test_a_pronoun_after_an_unnamed_worker_is_not_the_woman_named_before(
        who: str, pronoun: str) -> None:
    """"Liz Moreau … said …" then "A cook at the hotel … said …" and "“…,” she said": the
    cook, the nearer speaker (a cook, a guide, a deckhand are people); it had gone to Liz
    Moreau, even as "he"."""
    found = records("Liz Moreau, who owns the hotel, said business was steady.\n\n"
                    f"{who} said managers were cutting breaks.\n\n"
                    f"“They tell us to eat standing up,” {pronoun} said.")
    assert [q.speaker for q in found][1:] == [who.split(",")[0]] * 2, show(found)


def test_he_after_one_of_the_players_is_that_player() -> None:
    """"One of the players, now 19, spoke to reporters on the condition that he not be
    named. He said …": one of many people is a person, the subject "he" means."""
    found = records("League president Tom Baker said the rules were clear.\n\n"
                    "One of the players, now 19, spoke to reporters on the condition that "
                    "he not be named.\n\nHe said the coaches knew about the drinking.")
    assert [q.speaker for q in found] == ["Tom Baker", "One of the players"], show(found)


def test_he_is_not_a_woman_known_by_a_short_first_name() -> None:
    found = records("Liz Moreau said business was steady.\n\n“Nobody warned us,” he said.")
    assert [q.speaker for q in found] == ["Liz Moreau"], show(found)


@pytest.mark.parametrize(("first", "then", "named"), [
    ("A spokesperson for Transport Minister Ellen Sato said the review had begun.",
     "“We take these findings seriously,” spokesperson Victor Laine said.", "Victor Laine"),
    ("In a statement, Hart's lawyer said her client denied the allegations.",
     "The lawyer, Victor Laine, said Hart would testify.", "Victor Laine"),
    ("A spokesperson for the mayor said the review had begun.",
     "Victor Laine, a spokesperson for the mayor, said the road was closed.", "Victor Laine"),
])
def test_an_unnamed_spokesperson_named_next_is_that_person(first: str, then: str,
                                                           named: str) -> None:
    """"A spokesperson for … said …" then "spokesperson Victor Laine said": the one
    spokesperson the story names next (the first record had been left unnamed)."""
    found = records(f"{first}\n\n{then}")
    assert [q.speaker for q in found] == [named, named], show(found)


def test_a_spokesperson_named_next_for_someone_else_is_not_the_first() -> None:
    found = records("A spokesperson for the mayor said the road would reopen.\n\nTom Berg, a "
                    "spokesperson for the police, said the road was closed.")
    assert found[0].speaker == "A spokesperson for the mayor", show(found)


@pytest.mark.parametrize("name", ["Joy", "Hope", "Blessing"])
def test_a_first_name_that_is_a_word_is_the_person_introduced_with_it(name: str) -> None:
    """"“…,” said Joy Lam, a nurse." then "Joy said she is nervous": Joy Lam, though "joy"
    is a word (it had stayed a bare "Joy")."""
    found = records(f"“We need more money,” said {name} Lam, a nurse.\n\nCouncillor Anne Pike "
                    f"said the city would help.\n\n{name} said she is nervous.")
    assert found[-1].speaker == f"{name} Lam", show(found)


def test_she_after_asking_a_woman_with_a_word_for_a_name_is_her() -> None:
    """"We asked Hope what she wanted …" then "“…,” she said": the one asked, whose
    question's own "she" shows her gender (it had gone to Anne Pike, the woman before)."""
    found = records("“We are tired,” said Hope Martel, a nurse.\n\nCouncillor Anne Pike said "
                    "the city would help.\n\nWe asked Hope what she wanted from the city.\n\n"
                    "“I want a fair wage,” she said.")
    assert found[-1].speaker == "Hope Martel", show(found)
