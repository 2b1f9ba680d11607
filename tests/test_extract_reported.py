"""Reported speech around the speaker: words between the subject and its verb, what
follows a trailing "X said", claims inside a clause set before the sentence, a mixed
claim closing on a quote, and the beats and subjects that must not be taken for a
speaker. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show

from quoteidx.record import Quote


def one(text: str) -> Quote:
    found = records(text)
    assert len(found) == 1, show(found)
    return found[0]


# Between the subject and its verb: a time, "however", "here"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Port spokesman Tom Berg on Thursday evening said the ferry was not in danger.",
     "Tom Berg", "the ferry was not in danger"),
    ("Ana Ruiz last week said the clinic would stay open.", "Ana Ruiz",
     "the clinic would stay open"),
    ("Ana Ruiz however said she would welcome the new plan.", "Ana Ruiz",
     "she would welcome the new plan"),
    ("The dock workers here said they have been waiting since the spring.",
     "The dock workers", "they have been waiting since the spring"),
])
def test_words_between_the_subject_and_the_verb(text: str, speaker: str, content: str) -> None:
    claim = one(text)
    assert claim.speaker == speaker and claim.text == content
    # the time skipped, what follows the verb must still be a claim
    assert records("The clinic on Thursday said goodbye to its last patient.") == []


# A gerund opens the clause


def test_a_claim_opening_with_a_gerund() -> None:
    claim = one("Ana Ruiz said seeing so many nurses on the ward was a relief.")
    assert claim.text == "seeing so many nurses on the ward was a relief"
    # a gerund with no verb after it is an object
    assert records("Ana Ruiz recalled visiting the old harbour with her father.") == []


# A role in commas with a participle


def test_an_apposition_with_a_participle_after_a_person() -> None:
    claim = one("Tom Berg, a ferry pilot based in Harwick, said he was tired of the delays.")
    assert claim.speaker == "Tom Berg" and claim.role == "ferry pilot based in Harwick"
    # a clause in commas is still no role
    quotes = records("Tom Berg, the blaze started in a kitchen, said the crew had left.")
    assert all(q.role != "the blaze started in a kitchen" for q in quotes), show(quotes)


# The subject's apposition before a second verb


def test_a_second_verb_after_a_subject_with_an_age() -> None:
    claim = one("Ana Ruiz, 70, had worked at the port and said she was sure the dock would close.")
    assert claim.speaker == "Ana Ruiz" and claim.text.startswith("she was sure")


def test_a_second_verb_after_a_subordinate_clause_is_not_its_object() -> None:
    # Garland is whom she praised; the clause before makes the subject unclear: refuse
    quotes = records("Ruiz, though she praised Tom Berg and said the council should hear him, "
                     "stopped short of backing him.")
    assert all(q.speaker != "Tom Berg" for q in quotes), show(quotes)


# Role words then a name, after a determiner


def test_a_determiner_role_words_and_a_name() -> None:
    claim = one("The harbour chairman Tom Berg declined to name the buyers but said one was "
                "a local family.")
    assert claim.speaker == "Tom Berg" and claim.role == "harbour chairman"
    assert claim.text == "one was a local family"


# After a trailing "X said": where it was said, the speaker's role, a clause about them


@pytest.mark.parametrize(("text", "speaker"), [
    ("Tom Berg spoke at the pier. The ferry is his favourite boat, he said in an interview "
     "on Saturday.", "Tom Berg"),
    ("The plan has broad support in the town, said Ana Ruiz, director of the harbour trust "
     "at the council.", "Ana Ruiz"),
    ("But that is not good enough, said Ana Ruiz, a senior analyst at Port Bank.",
     "Ana Ruiz"),
])
def test_what_follows_a_trailing_attribution(text: str, speaker: str) -> None:
    claim = [q for q in records(text) if q.kind == "indirect"]
    assert len(claim) == 1, show(claim)
    assert claim[0].speaker == speaker
    assert claim[0].text.startswith(("The ferry", "The plan", "But that"))
    # "said the event brought back memories of her father": not "said <speaker>"
    quotes = records("Ana Ruiz, 59, of Harwick, who watched the race on a screen, said the "
                     "event brought back memories of her father.")
    assert all(not q.speaker.startswith("the event") for q in quotes), show(quotes)


def test_an_object_after_the_verb_is_no_trailing_attribution() -> None:
    quotes = records("Once the mayor had left the hall for the night, Berg said nothing.")
    assert quotes == [], show(quotes)


# A claim inside a clause set before the sentence ends at the main clause


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("After Ana Ruiz said that the ferry might be late again, Tom Berg said nothing.",
     "Ana Ruiz", "the ferry might be late again"),
    ("When Ana Ruiz said the plant would close, the workers walked out.", "Ana Ruiz",
     "the plant would close"),
])
def test_a_claim_in_a_leading_clause(text: str, speaker: str, content: str) -> None:
    claim = one(text)
    assert claim.speaker == speaker and claim.text == content
    # not in a leading clause, the claim runs on past the comma
    claim = one("Ana Ruiz said the plant would close, and the workers would walk out.")
    assert claim.text == "the plant would close, and the workers would walk out"


# A mixed claim closing on a quote, before a trailing attribution


@pytest.mark.parametrize("text", [
    "Nurses “know why the union struck, and many agree with that,” Ana Ruiz said.",
    "The strike is about “nurses telling managers, 'this is not safe,'” Ana Ruiz said.",
])
def test_a_mixed_claim_closing_on_a_quote(text: str) -> None:
    claim = one(text)
    assert claim.kind == "indirect" and claim.speaker == "Ana Ruiz"
    assert not claim.text.endswith(("”", ",", "'")), claim.text


def test_a_quote_after_a_verb_inside_a_reported_clause_is_part_of_the_claim() -> None:
    # "reflect" is not the speaker's verb here: the figures do not speak
    claim = one("A spokeswoman for the port, Ana Ruiz, said in an email that the figures "
                "reflect “seasonal variation.”")
    assert claim.kind == "indirect" and claim.speaker == "Ana Ruiz"
    assert claim.text == "the figures reflect “seasonal variation.”"


def test_a_verb_and_particle_after_the_next_sentence_is_no_credit() -> None:
    found = records("Tom Berg told the Harbour Post simply, “We lost.” Posters quickly "
                    "appeared in front of the hall.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)
    # a verb and its particle ending the credit still are one
    found = records("“We lost,” Ana Ruiz chimed in.")
    assert [(q.speaker, q.cue) for q in found] == [("Ana Ruiz", "chimed in")], show(found)


def test_a_quote_followed_by_its_sentences_attribution_is_not_a_beat() -> None:
    found = records("The vote is near. ''We admire the plan'' of the council, Ana Ruiz said.")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


def test_a_thing_is_no_beat() -> None:
    found = records("The vote is near. “That is why we came here to the north today.”")
    assert found == [], show(found)
    # a person is
    found = records("Ana Ruiz nodded. “That is why we came here to the north today.”")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


def test_a_claim_after_a_leading_clause_with_its_own_claim() -> None:
    found = records("While Ana Ruiz said the pier was safe, she said the ferry was not.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "the pier was safe"), ("Ana Ruiz", "the ferry was not")], show(found)


def test_the_subject_right_after_a_subordinator_shares_the_second_verb() -> None:
    claim = one('When Ana Ruiz later visited the pier and said she would "protect our '
                'fishermen," the crowd cheered.')
    assert claim.speaker == "Ana Ruiz" and claim.text.startswith("she would")


def test_an_addressee_after_a_trailing_attribution() -> None:
    claim = one("The ferry will not run on Sundays this winter, Ana Ruiz told HARBOURNEWS.")
    assert claim.speaker == "Ana Ruiz" and claim.text.startswith("The ferry")


def test_a_participle_claim_after_a_credited_quote() -> None:
    found = records("“We wrote two dozen songs before the tour,” Ana Ruiz said, mentioning "
                    "the new album is “in the home stretch.”")
    assert [(q.kind, q.speaker) for q in found] == [
        ("direct", "Ana Ruiz"), ("indirect", "Ana Ruiz")], show(found)


# More between a speaker and the verb: an aside in commas, a role opening in -ing, a
# description with its post-modifier before a name


def test_an_aside_in_commas_between_subject_and_verb() -> None:
    claim = one("Ana Ruiz, though, said she would back the harbour plan.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "she would back the harbour plan"


def test_a_role_opening_with_an_adjective_in_ing() -> None:
    claim = one("Rep. Ana Ruiz (D-Va.), ranking member of the harbour committee and one of the "
                "bill's authors, said she fully supports the deal.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "she fully supports the deal"


def test_a_description_with_its_modifier_before_a_name_in_commas() -> None:
    claim = one("A lawyer for the dock workers, Tom Berg, said no decision had been made.")
    assert claim.speaker == "Tom Berg" and claim.role == "lawyer for the dock workers"
    # after a name, the description is that name's: the speaker is the first name
    claim = one("Ana Ruiz, a spokeswoman for the bakery's parent company, Acme Foods, said "
                "the bakery sent a notice.")
    assert claim.speaker == "Ana Ruiz"


def test_a_surname_in_ing_opening_a_clause() -> None:
    found = records("Walking to the pier, Ebeling recalled her days as a girl in the town, "
                    "and said the harbour had changed.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ebeling", "the harbour had changed")], show(found)


def test_an_office_then_a_name_with_a_middle_initial() -> None:
    claim = one("Secretary of State Ana M. Ruiz said the talks would resume in May.")
    assert claim.speaker == "Ana M. Ruiz"


# A verb in a relative clause set off by a comma: the speaker is what "who" stands for


def test_who_said_after_a_trailing_attribution() -> None:
    found = records('"It is normal for the port," said Tom Berg, who said dock owners often '
                    'fail to understand the town.')
    assert [(q.kind, q.speaker) for q in found] == [
        ("direct", "Tom Berg"), ("indirect", "Tom Berg")], show(found)
    assert found[1].text == "dock owners often fail to understand the town"


def test_who_said_then_the_main_verb() -> None:
    found = records("Tom Berg, who said he usually votes early, said one candidate stood out.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "he usually votes early"), ("Tom Berg", "one candidate stood out")], show(
        found)



@pytest.mark.parametrize(("text", "speaker"), [
    ("Council accepted the findings of the auditor general, who concluded that the city "
     "had overpaid for road salt.", "the auditor general"),
    ("The plan was opposed by local residents, who said the city had overpaid for road "
     "salt.", "local residents"),
])
def test_who_said_after_an_unnamed_object(text: str, speaker: str) -> None:
    """"…the findings of the auditor general, who concluded that …": the people "who"
    follows speak, unnamed as they are (only a name did; the claim was lost)."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        (speaker, "the city had overpaid for road salt")], show(found)


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Among them was Lise Arcand, a nurse from Sudbury who said she had driven four hours.",
     "Lise Arcand", "nurse from Sudbury"),
    ("The crowd included a nurse who said she had driven four hours.", "a nurse", None),
])
def test_who_said_with_no_comma_after_a_people_noun(text: str, speaker: str,
                                                    role: str | None) -> None:
    """"…, a nurse from Sudbury who said she had driven four hours": "who" stands for the
    nurse, and she is the one named before her description (the claim was lost)."""
    found = records(text)
    assert [(q.speaker, q.role, q.text) for q in found] == [
        (speaker, role, "she had driven four hours")], show(found)


