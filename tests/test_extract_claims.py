"""Reported speech as news writes it: claims without "that", after any speech verb, after
an addressee or a phrase, two claims in one sentence, "according to" anywhere, and the
look-alikes that are not speech. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import assert_provenance, records, show

from quoteidx.extract import extract_text
from quoteidx.record import Quote


def claims_of(text: str) -> list[Quote]:
    quotes = extract_text(text)
    for quote in quotes:
        assert_provenance(text, quote)
    return [q for q in quotes if q.kind == "indirect"]


def one_claim(text: str) -> Quote:
    claims = claims_of(text)
    assert len(claims) == 1, show(claims)
    return claims[0]


# Claims without "that": the clause opens with a bare noun, a quantity, an adverb...


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said police were late to the scene.", "police were late to the scene"),
    ("Ana Ruiz said more fines could follow next year.", "more fines could follow next year"),
    ("Ana Ruiz said roughly half the staff voted for the strike.",
     "roughly half the staff voted for the strike"),
    ("Ana Ruiz said people crossing the bridge pay twice.", "people crossing the bridge pay"),
    ("The union alleges managers ignored the safety rules.",
     "managers ignored the safety rules"),
    ("Ana Ruiz said police arrested two men near the pier.",
     "police arrested two men near the pier"),
    ("The agency reported prices rose sharply in May.", "prices rose sharply in May"),
    ("Ana Ruiz admitted mistakes were made during the flood.",
     "mistakes were made during the flood"),
    ("Ana Ruiz confirmed the clinic will close in June.", "the clinic will close in June"),
    ("Ana Ruiz insisted nobody had been told about the leak.",
     "nobody had been told about the leak"),
    ("Ana Ruiz stated the ferry had never been inspected.",
     "the ferry had never been inspected"),
])
def test_a_claim_without_that(text: str, content: str) -> None:
    claim = one_claim(text)
    assert content in claim.text
    assert claim.speaker in ("Ana Ruiz", "The agency", "The union")


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said anybody who skips the vote is giving up.",
     "anybody who skips the vote is giving up"),
    ("Ana Ruiz mocked the plan, saying anyone who backs it “has not read it.”",
     "anyone who backs it “has not read it.”"),
    ("Ana Ruiz told everyone the ferry would sail.", "the ferry would sail"),
])
def test_a_clause_opening_with_an_indefinite_pronoun_or_told_to_everyone(
        text: str, content: str) -> None:
    claim = one_claim(text)
    assert (claim.speaker, claim.text) == ("Ana Ruiz", content)
    assert records("Ana Ruiz said nothing about the ferry at the meeting.") == []


def test_a_speech_noun_after_a_possessive_is_no_earlier_speakers_verb() -> None:
    # "Berg’s comments" are a thing Ruiz played down: "saying" is still Ruiz's
    claim = one_claim("Ana Ruiz tried to play down Tom Berg’s comments, saying they were "
                      "“not a big deal around here.”")
    assert claim.speaker == "Ana Ruiz"
    claim = one_claim("One aide inside City Hall tried to play down the comments, saying they "
                      "were “not a big deal around here.”")
    assert claim.speaker == "One aide inside City Hall"


@pytest.mark.parametrize(("text", "content"), [
    ("A spokeswoman for the port says neither the mayor nor her aides helped the ferry "
     "company.", "neither the mayor nor her aides helped the ferry company"),
    ("The board says 34,570 residents living near the harbour in 38 towns cast votes by mail.",
     "34,570 residents living near the harbour in 38 towns cast votes by mail"),
])
def test_a_clause_with_a_long_subject_without_that(text: str, content: str) -> None:
    assert one_claim(text).text == content
    # an infinitive's verb after its adverb is no clause's verb
    assert records("The vote underscores a larger challenge to the effort to drastically "
                   "reduce harbour traffic.") == []


@pytest.mark.parametrize("text", [
    "Ana Ruiz says, win or lose in Tuesday's vote, she is staying in the race.",
    "Sen. Ana Ruiz (a harbour pilot so young she has been taken for a cadet) says she is "
    "staying in the race.",
])
def test_an_aside_after_the_verb_or_a_long_parenthesis_after_the_name(text: str) -> None:
    claim = one_claim(text)
    assert (claim.speaker, claim.text) == ("Ana Ruiz", "she is staying in the race")


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz says if elected mayor “I will work very closely with the port.”",
     "if elected mayor “I will work very closely with the port.”"),
    ("Ana Ruiz said if Tom Berg wins, the pier would close.",
     "if Tom Berg wins, the pier would close"),
])
def test_a_claim_opening_with_its_condition(text: str, content: str) -> None:
    assert one_claim(text).text == content


def test_a_clause_of_time_telling_someone_elses_words_ends_the_claim() -> None:
    found = records("Tom Berg is assuring voters he is tough enough to be mayor after a woman "
                    "in Harwick, Ontario, told him she worries he is “too nice” to lead.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "he is tough enough to be mayor"),
        ("a woman in Harwick, Ontario", "she worries he is “too nice” to lead")], show(found)
    # a time with no one speaking in it stays in the claim
    assert one_claim("Ana Ruiz said she was tired after the long trip.").text == (
        "she was tired after the long trip")


def test_according_to_before_a_clause_with_its_own_speaker() -> None:
    # the clause after the source speaks for itself: the source's claim is what came before
    claim = one_claim("Ana Ruiz leads Tom Berg by 271 votes according to a count by the "
                      "Harbour Post, but Berg has vowed to fight on.")
    assert (claim.speaker, claim.text) == ("a count by the Harbour Post",
                                           "Ana Ruiz leads Tom Berg by 271 votes")



@pytest.mark.parametrize("opening", ["Since the province declared an emergency",
                                     "After the mayor announced the plan"])
def test_according_to_after_a_clause_of_time_with_a_speech_verb(opening: str) -> None:
    """"Since the province declared an emergency, 900 people have died, according to the
    coroners service.": the clause of time is no attribution of its own (it was lost)."""
    claim = one_claim(f"{opening}, 900 people have died, according to the coroners service.")
    assert (claim.speaker, claim.text) == ("the coroners service",
                                           f"{opening}, 900 people have died")

def test_a_clause_joined_after_an_object_is_no_aside() -> None:
    # "agreed to X, but when …, he was": the reporter's clause, not what was agreed
    found = records("Tom Berg finally agreed to a moratorium, but when Ana Ruiz visited the "
                    "port in March, he was caught off guard.")
    assert found == [], show(found)


def test_a_phrase_between_the_verb_and_the_clause() -> None:
    claim = one_claim("Ana Ruiz said in a speech on Tuesday she would run for mayor.")
    assert claim.text == "she would run for mayor" and claim.speaker == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    "Judge Ana Ruiz wrote in her ruling, released Friday, that the ferry had never been "
    "inspected.",
    "Ana Ruiz said, however, that the ferry had never been inspected.",
    "Ana Ruiz said in Harwick, Ohio, that the ferry had never been inspected.",
    "Ana Ruiz told reporters, as she left the hall, that the ferry had never been inspected.",
])
def test_an_aside_in_commas_before_that(text: str) -> None:
    claim = one_claim(text)
    assert claim.text == "the ferry had never been inspected"
    assert claim.speaker == "Ana Ruiz"


def test_that_after_an_aside_to_someone_elses_words_is_not_the_speakers() -> None:
    # the clause tells what the complaints say, not what Berg said
    found = records("Tom Berg was responding to questions about complaints by the mayor, "
                    "Ana Ruiz, that the ferry had never been inspected.")
    assert not [q for q in found if q.speaker == "Tom Berg"], show(found)


def test_a_gerund_after_by_in_a_passive_has_no_speaker() -> None:
    # who argues is not said: not the subject of the passive
    assert records("Their hostility is often justified by arguing that the pier is unsafe.") == []
    claim = one_claim("Ana Ruiz was booed by fans after telling them that the pier is unsafe.")
    assert claim.speaker == "Ana Ruiz" and claim.text == "the pier is unsafe"


def test_a_bare_addressee_before_the_clause() -> None:
    claim = one_claim("Tom Berg told police he had seen the van twice.")
    assert claim.text == "he had seen the van twice" and claim.outlet == "police"


@pytest.mark.parametrize("verb", ["warned", "assured"])
def test_warned_and_assured_without_an_addressee(verb: str) -> None:
    claim = one_claim(f"The agency {verb} that the river could rise again overnight.")
    assert claim.text == "the river could rise again overnight"
    assert claim.speaker == "The agency"


# Not claims: objects that only look like clauses


@pytest.mark.parametrize("text", [
    "Tom Berg reiterated that approach in his interview last week.",
    "Tom Berg reiterated that approach on Monday.",
    "The harbour fund cited in the mayor's letter does not exist.",
])
def test_a_determiner_that_or_a_participle_opens_no_claim(text: str) -> None:
    quotes = extract_text(text)
    assert quotes == [], show(quotes)


@pytest.mark.parametrize(("text", "content"), [
    ("Tom Berg said that crime in the city rose.", "crime in the city rose"),
    ("Tom Berg said that police in the city were late.", "police in the city were late"),
    ("Tom Berg cited in his speech a study showing the pier was unsafe.",
     "a study showing the pier was unsafe"),
])
def test_that_and_a_phrase_before_the_clause_still_open_a_claim(text: str, content: str
                                                                 ) -> None:
    assert [q.text for q in extract_text(text)] == [content]


