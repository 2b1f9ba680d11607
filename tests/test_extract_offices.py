"""An office written before a name ("Fire Chief Raymond Bouchard", "Health Minister Jane
Doe") keeps the words that say which office it is: a later "the fire chief" is that
person, and the record's role says "fire chief"; a person's name or a courtesy title
before it is no part of the office. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("office", "description", "role"), [
    ("Fire Chief", "the fire chief", "fire chief"),
    ("Health Minister", "the health minister", "health minister"),
    ("Health Minister", "the minister", "health minister"),
])
def test_a_later_description_of_the_office_is_its_holder(office: str, description: str,
                                                         role: str) -> None:
    found = records(f"{office} Raymond Bouchard arrived at the scene at noon.\n\n"
                    f"“The roof fell in before we got here,” {description} said.")
    assert [(q.speaker, q.role, q.resolved_by) for q in found] == [
        ("Raymond Bouchard", role, "title")], show(found)


def test_another_office_of_the_same_title_is_someone_else() -> None:
    found = records("Fire Chief Raymond Bouchard arrived at the scene at noon.\n\n"
                    "“The roof fell in before we got here,” the police chief said.")
    assert [q.speaker for q in found] == ["the police chief"], show(found)


def test_a_persons_name_before_the_office_is_not_part_of_it() -> None:
    found = records("Tom Berg named a new cabinet on Monday. Berg Education Secretary Ana "
                    "Ruiz was sworn in first.\n\n“We are ready,” the secretary said.")
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", "education secretary")], show(
        found)


@pytest.mark.parametrize(("opening", "description"), [
    ("Defence lawyer Tom Berg", "the defence lawyer"),
    ("Crown prosecutor Tom Berg", "the Crown prosecutor"),
])
def test_a_capitalised_word_before_a_role_fits_a_later_description(opening: str,
                                                                   description: str) -> None:
    found = records(f"{opening} told the court the man was at home that night.\n\n"
                    f"“He could not have been there,” {description} said.")
    assert [q.speaker for q in found] == ["Tom Berg", "Tom Berg"], show(found)


@pytest.mark.parametrize(("title", "role"), [("Reeve", "reeve"), ("Warden", "warden")])
def test_a_rural_municipalitys_head_is_a_title(title: str, role: str) -> None:
    """A township's reeve and a county's warden are titles like "Mayor": split off the
    name, and "the reeve" later is the same person."""
    found = records(f"{title} Dana Lowe said the township would appeal the ruling.\n\n"
                    f"“We have no choice,” the {role} said.")
    assert [(q.speaker, q.role) for q in found] == [("Dana Lowe", role)] * 2, show(found)


@pytest.mark.parametrize(("text", "role"), [
    ("Ward 4 Coun. Ana Ruiz said the ferry budget was too small.", "Ward 4 councillor"),
    ("“The budget is too small,” said Ward 4 Coun. Ana Ruiz.", "Ward 4 councillor"),
    ("“The budget is too small,” said District 7 Trustee Ana Ruiz.", "District 7 Trustee"),
    ("District 7 Trustee Ana Ruiz said the ferry budget was too small.", "District 7 Trustee"),
    ("“The budget is too small,” School District 94 Supt. Ana Ruiz said.",
     "School District 94 superintendent"),
    ("“The budget is too small,” said Grade 11 student Ana Ruiz.", "Grade 11 student"),
    ("Local 113 president Ana Ruiz said the ferry budget was too small.", "Local 113 president"),
])
def test_a_numbered_ward_before_an_office_is_the_offices(text: str, role: str) -> None:
    """"Ward 4 Coun.", "District 7 Trustee": the ward and its number are the office's,
    neither cut from the role nor taken for the speaker ("District")."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", role)], show(found)


@pytest.mark.parametrize(("text", "role"), [
    ("“The fee will rise,” said Provost Dr. Ana Ruiz.", "Provost"),
    ("Director of Education Dr. Ana Ruiz said the fee would rise.", "Director of Education"),
])
def test_an_office_before_a_courtesy_title_is_the_role(text: str, role: str) -> None:
    """"Provost Dr. Ana Ruiz": "Dr." is how she is addressed, the office before it is her
    role (not "provost doctor", nor "doctor" alone)."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", role)], show(found)


def test_a_courtesy_title_after_a_phrase_gives_no_office() -> None:
    """The words between a phrase's preposition and "Mr." are no office: not "Education"."""
    found = records("Undersecretary for Education Mr. Tom Berg says the fee will rise.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", None)], show(found)


