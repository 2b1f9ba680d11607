"""A speaker's apposition set in commas, however long, before the speech verb."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize("apposition", [
    "a member of the advisory group that studied the name",
    "a lawyer at the firm which represents the city",
])
def test_a_role_with_a_relative_clause_of_its_noun(apposition: str) -> None:
    quotes = records(f"Andre Fields, {apposition}, said the members heard from thousands "
                     "of residents.")
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Andre Fields")], show(quotes)


@pytest.mark.parametrize("source", ["Officials familiar with the server",
                                    "A person familiar with the talks"])
def test_an_unnamed_source_then_a_participle_aside(source: str) -> None:
    quotes = records(f"{source}, speaking on condition of anonymity, said the server had "
                     "some security features.")
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", source)], show(quotes)


@pytest.mark.parametrize("opening", ["One of them", "Another"])
def test_one_of_the_people_just_told_of_named_in_commas(opening: str) -> None:
    text = ("At least 40 clients lost money.\n\n"
            f"{opening}, Margaret Doyle, said she lost her life savings.")
    quotes = records(text)
    assert [(q.speaker, q.role, q.text) for q in quotes] == [
        ("Margaret Doyle", None, "she lost her life savings")], show(quotes)


def test_a_possessive_opening_the_role_is_not_part_of_it() -> None:
    quotes = records("Darren Kowalczyk has pleaded not guilty. His lawyer, Simone Okwu, said "
                     "the warrant was too broad.")
    assert [(q.speaker, q.role) for q in quotes] == [("Simone Okwu", "lawyer")], show(quotes)


def test_a_place_ending_a_leading_clause_is_not_the_speaker() -> None:
    # "his mother refused to …" is the clause after the comma, not a role of the place
    quotes = records("When the family moved back to rural Manitoba, his mother refused to "
                     "teach him Cree, insisting that her son was fully Canadian.")
    assert [(q.speaker, q.role) for q in quotes] == [("his mother", None)], show(quotes)


def test_a_role_with_a_participle_and_its_infinitive() -> None:
    quotes = records("Tom Berg, a nurse trained to handle overdoses, said the city was at fault.")
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Tom Berg", "nurse trained to handle overdoses")], show(quotes)


@pytest.mark.parametrize(("text", "content"), [
    # a number with thousands is one word: its comma sets nothing off
    ("According to Statistics Canada, Manitoba welcomed more than 20,000 permanent "
     "residents in 2022, a record.",
     "Manitoba welcomed more than 20,000 permanent residents in 2022, a record"),
    ("Ana Ruiz said 1,409 teachers voted to strike.", "1,409 teachers voted to strike"),
])
def test_a_number_with_a_thousands_comma_is_one_word(text: str, content: str) -> None:
    quotes = records(text)
    assert [q.text for q in quotes] == [content], show(quotes)


@pytest.mark.parametrize("text", [
    # a clause after a name's comma is no role of it
    "For Amina Yusuf, help came from a neighbour.\n\n“She didn't have to,” Yusuf says.",
    # nor is a score
    "Ana Ruiz leads Tom Berg, 1,428 to 1,153.\n\n“We are not done,” Ruiz said.",
])
def test_a_clause_or_a_score_after_a_name_is_no_role(text: str) -> None:
    quotes = records(text)
    assert [(q.kind, q.role) for q in quotes] == [("direct", None)], show(quotes)


@pytest.mark.parametrize(("described", "speaker", "role"), [
    ("the mayor's aide, lawyer Tom Berg", "Tom Berg", "lawyer"),
    ("her campaign manager, veteran strategist Ana Ruiz", "Ana Ruiz", "veteran strategist"),
])
def test_a_name_after_its_role_in_an_apposition_speaks(described: str, speaker: str,
                                                       role: str) -> None:
    found = records(f"“We will win the riding,” said {described}.")
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


def test_a_body_in_an_apposition_after_a_role_does_not_speak() -> None:
    found = records("“We will open the plant,” said the company, maker of Acme Widgets.")
    assert [q.speaker for q in found] == ["the company"], show(found)


def test_a_capitalised_title_after_a_possessive_is_the_role_of_the_name_after_it() -> None:
    found = records("Lakeland's Transport Minister, Dana Okafor, said the bridge will reopen "
                    "in May.")
    assert [q.speaker for q in found] == ["Dana Okafor"], show(found)
    assert "Transport Minister" in (found[0].role or ""), show(found)


@pytest.mark.parametrize("text", [
    "“We waited six hours,” said a nurse named Dana Lowe.",
    "“We waited six hours,” one parent, a nurse named Dana Lowe, said.",
    "“We waited six hours,” said one parent, a nurse named Dana Lowe.",
    "One of the parents, a nurse named Dana Lowe, said they waited six hours.",
])
def test_a_description_then_named_is_that_person(text: str) -> None:
    """"a nurse named Dana Lowe" names the speaker: she speaks, "nurse" her role."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [("Dana Lowe", "nurse")], show(found)


