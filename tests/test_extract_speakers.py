"""Speaker phrases as news writes them, beyond "X said": pre-modifiers, roles in commas,
post-modifiers, descriptions of any head noun. Every sentence and name is invented.
Each case says who the speaker is and, where it matters, the role."""

from __future__ import annotations

import pytest
from expect import assert_provenance, records, show, the_record

from quoteidx.extract import extract_text
from quoteidx.record import Quote


def quotes_of(text: str) -> list[Quote]:
    quotes = extract_text(text)
    for quote in quotes:
        assert_provenance(text, quote)
    return quotes


def speaker_of(text: str, fragment: str) -> tuple[str | None, str | None]:
    record = the_record(quotes_of(text), fragment)
    return record.speaker, record.role


# Pre-modifiers: lower-case or long role words before the name


@pytest.mark.parametrize(("text", "role"), [
    ("“The pipeline will not be built here,” said oil and gas worker Ana Ruiz.",
     "oil and gas worker"),
    ("“The strike will go on until March” union president Ana Ruiz said Saturday.",
     "union president"),
    ("“We saw the same pattern in every clinic,” said lead author Dr. Ana Ruiz.",
     "lead author"),
    ("Harbour Hawks head coach Ana Ruiz said the team had trained hard all winter.",
     "head coach"),
    ("“The way he acts is a disgrace,” said former Harbour congressman Ana Ruiz.",
     "former Harbour congressman"),
    ("“The way he acts is a disgrace,” Republican strategist Ana Ruiz said.",
     "Republican strategist"),
    ("Democratic presidential candidate Ana Ruiz on Saturday criticized the accord, saying it "
     "goes nowhere near far enough.", "Democratic presidential candidate"),
    # right after the verb, whatever the noun
    ("“The veto must stand,” said harbour widow Ana Ruiz.", "harbour widow"),
    ("“The veto must stand,” said retired baker Ana Ruiz.", "retired baker"),
])
def test_role_words_before_a_name(text: str, role: str) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1, show(quotes)
    assert quotes[0].speaker == "Ana Ruiz"
    assert quotes[0].role == role


def test_a_titled_name_after_role_words_with_an_apposition() -> None:
    speaker, role = speaker_of("“We saw the same pattern in every clinic,” said lead author "
                               "Dr. Ana Ruiz, a surgeon at the Lakeside hospital.", "pattern")
    assert speaker == "Ana Ruiz"
    assert role in ("lead author", "surgeon at the Lakeside hospital")


def test_an_organisation_before_the_role_is_not_the_speaker() -> None:
    speaker, role = speaker_of("Harbour Hawks head coach Ana Ruiz said the team had "
                               "trained hard all winter.", "trained hard")
    assert speaker == "Ana Ruiz" and "Harbour" not in (role or "")


# Role, then the name in commas


@pytest.mark.parametrize("text", [
    "The clinic opened in 1998. Its chair, Tom Berg, said: “We never closed a day.”",
    "“We never closed a day,” the club's chairman, Tom Berg, said.",
    "Ruiz's lawyer, Tom Berg, said the clinic never closed a day.",
    "The port authority's counsel, Tom Berg, said the clinic never closed a day.",
])
def test_a_name_in_commas_after_its_role_is_the_speaker(text: str) -> None:
    speaker, role = speaker_of(text, "never closed")
    assert speaker == "Tom Berg"
    assert role is not None and role.split()[-1] in ("chair", "chairman", "lawyer", "counsel")


def test_a_phrase_before_a_name_in_commas_that_is_no_role_names_no_speaker() -> None:
    assert extract_text("A quarter of a mile away, Tom Berg, said the road was shut.") == []


# Names with a post-modifier


def test_a_name_with_an_of_phrase() -> None:
    speaker, _role = speaker_of("Ana Ruiz of the Port Bank said interest rates would rise "
                                "in the spring.", "interest rates")
    assert speaker == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    "“Interest rates will rise in the spring,” Ana Ruiz of the Port Bank said.",
    "“Interest rates will rise in the spring,” Ana Ruiz from Port Bank told reporters.",
])
def test_a_name_with_an_of_phrase_before_a_closing_verb(text: str) -> None:
    speaker, role = speaker_of(text, "Interest rates")
    assert (speaker, role) == ("Ana Ruiz", "Port Bank")


def test_a_relative_clause_between_name_and_verb_is_not_a_role() -> None:
    speaker, role = speaker_of("Ruiz, who has run the clinic since 1998, says the waiting "
                               "lists are the longest she has seen.", "waiting lists")
    assert speaker == "Ruiz" and role is None


@pytest.mark.parametrize("text", [
    "“The roof came down,” Ana Ruiz, who lives in Surrey, told the radio station.",
    "“The roof came down,” Ana Ruiz, who lives in Surrey, B.C., said Tuesday.",
    "“The roof came down,” Ana Ruiz, whose house burned, later said.",
])
def test_a_relative_clause_between_a_quote_and_its_verb(text: str) -> None:
    """ "“…,” Ruiz, who lives in Surrey, B.C., told the station": the quote is hers, and
    the station she told (or a place in the clause) is never its speaker."""
    assert [(q.kind, q.speaker, q.role, q.text) for q in quotes_of(text)] == [
        ("direct", "Ana Ruiz", None, "The roof came down")]


def test_a_group_described_by_a_participle_phrase() -> None:
    speaker, _role = speaker_of("Drivers stopped at the border said the queue had not moved "
                                "since dawn.", "queue had not moved")
    assert speaker == "Drivers stopped at the border"


def test_an_organisation_with_an_of_phrase_speaks_whole() -> None:
    speaker, _role = speaker_of("The University of Lakeside said the library would close "
                                "for a month.", "library would close")
    assert speaker is not None and speaker.endswith("University of Lakeside")


def test_an_office_before_the_name() -> None:
    speaker, _role = speaker_of("Minister of Transport Pia Holm said the bridge would "
                                "reopen in May.", "bridge would reopen")
    assert speaker == "Pia Holm"


