"""Resolving the words that name a speaker (a Mention) to the person or body meant.

A name becomes the fullest form the document uses ("Khan" -> "Ismail Khan"), an acronym
the organisation it stands for; a definite description the document has tied to a
name ("the mayor", "the union", "the bank") becomes that name; other descriptions stay
as written; a pronoun goes to its antecedent (pronouns.py). Each answer says how it
was found (`how`, the record's `resolved_by`).
"""

from __future__ import annotations

import re

from quoteidx.attributing.groups import coordinated
from quoteidx.attributing.index import NameIndex
from quoteidx.attributing.lexicon import (
    COMPANY_NOUNS,
    KIN_NOUNS,
    NAMED_BODY_NOUNS,
    NEUTRAL_MODIFIERS,
)
from quoteidx.attributing.names import (
    ALL_TITLES,
    clean_role,
    gender,
    is_acronym,
    is_first_name,
    is_group_name,
    is_organisation,
    is_place,
    looks_like_a_persons_name,
    name_words,
    strip_title,
)
from quoteidx.attributing.occurrences import (
    after_place_preposition,
    inside_sentence,
    occurs,
    standing_alone,
)
from quoteidx.attributing.organisations import Organisations
from quoteidx.attributing.speaker import (
    GROUP,
    ORGANISATION,
    PERSON,
    PLACE,
    THING,
    UNKNOWN,
    Speaker,
)
from quoteidx.attributing.unnamed import (
    BODY_NOUNS,
    description,
    is_name,
    is_plural,
    name_after_role,
)
from quoteidx.finding import Analysis
from quoteidx.finding.lexicon import POSSESSIVE_ENDS, PREPOSITIONS, SPEECH_VERBS
from quoteidx.finding.names import Mention
from quoteidx.finding.office_words import ORG_NOUNS
from quoteidx.finding.tokens import is_speaking_noun

_LEADING_JOINS = ("but", "and", "so")
# Bodies that speak as one ("the union", "the company"), not people ("the spokesman").
_POSSESSIVE = re.compile(r"['’]s?$")
_SAY_FORMS = frozenset({"say", "says", "said", "tell", "tells", "told", "wrote", "writes",
                        "thinks", "believes", "adds", "argues", "insists", "warns"})


