"""The extractor on small texts of our own, one construction of news writing each.

Every sentence and name here is invented. Each test pins what a user relies on: that the
quote is found (or, for the not-quotations, that it is not), who said it, its kind, and
that its text is what lies between its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from expect import assert_provenance, show, the_record

from quoteidx.extract import extract_document, extract_text
from quoteidx.reading import read_file, read_text
from quoteidx.record import Quote

PRONOUNS = {"i", "we", "he", "she", "they", "him", "her", "his", "it", "you", "me", "us"}


def extract(text: str) -> list[Quote]:
    return extract_text(text)


def words(text: str) -> str:
    """A quote's words without the spaces and punctuation that may hug its marks."""
    return text.strip().rstrip(",").strip()


def assert_spans_match(text: str, quotes: list[Quote]) -> None:
    document = read_text(text)
    for record in quotes:
        assert_provenance(document.text, record)


# ---------------------------------------------------------------------------------------
# Quote marks

MARKS = [
    pytest.param("“", "”", id="curly-double"),
    pytest.param('"', '"', id="straight-double"),
    pytest.param("‘", "’", id="curly-single"),
    pytest.param("«", "»", id="guillemets"),
    pytest.param("« ", " »", id="guillemets-spaced"),
    pytest.param("„", "“", id="german-low-high"),
    pytest.param("''", "''", id="nyt-double-apostrophe"),
]


@pytest.mark.parametrize(("opening", "closing"), MARKS)
def test_quote_after_its_words_in_any_marks(opening: str, closing: str) -> None:
    text = (
        "The harbour reopened on Tuesday after the storm.\n\n"
        f"{opening}The boats will sail again tomorrow morning,{closing} said Ingrid "
        "Solberg, the harbour master."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "The boats will sail again tomorrow morning")
    assert record.kind == "direct"
    assert words(record.text) == "The boats will sail again tomorrow morning"
    assert record.speaker == "Ingrid Solberg"
    assert len(quotes) == 1, show(quotes)


@pytest.mark.parametrize(("opening", "closing"), MARKS)
def test_quote_after_a_colon_in_any_marks(opening: str, closing: str) -> None:
    text = (
        "Ingrid Solberg, the harbour master, said: "
        f"{opening}The boats will sail again tomorrow morning.{closing}"
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "The boats will sail again tomorrow morning")
    assert record.kind == "direct"
    assert record.speaker == "Ingrid Solberg"


# ---------------------------------------------------------------------------------------
# Apostrophes are not marks

APOSTROPHES = [
    pytest.param(
        "“We didn’t expect the Talibs’ convoy so early,” said Hamid Sadr.",
        "We didn’t expect the Talibs’ convoy so early",
        "Hamid Sadr",
        id="elision-and-plural-possessive",
    ),
    pytest.param(
        "Clara Wendt, the mayor’s deputy, didn’t hesitate. “We will reopen the library "
        "by the spring,” she said.",
        "We will reopen the library by the spring",
        "Clara Wendt",
        id="apostrophes-in-narration",
    ),
    pytest.param(
        "‘We couldn’t sleep for days after the flood,’ said Piotr Zielinski.",
        "We couldn’t sleep for days after the flood",
        "Piotr Zielinski",
        id="inside-single-marks",
    ),
    pytest.param(
        "“It feels like the ’90s all over again for the town,” said Piotr Zielinski.",
        "It feels like the ’90s all over again for the town",
        "Piotr Zielinski",
        id="leading-elision",
    ),
    pytest.param(
        "\"It's the farmers' turn to be heard now,\" said Piotr Zielinski.",
        "It's the farmers' turn to be heard now",
        "Piotr Zielinski",
        id="straight-apostrophes",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), APOSTROPHES)
