"""What is not a role: words of the sentence's own around a name ("Ruiz, however,",
"Neither Tom Berg nor …", "Perhaps Mr. Berg's …"), and how an office written in title
case before a name reads ("Senate Majority Leader Tom Berg"). Every sentence and name
is invented."""

from __future__ import annotations

import pytest
from expect import records, show

from quoteidx.attributing.names import clean_role
from quoteidx.record import Quote


def roles(text: str) -> list[tuple[str | None, str | None]]:
    found: list[Quote] = records(text)
    assert found, show(found)
    return [(q.speaker, q.role) for q in found]


@pytest.mark.parametrize("word", ["however", "meanwhile", "too"])
def test_a_word_set_off_after_the_name_is_no_role(word: str) -> None:
    assert roles(f"Ana Ruiz, {word}, said the bill was not ready.") == [("Ana Ruiz", None)]


def test_however_after_the_name_crediting_a_quote_is_no_role() -> None:
    assert roles("“It is not ready,” Ana Ruiz, however, said.") == [("Ana Ruiz", None)]


def test_a_name_then_however_still_opens_the_sentence_on_that_person() -> None:
    """ "Berg, however, wasted no time": Berg is the subject a later "he" may mean, as
    with a role in the commas ("Berg, a lawyer, wasted …")."""
    text = ("Ted Cruz declined to answer on stage, saying it was for voters to judge.\n"
            "Tom Berg, however, wasted no time responding.\n"
            "“If you noticed, he did not answer your question,” he said of Cruz.")
    quote = records(text)[-1]
    assert (quote.speaker, quote.role, quote.resolved_by) == ("Tom Berg", None, "pronoun")


def test_neither_before_a_name_is_no_role() -> None:
    text = ("Neither Tom Berg nor Ana Ruiz would respond to the claims.\n\n"
            "“I never lied,” Berg said.")
    assert roles(text) == [("Tom Berg", None)]


@pytest.mark.parametrize("opening", [
    "Perhaps Mr. Berg's most surprising claim was about the port.",
    "What Mr. Berg has seen since then is a lot.",
])
def test_a_word_opening_the_sentence_before_a_title_is_no_role(opening: str) -> None:
    assert roles(opening + " Berg said the bill was dead.") == [("Berg", None)]


def test_an_office_in_title_case_ends_at_its_title() -> None:
    """ "Senate Majority Leader Tom Berg": the office runs to "Leader", the name is Tom
    Berg; a party before an abbreviated title reads as the office it is."""
    assert roles("“The bill is dead,” said Senate Majority Leader Tom Berg.") == [
        ("Tom Berg", "Majority Leader")]
    text = "Republican Sen. Tom Berg spoke at noon.\n\n“The bill is dead,” he said."
    assert roles(text) == [("Tom Berg", "Republican senator")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Canadian Medical Association said the plan was flawed.",
     "Canadian Medical Association"),
    ("Canadian Pacific Railway said the train was delayed by weather.",
     "Canadian Pacific Railway"),
    ("Canadian Tire Corp. says it will close five stores.", "Canadian Tire Corp."),
    ("General Motors said it would close the plant in the spring.", "General Motors"),
])
def test_the_first_word_of_a_body_is_part_of_its_name(text: str, speaker: str) -> None:
    """A nationality or a title opening a body's name is no role of a person named by
    the rest ("Canadian Medical Association" is not a Canadian called "Medical
    Association")."""
    assert roles(text) == [(speaker, None)]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Canadian doctor Ana Ruiz said the plan was flawed.", "Ana Ruiz", "Canadian doctor"),
    ("Gen. Tom Berg said the base would close in the spring.", "Tom Berg", "general"),
])
def test_a_role_or_title_before_a_persons_name_is_still_split_off(
        text: str, speaker: str, role: str) -> None:
    assert roles(text) == [(speaker, role)]


