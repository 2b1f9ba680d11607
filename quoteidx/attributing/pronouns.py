"""Pronoun speakers: "he", "she", "they" and "it" (and his/her/their/its) go to the
nearest earlier person, group or organisation the text was about, as a reader takes
them: the subjects of earlier sentences and the speakers of earlier quotes.

- "he"/"she": a person (never a place, a group, an organisation, a sentence-opening
  word or a picture credit), of that gender when the document shows it (a title, a
  first name, a role noun such as "spokeswoman"); unknown gender fits both.
- "they": a group ("officials", "Democrats", "Tore Sohlberg and Lehla Abreder").
- "it": an organisation, and only when nothing else ("the report", "the plan") was
  talked about in between.
When nothing fits, the pronoun stays unresolved and the quote is left out: a quote
given to the wrong person is worse than a missed one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator

from quoteidx.attributing.bodies import body_before
from quoteidx.attributing.lexicon import CREDIT_LABELS
from quoteidx.attributing.resolve import (
    GROUP,
    ORGANISATION,
    PERSON,
    THING,
    UNKNOWN,
    Resolver,
    Speaker,
)
from quoteidx.attributing.sentences import sentence_start
from quoteidx.attributing.unnamed import is_company_description
from quoteidx.finding.names import NAME_PARTICLES, Mention
from quoteidx.finding.tokens import is_person_noun

SINGULAR = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PLURAL = frozenset({"they", "them", "their"})
NEUTER = frozenset({"it", "its"})
_LOOK_BACK = 50  # candidates tried before giving up
_FAR = 4000  # characters: how far back an antecedent may be (a few paragraphs)
_CREDIT_AFTER = re.compile(r"\s*[/|]")
_LINE = re.compile(r"(?<=\n)[ \t]*[^\s]")  # where a non-blank line's text starts
_PLURAL_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_FAMILY_NOUNS = frozenset({"family", "couple"})
_THE_NAME = re.compile(r"The\s+[A-Z][\w’'-]+")  # "The Lindqvist" (family)
_POSSESSOR = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w-]*)['’]s?\s+[a-z]")
_POSSESSIVE = re.compile(r"['’]s?$")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_GENDERED = {"male": re.compile(r"\b(?:he|his|him|himself)\b"),
             "female": re.compile(r"\b(?:she|her|hers|herself)\b")}
# "Ana Ruiz, who …", "Ana Ruiz, a nurse", "Tom Berg, her counterpart at Acme"
_INTRODUCED = re.compile(r",\s+(?:(?:who|a|an|the)\b|(?:his|her|their)\s+\w+\b(?!['’]))")


# "asked Tom Berg", "asked Sen. Ana Ruiz": whom a question was put to
_ASKED = re.compile(r"\basked\s+((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w'’-]+"
                    r"(?:\s+[A-Z][\w'’-]+){0,2})")


# the phrase a sentence opens with to say whom it is about, up to a name
_TOPIC_OPENING = re.compile(r"\s*(?:As for|For|With|To)\s+(?:[a-z]+\s+)?")


def _position(item: tuple[int, Speaker]) -> int:
    return item[0]


def _fits(speaker: Speaker, wanted: str | None) -> bool:
    """A single person of the wanted gender; unknown gender fits both."""
    return speaker.kind == PERSON and not speaker.plural and not (
        wanted and speaker.gender and speaker.gender != wanted)


class Antecedents:
    """What a pronoun may refer to, in text order: the subjects of sentences (a pronoun
    subject resolved in its turn, so that "Ruiz arrived. She sat down. She said …"
    stays with Ruiz) and the speakers of earlier quotes."""

    def __init__(self, resolver: Resolver, subjects: list[Mention], names: list[Mention]
                 ) -> None:
        self._resolver = resolver
        self._pending = sorted(subjects, key=lambda m: m.start)
        self._next = 0  # subjects before self._pending[self._next] are resolved
        self._subjects: list[tuple[int, Speaker]] = []
        self._name_mentions = sorted(names, key=lambda m: m.start)
        self._names: dict[int, tuple[int, Speaker, bool] | None] = {}  # by mention index
        self.said: list[tuple[int, Speaker]] = []  # speakers of earlier quotes
        # genders the text has shown by a "he" or "she" that meant the person ("Kiara
        # Perkins admitted … She …": a later "he" is someone else)
        self._genders: dict[str, str] = {}
        text = resolver.text
        self._paragraph_starts = [0] + [m.end() - 1 for m in _LINE.finditer(text)]

    def add_speaker(self, position: int, speaker: Speaker) -> None:
        insort(self.said, (position, speaker), key=_position)

    def _advance(self, position: int) -> None:
        """Resolve the subjects of the sentences before `position`, in order."""
        while self._next < len(self._pending) and self._pending[self._next].start < position:
            subject = self._pending[self._next]
            self._next += 1
            if self._is_credit(subject):
                continue
            if subject.kind == "pronoun" and subject.text.lower() in NEUTER:
                # "It was cold", "It is unclear": a thing as far as we can tell, which
                # stands between a body named before and a later "it said".
                speaker = Speaker(subject.text, None, kind=THING)
            elif subject.kind == "pronoun":
                speaker = self.resolve(subject, self._paragraph_of(subject.start))
            elif (subject.kind == "name" or _THE_NAME.fullmatch(subject.text)) and (
                    group := self._group_after(subject)):
                speaker = group  # "Scientology officials went …": the officials
            elif is_company_description(subject.text):
                speaker = body_before(self.before(subject.start), self.window(subject.start),
                                      self._resolver.index.heads) or self._resolver.resolve(
                    subject)[0]
            else:
                speaker, _how = self._resolver.resolve(subject)
            owner = self._possessor(subject)
            if owner is not None:  # "Mrs. Schlafly's pronouncements drove …": Schlafly,
                self._subjects.append((subject.start, owner))  # not a thing of hers
            elif speaker is not None and speaker.name:
                self._subjects.append((subject.start, speaker))

    def _possessor(self, subject: Mention) -> Speaker | None:
        """The person whose thing a subject is: "Mrs. Schlafly's pronouncements"."""
        match = _POSSESSOR.match(subject.text)
        if match is None or subject.kind == "pronoun":
            return None
        owner = self._resolver.named(match.group(1), subject.start)
        return owner if owner is not None and owner.kind == PERSON else None

    def _group_after(self, subject: Mention) -> Speaker | None:
        """A name that modifies a plural noun for people opens the subject, it is not
        the subject: "Scientology officials", "Liberal MPs", "Acme workers"."""
        match = _PLURAL_AFTER.match(self._resolver.text, subject.end)
        if match is None or not is_person_noun(match.group(1)) or not (
                match.group(1).endswith("s") or match.group(1) in _FAMILY_NOUNS):
            return None  # ("The Lindqvist family issued …": the family)
        name = self._resolver.text[subject.start : match.end(1)]
        return Speaker(name, None, plural=True, kind=GROUP)

    def _is_credit(self, mention: Mention) -> bool:
        """"(Photo: Ana Ruiz)", "Ana Ruiz/The Canadian Press": a credit, not a person
        in the story."""
        text = self._resolver.text
        if _CREDIT_AFTER.match(text, mention.end):
            return True
        before = text[max(0, mention.start - 24) : mention.start].rstrip()
        if before.endswith("("):
            return True
        words = before.rstrip(":").split()
        if words and words[-1].lower() == "by":
            words.pop()
        return bool(words) and words[-1].lower().strip("(:") in CREDIT_LABELS

    def _paragraph_of(self, position: int) -> int:
        """Where the paragraph holding `position` starts (every non-blank line is one)."""
        starts = self._paragraph_starts
        return starts[max(0, bisect_right(starts, position) - 1)]

    def _paragraph_before(self, paragraph_start: int) -> int:
        """Where the paragraph before the one starting at `paragraph_start` starts."""
        starts = self._paragraph_starts
        i = bisect_right(starts, paragraph_start) - 1
        return starts[max(0, i - 1)]

    def people_named_between(self, start: int, end: int) -> list[Speaker]:
        """The people named from `start` to `end`, in text order."""
        return [speaker for _at, speaker, _introduced in self._people_named_between(start, end)]

    def _people_named_between(self, start: int, end: int) -> list[tuple[int, Speaker, bool]]:
        """People named from `start` to `end`, each with whether the text introduces them
        (a title, a role, "Ana Ruiz, who …"). Each name is resolved once, when asked for."""
        mentions = self._name_mentions
        a = bisect_left(mentions, start, key=lambda m: m.start)
        b = bisect_left(mentions, end, key=lambda m: m.start)
        found = []
        for k in range(a, b):
            if k not in self._names:
                self._names[k] = self._person_named(mentions[k])
            if self._names[k] is not None:
                found.append(self._names[k])
        return found

    def _person_named(self, mention: Mention) -> tuple[int, Speaker, bool] | None:
        if mention.kind != "name" or self._is_credit(mention):
            return None
        speaker = self._resolver.named(mention.text, mention.start)
        if speaker is None or speaker.kind != PERSON:
            return None
        introduced = bool(_INTRODUCED.match(self._resolver.text, mention.end)) or \
            self._resolver.index.is_introduced(speaker.name or "")
        return mention.start, speaker, introduced

    def _someone_else_named(self, speaker: Speaker, wanted: str | None, start: int,
                            end: int) -> bool:
        """Whether a person other than `speaker` who could be meant is named between
        `start` and `end`, even by surname alone ("Strada accused …")."""
        resolver = self._resolver
        for match in _CAPITALISED.finditer(resolver.text, start, end):
            word = _POSSESSIVE.sub("", match.group())
            if not resolver.index.has_surname(word):
                continue
            other = resolver.named(word, match.start())
            if other is not None and other.name != speaker.name and self._fits(other, wanted):
                return True
        return False

    def before(self, position: int) -> Iterator[tuple[int, Speaker]]:
        """Subjects and earlier speakers before `position`, nearest first."""
        return self._before(position)

    def _before(self, position: int) -> Iterator[tuple[int, Speaker]]:
        """Candidates nearest first: subjects and earlier speakers, merged."""
        self._advance(position)
        lists = [self.said, self._subjects]  # a speaker wins a tie with the same subject
        ends = [bisect_left(items, position, key=_position) for items in lists]
        for _ in range(_LOOK_BACK):
            best = max((k for k in (0, 1) if ends[k] > 0),
                       key=lambda k: lists[k][ends[k] - 1][0], default=None)
            if best is None:
                return
            ends[best] -= 1
            yield lists[best][ends[best]]

    def resolve(self, pronoun: Mention, paragraph_start: int) -> Speaker | None:
        """The antecedent of a pronoun in the paragraph starting at `paragraph_start`."""
        found = self._antecedent(pronoun, paragraph_start)
        wanted = SINGULAR.get(pronoun.text.lower())
        if found is not None and found.name and wanted and not found.gender:
            self._genders.setdefault(found.name, wanted)
        return found

    def other_than(self, pronoun: Mention, paragraph_start: int, name: str) -> Speaker | None:
        """Whom a pronoun answering `name`'s question means ("“…?” Berg asked. “…,” she
        replied"): the nearest other person who fits, in this paragraph or the one before."""
        wanted = SINGULAR.get(pronoun.text.lower())
        window = self._paragraph_before(paragraph_start)
        for at, speaker in self._before(pronoun.start):
            if at < window:
                break
            if speaker.name != name and self._fits(speaker, wanted):
                return speaker
        return None

    def met_before(self, position: int, paragraph_start: int, wanted: str | None
                   ) -> tuple[int, Speaker] | None:
        """Where and who the person is that a definite description of someone just met
        stands for ("“…,” says the 58-year-old grandmother"): the nearest who fits, in
        this paragraph or the one before, when no one else who fits was named since."""
        window = self._paragraph_before(paragraph_start)
        for at, speaker in self._before(position):
            if at < window:
                break
            if self._fits(speaker, wanted):
                return None if self._someone_else_named(speaker, wanted, at, position) else (
                    at, speaker)
        return None

    def _fits(self, speaker: Speaker, wanted: str | None) -> bool:
        return _fits(speaker, wanted) and not (
            wanted and self._genders.get(speaker.name or "", wanted) != wanted)

    def _antecedent(self, pronoun: Mention, paragraph_start: int) -> Speaker | None:
        word = pronoun.text.lower()
        if word in NEUTER:
            return self._organisation(pronoun.start)
        window = self._paragraph_before(paragraph_start)
        if word in PLURAL:
            # the nearest group, in this paragraph or the one before; or a body nearer
            # than any group ("the Church denied … They also claimed …")
            for at, s in self._before(pronoun.start):
                if at < window:
                    return None
                if s.plural:
                    return s
                if s.kind == ORGANISATION and s.name:
                    return Speaker(s.name, s.role, plural=True, kind=ORGANISATION)
            return None
        wanted = SINGULAR.get(word)
        asked = self._asked_before(pronoun.start, wanted)
        if asked is not None:
            return asked
        for at, speaker in self._before(pronoun.start):
            if speaker.kind == UNKNOWN and self._no_one(speaker):
                continue  # "Vermont", "what Donald J. Trump": not a person who could be meant
            if speaker.kind == UNKNOWN:
                if at >= window and (self._spoke(at, speaker) or self._gendered_after(
                        at, wanted)):
                    # "“…,” Schilling said. … he told" or "Schilling shared it and added
                    # his comment. … he wrote": a lone name just quoted speaking, or just
                    # given "his"/"her", is a person (a body or a place is "it", "they")
                    return Speaker(speaker.name, speaker.role, kind=PERSON)
                return None  # "Ban demurred. … he said": a lone name that may be the one
            if self._fits(speaker, wanted):
                nearer = self._topic_after(at, pronoun.start, wanted, speaker)
                if nearer is not None:
                    return nearer
                if at >= window:
                    return speaker
                # Paragraphs away: only if no one else who could be meant was named since.
                if pronoun.start - at <= _FAR and not self._someone_else_named(
                        speaker, wanted, at, pronoun.start):
                    return speaker
                break
        # No subject or speaker fits nearby: the one person named in this paragraph or
        # the one before, if the text introduced them ("his daughter, Ana Ruiz, who …").
        named = self._people_named_between(window, pronoun.start)
        fitting = {s.name: (s, introduced) for _at, s, introduced in named
                   if self._fits(s, wanted)}
        if len(fitting) == 1:
            speaker, introduced = next(iter(fitting.values()))
            if introduced:
                return speaker
        return None

    def _topic_after(self, at: int, position: int, wanted: str | None,
                     candidate: Speaker) -> Speaker | None:
        """The one person of the pronoun's gender (as the text shows it) whom a sentence
        opens on, from the candidate's sentence to the pronoun: "For Kevin Allton, a
        teacher, Warhol was a legend. He said": Allton, not Warhol, nor a person further
        back. A candidate just quoted in that sentence keeps the pronoun ("For Ruiz, it
        was a loss, Berg said. He added …")."""
        if wanted is None:
            return None
        text = self._resolver.text
        opening = sentence_start(text, at)
        # only a person a sentence opens on: a name elsewhere is mostly someone spoken
        # of ("Shays backed Tom Kasich, he said")
        topics = {s.name: s for named_at, s, _introduced in self._people_named_between(
            opening, position) if s.name != candidate.name and self._gender(s) == wanted
            and _TOPIC_OPENING.fullmatch(text, start := sentence_start(text, named_at),
                                         named_at)
            and not (start == opening and self._spoke(at, candidate))}
        return next(iter(topics.values())) if len(topics) == 1 else None

    def _gender(self, speaker: Speaker) -> str | None:
        return speaker.gender or self._genders.get(speaker.name or "")

    def _asked_before(self, position: int, wanted: str | None) -> Speaker | None:
        """The person asked in the sentence before ("A reporter asked Tom Berg how he
        felt. He replied: …"): the one who answers, when the text shows that person is of
        the pronoun's gender (the asker may be too)."""
        if wanted is None:
            return None
        text = self._resolver.text
        start = sentence_start(text, position)
        matches = list(_ASKED.finditer(text, sentence_start(text, start - 2), start))
        if not matches:
            return None
        match = matches[-1]
        asked = self._resolver.named(match.group(1), match.start(1))
        gender = asked.gender or self._genders.get(asked.name or "") or (wanted if _GENDERED[
            wanted].search(text, match.end(), start) else None) if asked else None  # (or the
        # question's own pronoun: "asked Hope what she wanted")
        return asked if asked is not None and self._fits(asked, wanted) and (
            gender == wanted) else None

    def _no_one(self, speaker: Speaker) -> bool:
        """Whether a name of unknown kind cannot be a person's: the document writes it as
        a place ("in Asmara"), or it holds a word in lower case ("what Donald Trump")."""
        name = speaker.name or ""
        return any(w[:1].islower() and w not in NAME_PARTICLES for w in name.split()) or (
            " " in name and name.isupper()) or self._resolver.is_placelike(name)  # FULL TEXT

    def _gendered_after(self, at: int, wanted: str | None) -> bool:
        """Whether the sentence naming a candidate at `at` goes on to call someone "his"
        or "her" (of the wanted gender) before any other name: "Schilling had shared it
        and added his own comment"."""
        if wanted is None:
            return False
        text = self._resolver.text
        stop = text.find(". ", at, at + 300)
        words = _GENDERED[wanted].search(text, at, stop if stop >= 0 else at + 300)
        if words is None:
            return False
        between = text[at : words.start()].split()[1:]
        return not any(w[:1].isupper() for w in between)

    def _spoke(self, at: int, speaker: Speaker) -> bool:
        """Whether the candidate at `at` is the speaker of an earlier quote."""
        i = bisect_left(self.said, at, key=_position)
        return any(s is speaker for _at, s in self.said[i : i + 3] if _at == at)

    def _organisation(self, position: int) -> Speaker | None:
        """"it said": the body the text was last about, if nothing else came between."""
        for _at, speaker in self._before(position):
            if speaker.kind == PERSON or speaker.plural:
                continue
            if speaker.kind in (ORGANISATION, UNKNOWN):
                return Speaker(speaker.name, speaker.role, kind=ORGANISATION)
            return None
        return None

    def window(self, position: int) -> int:
        """Where the paragraph before the one holding `position` starts."""
        return self._paragraph_before(self._paragraph_of(position))