def test_apostrophe_is_not_a_quote_mark(text: str, quoted: str, speaker: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    (record,) = quotes
    assert words(record.text) == quoted
    assert record.speaker == speaker
    assert record.kind == "direct"


# ---------------------------------------------------------------------------------------
# Stray spaces and punctuation around the marks

STRAY = [
    pytest.param(
        "The dykes were checked twice overnight. “The river is still rising” , the "
        "wardens warned.",
        "The river is still rising",
        "the wardens",
        id="space-before-comma",
    ),
    pytest.param(
        "“We will hold the line, and then we will push them back. ” said Tomas Ruel.",
        "We will hold the line, and then we will push them back.",
        "Tomas Ruel",
        id="space-before-closing-mark",
    ),
    pytest.param(
        "Ana Petrovic has run the clinic for ten years. “We asked for more nurses, but "
        "that never did happen” she said.",
        "We asked for more nurses, but that never did happen",
        "Ana Petrovic",
        id="no-comma-before-cue",
    ),
    pytest.param(
        "“ We will be back before the winter,” said Tomas Ruel.",
        "We will be back before the winter",
        "Tomas Ruel",
        id="space-after-opening-mark",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), STRAY)
def test_stray_spacing_around_marks(text: str, quoted: str, speaker: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, quoted.split(",")[0])
    assert record.kind == "direct"
    assert words(record.text) == quoted
    assert record.speaker is not None and record.speaker.lower() == speaker.lower()


# ---------------------------------------------------------------------------------------
# Unbalanced and unclosed marks

UNCLOSED_THEN_MORE = (
    "Ines Garro said: “We will not leave this valley, whatever they offer us.\n\n"
    "The council meets on Monday to discuss the budget for the new school.\n\n"
    "“Prices are simply too high for families here,” said Bruno Castel.\n\n"
    "The vote is expected next month."
)


def test_unclosed_mark_does_not_swallow_the_following_paragraphs() -> None:
    quotes = extract(UNCLOSED_THEN_MORE)
    assert_spans_match(UNCLOSED_THEN_MORE, quotes)
    assert not [q for q in quotes if "council meets" in q.text], show(quotes)
    assert not [q for q in quotes if "vote is expected" in q.text], show(quotes)
    later = the_record(quotes, "Prices are simply too high")
    assert later.speaker == "Bruno Castel"
    assert later.kind == "direct"


def test_unclosed_straight_mark_does_not_swallow_the_following_paragraphs() -> None:
    text = (
        'Lena Brask said: "We tried everything we could to reach them.\n\n'
        "The rescue was called off at noon on Sunday.\n\n"
        '"It is over, and we have to accept it," said Lena Brask.'
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert not [q for q in quotes if "rescue was called off" in q.text], show(quotes)
    later = the_record(quotes, "It is over, and we have to accept it")
    assert later.speaker == "Lena Brask"


def test_stray_closing_mark_does_not_hide_a_later_quote() -> None:
    text = (
        "The old plan” was dropped last year. “It failed because nobody paid for it,” said "
        "Bruno Castel."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "It failed because nobody paid for it")
    assert words(record.text) == "It failed because nobody paid for it"
    assert record.speaker == "Bruno Castel"
    assert not [q for q in quotes if "old plan" in q.text], show(quotes)


ODD_TEXTS = [
    "“", "”", '"', "''", "«", "»", "„", "‘", "’", "‘’“”", '""""', "“ ”", "“”",
    "Bruno Castel said: “We will return",
    "“We will return,” said",
    "said Bruno Castel, “",
    "“““ ”””",
    "« « « Bruno » »",
    "„„„ “ “",
    "'' '' ''",
    "He said: '",
    "“A”“B”“C”",
    "\n\n“\n\n”\n\n",
    "“" * 500 + "said Bruno Castel." + "”" * 3,
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_marks_never_crash_and_spans_stay_true(text: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)


# ---------------------------------------------------------------------------------------
# Nested quotes


def test_single_marks_nested_in_double_marks_stay_inside_one_quote() -> None:
    text = (
        "“My grandfather always said ‘never sell the land’, and I never will,” said "
        "Hanne Vold."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    (record,) = quotes
    assert "‘never sell the land’" in record.text
    assert words(record.text).endswith("and I never will")
    assert record.speaker == "Hanne Vold"


def test_double_marks_nested_in_single_marks_stay_inside_one_quote() -> None:
    text = "‘The officer told me “run”, so I ran as fast as I could,’ said Hanne Vold."
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    (record,) = quotes
    assert "“run”" in record.text
    assert record.speaker == "Hanne Vold"


# ---------------------------------------------------------------------------------------
# Split quotes

SPLIT = [
    pytest.param(
        "“The ferry is late again,” said Kwame Asante, “and nobody has told us why.”",
        id="said-X-between",
    ),
    pytest.param(
        "Kwame Asante waited on the pier for an hour.\n\n"
        "“The ferry is late again,” he said, “and nobody has told us why.”",
        id="pronoun-between",
    ),
]


@pytest.mark.parametrize("text", SPLIT)
def test_split_quote_is_one_utterance_in_two_parts(text: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "The ferry is late again")
    assert record.speaker == "Kwame Asante" and record.kind == "direct"
    assert record.text == "The ferry is late again and nobody has told us why."
    assert len(record.parts) == 2


def test_uncued_quote_after_a_cued_one_in_its_paragraph_is_the_rest_of_it() -> None:
    # “A,” X said. “B.” is one statement: one record in two parts, the cue between them
    # left out of its text, so that it is never half attributed.
    text = "“The ferry is late again,” Kwame Asante said. “Nobody has told us why.”"
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    record = quotes[0]
    assert record.speaker == "Kwame Asante"
    assert record.text.startswith("The ferry is late again")
    assert record.text.endswith("Nobody has told us why.")


# ---------------------------------------------------------------------------------------
# Multi-paragraph quotes and continuation paragraphs

SEPARATORS = [
    pytest.param("\n\n", id="blank-line"),
    pytest.param("\n", id="single-newline"),
    pytest.param("\r\n\r\n", id="crlf"),
]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_multi_paragraph_quote_is_one_record_spanning_both_parts(sep: str) -> None:
    text = (
        "Odile Marchetti, the festival director, remembered the night clearly. "
        f"“We opened the gates at six and the square was already full.{sep}"
        "“By nine we had to turn people away,” she said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "We opened the gates at six")
    assert "By nine we had to turn people away" in record.text
    assert record.start == text.index("We opened")
    assert record.end in (text.index(" away") + len(" away"), text.index("away,") + len("away,"))
    assert record.speaker == "Odile Marchetti"
    assert record.kind == "direct"
    assert len([q for q in quotes if "By nine" in q.text]) == 1, show(quotes)


@pytest.mark.parametrize("sep", SEPARATORS)
def test_multi_paragraph_quote_after_an_attributed_sentence(sep: str) -> None:
    text = (
        "“The water came in under the door,” said Tomasz Wilk, a farmer. "
        f"“Within an hour it was up to my knees.{sep}"
        "“We lost all the animals that night.”"
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    # The uncued second quote is the rest of the first, and it runs on into the next
    # paragraph: one record from the first word to the last.
    assert len(quotes) == 1, show(quotes)
    spanning = quotes[0]
    assert "Within an hour it was up to my knees" in spanning.text
    assert "We lost all the animals that night." in spanning.text
    assert spanning.start == text.index("The water")
    assert spanning.end == text.index("night.") + len("night.")
    assert spanning.speaker == "Tomasz Wilk"


def test_multi_paragraph_quote_over_three_paragraphs() -> None:
    text = (
        "Yara Haddad, a teacher, described the first morning: “Nobody came to school.\n\n"
        "“The classrooms were empty and the corridors were silent.\n\n"
        "“Then, at ten, the first child walked in,” she said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "Nobody came to school")
    assert "corridors were silent" in record.text
    assert "first child walked in" in record.text
    assert record.speaker == "Yara Haddad"
    assert len(quotes) == 1, show(quotes)


@pytest.mark.parametrize("sep", SEPARATORS)
def test_continuation_paragraph_keeps_the_previous_speaker(sep: str) -> None:
    text = (
        f"“We will rebuild the school this year,” said Ruth Okafor, the mayor.{sep}"
        "“It will take two years, perhaps three, but it will happen.”"
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    continued = the_record(quotes, "It will take two years")
    assert continued.speaker == "Ruth Okafor"
    assert continued.kind == "direct"
    assert continued.role == "mayor"


@pytest.mark.parametrize("subhead", ["‘Nobody came to tell us’", "“NOBODY CAME TO TELL US”"])
def test_a_quoted_subhead_is_no_continuation(subhead: str) -> None:
    """A quote standing alone as a paragraph with no closing full stop is a subhead
    (news sites set one between sections), not more of the previous speaker's words."""
    text = (f"“We are stretched thin,” said Ruth Okafor, the fire chief.\n\n{subhead}\n\n"
            "Tom Berg says no one warned his family about the fire.")
    quotes = extract(text)
    assert [q.speaker for q in quotes] == ["Ruth Okafor", "Tom Berg"], show(quotes)


def test_continuation_is_not_given_to_the_speaker_before_someone_new_was_introduced() -> None:
    text = (
        "“We will rebuild the school this year,” said Ruth Okafor, the mayor.\n\n"
        "The opposition leader, Samuel Pretorius, has fought the plan for months.\n\n"
        "“The money for it is simply not there.”"
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert the_record(quotes, "We will rebuild the school").speaker == "Ruth Okafor"
    wrong = [q for q in quotes if "money for it" in q.text and q.speaker == "Ruth Okafor"]
    assert wrong == [], show(quotes)


# ---------------------------------------------------------------------------------------
# Colon introductions, action beats, noun cues, uncommon verbs

INTRODUCED = [
    pytest.param(
        "Dalia Moreno wanted to make one thing clear: “Nobody at the plant will lose "
        "their job this year.”",
        "Nobody at the plant will lose their job",
        "Dalia Moreno",
        id="colon",
    ),
    pytest.param(
        "Ferhat Demir looked at the water for a while, and then went on in a low voice : "
        "“We cannot hold the bridge for another night.”",
        "We cannot hold the bridge",
        "Ferhat Demir",
        id="colon-after-space",
    ),
    pytest.param(
        "Ilse Korhonen shook her head. “That is not what happened that night at all.”",
        "That is not what happened",
        "Ilse Korhonen",
        id="action-beat-shook",
    ),
    pytest.param(
        "The pilot, Jonas Berg, was questioned first.\n\n"
        "Jonas Berg nodded. “We saw the lights from the boat just after midnight.”",
        "We saw the lights from the boat",
        "Jonas Berg",
        id="action-beat-nodded",
    ),
    pytest.param(
        "The instructor, Greta Lindqvist, watched the recruits crawl through the mud. "
        "“Stay low and keep moving, whatever happens around you,” was her blunt advice.",
        "Stay low and keep moving",
        "Greta Lindqvist",
        id="noun-cue-advice",
    ),
    pytest.param(
        "The old fisherman, Arne Dahl, was mending his nets on the quay. “Never trust a "
        "calm sea in November,” was his verdict.",
        "Never trust a calm sea in November",
        "Arne Dahl",
        id="noun-cue-verdict",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), INTRODUCED)
def test_introduced_quote_goes_to_the_named_person(text: str, fragment: str, speaker: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, fragment)
    assert record.kind == "direct"
    assert record.speaker == speaker


def test_colon_introduction_carries_to_the_continuation_paragraph() -> None:
    text = (
        "Dalia Moreno wanted to make one thing clear: “Nobody at the plant will lose "
        "their job this year.”\n\n"
        "“The factory stays open, and the night shift stays too.”"
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert the_record(quotes, "Nobody at the plant").speaker == "Dalia Moreno"
    assert the_record(quotes, "The factory stays open").speaker == "Dalia Moreno"


@pytest.mark.parametrize(
    "verb", ["held", "quipped", "conceded", "mused", "insisted", "recalled", "countered"]
)
def test_uncommon_speech_verb_attributes_the_quote(verb: str) -> None:
    text = (
        "Oskar Lind has coached the rowing team for a decade. “The results speak for "
        f"themselves, season after season,” he {verb}."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "The results speak for themselves")
    assert record.speaker == "Oskar Lind"
    assert record.cue is not None and verb in record.cue


# ---------------------------------------------------------------------------------------
# Who said it: pronouns, surnames, titles


def test_she_goes_to_the_woman_when_a_man_was_mentioned_last() -> None:
    text = (
        "Maria Santos owns the pharmacy on the corner. Last spring she hired Lars Eklund "
        "as her assistant.\n\n"
        "“He is the best worker I have ever had,” she said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "He is the best worker")
    assert record.speaker == "Maria Santos"


def test_he_goes_to_the_man_when_a_woman_was_mentioned_last() -> None:
    text = (
        "Lars Eklund has run the bakery for thirty years. His neighbour, Maria Santos, "
        "closed her pharmacy in May.\n\n"
        "“Business has never been this bad on this street,” he said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "Business has never been this bad")
    assert record.speaker == "Lars Eklund"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "“I told them we would never sell the farm,” said Joost Brandt, a farmer.",
            id="I-and-we-inside",
        ),
        pytest.param(
            "Joost Brandt leaned on the gate. “We knew they would come back for the land, "
            "and I was ready,” he said.",
            id="we-inside-he-outside",
        ),
    ],
)
def test_pronouns_inside_the_quote_are_never_the_speaker(text: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    assert quotes[0].speaker == "Joost Brandt"


def test_unattributed_first_person_quote_is_not_given_to_i_or_we() -> None:
    text = "“I am tired, and we are all hungry after the long walk.”"
    quotes = extract(text)
    assert_spans_match(text, quotes)
    for record in quotes:
        assert (record.speaker or "").lower() not in PRONOUNS, show(quotes)


COMMANDER = (
    "Commander Rafael Ibarra leads the northern brigade, which has held the ridge since "
    "March.\n\n"
    "“We will not give up a metre of this ground,” Commander Ibarra said.\n\n"
    "Later, at the command post, the Commander was calmer. “The enemy is tired, and so "
    "are we,” the Commander said.\n\n"
    "“We have enough food for a month,” Ibarra added."
)


@pytest.mark.parametrize(
    "fragment",
    ["We will not give up a metre", "The enemy is tired", "We have enough food for a month"],
    ids=["Commander-Surname", "the-Commander", "Surname"],
)
def test_surname_and_title_resolve_to_the_full_name(fragment: str) -> None:
    quotes = extract(COMMANDER)
    assert_spans_match(COMMANDER, quotes)
    record = the_record(quotes, fragment)
    assert record.speaker == "Rafael Ibarra"


def test_title_and_surname_resolve_to_the_full_name_with_its_role() -> None:
    text = (
        "Dr. Helen Park, a virologist at the city hospital, has studied the outbreak "
        "since January.\n\n"
        "“The number of cases is falling for the first time,” Dr. Park said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "The number of cases is falling")
    assert record.speaker is not None and "Helen Park" in record.speaker
    assert record.role == "virologist at the city hospital"


UNNAMED = [
    pytest.param(
        "The volunteers had worked through the night. “We filled four thousand sandbags "
        "before dawn,” said one of the volunteers, wiping his hands.",
        "We filled four thousand sandbags",
        "one of the volunteers",
        id="one-of-the",
    ),
    pytest.param(
        "A grey-haired man in a fishing cap was less hopeful. “The sea takes what it "
        "wants, and it always has,” he said.",
        "The sea takes what it wants",
        "grey-haired man in a fishing cap",
        id="description-then-pronoun",
    ),
    pytest.param(
        "Residents of the estate have complained for years. “Nobody from the council "
        "has ever come to look at the damp,” they said.",
        "Nobody from the council",
        "residents of the estate",
        id="group-then-they",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "description"), UNNAMED)
def test_unnamed_speaker_keeps_its_description(text: str, fragment: str, description: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, fragment)
    assert record.kind == "direct"
    assert record.speaker is not None and description in record.speaker.lower()


# ---------------------------------------------------------------------------------------
# Roles


ROLES = [
    pytest.param(
        "Nadia Kowal, a customs officer, said: “Nothing gets past us at this crossing.”",
        "Nothing gets past us",
        "Nadia Kowal",
        "customs officer",
        id="apposition-with-article",
    ),
    pytest.param(
        "Emeka Obi, head of research at Lagos Analytics, said the market had already "
        "bottomed out.",
        "the market had already bottomed out",
        "Emeka Obi",
        "head of research at Lagos Analytics",
        id="apposition-without-article",
    ),
    pytest.param(
        "Selin Kaya, 34, a nurse, said: “We have not had a day off since the floods.”",
        "We have not had a day off",
        "Selin Kaya",
        "nurse",
        id="age-then-role",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "role"), ROLES)
def test_role_from_apposition(text: str, fragment: str, speaker: str, role: str) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, fragment)
    assert record.speaker == speaker
    assert record.role == role


LEADING_DESCRIPTION = [
    pytest.param(
        "“I told them we would never sell the farm,” said the farmer, Joost Brandt.",
        "I told them we would never sell",
        "Joost Brandt",
        "farmer",
        id="said-the-role-Name",
    ),
    pytest.param(
        "The deputy mayor, Clara Wendt, did not hesitate. “We will reopen the library by "
        "the spring,” she said.",
        "We will reopen the library",
        "Clara Wendt",
        "deputy mayor",
        id="the-role-Name-then-pronoun",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "role"), LEADING_DESCRIPTION)
def test_named_speaker_after_a_description_is_named_and_the_description_is_the_role(
    text: str, fragment: str, speaker: str, role: str
) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, fragment)
    assert record.speaker == speaker
    assert record.role == role


def test_role_carries_to_every_quote_of_the_person() -> None:
    text = (
        "Nadia Kowal, a customs officer, said: “Nothing gets past us at this crossing.”\n\n"
        "The queue of lorries stretched for two kilometres on Friday.\n\n"
        "“We check every single lorry, whatever the drivers say,” Kowal said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    later = the_record(quotes, "We check every single lorry")
    assert later.speaker == "Nadia Kowal"
    assert later.role == "customs officer"


def test_role_from_title() -> None:
    text = (
        "Senator Joan Whitlock spoke to reporters after the vote.\n\n"
        "“We had the votes all along,” Whitlock said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "We had the votes all along")
    assert record.speaker == "Joan Whitlock"
    assert record.role is not None and record.role.lower() == "senator"


def test_an_age_is_not_a_role() -> None:
    text = (
        "Selin Kaya, 34, joined the volunteers in May.\n\n"
        "“I wanted to help the people who had lost everything,” Kaya said."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "I wanted to help")
    assert record.speaker == "Selin Kaya"
    assert record.role is None or not any(ch.isdigit() for ch in record.role), record.role


# ---------------------------------------------------------------------------------------
# Claims (reported speech)

CLAIMS = [
    # text, fragment of the claim, speaker, outlet, words the claim text must not hold
    pytest.param(
        "Helga Brandt said that the museum would close in June for repairs.",
        "the museum would close in June", "Helga Brandt", None, ["said", "that the"],
        id="X-said-that",
    ),
    pytest.param(
        "Helga Brandt said the museum would close in June for repairs.",
        "the museum would close in June", "Helga Brandt", None, ["said"],
        id="X-said",
    ),
    pytest.param(
        "The museum will close in June for repairs, Helga Brandt said.",
        "The museum will close in June", "Helga Brandt", None, ["Brandt", "said"],
        id="trailing-X-said",
    ),
    pytest.param(
        "According to the fire brigade, the blaze started in a kitchen on the third floor.",
        "the blaze started in a kitchen", "the fire brigade", None, ["According"],
        id="according-to-front",
    ),
    pytest.param(
        "The blaze started in a kitchen on the third floor, according to fire officials.",
        "The blaze started in a kitchen", "fire officials", None, ["according"],
        id="according-to-end",
    ),
    pytest.param(
        "Nadia Roux, a nurse at the clinic, told Radio Kestrel, that the wards had been "
        "full for a week.",
        "the wards had been full for a week", "Nadia Roux", "Radio Kestrel", ["told"],
        id="told-outlet-comma-that",
    ),
    pytest.param(
        "Nadia Roux told The Evening Courier that the wards had been full for a week.",
        "the wards had been full for a week", "Nadia Roux", "The Evening Courier", ["told"],
        id="told-outlet-that",
    ),
    pytest.param(
        "Pieter Smit, a spokesman for the port, confirmed to The Evening Courier that two "
        "cranes had been damaged in the storm.",
        "two cranes had been damaged", "Pieter Smit", "The Evening Courier", ["confirmed"],
        id="confirmed-to-outlet",
    ),
    pytest.param(
        "Farmers say the new dam upstream has dried up their wells.",
        "the new dam upstream has dried up their wells", "Farmers", None, ["say"],
        id="group-say",
    ),
    pytest.param(
        "The drought has lasted two years. Residents say the water has been cut off for "
        "three days.",
        "the water has been cut off", "Residents", None, ["say"],
        id="group-say-mid-paragraph",
    ),
    pytest.param(
        "Yusuf Amin, a local reporter, cited residents who had heard gunfire near the "
        "airport.",
        "heard gunfire near the airport", "Yusuf Amin", None, ["cited"],
        id="cited-locals-who",
    ),
    pytest.param(
        "The mining company denies any link between the spill and the dead fish.",
        "any link between the spill and the dead fish", "The mining company", None,
        ["denies"],
        id="denies",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "outlet", "not_in_text"), CLAIMS)
def test_claim_is_found_with_its_speaker(
    text: str, fragment: str, speaker: str, outlet: str | None, not_in_text: list[str]
) -> None:
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, fragment)
    assert record.kind == "indirect"
    assert record.speaker is not None and record.speaker.lower() == speaker.lower()
    assert record.outlet == outlet
    for word in not_in_text:
        assert word not in record.text, record.text


def test_according_to_a_person_takes_no_role_from_the_claim() -> None:
    text = "According to Pia Holm, the blaze started in a kitchen on the third floor."
    quotes = extract(text)
    assert_spans_match(text, quotes)
    record = the_record(quotes, "the blaze started in a kitchen")
    assert record.kind == "indirect"
    assert record.speaker == "Pia Holm"
    assert record.role is None


def test_claim_holding_a_quoted_word_is_one_claim() -> None:
    text = 'Ola Berg told Radio Kestrel that the mood in the town was now "grim".'
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert len(quotes) == 1, show(quotes)
    (claim,) = quotes
    assert claim.kind == "indirect"
    assert claim.speaker == "Ola Berg"
    assert claim.outlet == "Radio Kestrel"
    assert "the mood in the town was now" in claim.text and "grim" in claim.text


def test_scare_quote_inside_a_claim_is_not_a_direct_quote() -> None:
    text = "City officials said the “temporary” closure of the bridge would last a year."
    quotes = extract(text)
    assert_spans_match(text, quotes)
    assert not [q for q in quotes if q.kind == "direct"], show(quotes)
    claim = the_record(quotes, "closure of the bridge would last a year")
    assert claim.kind == "indirect"
    assert claim.speaker is not None and claim.speaker.lower() == "city officials"


# ---------------------------------------------------------------------------------------
# Not quotations

NOT_QUOTATIONS = [
    pytest.param("The so-called \"peace dividend\" never arrived in the northern towns.",
                 id="so-called"),
    pytest.param("The general, known as the \"Iron Duke\", retired to his farm in 1990.",
                 id="known-as"),
    pytest.param("Marco Venti, the ‘Bull of Verona’, trained every morning before dawn.",
                 id="nickname-in-single-marks"),
    pytest.param("Critics have dismissed the estate as a “ghost town” ever since.",
                 id="scare-quote-two-words"),
    pytest.param("The town’s “recovery” has been slow and uneven.", id="scare-quote-one-word"),
    pytest.param("#SaveTheHarbour", id="hashtag"),
    pytest.param("There were reports that the bridge had collapsed overnight.",
                 id="there-were-reports"),
    pytest.param("The minister reportedly owns three houses on the coast.", id="reportedly"),
    pytest.param("Lena Brask, harbour pilot (Jonas Weir)", id="caption-name-role-credit"),
    pytest.param("(Jonas Weir)", id="caption-credit-only"),
    pytest.param("Protesters hold banners outside the parliament (AFP)", id="caption-agency"),
    pytest.param("Fishermen repair their nets in the harbour (Getty Images)",
                 id="caption-photo-agency"),
]


@pytest.mark.parametrize("text", NOT_QUOTATIONS)
def test_not_a_quotation(text: str) -> None:
    quotes = extract(text)
    assert quotes == [], show(quotes)


CAPTIONED = (
    "“The nets come up empty most days now,” said Tomasz Wilk, a fisherman.\n\n"
    "Tomasz Wilk, fisherman (Jonas Weir)\n\n"
    "Boats rest on the shingle at low tide (Reuters)\n\n"
    "#SaveTheHarbour\n\n"
    "“My father fished here, and his father before him.”"
)


def test_captions_and_hashtags_in_an_article_give_nothing_and_credit_no_one() -> None:
    quotes = extract(CAPTIONED)
    assert_spans_match(CAPTIONED, quotes)
    assert all(q.speaker != "Jonas Weir" and q.speaker != "Reuters" for q in quotes)
    for line in ["Tomasz Wilk, fisherman (Jonas Weir)",
                 "Boats rest on the shingle at low tide (Reuters)", "#SaveTheHarbour"]:
        start = CAPTIONED.index(line)
        end = start + len(line)
        assert not [q for q in quotes if q.start < end and q.end > start], (line, show(quotes))
    assert the_record(quotes, "The nets come up empty").speaker == "Tomasz Wilk"


@pytest.mark.parametrize(
    "subhead",
    ["Promises and delays", "Farmers say the river is dying", "The ‘forgotten’ villages"],
)
def test_subhead_is_not_a_quotation(subhead: str) -> None:
    text = (
        "Farmers in the valley have waited two years for the new canal.\n\n"
        f"{subhead}\n\n"
        "“We were told the water would come last spring,” said Anita Rao, who grows rice "
        "on four acres."
    )
    quotes = extract(text)
    assert_spans_match(text, quotes)
    start = text.index(subhead)
    end = start + len(subhead)
    assert not [q for q in quotes if q.start < end and q.end > start], show(quotes)
    assert the_record(quotes, "We were told the water").speaker == "Anita Rao"


# ---------------------------------------------------------------------------------------
# Line endings, BOM, front matter, empty text, ids

ARTICLE = (
    "---\n"
    "publication: The Harbour Gazette\n"
    "author: Jonas Weir\n"
    "---\n"
    "The harbour reopened on Tuesday after the storm.\n"
    "\n"
    "“The boats will sail again tomorrow morning,” said Ingrid Solberg, the harbour "
    "master. “We lost two weeks of fishing.\n"
    "\n"
    "“The insurance will not cover all of it.”\n"
    "\n"
    "“It was a hard month for everyone here,” she said.\n"
    "Helga Brandt said that the fish market would reopen on Friday.\n"
    "According to the coastguard, three boats sank at their moorings.\n"
)


def _lf_records() -> list[Quote]:
    return extract(ARTICLE)


def _shift(lf_text: str, offset: int) -> int:
    """Where an offset of the LF text lands once every \\n is \\r\\n."""
    return offset + lf_text.count("\n", 0, offset)


@pytest.mark.parametrize(
    ("crlf", "bom"),
    [(True, False), (False, True), (True, True)],
    ids=["crlf", "bom", "crlf-and-bom"],
)
def test_crlf_and_bom_do_not_shift_anything(tmp_path: Path, crlf: bool, bom: bool) -> None:
    expected = _lf_records()
    assert len(expected) >= 4, show(expected)
    text = ARTICLE.replace("\n", "\r\n") if crlf else ARTICLE
    path = tmp_path / "article.txt"
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8"))
    document = read_file(path)
    quotes = extract_document(document)
    assert not document.text.startswith("\ufeff")
    assert document.text == text
    for record in quotes:
        assert_provenance(document.text, record)
    assert [(q.kind, q.speaker, q.role, q.text.replace("\r\n", "\n")) for q in quotes] == [
        (q.kind, q.speaker, q.role, q.text) for q in expected
    ]
    for got, lf in zip(quotes, expected, strict=True):
        shift = (lambda offset: _shift(ARTICLE, offset)) if crlf else (lambda offset: offset)
        assert (got.start, got.end) == (shift(lf.start), shift(lf.end))
        assert got.source.publication == "The Harbour Gazette"


def test_bom_in_a_string_is_dropped_without_shifting_offsets() -> None:
    expected = _lf_records()
    quotes = extract("\ufeff" + ARTICLE)
    assert [(q.start, q.end, q.text, q.speaker) for q in quotes] == [
        (q.start, q.end, q.text, q.speaker) for q in expected
    ]


def test_front_matter_fills_the_source_and_offsets_count_from_the_file_start() -> None:
    quotes = extract(ARTICLE)
    assert quotes
    body_start = ARTICLE.index("The harbour reopened")
    for record in quotes:
        assert record.source.publication == "The Harbour Gazette"
        assert record.source.author == "Jonas Weir"
        assert_provenance(ARTICLE, record)
        assert record.start >= body_start
        assert record.speaker != "Jonas Weir"


def test_article_records_are_the_expected_ones() -> None:
    quotes = extract(ARTICLE)
    assert the_record(quotes, "The boats will sail again").speaker == "Ingrid Solberg"
    spanning = the_record(quotes, "We lost two weeks of fishing")
    assert "The insurance will not cover all of it." in spanning.text
    assert spanning.speaker == "Ingrid Solberg"
    assert the_record(quotes, "It was a hard month").speaker == "Ingrid Solberg"
    market = the_record(quotes, "the fish market would reopen on Friday")
    assert (market.kind, market.speaker) == ("indirect", "Helga Brandt")
    coastguard = the_record(quotes, "three boats sank at their moorings")
    assert coastguard.kind == "indirect"
    assert coastguard.speaker is not None and coastguard.speaker.lower() == "the coastguard"


def test_paragraph_holds_every_part_at_its_offsets() -> None:
    quotes = extract(ARTICLE)
    assert any(len(record.parts) > 1 for record in quotes)
    for record in quotes:
        assert record.paragraph_start is not None
        assert record.paragraph == ARTICLE[record.paragraph_start:][: len(record.paragraph)]
        shown = [record.paragraph[a:b] for a, b in record.in_paragraph()]
        assert shown == [ARTICLE[a:b] for a, b in record.parts], record


def test_ids_are_unique_and_stable_across_runs() -> None:
    first = extract(ARTICLE)
    second = extract(ARTICLE)
    ids = [q.id for q in first]
    assert len(set(ids)) == len(ids)
    assert [q.id for q in second] == ids


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "   \n \t\n", "\ufeff", "---\npublication: The Harbour Gazette\n---\n"],
    ids=["empty", "newlines", "whitespace", "bom-only", "front-matter-only"],
)
def test_empty_text_gives_no_records(text: str) -> None:
    assert extract(text) == []


def test_an_uncued_quote_paragraph_after_reported_speech_continues_its_speaker() -> None:
    text = ("Ana Ruiz said she moved into the flat in October.\n\n"
            "“The heating works now, but for two months we slept in our coats.”")
    quotes = extract(text)
    quote = the_record(quotes, "heating works")
    assert (quote.kind, quote.speaker, quote.resolved_by) == ("direct", "Ana Ruiz",
                                                             "continuation")


def test_an_uncued_quote_after_a_paragraph_that_ends_otherwise_has_no_speaker() -> None:
    text = ("Ana Ruiz said she moved into the flat in October. The building has 40 flats.\n\n"
            "“The heating works now, but for two months we slept in our coats.”")
    assert all("heating" not in q.text for q in extract(text))


def test_a_speech_verb_opening_a_sentence_is_not_a_first_name() -> None:
    quotes = extract("Added the harbour master: “We will reopen the pier on Monday.”")
    assert all(not (q.speaker or "").startswith("Added") for q in quotes)


@pytest.mark.parametrize("article", [
    pytest.param("The council met on Monday.\n\n"
                 "“We are proud of the whole team tonight and every volunteer.” "
                 "pic.twitter.com/abc123\n\n"
                 "— Ana Ruiz (@aruiz) March 3, 2019\n\n"
                 "The vote is next week.", id="post-and-credit"),
    pytest.param("The council met on Monday.\n\n"
                 "“We are proud of the whole team tonight and every volunteer.” — Ana Ruiz "
                 "(@aruiz) March 3, 2019\n\nThe vote is next week.", id="post-with-credit"),
    pytest.param("The council met on Monday.\n\n"
                 "“We are proud of the whole team tonight and every volunteer.”\n\n"
                 "Ana Ruiz\n\nThe vote is next week.", id="pull-quote"),
])
def test_embedded_posts_and_pull_quotes_are_not_body_quotes(article: str) -> None:
    assert extract(article) == [], show(extract(article))


def test_a_caption_ending_in_a_full_stop_before_its_credit() -> None:
    text = ("A crew clears the road near the harbour on Tuesday, “after the worst storm in "
            "years,” officials said. (Ana Ruiz/The Gazette)\n\nThe road reopened later.")
    assert extract(text) == [], show(extract(text))


@pytest.mark.parametrize("dash", ["—", "–", "-"])
def test_a_dash_credit_after_a_quote(dash: str) -> None:
    text = (f"“We will not give up on this harbour, whatever the council decides.” {dash} "
            "Ana Ruiz, harbour master\n\nThe vote is on Friday.")
    [quote] = extract(text)
    assert (quote.speaker, quote.role) == ("Ana Ruiz", "harbour master")


def test_a_dash_then_more_sentence_is_no_credit() -> None:
    text = "“We will not give up on this harbour,” — and Ana Ruiz left the room."
    assert extract(text) == []


def test_a_credit_ending_in_a_colon_introduces_the_quote_after_it() -> None:
    """ "“A,” Ruiz said. “B.” Berg said: “C.”": B is the rest of Ruiz's words; Berg's
    credit with its colon is C's alone, never B's."""
    found = extract("“We are neighbours,” Ana Ruiz said. “We are not strangers.” Tom Berg "
                    "said: “The harbour belongs to all of us.”")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "We are neighbours We are not strangers."),
        ("Tom Berg", "The harbour belongs to all of us.")], show(found)
    found = extract("Another reader, Tom Berg, wrote of the mayor: “She is still closing the "
                    "pier.” Ana Ruiz posted: “The mayor welcomed them all.”")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "She is still closing the pier."),
        ("Ana Ruiz", "The mayor welcomed them all.")], show(found)


@pytest.mark.parametrize("lead", ["Her conclusion was blunt:", "Her advice was simple:",
                                  "Her reply:", "Her message to the board:",
                                  "Her advice to young nurses:"])
def test_a_cue_noun_then_was_and_a_word_before_a_colon_credits_its_owner(lead: str) -> None:
    """"Her conclusion was blunt: “Send a nurse.”": the owner of the conclusion speaks, as
    with "Her reply:"."""
    quotes = extract(f"Ana Ruiz reviewed every call made that night.\n\n{lead} “Send a nurse.”")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("direct", "Ana Ruiz", "Send a nurse.")], show(quotes)


@pytest.mark.parametrize("after", ["Others paid tribute online.", "Some neighbours wept.",
                                   "Although the family grieved, the service was short."])
def test_a_quote_closing_on_a_stop_ends_its_sentence_before_a_function_word(after: str) -> None:
    """"“A,” X said. “B.” Others paid tribute.": "Others", "Some", "Although" never open
    a credit, so the sentence ends at B and B goes on with X's quote (it had been read as
    credited by "Others …", and dropped)."""
    quotes = extract(f"“He was a new dad,” Tom Berg said. “A dad for the second time.” {after}")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tom Berg", "He was a new dad A dad for the second time.")], show(quotes)


def test_a_sentence_after_an_exclaimed_quote_credits_no_quote() -> None:
    """"… yelling “No more!” A campaign ad accuses Berg of …": the ad opens a sentence of
    its own, so it is not the credit of the quote before it, and its claim stands; the
    yelling is the children's, inside a clause, not the subject's of the sentence."""
    quotes = extract("The salvo began with a web ad in which children bash a dollhouse, "
                     "yelling “No more!” A campaign ad released Thursday accuses Tom Berg of "
                     "buying influence “in a pattern stretching back decades.”")
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("A campaign ad released Thursday", "accuses")], show(quotes)


@pytest.mark.parametrize("aside", ["wearing a cowboy hat", "wearing a cowboy hat and campaign pins",
                                   "standing outside the arena"])
def test_a_participle_aside_between_the_name_and_said_after_a_quote(aside: str) -> None:
    """"“…,” Tom Berg, wearing a cowboy hat, said": what he was doing, set in commas, is
    passed over to the verb (the quote had no credit)."""
    quotes = extract(f"“We have had better conventions,” Tom Berg, {aside}, said with a laugh.")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Tom Berg", "We have had better conventions")], show(quotes)
