"""A speaker naming something in quoted words ("called the merger “a terrible deal”",
"described the plan as “reckless”"), and the look-alikes that name nothing. Every
sentence and name is invented."""

from __future__ import annotations

from expect import records, show


def test_called_an_object_a_quoted_name() -> None:
    found = records('At a debate in May, Tom Berg called the merger "a terrible deal" and '
                    'ranked the firm among the worst.')
    assert [(q.kind, q.speaker, q.cue) for q in found] == [
        ("indirect", "Tom Berg", "called")], show(found)
    assert found[0].text == 'the merger "a terrible deal"'  # its closing mark with it
    # calling that names nothing in quoted words
    for text in ("Ana Ruiz called the police on Tuesday night.",
                 'The so-called "harbour plan" was dropped on Monday.',
                 'A group called "Friends of the Pier" met on Monday.',
                 'The pier was called "the old lady" by the fishermen.',
                 'Ana Ruiz called on the council to "act now" on the pier.',
                 "The report described the pier as old and unsafe."):
        assert records(text) == [], text


def test_a_pronoun_calling_and_describing() -> None:
    found = records('Tom Berg spoke on Monday. He called it "shameful" in a speech.')
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", 'it "shameful" in a speech')], show(found)
    found = records("Ana Ruiz described the plan as “reckless and unfair”.")
    assert [(q.speaker, q.cue) for q in found] == [("Ana Ruiz", "described")], show(found)



def test_a_quoted_name_in_marks_written_as_two_apostrophes() -> None:
    found = records("Tom Berg called his rival ''totally scripted and kind of robotic.''")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "his rival ''totally scripted and kind of robotic.")], show(found)
    assert records("A group called ''Friends of the Pier'' met on Monday.") == []


def test_a_participle_set_off_by_a_comma_names_in_the_subjects_words() -> None:
    """ "The union rejected the offer, calling it “an insult”": the union's words; and a
    name for something ends with the sentence its quote closes ("… “a bad deal.” Berg
    agreed." is not part of it)."""
    [claim] = records('The union rejected the offer, calling it "an insult to every teacher."')
    assert (claim.speaker, claim.cue, claim.text) == (
        "The union", "calling", 'it "an insult to every teacher."')
    [claim] = records('Ana Ruiz called the merger "a terrible deal." Tom Berg agreed.')
    assert claim.text == 'the merger "a terrible deal."'


def test_a_past_tense_between_two_names_is_no_role() -> None:
    """ "Mr. Carson endorsed Mr. Berg …, calling him “…”": Carson is the subject, not Berg
    with "endorsed" for a role (as "RNC spokesman Sean Spicer" has one)."""
    [claim] = records('On Friday, Mr. Tom Carson endorsed Mr. Ed Berg at a rally, calling him '
                      '"a man of the people."')
    assert claim.speaker == "Tom Carson"


def test_a_body_called_by_its_name_after_said_speaks() -> None:
    """"said a group called Harbour Watch": the group's name speaks, the noun its role,
    as with "a nurse named Ana Ruiz"."""
    found = records("“The plan fails,” said a group called Harbour Watch.")
    assert [(q.speaker, q.role) for q in found] == [("Harbour Watch", "group")], show(found)