# Descriptions, whatever their head noun


@pytest.mark.parametrize(("text", "speaker"), [
    ("“We played our best game of the season,” the coach said.", "the coach"),
    ("Tenant advocates say the new rules will push rents higher.", "Tenant advocates"),
    ("“The mayor has not answered our letters,” a spokeswoman for the council said.",
     "a spokeswoman for the council"),
    ("“I just wanted to help the team,” The 31-year-old left winger said.",
     "The 31-year-old left winger"),
    ("The actress said she was tired of waiting for the studio to call.", "The actress"),
    # a plural in -men, with the bodies they speak for before it
    ("Harbour and county spokesmen said the ferry would run all winter.",
     "Harbour and county spokesmen"),
    ("Lakeside spokeswomen said the blaze began in the kitchen.", "Lakeside spokeswomen"),
    # a speech verb's form after an article is the noun's modifier, not the verb
    ("The alleged victim told police he was robbed at the bus stop.", "The alleged victim"),
    ("“I trusted him,” the alleged victim said.", "the alleged victim"),
    ("One of the alleged victims, a retired nurse from Harwick, said she lost her savings.",
     "One of the alleged victims"),
])
def test_a_description_speaks(text: str, speaker: str) -> None:
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == [speaker], show(quotes)
    assert quotes[0].resolved_by == "description"


def test_a_quote_after_that_is_not_given_to_the_clause_subject() -> None:
    text = ("Ruiz asserted that local officials, “… had never read the report before "
            "they signed it,” and left.")
    assert all(q.speaker != "that local officials" for q in quotes_of(text))


def test_a_participle_after_a_quote_names_no_speaker() -> None:
    text = ("The ministry notes, “Flooding costs more than all other storms combined,” "
            "highlighting the need for new dikes.")
    speakers = {q.speaker for q in quotes_of(text)}
    assert "the need for new dikes" not in speakers


# Appositions of several pieces, and phrases in commas that are not roles


def test_an_apposition_of_two_pieces_joined_by_and() -> None:
    speaker, role = speaker_of("Ana Ruiz, director of the harbour trust, and chair of the "
                               "port board, says the dredging will start in May.", "dredging")
    assert speaker == "Ana Ruiz" and role == "director of the harbour trust"


def test_a_place_after_an_apposition_is_part_of_it() -> None:
    speaker, role = speaker_of("Ana Ruiz, curator at the University of Lakeside, Fernvale, "
                               "said the paintings would travel in spring.", "paintings")
    assert speaker == "Ana Ruiz" and role is not None and role.startswith("curator")


def test_an_affiliation_in_commas() -> None:
    speaker, role = speaker_of("Researcher Mu Lin, of the Lakeside school of public health, "
                               "said “the results are clear and they worry us.”", "results")
    assert speaker == "Mu Lin" and role == "Lakeside school of public health"


def test_a_circumstance_in_commas_is_no_role() -> None:
    speaker, role = speaker_of("Tom Berg, in remarks to the local radio, said “all the "
                               "wounded have been taken to hospital.”", "wounded")
    assert speaker == "Tom Berg" and role is None


@pytest.mark.parametrize("opening", ["Worse", "Wait", "Hours later", "Half"])
def test_a_word_set_before_the_sentence_is_not_its_subject(opening: str) -> None:
    text = (f"Ana Ruiz runs the shelter. {opening}, she said, “the roof leaks in every "
            "room and nobody has come to fix it.”")
    speakers = {q.speaker for q in quotes_of(text)}
    assert speakers == {"Ana Ruiz"}, speakers


def test_a_description_set_after_a_name_is_its_role_across_a_place() -> None:
    speaker, role = speaker_of("Ana Ruiz, curator and director of exhibits at the "
                               "University of Lakeside, Fernvale, said, “These pictures "
                               "show his everyday life.”", "everyday")
    assert speaker == "Ana Ruiz"
    assert role is not None and role.startswith("curator and director")


def test_an_office_before_a_titled_name() -> None:
    speaker, _role = speaker_of("Undersecretary for Transport Mr. Tom Berg says “the "
                                "ferries will run all winter.”", "ferries")
    assert speaker == "Tom Berg"


def test_a_speech_verb_used_as_a_noun_inside_an_apposition() -> None:
    speaker, _role = speaker_of("Tom Berg, a former state party chairman, joined the board "
                                "and said he would back the levy.", "levy")
    assert speaker == "Tom Berg"
    speaker, role = speaker_of("Tom Berg, a former state senator, said the levy would "
                               "pass.", "levy")
    assert (speaker, role) == ("Tom Berg", "former state senator")


@pytest.mark.parametrize("text", [
    "Tom Berg, officials said, has grown wary of the harbour plan.",
    "Ana Ruiz, aides say, will not run for the council again.",
])
def test_a_plural_role_after_a_name_speaks_of_it(text: str) -> None:
    [claim] = quotes_of(text)
    assert claim.speaker in ("officials", "aides"), show([claim])
    assert claim.role is None and len(claim.parts) == 2


@pytest.mark.parametrize(("text", "kind"), [
    ("The ferries were full all week, HARBTV reported.", "indirect"),
    ("LAKENET said the lake had never been so low.", "indirect"),
    ("“The lake has never been so low,” said LAKENET.", "direct"),
])
def test_a_body_written_in_capitals_next_to_its_verb_speaks(text: str, kind: str) -> None:
    quotes = quotes_of(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        (kind, "HARBTV" if "HARBTV" in text else "LAKENET")], show(quotes)


def test_a_body_in_capitals_before_a_role_and_name_is_not_the_speaker() -> None:
    speaker, role = speaker_of("“The lake has never been so low,” said LAKENET spokesman "
                               "Tom Berg.", "never been so low")
    assert speaker == "Tom Berg", (speaker, role)


