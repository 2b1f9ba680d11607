"""A speaker naming something in quoted words: "Ruiz called the merger “a terrible
deal”", "He called it “shameful”", "She described the plan as “reckless”". What was
called, and what it was called, are the claim; the quote marks vouch that the words are
the speaker's."""

from __future__ import annotations

from quoteidx.finding.clauses import trim_end
from quoteidx.finding.lexicon import AUXILIARIES, PREPOSITIONS
from quoteidx.finding.marks import CLOSING_MARKS, OPENING_MARKS
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import valid_speaker
from quoteidx.finding.subjects import sentence_subject

# Verbs that name or describe something in the speaker's words: "called it “shameful”",
# "described the plan as “reckless”", "branded him “a liar”".
CALL_FORMS = frozenset("""called calls calling call described describes describing
branded brands labelled labeled labels""".split())


def naming_claim(para: Paragraph, a: int, b: int, k: int) -> Finding | None:
    """The claim of "called" at tokens[k]: its object, then a quoted name for it, within
    a few words and no punctuation; the speaker the subject before "called", or the
    sentence's subject before a participle set off by a comma ("rejected the offer,
    calling it “insulting”"); a participle without one ("issued a statement describing
    …") leaves the speaker unclear: none."""
    tokens = para.tokens
    set_off = tokens[k].lower.endswith("ing") and tokens[k - 1].text == "," and k - 1 > a
    if k + 2 >= b or tokens[k].is_capitalised or tokens[k].lower.endswith("ing") and not (
            set_off) or tokens[k - 1].lower in AUXILIARIES or (
            tokens[k - 1].lower in ("so", "be", "to", "being")) or tokens[k - 1].text == "-":
        return None  # "was called", "so-called", "to call"
    first = tokens[k + 1]
    if first.lower in PREPOSITIONS or first.lower in ("off", "up", "back", "out"):
        return None  # "called for", "called on", "called off": not naming
    if first.is_quote or first.text in OPENING_MARKS and tokens[k + 2].is_quote:
        return _relative_naming(para, a, k, k + 1 if first.is_quote else k + 2)
    q = next((i for i in range(k + 2, min(b, k + 9)) if tokens[i].is_quote), None)
    if q is None or any(not (t.is_word or t.text in OPENING_MARKS) for t in tokens[k + 1 : q]) or (
            not any(t.is_word for t in tokens[k + 1 : q])):
        return None  # no object before the quote: "a group called “Friends of the Pier”"
    if set_off:  # "The union rejected the offer, calling it “insulting”": the union
        speaker = sentence_subject(para.text, tokens, a, k - 1)
    else:
        speaker = noun_phrase_before(para.text, tokens, k, a)
    if not _speaks(speaker):
        return None
    assert speaker is not None
    end = next((i for i in range(q + 1, b) if tokens[i].text in ",;:.—–(" or tokens[i].lower in (
        "and", "but")), b)
    after = q + 1 if q + 1 < b and tokens[q + 1].text in CLOSING_MARKS else q
    if para.text[tokens[q].start : tokens[q].end].rstrip().endswith((".", "!", "?")) and (
            after + 1 < b and tokens[after + 1].is_capitalised):
        end = after + 1  # `calling them “corporate welfare.” Rubio has …`: it ended there
    c_end = trim_end(tokens, k + 1, end)
    if c_end <= q:
        c_end = q + 1
    end_at = tokens[c_end - 1].end
    if tokens[c_end - 1].text in CLOSING_MARKS and c_end - 2 >= q:
        end_at = tokens[c_end - 2].end  # without the closing mark, as claims end
    return Finding(tokens[k + 1].start, end_at, "indirect", (para.start, para.end),
                   tokens[k].text, speaker)


def _relative_naming(para: Paragraph, a: int, k: int, q: int) -> Finding | None:
    """"…, which Coun. Rita Moss called “long overdue.”", "what she calls “real
    solutions”": what is named is the relative pronoun's noun, so the claim is the quoted
    words alone; their speaker the phrase between the pronoun and the verb."""
    tokens = para.tokens
    speaker = noun_phrase_before(para.text, tokens, k, a)
    if speaker is None or not _speaks(speaker):
        return None
    s = next((i for i in range(k - 1, a - 1, -1) if tokens[i].start < speaker.start), None)
    if s is None or tokens[s].lower not in ("which", "what"):
        return None
    return Finding(tokens[q].start, tokens[q].end, "indirect", (para.start, para.end),
                   tokens[k].text, speaker)


def _speaks(mention: Mention | None) -> bool:
    return valid_speaker(mention) and mention is not None and mention.text.lower() != "it" and (
        f" {mention.text.lower()} ".find(" what ") < 0)  # ("closed what critics long called")

def naming_claims(para: Paragraph, a: int, b: int, claims: list[Finding],
            quoted: list[tuple[int, int]]) -> list[Finding]:
    """The sentence's "X called Y “Z”" claims outside the claims found already."""
    tokens = para.tokens
    found = []
    for k in range(a + 1, b - 2):
        if tokens[k].lower in CALL_FORMS:
            claim = naming_claim(para, a, b, k)
            if claim is not None and not overlaps(claim, quoted) and not overlaps(
                    claim, [(c.start, c.end) for c in claims]):
                found.append(claim)
    return found



def overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < finding.end and finding.start < e for s, e in spans)
