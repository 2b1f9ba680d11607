"""A role the text gave a person earlier, taken up by "the <role>" later."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Oilers signed defenceman Erik Lindqvist to a two-year extension.\n\n"
     "“My family loves it here,” the defenceman said.", "Erik Lindqvist"),
    ("Police interviewed veteran firefighter Ana Ruiz at the scene.\n\n"
     "“The roof went first,” the firefighter said.", "Ana Ruiz"),
])
def test_a_role_written_before_a_name_is_taken_up_by_the_role_later(
        text: str, speaker: str) -> None:
    quotes = records(text)
    assert [q.speaker for q in quotes] == [speaker], show(quotes)


def test_a_role_after_an_article_is_a_phrase_of_its_own() -> None:
    # "the lawyer Tom Berg hired" is someone else: the lawyer stays unnamed
    quotes = records("Ana Ruiz met the lawyer Tom Berg hired.\n\n"
                     "“It will take a year,” the lawyer said.")
    assert "Tom Berg" not in [q.speaker for q in quotes], show(quotes)