@pytest.mark.parametrize("text", [
    "Tom Berg, who's running for mayor, said the road must be fixed.",
    "Tom Berg, known to everyone as Tommy, said the road must be fixed.",
    "These days, Mr. Berg's remarks can be plodding, even rambling at times.\n\n"
    "“We will win,” Mr. Berg said.",
])
def test_a_clause_or_a_time_in_commas_is_no_role(text: str) -> None:
    """What the commas hold here says something about him or sets a time; it is not
    what he is, so he has no role."""
    [(_speaker, role)] = roles(text)
    assert role is None


@pytest.mark.parametrize("words", [
    "dedicating the new library on Saturday", "speaking at a rally", "who's running",
    "known as Tommy", "These days"])
def test_words_that_are_no_role_are_cleaned_away(words: str) -> None:
    """What the commas around a name held, read as a role: a participle with its object
    or place ("dedicating the new library", whose noun "library" would be taken for what
    she is), a clause, a time."""
    assert clean_role(words) is None


@pytest.mark.parametrize(("text", "role"), [
    ("Ana Ruiz, managing director of the bank, said the road must be fixed.",
     "managing director of the bank"),
    ("Ana Ruiz, the ranking Democrat on the committee, said the road must be fixed.",
     "ranking Democrat on the committee"),
])
def test_a_role_opening_with_an_ing_word_stays(text: str, role: str) -> None:
    assert roles(text) == [("Ana Ruiz", role)]
    assert clean_role(role) == role


def test_the_subject_before_a_credit_in_commas_is_no_role() -> None:
    """ "The museum, Mr. Berg said, celebrated …" is his claim about the museum, not
    "Its chair, Ana Ruiz, said …": the museum is not what Berg is."""
    text = ("Tom Berg opened the hall on Monday.\n\n"
            "The museum, Mr. Berg said, celebrated several of his heroes.")
    [claim] = records(text)
    assert (claim.speaker, claim.role) == ("Tom Berg", None)
    assert claim.text == "The museum celebrated several of his heroes"
    assert roles("Its chair, Ana Ruiz, said the museum would open in May.") == [
        ("Ana Ruiz", "chair")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Jane Smith of the hospital said the number of cases rose.", "Jane Smith", "hospital"),
    ("Paul Kowalczyk of the detachment said the number of cases rose.", "Paul Kowalczyk",
     "detachment"),
    ("Chief Rosalind Kakegamic of Neskantaga First Nation says the plant broke down.",
     "Rosalind Kakegamic", "chief"),
])
def test_a_person_of_a_body_speaks_with_the_body_as_role(
        text: str, speaker: str, role: str) -> None:
    """ "Jane Smith of the hospital said": she speaks, where she works is her role; a
    body's name with "First" in it is one name ("Neskantaga First Nation"), never the
    speaker "Nation"."""
    assert roles(text) == [(speaker, role)]


def test_a_bodys_own_of_stays_in_its_name() -> None:
    assert roles("The Bank of Canada said the number of cases rose.") == [
        ("Bank of Canada", None)]
    assert roles("Neskantaga First Nation says the plant broke down.") == [
        ("Neskantaga First Nation", None)]


def test_only_an_abbreviated_title_closing_a_role_is_spelled_out() -> None:
    assert clean_role("Republican Sen.") == "Republican senator"
    assert clean_role("organizer with the Coalition for Real Justice") == (
        "organizer with the Coalition for Real Justice")


def test_the_sentences_verb_after_its_subject_is_no_role() -> None:
    """ "Ana Ruiz, …, grew up on the rock until she left at 14." has no role after the
    name: "grew up …" is what she did (it was her role, its age cut off); "His
    daughter" before the name is her role."""
    text = ("His daughter, Nathalie Leblanc, grew up on the rock until she left at 14.\n\n"
            "“It was a hard place to grow up,” Nathalie Leblanc said.")
    assert roles(text) == [("Nathalie Leblanc", "daughter")]
    assert roles("Ana Ruiz, research director for Acme Labs, said the tests were late.") == [
        ("Ana Ruiz", "research director for Acme Labs")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("The director of education, Dr. Sam Achter, disputed the figures. "
     "He said the schools were full.", "Sam Achter", "director of education"),
    ("The minister of public safety, Jane Doe, said the border was secure.",
     "Jane Doe", "minister of public safety"),
    ("“The border is secure,” said the minister of public safety, Sam Achter.",
     "Sam Achter", "minister of public safety"),
])
def test_an_office_of_something_then_the_name_in_commas(text: str, speaker: str, role: str
                                                        ) -> None:
    assert roles(text) == [(speaker, role)]