class Resolver:
    """Resolves a document's speaker mentions, with what the document says of each name."""

    def __init__(self, analysis: Analysis, text: str) -> None:
        self.text = text
        self._lower_words: dict[str, bool] = {}
        self._bare_names: dict[str, str] = {}  # name -> without_opener(name)
        self.index = NameIndex(analysis.names, analysis.subjects, self.without_opener, text)
        self._organisations: Organisations | None = None
        self._mid_sentence_words: dict[str, bool] = {}
        self._placelike: dict[str, bool] = {}
        self._opening: dict[str, bool] = {}  # lone word -> opens a longer name
        self._speakers: dict[str, Speaker | None] = {}  # by canonical name
        # "Tore Sohlberg and Lehla Abreder said": both, keyed by where each name starts
        self.groups: dict[int, Speaker] = {}
        self._unnamed = [(m.start, m.text.split()[-1].lower()) for m in analysis.subjects
                         if m.kind == "description" and m.text.split()[0].lower() in _NEW_ONES]
        for subject in analysis.subjects:
            if subject.kind == "name" and (found := coordinated(text, subject, self.named)):
                second, group = found
                self.groups[subject.start] = self.groups[second] = group

    @property
    def organisations(self) -> Organisations:
        if self._organisations is None:
            self._organisations = Organisations(self.text)
        return self._organisations

    def resolve(self, mention: Mention, cue: str | None = None) -> tuple[Speaker | None, str]:
        """The speaker a mention names, and how it was found: "name", "surname" (a short
        form: "Khan", an acronym), "title" (a title or description the document tied to a
        name), "description" (unnamed, kept as written). Pronouns: see pronouns.py."""
        if mention.name_in_apposition:  # "The deputy mayor, Clara Wendt,"
            speaker = self.named(mention.name_in_apposition, mention.start)
            if speaker is None:
                return None, "name"
            role = speaker.role or clean_role(mention.text)
            return _with(speaker, role=role), "name"
        if mention.kind == "name":
            if _POSSESSIVE.search(mention.text) and _is_verb(cue):
                return None, "name"  # "Rubio’s aide said": the possessor does not speak
            return self._resolve_name(mention)
        return self._resolve_description(mention)

    def _resolve_name(self, mention: Mention) -> tuple[Speaker | None, str]:
        if mention.start not in self.groups and " and " in mention.text and (
                found := coordinated(self.text, mention, self.named)) and (
                found[1].kind != ORGANISATION):  # (bodies keep their names as written)
            self.groups[mention.start] = found[1]  # "“…,” Ana Ruiz and Tom Berg said"
        if mention.start in self.groups:
            group, role = self.groups[mention.start], clean_role(mention.role)
            return (_with(group, role=role) if role else group), "name"  # "The couple, …"
        if mention.role and is_name(mention.role) and mention.text.split()[-1].lower().rstrip(
                ".") in ALL_TITLES:  # "Manitoba's Infrastructure Minister, Ron Schuler,"
            holder = self.named(mention.role, mention.start)
            if holder is not None and holder.kind == PERSON:
                return _with(holder, role=holder.role or clean_role(mention.text)), "name"
        full, title = strip_title(mention.text)
        if (full.lower() in ALL_TITLES or (title and not full)) and (
                self.index.canonical(full, mention.start) == full):
            return self._resolve_description(mention)  # "Commander" alone, not "Ana King"
        speaker = self.named(mention.text, mention.start)
        if speaker is None:
            return None, "name"
        role = clean_role(mention.role)  # the role given here, before one given elsewhere
        if role and role != speaker.role:
            speaker = _with(speaker, role=role)
        how = "surname" if speaker.name != full else "name"  # "Khan" -> "Ismail Khan"
        return speaker, how

    def named(self, text: str, position: int) -> Speaker | None:
        """The speaker a name stands for, or None when the "name" is a common word
        opening a sentence ("Worse", "Reluctantly")."""
        full, _title = strip_title(text)
        full = self.without_opener(full)
        if is_acronym(full):
            expanded = self.organisations.expand(full, position)
            return Speaker(expanded or full, None, kind=ORGANISATION)
        canonical = self.index.canonical(full, position, gender(text) if _title else None)
        if canonical not in self._speakers:
            self._speakers[canonical] = self._speaker_named(canonical)
        speaker = self._speakers[canonical]
        if (speaker is None or speaker.kind in (THING, UNKNOWN)) and canonical == full and (
                " " not in full and not _title) and self._opens_a_longer_name(full) and (
                company := self.organisations.short_form(full, position)):
            return Speaker(company, None, kind=ORGANISATION)  # "Loblaw" after "Loblaw Cos."
        if speaker is not None and speaker.gender is None and speaker.kind == PERSON and _title:
            sex = gender(text)  # "Mr. Khan" when the full name says nothing
            if sex:
                return Speaker(speaker.name, speaker.role, speaker.plural, sex, speaker.kind)
        return speaker

    def _speaker_named(self, canonical: str) -> Speaker | None:
        if self.is_common_word(canonical):
            low = canonical.lower()
            if is_speaking_noun(low) or low.endswith("s") and not low.endswith("ss"):
                return description([canonical], None)  # "Opponents say", "Residents said"
            return None  # "Worse, she says", "Apparently not"
        return Speaker(canonical, self.index.role_of(canonical),
                       plural=is_group_name(canonical), gender=self.index.gender_of(canonical),
                       kind=self.kind_of_name(canonical))

    def _opens_a_longer_name(self, word: str) -> bool:
        """Whether the text writes `word` before another capitalised word ("Loblaw
        Companies"): the cheap test before every organisation is gathered."""
        found = self._opening.get(word)
        if found is None:
            text, at = self.text, self.text.find(word + " ")
            while at >= 0 and not text[at + len(word) + 1 : at + len(word) + 2].isupper():
                at = text.find(word + " ", at + 1)
            found = self._opening[word] = at >= 0
        return found

    def without_opener(self, name: str) -> str:
        """A name without the common word that opened its sentence: "Rival Ana Ruiz",
        "Outside Acme Corp" (the document writes "rival" and "outside" in lower case);
        "Will Smith" keeps a first name. Asked for every mention: answered once a name."""
        found = self._bare_names.get(name)
        if found is None:
            found = self._bare_names[name] = self._without_opener(name)
        return found

    def _without_opener(self, name: str) -> str:
        words = name_words(name)
        if len(words) < 3 or not all(w[:1].isupper() for w in words) or is_organisation(name):
            return name  # ("World Health Organisation": a body's name, whole)
        first = words[0]
        if gender(first) is None and first.lower().rstrip(".") not in ALL_TITLES \
                and self._in_lower_case(first) and not (gender(words[1]) is None and occurs(
                    self.text, name, inside_sentence)):
            # (inside a sentence, with no person's name after it, the capital is the
            # name's: "In a statement, Southern Health-Santé Sud said", though the text
            # writes "southern Manitoba"; not "Supervisor of Elections Susan Bucher")
            return " ".join(words[1:])
        return name

    def kind_of_name(self, canonical: str) -> str:
        if is_organisation(canonical):
            return ORGANISATION
        if is_group_name(canonical):
            return GROUP
        if is_place(canonical):
            return PLACE
        if self.is_person(canonical):
            return PERSON
        words = name_words(canonical)
        if len(words) == 1 and not self._mid_sentence(words[0]):
            return THING  # "Ahead of the vote, …": capitalised only where sentences open
        return UNKNOWN

    def _mid_sentence(self, word: str) -> bool:
        """Whether the document writes `word` capitalised inside a sentence too, as names
        are ("… said Acme"), not only where a sentence opens ("Ahead of the vote")."""
        found = self._mid_sentence_words.get(word)
        if found is None:
            found = self._mid_sentence_words[word] = occurs(self.text, word, inside_sentence)
        return found

    def is_person(self, canonical: str) -> bool:
        """Whether a name is a person's, as far as the document shows: it looks like one
        ("Outside Carrier" opens with a common word; "FULL TEXT" is a headline) and is a
        full name, or a lone name with a personal title, a role or a known first name."""
        if not looks_like_a_persons_name(canonical):
            return False
        words = name_words(canonical)
        if len(words) > 1:  # "Outside Carrier", "Video Transcript": once, and a word
            return gender(words[0]) is not None or self.index.times_named(canonical) > 1 \
                or self.index.is_introduced(canonical) or not self._in_lower_case(words[0])
        return self.index.is_introduced(canonical) or gender(canonical) is not None

    def is_placelike(self, name: str) -> bool:
        """Whether the document writes a lone name as a place: after "in", "from" or
        "near" ("in Asmara"), not as someone's ("in Ruiz’s speech")."""
        found = self._placelike.get(name)
        if found is None:
            found = self._placelike[name] = " " not in name and occurs(
                self.text, name, after_place_preposition)
        return found

    def is_common_word(self, name: str) -> bool:
        """A lone capitalised word the document also writes in lower case, an adverb or a
        compound like "Florida-based": a sentence opener, not a name. Organisations'
        words ("Church", "Police") are names all the same."""
        words = name_words(name)
        if len(words) != 1 or is_organisation(name):
            return False
        word = words[0]
        low = word.lower()
        if low.endswith("ly") and not is_first_name(word) or (  # "Emily", "Kelly"
                "-" in word and not word.split("-")[-1][:1].isupper()):
            return True
        return self._in_lower_case(word)

    def _in_lower_case(self, word: str) -> bool:
        """Whether the document also writes `word` in lower case, as a word of its own
        (not inside a web address: "twitter.com")."""
        low = word.lower()
        found = self._lower_words.get(low)
        if found is None:
            found = self._lower_words[low] = occurs(self.text, low, standing_alone)
        return found

    def _resolve_description(self, mention: Mention) -> tuple[Speaker | None, str]:
        words = mention.text.split()
        if words and words[0].lower() in _LEADING_JOINS:
            words = words[1:]
        role = clean_role(mention.role)
        name = role if role and is_name(role) else name_after_role(role)
        if name is not None:
            # "Rubio’s campaign manager, Rich Beeson, said": the name speaks, also after
            # a role of its own ("Clinton's introducer, actress Jamie Lee Curtis")
            speaker = self.named(name, mention.start)
            if speaker is not None and speaker.kind == PERSON:
                own = role[: -len(name)].strip() if name != role else None
                return _with(speaker, role=speaker.role or own or clean_role(" ".join(
                    words))), "name"
        low = [w.lower() for w in words]
        if len(low) > 1 and low[0] == "the" and all(w[0].isupper() for w in words[1:]) \
                and low[-1].rstrip(".") not in ALL_TITLES:
            # "the RCMP", "the Washington Post": a name after all
            if words[-2].endswith(POSSESSIVE_ENDS) and low[-1] in ORG_NOUNS:
                # "the Prime Minister's Office": an office, whose owner's title stays
                return Speaker(" ".join(words[1:]), None, kind=ORGANISATION), "name"
            speaker = self.named(" ".join(words[1:]), mention.start)
            if speaker is not None:
                how = "surname" if speaker.name != " ".join(words[1:]) else "name"
                return speaker, how
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            # "Two Rivers said" after "Kelsey Two Rivers": a surname of common words
            joined = " ".join(words)
            full = self.index.canonical(joined, mention.start)
            if full.endswith(" " + joined) and (speaker := self.named(joined, mention.start)) \
                    and speaker.kind == PERSON:
                return speaker, "surname"
        described = self._described_name(words, mention.start)
        if described is not None:
            return described, "name"
        tied = self._tied_to_name(words, mention.start)
        if tied is not None:
            return tied, "title"
        return description(words, role), "description"

    def _described_name(self, words: list[str], position: int) -> Speaker | None:
        """The person in "a relieved Ana Ruiz", "an emotional Tom Berg": an article and
        words in lower case that say how the person was, before a person's full name."""
        if len(words) < 4 or words[0].lower() not in ("a", "an", "the"):
            return None
        at = next((i for i, w in enumerate(words) if w[0].isupper() and i > 0), len(words))
        name = " ".join(words[at:])
        if not 1 < at <= 3 or not all(w.isalpha() and w.islower() and w.endswith(
                _HOW_ENDINGS) and w not in PREPOSITIONS for w in words[1:at]) or not (
                is_name(name)):
            return None  # not "the mayor Ana Ruiz" (a role), "a study by Ana Ruiz"
        speaker = self.named(name, position)
        return speaker if speaker is not None and speaker.kind == PERSON else None

    def _tied_to_name(self, words: list[str], position: int) -> Speaker | None:
        """"the mayor" -> the mayor named nearest before; "the union", "the bank" -> the
        union or bank named nearest before. Only a definite description of one, with no
        possessive or phrase after its head: "a spokeswoman", "her father", "the
        mayor's aide" and "the head of the union" stay as written."""
        low = [w.lower().rstrip(".") for w in words]
        if len(low) == 2 and low[0] in ("his", "her", "their") and low[1] in KIN_NOUNS and (
                holder := self.index.only_holder_before(low[1], position)) and (
                self.kind_of_name(holder) == PERSON):
            # "The victim's mother, Fatima Haddad, … his mother said": the one so called
            return Speaker(holder, self.index.role_of(holder) or low[1],
                           gender=self.index.gender_of(holder), kind=PERSON)
        if not 2 <= len(low) <= 4 or low[0] != "the":
            return None
        head, modifiers = low[-1], low[1:-1]
        owned = any(_POSSESSIVE.search(w) for w in low)
        if any(w in PREPOSITIONS for w in low) or owned and head not in NAMED_BODY_NOUNS:
            return None  # (an owner is a word of the body's own name or no one's: below)
        if is_plural(head) or head.endswith("s") and head[:-1] in BODY_NOUNS:
            return None  # many: "the officials", "the police", "the unions"
        if head in COMPANY_NOUNS:
            return None  # no name says "Company": see bodies.body_before
        holder = self.index.holder_before(head, modifiers, position)
        if head in NAMED_BODY_NOUNS:
            body = self.organisations.named_before(head, position)
            if body is not None and not all(m in NEUTRAL_MODIFIERS or m in body[1].lower().split()
                                            for m in modifiers):
                body = None  # "the provincial union" is not named by "Port Workers Union"
            if owned:  # "the processors' council": the "Seafood Processors' Council"
                holder = None
            best = max((c for c in (holder, body) if c is not None), key=lambda c: c[0],
                       default=None)
            return Speaker(best[1], None, kind=ORGANISATION) if best else None
        if head in BODY_NOUNS or holder is None or self.kind_of_name(holder[1]) != PERSON:
            return None  # "the woman" is not "New Hampshire, a young woman"
        if any(holder[0] < at < position and word == head for at, word in self._unnamed):
            return None  # "Another analyst, who asked not to be named, said …": "the
            # analyst" after it is that one, not the analyst named before
        name = holder[1]
        role = self.index.role_of(name) or " ".join(low[1:])
        return Speaker(name, role, gender=self.index.gender_of(name), kind=PERSON)

# Words that bring in someone new, unnamed: "Another analyst", "A nurse", "One teacher".
_NEW_ONES = frozenset({"a", "an", "another", "one"})


def _is_verb(cue: str | None) -> bool:
    """Whether a cue is a speech verb ("said", "argued", "protesting"), not a noun: a
    possessor speaks through "Clinton's claim that", never through "Clinton's aide said"."""
    word = (cue or "").split()[0].lower() if cue and cue.split() else ""
    return word in SPEECH_VERBS and (word.endswith(("ed", "ing")) or word in _SAY_FORMS)


# How a person was, in a word: relieved, smiling, tearful, emotional, visibly, angry
_HOW_ENDINGS = ("ed", "ing", "ful", "al", "ly", "ant", "ent", "ive", "ous", "ic", "y")


def _with(speaker: Speaker, *, role: str | None) -> Speaker:
    return Speaker(speaker.name, role, speaker.plural, speaker.gender, speaker.kind)