@pytest.mark.parametrize("text", [
    "Tom Berg, exasperated, replied: “What difference does it make at this point?”",
    "Tom Berg, smiling, said the ferry would run again in the spring.",
])
def test_one_word_set_off_between_the_speaker_and_the_verb(text: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == ["Tom Berg"]


def test_a_name_with_the_kind_of_outlet_after_it_speaks_whole() -> None:
    speaker, _role = speaker_of("“The ferry has already left the station,” wrote Harbour "
                                "magazine.", "already left")
    assert speaker == "Harbour magazine"


# Words around a name that are not the speaker


@pytest.mark.parametrize("text", [
    "LISBON (AFP) – Mayor Ana Ruiz criticised the plan, saying the harbour would be lost.",
    "Lisbon, Portugal (AP) — Mayor Ana Ruiz criticised the plan, saying the harbour would be "
    "lost.",
    "NEW YORK — Mayor Ana Ruiz criticised the plan, saying the harbour would be lost.",
    "LISBON, Dec. 8 (UPI) — Mayor Ana Ruiz criticised the plan, saying the harbour would be "
    "lost.",
    "LISBON, Aug. 31 — Mayor Ana Ruiz criticised the plan, saying the harbour would be lost.",
])
def test_a_dateline_is_not_the_subject(text: str) -> None:
    assert [q.speaker for q in extract_text(text)] == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "Speaking at the harbour, Gov. Tom Berg (R-OH), said, “We are ready to rebuild the pier.”",
    "Sen. Tom Berg (D-NY) said the town is ready to rebuild the pier.",
    "Sen. Tom Berg (D-NY), a supporter of the plan, said the town is ready to rebuild the pier.",
])
def test_a_party_and_state_after_a_name_leave_the_name_the_speaker(text: str) -> None:
    assert [q.speaker for q in extract_text(text)] == ["Tom Berg"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The harbour board issued a statement saying the pier would stay closed until May.",
     "The harbour board"),
    ("Mayor Ana Ruiz is making a pitch to dock workers saying a new law is hurting the port.",
     "Ana Ruiz"),
])
def test_a_participle_after_an_object_is_the_subjects_speech(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_text(text)] == [speaker]


def test_a_speech_noun_after_a_possessive_credits_no_owner() -> None:
    quotes = extract_text("Tom Berg told reporters Tuesday that Ruiz's comments “show bias to "
                          "me.”")
    assert quotes and all(q.speaker == "Tom Berg" for q in quotes)


def test_a_time_before_a_speech_verb_is_nobody() -> None:
    assert extract_text("A few days later said the pier would close within a year.") == []


@pytest.mark.parametrize(("words", "kept"), [
    ("the authors of the", "the authors"),
    ("economists at the port and", "economists at the port"),
    ("of the voters", None),
    ("a few relevant facts", None),
    ("the harbour pilots", "the harbour pilots"),
])
def test_a_description_is_tidied_or_refused_as_a_speaker(words: str, kept: str | None) -> None:
    from quoteidx.finding.descriptions import speaker_phrase
    from quoteidx.finding.names import Mention
    from quoteidx.finding.paragraph import Paragraph

    text = f"{words} said so."
    para = Paragraph(text, 0, len(text), [])
    found = speaker_phrase(para, Mention(words, 0, len(words), "description"))
    assert (found.text if found else None) == kept
    if found is not None:
        assert text[found.start:found.end] == found.text


@pytest.mark.parametrize("text", [
    "Ana Ruiz was open about her distaste for Tom Berg, the current front-runner, saying "
    "voters need to band together to stop him.",
    "Ana Ruiz thanked Tom Berg, the harbour master, saying “the pier is safe again.”",
])
def test_a_participle_after_a_comma_is_the_subjects_not_the_objects(text: str) -> None:
    assert [q.speaker for q in extract_text(text)] == ["Ana Ruiz"]


def test_a_participle_set_in_commas_after_its_subject_ends_at_the_second_comma() -> None:
    quotes = extract_text("Ana Ruiz, saying she was tired, left the harbour early.")
    assert [(q.speaker, q.text) for q in quotes] == [("Ana Ruiz", "she was tired")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("In the words of the harbour master, Tom Berg, “the pier spent five months under "
     "water.”", "Tom Berg"),
    ("The town, in the words of Ana Ruiz, “is done with waiting for the council.”",
     "Ana Ruiz"),
])
def test_in_the_words_of_names_the_speaker(text: str, speaker: str) -> None:
    assert [(q.kind, q.speaker) for q in extract_text(text)] == [("direct", speaker)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“You know, it happens,” Tom Berg went on, as if he had not heard.", "Tom Berg"),
    ("“They are all here for the free stuff,” Tom Berg shot back with a laugh.", "Tom Berg"),
    ("“The pier will always be ours,” Ana Ruiz chimed in.", "Ana Ruiz"),
])
def test_a_past_verb_and_its_particle_after_a_quote_credit_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_text(text)] == [speaker]


def test_a_quote_credited_in_words_no_rule_reads_is_nobodys_continuation() -> None:
    quotes = extract_text("“The pier is finished,” Tom Berg said.\n\n"
                          "“The pier will always stand,” an angry harbour master retaliated "
                          "against them.")
    assert [q.speaker for q in quotes] == ["Tom Berg"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A person familiar with the planning for the meeting says the talks will focus on the "
     "pier.", "A person familiar with the planning for the meeting"),
    ("A source close to the campaign said the mayor would not run again.",
     "A source close to the campaign"),
    ("Officials briefed on the talks said a deal was near.", "Officials briefed on the talks"),
    ("Two people with knowledge of the matter said the deal was near.",
     "Two people with knowledge of the matter"),
    ("A senior official who spoke on condition of anonymity said the deal was near.",
     "A senior official who spoke on condition of anonymity"),
    ("“The deal is near,” said a person familiar with the talks.",
     "a person familiar with the talks"),
    # after the verb, any preposition the tie takes
    ("“The deal is near,” said a source close to the harbour board.",
     "a source close to the harbour board"),
    ("The deal is near, said an official briefed on the talks.",
     "an official briefed on the talks"),
    ("The pier will be finished by May, said a lawyer involved in the case.",
     "a lawyer involved in the case"),
])
def test_an_unnamed_source_keeps_what_ties_it_to_the_story(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_text(text)] == [speaker]