@pytest.mark.parametrize("text", [
    "A woman who has accused the mayor of fraud said Sunday that he lied.",
    "In Ruiz, they see a candidate who thinks the same way.",
])
def test_who_opening_the_subject_or_thinking_is_no_claim_of_its_own(text: str) -> None:
    found = records(text)
    assert all(q.cue not in ("accused", "thinks") for q in found), show(found)

def test_the_second_verb_of_a_relative_clause() -> None:
    claim = one("Ana Ruiz, who visited the port in May and said she would return, "
                "ultimately did not come.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "she would return"


def test_who_after_a_name_and_its_role() -> None:
    claim = one("The plan was derided by Ana Ruiz, the leader of the opposition in the town, "
                "who suggested that the mayor should keep quiet.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "the mayor should keep quiet"
    # a relative clause with no comma restricts a noun: no speaker there
    assert records("People who say the harbour is a money pit were pleased.") == []


# A speaker named after the verb in the middle of a claim, or inside a phrase before "who"


def test_said_x_in_the_middle_of_a_claim() -> None:
    text = "Tom Berg ran the fund. Museums, said Berg, are required to show the photographs."
    claim = one(text)
    assert claim.speaker == "Tom Berg" and claim.text == (
        "Museums are required to show the photographs")
    # an addressee after "told" is no inverted speaker
    claim = one("Ana Ruiz, a nurse at the clinic, told Radio Harwick, that the wards had "
                "been full for a week.")
    assert claim.speaker == "Ana Ruiz"


def test_who_after_a_name_inside_a_phrase() -> None:
    claim = one("Tom Berg left the club and met Ana Ruiz. He went to Harwick to meet with "
                "Ruiz, who had told Berg she would help him find a house.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "she would help him find a house"


def test_according_to_a_source_quoting_another() -> None:
    claim = one("According to Harbour Radio, quoting the state news agency, the navy has "
                "been placed on high alert.")
    assert claim.speaker == "Harbour Radio"
    assert claim.text == "the navy has been placed on high alert"


def test_two_bodies_joined_by_and_speak_together() -> None:
    claim = one("Both the Harwick School District and the Harwick Police Department have "
                "asserted that the boy's name was not a factor.")
    assert claim.speaker == "Harwick School District and the Harwick Police Department"


def test_with_a_name_and_a_participle_before_a_quote() -> None:
    found = records('The paper quoted the lawyer Tom Berg and the campaigner Ana Ruiz, with '
                    'Ruiz stating: "People fleeing danger need quicker decisions."')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Ana Ruiz")], show(found)


def test_in_the_words_of_a_name_with_a_suffix() -> None:
    found = records('The girl was ill, and in the words of the prosecutor, Tom Berg, QC, '
                    '"She spent the last months of her life crying."')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Tom Berg")], show(found)


def test_an_office_with_a_gloss_before_the_name() -> None:
    text = ('The court ruled on Monday. The secretary general of ICC (the Island Chess '
            'Club), Tom Berg, has called the ruling dangerous:\n\n"We face a dangerous '
            'ruling. Who takes the decisions should do it with less ideology."')
    found = records(text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Tom Berg")], show(found)
    claim = one("The head of the council (ICC), Tom Berg, said the ruling was wrong.")
    assert claim.speaker == "Tom Berg"


def test_a_quote_whose_last_paragraph_lost_its_opening_mark() -> None:
    text = ('After the match, Tom Berg, the harbour coach, said, "I think we learned a lot '
            'today.\n\nIt was a very emotional day. The team was nervous at the start but '
            'then focused better."\n\nThe next match is on Sunday.')
    found = records(text)
    assert [(q.kind, q.speaker, len(q.parts)) for q in found] == [
        ("direct", "Tom Berg", 2)], show(found)
    assert found[0].text.endswith("then focused better.")


# Rulings, recommendations, findings, the media, a phrase in commas before "that", and
# "they" after a body


def test_a_ruling_and_a_recommendation_with_that() -> None:
    claim = one("A harbour court has ruled that fishermen may now moor at the old pier.")
    assert claim.speaker == "A harbour court"
    claim = one("The Harbour Health Board recommends that every pier should have a rail.")
    assert claim.speaker == "Harbour Health Board"
    # without "that" there is no claim: "ruled out", "recommended a book"
    assert records("The harbour court ruled out any appeal this year.") == []
    assert records("The Harbour Health Board recommended a book about piers.") == []


def test_a_finding_before_a_bare_clause() -> None:
    claim = one("A recent survey found only a quarter of the fishermen favoured the plan.")
    assert claim.text == "only a quarter of the fishermen favoured the plan"
    assert records("The divers found the keys near the old pier.") == []


def test_the_media_speak() -> None:
    claim = one("But media have said the new forms attract criticism from the fishermen.")
    assert claim.speaker == "media"


def test_a_phrase_in_commas_before_that() -> None:
    claim = one("The harbour guide explains, in a light-hearted way, that the pier was "
                "built by smugglers.")
    assert claim.text == "the pier was built by smugglers"


def test_they_after_a_body_with_no_group_between() -> None:
    text = ("In a statement, the Harbour Trust denied the charges. They also claimed the "
            "pier was safe.")
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Harbour Trust", "the pier was safe")], show(found)
    # a group nearer than the body is whom "they" means
    text = ("The Harbour Trust met them on Monday. Harbour officials said the boats were "
            "late. They also claimed the pier was unsafe.")
    found = records(text)
    assert [q.speaker for q in found] == ["Harbour officials", "Harbour officials"], show(found)


def test_a_colon_lead_in_with_a_quoted_term_in_it() -> None:
    found = records('On Wednesday, Ana Ruiz defended the council whilst promising a "formal '
                    'update" is coming: "The mayor and I are working hard on that law."')
    direct = [q for q in found if q.kind == "direct"]
    assert [(q.speaker, q.text) for q in direct] == [
        ("Ana Ruiz", "The mayor and I are working hard on that law.")], show(found)


def test_a_time_phrase_in_commas_opening_the_claim() -> None:
    claim = one("Ana Ruiz estimated by 2050, rising numbers and changing diets would double "
                "the harbour's trade.")
    assert claim.speaker == "Ana Ruiz"
    assert claim.text == ("by 2050, rising numbers and changing diets would double the "
                          "harbour's trade")
    # a participle after the last comma with no verb of its own is still the reporter's
    claim = one("Ana Ruiz said the pier would close in May, drawing cheers from the crowd.")
    assert claim.text == "the pier would close in May"


def test_an_acronym_body_with_a_plural_verb() -> None:
    claim = one("HMA say salt is the simplest way to prevent the harbour disease.")
    assert claim.speaker == "HMA"
    # "who" itself is no speaker
    assert records("Who says the harbour disease is rare in the town?") == []


def test_a_base_form_after_an_infinitive_is_not_a_second_verb_of_the_subject() -> None:
    found = records("Ana Ruiz was encouraged to submit her designs online and suggest "
                    "what the flag should mean.")
    assert found == [], show(found)
    claim = one("Ana Ruiz decided to stay and said the pier would reopen in May.")
    assert claim.text == "the pier would reopen in May"
    found = records("People were encouraged to submit their designs online and suggest "
                    "what the flag should mean.")
    assert found == [], show(found)


def test_a_name_given_after_a_colon_is_not_speech() -> None:
    found = records('Tom Berg of the Harbour Post dubbed the long quarrel between the town and '
                    'the port: "Harbour versus the Town, part nine".')
    assert found == [], show(found)
    found = records('Tom Berg of the Harbour Post wrote on Monday: "The harbour and the town '
                    'will never agree on this."')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Tom Berg")], show(found)


def test_a_group_with_its_examples_and_speculation() -> None:
    claim = one("Though the firm is complying, other groups such as Harbour Watch have "
                "stated that they will keep the pier open.")
    assert claim.speaker == "other groups such as Harbour Watch"
    claim = one("Ana Ruiz speculated that an attack on the harbour site had occurred.")
    assert claim.speaker == "Ana Ruiz" and claim.cue == "speculated"


def test_a_surname_that_reads_as_a_month() -> None:
    found = records("Prime Minister Theresa May said this week that the country would leave "
                    "by March.")
    assert [q.speaker for q in found] == ["Theresa May"], show(found)


def test_a_capitalised_party_word_among_the_role_words() -> None:
    found = records("Presumptive Democratic presidential nominee Ana Ruiz called on Congress to "
                    "pass a deal and said funding is needed.")  # (what she called for, too)
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "Congress to pass a deal"), ("Ana Ruiz", "funding is needed")], show(found)


def test_a_participle_naming_leaves_its_speaker_unclear() -> None:
    found = records("Tom Berg and Ana Ruiz issued a statement describing their meeting as a "
                    "“very positive step” toward peace.")
    assert all(q.speaker != "a statement" for q in found), show(found)
    claim = one("Tom Berg described their meeting as a “very positive step” toward peace.")
    assert claim.speaker == "Tom Berg"


def test_an_infinitive_after_a_speech_verb_is_no_claim() -> None:
    found = records("Tom Berg agreed to talk on the condition that his last name not be used "
                    "in print.")
    assert found == [], show(found)
    claim = one("Tom Berg agreed that his last name would not be used in print.")
    assert claim.text == "his last name would not be used in print"


def test_a_leading_clause_ending_at_its_verb() -> None:
    found = records("After Ana Ruiz testified, Tom Berg and his team seemed to shift focus "
                    "away from the harbour.")
    assert found == [], show(found)
    claim = one("After Ana Ruiz testified that the pier was unsafe, the team left.")
    assert claim.text == "the pier was unsafe"


def test_according_to_a_source_and_its_gloss() -> None:
    found = records("That’s according to members of the Harbour Caucus — a collection of "
                    "strategists and activists in the four towns.")
    assert found == [], show(found)
    claim = one("According to members of the Harbour Caucus, the pier will close in May.")
    assert claim.text == "the pier will close in May"


def test_a_title_after_a_work_is_not_speech() -> None:
    found = records("Ana Ruiz was speaking in an interview on the town's radio program, "
                    "“Harbour Talk Radio,” broadcast on Monday.")
    assert found == [], show(found)
    found = records("Her parents could not go home, Ana Ruiz said in her 2012 book, ''A "
                    "Harbour Daughter.'' So they stayed.")
    assert all(q.kind != "direct" and "Harbour Daughter" not in q.text for q in found), show(
        found)
    found = records("Ana Ruiz said in her 2012 book, ''We never went back because the harbour "
                    "had changed for ever.''")
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Ana Ruiz")], show(found)


def test_according_to_after_that_opens_the_claim() -> None:
    claim = one("The Harbour Post has learned that according to a posting made a day ago, "
                "the harbour website is being attacked by hackers.")
    assert claim.text == "the harbour website is being attacked by hackers"
    assert claim.speaker == "a posting made a day ago"


def test_a_description_with_a_quoted_name_in_it() -> None:
    claim = one('The "History" section of the harbour site explains, in a light-hearted way, '
                'that the pier was built by smugglers.')
    assert claim.speaker == 'The "History" section of the harbour site'


def test_a_vow_a_joke_or_a_retort_with_a_clause() -> None:
    claim = one("Ana Ruiz vowed that the harbour owners would pay their fair share.")
    assert claim.cue == "vowed" and claim.text == "the harbour owners would pay their fair share"
    claim = one("Ana Ruiz joked that she appreciates a good, peaceful protest now and then.")
    assert claim.cue == "joked"
    claim = one("Ana Ruiz countered that the pier had never been safer.")
    assert claim.text == "the pier had never been safer"
    # a vow to do something is a promise of an act, not a claim
    assert records("Ana Ruiz vowed to rebuild the pier by May.") == []


# Relative clauses inside the speaker phrase


def test_a_role_with_a_relative_clause_in_commas_is_the_named_persons() -> None:
    claim = one("Tom Berg, a security expert who has helped investigate some of the breaches "
                "uncovered to date, said he did not see convincing evidence in the report.")
    assert claim.speaker == "Tom Berg" and claim.role == "security expert"
    assert claim.text == "he did not see convincing evidence in the report"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Harbour residents who want to ban the ferry said the decision will make the choice "
     "starker.", "Harbour residents who want to ban the ferry"),
    ("Voters who backed the mayor said the vote was close.", "Voters who backed the mayor"),
    ("Voters who backed Ruiz said the vote was close.", "Voters who backed Ruiz"),
    ("Senior campaign advisers who have run the numbers said the mayor will win.",
     "Senior campaign advisers who have run the numbers"),
    ("Executives who have worked with Tom Berg say they assume he shares his father's views.",
     "Executives who have worked with Tom Berg"),
    ("Harbour officials whose rules have been struck down say the courts have changed.",
     "Harbour officials whose rules have been struck down"),
    ("The tenants who live there say repairs were ignored.", "The tenants who live there"),
    ("Tenants who work here said repairs were ignored.", "Tenants who work here"),
    ("The company that owns the mill said it would close.", "The company that owns the mill"),
    ("The union that represents the nurses says the deal is fair.",
     "The union that represents the nurses"),
    ("The contractor that rebuilt it says the repairs cost twice the estimate.",
     "The contractor that rebuilt it"),
    ("A worker who asked not to be named because she fears losing her job said the deal is "
     "fair.", "A worker who asked not to be named because she fears losing her job"),
])
def test_the_object_of_a_relative_clause_is_not_the_speaker(text: str, speaker: str) -> None:
    """What "who" did (`backed the mayor`) is not who speaks: the phrase "who" stands for,
    with its clause, is."""
    assert one(text).speaker == speaker