@pytest.mark.parametrize(("office", "role"), [("Environment Minister", "environment minister"),
                                              ("Government House Leader",
                                               "government house leader")])
def test_a_ministry_ending_in_ment_opens_the_office(office: str, role: str) -> None:
    """"Environment", "Government" end like "student" but name no one: the office is
    whole, and a claim credited to it at the sentence's end is found."""
    found = records(f"Households will get more, {office} Raj Sidhu said.")
    assert [(q.speaker, q.role) for q in found] == [("Raj Sidhu", role)], show(found)


@pytest.mark.parametrize("text", [
    "NDP MLA for Cole Harbour Ana Ruiz said the clinic would close.",
    "“The clinic will close,” said NDP MLA for Cole Harbour Ana Ruiz.",
    "“The clinic will close,” NDP MLA for Cole Harbour Ana Ruiz said on Friday.",
])
def test_a_district_office_then_the_holders_name(text: str) -> None:
    """"NDP MLA for Cole Harbour Ana Ruiz": the district's name runs into the holder's,
    capitalised both; the holder speaks (her last two words), the office with its district
    is her role, not "NDP MLA" as a name nor "Cole Harbour Ana Ruiz"."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", "NDP MLA for Cole Harbour")], (
        show(found))


def test_the_holder_of_a_district_office_is_known_by_surname_after() -> None:
    found = records("Liberal MP for Harbour Tom Berg said the ferry would run.\n\n"
                    "“It is a lifeline,” Berg said.")
    assert [(q.speaker, q.role) for q in found] == [("Tom Berg", "Liberal MP for Harbour")] * 2, (
        show(found))


@pytest.mark.parametrize(("text", "speaker"), [
    ("The local MLA said the clinic would close.", "The local MLA"),
    ("The Liberal MP for Harbour said the clinic would close.", "The Liberal MP for Harbour"),
    ("“The clinic will close,” the MLA said.", "the MLA"),
])
def test_a_legislators_abbreviation_is_an_office_not_a_name(text: str, speaker: str) -> None:
    """"the local MLA", "The Liberal MP for Harbour": capitals as "UNICEF" has, but an
    office: the description is whole, not a body named "MLA" or "Liberal MP"."""
    found = records(text)
    assert [(q.speaker, q.resolved_by) for q in found] == [(speaker, "description")], show(found)


def test_a_legislators_abbreviation_before_a_name_is_the_role() -> None:
    found = records("Liberal MP Ana Ruiz said the clinic would close. UNICEF said it would help.")
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", "liberal mp"),
                                                    ("UNICEF", None)], show(found)


@pytest.mark.parametrize("portfolio", ["Housing", "Mining", "Training"])
def test_a_portfolio_in_ing_opens_the_office_after_a_quote(portfolio: str) -> None:
    """"Housing Minister Ana Ruiz told reporters" after a quote: a capitalised -ing word
    before a title is the portfolio, not a participle ("Speaking Tuesday, …")."""
    found = records(f"“That ends with this bill,” {portfolio} Minister Ana Ruiz told reporters.")
    assert [(q.kind, q.speaker, q.role) for q in found] == [
        ("direct", "Ana Ruiz", f"{portfolio.lower()} minister")], show(found)


def test_a_participle_opening_a_sentence_is_still_no_name() -> None:
    found = records("“That ends with this bill,” Ana Ruiz told reporters. Speaking Tuesday, "
                    "Tom Berg said taxes would fall.")
    assert [q.speaker for q in found] == ["Ana Ruiz", "Tom Berg"], show(found)


@pytest.mark.parametrize("text", [
    "“We know this is difficult,” said NB Energy president and CEO Lori-Ann Comeau.",
    "“We know this is difficult,” NB Energy president and CEO Lori-Ann Comeau said.",
    "“We know this is difficult,” said Harbour Power chair and CEO Lori-Ann Comeau.",
])
def test_two_offices_joined_by_and_before_a_name_are_the_persons(text: str) -> None:
    """"president and CEO Lori-Ann Comeau": the CEO is Comeau; the quote had been the
    company's, or nobody's."""
    found = records(text)
    assert [(q.speaker, (q.role or "").lower().endswith("and ceo")) for q in found] == [
        ("Lori-Ann Comeau", True)], show(found)


@pytest.mark.parametrize(("text", "role"), [
    ("Health and Wellness Minister Ann Roy said the clinic will open in May. “We are "
     "ready,” Roy said.", "health and wellness minister"),
    ("The report was tabled. Agriculture and Irrigation Minister Ann Roy said the program "
     "will open. “We are ready,” said Roy.", "agriculture and irrigation minister"),
    ("“We are ready,” said Health and Wellness Minister Ann Roy. Roy said the clinic will "
     "open in May.", "health and wellness minister"),
    ("Mental Health and Addictions Minister Ann Roy said the clinic will open. “We are "
     "ready,” Roy said.", "mental health and addictions minister"),
])
def test_an_office_of_two_portfolios_is_one_office(text: str, role: str) -> None:
    """"Health and Wellness Minister Ann Roy" is Ann Roy, not "Health and Ann Roy", and
    her office names both portfolios."""
    found = records(text)
    assert [(q.speaker, q.role) for q in found] == [("Ann Roy", role)] * 2, show(found)


def test_a_person_and_a_minister_still_speak_together() -> None:
    found = records("Tom Berg and Health Minister Ann Roy said the clinic will open.")
    assert [q.speaker for q in found] == ["Tom Berg and Ann Roy"], show(found)


@pytest.mark.parametrize("office", ["Auditor-General", "Attorney-General", "Vice-President",
                                    "Vice-Chief"])
def test_a_hyphenated_office_before_a_name_is_the_role(office: str) -> None:
    """"Auditor-General Priya Raghunathan" is Raghunathan, so that a later "Ms.
    Raghunathan" is the same person, not a speaker named "Auditor-General …"."""
    found = records(f"{office} Priya Raghunathan said the board had failed its members. "
                    "“Here, they grew,” Ms. Raghunathan said.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Priya Raghunathan", office.lower())] * 2, show(found)