@pytest.mark.parametrize("text", [
    "Ana Ruiz said goodbye to the team on Friday.",
    "The agency announced the start of a process to choose a new logo.",
    "His first report described the harbour in great detail.",
    "Denver added two late goals in the third period.",
    "Shares added 1.2 per cent in early trading on Monday.",
    "Ana Ruiz denied the Jets on three chances in the first period.",
    "The goalie denied Tom Berg twice before the break.",
])
def test_an_object_is_not_a_claim(text: str) -> None:
    assert claims_of(text) == []


def test_a_denial_of_an_accusation_is_a_claim() -> None:
    claim = one_claim("Tom Berg denied the allegations of fraud made by his partners.")
    assert "allegations of fraud" in claim.text and claim.speaker == "Tom Berg"


# Two utterances in one sentence


def test_said_a_then_noting_that_b_are_two_claims() -> None:
    claims = claims_of("Ana Ruiz said the bridge was safe, noting that engineers had "
                       "checked it twice this year.")
    assert [c.text for c in claims] == ["the bridge was safe",
                                         "engineers had checked it twice this year"]
    assert {c.speaker for c in claims} == {"Ana Ruiz"}


def test_said_a_and_added_b_are_two_claims() -> None:
    claims = claims_of("Ana Ruiz said the bridge was safe and added that the tolls would "
                       "fall in the spring.")
    assert [c.text for c in claims] == ["the bridge was safe",
                                         "the tolls would fall in the spring"]


def test_a_quote_then_adding_that_gives_a_claim_to_the_same_speaker() -> None:
    text = "“We did everything we could,” he said, adding that the crew had worked all night."
    quotes = extract_text("Tom Berg runs the ferry service. " + text)
    claim = next(q for q in quotes if q.kind == "indirect")
    assert claim.text == "the crew had worked all night" and claim.speaker == "Tom Berg"
    assert any(q.kind == "direct" and q.speaker == "Tom Berg" for q in quotes)


def test_a_trailing_attribution_then_a_participle() -> None:
    claim = one_claim("Water levels will stay high until Friday, the agency said, raising "
                      "fears of more flooding.")
    assert claim.text == "Water levels will stay high until Friday"
    assert claim.speaker == "the agency"


# According to


def test_according_to_in_mid_sentence() -> None:
    claim = one_claim("The plant, according to Dr. Ana Ruiz, a family doctor, has made "
                      "three workers ill.")
    assert claim.speaker == "Ana Ruiz"
    assert claim.text == "The plant has made three workers ill"


def test_according_to_after_a_direct_quote() -> None:
    quotes = extract_text("“The water is not safe to drink,” according to Dr. Ana Ruiz, a "
                          "family doctor.")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ana Ruiz")], show(quotes)
    assert quotes[0].role == "family doctor"


# A comma inside the closing mark


def test_a_quoted_phrase_ending_in_a_comma_then_the_cue() -> None:
    quotes = extract_text("Her year was “hard but good,” she said, and Ana Ruiz smiled.")
    assert quotes == [] or all("hard but good" in q.text for q in quotes)
    quotes = extract_text("Ana Ruiz runs the bakery. Her year was “hard but good,” she said.")
    [quote] = quotes
    assert "hard but good" in quote.text and quote.speaker == "Ana Ruiz"


def test_a_comma_inside_a_closing_mark_written_as_two_apostrophes() -> None:
    text = "Ana Ruiz runs the bakery. Her year was ''hard but good,'' Ruiz said."
    quotes = extract_text(text)
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "Ana Ruiz", "Her year was ''hard but good")], show(quotes)
    assert_provenance(text, quotes[0])


@pytest.mark.parametrize("text", [
    "The ferry was safe to run, a harbour official told The Harbour Courier.",
    "The ferry was safe to run, Tom Berg told a town council panel Wednesday.",
    "The ferry was safe to run, Tom Berg told his closest advisers.",
    "The ferry was safe to run, Tom Berg told reporters on Monday.",
])
def test_a_closing_tell_credit_with_whom_it_was_told_to(text: str) -> None:
    [claim] = extract_text(text)
    assert (claim.kind, claim.text) == ("indirect", "The ferry was safe to run"), show([claim])


def test_a_closing_tell_with_a_clause_after_it_is_not_a_credit() -> None:
    quotes = extract_text("The ferry was late, Tom Berg told the crew the boat would sail.")
    assert [q.text for q in quotes] == ["the boat would sail"], show(quotes)


@pytest.mark.parametrize(("text", "content"), [
    ("Tom Berg told the crew the boat would sail at noon.", "the boat would sail at noon"),
    ("Tom Berg told the crew it would sail at noon.", "it would sail at noon"),
    ("Tom Berg told the court his client was sorry.", "his client was sorry"),
    ("Tom Berg told the crowd their votes had counted.", "their votes had counted"),
])
def test_a_bare_clause_after_whom_it_was_told_to(text: str, content: str) -> None:
    assert [q.text for q in extract_text(text)] == [content]



def test_a_name_after_what_was_pointed_to_is_no_claim() -> None:
    """"pointing to a recent interview Sanders did with …": the name is the interview's."""
    assert records("Ana Ruiz is pointing to a recent interview Berg did with the board.") == []

@pytest.mark.parametrize(("text", "content"), [
    ("Tom Berg told the Superior Court jury he had never met her.", "he had never met her"),
    ("Tom Berg told the Senate committee that he had never met her.", "he had never met her"),
    ("Tom Berg told the Harbour Hall audience the ferry would run.", "the ferry would run"),
    ("Tom Berg told Harbour Radio host Ana Ruiz he would run.", "he would run"),
    ("Tom Berg told the Senate police were late.", "police were late"),
    ("Tom Berg told the court Jason Smith had two prior convictions.",
     "Jason Smith had two prior convictions"),
    ("Tom Berg told the jury Smith had lied.", "Smith had lied"),
    ("Tom Berg told a Harbour Valley gathering she will run again.", "she will run again"),
    ("Tom Berg told The Globe and Mail his street floods every spring.",
     "his street floods every spring"),
])
def test_a_name_then_the_body_or_person_it_was_told_to(text: str, content: str) -> None:
    """"told the Superior Court jury he …": the name describes whom it was told to (a jury,
    a committee, a host) and the claim opens after them, not at "jury he …"; a noun that
    opens the clause ("the Senate police were late") stays in it."""
    assert [q.text for q in extract_text(text)] == [content], show(extract_text(text))


@pytest.mark.parametrize("text", [
    "The ferry was safe to run, Tom Berg said as he left the meeting.",
    "The ferry was safe to run, Tom Berg said while touring the harbour.",
    "The ferry was safe to run, Tom Berg said when asked about the leak.",
    "The ferry was safe to run, Tom Berg told his aides as he left the meeting.",
])
def test_a_closing_credit_keeps_when_it_was_said(text: str) -> None:
    """"…, Tom Berg said as he left the meeting.": when, the reporter's words."""
    [claim] = extract_text(text)
    assert (claim.speaker, claim.text) == ("Tom Berg", "The ferry was safe to run")


def test_a_participle_before_the_addressee() -> None:
    [claim] = extract_text("Tom Berg told cheering supporters that the pier would reopen.")
    assert (claim.speaker, claim.text) == ("Tom Berg", "the pier would reopen")


@pytest.mark.parametrize("text", [
    "Tom Berg said on Sunday in Lakeside as the crowd roared.",
    "“We will build the pier,” Tom Berg said on Sunday in Lakeside as the crowd roared.",
])
def test_a_clause_of_time_after_a_phrase_is_not_what_was_said(text: str) -> None:
    assert all("crowd" not in q.text for q in extract_text(text))


def test_a_clause_after_a_phrase_of_time_is_what_was_said() -> None:
    [claim] = extract_text("Tom Berg said after the meeting he would not back the levy.")
    assert claim.text == "he would not back the levy"


def test_a_clause_of_time_after_the_addressee_is_not_what_was_told() -> None:
    quotes = extract_text("Tom Berg told his closest aides as he worked on the speech all "
                          "night.")
    assert quotes == [], show(quotes)


def test_what_was_said_after_the_clause_of_time_is_not_its_credit() -> None:
    quotes = extract_text("The ferry was safe to run, Tom Berg said as he announced that "
                          "fares would rise.")
    assert all(q.text != "The ferry was safe to run" for q in quotes), show(quotes)


# The quote after a claim credited at its end goes on with the same speaker


def test_a_quote_after_a_claim_that_quotes_the_speaker_is_its_second_part() -> None:
    text = ("Tom Berg runs the bakery. Her year was “hard but good,” Berg said. “We sold "
            "more bread than ever before.”")
    quotes = extract_text(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Tom Berg")], show(quotes)
    assert quotes[0].text == ("Her year was “hard but good We sold more bread than ever "
                              "before.")
    assert len(quotes[0].parts) == 2
    assert_provenance(text, quotes[0])


def test_a_quote_after_a_claim_in_the_reporters_words_is_a_record_of_its_own() -> None:
    text = ("Tom Berg runs the bakery. The pier will open in May, Berg said. “We worked "
            "hard for it all year.”")
    quotes = extract_text(text)
    assert [(q.kind, q.speaker, q.resolved_by) for q in quotes] == [
        ("indirect", "Tom Berg", "surname"), ("direct", "Tom Berg", "continuation")], (
        show(quotes))


def test_a_quote_after_a_claim_credited_before_it_is_not_continued() -> None:
    # the credit opens the sentence; the quote after it is left to the other rules
    quotes = extract_text("Tom Berg said the pier will open in May, and the crowd "
                          "cheered. A sign read: “No pier, no peace for the town.”")
    assert all(q.speaker != "Tom Berg" or q.kind == "indirect" for q in quotes), show(quotes)


def test_a_quote_two_sentences_after_the_claim_is_not_continued() -> None:
    quotes = extract_text("Tom Berg runs the bakery. The pier will open in May, Berg said. "
                          "The crowd cheered for a long time. “We worked hard for it all "
                          "year.”")
    assert [q.kind for q in quotes] == ["indirect"], show(quotes)


# Lead-ins that name the speaker in another clause of the sentence


def test_a_participle_lead_in_takes_the_sentence_subject() -> None:
    text = ("Pia Holm urged voters to turn out early, saying, “Every vote will count on "
            "Tuesday.”")
    urged, quote = extract_text(text)  # (what she urged is a claim of its own)
    assert (urged.kind, urged.text) == ("indirect", "voters to turn out early")
    assert (quote.kind, quote.speaker) == ("direct", "Pia Holm")


def test_a_second_verb_shares_the_subject() -> None:
    text = "Tom Berg did not name his rivals but told the crowd, “We will win this town.”"
    quotes = extract_text(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Tom Berg")], show(quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The ferry is cancelled until Monday,” her statement read.", "Ana Ruiz"),
    ("“No parking on the pier after dark,” the sign read.", "the sign"),
])
def test_read_attributes_words_to_a_text(text: str, speaker: str) -> None:
    quotes = extract_text("Ana Ruiz runs the ferry company. " + text)
    assert [q.speaker for q in quotes] == [speaker], show(quotes)