def test_a_noun_after_a_relative_clause_with_that_is_no_speech_verb() -> None:
    """"…, demographic groups that favored her in other states.": "states" is a noun."""
    assert records("Ana Ruiz will fare well in the city, which has many young voters, "
                   "groups that favored her in other states.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("Tom Berg, a Harwick consultant whose firm was recently retained by the Ruiz campaign, "
     "said he would be shocked by a loss.", "he would be shocked by a loss"),
    ("Senator Tom Berg, a Lakeside Republican who has met privately with Ms. Ruiz and been "
     "mentioned as a possible choice, said there could be a line that she crosses.",
     "there could be a line that she crosses"),
    ("Tom Berg, an outside adviser to the campaign on tax issues and an associate professor "
     "at Harwick University School of Law, said that the campaign was taking a close look.",
     "the campaign was taking a close look"),
    ("Judge Tom Berg, writing for the majority in the 2-1 decision, said the remaining "
     "voting period is quite generous.", "the remaining voting period is quite generous"),
    ("Harbour delegate Tom Berg, wearing a T-shirt covered in buttons, said he is proud of "
     "the campaign.", "he is proud of the campaign"),
])
def test_a_long_apposition_or_a_participle_between_the_name_and_said(text: str,
                                                                     content: str) -> None:
    claim = one(text)
    assert (claim.speaker, claim.text) == ("Tom Berg", content)


