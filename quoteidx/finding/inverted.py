"""A speaker named after the verb in the middle of a claim: "Recipients, said Tom Berg,
must exhibit the photographs every ten years": one claim in two parts, Berg's."""

from __future__ import annotations

from quoteidx.finding.clauses import MIN_CONTENT_WORDS, has_verb, quoted_words, trim_end
from quoteidx.finding.forward_phrases import noun_phrase_after
from quoteidx.finding.lexicon import TELL_VERBS
from quoteidx.finding.model import Finding
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import tag_of


def inverted_aside(para: Paragraph, a: int, b: int, k: int) -> Finding | None:
    """The claim around ", said X," (tokens[k] the verb, a comma before it), when X is
    set off by a comma after it too and the sentence goes on with its verb."""
    text, tokens = para.text, para.tokens
    comma = next((i for i in range(a + 1, k - 1) if tokens[i].text == ","), None)
    if comma is not None and tokens[comma + 1].lower in ("who", "whose", "which"):
        return None  # "Tom Berg, who testified …, said his supervisor, Ana Ruiz, told him":
        # the subject and its relative clause, then its own verb; no claim before "said"
    speaker = noun_phrase_after(text, tokens, k, b)
    if speaker is None or speaker.kind == "pronoun":
        return None
    end = speaker.end
    if speaker.role:  # "said Tom Berg, a curator at the museum, are …"
        at = text.find(speaker.role, end)
        if at >= 0 and not text[end:at].strip(" ,"):
            end = at + len(speaker.role)
    e = next((i for i in range(k + 1, b) if tokens[i].start >= end), b)
    if e + 2 >= b or tokens[e].text != ",":
        return None
    rest = e + 1
    if tokens[k].lower in TELL_VERBS or tag_of(tokens, rest) not in ("VERB", "AUX"):
        # the sentence goes on with its own verb ("…, said Berg, are required"); not
        # "told Radio Kestrel, that …", "…, said Berg, adding …", "…, said Berg, who …"
        return None
    c_end = trim_end(tokens, rest, b)
    if quoted_words(para, rest, c_end) < MIN_CONTENT_WORDS or not has_verb(tokens, rest, c_end):
        return None
    lead_end = trim_end(tokens, a, k)
    if lead_end <= a:
        return None
    claim = Finding(tokens[a].start, tokens[lead_end - 1].end, "indirect",
                    (para.start, para.end), tokens[k].text, speaker)
    claim.add_part(tokens[rest].start, tokens[c_end - 1].end)
    return claim