def test_a_verb_called_before_a_name_names_no_speaker() -> None:
    found = records("One lawmaker called Dana Lowe “the queen of self-publicity” on Monday.")
    assert all(q.speaker != "Dana Lowe" for q in found), show(found)


@pytest.mark.parametrize("text", [
    "Manitoba’s Minister of Highways, Nadine Ferreira, said the bridge would reopen.",
    "The bridge would reopen, Manitoba’s Minister of Highways, Nadine Ferreira, said.",
])
def test_a_places_office_before_a_name_in_commas_is_the_role(text: str) -> None:
    """"Manitoba's Minister of Highways, Nadine Ferreira, said": the office of a place,
    written in capitals, is her role; "Highways" is no speaker with her name as its role."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [
        ("Nadine Ferreira", "Manitoba’s Minister of Highways")], show(found)


@pytest.mark.parametrize("apposition", [
    "one of three trustees who voted against the motion",
    "one of the councillors who walked out",
])
def test_a_role_of_many_with_a_relative_clause_ends_before_it(apposition: str) -> None:
    """"one of three trustees who voted against …": the relative clause after a plural
    role noun is no clause of the sentence; the role ends before it."""
    found = records(f"Fatima Haddad, {apposition}, said the posts were offensive.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Fatima Haddad", apposition.split(" who ")[0])], show(found)



@pytest.mark.parametrize("apposition", ["one of two who voted against the budget",
                                        "one of the few who voted no",
                                        "one of 12 who signed the letter"])
def test_one_of_a_number_with_a_relative_clause_is_an_apposition(apposition: str) -> None:
    """"Dana Whitfield, one of two who voted against the budget, said …": one of the people
    counted, as "one of three trustees who …" is; the record had been lost."""
    found = records(f"Fatima Haddad, {apposition}, said the city was borrowing too much.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Fatima Haddad", "the city was borrowing too much")], show(found)


@pytest.mark.parametrize("noun", ["insurance claims", "court reports", "lecture notes"])
def test_a_noun_like_a_speech_verb_ending_an_apposition_is_no_cue(noun: str) -> None:
    """"Omar Haddad, a lawyer who handles insurance claims, said …": "claims" is the
    clause's object, the verb comes after the comma (it had been the cue, with "said …"
    in the claim and the apposition in the speaker)."""
    found = records(f"Omar Haddad, a lawyer who handles {noun}, said the policy is unclear.")
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Omar Haddad", "said", "the policy is unclear")], show(found)


def test_a_named_persons_role_then_a_name_in_commas() -> None:
    """"Mark Ward's successor, Aaron Lindqvist, told reporters …": a role owned by a
    named person, as "The mayor's successor" (the claim had been lost)."""
    found = records("Mark Ward's successor, Aaron Lindqvist, told reporters the bill would "
                    "pass.")
    assert [(q.speaker, q.role) for q in found] == [("Aaron Lindqvist", "Mark Ward's successor")
                                                    ], show(found)


def test_a_role_for_someone_with_a_title_runs_back_to_its_article() -> None:
    """"A spokesperson for the minister, Remy Gagnon, said": his role is the whole
    "spokesperson for the minister", not "minister" (the office of someone else)."""
    found = records("A spokesperson for the minister, Remy Gagnon, said there were no plans.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Remy Gagnon", "spokesperson for the minister")], show(found)


def test_an_adverb_and_a_verb_after_a_name_are_no_role() -> None:
    """"The former coach, Dan Vick, now coaches in Alberta.": the name's verb, not his role
    "now coaches in Alberta" (his role is the former coach); "now retired" still is one."""
    found = records("The former coach, Dan Vick, now coaches in Alberta. Reached by phone, "
                    "Vick said he never saw any hazing.")
    assert [(q.speaker, q.role) for q in found] == [("Dan Vick", "former coach")], show(found)
    found = records("Tom Berg, now retired, said the plant was unsafe.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", "now retired")], show(found)


def test_a_list_inside_a_bodys_relative_clause_is_not_the_speaker() -> None:
    """"The Alberta Teachers Union, which represents about 4,000 teachers, aides and other
    staff, said …": the union speaks, not "4,000 teachers" with "aides and other staff"
    for its role (a wrong speaker)."""
    found = records("The Harbour Teachers Union, which represents about 4,000 teachers, aides "
                    "and other staff, said talks had failed.")
    assert [q.speaker for q in found] == ["Harbour Teachers Union"], show(found)

def test_a_title_in_marks_inside_an_apposition_is_no_quote() -> None:
    """"The report, titled “…,” says …": the marks give the report's title, set off
    between its commas; the report's claim after the verb is found."""
    found = records("The report, titled “Higher for Longer,” says high borrowing costs "
                    "will keep buyers away.")
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("indirect", "The report", "high borrowing costs will keep buyers away")], show(found)


def test_a_name_closing_role_words_in_commas_speaks() -> None:
    """"Another deputant, cyclist and father of two Kevin Mbeki, said": the name after
    the role words speaks, they are his role; not "Another deputant"."""
    found = records("Another deputant, cyclist and father of two Kevin Mbeki, said the lanes "
                    "saved lives.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Kevin Mbeki", "cyclist and father of two")], show(found)