def test_the_object_of_a_verb_before_a_participle_is_not_the_speaker() -> None:
    found = records("Ms. Ruiz tries to turn the interruptions to her advantage, showcasing her "
                    "large crowds, and said the rally was a success.")
    assert all(q.speaker != "the interruptions to her advantage" for q in found), show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A longtime ally said the mayor would run again.", "A longtime ally"),
    ("The family said the mayor would run again.", "The family"),
    ("Another ally, Tom Berg, told reporters that the plan was an effort to hurt Ruiz.",
     "Tom Berg"),
])
def test_a_noun_ending_in_ly_is_no_adverb(text: str, speaker: str) -> None:
    """"ally" and "family" end like adverbs ("quickly said") but head the speaker."""
    assert one(text).speaker == speaker


def test_this_opening_a_clause_is_its_subject_not_a_time() -> None:
    claim = one("Ruiz told reporters this was the only chance to pass the measure.")
    assert claim.text == "this was the only chance to pass the measure"
    assert one("Ruiz said this week that the port would close.").text == "the port would close"
    assert records("Ruiz said this on Monday.") == []  # an object, not a claim


# What opens the clause after the verb


def test_a_subject_holding_quoted_words_opens_a_claim() -> None:
    claim = one("Ana Ruiz said Harbour mayor Tom Berg’s “judgment” is in question after the "
                "vote.")
    assert claim.text == "Harbour mayor Tom Berg’s “judgment” is in question after the vote"
    # no finite verb after the quoted word: an object, not a clause
    assert records("Ana Ruiz pointed to the table with soup served with “electric” punch.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("Ruiz said if elected mayor she would reopen the pier.",
     "if elected mayor she would reopen the pier"),
    ("Ruiz said unless the board has a plan, the clinic will close in May.",
     "unless the board has a plan, the clinic will close in May"),
])
def test_a_conditional_clause_opens_a_claim(text: str, content: str) -> None:
    assert one(text).text == content