def test_read_is_not_speech_for_a_person() -> None:
    quotes = extract_text("“The ferry is cancelled until Monday,” Tom Berg read aloud, "
                          "then he sat down.")
    assert all(q.cue != "read" for q in quotes)


@pytest.mark.parametrize("verb", ["echoed", "chanted", "scolded", "repeated", "blurted",
                                  "wondered", "exhorted", "implored", "begged", "cried"])
def test_uncommon_speech_verbs_after_a_quote(verb: str) -> None:
    quotes = extract_text(f"“Bring the ferry back to the island,” the crowd {verb}.")
    assert [(q.speaker, q.cue) for q in quotes] == [("the crowd", verb)], show(quotes)


def test_a_second_verb_after_a_place_shares_the_subject() -> None:
    claim = one_claim("Tom Berg voted in Lakeside on Saturday and says he chose the "
                      "independent candidate.")
    assert claim.speaker == "Tom Berg" and claim.text == "he chose the independent candidate"


def test_a_claim_ends_where_its_quoted_fragment_ends_a_sentence() -> None:
    claims = claims_of("Ana Ruiz says she goes “back to work tomorrow.” Her shop has been "
                       "closed since May.")
    assert [c.text for c in claims] == ["she goes “back to work tomorrow.”"], show(claims)


@pytest.mark.parametrize(("text", "content"), [
    ("Tom Berg said resources and kits would reach every school.",
     "resources and kits would reach every school"),
    ("Ana Ruiz explained the painter's love of cameras began in childhood.",
     "the painter's love of cameras began in childhood"),
    ("Ana Ruiz, spokeswoman for the navy, said fishermen first noticed the boat and a "
     "ship was sent.", "fishermen first noticed the boat"),
])
def test_a_that_less_clause_whose_subject_has_a_link(text: str, content: str) -> None:
    assert content in one_claim(text).text


@pytest.mark.parametrize("text", [
    "The mayor announced the streets that would be closed during the parade.",
    "The goalie conceded a penalty which the referee awarded after a long review.",
])
def test_an_object_with_a_relative_clause_is_not_a_claim(text: str) -> None:
    assert claims_of(text) == []


def test_a_stray_comma_before_the_verb() -> None:
    claim = one_claim("Ana Ruiz for the Lakeside food agency, says they are drafting new "
                      "rules on salt.")
    assert claim.speaker == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    "Tom Berg was told that the ferry would not run on Sunday.",
    "It is said that the harbour was built by the Romans.",
])
def test_a_passive_speech_verb_names_no_speaker(text: str) -> None:
    assert claims_of(text) == []


def test_the_subject_after_a_leading_phrase_is_the_antecedent() -> None:
    quotes = extract_text("Soon after the storm hit the coast, Ana Ruiz visited the pier. "
                          "She said the damage would take a year to repair.")
    assert [(q.speaker, q.resolved_by) for q in quotes] == [("Ana Ruiz", "pronoun")]


def test_a_quote_inside_the_clause_after_its_verb_is_one_claim() -> None:
    claim = one_claim("Ana Ruiz said “the tide gets me worried” every time the wind turns "
                      "east.")
    assert claim.speaker == "Ana Ruiz"
    assert claim.text == "“the tide gets me worried” every time the wind turns east"


def test_a_whole_quote_after_its_verb_stays_a_quote() -> None:
    for text in ("Ana Ruiz said “the harbour is finished” and left the room.",
                 "Ana Ruiz said “the harbour is finished.”"):
        quotes = extract_text(text)
        assert [(q.kind, q.text.rstrip(".")) for q in quotes] == [
            ("direct", "the harbour is finished")], show(quotes)


def test_a_cue_after_an_age() -> None:
    quotes = extract_text("“We should have spoken up from the very beginning,” Tom Berg, 58, "
                          "told reporters.")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Tom Berg")]


def test_an_uncommon_verb_then_and() -> None:
    quotes = extract_text("“Go back to your seat,” Tom Berg barked and a guard stepped in.")
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Tom Berg")]


def test_a_comma_inside_the_closing_mark_then_adding_starts_a_second_claim() -> None:
    claims = claims_of("Ana Ruiz said that the pier is “the only one left in a position to "
                       "hold,” adding that the town cannot afford another.")
    assert [(q.speaker, q.text) for q in claims] == [
        ("Ana Ruiz", "the pier is “the only one left in a position to hold,”"),
        ("Ana Ruiz", "the town cannot afford another")]


def test_a_sentence_ending_inside_a_quoted_word_is_followed_by_the_next_claim() -> None:
    claims = claims_of("Tom Berg said the inquiry is “ongoing.” He said the board has not "
                       "commented on its scope.")
    assert [(q.speaker, q.text, q.resolved_by) for q in claims] == [
        ("Tom Berg", "the inquiry is “ongoing.”", "name"),
        ("Tom Berg", "the board has not commented on its scope", "pronoun")]


@pytest.mark.parametrize("text", [
    "Ana Ruiz called both plans “reckless” and said the town would lose the pier.",
    "Ana Ruiz pledged to rebuild the dock, and said the town would lose the pier.",
])
def test_a_second_verb_shares_the_subject_across_quoted_words_and_a_comma(text: str) -> None:
    # ("called both plans “reckless”" is a claim of its own: see test_extract_naming.py)
    said = [c for c in claims_of(text) if c.cue == "said"]
    assert len(said) == 1, show(said)
    assert (said[0].speaker, said[0].text) == ("Ana Ruiz", "the town would lose the pier")


def test_a_second_verb_after_a_relative_clause_takes_no_subject() -> None:
    assert claims_of("Ana Ruiz met Tom Berg, who nodded, and said the pier was lost.") == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The harbour survey found that most residents oppose the new pier.", "The harbour survey",
     "most residents oppose the new pier"),
    ("Port records show that the pier closed twice in May.", "Port records",
     "the pier closed twice in May"),
    ("The port authority's study showed that repairs cost twice the estimate.",
     "The port authority's study", "repairs cost twice the estimate"),
])
def test_a_reported_finding_is_a_claim_of_its_source(text: str, speaker: str,
                                                     content: str) -> None:
    claim = one_claim(text)
    assert (claim.speaker, claim.text) == (speaker, content)


@pytest.mark.parametrize("text", [
    "Ana Ruiz found the keys under the mat by the harbour gate.",
    "The map shows the pier and the old lighthouse beside it.",
    "It was found that the pier had been unsafe for years.",
    "Ana Ruiz has shown a patience she did not have in 2008.",
    "Ana Ruiz finding common ground with Tom Berg is new for the town.",
])
def test_finding_verbs_without_a_clause_report_nothing(text: str) -> None:
    assert claims_of(text) == []


def test_but_then_a_speech_verb_starts_a_second_claim() -> None:
    claims = claims_of("Ana Ruiz says she respects Berg's “passion” but argues that he "
                       "cannot deliver on his promises.")
    assert [(q.speaker, q.text) for q in claims] == [
        ("Ana Ruiz", "she respects Berg's “passion”"),
        ("Ana Ruiz", "he cannot deliver on his promises")]


def test_a_time_abbreviation_then_a_pronoun_ends_the_sentence() -> None:
    quotes = extract_text("Tom Berg says he will wait for the results after the polls close "
                          "at 7 p.m. He says “it is a close race.”")
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Tom Berg"),
                                                     ("direct", "Tom Berg")]
    assert quotes[0].text == "he will wait for the results after the polls close at 7 p.m."


@pytest.mark.parametrize("text", [
    "Ana Ruiz delivered a defense of “harbour values,” saying the town embodied the soul "
    "of the coast.",
    "Ana Ruiz changed her mind on the spot – saying the town embodied the soul of the coast.",
])
def test_a_participle_after_a_comma_in_the_mark_or_a_dash(text: str) -> None:
    claim = one_claim(text)
    assert (claim.speaker, claim.text) == ("Ana Ruiz", "the town embodied the soul of the coast")


@pytest.mark.parametrize(("text", "speaker"), [
    ("The professor was headed to Lisbon for a conference, the Guardian reported.",
     "Guardian"),
    ("As the Harbour Post reported, even if Ruiz splits the vote, she would need the rest.",
     "Harbour Post"),
    ("As Ruiz noted, the pier is older than the town itself.", "Ruiz"),
])
def test_an_outlet_with_the_and_a_leading_as_clause(text: str, speaker: str) -> None:
    assert one_claim(text).speaker == speaker


