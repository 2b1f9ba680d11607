"""Attributing speakers: resolve the words that name each quotation's speaker to the
person the document means, with their role.

Within a document, "Khan", "Commander Khan" and "the Commander" become the fullest name
used ("Ismail Khan"); "he" becomes the person the text was last about; a quote that
continues a speaker gets that speaker; unnamed speakers keep their description.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from quoteidx.attributing.index import NameIndex
from quoteidx.attributing.names import (
    clean_role,
    gender,
    is_organisation,
    name_words,
    strip_title,
)
from quoteidx.finding import Analysis, Finding
from quoteidx.finding.lexicon import PERSON_NOUNS, PREPOSITIONS, TITLES
from quoteidx.finding.names import Mention
from quoteidx.finding.tokens import is_person_noun
from quoteidx.reading import Document
from quoteidx.record import Quote, quote_id

__all__ = ["attribute"]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None
    plural: bool = False
    gender: str | None = None  # "female", "male" or unknown


class Resolver:
    def __init__(self, analysis: Analysis) -> None:
        self.index = NameIndex(analysis.names, analysis.subjects)
        self.roles = self.index.roles
        self.titles = self.index.titles
        self.subjects = analysis.subjects
        self.said: list[tuple[int, Speaker]] = []  # speakers of earlier quotes, by position
        self._subject_speakers: list[tuple[int, Speaker]] | None = None

    def canonical(self, name: str, position: int) -> str:
        return self.index.canonical(name, position)

    def speaker_for_name(self, text: str, position: int) -> Speaker:
        full, title = strip_title(text)
        if full.lower() in TITLES or (title and not full):
            return self.speaker_for_title(text, position)
        canonical = self.canonical(full, position)
        role = self.roles.get(canonical)
        if role is None:
            titles = self.titles.get(canonical)
            role = sorted(titles)[0] if titles and len(titles) == 1 else None
        return Speaker(canonical, role, gender=gender(canonical) or gender(text))

    def speaker_for_title(self, text: str, position: int) -> Speaker:
        """"the Commander" -> the last person named with that title or role."""
        word = name_words(text)[-1].lower().rstrip(".")
        canonical = self.index.titled_before(word, position)
        if canonical is not None:
            return Speaker(canonical, self.roles.get(canonical) or word)
        return Speaker(text, None)

    def resolve(self, mention: Mention, position: int) -> Speaker | None:
        if mention.name_in_apposition:  # "The deputy mayor, Clara Wendt,"
            speaker = self.speaker_for_name(mention.name_in_apposition, mention.start)
            role = speaker.role or clean_role(mention.text)
            return Speaker(speaker.name, role, gender=speaker.gender)
        if mention.kind == "name":
            speaker = self.speaker_for_name(mention.text, mention.start)
            role = clean_role(mention.role)
            if role and speaker.role is None:
                speaker = Speaker(speaker.name, role, gender=speaker.gender)
            return speaker
        if mention.kind == "title":
            return self.speaker_for_title(mention.text, mention.start)
        if mention.kind == "description":
            if mention.name_in_apposition:
                return self.speaker_for_name(mention.name_in_apposition, mention.start)
            words = mention.text.split()
            if words and words[0].lower() in ("but", "and", "so"):
                words = words[1:]
            return Speaker(" ".join(words), clean_role(mention.role), plural=_is_plural(words),
                           gender=gender(" ".join(words)))
        return self.antecedent(mention, position)

    def antecedent(self, pronoun: Mention, position: int) -> Speaker | None:
        """he/she/they (and his/her/their): the nearest earlier person the text was about."""
        word = pronoun.text.lower()
        plural = word in ("they", "their", "them")
        wanted = None if plural else ("female" if word in ("she", "her") else "male")
        if self._subject_speakers is None:
            self._subject_speakers = []
            for subject in self.subjects:
                if _may_be_a_person(subject):
                    resolved = self.resolve(subject, subject.start)
                    if resolved is not None and resolved.name:
                        self._subject_speakers.append((subject.start, resolved))
        # Both lists are in text order: the nearest compatible one before the pronoun wins.
        found = [
            self._last_compatible(candidates, pronoun.start, plural, wanted)
            for candidates in (self._subject_speakers, self.said)
        ]
        best = max((c for c in found if c is not None), key=lambda c: c[0], default=None)
        return best[1] if best else None

    @staticmethod
    def _last_compatible(candidates: list[tuple[int, Speaker]], before: int, plural: bool,
                         wanted: str | None) -> tuple[int, Speaker] | None:
        index = bisect_left(candidates, before, key=lambda item: item[0]) - 1
        for at, speaker in reversed(candidates[max(0, index - 50) : index + 1]):
            if speaker.plural != plural or (speaker.name and is_organisation(speaker.name)):
                continue
            if wanted and speaker.gender and speaker.gender != wanted:
                continue  # "he" skips a woman named just before; unknown gender fits both
            return at, speaker
        return None


def _may_be_a_person(mention: Mention) -> bool:
    """Whether "he" or "they" could refer to what a sentence is about: a named person or a
    description of people, not "the Taliban advance" or "the city"."""
    if mention.kind == "pronoun":
        return False
    if mention.name_in_apposition:
        return True
    if mention.kind == "name":
        return not mention.text.lower().startswith("the ")
    head = _head_word([w.lower() for w in mention.text.split()])
    return is_person_noun(head) or head in ("one", "many", "some", "several", "most")


def _head_word(words: list[str]) -> str:
    """The noun a description is about: the word before its first preposition
    ("one of the fighters", "a mujaheddin in his 50s"), else its last word."""
    for index, word in enumerate(words[1:], start=1):
        if word in PREPOSITIONS:
            return words[index - 1]
    return words[-1] if words else ""


def _is_plural(words: list[str]) -> bool:
    """"Residents of the estate" and "local witnesses" are many; "one of the fighters" is one."""
    head = _head_word([w.lower() for w in words])
    if head in ("one", "each", "either", "neither"):
        return False
    return head in ("people", "men", "women", "police") or (
        head.endswith("s") and head[:-1] in PERSON_NOUNS
    ) or head in ("many", "some", "several", "most", "all", "both", "few")


def attribute(analysis: Analysis, document: Document) -> list[Quote]:
    """Quote records for a document's findings, speakers resolved."""
    if not analysis.findings:
        return []
    text = document.text
    resolver = Resolver(analysis)
    resolved: dict[int, tuple[Speaker | None, Mention | None, str | None]] = {}
    occurrences: Counter[tuple[str, str]] = Counter()
    quotes: list[Quote] = []
    for finding in sorted(analysis.findings, key=lambda f: f.start):
        speaker, mention, how = _speaker_of(finding, resolver, resolved)
        resolved[id(finding)] = (speaker, mention, how)
        if speaker is not None and speaker.name:
            # placed where the speaker is named: "…, Cuban said." is later than its claim
            at = finding.mention.start if finding.mention is not None else finding.start
            resolver.said.append((at, speaker))
        if speaker is None or not speaker.name:
            continue  # a quotation is worth nothing without its attribution
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


def _speaker_of(finding: Finding, resolver: Resolver,
                resolved: dict[int, tuple[Speaker | None, Mention | None, str | None]]
                ) -> tuple[Speaker | None, Mention | None, str | None]:
    """The speaker, the words naming them, and how they were found (RESOLVED_BY)."""
    mention = finding.mention
    if mention is not None:
        speaker = resolver.resolve(mention, finding.start)
        if finding.cue == "(action beat)":
            how = "beat"
        elif mention.kind == "pronoun":
            how = "pronoun"
        elif mention.name_in_apposition:
            how = "name"
        elif mention.kind == "title":
            how = "title"
        elif mention.kind == "description":
            how = "description"
        elif speaker is not None and speaker.name != strip_title(mention.text)[0]:
            how = "surname"  # "Khan" -> "Ismail Khan"
        else:
            how = "name"
        return speaker, mention, how
    if finding.inherit is not None:
        speaker, mention, _how = resolved.get(id(finding.inherit), (None, None, None))
        return speaker, mention, "continuation"
    return None, None, None


# A split quote's first part ends in the comma that hands over to the cue: not the speaker's.
_TRAILING = " \t\r\n,"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end