def test_a_question_with_if_is_no_claim() -> None:
    assert records("Ruiz asked if the clinic would close in May.") == []


@pytest.mark.parametrize("text", [
    "Ruiz said following a vote in 2001 that the clinic had been a mistake.",
    "Ruiz said — on the radio, as it happens — that the clinic had been a mistake.",
])
def test_a_phrase_or_an_aside_between_the_verb_and_that(text: str) -> None:
    claim = one(text)
    assert (claim.speaker, claim.text) == ("Ruiz", "the clinic had been a mistake")


# A verb sharing the subject of the verbs before it


@pytest.mark.parametrize("text", [
    "Ruiz praised the port, but told reporters on Monday that the pier would close.",
    "Ruiz toured the port, met the crew, and told reporters the pier would close.",
    "Ana Ruiz ran the clinic for a decade. She praised the port, but told reporters the pier "
    "would close.",
])
def test_a_speech_verb_after_a_list_of_the_subjects_verbs(text: str) -> None:
    claim = one(text)
    assert (claim.speaker, claim.text) in (("Ruiz", "the pier would close"),
                                           ("Ana Ruiz", "the pier would close"))


def test_a_name_in_the_opening_phrase_is_not_the_subject_of_a_later_verb() -> None:
    found = records("At a June Berg campaign event in Harwick, Ohio, 62-year-old Ana Ruiz also "
                    "praised the port, and explained how much it upset her to see the pier "
                    "close.")
    assert all(q.speaker != "Berg" for q in found), show(found)


def test_a_participle_in_a_list_is_not_the_sentence_subjects_verb() -> None:
    """"I remember Ruiz …, telling voters …": Ruiz is telling, not the one remembering."""
    found = records("I remember Ana Ruiz going on TV, declaring a war on waste, and telling "
                    "voters that the pier would close.")
    assert all(q.speaker.lower() not in ("i", "i remember") for q in found), show(found)


def test_what_someone_wrote_is_a_claim_only_with_a_clause() -> None:
    assert records("Ruiz lived in Harwick and wrote her thesis on the port's history.") == []
    assert one("Ruiz wrote her plan would fail without the levy.").text == (
        "her plan would fail without the levy")


# Whom it was told to


def test_an_outlet_in_capitals_is_whom_it_was_told_to() -> None:
    claim = one("Ruiz told HARBOURNEWS he planned to stay neutral in the race.")
    assert (claim.speaker, claim.text) == ("Ruiz", "he planned to stay neutral in the race")


@pytest.mark.parametrize("told", ["told The Harbour Post", "told reporters", "told me"])
def test_a_told_set_in_commas_with_whom_it_was_told_to(told: str) -> None:
    claim = one(f"The pier, several aides {told}, will close in May and reopen in June.")
    assert claim.speaker == "several aides"
    assert claim.text == "The pier will close in May and reopen in June"


@pytest.mark.parametrize(("text", "content"), [
    ("The board says 34,570 residents cast ballots by mail.",
     "34,570 residents cast ballots by mail"),
    ("Ruiz says rival Tom Berg accepted about $200,000 from developers.",
     "rival Tom Berg accepted about $200,000 from developers"),
])
def test_a_number_with_its_digits_grouped_or_a_sum_in_the_clause(text: str,
                                                                 content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(("text", "speaker"), [
    ("The retired judge survived two floods in Harwick and says the levee will fail.",
     "The retired judge"),
    ("A neighbour came in and told me the levee will fail.", "A neighbour"),
])
def test_a_description_shares_its_subject_with_a_later_speech_verb(text: str,
                                                                   speaker: str) -> None:
    claim = one(text)
    assert (claim.speaker, claim.text) == (speaker, "the levee will fail")


@pytest.mark.parametrize(("text", "speaker"), [
    ("A court filing released Thursday says that the pier will close.",
     "A court filing released Thursday"),
    ("A harbour report published last year found that the pier will close.",
     "A harbour report published last year"),
])
def test_a_participle_and_its_time_after_the_subject(text: str, speaker: str) -> None:
    """The time belongs to the participle ("released Thursday"), not to the verb, and
    the phrase is headed by the filing, not by the time."""
    claim = one(text)
    assert (claim.speaker, claim.text) == (speaker, "the pier will close")


def test_a_subject_opening_with_an_abbreviation() -> None:
    claim = one("U.S. District Judge Ana Ruiz imposed a long sentence, saying a tough penalty "
                "was needed.")
    assert (claim.speaker, claim.text) == ("Ana Ruiz", "a tough penalty was needed")


def test_a_paragraph_leading_into_a_quote_with_a_comma_is_no_subhead() -> None:
    """"… Berg stated," ends a paragraph of prose that introduces a block quote; it has
    no full stop at its end, as a subhead has none, but it is two sentences long."""
    found = records("Harbour news\n\nAccording to Berg, a detective was given files to build a "
                    "case against Ruiz. Berg stated,\n\nThe files came from the port.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Berg", "a detective was given files to build a case against Ruiz")], show(found)


@pytest.mark.parametrize("text", [
    "The convention rules may be moot if the tide keeps turning.",
    "The harbour estimates will be needed before the vote in May.",
])
def test_a_claim_verb_before_an_auxiliary_is_a_noun(text: str) -> None:
    assert records(text) == []


def test_told_a_named_host_that_opens_with_a_pronoun() -> None:
    claim = one("Ana Ruiz told host Tom Berg she believed that the mayor would release the "
                "report.")
    assert (claim.speaker, claim.text, claim.cue) == (
        "Ana Ruiz", "she believed that the mayor would release the report", "told")


