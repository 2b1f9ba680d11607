"""Who "they" are: people named together ("Sandra Whitfield and her husband, Raj,"),
never the outlet someone was telling. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "group"), [
    ("Jordan Whitfield and his sister, Amanda, said the farm will stay in the family.",
     "Jordan Whitfield and Amanda"),
    ("Sandra Whitfield and her husband, Raj, installed cameras in May.\n\n"
     "They say the cost will take months to recover.", "Sandra Whitfield and Raj"),
])
def test_a_person_and_a_relative_named_in_commas_are_one_group(text: str, group: str
                                                              ) -> None:
    quotes = records(text)
    assert [q.speaker for q in quotes] == [group], show(quotes)


def test_whom_a_quoted_speaker_told_is_not_they() -> None:
    text = ("Ana Ruiz and Tom Berg run the bakery on Main Street. "
            "Ruiz was there both times. “The second time, they took the tip jar,” she told "
            "CBC News.\n\n"
            "They say the cost will take months to recover.")
    quotes = records(text)
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Ana Ruiz and Tom Berg"], show(quotes)


def test_a_pronoun_credit_opening_with_a_quote_is_what_a_later_pronoun_follows() -> None:
    # the sentence is about her ("she told"), not about the outlet she told
    text = ("Sandra Whitfield owns the bakery on Main Street.\n\n"
            "“It's the principle of it,” she told CBC News.\n\n"
            "She said the shop will reopen on Monday.")
    quotes = records(text)
    assert [q.speaker for q in quotes] == ["Sandra Whitfield"] * 2, show(quotes)


def test_a_name_modifying_people_after_it_is_part_of_the_subject() -> None:
    quotes = records("Central European leaders have embraced the idea, warning that the exit "
                     "will sap the continent's defences.")
    assert [q.speaker for q in quotes] == ["Central European leaders"], show(quotes)


@pytest.mark.parametrize(("opening", "names", "role"), [
    ("The couple, Ana and Tom Berg,", "Ana Berg and Tom Berg", "couple"),  # (each in full)
    ("The owners, Tore Sohlberg and Lehla Abreder,", "Tore Sohlberg and Lehla Abreder",
     "owners"),
])
def test_a_description_of_several_then_their_names_is_all_of_them(opening: str, names: str,
                                                                   role: str) -> None:
    found = records(f"{opening} said the house was lost.\n\n“We have nothing left,” they said.")
    assert [(q.speaker, q.role) for q in found] == [(names, role)] * 2, show(found)


def test_names_after_a_description_of_one_are_no_couple() -> None:
    found = records("The mayor, Ana Ruiz and Tom Berg said the house was lost.")
    assert "Ana Ruiz and Tom Berg" not in [q.speaker for q in found], show(found)


def test_two_names_crediting_a_claim_at_its_end_speak_together() -> None:
    found = records("The ferry will stop running in March, Ana Ruiz and Tom Berg said.")
    assert [q.speaker for q in found] == ["Ana Ruiz and Tom Berg"], show(found)


def test_a_paper_named_with_and_credits_its_report() -> None:
    found = records("The ferry will stop running in March, The Harbour and Valley Times "
                    "reported.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Harbour and Valley Times", "The ferry will stop running in March")], show(found)


@pytest.mark.parametrize("text", [
    "The repairs will cost $40 million, Dana Lowe, Omar Haddad and Lena Fisk said.",
    "“The repairs will cost $40 million,” Dana Lowe, Omar Haddad and Lena Fisk said.",
    "“The repairs will cost $40 million,” Dana Lowe, Omar Haddad, and Lena Fisk said.",
])
def test_names_listed_before_the_verb_speak_together(text: str) -> None:
    """A list of names crediting a quote or claim: all of them speak, their names kept
    apart by commas, and none of them goes into the claim's words."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Dana Lowe, Omar Haddad and Lena Fisk", "The repairs will cost $40 million")], show(found)


@pytest.mark.parametrize("credit", ["Dana Lowe and Omar Haddad said",
                                    "said Dana Lowe and Omar Haddad"])
def test_two_names_crediting_a_quote_are_they_after(credit: str) -> None:
    found = records(f"“The repairs will cost $40 million,” {credit}.\n\n"
                    "“We found the money in the end,” they said.")
    assert [q.speaker for q in found] == ["Dana Lowe and Omar Haddad"] * 2, show(found)


def test_two_names_with_a_role_each_before_them_speak_together() -> None:
    found = records("“We will appeal,” county Board leader Dana Lowe and Fire Chief Omar "
                    "Haddad, both Liberals, said in a statement.")
    assert [(q.speaker, q.role) for q in found] == [("Dana Lowe and Omar Haddad",
                                                     "both Liberals")], show(found)


@pytest.mark.parametrize("subject", ["Harbour and Coastal Services Canada",
                                     "Dana Lowe and Omar Haddad",
                                     "Dana Lowe, Omar Haddad and Lena Fisk"])
