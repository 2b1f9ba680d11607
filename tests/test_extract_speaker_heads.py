"""Which words of a speaker phrase name the speaker: the name after the office or the
ally before it ("Oregon Democratic Party Chairman Tom Berg", "Berg ally Ana Ruiz"), not
a capitalised word that only opens the sentence ("Back in 2010, Ana Ruiz …", "Even a
top aide …"). Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("“We will not close the school,” said Oregon Democratic Party Chairman Tom Berg.",
     "Tom Berg", "chairman"),
    ("“David is a longtime friend of mine,” said Berg ally Ana Ruiz.", "Ana Ruiz", "ally"),
])
def test_the_name_after_the_words_before_it_speaks(text: str, speaker: str, role: str) -> None:
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


def test_a_party_body_alone_keeps_its_name() -> None:
    found = records("The Oregon Democratic Party said the school would stay open.")
    assert [q.speaker for q in found] == ["Oregon Democratic Party"], show(found)


@pytest.mark.parametrize("opening", ["Back in 2010", "Ever since the vote"])
def test_a_word_that_opens_a_sentence_is_no_speaker(opening: str) -> None:
    text = f"{opening}, Ana Ruiz praised the mayor, telling reporters: “He is the best we had.”"
    found = records(text)
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


def test_even_before_the_subject_is_not_part_of_it() -> None:
    """ "Even a top strategist said …, saying, “…”": the quote after "saying" is the
    strategist's direct quote, not a claim holding the quote's marks."""
    text = ("Even a top strategist said Berg will have to choose a side, saying, “At some "
            "point, he is going to have to say where he stands.”")
    found = records(text)
    assert [(q.kind, q.speaker) for q in found] == [
        ("indirect", "a top strategist"), ("direct", "a top strategist")], show(found)


@pytest.mark.parametrize("credit", ["Ana Ruiz said", "said Ana Ruiz"])
def test_adding_after_a_credit_is_the_credited_speakers(credit: str) -> None:
    """ "A and B will meet, Ana Ruiz said, adding, “…”": "adding" goes on from the
    credit, so the quote is hers, not the subject's of the sentence she reported."""
    text = f"Berg and Holt will meet next week, {credit}, adding, “They need to sit down.”"
    found = records(text)
    assert [(q.kind, q.speaker) for q in found] == [
        ("indirect", "Ana Ruiz"), ("direct", "Ana Ruiz")], show(found)
    # with no credit before it, "saying" is the subject's
    found = records("Berg urged the council to act, saying, “They need to sit down.”")
    assert [(q.kind, q.speaker) for q in found] == [
        ("indirect", "Berg"), ("direct", "Berg")], show(found)  # (what he urged, a claim)


def test_a_quote_opening_a_sentence_credited_at_its_end() -> None:
    """ "“This will be a challenge” for the city, said Ana Ruiz.": the credit closing the
    sentence is the quote's (the words between are the reporter's), so it is hers, not
    the rest of the last paragraph's speaker's words; the quote after it too."""
    text = ("“We need more buses,” Tom Berg said.\n\n"
            "“This will be a challenge” for the city, said Ana Ruiz. “It always is.”")
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "We need more buses"),
        ("Ana Ruiz", "This will be a challenge It always is.")], show(found)
    found = records("“This will be a challenge,” the mayor and former police chief said in "
                    "a statement.")
    assert [q.speaker for q in found] == ["the mayor and former police chief"], show(found)


def test_a_name_opening_on_its_lower_case_particle() -> None:
    """ "de Villa said", "said van der Berg": the particle opens the name (it is not a
    role written before "Villa" or "Berg")."""
    text = ("Dr. Eileen de Villa, the city's medical officer of health, spoke on Monday.\n\n"
            "“We are watching closely,” de Villa said.\n\n"
            "“We are ready,” said van der Berg.")
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [
        ("Eileen de Villa", "city's medical officer of health"), ("van der Berg", None)], (
        show(found))


def test_a_claim_in_a_clause_set_before_another_speakers_ends_there() -> None:
    """ "Even as Berg claimed …, one of the prosecutors said …": the first claim ends at
    the comma before the main clause, which has a speaker of its own, however long."""
    found = records("Even as Berg claimed the plan would work, one of the former "
                    "prosecutors for Lena Holt said it would fail.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Berg", "the plan would work"),
        ("one of the former prosecutors for Lena Holt", "it would fail")], show(found)
    # "as X noted, …" is no such clause: what follows is X's
    [claim] = records("But as Ana Ruiz noted, those voters will give Berg a second look.")
    assert (claim.speaker, claim.text) == ("Ana Ruiz", "those voters will give Berg a second look")


@pytest.mark.parametrize("aside", [
    "whose new company, Fieldnote, sells maps",
    "facing a tough challenge in Dorset, a swing county",
    "who at the time was a member of Harbour Watch, a group of bloggers",
])
def test_a_name_before_an_aside_holding_commas_speaks(aside: str) -> None:
    """A relative clause or a participle's aside with commas inside it, between the name
    and the verb: the pieces between those commas ("Fieldnote", "a swing county") are no
    speaker, the name before the aside is."""
    found = records(f"Ana Ruiz, {aside}, said the price was too low.")
    assert [(q.speaker, q.text) for q in found] == [("Ana Ruiz", "the price was too low")], (
        show(found))


