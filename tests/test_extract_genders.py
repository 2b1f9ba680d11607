"""Gender from a first name, where the name says it, for pronouns: never a guess that
sends "she" to someone else."""

from __future__ import annotations

import pytest
from expect import records, show, the_record


@pytest.mark.parametrize("first", ["Harjit", "Gurpreet", "Manjit"])
def test_a_first_name_both_men_and_women_bear_fits_either_pronoun(first: str) -> None:
    text = ("Coun. Linda Annis said residents deserve to know the full cost.\n\n"
            f"Surrey resident {first} Gill, 47, said she has lost track of who is in charge."
            "\n\n“Honestly, I don't care what the uniform says,” she said.")
    quote = the_record(records(text), "uniform")
    assert quote.speaker == f"{first} Gill", show(records(text))


def test_kaur_is_a_womans_name() -> None:
    text = ("Tom Berg said the plan was late.\n\n"
            "Harpreet Kaur Sandhu, a nurse, said it would not work.\n\n"
            "“We are tired,” he said. “We need help,” she said.")
    quotes = records(text)
    assert the_record(quotes, "tired").speaker == "Tom Berg", show(quotes)
    assert the_record(quotes, "help").speaker == "Harpreet Kaur Sandhu", show(quotes)


def test_a_first_name_that_is_also_a_country_opens_a_persons_name() -> None:
    text = ("Jordan Whitfield and Ana Ruiz spoke at the hall on Monday.\n\n"
            "“We have been asking for years and years,” they said.")
    quotes = records(text)
    assert [q.speaker for q in quotes] == ["Jordan Whitfield and Ana Ruiz"], show(quotes)
