"""Making the quote records of a document: each finding's speaker resolved to the
person the document means (see the package's docstring), with role, cue and parts."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from quoteidx.attributing.described import stands_for
from quoteidx.attributing.exchanges import Exchange
from quoteidx.attributing.pronouns import Antecedents
from quoteidx.attributing.resolve import ORGANISATION, PERSON, Resolver, Speaker
from quoteidx.finding import Analysis, Finding
from quoteidx.finding.headlines import HEADLINE_CUE
from quoteidx.finding.lexicon import SPEECH_VERBS
from quoteidx.finding.names import Mention
from quoteidx.finding.writers import writer
from quoteidx.record import Quote, quote_id

if TYPE_CHECKING:  # the reading package (dates, e-mail headers) is not needed to attribute
    from quoteidx.reading import Document

__all__ = ["attribute"]

# "It is said that …", "it was reported": no one speaks.
_IMPERSONAL = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|have\s+been|are|were|be|being)\b",
                         re.IGNORECASE)

_CONTRACTED = re.compile(r"(he|she|they|it)['’](?:s|d|ve|re|ll)$", re.IGNORECASE)

Resolved = tuple[Speaker | None, Mention | None, str | None]


def attribute(analysis: Analysis, document: Document) -> list[Quote]:
    """Quote records for a document's findings, speakers resolved."""
    if not analysis.findings:
        return []
    text = document.text
    resolver = Resolver(analysis, text)
    antecedents = Antecedents(resolver, analysis.subjects, analysis.names)
    resolved: dict[int, Resolved] = {}
    occurrences: Counter[tuple[str, str]] = Counter()
    quotes: list[Quote] = []
    exchange = Exchange(text, antecedents)
    for finding in sorted(analysis.findings, key=lambda f: f.start):
        speaker, mention, how = _speaker_of(finding, resolver, antecedents, resolved)
        speaker = exchange.speaker(finding, speaker, mention, how)
        resolved[id(finding)] = (speaker, mention, how)
        if speaker is None or not speaker.name:
            continue  # a quotation is worth nothing without its attribution
        # placed where the speaker is named: "…, Cuban said." is later than its claim
        antecedents.add_speaker(mention.start if mention is not None else finding.start,
                                speaker)
        parts = [part for a, b in finding.segments() if (part := _trim(text, a, b))[1] > part[0]]
        if not parts:
            continue
        words = " ".join(text[a:b] for a, b in parts)
        occurrence = occurrences[(speaker.name, words)]
        occurrences[(speaker.name, words)] += 1
        p_start, p_end = finding.paragraph
        quotes.append(Quote(
            id=quote_id(document.source.path, speaker.name, words, occurrence),
            text=words,
            kind=finding.kind,  # type: ignore[arg-type]
            speaker=speaker.name,
            speaker_mention=mention.text if mention else None,
            role=speaker.role,
            cue=finding.cue,
            source=document.source,
            start=parts[0][0],
            end=parts[-1][1],
            paragraph=text[p_start:p_end],
            outlet=finding.outlet,
            parts=tuple(parts),
            paragraph_start=p_start,
            resolved_by=how,
        ))
    return quotes


