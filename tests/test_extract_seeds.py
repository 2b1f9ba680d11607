"""The extractor on the two bundled seed articles: what a fact-checker relies on.

Every direct quote of the Independent article (000_…) with the right speaker, every
claim of the New Arab article (002_…), and none of the things in quote marks or on
caption lines that are not quotations. Offsets count from the start of the file text
(front matter included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from expect import assert_provenance, show, the_record

from quoteidx.extract import extract_document
from quoteidx.reading import Document, read_file
from quoteidx.record import Quote

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
INDEPENDENT = CORPUS / "000_8dcf562b40224565.txt"
NEW_ARAB = CORPUS / "002_e4ceaee862a91476.txt"
SEEDS = [INDEPENDENT, NEW_ARAB]

_CACHE: dict[Path, tuple[Document, list[Quote]]] = {}


def extracted(path: Path) -> tuple[Document, list[Quote]]:
    """The document and its records, extracted once per test session."""
    if path not in _CACHE:
        document = read_file(path)
        _CACHE[path] = (document, extract_document(document))
    return _CACHE[path]


def line_span(document: Document, line: str) -> tuple[int, int]:
    """Where a whole line of the document stands in its text."""
    text = document.text
    start = text.find(line)
    while start >= 0:
        end = start + len(line)
        if (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n"):
            return start, end
        start = text.find(line, start + 1)
    raise AssertionError(f"line not in the document: {line!r}")


# ---------------------------------------------------------------------------------------
# The Independent: every direct quote, with its speaker

NEZAMI = "Shariyar Nezami"
KHAN = "Ismail Khan"
AHMED = "Basir Ahmed"
HIDAYTULLAH = "Hidaytullah"

INDEPENDENT_DIRECT = [
    # (a fragment of the quote, its speaker)
    ("There was some noise beneath us and then he came up right here", NEZAMI),
    ("I am not sure who was more amazed, us or him", NEZAMI),
    ("But he raised his gun at us, so we had no choice", NEZAMI),
    ("He was very young, he looked frightened", NEZAMI),
    ("We need to drive them further away", NEZAMI),
    ("That is why a lot of us joined", NEZAMI),
    ("you’ll find the Taliban have left some gifts", NEZAMI),
    ("Get some food, water, naswar", KHAN),
    ("I was joking, go and buy what you need", KHAN),
    ("I have this for more than 30 years", KHAN),
    ("This campaign we are fighting now", KHAN),
    ("I decided to take up the fight so late in my life", KHAN),
    ("One of the reasons for the problem we face now", KHAN),
    ("The withdrawal of their forces across the country", KHAN),
    ("It is a difficult situation, of course", KHAN),
    ("At least we doing some fighting now", AHMED),
    ("I was with a unit in Pashtun Zarghan", AHMED),
    ("At the end we were told to just abandon our position", AHMED),
    ("We always suffer, ordinary people like us", HIDAYTULLAH),
    ("They say it’s too dangerous to go to my house", HIDAYTULLAH),
]


@pytest.mark.parametrize(
    ("fragment", "speaker"), INDEPENDENT_DIRECT, ids=[f[:30] for f, _ in INDEPENDENT_DIRECT]
)
def test_independent_direct_quote_has_its_named_speaker(fragment: str, speaker: str) -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, fragment)
    assert record.kind == "direct"
    assert record.speaker == speaker


def test_nezami_has_exactly_seven_direct_quotes() -> None:
    _document, quotes = extracted(INDEPENDENT)
    his = [q for q in quotes if q.speaker == NEZAMI and q.kind == "direct"]
    assert len(his) == 7, show(his)


@pytest.mark.parametrize(
    ("speaker", "count"), [(AHMED, 3), (HIDAYTULLAH, 2)], ids=["Basir Ahmed", "Hidaytullah"]
)
def test_independent_speaker_has_all_their_direct_quotes(speaker: str, count: int) -> None:
    _document, quotes = extracted(INDEPENDENT)
    theirs = [q for q in quotes if q.speaker == speaker and q.kind == "direct"]
    assert len(theirs) == count, show(theirs)


def test_independent_quote_texts_are_the_words_between_the_marks() -> None:
    _document, quotes = extracted(INDEPENDENT)
    first = the_record(quotes, "There was some noise beneath us")
    assert first.text == "There was some noise beneath us and then he came up right here"
    stray_space = the_record(quotes, "We need to drive them further away")
    assert stray_space.text.startswith("We need to drive them")
    assert stray_space.text.rstrip().endswith("we need to throw them back.")


def test_colon_introduction_and_its_continuation_paragraph_go_to_ismail_khan() -> None:
    _document, quotes = extracted(INDEPENDENT)
    stressed = the_record(quotes, "One of the reasons for the problem we face now")
    assert stressed.speaker == KHAN
    assert stressed.text.startswith("One of the reasons")
    assert "was extraordinary." in stressed.text
    continued = the_record(quotes, "The withdrawal of their forces")
    assert continued.speaker == KHAN
    assert "we can now focus on defending ourselves." in continued.text


def test_he_held_is_a_speech_verb() -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, "It is a difficult situation")
    assert record.speaker == KHAN
    assert record.cue is not None and "held" in record.cue


def test_terse_advice_goes_to_the_hawk_faced_former_mujaheddin() -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, "Take them off the Taliban you kill")
    assert record.kind == "direct"
    assert record.speaker is not None
    assert "hawk-faced" in record.speaker and "mujaheddin" in record.speaker
    assert record.text.startswith("Take them off the Taliban you kill")
    assert record.text.rstrip(",").endswith("let’s see how good you are in a fight")


def test_garden_quote_goes_to_a_fighter() -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, "We should turn this place into a garden")
    assert record.kind == "direct"
    assert record.speaker is not None and "fighter" in record.speaker.lower()


def test_sewers_quote_goes_to_one_of_the_fighters() -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, "seeing if they could use the sewers")
    assert record.kind == "direct"
    assert record.speaker is not None and record.speaker.lower() == "one of the fighters"
    assert record.text.startswith("seeing if they could use the sewers")


def test_the_commander_said_is_a_claim_by_ismail_khan() -> None:
    _document, quotes = extracted(INDEPENDENT)
    record = the_record(quotes, "he would see what can be done")
    assert record.kind == "indirect"
    assert record.speaker == KHAN


def test_nezami_is_a_militia_officer_on_every_quote() -> None:
    _document, quotes = extracted(INDEPENDENT)
    his = [q for q in quotes if q.speaker == NEZAMI]
    assert his, show(quotes)
    assert {q.role for q in his} == {"militia officer"}


def test_an_age_is_never_a_role() -> None:
    _document, quotes = extracted(INDEPENDENT)
    ahmed = [q for q in quotes if q.speaker == AHMED]
    assert ahmed, show(quotes)
    for record in quotes:
        assert record.role is None or not record.role[:1].isdigit(), record
    assert all(q.role != "27" for q in ahmed)


def test_the_author_and_photo_credit_is_never_a_speaker_in_his_own_article() -> None:
    _document, quotes = extracted(INDEPENDENT)
    assert all("Sengupta" not in (q.speaker or "") for q in quotes), show(quotes)


INDEPENDENT_CAPTIONS = [
    "Basir Ahmed, militia fighter (Kim Sengupta)",
    "(Kim Sengupta)",
    "Afghan women hold pictures of former Mujahideen commander Ismail Khan (EPA)",
]


@pytest.mark.parametrize("caption", INDEPENDENT_CAPTIONS)
def test_nothing_is_extracted_from_a_caption_line(caption: str) -> None:
    document, quotes = extracted(INDEPENDENT)
    start, end = line_span(document, caption)
    inside = [q for q in quotes if q.start < end and q.end > start]
    assert inside == [], show(inside)
    assert all(q.paragraph.strip() != caption for q in quotes)


# ---------------------------------------------------------------------------------------
# The New Arab: claims (reported speech)

NEW_ARAB_CLAIMS = [
    # (a fragment of the claim, speaker, cue word, role, outlet)
    ("mounted an assault on Afghanistan's third-largest city",
     "local witnesses and journalists", "according to", None, None),
    ("march past their homes", "Harun Najafzada", "cited",
     "director of news at Volant Media", None),
    ("Herat had come under rocket attacks", "Sayed Jalal Shajjan", "told",
     "Afghan journalist", "The New Arab"),
    ("being directed from the east of the city", "witnesses", "according to", None, None),
    ("government forces had fallen back", "Omid Sobhani", "confirmed", None, "The New Arab"),
    ("the situation in Herat is now", "Kim Sengupta", "told", None, "The New Arab"),
    ("breached the city almost every night", "Kim Sengupta", "said", None, None),
    ("set up checkpoints along the road", "Kim Sengupta", "said", None, None),
    ("the veteran commander was charismatic", "Kim Sengupta", "said", None, None),
    ("the insurgents use Pakistani territory", "Afghans", "say", None, None),
    ("madrassahs in the country have fuelled", "Analysts and human rights groups", "say",
     None, None),
]


@pytest.mark.parametrize(
    ("fragment", "speaker", "cue", "role", "outlet"),
    NEW_ARAB_CLAIMS,
    ids=[claim[0][:30] for claim in NEW_ARAB_CLAIMS],
)
def test_new_arab_claim_has_its_speaker(
    fragment: str, speaker: str, cue: str, role: str | None, outlet: str | None
) -> None:
    _document, quotes = extracted(NEW_ARAB)
    record = the_record(quotes, fragment)
    assert record.kind == "indirect"
    assert record.speaker is not None and record.speaker.lower() == speaker.lower()
    assert record.cue is not None and cue in record.cue.lower()
    if role is not None:
        assert record.role == role
    if outlet is not None:
        assert record.outlet == outlet


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("Harun Najafzada", "director of news at Volant Media"),
        ("Sayed Jalal Shajjan", "Afghan journalist"),
        ("Kim Sengupta", "defence and diplomatic editor for The Independent"),
    ],
)
def test_new_arab_role_from_apposition_on_every_claim(speaker: str, role: str) -> None:
    _document, quotes = extracted(NEW_ARAB)
    theirs = [q for q in quotes if q.speaker == speaker]
    assert theirs, show(quotes)
    assert {q.role for q in theirs} == {role}


def test_omid_sobhani_is_a_journalist() -> None:
    _document, quotes = extracted(NEW_ARAB)
    record = the_record(quotes, "government forces had fallen back")
    assert record.role is not None and "journalist" in record.role


def test_claim_holding_a_quoted_word_is_one_claim_not_a_direct_quote() -> None:
    _document, quotes = extracted(NEW_ARAB)
    holding = [q for q in quotes if "unpredictable" in q.text]
    assert len(holding) == 1, show(holding)
    (claim,) = holding
    assert claim.kind == "indirect"
    assert claim.speaker == "Kim Sengupta"
    assert claim.outlet == "The New Arab"
    assert "the situation in Herat is now" in claim.text
    assert not any(q.kind == "direct" and q.text.strip('"“”. ') == "unpredictable" for q in quotes)


def test_claim_text_leaves_out_the_attribution() -> None:
    _document, quotes = extracted(NEW_ARAB)
    trailing = the_record(quotes, "breached the city almost every night")
    assert "Sengupta" not in trailing.text and "said" not in trailing.text
    leading = the_record(quotes, "the veteran commander was charismatic")
    assert "Sengupta" not in leading.text
    according = the_record(quotes, "mounted an assault")
    assert "according to" not in according.text


def test_hashtag_line_gives_nothing() -> None:
    document, quotes = extracted(NEW_ARAB)
    start, end = line_span(document, "#SanctionPakistan")
    inside = [q for q in quotes if q.start < end and q.end > start]
    assert inside == [], show(inside)
    assert all("#SanctionPakistan" not in q.text for q in quotes)


# ---------------------------------------------------------------------------------------
# Not quotations, in both seeds


@pytest.mark.parametrize("words", ["Lion of Herat", "strategic depth"])
@pytest.mark.parametrize("path", SEEDS, ids=["independent", "new_arab"])
def test_names_and_scare_quotes_are_not_quotations(path: Path, words: str) -> None:
    _document, quotes = extracted(path)
    assert all(q.text.strip("\"'“”‘’,. ") != words for q in quotes), show(quotes)


# ---------------------------------------------------------------------------------------
# The record, for every record of both seeds


@pytest.mark.parametrize("path", SEEDS, ids=["independent", "new_arab"])
def test_each_part_is_what_lies_between_its_offsets(path: Path) -> None:
    document, quotes = extracted(path)
    assert quotes
    for record in quotes:
        assert_provenance(document.text, record)
        assert document.body_start <= record.start < record.end <= len(document.text)


@pytest.mark.parametrize("path", SEEDS, ids=["independent", "new_arab"])
def test_paragraph_holds_the_quote(path: Path) -> None:
    document, quotes = extracted(path)
    for record in quotes:
        start = record.paragraph_start
        assert start is not None and record.paragraph
        assert document.text[start : start + len(record.paragraph)] == record.paragraph
        shown = [record.paragraph[a:b] for a, b in record.in_paragraph()]
        assert shown == [document.text[a:b] for a, b in record.parts], record


@pytest.mark.parametrize("path", SEEDS, ids=["independent", "new_arab"])
def test_ids_are_unique_and_stable_across_runs(path: Path) -> None:
    _document, quotes = extracted(path)
    again = extract_document(read_file(path))
    ids = [q.id for q in quotes]
    assert len(set(ids)) == len(ids)
    assert [q.id for q in again] == ids
    assert [(q.start, q.end, q.speaker) for q in again] == [
        (q.start, q.end, q.speaker) for q in quotes
    ]


@pytest.mark.parametrize(
    ("path", "publication", "author"),
    [(INDEPENDENT, "The Independent", "Kim Sengupta"), (NEW_ARAB, "The New Arab", None)],
    ids=["independent", "new_arab"],
)
def test_source_comes_from_the_front_matter(
    path: Path, publication: str, author: str | None
) -> None:
    _document, quotes = extracted(path)
    assert quotes
    for record in quotes:
        assert record.source.publication == publication
        assert record.source.author == author
        assert Path(record.source.path).name == path.name


@pytest.mark.parametrize("path", SEEDS, ids=["independent", "new_arab"])
def test_every_record_is_well_formed(path: Path) -> None:
    document, quotes = extracted(path)
    for record in quotes:
        assert record.kind in ("direct", "indirect")
        assert record.text.strip()
        assert record.speaker, record
        assert record.speaker.lower() not in {"he", "she", "they", "i", "we", "his", "her"}
        if record.speaker_mention is not None:
            assert record.speaker_mention in document.text