def test_an_object_of_a_verb_before_a_name_is_no_role() -> None:
    """ "The mayor fired his police chief, Tom Berg, acknowledging …": "his police chief"
    is whom the mayor fired, so the phrase is no description ending at the name (it was
    "The mayor fired his police chief"); "First his wife, Huma Berg, announced" is one."""
    [claim] = records("The mayor fired his police chief, Tom Berg, acknowledging that the "
                      "force had failed.")
    assert claim.role is None and claim.speaker == "The mayor"
    [claim] = records("First his wife, longtime aide Huma Berg, announced they were separated.")
    assert claim.speaker_mention == "his wife"  # (it was "First his wife")


@pytest.mark.parametrize("phrase", [
    "A spokesperson for federal Health Minister Jane Doe",
    "Supporters of longtime Mayor Tom Berg",
    "A lawyer for then-Mayor Tom Berg",
])
def test_the_one_speaking_for_an_office_holder_is_not_the_office_holder(phrase: str) -> None:
    found = records(f"{phrase} said the plan would be delayed until spring.")
    assert [q.speaker for q in found] == [phrase], show(found)


def test_the_office_holder_with_a_modifier_speaks_for_herself() -> None:
    found = records("Federal Health Minister Jane Doe said the plan would be delayed.")
    assert [q.speaker for q in found] == ["Jane Doe"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The harbour board's longtime adviser went further, saying the pier must close.",
     "The harbour board's longtime adviser"),
    ("The ferry union took the unusual step of criticizing the board, accusing the province "
     "of lying about the sailings.", "The ferry union"),
])
def test_a_descriptions_own_verb_ends_it(text: str, speaker: str) -> None:
    """"The adviser went further, saying …": "went" is the subject's verb, never a
    participle modifying it, so the speaker ends before it (not "The adviser went
    further")."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("An engineer who saw the bridge before it fell told an inquiry that she flagged the "
     "cables.", "An engineer who saw the bridge before it fell"),
    ("An engineer who saw the bridge before the fall told an inquiry that she flagged the "
     "cables.", "An engineer who saw the bridge before the fall"),
    ("A nurse who worked there until it closed said the staff were never warned.",
     "A nurse who worked there until it closed"),
])
def test_a_time_clause_inside_the_subjects_relative_clause_is_the_subjects(
        text: str, speaker: str) -> None:
    """What comes after "before" or "until" inside "An engineer who …" is still the
    engineer's clause: "the fall" or "it" is not the one who told the inquiry."""
    found = records(text)
    assert [(q.speaker, q.resolved_by) for q in found] == [(speaker, "description")], show(found)


def test_a_time_clause_inside_the_claim_is_the_claims() -> None:
    found = records("Officials said the man who left before police arrived had a gun.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Officials", "the man who left before police arrived had a gun")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A woman who lived in Moncton, N.B., asked the tribunal to reopen her case.",
     "A woman who lived in Moncton, N.B."),
    ("A man who spent years in prison in Sudbury, Ont., told the court that he was innocent.",
     "A man who spent years in prison in Sudbury, Ont."),
    ("Residents who live in Moncton, N.B., said the rules were unfair.",
     "Residents who live in Moncton, N.B."),
])
def test_a_place_and_its_region_inside_the_subjects_relative_clause(text: str, speaker: str
                                                                    ) -> None:
    """"A woman who lived in Moncton, N.B., asked …": the region's commas are no
    apposition, the whole phrase is the speaker (it had given no record)."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


def test_a_names_own_relative_clause_with_a_region_keeps_the_name() -> None:
    found = records("Ana Ruiz, who lives in Moncton, N.B., said the rules were unfair.")
    assert [(q.speaker, q.resolved_by) for q in found] == [("Ana Ruiz", "name")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesperson for the Energy and Utilities Board said a decision would come in March.",
     "A spokesperson for the Energy and Utilities Board"),
    ("The Parks and Recreation Department said the pool would close.",
     "Parks and Recreation Department"),
])
def test_a_bodys_name_with_and_in_it_is_one_body(text: str, speaker: str) -> None:
    """"the Energy and Utilities Board" is one board, not a "Utilities Board" found in
    it; "Ana Ruiz and the Harbour Workers Union" stay two."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)
    found = records("Ana Ruiz and the Harbour Workers Union said the deal was fair.")
    assert [q.speaker for q in found] == ["Ana Ruiz and Harbour Workers Union"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Immigration, Refugees and Citizenship Canada said the backlog is shrinking.",
     "Immigration Refugees and Citizenship Canada"),
    ("Innovation, Science and Economic Development Canada said the review is done.",
     "Innovation Science and Economic Development Canada"),
    ("The Ministry of Transportation and Economic Corridors said transit is a municipal "
     "responsibility.", "Ministry of Transportation and Economic Corridors"),
    ("The Ministry of Municipal Affairs and Housing said the review is done.",
     "Ministry of Municipal Affairs and Housing"),
])
def test_a_department_that_lists_its_portfolios_is_one_body(text: str, speaker: str) -> None:
    """"Immigration, Refugees and Citizenship Canada" is one department, not "Citizenship
    Canada"; "Ana Ruiz and Citizenship Canada" are still two."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)
    found = records("Ana Ruiz and Citizenship Canada said the review is done.")
    assert [q.speaker for q in found] == ["Ana Ruiz and Citizenship Canada"], show(found)