def test_an_object_with_a_modifier_is_not_an_unnamed_source() -> None:
    quotes = extract_text("The mayor left reporters with no clear answer said the deal was "
                          "near.")
    assert all(q.speaker != "reporters with no clear answer" for q in quotes)


def test_a_capitalised_group_noun_with_a_participle_is_a_description() -> None:
    quotes = extract_text("People briefed on the move said the deal was near.")
    assert [(q.speaker, q.kind) for q in quotes] == [("People briefed on the move", "indirect")]


def test_a_relative_clause_ending_in_a_place_name_keeps_the_speaker_before_it() -> None:
    quotes = extract_text("Tom Berg, who lives in a village outside the capital, Lisbon, said "
                          "he still hopes to win.")
    assert [(q.speaker, q.text) for q in quotes] == [("Tom Berg", "he still hopes to win")]


def test_a_bare_surname_is_the_person_it_meant_before_a_namesake_came_in() -> None:
    """A second person of the same name is given a first name each time; "Berg" alone
    stays the person the story is about, however many words the namesake's name has."""
    found = records(
        "Senator Chris Berg spoke in Harwick on Monday. Chris Berg has led the port "
        "board for years.\n\n"
        "“We will rebuild the pier,” Berg said.\n\n"
        "Anne Marie Berg, a teacher, was in the crowd. Anne Marie Berg has taught there "
        "since 1998.\n\n"
        "“The levy is fair,” Berg said.")
    assert [q.speaker for q in found] == ["Chris Berg", "Chris Berg"], show(found)


def test_a_bare_surname_takes_the_fullest_form_of_one_name() -> None:
    found = records("Ana Ruiz spoke on Monday. Ana Maria Ruiz has run the clinic since "
                    "1998.\n\n“We will stay open,” Ruiz said.")
    assert [q.speaker for q in found] == ["Ana Maria Ruiz"], show(found)


def test_a_womans_title_and_surname_is_the_woman_of_that_name() -> None:
    """"Ms. Berg" is the Berg known to be a woman, before one whose sex the document
    never shows, whoever was named first or most."""
    found = records("Tarik Berg, the governor, spoke on Monday. Tarik Berg runs the port.\n\n"
                    "“Nobody will leave,” said Maria Berg, a teacher.\n\n"
                    "“The bridge is open,” Ms. Berg said.")
    assert [q.speaker for q in found] == ["Maria Berg", "Maria Berg"], show(found)


def test_a_headline_running_two_names_together_is_nobodys_name() -> None:
    """"Ana Ruiz Slams Tom Berg …" holds both their names: "Berg" is Tom Berg."""
    found = records("Ana Ruiz Slams Tom Berg Over Pier Plan.\n\nMayor Tom Berg defended the "
                    "plan on Monday against Ana Ruiz, his rival.\n\n“There has to be a pier,” "
                    "Berg said at a town hall.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)
    # a married name holding a maiden name is one person's
    found = records("Dena Minning Grayson spoke on Monday. Dena Minning is her name as a "
                    "doctor, and Dena Grayson her married name.\n\n“I will run,” Grayson said.")
    assert [q.speaker for q in found] == ["Dena Minning Grayson"], show(found)


@pytest.mark.parametrize("text", [
    "The timing of the surge does not surprise pollster Ana Ruiz: “Lesser-known candidates "
    "who win early get the biggest boost.”",
    "The conclusion was stark: “The pier cannot be saved this year.”",
])
def test_a_thing_before_a_colon_does_not_speak(text: str) -> None:
    assert records(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The mayor was blunt: “The pier cannot be saved this year.”", "The mayor"),
    ("The email goes on to say: “The pier cannot be saved this year.”", "The email"),
])
def test_a_person_or_a_writing_before_a_colon_speaks(text: str, speaker: str) -> None:
    assert [q.speaker for q in records(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The mayor's terse response: “We will rebuild the pier.”", "The mayor"),
    ("Harbour critics' view: “The pier is a waste of money.”", "Harbour critics"),
    ("Tom Berg was asked about the fire. His reply: “Never again, not on my watch.”",
     "Tom Berg"),
])
def test_an_answer_owned_by_its_speaker_before_a_colon(text: str, speaker: str) -> None:
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)
    assert not found[0].cue.startswith(("'", "’", "s "))


# A plural possessive ("the teachers' union") is one word: the phrase runs past it


@pytest.mark.parametrize(("text", "speaker"), [
    ("Harwick's largest nurses' union said the offer was an insult.",
     "Harwick's largest nurses' union"),
    ("“The offer is an insult,” the nurses' union said.", "the nurses' union"),
])
def test_a_plural_possessive_inside_the_speaker_phrase(text: str, speaker: str) -> None:
    assert [q.speaker for q in records(text)] == [speaker]


def test_a_name_in_s_with_its_possessive_owns_the_text_that_reads() -> None:
    found = records("“We will win the vote,” Ana Reyes' statement read.")
    assert [q.speaker for q in found] == ["Ana Reyes"], show(found)


def test_a_noun_after_a_possessive_name_in_s_is_no_speech_verb() -> None:
    found = records("Even before Ana Reyes' remarks about him, Tom Berg had accused the "
                    "mayor of hiding the report.")
    assert not [q for q in found if "Reyes" in (q.speaker or "")], show(found)


