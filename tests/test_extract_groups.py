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