def test_a_role_after_a_name_whose_closing_comma_is_missing() -> None:
    claim = one("Sen. Ana Ruiz (D-NY), a supporter of the mayor’s bid told reporters the report "
                "would come out.")
    assert (claim.speaker, claim.role) == ("Ana Ruiz", "supporter of the mayor’s bid")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Berg, a top aide said, “is very confident in the contrast with the mayor.”", "a top aide"),
    ("In Harwick, a June poll found that the mayor trails by ten points.", "a June poll"),
    ("Overall, the board predicted that the port will grow by two percent.", "the board"),
])
def test_a_name_before_a_comma_and_a_description_is_not_always_its_name(
        text: str, speaker: str) -> None:
    assert [q.speaker for q in records(text)] == [speaker]


def test_claiming_a_win_is_no_claim() -> None:
    assert records("Ruiz had also claimed a victory in the Harbour primary last month.") == []
    assert one("Ruiz claimed the board hid its losses.").text == "the board hid its losses"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Aides to Ruiz say she is shifting her tack on the levy.", "Aides to Ruiz"),
    ("People briefed on the talks say that the governor has revealed little.",
     "People briefed on the talks"),
])
def test_a_plural_head_before_its_modifier_takes_say(text: str, speaker: str) -> None:
    assert one(text).speaker == speaker


@pytest.mark.parametrize(("text", "content"), [
    ("The Harbour Post reported at least six planes filled the sky with banners.",
     "at least six planes filled the sky with banners"),
    ("The board said more than 200 workers lost their jobs in May.",
     "more than 200 workers lost their jobs in May"),
    ("The harbour board said about half of the losses came from the storm.",
     "about half of the losses came from the storm"),
    ("Ana Ruiz told reporters nearly 40 families had left the valley.",
     "nearly 40 families had left the valley"),
])
def test_a_quantity_opening_the_clause(text: str, content: str) -> None:
    assert one(text).text == content


def test_about_before_a_span_of_time_or_a_topic_is_no_quantity() -> None:
    """ "said about two weeks ago that …", "said about the plan that …": the claim is
    what "that" opens."""
    assert one("Ana Ruiz said about two weeks ago that the pier would close.").text == (
        "the pier would close")
    assert one("Ana Ruiz said about the plan that it would cost too much.").text == (
        "it would cost too much")


def test_a_quote_credited_to_one_of_many_is_not_the_last_speakers() -> None:
    """"“…,” read one.": a sign's words, credited in words no rule reads; they are not
    the reporter's source of the paragraph before."""
    found = records("The Harbour Post reported at least six planes filled the sky with "
                    "banners.\n\n“The pier must stay open,” read one. “Save the pier,” was "
                    "another.")
    assert [q.speaker for q in found] == ["Harbour Post"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Critics of the levy say it will cost the port too much.", "Critics of the levy"),
    ("On Monday, organizers of the march said it will cost the port too much.",
     "organizers of the march"),
    ("Indeed, proponents of more controls on fishing say it will cost the port too much.",
     "proponents of more controls on fishing"),
])
def test_a_plural_role_before_of_opening_the_sentence_speaks(text: str, speaker: str) -> None:
    """The head of "Critics of the levy" is "Critics", a plural role, not "levy"."""
    assert one(text).speaker == speaker
    assert records("Parts of the harbour said it will cost the port too much.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("The board said violent threats and the spread of rumours had long been against "
     "its rules.", "violent threats and the spread of rumours had long been against its rules"),
    ("A port aide said letters from Ruiz, Berg and Kaya were consistent with their "
     "earlier statements.", "letters from Ruiz, Berg and Kaya were consistent with their "
     "earlier statements"),
])
def test_a_coordinated_subject_opening_the_clause(text: str, content: str) -> None:
    assert one(text).text == content
    # a list of names after a verb of praise is its object, no claim
    assert records("Tom Berg praised Ruiz, Kaya and Lee for their work at the pier.") == []


def test_a_gerund_subject_with_the_phrases_of_its_object() -> None:
    assert one("Tom Berg said having the mayor at the top of the ticket hurts the party."
               ).text == "having the mayor at the top of the ticket hurts the party"


def test_a_title_in_quote_marks_inside_the_phrase_before_that() -> None:
    """ "said on the show “Port Morning” that …": the quoted title is part of where it
    was said; quoted words that are not a title still end the phrase."""
    assert one("Tom Berg said on the radio show “Harbour Morning” that he would look at "
               "the plan.").text == "he would look at the plan"
    assert records("Tom Berg wrote under the pen name “Pier Boss,” but it did him no good, "
                   "as he was found out.") == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Tom Berg criticised the levy, which an inquiry said was careless but not criminal.",
     "an inquiry", "was careless but not criminal"),
    ("The archive holds 44 letters, which Ana Ruiz said represented all her mail.",
     "Ana Ruiz", "represented all her mail"),
])
def test_a_claim_about_what_which_stands_for(text: str, speaker: str, content: str) -> None:
    """ "…, which the panel said was …": the speaker's words are what follows the verb,
    about the thing "which" stands for."""
    claim = one(text)
    assert (claim.speaker, claim.text) == (speaker, content)
    # a noun after "which … said" is no such claim
    assert records("The pier, which Ana Ruiz said goodbye to, is closed.") == []


@pytest.mark.parametrize("text", [
    "Polls show the public is not comfortable with the levy, said Ana Ruiz, the editor of "
    "Harbour Notes.",
    "Polls show the public is not comfortable with the levy, Ana Ruiz said.",
    "Polling shows that “the public is not comfortable with the levy,” said Ana Ruiz, the "
    "editor of Harbour Notes.",
])
def test_a_closing_attribution_owns_the_speech_verbs_before_it(text: str) -> None:
    """ "Polls show …, said Ruiz.": what the polls show is what Ruiz said; the polls are
    no speaker of their own."""
    found = records(text)
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)
    assert found[0].text.startswith("Poll") and "comfortable with the levy" in found[0].text


@pytest.mark.parametrize("text", [
    "The pier “has made dramatic changes for the better,” Tom Berg said in June, citing the "
    "new ferry.",
    "Tom Berg said his band and collaborator Ana Ruiz, also known as Pier Boss, wrote a host "
    "of new songs for the album.",
])
def test_no_closing_attribution_after_a_participle_or_before_an_object(text: str) -> None:
    """ "…, citing …" carries on the speaker before it; "…, wrote a host of new songs …"
    has an object, not a speaker, after the verb: Tom Berg's claims stay his."""
    assert {q.speaker for q in records(text)} == {"Tom Berg"}