def test_words_run_into_the_front_of_a_name_once_are_not_its_fullest_form() -> None:
    """A headline's "More Offensive Things Tom Berg Has Said." gives the form "Offensive Things
    Tom Berg" once; the story's "Tom Berg", named more often, is the name."""
    found = records("More Offensive Things Tom Berg Has Said.\n\nMayor Tom Berg spoke on Monday. "
                    "Tom Berg runs the port.\n\n“The pier will close,” Berg said.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)
    found = records("Ana Le Pen spoke on Monday. Le Pen has led the party. Le Pen is popular."
                    "\n\n“We will win,” Le Pen said.")
    assert [q.speaker for q in found] == ["Ana Le Pen"], show(found)


@pytest.mark.parametrize("text", [
    "“The veto will be overridden,” Senate Majority Leader Ana Ruiz told reporters.",
    "“The veto will be overridden,” Majority Leader Ana Ruiz said.",
    "“The veto will be overridden,” said Air Force Lt. Ana Ruiz.",
])
def test_an_office_of_capitalised_words_ending_in_a_title(text: str) -> None:
    """"Majority" is never a name word, so the office's words broke the name: the quote
    went to "Senate", or to no one."""
    assert [q.speaker for q in quotes_of(text)] == ["Ana Ruiz"]


def test_a_quote_after_whom_a_statement_saying_is_the_statements_author() -> None:
    found = quotes_of("Harbour Watch President Ana Ruiz issued a statement saying his comment "
                      "“has absolutely no place in our democracy.”")
    assert [q.speaker for q in found] == ["Ana Ruiz"]



@pytest.mark.parametrize(("issued", "issuer"), [
    ("In an emailed statement, a spokesperson for Parks Canada said the trail was closed.",
     "a spokesperson for Parks Canada"),
    ("A statement from the Carver Lake Band Council expressed support for the families.",
     "Carver Lake Band Council"),
    ("The Lindqvist family issued a statement through police on Monday.",
     "The Lindqvist family"),
])
def test_the_statement_is_its_issuers(issued: str, issuer: str) -> None:
    """"“…,” the statement said" after who issued it: an unnamed source whose description
    names their body, a body whose statement "from" it was, a family (each had been left
    "the statement")."""
    found = quotes_of(f"{issued}\n\n“We stand with the families,” the statement said.")
    assert found[-1].speaker == issuer, show(found)


@pytest.mark.parametrize("text_noun", ["document", "agreement", "contract"])
def test_a_quote_a_document_reads_is_the_documents(text_noun: str) -> None:
    """"“…,” the agreement reads": a text speaks, as "the report reads" does (lost)."""
    found = quotes_of(f"The deal was signed in May.\n\n“Canada acknowledges that it broke "
                      f"its promise,” the {text_noun} reads.")
    assert [(q.kind, q.speaker) for q in found] == [("direct", f"the {text_noun}")], show(found)


def test_the_post_of_a_body_whose_name_has_full_stops_is_its_own() -> None:
    """"The B.C. Nurses' Union said in a post …" then "“…,” the post read": the union's,
    though "B.C." has full stops that look like a sentence's end."""
    found = quotes_of("The B.C. Nurses' Union said in a post on Facebook that staff are "
                      "exhausted.\n\n“We are at a breaking point,” the post read.")
    assert [q.speaker for q in found] == ["B.C. Nurses' Union"] * 2, show(found)


def test_the_statement_of_an_unnamed_group_stays_the_statement() -> None:
    found = quotes_of("A group of parents sent a letter to the board.\n\n“Our children are "
                      "thriving,” the letter reads.")
    assert found[-1].speaker == "the letter", show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Sources close to her campaign say she stands fully behind the levy.",
     "Sources close to her campaign"),
    ("Two sources close to her campaign say she stands fully behind the levy.",
     "Two sources close to her campaign"),
    ("People familiar with the talks said she stands fully behind the levy.",
     "People familiar with the talks"),
])
def test_unnamed_sources_opening_the_sentence(text: str, speaker: str) -> None:
    """A plural source tied to the story ("close to", "familiar with") speaks, also
    capitalised at the start of the sentence, and takes a plural verb ("say")."""
    found = quotes_of(text)
    assert [(q.speaker, q.text) for q in found] == [
        (speaker, "she stands fully behind the levy")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The other three members said the levy was dead.", "other three members"),
    ("On Monday, insiders in the next two ports said the levy was dead.",
     "insiders in the next two ports"),
])
def test_a_count_after_next_or_other_is_inside_the_description(text: str, speaker: str
                                                               ) -> None:
    found = quotes_of(text)
    assert [q.speaker for q in found] == [speaker], show(found)


@pytest.mark.parametrize(("text", "role"), [
    ("Tom Berg — a retired judge — said the mayor tended to make announcements there.",
     "retired judge"),
    ("Tom Berg -- co-editor of Harbour Notes, a book about the port -- said the mayor "
     "tended to make announcements there.", "co-editor of Harbour Notes"),
])
def test_a_role_between_dashes(text: str, role: str) -> None:
    found = quotes_of(text)
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", role)], show(found)
    # an aside between dashes that is no role leaves the subject as it was
    assert [q.speaker for q in quotes_of("The mayor — and this is the point — said the "
                                          "levy was dead.")] == []


def test_a_place_and_its_region_inside_a_relative_clause() -> None:
    """ "Ruiz, who lost her home in Fernvale, Harbour, in 2012, said": "Harbour" is the
    region of a place, so the speaker is further back; a person after a place and a
    comma is still one ("In Fernvale, Sen. Tom Berg, the minority leader, said")."""
    found = quotes_of("Ana Ruiz, who lost her daughter in the flood in Fernvale, Harbour, "
                      "in July 2012, said that the mayor had treated her family badly.")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)
    found = quotes_of("Alarmed by the unrest in Fernvale, Senator Tom Berg, the minority "
                      "leader, said that he spoke with the mayor on Tuesday.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", "minority leader")], (
        show(found))
    found = quotes_of("In a panel in Harbour, Marc H. Morial, the head of the Harbour "
                      "League, said that the vote was lost.")
    assert [q.speaker for q in found] == ["Marc H. Morial"], show(found)