@pytest.mark.parametrize("text", [
    "Ana Ruiz told dock workers Saturday night that the pier would close.",
    "Ana Ruiz told The Harbour Courier newspaper of Lisbon on Saturday that the pier would "
    "close.",
    "Ana Ruiz told a town hall in Salem, Oregon on Monday that the pier would close.",
])
def test_a_long_addressee_and_a_time_before_that(text: str) -> None:
    claim = one_claim(text)
    assert (claim.speaker, claim.text) == ("Ana Ruiz", "the pier would close")


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said the pier was finished, drawing cheers from the crowd.",
     "the pier was finished"),
    ("Ana Ruiz said talks “should be wrapped up by May,” referring to the harbour vote.",
     "talks “should be wrapped up by May,”"),
    ("Ana Ruiz said the pier, costing two million, is finished.",
     "the pier, costing two million, is finished"),
])
def test_the_reporters_closing_participle_stays_out_of_the_claim(text: str, content: str) -> None:
    assert one_claim(text).text == content


def test_but_and_any_speech_verb_with_that_ends_the_first_claim() -> None:
    claims = claims_of("Ana Ruiz said she was “impressed” with the crew, but lamented that "
                       "the pier was late.")
    assert [q.text for q in claims] == ["she was “impressed” with the crew",
                                        "the pier was late"]


def test_a_trailing_credit_followed_by_and_a_new_clause() -> None:
    claims = claims_of("The firm built the tool to help in a crisis, a spokeswoman, Ana Ruiz, "
                       "said on Saturday, and it has used it five times since.")
    assert [(q.speaker, q.text) for q in claims] == [
        ("Ana Ruiz", "The firm built the tool to help in a crisis")]


@pytest.mark.parametrize("text", [
    "In a speech in 1963, Tom Berg declared: the pier would stay.",
    "Such a move could alienate his backers, harbour allies believe — backers she needs.",
])
def test_an_aside_or_a_phrase_without_a_verb_is_no_claim(text: str) -> None:
    assert all("1963" not in q.text and not q.text.startswith("—") for q in claims_of(text))


def test_maintained_with_an_object_is_no_claim_and_results_show_a_clause() -> None:
    claims = claims_of("The results show the harbour camp maintained a majority in the "
                       "council seats.")
    assert [(q.speaker, q.text) for q in claims] == [
        ("The results", "the harbour camp maintained a majority in the council seats")]


def test_the_credit_of_a_quote_is_not_also_a_claim() -> None:
    quotes = extract_text("“Most of our staff support this merger,” Ana Ruiz told the crowd, "
                          "her voice drowned out by waves of boos.")
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Most of our staff support this merger")]
    quotes = extract_text("“We won,” Ana Ruiz told the crowd, adding that the pier would "
                          "reopen.")
    assert [q.kind for q in quotes] == ["direct", "indirect"]


@pytest.mark.parametrize("text", [
    "The port raised $20 million. That’s according to filings through Jan. 31 that the board "
    "made on Saturday.",
    "That is according to early results of polls conducted for the Harbour Post and the "
    "networks.",
])
def test_thats_according_to_credits_what_came_before_not_what_follows(text: str) -> None:
    assert all(q.cue != "according to" or "Saturday" not in q.text and "networks" not in q.text
               for q in extract_text(text)), extract_text(text)


def test_an_accusation_is_a_claim_of_whom_and_of_what() -> None:
    """ "X accused Y of Z": what X charged, as an object claim (like "denied the
    charges"); a charge someone faces is not one ("a contractor accused of spying")."""
    found = claims_of("Tom Berg said the warning was baseless, and accused the mayor of "
                      "putting words in his mouth.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "the warning was baseless"),
        ("Tom Berg", "the mayor of putting words in his mouth")], show(found)
    for text in ("Cuba released Tom Berg, a contractor accused of spying, on Monday.",
                 "Tom Berg was accused of lying about the levy.",
                 "Tom Berg accused the board in a long and angry speech."):
        assert claims_of(text) == [], text


def test_while_and_a_second_speaker_start_a_claim_of_their_own() -> None:
    found = claims_of("Ana Ruiz accuses Tom Berg of running a smear while Berg suggests the "
                      "mayor is a captive of the port.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "Tom Berg of running a smear"),
        ("Tom Berg", "the mayor is a captive of the port")], show(found)
    # "said that while …" opens the claim
    found = claims_of("Tom Berg said that while the polls showed the mayor lagging, it was "
                      "closer than usual.")
    assert [q.text for q in found] == [
        "while the polls showed the mayor lagging, it was closer than usual"], show(found)


@pytest.mark.parametrize("text", [
    "Tom Berg said repeatedly that the ferry would sail.",
    "Tom Berg has said publicly that the ferry would sail.",
])
def test_an_adverb_between_the_verb_and_that(text: str) -> None:
    [claim] = extract_text(text)
    assert (claim.speaker, claim.text) == ("Tom Berg", "the ferry would sail")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Tom Berg and Ana Ruiz both said the ferry would sail.", "Tom Berg and Ana Ruiz"),
    ("The ferry crews all said the ferry would sail.", "The ferry crews"),
    ("Sens. Tom Berg (D-Ore.), Ana Ruiz (D-Ohio) and Lee Park (D-N.J.) all said the ferry "
     "would sail.", None),
])
def test_a_quantifier_after_a_plural_subject(text: str, speaker: str | None) -> None:
    """ "Berg and Ruiz both said": both speak; when "all" follows a list the extractor
    reads only the end of, the one name it reads is not given the claim."""
    assert [q.speaker for q in extract_text(text)] == ([speaker] if speaker else [])


def test_posted_reports_a_claim_only_with_that() -> None:
    """ "posted on Facebook that …" is a claim; "posted a video", "posted bail" are not."""
    [claim] = extract_text("Tom Berg posted on Facebook that the ferry would sail.")
    assert (claim.speaker, claim.cue, claim.text) == ("Tom Berg", "posted", "the ferry would sail")
    assert extract_text("Tom Berg posted a video of the ferry that sank.") == []
    assert extract_text("Tom Berg posted bail on Monday.") == []


def test_whom_a_claim_was_told_to_is_never_its_speaker() -> None:
    """ "…, told CBC News.": who follows "told" was told, so with no speaker before the
    verb there is no claim (said inverts: "…, said Ruiz."; told does not)."""
    assert extract_text("The ferry would sail at noon, told Harbour Radio News.") == []
    [claim] = extract_text("The ferry would sail at noon, said Tom Berg.")
    assert claim.speaker == "Tom Berg"


@pytest.mark.parametrize(("text", "source", "content"), [
    ("According to a report released last month by the Harbour Mortgage and Housing "
     "Corporation, the average rent rose eight per cent.",
     "a report released last month by the Harbour Mortgage and Housing Corporation",
     "the average rent rose eight per cent"),
    ("According to early results of the exit polls conducted for the Harbour Press and "
     "television networks by Edison Research, most voters were undecided.",
     "early results of the exit polls conducted for the Harbour Press and television "
     "networks by Edison Research", "most voters were undecided"),
    ("Rents rose eight per cent, according to the Harbour Housing Agency - a record.",
     "Harbour Housing Agency", "Rents rose eight per cent"),
])
def test_a_long_source_after_according_to_is_read_whole(text: str, source: str,
                                                         content: str) -> None:
    """A source of more than ten words was cut at the tenth, so its last words ("Housing
    Corporation,") opened the claim, put in the source's mouth; a spaced dash ends one."""
    [claim] = extract_text(text)
    assert (claim.speaker, claim.text) == (source, content)


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Ana Ruiz believes the ferry will sink, her lawyer said on Monday at the courthouse.",
     "her lawyer", "Ana Ruiz believes the ferry will sink"),
    ("Ana Ruiz believes the ferry will sink, union president Tom Berg said.",
     "Tom Berg", "Ana Ruiz believes the ferry will sink"),
    ("The ferry will sink, Tom Berg said this week at a meeting in Fernvale — a blunt "
     "warning to the council that runs it.", "Tom Berg", "The ferry will sink"),
    ("Tom Berg said the ferry will sink — a view shared by many residents.", "Tom Berg",
     "the ferry will sink"),
])
def test_a_closing_attribution_with_its_place_time_and_gloss(text: str, speaker: str,
                                                             content: str) -> None:
    """ "Ruiz believes A, her lawyer said on Monday at the courthouse": the lawyer's
    claim, not Ruiz's with the lawyer's attribution inside it; a dash and an indefinite
    noun phrase closing the sentence ("— a blunt warning …") is the reporter's gloss."""
    assert [(q.speaker, q.text) for q in extract_text(text)] == [(speaker, content)]


def test_a_second_attribution_whose_subject_has_an_apposition() -> None:
    """ "The port contends that A, and Tom Berg, the harbour master's deputy, said B": two
    claims; B (and Berg's attribution) are not the port's words. A verb far after the
    join with its subject further on is inside the first claim ("…, although brief, a
    question only he could answer")."""
    found = extract_text("The port authority contends that it is on track to meet its "
                         "targets, and Tom Berg, the harbour master's deputy, said he and his "
                         "staff were preparing plans.")
    assert [(q.speaker, q.text) for q in found] == [
        ("The port authority", "it is on track to meet its targets"),
        ("Tom Berg", "he and his staff were preparing plans")]
    [claim] = extract_text("Ana Ruiz said she always treated the line as a crucial, although "
                           "brief, chance to ask a question only he could answer.")
    assert claim.text.endswith("a question only he could answer")


