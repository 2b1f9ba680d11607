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