@pytest.mark.parametrize("verb", ["fired back", "put out", "sent out"])
def test_a_verb_and_its_particle_before_what_was_issued(verb: str) -> None:
    """ "X put out a statement saying …": X speaks, as with "issued a statement"."""
    found = quotes_of(f"Tom Berg {verb} a statement saying he would not support the levy.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "he would not support the levy")], show(found)


def test_a_bare_role_after_a_name_without_its_closing_comma() -> None:
    """ "Ruiz, president of the club stated, “…”": the role opens with a role word and
    no determiner, so it is the name's; "Clinton, a top aide said, “…”" stays the aide's."""
    found = quotes_of("Ana Ruiz, president and chief executive of the Harbour Diners "
                      "Association stated, “It is not a political problem; it is a math "
                      "problem.”")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)
    found = quotes_of("“Tom Berg, a top aide said, “is tired of it all.”")
    assert [q.speaker for q in found] == ["a top aide"], show(found)


def test_an_affiliation_between_the_name_and_the_verb_after_a_quote() -> None:
    found = quotes_of("“The levy is far too high,” Tom Berg (D-Md.) said.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Friends of Mr. Berg say that his energy has matured.", "Friends of Mr. Berg"),
    ("A friend of Mr. Berg said the levy was dead.", "A friend of Mr. Berg"),
    ("A spokeswoman for Ms. Ruiz said the levy was dead.", "A spokeswoman for Ms. Ruiz"),
    ("Multiple sources privy to the talks say it is the mayor who insisted.",
     "Multiple sources privy to the talks"),
])
def test_someone_tied_to_a_titled_name_speaks_not_the_name(text: str, speaker: str) -> None:
    """ "A friend of Mr. Berg said": the friend's words are not Berg's; an office before a
    titled name is still that person's ("Undersecretary for Education Mr. Tom Berg")."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]
    assert [q.speaker for q in quotes_of(
        "Undersecretary for Education Mr. Tom Berg said the levy was dead.")] == ["Tom Berg"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Those who know him say he is kind to a fault.", "Those who know him"),
    ("But some who fish the bay argue that the levy is unfair.", "some who fish the bay"),
    ("Many who attended said the levy was dead.", "Many who attended"),
])
def test_a_quantifier_with_its_relative_clause_speaks(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]
    assert quotes_of("He thanked those who know him and praised the levy.") == []


def test_a_described_name_before_a_stray_comma() -> None:
    """ "The shipping firm Acme, has said that …": a stray comma after a name that a
    description opens; the name speaks."""
    found = quotes_of("The shipping firm Acme.com, has said that the port has 27 berths.")
    assert [(q.speaker, q.text) for q in found] == [("Acme.com", "the port has 27 berths")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Sierra Club Tom Berg said the levy was dead.", "Tom Berg", "Sierra Club"),
    ("CEO of the Harbour Council Enver Solak told the radio the levy was dead.",
     "Enver Solak", "Harbour Council"),
    ("“The levy is dead,” said Port Bank Ana Ruiz.", "Ana Ruiz", "Port Bank"),
    ("Union Pacific said the levy was dead.", "Union Pacific", None),
    ("The United States Elections Project said the levy was dead.",
     "United States Elections Project", None),
])
def test_a_person_named_right_after_a_body_is_the_speaker(text: str, speaker: str,
                                                           role: str | None) -> None:
    """ "Sierra Club Tom Berg said": Berg speaks, of the Sierra Club; a body's own name
    that goes on past its "Union" or "States" is not cut."""
    assert [(q.speaker, q.role) for q in quotes_of(text)] == [(speaker, role)]


@pytest.mark.parametrize(("text", "cue"), [
    ("Tom Berg, the fire chief, described the scene: “There was smoke everywhere.”",
     "described the scene"),
    ("Tom Berg recalled the moment: “There was smoke everywhere.”", "recalled the moment"),
    ("Tom Berg added a caveat: “There was smoke everywhere.”", "added a caveat"),
])
def test_what_follows_a_verb_with_its_subject_before_it_is_its_object(text: str,
                                                                      cue: str) -> None:
    """ "Berg described the scene: “…”": the scene is what Berg described, not who
    speaks; "Added the chief: “…”" has no subject before the verb, so the chief speaks."""
    assert [(q.speaker, q.cue) for q in quotes_of(text)] == [("Tom Berg", cue)]
    assert [q.speaker for q in quotes_of("Added the chief: “There was smoke.”")] == [
        "the chief"]


@pytest.mark.parametrize(("text", "role"), [
    ("“The pier is safe,” said former secretary of state Ana Ruiz.",
     "former secretary of state"),
    ("“The pier is safe,” said provincial minister of health Ana Ruiz.",
     "provincial minister of health"),
])
def test_an_office_with_of_in_lower_case_before_a_name(text: str, role: str) -> None:
    """ "said former secretary of state Ana Ruiz": the office's "of" and its noun (even
    one spelt like a verb, "state") are role words before the name."""
    [quote] = quotes_of(text)
    assert (quote.speaker, quote.role) == ("Ana Ruiz", role)


@pytest.mark.parametrize("text", [
    "Ana Ruiz, a Surrey, B.C., resident, said the roof came down at noon.",
    "The roof came down at noon, Ana Ruiz, a Surrey, B.C., resident, said.",
    "“The roof came down,” Ana Ruiz, a Surrey, B.C., resident, said.",
    "“The roof came down,” said Ana Ruiz, a Surrey, B.C., resident.",
    "“The roof came down,” Ana Ruiz, a Moncton, N.B.-based lawyer, told the radio station.",
])
def test_a_place_and_its_region_inside_an_apposition(text: str) -> None:
    """ "Ana Ruiz, a Surrey, B.C., resident, said": the speaker is Ruiz, never "B.C." or
    "Moncton", and never the station she told."""
    assert [q.speaker for q in quotes_of(text)] == ["Ana Ruiz"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Lytton mayor: “We will rebuild.”", "Lytton mayor"),
    ("Harbour Hawks head coach: “We will rebuild.”", "Harbour Hawks head coach"),
    ("Tom Berg went even further: “We will rebuild.”", "Tom Berg"),
])
def test_a_place_or_body_and_a_role_before_a_colon(text: str, speaker: str) -> None:
    """ "Lytton mayor: “…”": the mayor speaks, not the village; a verb after the name
    keeps the name ("Berg went even further: “…”")."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Residents living near the plant say the smell is unbearable.",
     "Residents living near the plant"),
    ("Parents waiting outside the school said the doors were locked.",
     "Parents waiting outside the school"),
    ("Workers building the bridge said the doors were locked.", "Workers building the bridge"),
])
def test_people_described_by_what_they_are_doing(text: str, speaker: str) -> None:
    """ "Residents living near the plant say": the residents speak, with their participle
    phrase, as "Drivers stopped at the border said" already did."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The pier will hold,” the bespectacled, 71-year-old engineer said.",
     "the bespectacled, 71-year-old engineer"),
    ("“The pier will hold,” the tall, quiet engineer said.", "the tall, quiet engineer"),
])
def test_adjectives_parted_by_a_comma_in_a_description(text: str, speaker: str) -> None:
    """ "the bespectacled, 71-year-old diplomat said": one description, the quote his;
    not a claim of "71-year-old diplomat" whose words end in "the bespectacled"."""
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("direct", speaker)]


def test_a_split_quote_across_a_long_credit() -> None:
    """ "“The risk,” said Ana Ruiz, an economist who runs the forecast, “is that …”": one
    quote in two parts, hers, however long the credit between; a fragment after a credit
    that goes on to a claim ("she wrote, arguing that if …, “more homes will burn”") is
    not joined to the quote."""
    [quote] = quotes_of("“The risk,” said Ana Ruiz, an economist who is the director of the "
                        "Harbour Forecast, “is that we lose the jobs.”")
    assert (quote.speaker, quote.text) == ("Ana Ruiz", "The risk is that we lose the jobs.")
    found = quotes_of("“Filth out!” she wrote, arguing that if the rules stay as they are, "
                      "“more homes will burn.”")
    assert all("more homes" not in q.text or q.kind == "indirect" for q in found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The road is closed,” said Coun. Tom Berg, who represents Ward 12.", "Tom Berg"),
    ("“The road is closed,” said Cst. Ana Ruiz.", "Ana Ruiz"),
    ("“The road is closed,” said Insp. Ana Ruiz of the city police.", "Ana Ruiz"),
    ("“The road is closed,” said S/Sgt. Ana Ruiz.", "Ana Ruiz"),  # (had been "S")
    ("Acme Corp. said the road was closed for the winter.", "Acme Corp."),
    ("Harbour Foods Ltd. says the road was closed for the winter.", "Harbour Foods Ltd."),
])
def test_an_abbreviated_title_or_company_word_is_no_sentence_end(text: str,
                                                                 speaker: str) -> None:
    """ "said Coun. Tom Berg": the councillor speaks (the speaker was "Coun"); "Acme
    Corp. said" is the company's claim, which was lost at the full stop."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_party_and_state_affiliation_before_an_apposition() -> None:
    claim = the_record(quotes_of("Sen. Ana Ruiz, D-Ore., a member of the harbour panel, said "
                                 "the bill would pass."), "bill would pass")
    assert (claim.speaker, claim.role) == ("Ana Ruiz", "member of the harbour panel")