def _speaker_of(finding: Finding, resolver: Resolver, antecedents: Antecedents,
                resolved: dict[int, Resolved]) -> Resolved:
    """The speaker, the words naming them, and how they were found (RESOLVED_BY)."""
    mention = finding.mention
    if mention is None:
        if finding.inherit is not None:
            speaker, mention, _how = resolved.get(id(finding.inherit), (None, None, None))
            return speaker, mention, "continuation"
        return None, None, None
    beat = finding.cue == "(action beat)"
    contracted = _CONTRACTED.match(mention.text)
    if contracted:  # "He’s said that …": a pronoun and an auxiliary
        if contracted.group(1).lower() == "it":
            return None, mention, "pronoun"  # "It's been reported that …"
        mention = Mention(contracted.group(1), mention.start,
                          mention.start + len(contracted.group(1)), "pronoun")
    written = writer(mention, finding.cue)  # "Ruiz's statement said": Ruiz speaks
    if written.kind == "pronoun" and written is not mention:
        owner = antecedents.resolve(written, finding.paragraph[0])  # "its report finds"
        if owner is not None:
            return owner, written, "beat" if beat else "pronoun"
    else:  # (whose text it is, unknown: the text itself, as written)
        mention = written
    if mention.kind == "pronoun":
        if mention.text.lower() in ("it", "its") and not _speaks(finding, mention, resolver.text):
            return None, mention, "pronoun"
        return (antecedents.resolve(_before_claim(
            finding, mention, resolver.text), finding.paragraph[0]),
                mention, "beat" if beat else "pronoun")
    speaker, how = resolver.resolve(mention, finding.cue)
    if finding.cue == HEADLINE_CUE and speaker is not None and not _named_in_story(
            speaker, resolver.text, finding.paragraph[1]):
        return None, mention, how  # "Big Win For Harbour: …": a topic, not a speaker
    speaker, how = stands_for(finding, mention, speaker, how, resolver, antecedents)
    return speaker, mention, "beat" if beat else how


def _before_claim(finding: Finding, pronoun: Mention, text: str) -> Mention:
    """The pronoun of a claim's closing credit, read where the claim opens when the claim
    tells what someone did to that pronoun's person: "The manager told her it was …, she
    said" is hers, not the manager's (who "told her"); but "Ms. Ruiz was shocked, she
    said" stays Ms. Ruiz's."""
    objects = _OBJECT_PRONOUNS.get(pronoun.text.lower())
    if finding.kind != "indirect" or finding.start >= pronoun.start or objects is None:
        return pronoun  # (only he and she: "they" may well be the claim's own subject)
    claim = text[finding.start : pronoun.start]
    if objects.search(claim) is None and not _INDEFINITE_OPENING.match(claim):
        return pronoun  # ("A new manager, he said, could …": someone new, not him)
    return Mention(pronoun.text, finding.start, finding.start, "pronoun")


_INDEFINITE_OPENING = re.compile(r"(?:An?|Another|One)\s+(?!of\b)[a-z]")
# "told her it was", "asked him to": the credit's person as the claim's object
_OBJECT_PRONOUNS = {
    word: re.compile(rf"^\S+(?:\s+\S+){{0,4}}?\s+[a-z]+(?:ed|old|ave|ent|ook)\s+{obj}\s+"
                     r"(?:it|that|to|the|a|an|he|she|they|we|i|there|this|not)\b")
    for word, obj in (("she", "her"), ("he", "him"))}


def _named_in_story(speaker: Speaker, text: str, after: int) -> bool:
    """Whether a headline's speaker is a person or body the story below it names again
    (by surname, at least), as a story does the people its headline quotes."""
    if speaker.kind not in (PERSON, ORGANISATION) or not speaker.name:
        return False
    last = speaker.name.split()[-1]
    return re.search(rf"\b{re.escape(last)}\b", text[after:]) is not None


def _speaks(finding: Finding, mention: Mention, text: str) -> bool:
    """Whether "it" is a speaker here: cued by a speech verb, not a beat ("It rained.")
    nor an impersonal passive ("It is said that …")."""
    cue = (finding.cue or "").split()
    return bool(cue) and cue[-1].lower() in SPEECH_VERBS and not _IMPERSONAL.match(
        text, mention.end)


# A split quote's first part ends in the comma that hands over to the cue: not the speaker's.
_TRAILING = " \t\r\n,"
_LEADING = ",;:"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _LEADING):
        start += 1  # (a claim after "said that," and an aside: ", abortion aside, …")
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end < len(text) and _left_open(text[start:end], text[end]):
        end += 1  # `called the deal "a win for workers."`: the quoted words' own close
    return start, end


def _left_open(words: str, after: str) -> bool:
    """Whether the words leave a double quote open that the mark right after closes."""
    if after == "”":
        return words.count("“") > words.count("”")
    return after == '"' and words.count('"') % 2 == 1