@pytest.mark.parametrize("text", [
    "Tom Berg toured the port, then said the ferry would run again.",
    "Tom Berg toured the port and then said the ferry would run again.",
])
def test_then_before_a_second_verb_of_the_subject(text: str) -> None:
    claim = one(text)
    assert (claim.speaker, claim.text) == ("Tom Berg", "the ferry would run again")


def test_a_short_description_before_a_closing_credit_s_name() -> None:
    """ "…, the news site Harbour Info reported.": the name is the credit, whatever
    common nouns describe it after "the"."""
    claim = one("The pier will close next year, the news site Harbour Info reported.")
    assert (claim.speaker, claim.text) == ("Harbour Info", "The pier will close next year")


@pytest.mark.parametrize(("text", "speaker"), [
    ("The pier closed last week after the Harbour Times reported that its permit had "
     "lapsed in January.", "Harbour Times"),
    ("The ferry stopped running after the port's new director said that the hull was "
     "unsafe.", "the port's new director"),
])
def test_a_claim_in_a_clause_after_after_or_before(text: str, speaker: str) -> None:
    """ "… after the Times reported that …": "after" opens a clause there, not a phrase;
    not for an indefinite description ("after a man who pledged …")."""
    assert one(text).speaker == speaker


@pytest.mark.parametrize("text", [
    "Polls show the public is not comfortable with the levy, Ana Ruiz said on Monday.",
    "Polls show the public is not comfortable with the levy, the mayor said Friday.",
])
def test_a_closing_attribution_with_its_time(text: str) -> None:
    found = records(text)
    assert len(found) == 1 and found[0].text.startswith("Polls show"), show(found)


def test_an_uncued_quote_paragraph_before_what_the_speaker_added() -> None:
    """ "“A.”" ¶ "“B,” he added.": "added" says B is more of what he said, so A, the
    quote paragraph just before with no credit of its own, is his too; with any other
    paragraph between, or another cue, A stays uncredited."""
    opening = "Tom Berg has run the ferry for 30 years.\n\n“Every winter the pier gets worse.”\n\n"
    found = records(opening + "“I have given up,” he added.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "Every winter the pier gets worse."), ("Tom Berg", "I have given up")]
    found = records(opening + "The pier was built in 1950.\n\n“I have given up,” he added.")
    assert [q.text for q in found] == ["I have given up"]


def test_a_quote_over_two_paragraphs_credited_at_its_end() -> None:
    """ "“A …" ¶ "“B,” said Tom Berg.": the first paragraph's quote is left open and the
    next opens with the same mark, the newspaper way of running a quote on; the credit
    at the end is for both parts. A stray mark of another kind joins nothing."""
    text = ("“We have waited three years for this road. Every winter it gets worse.\n\n"
            "“And nobody at city hall will return our calls,” said resident Tom Berg.")
    [quote] = records(text)
    assert (quote.speaker, len(quote.parts)) == ("Tom Berg", 2)
    assert quote.text.startswith("We have waited") and quote.text.endswith("return our calls")
    [quote] = records(text.replace("“We have", '"We have', 1))
    assert quote.text == "And nobody at city hall will return our calls"


@pytest.mark.parametrize(("sentence", "speaker", "said"), [
    ("The mayor rejected Ana Ruiz's claim that the ferry budget was cut in secret.",
     "Ana Ruiz", "the ferry budget was cut in secret"),
    ("Despite Ana Ruiz's repeated insistence that she was at the dock as a reporter, the "
     "judge kept her in custody.", "Ana Ruiz", "she was at the dock as a reporter"),
    ("Tom Berg spoke last. Critics attacked his assertion that the audit was rigged.",
     "Tom Berg", "the audit was rigged"),
])
def test_a_claim_named_by_a_noun_is_its_owners(sentence: str, speaker: str, said: str) -> None:
    found = [q for q in records(sentence) if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in found] == [(speaker, said)], show(found)


@pytest.mark.parametrize("sentence", [
    "The claim that the ferry budget was cut in secret drew a rebuke.",
    "Tom Berg spoke last. His assertion that the audit was rigged drew a rebuke.",
])
def test_a_claim_noun_with_no_owner_or_as_subject_finds_nothing(sentence: str) -> None:
    found = records(sentence)
    assert [q for q in found if q.kind == "indirect"] == [], show(found)


def test_ruling_that_after_a_comma_is_the_judges_claim() -> None:
    found = records("Justice Ana Kowal granted the stay late Sunday, ruling that the family's "
                    "application had not been properly considered.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Kowal", "the family's application had not been properly considered")], show(found)


@pytest.mark.parametrize("sentence", [
    "The ruling that the harbour court issued in May was appealed by the city.",
    "The court struck down the bylaw. The ruling that followed was narrow, lawyers noted.",
])
def test_the_noun_ruling_before_that_is_no_claim(sentence: str) -> None:
    found = records(sentence)
    assert all(q.cue != "ruling" for q in found), show(found)


@pytest.mark.parametrize("claim", [
    "the team sold many tickets, with most going to season holders",
    "the club sold 12,000 tickets, most of them to season holders",
])
def test_according_to_a_body_then_a_clause_with_a_comma_keeps_the_whole_claim(claim: str
                                                                              ) -> None:
    """A clause after "According to the NHL," is the claim, not an apposition of the
    source: a noun, its verb and its object are no role."""
    found = records(f"According to the league, {claim}.")
    assert [(q.speaker, q.text) for q in found] == [("the league", claim)], show(found)


def test_a_person_described_by_a_participle_keeps_the_role() -> None:
    found = records("According to Dana Lowe, a radio host considered one of the most "
                    "influential in the city, the mayor waited too long.")
    assert [(q.speaker, q.role, q.text) for q in found] == [
        ("Dana Lowe", "radio host considered one of the most influential in the city",
         "the mayor waited too long")], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("The province lost 38,000 jobs in October, the agency said Friday, a surprise decline "
     "that pushed the jobless rate up.", "The province lost 38,000 jobs in October"),
    ("The mill will close in June, Dana Lowe said, a blow to the town.",
     "The mill will close in June"),
])
def test_the_reporters_gloss_after_a_closing_credit_is_no_claim(text: str, claim: str) -> None:
    """"…, X said, a surprise decline …": the noun phrase after the credit is the
    reporter's gloss on the claim before it, which is what X said."""
    found = records(text)
    assert [q.text for q in found] == [claim], show(found)


def test_words_after_an_aside_are_still_the_claim() -> None:
    found = records("Dana Lowe runs the poll. Overall, she said, a number of key groups are "
                    "turning away from the party.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Dana Lowe", "Overall a number of key groups are turning away from the party")], (
        show(found))