def test_the_verbs_of_the_question_a_sentence_opens_with_are_no_claim() -> None:
    """ "Asked if she believed the port would close, Ruiz said …": what she was asked is
    not her claim, and the claim is only what she said."""
    found = extract_text("Asked if she believed the port would close, Ana Ruiz said she "
                         "would not jump to that conclusion.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "she would not jump to that conclusion")]


def test_the_sources_relative_clause_after_according_to_is_not_the_claim() -> None:
    """ "A, according to Ana Ruiz, director of the centre, which ran the poll.": the
    claim is A; "which ran the poll" is about the centre, not a second part of it."""
    [claim] = extract_text("Turnout fell sharply, according to Ana Ruiz, director of the "
                           "Harbour Survey Centre, which ran the poll.")
    assert (claim.speaker, claim.text, len(claim.parts)) == ("Ana Ruiz", "Turnout fell sharply", 1)


def test_a_claim_opening_on_an_aside_starts_at_its_first_word() -> None:
    """ "said that, cost aside, …": the claim's text does not start with the comma."""
    [claim] = extract_text("Tom Berg said that, cost aside, the clinic did good work for years.")
    assert claim.text == "cost aside, the clinic did good work for years"


@pytest.mark.parametrize(("text", "cue"), [
    ("Tom Berg made clear that the ferry would sail.", "made clear"),
    ("Tom Berg has made it clear the ferry would sail.", "made it clear"),
    ("Tom Berg went on to say the ferry would sail.", "went on to say"),
    ("Tom Berg was quick to point out that the ferry would sail.", "was quick to point out"),
    ("Tom Berg was quoted in the Herald as saying the ferry would sail.",
     "was quoted in the Herald as saying"),
    ("Tom Berg shot back that the ferry would sail.", "shot back"),
    ("Tom Berg fired back that the ferry would sail.", "fired back"),
    ("Tom Berg took to social media to say the ferry would sail.",
     "took to social media to say"),
    ("Tom Berg took to Facebook to announce that the ferry would sail.",
     "took to Facebook to announce"),
])
def test_a_phrase_that_reports_speech(text: str, cue: str) -> None:
    """ "made it clear that", "went on to say", "was quick to point out", "shot back
    that": the subject of the phrase speaks; "made the plan clear", "went on to win",
    "hit back that night" report no words."""
    [claim] = extract_text(text)
    assert (claim.speaker, claim.cue, claim.text) == ("Tom Berg", cue, "the ferry would sail")
    assert extract_text("Tom Berg made the plan for the ferry clear.") == []
    assert extract_text("Tom Berg went on to win the ferry race.") == []
    assert extract_text("Tom Berg took to the water to win the ferry race.") == []
    assert extract_text("The Harbour Hawks hit back that night with three late goals.") == []


@pytest.mark.parametrize(("text", "content"), [
    ('Tom Berg called the ferry "a relic of another age."', 'the ferry "a relic of another age."'),
    ("Tom Berg said the ferry was “a relic.”", "the ferry was “a relic.”"),
])
def test_a_claim_ending_in_quoted_words_keeps_their_closing_mark(text: str,
                                                                 content: str) -> None:
    [claim] = extract_text(text)
    assert claim.text == content


@pytest.mark.parametrize("text", [
    "The Harbour Cycling Club said the bridge has seen several crashes and called on the "
    "city to build a protected lane.",
    "The Harbour Cycling Club said in a statement that the bridge has seen several crashes "
    "and urged the city to build a protected lane.",
])
def test_the_speakers_own_act_after_and_is_not_in_the_claim(text: str) -> None:
    # a bridge calls on no one: the club does, and that act is not the bridge claim's
    # words (what the club urged is a claim of its own)
    claims = claims_of(text)
    assert claims[0].text == "the bridge has seen several crashes", show(claims)
    assert [c.text for c in claims[1:]] in ([], ["the city to build a protected lane"]), show(
        claims)


def test_an_act_after_and_that_the_reported_people_may_do_stays_in_the_claim() -> None:
    claim = one_claim("Ana Ruiz said residents were angry and asked for a meeting.")
    assert claim.text == "residents were angry and asked for a meeting"


def test_a_reporters_clause_after_a_claim_hands_over_to_its_subject() -> None:
    """ "Ruiz said A, but Berg disagreed, saying B": A is Ruiz's and B is Berg's; the
    clause "but Berg disagreed" is the reporter's, in neither. "…, but the costs would
    rise" is still hers."""
    found = extract_text("Ana Ruiz said the ferry would sail, but Tom Berg disagreed, "
                         "saying it would sink.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "the ferry would sail"), ("Tom Berg", "it would sink")]
    [claim] = extract_text("Ana Ruiz said the ferry would sail, but the costs would rise.")
    assert claim.text == "the ferry would sail, but the costs would rise"


@pytest.mark.parametrize(("opening", "speaker"), [
    ("In Wong's view,", "Terry Wong"),
    ("In his opinion,", "Terry Wong"),
])
def test_a_view_opening_a_sentence_is_its_owners_claim(opening: str, speaker: str) -> None:
    quotes = extract_text("Coun. Terry Wong spoke first at the meeting. "
                          f"{opening} the city should charge more for parking downtown.")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", speaker, "the city should charge more for parking downtown")], show(quotes)


def test_the_writers_own_view_is_no_ones_claim() -> None:
    assert extract_text("In my view, the city should charge more for parking downtown.") == []


def test_a_verb_after_a_modal_in_what_a_source_says_is_part_of_its_claim() -> None:
    quotes = extract_text("According to Tom Berg, the city should charge more for parking.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tom Berg", "the city should charge more for parking")], show(quotes)


def test_a_trailing_credit_may_say_in_doing_what_it_was_said() -> None:
    text = ("Many voters did not see themselves in the description and found it "
            "offensive, journalist Ana Ruiz said in posing the question to the governor.")
    quotes = extract_text(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Ruiz", "Many voters did not see themselves in the description and found it "
         "offensive")], show(quotes)


def test_a_verb_with_on_and_a_gerund_is_no_trailing_credit() -> None:
    text = ("Ana Ruiz said that the swap was hard but that the president should have "
            "insisted on getting every prisoner out.")
    quotes = extract_text(text)
    assert [q.cue for q in quotes] == ["said"], show(quotes)


@pytest.mark.parametrize("aside", ["speaking on the radio", "asked about the plan"])
def test_a_second_verb_shares_a_subject_set_off_by_a_participle_aside(aside: str) -> None:
    text = f"Ana Ruiz, {aside}, shrugged and said the plan would never pass the council."
    quotes = extract_text(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Ruiz", "the plan would never pass the council")], show(quotes)


@pytest.mark.parametrize(("clause", "text"), [
    ("that accord should guide every country", "that accord should guide every country"),
    ("that plan was a mistake from the start", "that plan was a mistake from the start"),
    ("that claim smacked of hypocrisy all along", "that claim smacked of hypocrisy all along"),
    ("that figure made the choice clear to all", "that figure made the choice clear to all"),
    ("that he made the choice clear to all", "he made the choice clear to all"),
    ("that people should vote early this year", "people should vote early this year"),
    ("that money is tight for every family", "money is tight for every family"),
    ("that idealism is nice but rarely enough", "idealism is nice but rarely enough"),
    # a body named without an article, as Canadian news names a city's council
    ("that council had not looked hard enough", "council had not looked hard enough"),
    ("that cabinet will meet again in May", "cabinet will meet again in May"),
])
def test_that_before_a_singular_noun_and_its_verb_is_the_subjects_determiner(
        clause: str, text: str) -> None:
    quotes = extract_text(f"Ana Ruiz said {clause}.")
    assert [q.text for q in quotes] == [text], show(quotes)


@pytest.mark.parametrize("opening", ["The plan was", "It was"])
def test_a_pronouns_aside_inside_a_clause_takes_no_role_after_it(opening: str) -> None:
    # "he said, one of …" would make "one of …" his role; a pronoun is never given one
    quotes = extract_text(f"Tom Berg spoke. {opening}, he said, one of the bitterest "
                          "failures of his time in office.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tom Berg", f"{opening} one of the bitterest failures of his time in office")], (
        show(quotes))


@pytest.mark.parametrize("title", ["Premier", "Coach", "Treasurer", "MP", "Chief"])
def test_a_trailing_credit_with_a_capitalised_office_before_the_name(title: str) -> None:
    quotes = extract_text(f"The province will cap the number of immigrants, {title} Ana "
                          "Ruiz said.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Ruiz", "The province will cap the number of immigrants")], show(quotes)


@pytest.mark.parametrize("aside", ["who has led the union since 2019",
                                   "a union leader who has led it since 2019"])
def test_what_the_sources_commas_set_off_is_not_its_claim(aside: str) -> None:
    quotes = extract_text(f"According to Ana Ruiz, {aside}, the strike will go on for weeks.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Ruiz", "the strike will go on for weeks")], show(quotes)


def test_a_clause_after_according_to_stays_the_claim() -> None:
    quotes = extract_text("According to Ana Ruiz, a strike is likely, and the city will suffer.")
    assert [q.text for q in quotes] == ["a strike is likely, and the city will suffer"]


@pytest.mark.parametrize(("text", "claim"), [
    ("The province will add 40 beds, but critics say that is not enough.", "that is not enough"),
    ("Tom Berg said that would mean fewer sailings in winter.",
     "that would mean fewer sailings in winter"),
    ("Ana Ruiz told reporters that was a mistake by the board.", "that was a mistake by the board"),
    ("Ana Ruiz said that the ferry was late again.", "the ferry was late again"),  # a conjunction
])
def test_that_before_a_verb_is_the_claims_subject(text: str, claim: str) -> None:
    """"critics say that is not enough": "that" right before a finite verb is the
    clause's subject, so it is part of what was said (without it the claim reads "is
    not enough")."""
    quotes = records(text)
    assert [q.text for q in quotes] == [claim], show(quotes)


