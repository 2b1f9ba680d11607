"""Resolving the speaker to the person the document means: pronouns, surnames, titles,
descriptions and organisations, each rule pinned on invented sentences."""

from __future__ import annotations

from quoteidx import extract_text
from quoteidx.attributing import attribute
from quoteidx.finding import Analysis, Finding
from quoteidx.finding.names import Mention
from quoteidx.reading import Document
from quoteidx.record import Quote, Source


def speakers(text: str) -> dict[str, str]:
    """First word of each quote's text -> its speaker."""
    return {q.text.split()[0]: q.speaker for q in extract_text(text)}


def records(text: str) -> dict[str, Quote]:
    return {q.text.split()[0]: q for q in extract_text(text)}


# --- a document naming one person thousands of times (issue 13, item 10) ---------------

def test_a_surname_resolves_to_the_nearest_earlier_full_name_in_a_huge_document() -> None:
    """8,000 paragraphs naming the same people: each "Ruiz" goes to the full name
    mentioned nearest before it (Ana Ruiz, then Tom Ruiz after he appears), and the
    look-up does not rescan every earlier mention (this ran for minutes before)."""
    paragraph = "Ana Ruiz spoke. Ruiz said the plan would work well."
    names, findings, text = [], [], []
    offset = 0
    for i in range(8000):
        full = "Tom Ruiz" if i >= 6000 else "Ana Ruiz"
        para = paragraph.replace("Ana Ruiz", full)
        names.append(Mention(full, offset, offset + len(full), "name"))
        at = offset + para.index("Ruiz said")
        claim = offset + para.index("the plan")
        findings.append(Finding(claim, claim + 23, "indirect", (offset, offset + len(para)),
                                "said", Mention("Ruiz", at, at + 4, "name")))
        text.append(para)
        offset += len(para) + 2
    document = Document(text="\n\n".join(text), source=Source("huge.txt"))
    quotes = attribute(Analysis(findings=findings, names=names), document)
    assert len(quotes) == 8000
    assert {q.speaker for q in quotes[:6000]} == {"Ana Ruiz"}
    assert {q.speaker for q in quotes[6000:]} == {"Tom Ruiz"}
    assert {q.resolved_by for q in quotes} == {"surname"}