def test_a_writing_of_something_before_the_subject_is_no_office() -> None:
    [claim] = records("According to a summary of its inquiry, Ana Ruiz, a top aide, sent an "
                      "email to the employee.")
    assert claim.speaker == "a summary of its inquiry", show([claim])


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("The company behind the project, Acme Ltd., said the work would finish in May.",
     "Acme Ltd.", "company behind the project"),
    ("The woman behind the campaign, Ana Ruiz, said it had 4,000 names.",
     "Ana Ruiz", "woman behind the campaign"),
    ("“It had 4,000 names,” said the woman behind the campaign, Ana Ruiz.",
     "Ana Ruiz", "woman behind the campaign"),
])
def test_the_one_behind_something_then_the_name(text: str, speaker: str, role: str) -> None:
    assert roles(text) == [(speaker, role)]


@pytest.mark.parametrize(("credit", "role"), [
    ("Ruiz spokesman Tom Berg said", "Ruiz spokesman"),
    ("Opposition leader Tom Berg said on Tuesday", "Opposition leader"),
])
def test_the_capitalised_word_opening_a_credit_before_a_role_is_the_roles(credit: str,
                                                                         role: str) -> None:
    found = records(f"“The ferry plan is a dark cloud over the island,” {credit}.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", role)], show(found)


@pytest.mark.parametrize("body", ["Canadian Red Cross", "Vancouver Coastal Health",
                                  "Canadian Blood Services"])
def test_a_word_that_ends_like_a_role_opens_a_bodys_name(body: str) -> None:
    """A nation's word or a city's name ending like "researcher" opens a body's name:
    the whole body speaks, nothing is split off as its role."""
    found = records(f"The {body} says it has sent 40 workers to the flooded towns.")
    assert [(q.speaker, q.role) for q in found] == [(body, None)], show(found)


@pytest.mark.parametrize(("phrase", "speaker", "role"), [
    ("Italian Prime Minister Ana Ruiz", "Ana Ruiz", "italian prime minister"),
    ("Canadian Dana Lowe", "Dana Lowe", "canadian"),
])
def test_a_nations_word_before_a_person_is_still_a_role(phrase: str, speaker: str, role: str
                                                        ) -> None:
    found = records(f"{phrase} said the talks would resume in March.")
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


@pytest.mark.parametrize(("phrase", "role"), [
    ("Silver Lake Mayor Ted Lindqvist", "silver lake mayor"),
    ("Walker County Sheriff Ted Lindqvist", "walker county sheriff"),
    ("Mauritanian Defence Minister Ted Lindqvist", "mauritanian defence minister"),
])
def test_a_place_ending_like_a_role_before_an_office_is_the_offices(phrase: str, role: str
                                                                     ) -> None:
    """"Silver", "Walker" end like "researcher", but before another capitalised word and
    an office they open the place or the body whose office it is: the role is whole."""
    found = records(f"“We expect a long week,” {phrase} said.")
    assert [(q.speaker, q.role) for q in found] == [("Ted Lindqvist", role)], show(found)