@pytest.mark.parametrize("text", [
    "Residents point to a number of factors that are driving rents up in Moncton.",
    "Voters went to the polls in Manitoba and Saskatchewan, Prairie provinces that have "
    "lost thousands of farm jobs.",
    "Most Atlantic states that will hold contests in March have large rural populations.",
    "The change adds to the pressure that has built on the board since the spring.",
])
def test_that_before_a_verb_after_a_noun_opens_a_relative_clause(text: str) -> None:
    """"factors that are driving rents up", "Prairie states that have lost …": after a
    noun (or a plural read as "states", "point"), "that" and a verb are a relative clause
    of that noun, no one's claim."""
    quotes = records(text)
    assert [q.text for q in quotes if q.kind == "indirect"] == [], show(quotes)


def test_a_relative_clause_after_the_addressee_phrase_is_no_claim() -> None:
    quotes = records("Ana Ruiz told reporters after the meeting that was held in Moncton "
                     "on Friday that the deal was close.")
    assert all("was held" not in q.text for q in quotes), show(quotes)


@pytest.mark.parametrize(("text", "claim"), [
    ('Ana Ruiz said residents want "a real plan."', 'residents want "a real plan."'),
    ("Ana Ruiz says new, cheaper units will be built soon.",
     "new, cheaper units will be built soon"),
    ("Ana Ruiz says people with asthma or allergies should stay inside.",
     "people with asthma or allergies should stay inside"),
])
def test_a_clause_whose_subject_or_object_is_unusual_is_still_a_claim(text: str, claim: str
                                                                       ) -> None:
    """A clause after "said" with its verb before a quoted object, two adjectives set off
    by a comma, or two nouns joined in the subject's phrase is what was said."""
    quotes = records(text)
    assert [(q.speaker, q.text) for q in quotes] == [("Ana Ruiz", claim)], show(quotes)


@pytest.mark.parametrize("text", [
    "Ana Ruiz is writing a book called “Women Who Work” about her mother.",
    "Ana Ruiz pointed to a table with soup served with “electric” punch and cake.",
])
def test_a_participle_before_a_quoted_name_opens_no_claim(text: str) -> None:
    quotes = records(text)
    assert [q.text for q in quotes] == [], show(quotes)


def test_a_comparative_after_the_source_opens_the_claim() -> None:
    """"According to the collective, more than 200 …": "more" opens the claim's number,
    not a second adjective of "the collective" ("the tall, quiet engineer")."""
    quotes = records("The Harbour Collective set up camp.\n\n"
                     "According to the collective, more than 200 people came.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Harbour Collective", "more than 200 people came")], show(quotes)
    quotes = records("“We won,” said the bespectacled, 71-year-old diplomat.")
    assert [q.speaker for q in quotes] == ["the bespectacled, 71-year-old diplomat"]


@pytest.mark.parametrize(("text", "claim"), [
    ("Ana Ruiz says that single decision shaped everything that followed.",
     "that single decision shaped everything that followed"),
    ("Ana Ruiz said that same plan was rejected in 2019.", "that same plan was rejected in 2019"),
    ("Ana Ruiz says that new rules will help.", "new rules will help"),  # the conjunction
])
def test_that_before_single_or_same_is_the_subjects_determiner(text: str, claim: str) -> None:
    """"says that single decision shaped …": "that" goes with "single decision", so it
    stays in the claim; dropped, the claim would read "single decision shaped …"."""
    quotes = records(text)
    assert [q.text for q in quotes] == [claim], show(quotes)


@pytest.mark.parametrize(("text", "expected"), [
    ("According to the report, no crisis worker was sent, even though the caller told the "
     "dispatcher he was “not himself.”",
     [("the report", "no crisis worker was sent"), ("the caller", "he was “not himself.”")]),
    ("According to Ana Ruiz, sales are down 12 per cent, though she said the club will stay.",
     [("Ana Ruiz", "sales are down 12 per cent"), ("Ana Ruiz", "the club will stay")]),
])
def test_an_according_to_claim_ends_where_another_voice_begins(
        text: str, expected: list[tuple[str, str]]) -> None:
    """"According to the report, …, even though the caller told the dispatcher …": the
    report's claim ends before the clause in which someone else (or the source again)
    speaks, and that clause is a claim of its own."""
    quotes = records(text)
    assert [(q.speaker, q.text) for q in quotes] == expected, show(quotes)


@pytest.mark.parametrize(("text", "claim"), [
    ("Ana Ruiz demanded that the province hire more crisis workers.",
     "the province hire more crisis workers"),
    ("Ana Ruiz urged that the plan be scrapped before the vote.",
     "the plan be scrapped before the vote"),
    ("The band council requested that the ferry run twice a day.", "the ferry run twice a day"),
])
def test_a_demand_with_that_is_a_claim(text: str, claim: str) -> None:
    """"demanded that the province hire …": what was demanded is reported speech, as
    "recommended that" is; "demanded an apology" reports no words."""
    quotes = records(text)
    assert [q.text for q in quotes] == [claim], show(quotes)


def test_a_demand_with_an_object_is_no_claim() -> None:
    assert records("Ana Ruiz demanded an apology from the mayor on Friday.") == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Tamsin Ovens urged the province to hire more crisis workers.",
     "the province to hire more crisis workers"),
    ("Tamsin Ovens urged residents not to drive on Friday.", "residents not to drive on Friday"),
    ("Tamsin Ovens urged the board to act, proposed a new fund and criticized the delay.",
     "the board to act"),
    ("Tamsin Ovens urged the city to close the pier, and the council agreed on Monday.",
     "the city to close the pier"),
])
def test_what_a_speaker_urged_someone_to_do_is_a_claim(text: str, claim: str) -> None:
    """"urged the province to hire …": whom and what to do, reported speech; it ends
    where the speaker's next act ("proposed …", "and criticized …") or another clause
    begins."""
    quotes = records(text)
    assert [(q.speaker, q.text) for q in quotes] == [("Tamsin Ovens", claim)], show(quotes)


def test_urging_a_thing_is_no_claim() -> None:
    assert records("Tamsin Ovens urged calm in the city on Friday night.") == []


def test_a_second_that_clause_quoted_whole_is_cut_from_the_claim() -> None:
    """"told reporters that he had spoken to Berg and that “I think …”": the first clause
    is a claim, the quoted second one a direct quote; neither is lost for the other."""
    quotes = records("Ana Ruiz told reporters that she had spoken to the minister and that "
                     "“I think you are going to see a pause in the closures.”")
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "she had spoken to the minister"),
        ("direct", "I think you are going to see a pause in the closures.")], show(quotes)


@pytest.mark.parametrize(("text", "claim"), [
    ("Tamsin Ovens called on the province to hire more crisis workers.",
     "the province to hire more crisis workers"),
    ("Tamsin Ovens said the wait was too long and called on Ottawa to act.", "Ottawa to act"),
    ("As Tamsin Ovens calls on the minister to resign, the party's support is falling.",
     "the minister to resign"),
    ("Tamsin Ovens is calling on the province to release the report.",
     "the province to release the report"),
])
def test_what_a_speaker_called_on_someone_to_do_is_a_claim(text: str, claim: str) -> None:
    """"called on the province to hire …" is a demand reported, as "urged" is; it ends
    where another clause begins."""
    quotes = records(text)
    assert [q.text for q in quotes if q.cue.endswith(" on")] == [claim], show(quotes)
    assert all(q.speaker == "Tamsin Ovens" for q in quotes), show(quotes)


@pytest.mark.parametrize("text", [
    "Tamsin Ovens called the plan a failure on Friday.",
    "A petition calling on the minister to resign has reached 5,000 names, Ovens said.",
])
def test_called_without_on_and_an_infinitive_is_no_claim_of_its_own(text: str) -> None:
    quotes = records(text)
    assert not any(q.cue.startswith(("call", "Call")) for q in quotes), show(quotes)


@pytest.mark.parametrize(("text", "claim"), [
    ("Tamsin Ovens called for an inquiry into the shooting.", "an inquiry into the shooting"),
    ("Tamsin Ovens has called for the minister to resign, calling him “unfit.”",
     "the minister to resign"),
    ("To a standing ovation, Tamsin Ovens called for a freeze on rents.", "a freeze on rents"),
])
def test_what_a_speaker_called_for_is_a_claim(text: str, claim: str) -> None:
    """"called for an inquiry": a demand reported; it ends before the speaker's next act
    ("…, calling him …"), and the words before the subject are no claim it credits."""
    quotes = records(text)
    assert [q.text for q in quotes if q.cue.endswith(" for")] == [claim], show(quotes)
    assert not any(q.text.startswith("To a standing") for q in quotes), show(quotes)


