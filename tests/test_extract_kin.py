"""A relative the story has named is who "his mother" or "her husband" means later: the
one person it called someone's mother, never a guess between two, and only for kin
("her lawyer" may be anyone's). Every sentence and name is invented."""

from __future__ import annotations

from expect import records, show

_MOTHER = "The victim’s mother, Fatima Haddad, sat in the front row on Monday. "
_QUOTE = "“He was kind to everyone he met,” his mother said."


def test_his_mother_is_the_mother_named_before() -> None:
    found = records(_MOTHER + _QUOTE)
    assert [(q.speaker, q.speaker_mention, q.resolved_by) for q in found] == [
        ("Fatima Haddad", "his mother", "title")], show(found)


def test_two_mothers_named_leave_his_mother_as_written() -> None:
    found = records(_MOTHER + "Tom Berg’s mother, Ana Berg, sat behind her. " + _QUOTE)
    assert [q.speaker for q in found] == ["his mother"], show(found)


def test_someone_elses_lawyer_is_not_her_lawyer() -> None:
    found = records("Tom Berg, a lawyer, spoke first. Ana Ruiz spoke next. "
                    "“It was a long day,” her lawyer said.")
    assert [q.speaker for q in found] == ["her lawyer"], show(found)