def test_a_name_after_a_roles_preposition_is_whom_it_is_for() -> None:
    found = records("Dana Lowe, a former speechwriter for Kevin Mbeki, said the lanes saved "
                    "lives.")
    assert [q.speaker for q in found] == ["Dana Lowe"], show(found)


def test_a_role_with_a_phrase_then_who_is_the_names_apposition() -> None:
    """"Whitcombe, a captain of the team who joined the staff, said": the role ends before
    "who" though its last noun is no person, so the name speaks and is the sentence's
    subject for a later "she" (not "a captain of the team")."""
    found = records("Jenna Whitcombe will take over the team.\n\n"
                    "Whitcombe, a captain of the team who joined the staff last year, said she "
                    "learned of it Sunday.\n\n“I am here to coach,” she said.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Jenna Whitcombe", "captain of the team")] * 2, show(found)


@pytest.mark.parametrize("text", [
    "One resident, who gave her name only as Lorraine, said the camp is safe.",
    "One resident, who identified herself only as Lorraine, said the camp is safe.",
    "One resident, who asked to be identified only as Lorraine, said the camp is safe.",
    "“The camp is safe,” said one resident, who gave only her first name, Lorraine.",
])
def test_a_relative_clause_giving_the_name_names_the_speaker(text: str) -> None:
    """"One resident, who gave her name only as Lorraine, said": she is Lorraine, the
    description her role; a clause naming someone else does not ("who called Tom Berg")."""
    found = records(text)
    assert [(q.speaker, (q.role or "").lower()) for q in found] == [("Lorraine", "one resident")], (
        show(found))


def test_a_relative_clause_giving_the_name_of_one_father() -> None:
    """"One father, who gave his name only as Raj, said": "father" is a priest's title too,
    but after "One" it describes him (the name had been left out)."""
    found = records("One father, who gave his name only as Raj, said the road floods.")
    assert [(q.speaker, q.role) for q in found] == [("Raj", "One father")], show(found)


def test_a_relative_clause_naming_someone_else_leaves_the_description() -> None:
    found = records("One resident, who called the police on Tom Berg, said the camp is safe.")
    assert [q.speaker for q in found] == ["One resident"], show(found)


def test_a_role_before_a_relative_clause_stays_with_the_name_after() -> None:
    """"Ben Okafor, a lawyer who represented residents, said …" then "Okafor said": the
    role before "who" is his, later too (not lost because a clause follows it)."""
    found = records("Ben Okafor, a lawyer who represented residents, said the order was "
                    "unfair.\n\nOkafor said the city would appeal.")
    assert [(q.speaker, q.role) for q in found] == [("Ben Okafor", "lawyer")] * 2, show(found)


def test_a_role_before_a_name_in_commas_stays_with_the_name_after() -> None:
    """"The authority's chief operating officer, Derek Miller, said …" then "Miller said":
    the role opening the sentence is his, later too."""
    found = records("The authority's chief operating officer, Derek Miller, said staffing was "
                    "the main cause.\n\nMiller said the authority had hired 40 paramedics.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Derek Miller", "authority's chief operating officer")] * 2, show(found)


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Her lawyer, Tom Berg of Halifax, said the case was weak.", "Tom Berg", "lawyer"),
    ("The second witness, Ravi Sandhu of the major crimes unit, testified that the door "
     "was open.", "Ravi Sandhu", "second witness"),
    ("A spokesperson, Kevin Osei with the ministry, said the vote was Monday.", "Kevin Osei",
     "spokesperson"),
])
def test_a_name_in_apposition_speaks_though_it_says_where_they_are_from(
        text: str, speaker: str, role: str) -> None:
    """"Her lawyer, Tom Berg of Halifax, said": Berg speaks and the lawyer is his role,
    as in "Her lawyer, Tom Berg, said" (it had been the lawyer, with Berg as her role)."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The union representing the workers, the Canadian Union of Public Employees, said the "
     "findings confirmed its fears.", "Canadian Union of Public Employees"),
    ("Its lender, Bank of Montreal, said the loan was safe.", "Bank of Montreal"),
])
def test_a_body_named_after_a_description_of_it_speaks(text: str, speaker: str) -> None:
    """"The union representing the workers, the Canadian Union of Public Employees,
    said": the union is named, so the record is the union's, not the description's."""
    found = records(text)
    assert [(q.speaker, q.resolved_by) for q in found] == [(speaker, "name")], show(found)


def test_a_person_of_a_body_is_not_the_body() -> None:
    found = records("Another pollster, Tom Berg of Clemson University, said the race was close.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", "pollster")], show(found)


def test_a_clause_that_gives_the_name_before_it_in_commas() -> None:
    """"One volunteer, a teenager who gave only her first name, Ashlyn, said": the clause
    says "Ashlyn" is her name, so she speaks, a teenager (it had been "One volunteer")."""
    found = records("One volunteer, a teenager who gave only her first name, Ashlyn, said the "
                    "group had filled 3,000 bags.")
    assert [(q.speaker, q.role) for q in found] == [("Ashlyn", "teenager")], show(found)