@pytest.mark.parametrize("text", [
    "The plan calls for 40 new beds by 2027.",
    "The forecast calls for rain on Friday.",
    "Alongside union calls for action, the mayor was silent.",
])
def test_a_thing_calling_for_something_is_no_claim(text: str) -> None:
    assert records(text) == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Police allege the man, 34, drove into the crowd.", "the man, 34, drove into the crowd"),
    ("The Crown argued the driver, 19, fled the scene.", "the driver, 19, fled the scene"),
])
def test_an_age_set_off_in_the_claims_subject_keeps_the_clause(text: str, claim: str) -> None:
    """"Police allege the man, 34, drove …": the age in commas is the subject's, so what
    follows "allege" is still a clause (after "say" it was read already)."""
    quotes = records(text)
    assert [q.text for q in quotes] == [claim], show(quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to the RCMP, officers found the body on Tuesday.", "RCMP"),
    ("De Blasio, however, has found himself in the same bind, according to Ana Ruiz.",
     "Ana Ruiz"),
])
def test_a_finding_verb_without_that_leaves_the_according_to_claim(text: str,
                                                                  speaker: str) -> None:
    """"According to the RCMP, officers found the body": "found" with no "that" reports
    no finding of the officers', so the claim is the RCMP's (it had been given up)."""
    quotes = records(text)
    assert [(q.speaker, q.cue) for q in quotes] == [(speaker, "according to")], show(quotes)


@pytest.mark.parametrize(("text", "claim"), [
    ("Tamsin Ovens asked the city to delay the vote.", "the city to delay the vote"),
    ("Tamsin Ovens asked the woman to raise her voice and say the word louder.",
     "the woman to raise her voice and say the word louder"),
    ("Tamsin Ovens said the vote was rushed and asked the council to wait.",
     "the council to wait"),
    ("Tamsin Ovens urged Ottawa to hand control to the First Nation.",
     "Ottawa to hand control to the First Nation"),
    ("Tamsin Ovens asked the city to house the refugees.", "the city to house the refugees"),
])
def test_what_a_speaker_asked_someone_to_do_is_a_claim(text: str, claim: str) -> None:
    """"asked the city to delay the vote": a request reported, as "urged" is (a second
    verb of the same infinitive is still what was asked)."""
    quotes = records(text)
    assert [q.text for q in quotes if q.cue in ("asked", "urged")] == [claim], show(quotes)


@pytest.mark.parametrize("text", [
    "Tamsin Ovens asked whether the city would delay the vote.",
    "Is it fair to the families, Tamsin Ovens asked.",
    "Tamsin Ovens was asked to leave the meeting on Friday.",
    "Tamsin Ovens asked to be identified only by her first name.",
    "The family asked not to be named.",
    "Harbour Tech asked applicants tricky questions to see how they responded.",
    "Tamsin Ovens invited the mayor to dinner.",
])
def test_a_question_or_a_passive_ask_is_no_claim(text: str) -> None:
    quotes = records(text)
    assert all(q.cue != "asked" for q in quotes), show(quotes)


def test_an_according_to_claim_holding_a_request_is_the_sources() -> None:
    quotes = records("According to the summary, two aides asked the employee to delete emails "
                     "in December.")
    assert [(q.speaker, q.cue) for q in quotes] == [("the summary", "according to")], show(quotes)


@pytest.mark.parametrize("text", [
    "A woman who lived in Moncton, N.B., asked the tribunal to reopen her case, arguing that "
    "the rules were unfair.",
    "A man who spent years in prison in Sudbury, Ont., told the court on Monday he was "
    "innocent, arguing that new evidence proves it.",
])
def test_whom_a_speaker_asks_or_tells_does_not_speak_the_participle_after(text: str) -> None:
    """"…, asked the tribunal to reopen her case, arguing that …": the woman argues, not
    the tribunal she asked (a long subject in commas had let the tribunal take it)."""
    found = records(text)
    arguing = [q for q in found if q.cue == "arguing"]
    assert len(arguing) == 1 and arguing[0].speaker.startswith(("A woman", "A man")), show(
        found)


@pytest.mark.parametrize("adverb", ["long", "repeatedly", "consistently"])
def test_an_adverb_between_the_auxiliary_and_the_verb(adverb: str) -> None:
    """"The federation has long argued that …": the adverb stands between the subject
    and its speech verb, as "repeatedly" does."""
    found = records(f"The Harbour Teachers' Federation has {adverb} argued that teachers burn "
                    "out faster.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Harbour Teachers' Federation", "teachers burn out faster")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Alberta Beef Producers, which represents 18,000 operations, welcomed the announcement "
     "but said the payment was too low.", "Alberta Beef Producers"),
    ("Ana Ruiz, who runs the clinic, toured the ward and said the beds were full.", "Ana Ruiz"),
])
def test_a_relative_clause_in_commas_after_the_subject_of_two_verbs(text: str, speaker: str
                                                                    ) -> None:
    """"X, which represents 18,000 operations, welcomed … but said …": the clause in
    commas is about X, who still says it (either alone had worked)."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


@pytest.mark.parametrize("part", ["more than a third", "about a quarter", "more than a dozen"])
def test_a_part_leading_a_thatless_claims_subject(part: str) -> None:
    """"said more than a third of the nurses had quit": a claim, as "more than half of
    the nurses" is ("than" had been read as a clause word ending the subject)."""
    found = records(f"Roy said {part} of the nurses had quit.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Roy", f"{part} of the nurses had quit")], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("Colleen Hardy said farmers who lost forage will be eligible.",
     "farmers who lost forage will be eligible"),
    ("Tom Berg said people who have lost jobs would get help.",
     "people who have lost jobs would get help"),
    ("Minister Colleen Hardy unveiled the program, saying producers who lost forage will be "
     "eligible.", "producers who lost forage will be eligible"),
    ("Harbour Ferries confirmed the vessel that serves the route needs a new part.",
     "the vessel that serves the route needs a new part"),
    ("The union said members at rural sites, who are covered by a separate deal, will vote "
     "in January.", "members at rural sites, who are covered by a separate deal, will vote in "
     "January"),
])
def test_a_thatless_claim_whose_subject_has_a_relative_clause(text: str, claim: str) -> None:
    """"said farmers who lost forage will be eligible": the clause's verb comes after the
    relative clause of its subject (with "that" it had worked)."""
    found = records(text)
    assert [q.text for q in found] == [claim], show(found)


def test_an_object_with_a_relative_clause_is_no_claim() -> None:
    found = records("Tom Berg thanked workers who lost jobs. Ana Ruiz said workers who are hurt.")
    assert found == [], show(found)


def test_it_after_a_nationality_adjective_is_not_that_country() -> None:
    """"… a memorandum issued by the Philippine immigration agency. It says …": "it" is
    no body called "Philippine" (a nationality's adjective, as "Canadian" is)."""
    found = records("Tom Berg cited a memorandum issued by the Philippine immigration agency. "
                    "It says foreign nationals who disrespect the law can be blacklisted.")
    assert all(q.speaker != "Philippine" for q in found), show(found)


@pytest.mark.parametrize(("text", "speaker", "claim"), [
    ("The mayor told council the budget was balanced, the auditor said Tuesday as the hearing "
     "began.", "the auditor", "The mayor told council the budget was balanced"),
    ("A clerk told a customer her ticket was worth $20 and then cashed it himself, a Crown "
     "prosecutor alleged Monday as his fraud trial opened.", "a Crown prosecutor",
     "A clerk told a customer her ticket was worth $20 and then cashed it himself"),
])
def test_a_closing_credit_then_when_it_was_said(text: str, speaker: str, claim: str) -> None:
    """"…, a Crown prosecutor alleged Monday as his fraud trial opened": the time clause
    belongs to the credit, so the sentence before it is the prosecutor's claim (it had
    gone to the clerk "told", with the credit in its words)."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [(speaker, claim)], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The minister cut the quota Thursday, citing a federal science assessment that found "
     "the stock has fallen.", "The minister"),
    ("The union walked out on Monday, saying the offer was an insult.", "The union"),
    ("The families of those killed filed a lawsuit, alleging that the marketing inspired the "
     "shooter.", "The families of those killed"),
])
def test_a_participles_speaker_is_the_subject_without_its_verb(text: str, speaker: str) -> None:
    """"The minister cut the quota Thursday, citing …": the minister cites it, and the
    speaker is no "The minister cut the quota Thursday" (the reporter's narration)."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


def test_a_named_witness_with_an_age_then_who_testified() -> None:
    """"The first witness was the customer, Lourdes Magbanua, 74, who testified that …":
    her claim, past her age; and her role is "customer", not "first witness was the
    customer" (a clause's verb before the name is no role)."""
    found = records("The first witness was the customer, Lourdes Magbanua, 74, who testified "
                    "that she bought the numbers.\n\n“I know my numbers,” Magbanua said.")
    assert [(q.speaker, q.role, q.text) for q in found] == [
        ("Lourdes Magbanua", "customer", "she bought the numbers"),
        ("Lourdes Magbanua", "customer", "I know my numbers")], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The city added screens in 2007 after an ombudsman's report found that retailers had "
     "won too often.", "an ombudsman's report"),
    ("The city added screens after a report concluded that retailers had won too often.",
     "a report"),
])
def test_a_finding_in_a_clause_after_after(text: str, speaker: str) -> None:
    """"… after a report found that …": "after" opens a clause whose subject found it,
    as with "the" ("after the Times reported"); not a participle's subject ("after a man
    claiming allegiance to ISIS gunned down …")."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)
    found = records("Ana Ruiz tweeted the day after a man claiming allegiance to the group "
                    "attacked the club.")
    assert found == [], show(found)


def test_a_name_in_commas_after_said_is_not_the_speaker_of_the_subjects_claim() -> None:
    """"Tom Berg, who testified under an immunity agreement, said his supervisor at the
    time, Ana Ruiz, instructed him …": Berg's claim about Ruiz; it had gone to Ruiz, with
    Berg's name in her words (audit 12, a wrong person)."""
    found = records("Tom Berg, who testified under an immunity agreement, said his supervisor "
                    "at the time, Ana Ruiz, instructed him to pad the invoices.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "his supervisor at the time, Ana Ruiz, instructed him to pad the "
         "invoices")], show(found)
    found = records("Recipients, said Tom Berg, must exhibit the photographs every ten years.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)


def test_a_quoted_name_in_the_subjects_relative_clause() -> None:
    """'Food Fairness Canada, which has organized a "Boycott the Big Five" campaign, said
    that Northcrest's results show …': the group's claim; the quoted campaign name had
    hidden the subject, and the claim had gone to "Northcrest's results" (audit 12)."""
    found = records('The advocacy group Food Fairness Canada, which has organized a "Boycott '
                    'the Big Five" campaign, said in a statement that Northcrest\'s results '
                    'show "record revenue on the backs of families."')
    assert [q.speaker for q in found] == ["Food Fairness Canada"], show(found)


@pytest.mark.parametrize("verb", ["acknowledged", "conceded"])
def test_a_thatless_claim_whose_verb_is_quoted(verb: str) -> None:
    """"acknowledged her team “took the foot off the gas”": her team and its quoted verb
    are a clause, as after "said"; "praised the team “for its heart”" is no claim."""
    found = records(f"Élise Durocher {verb} her team “took the foot off the gas.”")
    assert [q.text for q in found] == ["her team “took the foot off the gas.”"], show(found)
    assert records("Élise Durocher praised the team “for its heart.”") == []


@pytest.mark.parametrize("act", ["declined to name potential buyers",
                                 "refused to identify the buyers"])
def test_and_then_what_the_speaker_would_not_say_ends_the_claim(act: str) -> None:
    """"The company said no deal had been reached and declined to name potential buyers":
    the refusal is the reporter's account, not the company's words, as after "but"."""
    found = records(f"The company said no deal had been reached and {act}.")
    assert [q.text for q in found] == ["no deal had been reached"], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("The department has said that it has classified 22 emails and will not release those "
     "emails.", "it has classified 22 emails and will not release those emails"),
    ("Ana Ruiz agreed that she did not keep her tickets and could not say which store sold "
     "them.", "she did not keep her tickets and could not say which store sold them"),
])
def test_and_then_a_refusal_in_the_reported_clause_is_still_reported(text: str, claim: str
                                                                     ) -> None:
    """"… and will not release them", "… and could not say which store": the reported
    clause may go on with such a verb, so only "declined/refused to" ends the claim."""
    assert [q.text for q in records(text)] == [claim]