@pytest.mark.parametrize(("opening", "description", "speaker"), [
    ("Det. Sgt. Ravi Sandhu", "the detective", "Ravi Sandhu"),
    ("OPP Det. Const. Wendy Zhao", "the officer", "Wendy Zhao"),
    ("Cpl. Ana Ruiz", "the officer", "Ana Ruiz"),
])
def test_a_police_rank_is_the_detective_or_the_officer(opening: str, description: str,
                                                       speaker: str) -> None:
    """"Det. Sgt. Ravi Sandhu … the detective said": news calls a police rank "the
    officer", a detective's rank "the detective", though neither word is the title's."""
    found = records(f"{opening} testified that the door was open.\n\n"
                    f"“It was open,” {description} said.")
    assert [q.speaker for q in found] == [speaker, speaker], show(found)


def test_a_ledes_title_is_the_holder_the_story_names_next() -> None:
    """"…, and the chief says she has stopped believing promises." then "Chief Marlene
    Whitecalf-Okemasis said": the lede's chief is her, as no one was named before."""
    found = records("Families have boiled their water for three years, and the chief says she "
                    "has stopped believing promises.\n\n“Every spring they tell us next "
                    "spring,” Chief Marlene Whitecalf-Okemasis said.")
    assert [q.speaker for q in found] == ["Marlene Whitecalf-Okemasis"] * 2, show(found)



@pytest.mark.parametrize(("lede", "named"), [
    ("Canada's health minister", "Health Minister Patty Hajek"),
    ("The province's top doctor", "Dr. Patty Hajek"),
    ("Manitoba’s top doctor", "Dr. Patty Hajek, the chief public health officer,"),
    ("The city's mayor", "Mayor Patty Hajek"),
])
def test_a_place_s_office_in_the_lede_is_the_holder_named_next(lede: str, named: str) -> None:
    """"Canada's health minister says …" then "Health Minister Patty Hajek told …": a lede
    says whose office it is by place ("the province's top doctor"), then names her."""
    found = records(f"{lede} says the vaccine will arrive late.\n\n{named} told reporters "
                    "on Tuesday that deliveries had been delayed.")
    assert [q.speaker for q in found] == ["Patty Hajek"] * 2, show(found)


