"""The quote record: one utterance in parts, the speaker's words alone, provenance that a
reader can check, ids that survive edits elsewhere in the article. Invented texts."""

from __future__ import annotations

import json

from expect import assert_provenance, the_record

from quoteidx.extract import extract_text
from quoteidx.record import Quote, Source

SPLIT = "“We lost it all,” Ana Ruiz said. “Then we rebuilt.”"


def test_a_split_quote_is_one_record_in_two_parts_without_the_cue() -> None:
    [quote] = extract_text(SPLIT)
    assert quote.text == "We lost it all Then we rebuilt."
    assert "said" not in quote.text and "Ruiz" not in quote.text
    assert [SPLIT[a:b] for a, b in quote.parts] == ["We lost it all", "Then we rebuilt."]
    assert (quote.start, quote.end) == (quote.parts[0][0], quote.parts[-1][1])
    assert_provenance(SPLIT, quote)


def test_a_quote_split_around_its_cue_in_one_sentence() -> None:
    text = "“The roof held,” Ana Ruiz said, “but the walls did not.”"
    [quote] = extract_text(text)
    assert quote.text == "The roof held but the walls did not."
    assert quote.speaker == "Ana Ruiz"
    assert_provenance(text, quote)


def test_a_quote_over_two_paragraphs_has_a_part_in_each() -> None:
    text = ("“The boats will not sail this week,” said Tove Lind, the harbour master. "
            "“We have lost two weeks.\n\n“The insurance will not cover it.”")
    quotes = extract_text(text)
    quote = the_record(quotes, "insurance")
    assert [text[a:b] for a, b in quote.parts] == [
        "The boats will not sail this week", "We have lost two weeks.",
        "The insurance will not cover it."]
    assert "\n" not in quote.text and "Tove Lind" not in quote.text
    assert quote.paragraph.endswith("cover it.”")
    assert_provenance(text, quote)


def test_a_claim_split_by_its_cue_is_one_claim_in_two_parts() -> None:
    text = "The new bridge, the council said, would open before the winter storms."
    [quote] = extract_text(text)
    assert quote.kind == "indirect" and quote.speaker == "the council"
    assert quote.text == "The new bridge would open before the winter storms"
    assert_provenance(text, quote)


def test_show_marks_each_part_in_its_paragraph() -> None:
    text = "A storm hit the coast.\n\n" + SPLIT
    [quote] = extract_text(text)
    assert quote.paragraph == SPLIT and quote.paragraph_start == text.index("“We")
    assert [quote.paragraph[a:b] for a, b in quote.in_paragraph()] == [
        "We lost it all", "Then we rebuilt."]
    # matched words in `text` ("all Then") fall in two parts: a piece in each
    at = quote.text.index("all Then")
    assert [quote.paragraph[a:b] for a, b in quote.in_paragraph([(at, at + 8)])] == [
        "all", "Then"]


def test_how_the_speaker_was_found_is_recorded() -> None:
    text = ("Ana Ruiz, a nurse, said the ward was full.\n\n"
            "“We turned people away,” Ruiz said.\n\n"
            "“Nobody slept that night,” she said.\n\n"
            "“The beds ran out on Monday and the corridors filled,” added a porter.\n\n"
            "Tom Berg shook his head. “It was the worst week I remember here.”")
    how = {q.text.split()[0]: q.resolved_by for q in extract_text(text)}
    assert how == {"the": "name", "We": "surname", "Nobody": "pronoun", "The": "description",
                   "It": "beat"}


def test_a_quote_paragraph_after_a_quote_is_found_by_continuation() -> None:
    text = ("“The water came in at night,” said Ana Ruiz.\n\n"
            "“By morning the whole street was a river and the cars were floating.”")
    quotes = extract_text(text)
    assert the_record(quotes, "river").resolved_by == "continuation"
    assert the_record(quotes, "river").speaker == "Ana Ruiz"


def test_ids_survive_an_edit_elsewhere_in_the_article() -> None:
    before = extract_text("“We lost it all,” Ana Ruiz said.\n\nThe town has 400 people.")
    after = extract_text("A correction was added.\n\n“We lost it all,” Ana Ruiz said.\n\n"
                         "The town has 4,000 people.")
    assert [q.id for q in before] == [q.id for q in after]
    assert before[0].start != after[0].start


def test_the_same_words_said_twice_get_two_ids() -> None:
    text = "“Never again,” Ana Ruiz said.\n\nLater she said: “Never again.”"
    ids = [q.id for q in extract_text(text)]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_parts_and_resolved_by_round_trip_through_json_and_csv_rows() -> None:
    [quote] = extract_text(SPLIT)
    again = Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert again == quote and again.parts == quote.parts
    flat = quote.to_flat()
    assert json.loads(flat["parts"]) == [list(part) for part in quote.parts]
    assert flat["resolved_by"] == "surname" or flat["resolved_by"] == "name"


def test_a_record_made_by_hand_has_one_part() -> None:
    quote = Quote(id="x", text="words here", kind="direct", speaker="A", speaker_mention="A",
                  role=None, cue="said", source=Source("a.txt"), start=5, end=15,
                  paragraph="Some words here.")
    assert quote.parts == ((5, 15),)
    assert quote.in_paragraph() == [(5, 15)]