@pytest.mark.parametrize("setting", ["at the fraud trial of two officials",
                                     "during a rally in Moncton"])
def test_the_event_a_claim_was_made_at_closing_the_sentence_is_no_part_of_it(setting: str
                                                                           ) -> None:
    """"…testified that he was told to forget the envelopes, at the fraud trial of two
    officials.": where he testified, in the reporter's words."""
    found = records(f"A former foreman testified that he was told to forget the envelopes, "
                    f"{setting}.")
    assert [q.text for q in found] == ["he was told to forget the envelopes"], show(found)



@pytest.mark.parametrize("going_on", ["as a strike at a processing plant enters its third "
                                      "week", "as the talks drag on"])
def test_what_was_going_on_as_a_claim_was_made_is_no_part_of_it(going_on: str) -> None:
    """"Dairy farmers say they are dumping milk, as a strike at a processing plant enters
    its third week.": the strike is the reporter's setting of the lede, not the farmers'
    words."""
    found = records(f"Dairy farmers in eastern Ontario say they are dumping milk, {going_on}.")
    assert [q.text for q in found] == ["they are dumping milk"], show(found)


def test_a_reason_given_with_as_stays_in_the_claim() -> None:
    found = records("Ana Ruiz said the plant would close, as demand has fallen for years.")
    assert [q.text for q in found] == ["the plant would close, as demand has fallen for years"
                                       ], show(found)


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("The plan includes $2 million for a shelter, which Coun. Rita Moss called “long "
     "overdue.”", "Rita Moss", "long overdue."),
    ("Ana Ruiz offered what she calls “real solutions” for the port.", "Ana Ruiz",
     "real solutions"),
    ("The war began in what Tom Berg, a historian, called “hand-to-hand combat.”", "Tom Berg",
     "hand-to-hand combat."),
])
def test_which_someone_called_in_quoted_words_is_their_claim(text: str, speaker: str,
                                                            words: str) -> None:
    """"…, which Coun. Rita Moss called “long overdue.”": the quoted words are hers, of
    the thing "which" stands for (the words alone; the record had been lost)."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found][-1:] == [(speaker, words)], show(found)


@pytest.mark.parametrize("gloss", ["a 5-4 decision that privacy groups hailed as a win",
                                   "a move that could trigger an election"])
def test_the_reporters_gloss_of_the_act_closing_a_claim_is_no_part_of_it(gloss: str) -> None:
    """"The court ruled that police need a warrant, a 5-4 decision that privacy groups
    hailed as a win.": the reporter's gloss of the ruling, not the court's words."""
    found = records(f"The court ruled Friday that police need a warrant, {gloss}.")
    assert [q.text for q in found] == ["police need a warrant"], show(found)


def test_an_apposition_of_the_claims_own_words_stays() -> None:
    found = records("Ana Ruiz said the city needs a plan, a plan that works for renters.")
    assert [q.text for q in found] == ["the city needs a plan, a plan that works for renters"], (
        show(found))


@pytest.mark.parametrize("text", [
    "Neither campaign would respond to the new claims or a list of questions sent to them.",
    "Ana Ruiz responded to reports that the mill would close.",
    "Tom Berg responded to that post by calling the mayor a fraud.",
])
def test_what_someone_responded_to_is_no_claim(text: str) -> None:
    """"responded to reports that the mill would close": the reports' claim, not hers."""
    found = records(text)
    assert all(q.cue != "responded" and q.cue != "respond" for q in found), show(found)


@pytest.mark.parametrize("verb", ["shouted", "yelled", "whispered"])
def test_a_claim_shouted_or_whispered(verb: str) -> None:
    """"One man shouted that officials had “abandoned us.”": a claim, as "said that" is."""
    found = records(f"One man {verb} that officials had abandoned the town.")
    assert [(q.speaker, q.text) for q in found] == [
        ("One man", "officials had abandoned the town")], show(found)


def test_shouted_at_someone_is_no_claim() -> None:
    assert records("A protester yelled at the mayor as he left the hall.") == []


def test_a_statement_calling_on_someone_is_its_issuers_request() -> None:
    """"The coalition issued a statement calling on Ottawa to act": its request (lost)."""
    found = records("The coalition issued a statement calling on Ottawa to act quickly.")
    assert [(q.speaker, q.text) for q in found] == [
        ("The coalition", "Ottawa to act quickly")], show(found)


def test_a_petition_calling_on_someone_is_no_ones_claim() -> None:
    assert records("A petition calling on him to resign has reached 100,000 signatures.") == []

def test_what_others_have_long_called_is_no_claim() -> None:
    """"… closed what tenant groups have long called the “new-build loophole.”": a label
    the reporter uses, with no speaker phrase of its own."""
    found = records("Rents rose after the council closed what tenant groups have long called "
                    "the “new-build loophole.”")
    assert found == [], show(found)


@pytest.mark.parametrize("place", ["Saint John, N.B.", "Sudbury, Ont."])
def test_a_place_and_its_province_before_a_participle_are_not_its_speaker(place: str) -> None:
    """"… cancelled its crossings between Digby and Saint John, N.B., citing high winds":
    the line cites them, not "Saint John" with the role "N.B." (a wrong speaker)."""
    found = records(f"Harbour Lines cancelled its crossings between Digby and {place}, citing "
                    "high winds and rough seas.")
    assert [q.speaker for q in found] == ["Harbour Lines"], show(found)


@pytest.mark.parametrize(("text", "claim"), [("Tom Berg said sales fell.", "sales fell"),
                                             ("Ana Ruiz said that she agreed.", "she agreed")])
def test_a_claim_of_a_subject_and_its_verb_alone(text: str, claim: str) -> None:
    """"Tom Berg said sales fell.": two words, but a clause (a claim needed three)."""
    assert [q.text for q in records(text)] == [claim], show(records(text))


@pytest.mark.parametrize("text", ["Tom Berg said goodbye.", "Tom Berg recalled him saying.",
                                  "It raised double what Ana Ruiz said she anticipated."])
def test_two_words_that_are_no_clause_are_no_claim(text: str) -> None:
    assert records(text) == [], show(records(text))


@pytest.mark.parametrize("credit", ["Ana Ruiz said, while residents waited for help",
                                    "Transport Minister Ana Ruiz said Friday, as residents "
                                    "waited for help"])
def test_a_clause_of_time_after_a_closing_credit_is_the_reporters(credit: str) -> None:
    """"Crews have not reached the village, Ana Ruiz said, while residents waited": the
    time clause is no second part of her claim (it was joined to it, or lost it)."""
    found = records(f"Crews have not reached the village, {credit}.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "Crews have not reached the village")], show(found)


def test_asking_that_ones_name_not_be_used_is_no_claim() -> None:
    """"A teacher, who asked that her name not be used …, said …": the reporter's
    account of anonymity, not a claim of hers (it had been one)."""
    found = records("A teacher, who asked that her name not be used because she fears "
                    "discipline, said the policy is ignored.")
    assert [q.text for q in found] == ["the policy is ignored"], show(found)


def test_arguing_that_someones_name_should_not_appear_is_a_claim() -> None:
    found = records("Two objectors argued his name should not appear on the ballot.")
    assert [q.text for q in found] == ["his name should not appear on the ballot"], show(found)
