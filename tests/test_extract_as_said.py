"""Claims credited with "as X said": the clause before it ("Rents will rise, as the
mayor warned last week.") or after it ("As Ruiz noted on Monday, the city …"), and
the "as" that credits no one. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker", "claim"), [
    ("Rents will rise by spring, as Dana Lowe warned last week.", "Dana Lowe",
     "Rents will rise by spring"),
    ("The economy is slowing, as the central bank noted in its last report.",
     "the central bank", "The economy is slowing"),
    ("As the mayor pointed out on Monday, the city has no money left for roads.",
     "the mayor", "the city has no money left for roads"),
    ("A reminder: the new tax would cost the province a fortune, as Omar Haddad has noted.",
     "Omar Haddad", "the new tax would cost the province a fortune"),
])
def test_as_x_said_credits_the_clause(text: str, speaker: str, claim: str) -> None:
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [(speaker, claim)], show(found)


@pytest.mark.parametrize("text", [
    "As usual, the council met on Monday to talk about the roads.",
    "The vote on the roads was close, as expected.",
    "The crowd cheered the mayor, as she explained how the roads would be paid for.",
])
def test_an_as_that_credits_no_one_finds_nothing(text: str) -> None:
    assert records(text) == [], show(records(text))


def test_a_claim_reported_otherwise_keeps_its_speaker() -> None:
    """Where the sentence reports a claim itself, "as X suggested" does not take the
    whole sentence from its speaker."""
    found = records("The wins strengthen her argument that she is popular everywhere, "
                    "rather than a regional candidate, as her rival's manager suggested.")
    assert all(q.speaker != "her rival's manager" or "wins" not in q.text for q in found), (
        show(found))