def test_names_joined_before_a_verb_speak_in_its_participle(subject: str) -> None:
    """A body whose name holds "and", or names joined by it, opening the sentence are
    the subject of its verb, and so of the participle hanging on it: not the first
    name alone."""
    found = records(f"{subject} issued a flood warning on Monday, saying the river could "
                    "rise two metres.")
    assert [(q.speaker, q.text) for q in found] == [
        (subject, "the river could rise two metres")], show(found)


@pytest.mark.parametrize("couple", ["Mark and Julie Chen", "Mark Chen and Julie Chen"])
def test_her_husband_is_the_man_of_her_surname_named_before(couple: str) -> None:
    """"Her husband said …" after "Mark and Julie Chen left …" and "Julie Chen said": the
    one other Chen the story names (the record had been left "Her husband")."""
    found = records(f"{couple} left at noon.\n\n“We grabbed the dog and went,” Julie Chen "
                    "said.\n\nHer husband said he had cleared brush.")
    assert [q.speaker for q in found] == ["Julie Chen", "Mark Chen"], show(found)


def test_a_first_name_joined_to_a_full_name_is_that_person_later() -> None:
    """"Omar and Sana Qureshi arrived …" then "“…,” Omar said": Omar Qureshi."""
    found = records("Omar and Sana Qureshi arrived in Regina in March.\n\n“It was hard,” "
                    "Omar said.")
    assert [q.speaker for q in found] == ["Omar Qureshi"], show(found)


@pytest.mark.parametrize("text", [
    "Julie Chen left at noon.\n\n“We grabbed the dog,” Julie Chen said.\n\nHer husband said "
    "he had cleared brush.",
    "Mark Chen, Tom Chen and Julie Chen left.\n\n“We grabbed the dog,” Julie Chen said.\n\n"
    "Her husband said he had cleared brush.",
])
def test_her_husband_unnamed_or_one_of_several_stays_her_husband(text: str) -> None:
    found = records(text)
    assert found[-1].speaker == "Her husband", show(found)


def test_a_surname_joined_by_and_is_no_first_name() -> None:
    """"Hillary Clinton …" then "Clinton and Bernie Sanders": Clinton is a surname here."""
    found = records("Hillary Clinton spoke first.\n\nClinton and Bernie Sanders met later. "
                    "“We will win,” Sanders said.")
    assert found[-1].speaker == "Bernie Sanders", show(found)


@pytest.mark.parametrize("group", ["A delegation of tenants", "A group of nurses"])
def test_they_after_a_collective_is_that_collective(group: str) -> None:
    """"A delegation of tenants … addressed council. They said …": a delegation, a group
    are several people as one, whom "they" means (the claim had been lost)."""
    found = records(f"Tom Berg chaired the meeting.\n\n{group} also addressed council. They "
                    "said repairs had been ignored for years.")
    assert [q.speaker for q in found] == [group.split(" of ")[0]], show(found)


@pytest.mark.parametrize(("owner", "noun"), [("Her", "office"), ("Her", "campaign"),
                                             ("Her", "team")])
def test_her_office_is_the_office_of_the_woman_named_before(owner: str, noun: str) -> None:
    """"Her office said …" after "… Corinne Vale, has said …": Corinne Vale's office,
    which speaks for her (it had been a bare "Her office")."""
    found = records("Ontario's labour minister, Corinne Vale, has said the province will act. "
                    f"{owner} {noun} said Tuesday the minister would not comment further.")
    assert found[-1].speaker == f"Corinne Vale's {noun}", show(found)


def test_his_lawyer_is_not_guessed_from_his() -> None:
    found = records("Tom Berg said the panel was unfair. On Thursday, the panel held Ray Lee "
                    "in contempt. His lawyer said he would not answer questions.")
    assert found[-1].speaker == "His lawyer", show(found)


@pytest.mark.parametrize("many", ["Some staff", "Many personnel"])
def test_some_staff_are_many_not_she(many: str) -> None:
    """"Some staff will be moved, … said" then "“…,” she said": "staff" takes no plural
    ending, but "some staff" are many, never "she" (the quote had gone to them)."""
    found = records(f"{many} will be moved, Tom Grady said in an email.\n\nA developer "
                    "lost her job by text.\n\n“Nobody called me,” she said.")
    assert all(q.speaker != many for q in found), show(found)


def test_they_after_some_staff_are_the_staff() -> None:
    found = records("Some staff were at the gate on Monday. They said the doors were locked.")
    assert [q.speaker for q in found] == ["Some staff"], show(found)


def test_a_woman_named_after_mr_of_her_surname_is_not_him() -> None:
    """"Police say Mr. Holm was hurt. … Greta Holm said her husband is recovering. “…,”
    she said": she is Greta Holm, whom "Mr." named before her does not make a man (her
    quote had gone to the mayor, the woman before)."""
    found = records("Mayor Ana Ruiz said the road will reopen.\n\nPolice say Mr. Holm was hurt "
                    "in the crash.\n\nGreta Holm said her husband is recovering.\n\n“He is "
                    "lucky,” she said.")
    assert found[-1].speaker == "Greta Holm", show(found)