def test_a_clause_before_a_name_is_not_its_role() -> None:
    found = records("The price fell in September, Dana Lowe said.")
    assert [(q.speaker, q.role) for q in found] == [("Dana Lowe", None)], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("Ana Ruiz said investigators identified 23 victims, most of them seniors.",
     "investigators identified 23 victims, most of them seniors"),
    ("The survey found residents favoured the ferry, 72 per cent to 8 per cent.",
     "residents favoured the ferry, 72 per cent to 8 per cent"),
])
def test_a_clause_without_that_goes_on_past_a_comma(text: str, claim: str) -> None:
    """A subject and its verb before a comma are a clause ("said investigators identified
    23 victims, most of them …"): the claim, not an object cut short by the comma."""
    found = records(text)
    assert [q.text for q in found] == [claim], show(found)


@pytest.mark.parametrize("text", ["Ana Ruiz said goodbye, then left the hall.",
                                  "Ana Ruiz thanked voters, volunteers and staff."])
def test_an_object_before_a_comma_is_still_no_claim(text: str) -> None:
    found = records(text)
    assert found == [], show(found)


def test_an_accusation_in_a_gerund_after_by_is_the_subjects() -> None:
    """"X opened by accusing Y of Z": X accuses, as in "X opened by saying …"."""
    found = records("Ana Ruiz opened the debate by accusing the mayor of hiding the cost "
                    "of the ferry.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "the mayor of hiding the cost of the ferry")], show(found)


def test_a_relative_clause_giving_someone_elses_view_closes_the_claim() -> None:
    """"…, which at least one employee considered illegal": the view of someone else, in
    a relative clause closing the sentence, is not the speakers' words."""
    found = records("Three former employees said disagreements broke out over the ferry deal, "
                    "which at least one employee considered illegal.")
    assert [q.text for q in found] == ["disagreements broke out over the ferry deal"], show(
        found)


def test_a_clause_granting_someone_elses_doubt_closes_the_claim() -> None:
    found = records("The union warned its members could strike in May, even though many "
                    "observers doubt they would take such a step.")
    assert [q.text for q in found] == ["its members could strike in May"], show(found)


@pytest.mark.parametrize("text", [
    "Ana Ruiz said the ferry would stop in March, which would cost the town 40 jobs.",
    "Ana Ruiz said the town had sold the ferry, which she called a mistake.",
    "Ana Ruiz said the ferry would run, even though she doubts the budget will hold.",
])
def test_a_relative_clause_of_the_speakers_own_stays_in_the_claim(text: str) -> None:
    found = records(text)
    assert found and found[0].text.endswith(text.split(", ")[-1].rstrip(".")), show(found)


def test_a_past_verb_after_a_name_is_its_verb_not_a_modifier() -> None:
    """"Harbour Link cancelled sailings, citing …": "cancelled" is the body's verb, so
    the body cites; the speaker is no description "Harbour Link cancelled sailings"."""
    found = records("Harbour Link cancelled sailings, citing a shortage of crew.")
    assert [q.speaker for q in found] == ["Harbour Link"], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("Ana Ruiz warned taxes will rise next year.", "taxes will rise next year"),
    ("Opponents warned the project could push taxes up.", "the project could push taxes up"),
    ("Ana Ruiz warned the council the project could push taxes up.",
     "the project could push taxes up"),
])
def test_warned_with_no_one_warned_reports_the_clause(text: str, claim: str) -> None:
    """"warned taxes will rise": the words after "warned" may be the clause itself, its
    subject and verb, with no one named as warned."""
    found = records(text)
    assert [q.text for q in found] == [claim], show(found)


def test_warned_someone_to_do_something_is_no_claim() -> None:
    found = records("Ana Ruiz warned residents to stay indoors.")
    assert found == [], show(found)


def test_including_after_a_claim_is_part_of_it() -> None:
    """"…, including two cats": what the claim lists is the speaker's, no reporter's
    participle phrase ("…, drawing cheers")."""
    found = records("A relative told the Harbour Record the family lost almost everything, "
                    "including two cats.")
    assert [q.text for q in found] == ["the family lost almost everything, including two cats"
                                       ], show(found)


def test_a_party_before_a_name_opens_the_claim() -> None:
    """"said Republican Tom Berg favors a “strongman approach.”": the party word and the
    name are the clause's subject, with a quoted phrase in it."""
    found = records("Ana Ruiz spoke on Friday. She said Republican Tom Berg favors a "
                    "“strongman approach.”")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "Republican Tom Berg favors a “strongman approach.”")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A plan to replace the arena has divided council, with opponents warning the project "
     "could push taxes up.", "opponents"),
    ("The plan passed, with Ana Ruiz saying the project could push taxes up.", "Ana Ruiz"),
])
def test_with_and_a_noun_phrase_give_the_participle_its_subject(text: str, speaker: str
                                                                 ) -> None:
    """"…, with opponents warning …": "with" gives the participle its own subject, who
    speaks, not the sentence's."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        (speaker, "the project could push taxes up")], show(found)


def test_a_claim_before_a_colon_and_a_quote_credited_after_it_ends_at_the_colon() -> None:
    """`asserted that the ferry had lost its way: “…,” she said`: the claim ends at the
    colon, the quote after it is a direct quote of its own, both hers."""
    found = records("Ana Ruiz asserted that the ferry had lost its way: “The ferry is no "
                    "longer the ferry,” she said.")
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("indirect", "Ana Ruiz", "the ferry had lost its way"),
        ("direct", "Ana Ruiz", "The ferry is no longer the ferry")], show(found)


@pytest.mark.parametrize("text", [
    "Ana Ruiz said the plan has two parts: the ferry will run and the port will close.",
    "Many residents have said it falls flat for one reason: The pride the mayor feels is "
    "not shared.",
])
def test_a_colon_inside_the_speakers_claim_does_not_end_it(text: str) -> None:
    found = records(text)
    assert len(found) == 1 and found[0].text.endswith(text[-20:].rstrip(".")), show(found)


def test_with_and_a_description_credit_a_quote_after_a_participle() -> None:
    """"…, with one resident writing “…”": the resident's quote, as "with Ruiz stating"."""
    found = records("The council voted 7-2, with one resident writing “This is a disgrace "
                    "for the town.”")
    assert [(q.kind, q.speaker) for q in found] == [("direct", "one resident")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ana Reyes said she complained to her manager. The manager told her it was “just how "
     "things work,” she said.", "Ana Reyes"),
    ("Tom Reyes said he complained. The manager asked him to stay late, he said.",
     "Tom Reyes"),
    ("Ana Reyes met the manager. Ms. Reyes was shocked by the reply, she said.", "Ana Reyes"),
])
def test_a_credit_after_what_was_done_to_its_speaker_is_not_the_doer(text: str, speaker: str
                                                                     ) -> None:
    """"The manager told her it was …, she said": she is the one told, not the manager
    (the claim's subject), who had been given her words; a claim about the speaker
    herself ("Ms. Reyes was shocked, she said") stays hers."""
    quotes = records(text)
    assert quotes[-1].speaker == speaker, show(quotes)