@pytest.mark.parametrize(("text", "role"), [
    ("Tom Berg, who calls the mayor a “coward,” said the pier would close.", None),
    ("Ana Ruiz, a self-described “harbour nerd,” said the pier would close.",
     "self-described “harbour nerd”"),
])
def test_an_aside_ending_in_a_quote_with_its_comma_inside_the_mark(text: str,
                                                                   role: str | None) -> None:
    claim = the_record(quotes_of(text), "pier would close")
    assert claim.speaker in ("Tom Berg", "Ana Ruiz") and claim.role == role
    # a quote alone before the verb is what is said, not an aside of the speaker
    found = quotes_of("The pier, busy every summer, “is our living,” said Ana Ruiz.")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


@pytest.mark.parametrize("text", [
    "Tom Berg, however, a longtime critic of the plan, said the pier would close.",
    "Tom Berg, meanwhile, who has fought the plan for years, said the pier would close.",
])
def test_an_aside_word_in_commas_before_an_apposition(text: str) -> None:
    assert the_record(quotes_of(text), "pier would close").speaker == "Tom Berg"


@pytest.mark.parametrize("text", [
    "Ana Ruiz, clad in a red cape with blinking lights that formed the name Harwick, said the "
    "pier would close.",
    "Ana Ruiz, clad in a red cape with lights that spelled the name Harwick, said the pier "
    "would close.",
])
def test_an_aside_opening_with_an_irregular_participle(text: str) -> None:
    assert the_record(quotes_of(text), "pier would close").speaker == "Ana Ruiz"


def test_a_participle_after_any_noun_of_the_apposition() -> None:
    # "a super PAC allied with …" describes the PAC; no clause opens there
    text = ("Tom Berg, president of the Harbour Fund, a super PAC allied with the port "
            "board, said the vote would fail.")
    assert the_record(quotes_of(text), "vote would fail").speaker == "Tom Berg"


@pytest.mark.parametrize("text", [
    "The vote would fail, said Tom Berg, a professor at Harbour College, who studies ports.",
    "“The vote will fail,” said Tom Berg, a professor at Harbour College, whose book on "
    "ports came out in May.",
])
def test_a_trailing_credit_with_a_role_and_a_clause_about_the_speaker(text: str) -> None:
    found = quotes_of(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "The vote would fail" if "would" in text else "The vote will fail")], show(
        found)