@pytest.mark.parametrize(("lede", "named"), [
    ("Canada's health minister", "Finance Minister Patty Hajek"),
    ("The province's top doctor", "Patty Hajek, a nurse,"),
    ("Berg's doctor", "Dr. Patty Hajek"),
])
def test_a_place_s_office_is_no_other_holder(lede: str, named: str) -> None:
    found = records(f"{lede} says the vaccine will arrive late.\n\n{named} told reporters "
                    "on Tuesday that deliveries had been delayed.")
    assert [q.speaker for q in found][0] == lede, show(found)

def test_a_title_after_someone_named_is_not_the_holder_named_later() -> None:
    """"Christie said … The governor claimed …" then "Ohio Gov. John Kasich": the governor
    may be the one already named, so no guess forward."""
    found = records("Tom Berg spoke in Concord. The governor claimed that crime has gone "
                    "down.\n\nOhio Gov. Ana Ruiz said crime has gone up.")
    assert [q.speaker for q in found] == ["The governor", "Ana Ruiz"], show(found)


@pytest.mark.parametrize("text", ["Tom Lee and MPP Ann Berg both said they would vote.",
                                  "Tom Lee and MPP Ann Berg said they would vote."])
def test_a_name_and_a_legislator_speak_together(text: str) -> None:
    """"Tom Lee and MPP Ann Berg said …": both, as with "Mayor Ann Berg"; it had been
    nothing, or Ann Berg alone (half the speakers: a claim given to one of two)."""
    found = records(text)
    assert [q.speaker for q in found] == ["Tom Lee and Ann Berg"], show(found)


@pytest.mark.parametrize("text", [
    "Tom Lee and Independent MPP Ann Berg said they would vote.",
    "Councillor Tom Lee and Independent MPP Ann Berg both said they would vote.",
])
def test_a_name_and_an_independent_legislator_speak_together(text: str) -> None:
    """"Independent" before "MPP" is her office's, though the word is also a role noun's
    shape ("resident", "student"): it had left her office "independent", or no record."""
    found = records(text)
    assert [q.speaker for q in found] == ["Tom Lee and Ann Berg"], show(found)


def test_an_independent_legislators_office() -> None:
    found = records("Independent MPP Ann Berg said she would vote.")
    assert [(q.speaker, q.role) for q in found] == [("Ann Berg", "independent mpp")], show(found)


@pytest.mark.parametrize(("title", "later"), [("Premier-designate", "the premier-designate"),
                                              ("Mayor-elect", "the mayor-elect"),
                                              ("President-elect", "the president-elect")])
def test_an_office_yet_to_be_taken_is_a_title(title: str, later: str) -> None:
    """"Premier-designate Ana Ruiz said …" then "the premier-designate said": a title, with
    its role, not a compound modifier cut off ("South Korean-born Ana Ruiz")."""
    found = records(f"{title} Ana Ruiz said the cabinet would be small.\n\n“It will be "
                    f"lean,” {later} said.")
    assert [(q.speaker, q.role) for q in found] == [("Ana Ruiz", title.lower())] * 2, show(found)


@pytest.mark.parametrize("body", ["Union of Ontario Indians", "Assembly of Manitoba Chiefs"])
def test_a_rank_after_a_bodys_name_is_the_offices(body: str) -> None:
    """"Union of Ontario Indians Grand Chief Dana Moosomin …" then "the Grand Chief said":
    the body's name runs into the office, whose rank is still "grand" (the quote had been
    left "the Grand Chief")."""
    found = records(f"{body} Grand Chief Dana Moosomin was less diplomatic.\n\n“This is a "
                    "betrayal,” the Grand Chief said.")
    assert [(q.speaker, q.role) for q in found] == [("Dana Moosomin", "grand chief")], show(found)