@pytest.mark.parametrize(("credit", "speaker", "role"), [
    ("state Sen. Dana Lowe (D) said", "Dana Lowe", "state senator"),
    ("former Gov. Omar Haddad said", "Omar Haddad", "former governor"),
    ("state officials said", "state officials", None),
])
def test_state_after_a_quote_is_no_speech_verb(credit: str, speaker: str, role: str | None
                                               ) -> None:
    """"state" after a quote can be the verb ("“…,” state the authors") but before a
    noun or a title it is what the speaker is; a title opening the name ends the role."""
    found = records(f"“The bill is dead,” {credit}.")
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Defence lawyer Tom Berg said the charge would not stand up in court.",
     "Tom Berg", "Defence lawyer"),
    ("Toronto police Const. Dana Lowe said the driver fled the scene on foot.",
     "Dana Lowe", "Toronto police constable"),
    ("The charge will not stand up in court, former Crown attorney Tom Berg said Monday.",
     "Tom Berg", "former Crown attorney"),
    ("Fares will rise in May, former Mayor Dana Lowe said this week.",
     "Dana Lowe", "former Mayor"),
])
def test_role_words_before_a_name_read_back_from_the_verb_are_whole(
        text: str, speaker: str, role: str) -> None:
    """The capitalised word opening the sentence and a title opening the name belong to
    the role read back from "said", as they do read forward after a quote."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [(speaker, role)], show(found)


@pytest.mark.parametrize(("opening", "role"), [("City manager", "City manager"),
                                               ("Republican presidential candidate",
                                                "Republican presidential candidate")])
def test_the_sentences_first_word_stays_in_the_role_on_later_mentions(opening: str, role: str
                                                                      ) -> None:
    """"City manager Ana Ruiz said …" then "“…,” Ruiz said": the role the document gave
    her, read back for the bare surname, keeps the capitalised first word."""
    found = records(f"{opening} Ana Ruiz said the budget was tight.\n\n"
                    "“We have no room,” Ruiz said.")
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", role)] * 2, show(found)


@pytest.mark.parametrize(("role", "cleaned"), [
    ("a retired school principal first elected in 2018",
     "retired school principal first elected in 2018"),
    ("Local 311", "Local 311"),
    ("a nurse, 34", "nurse"),
])
def test_a_year_or_a_number_naming_something_stays_in_the_role(role: str, cleaned: str
                                                               ) -> None:
    """An age after a comma is no role ("a nurse, 34"), but a year or a number that names
    something is the role's ("first elected in 2018", "Local 311")."""
    assert clean_role(role) == cleaned


@pytest.mark.parametrize("text", [
    "Dalia Haddad said taxes would fall.\n\nA spokesperson for Haddad, Kevin Osei, said the "
    "vote was Monday.",
    "Governor Dalia Haddad said taxes would fall. Rivals Haddad, Kevin Osei and Tom Berg "
    "campaigned on Monday.",
])
def test_another_persons_name_after_a_comma_is_no_role(text: str) -> None:
    """"…for Haddad, Kevin Osei, said": Osei is someone else, not what Haddad is."""
    found = records(text)
    assert found[0].speaker == "Dalia Haddad" and found[0].role in (None, "governor"), show(found)


def test_the_sentences_own_verb_after_the_name_is_no_role() -> None:
    """"Its president, Gordon McTavish, went further.": "went further" is what he did;
    the role is the one before his name."""
    found = records("The alliance’s president, Gordon McTavish, went further.\n\n"
                    "McTavish said it was over.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Gordon McTavish", "alliance’s president")], show(found)


def test_a_clause_before_a_name_in_commas_is_no_role() -> None:
    """"The court also heard from the informant, Dale Fitzpatrick, who testified": the
    role is "informant", not "court also heard from the informant"."""
    found = records("The court also heard from the informant, Dale Fitzpatrick, who "
                    "testified that Roy had confessed to him.")
    assert [(q.speaker, q.role) for q in found] == [("Dale Fitzpatrick", "informant")], show(
        found)


@pytest.mark.parametrize(("role", "expected"), [("press attaché", "press attaché"),
                                                ("special envoy", "special envoy")])
def test_an_attache_or_an_envoy_before_a_name_is_the_role(role: str, expected: str) -> None:
    found = records(f"Asked about the order, {role} Yasmine Haddad said the ministry does not "
                    "comment on hypotheticals.")
    assert [(q.speaker, q.role) for q in found] == [("Yasmine Haddad", expected)], show(found)