def test_a_clause_with_its_own_claim_after_the_role_is_a_claim_of_its_own() -> None:
    found = quotes_of("But that is not enough, said Tom Berg, an analyst at Harbour Bank, "
                      "who notes that the port has cut its costs.")
    assert "the port has cut its costs" in [q.text for q in found], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The plan, an inside source said, is to close the pier in May.", "an inside source"),
    ("“We will close the pier,” an inside source said.", "an inside source"),
])
def test_a_preposition_after_an_article_modifies_the_noun(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_second_verb_in_ing_after_and_is_not_a_speakers_modifier() -> None:
    """ "…, calling for … and carrying signs saying, “…”": "carrying signs" is no one."""
    found = quotes_of("An angry crowd of dock workers gathered at the hall, calling for the "
                      "mayor's firing and carrying signs saying, “Pier today, gone tomorrow.”")
    assert "carrying signs" not in [q.speaker for q in found], show(found)
    assert [q.speaker for q in quotes_of("Retired and working nurses said the pier would "
                                         "close.")] == ["Retired and working nurses"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Her plan — what her team calls her “harbour first” agenda — was working.", "her team"),
    ("That is why critics say the mayor had planned to close the pier.", "critics"),
    ("The closures have left 62 percent of voters saying the port is in decline.",
     "62 percent of voters"),
])
def test_the_speaker_without_the_clause_word_or_verb_before_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_found_before_a_place_is_a_participle_not_a_finding() -> None:
    assert quotes_of("The deal set out ways to cut hydrofluorocarbons, known as HFCs, potent "
                     "planet-warming chemicals found in refrigerants.") == []
    [claim] = quotes_of("The study found in 2019 that fish in the harbour were dying.")
    assert claim.text == "fish in the harbour were dying"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Harbour Republican Party said the vote would fail.", "Harbour Republican Party"),
    ("The Democratic National Committee said the vote would fail.",
     "Democratic National Committee"),
    # the relative clause after a role ending in a body is about the person
    ("Tom Berg, a former director of the Harbour Republican Party, whose roots are in the "
     "port, said the vote would fail.", "Tom Berg"),
])
def test_a_party_body_and_the_person_who_led_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Democrat Ana Ruiz has taken a swipe at the mayor, saying that his plan would sink the "
     "port.", "Ana Ruiz", "Democrat"),
    ("“The campaign has been really reluctant,” a senior Democrat said.", "a senior Democrat",
     None),
    ("Supporters of Democrat Ana Ruiz say the port should stay open.",
     "Supporters of Democrat Ana Ruiz", None),
    ("Critics of union president Ana Ruiz say the port should stay open.",
     "Critics of union president Ana Ruiz", None),
    ("The Republican National Committee said the vote would fail.",
     "Republican National Committee", None),
])
def test_a_party_member_word_before_a_name_is_a_role(text: str, speaker: str,
                                                     role: str | None) -> None:
    found = quotes_of(text)
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


@pytest.mark.parametrize("body", ["Federation of Harbour Municipalities",
                                  "Chamber of Commerce", "Coalition for Safe Ports"])
def test_a_body_named_with_of_or_for_speaks_whole(body: str) -> None:
    found = quotes_of(f"In a statement, the {body} said it welcomed the money.")
    assert [q.speaker for q in found] == [body]


@pytest.mark.parametrize("text", [
    "“The pier scares me,” Ana Ruiz, 45, of Surrey, B.C., said.",
    "“The pier scares me,” Ana Ruiz, of Surrey, B.C., told reporters.",
    "“The pier scares me,” Ana Ruiz, 45, from Harwick, said.",
    "“The pier scares me,” Ana Ruiz, 45, of Surrey, B.C., who was among those polled, said in "
    "an interview.",
])
def test_a_credit_with_the_speakers_age_and_hometown(text: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == ["Ana Ruiz"]


def test_an_office_with_of_before_the_name_after_the_verb() -> None:
    found = quotes_of("“Thanks for coming,” said master of ceremonies Ana Ruiz, a harbour pilot.")
    assert [q.speaker for q in found] == ["Ana Ruiz"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ana Ruiz chairs the port board. “The pier will stay,” an angry Ruiz retaliated.",
     "Ana Ruiz"),
    ("Tom Berg ran the port. “This is not a hard race,” a confident-seeming Berg said.",
     "Tom Berg"),
    # a noun closes the phrase: a description, not a name
    ("“No,” a retired Harwick teacher said.", "a retired Harwick teacher"),
])
def test_an_article_and_adjectives_before_a_name_describe_that_person(text: str,
                                                                      speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("office", ["Premier", "spokesman", "panel Chairman"])
def test_a_trailing_credit_with_an_office_before_the_name_and_a_clause_after_it(
        office: str) -> None:
    quotes = records(f"“We will cap it,” {office} Ana Ruiz, who took office in 2018, said "
                     "Wednesday.")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ana Ruiz")], show(quotes)


def test_a_surname_and_an_age_in_commas_open_a_sentence_as_its_subject() -> None:
    """"Lowe, 31, and her partner have …": a surname set off by commas with an age after
    it is the subject (not an opening word like "Worse,"), whom a later "she" means."""
    found = records("For buyers like Dana Lowe, the forecasts offer little comfort. Lowe, "
                    "31, and her partner have saved for five years.\n\n"
                    "“Every time we get close, the goalposts move,” she said.")
    assert [q.speaker for q in found] == ["Dana Lowe"], show(found)


@pytest.mark.parametrize("took_the_floor", [
    "Ruth Okemow, whose brother died in the fire, spoke first.",
    "Ruth Okemow testified on Tuesday.",
])
def test_a_quote_after_someone_takes_the_floor_is_theirs(took_the_floor: str) -> None:
    """"Ruth Okemow … spoke first." ¶ "“He was a welder. …”": her words (they were lost),
    also over paragraphs."""
    found = quotes_of(f"{took_the_floor}\n\n“He was a welder. He loved his kids.\n\n“I want "
                      "answers.”")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ruth Okemow", "He was a welder. He loved his kids. I want answers.")], show(found)


def test_a_quote_after_someone_spoke_about_something_is_no_ones() -> None:
    assert quotes_of("Ruth Okemow spoke about the fire.\n\n“He was a welder.”") == []
