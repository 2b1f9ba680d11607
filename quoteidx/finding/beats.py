"""Action beats: the speaker of a quote that opens a sentence after a sentence about
someone (`Shariyar Nezami nodded. “That is why…”`), read off that sentence's subject."""

from __future__ import annotations

from quoteidx.finding.descriptions import names_people
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.subjects import before_its_verb, sentence_subject
from quoteidx.finding.tokens import is_speech_verb


def beat_subject(para: Paragraph, finding: Finding) -> Mention | None:
    """`Shariyar Nezami nodded. “That is why…”`: the subject of the sentence just before
    a quote that opens a sentence, when that sentence holds no quote of its own."""
    index = para.sentence_of(finding.start)
    if index == 0:
        return None
    a, b = para.sentences[index - 1]
    if any(a <= span.open_at < b for span in para.spans):
        return None
    ta, tb = para.token_range(a, b)
    if tb - ta > 25:
        return None
    qa, qb = para.token_range(*para.sentences[index])
    if any(is_speech_verb(t) for t in para.tokens[qa:qb]):
        return None  # "“…” of the plan, Ruiz said.": the quote's own sentence credits it
    subject = sentence_subject(para.text, para.tokens, ta, tb)
    if subject is not None and subject.kind == "description":
        # (without its verb: "the deputy mayor shook her head" is the deputy mayor)
        subject = before_its_verb(para.text, para.tokens, subject, tb)
    if subject is None or subject.kind == "pronoun" and subject.text.lower() in ("i", "we", "you"):
        return None
    if subject.kind == "description" and not names_people(subject.text):
        return None  # "The vote is near. “…”": a thing does not speak
    return subject
