"""Who a document names, indexed once so that resolving each speaker costs a look-up.

Names are grouped by surname and, within a surname, by the form written ("Ismail Khan",
"Commander Ismail Khan" -> "Ismail Khan"), each form with the sorted offsets where it
appears: the fullest form and its nearest earlier mention are found with a bisection
per form, not by rescanning every earlier mention. What the document calls each person
("Mayor Ana Ruiz", "Ana Ruiz, a nurse at the clinic,") is indexed the same way: head
word of the title or role -> offsets of the mentions of people holding it, for "the
mayor" and "the nurse".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from quoteidx.attributing.lexicon import (
    COMPANY_NOUNS,
    NEUTRAL_MODIFIERS,
    TITLE_NOUNS,
)
from quoteidx.attributing.names import (
    ALL_TITLES,
    clean_role,
    gender,
    gender_of_words,
    head_word,
    is_first_name,
    looks_like_a_persons_name,
    name_words,
    strip_title,
    surname,
)
from quoteidx.finding.names import NAME_PARTICLES, Mention
from quoteidx.finding.office_words import ORG_NOUNS, RANK_WORDS
from quoteidx.finding.tokens import is_person_noun

_LATER = 10**12  # a later mention ranks after every earlier one
_LOOK_BACK = 20  # holders of a title tried before giving up on its modifiers
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "me", "mme"})


# What a title is also called: "Justice Carolyn Mbeki" is "the judge".
# Other nouns a title is called by: "Justice Carolyn Mbeki" is "the judge", "Det. Sgt.
# Ravi Sandhu" "the detective" and "the officer".
_TITLE_HEADS = {"justice": ("judge",), "detective": ("officer",), "constable": ("officer",),
                "sergeant": ("officer",), "corporal": ("officer",),
                "inspector": ("officer",), "superintendent": ("officer",),
                "executive": ("ceo",)}  # ("Chief executive Anna Boateng" is "the CEO")


_COURTESY = frozenset({"mr", "mrs", "ms", "miss"})
# A first name joined to a full name before it: "Omar and Sana Qureshi".
_COUPLE = re.compile(r"\b([A-Z][a-z]+)\s+and\s+\Z")


@dataclass(slots=True)
class _Form:
    """One way the document writes a name, and where."""

    full: str  # title stripped: "Commander Ismail Khan" -> "Ismail Khan"
    words: frozenset[str]
    length: int
    starts: list[int] = field(default_factory=list)

    def last_before(self, position: int) -> int | None:
        """Where its nearest mention at or before `position` starts, if any."""
        i = bisect_right(self.starts, position)
        return self.starts[i - 1] if i else None

    def distance(self, position: int) -> int:
        """How far before `position` its nearest mention is (later ones rank last)."""
        i = bisect_right(self.starts, position)
        return position - self.starts[i - 1] if i else _LATER + self.starts[0]


def _run_into(form: _Form, others: list[_Form]) -> bool:
    """Whether the form is words run into the front of a full name the document uses more
    often ("Offensive Things Donald Trump", once, in a headline; "Donald Trump" after); not
    a first name before a surname of two words ("Rosalind Red Crow", then "Red Crow")."""
    return len(form.starts) == 1 and not is_first_name(form.full.split()[0]) and any(
        1 < other.length < form.length and len(other.starts) > 1
        and form.full.endswith(" " + other.full)
        and other.full.split()[0].lower() not in NAME_PARTICLES  # "Marine Le Pen"
        for other in others)


def role_head(role: str) -> tuple[str, list[str]]:
    """"a nurse at the clinic" -> ("nurse", ["nurse"]); "deputy mayor of Springfield" ->
    ("mayor", ["deputy", "mayor"]): the noun a role is about and the words up to it."""
    words = [w.lower().strip(",.") for w in role.split()]
    head = head_word(words)
    upto = words[: words.index(head) + 1] if head in words else words
    return head.rstrip("."), upto


# Words of an office's rank, which a body's name may run into: "… Grand Chief Ana Ruiz".
_OFFICE_RANKS = frozenset({"grand", "deputy", "assistant", "associate", "acting", "interim",
                           "national", "regional", "chief"})


def _office_words(written: str, title: str, is_surname: Callable[[str], bool]) -> list[str]:
    """The capitalised words before a title that say which office it is, lower case:
    "Fire Chief Raymond Bouchard" -> ["fire"], for "the fire chief"; not a person's
    name ("Obama Education Secretary …" -> ["education"]) nor what opens a compound
    ("Manhattan-made"), and none before a courtesy title ("Mr.")."""
    words = [w.lower().rstrip(".") for w in name_words(written)]
    first = title.split()[0]
    if first in _HONORIFICS or first not in words:
        return []
    at = words.index(first)
    # deep in a body's name, only the word right before: "Union of Ontario Indians Grand
    # Chief Dana Moosomin" -> ["grand"]
    office = words[:at] if at < 3 else [w for w in words[at - 1 : at] if w in _OFFICE_RANKS]
    while office and not all(w.isalpha() and not is_surname(w) for w in office):
        office.pop(0)
    return office


def _capital_before(text: str, start: int, role: str) -> str | None:
    """The capitalised word written right before a role that stands before a name, lower
    case: "Defence" of "Defence lawyer Tom Berg", "Crown" of "Crown prosecutor Ana Ruiz"
    (a sentence's first word, or a word always capitalised), for "the defence lawyer"."""
    before = start - len(role) - 1
    if before < 1 or text[before:start - 1] != role or text[before - 1] != " ":
        return None
    match = _CAPITAL_WORD.search(text, max(0, before - 30), before - 1)
    return match.group(1).lower() if match else None


_CAPITAL_WORD = re.compile(r"(?:^|(?<=[\s“\"(]))([A-Z][a-z]+)$")


def _holds(head: str) -> bool:
    """Whether a role's head word can later stand for its holder: "the mayor", "the
    nurse", "the company" (for "Shopify, the Ottawa company,")."""
    return head in ALL_TITLES or is_person_noun(head) or head in ORG_NOUNS \
        or head in COMPANY_NOUNS or head.isalpha() and head.endswith(_AGENT_ENDINGS)


# How nouns for what a person does end: "epidemiologist", "historian", "organizer".
_AGENT_ENDINGS = ("ist", "ian", "er", "or")


class NameIndex:
    """The names, titles and roles a document gives the people it mentions."""

    def __init__(self, names: list[Mention], subjects: list[Mention],
                 bare: Callable[[str], str] = lambda name: name, text: str = "") -> None:
        """`bare` drops what the document shows is not part of a name (a sentence's
        opening word run into it: "Rival Ana Ruiz"); `text` is the document, whose
        paragraphs bound where a namesake just named is the one meant."""
        self._text = text
        self._forms: dict[str, dict[str, _Form]] = {}
        # (name, gender of its title) -> its fullest forms, found once
        self._fullest: dict[tuple[str, str | None], list[_Form]] = {}
        for mention in names:
            if mention.kind == "name":
                full = bare(strip_title(mention.text)[0])
                self._add_form(full, mention.start)
                partner = _COUPLE.search(text, max(0, mention.start - 40), mention.start)
                words = full.split()
                if partner and len(words) == 2 and is_first_name(partner.group(1)) and (
                        not re.search(rf"[A-Z][\w.'’-]*\s+{partner.group(1)}\b", text)):
                    # "Omar and Sana Qureshi": Omar Qureshi too (not "Clinton and Bernie
                    # Sanders" after "Hillary Clinton": a surname in the document)
                    self._add_form(f"{partner.group(1)} {words[1]}", partner.start(1))
        for forms in self._forms.values():
            for form in forms.values():
                form.starts.sort()
        self.roles: dict[str, str] = {}  # canonical name -> the first role given
        self.heads: dict[str, set[str]] = {}  # -> head words of its titles and roles
        self.role_words: dict[str, set[str]] = {}  # -> every word of those, lower case
        self.titled: set[str] = set()  # people given a personal title (Mr., Dr., Mayor)
        self.ranked: dict[str, str] = {}  # -> a title of words ("deputy mayor")
        named: list[tuple[int, str]] = []  # (offset, canonical name) of every name mention
        for mention in [*names, *subjects]:
            if mention.kind == "name":
                full, title = strip_title(mention.text)
                canonical = self.canonical(bare(full), mention.start)
                if title in _COURTESY and canonical != bare(full) and gender(
                        canonical) is None and self._first_start(canonical) > mention.start:
                    canonical = bare(full)  # "Mr. Holm was hurt. … Greta Holm said her
                    # husband …": a man named before her, not she
                named.append((mention.start, canonical))
                role = clean_role(mention.role)
                if title and role and role.lower() in RANK_WORDS:
                    title, role = f"{role.lower()} {title}", None  # "Former mayor Tom Okafor"
                if title:
                    self.titled.add(canonical)
                    office = _office_words(mention.text, title, self._a_persons_surname)  # "fire"
                    words = title.split()
                    if len(words) > 1 or office:  # "deputy mayor", "fire chief"
                        self.ranked.setdefault(canonical, " ".join(
                            [*office, *(TITLE_NOUNS.get(w, w) for w in words)]))
                    self.heads.setdefault(canonical, set()).add(TITLE_NOUNS.get(
                        words[-1], words[-1]))
                    # (with each abbreviation's noun: "Det. Sgt." is a detective sergeant)
                    words = [*words, *(TITLE_NOUNS[w] for w in words if w in TITLE_NOUNS)]
                    self.role_words.setdefault(canonical, set()).update(words, office)
                self._add_role(canonical, role)
                if role and (word := _capital_before(text, mention.start, role)):
                    self.role_words.setdefault(canonical, set()).add(word)  # "Defence lawyer"
            elif mention.name_in_apposition:
                canonical = self.canonical(mention.name_in_apposition, mention.start)
                named.append((mention.start, canonical))
                self._add_role(canonical, clean_role(mention.text))
        named.sort()
        # head word -> (offset, canonical) of the mentions of people holding it
        self._by_head: dict[str, list[tuple[int, str]]] = {}
        for start, canonical in named:
            heads = self.heads.get(canonical, set())
            if "detective" in self.role_words.get(canonical, ()):
                heads = heads | {"detective"}  # "detective sergeant" is "the detective" too
            called = {other for title in heads for other in _TITLE_HEADS.get(title, ())}
            for head in heads | called:
                self._by_head.setdefault(head, []).append((start, canonical))

    def _add_form(self, full: str, start: int) -> None:
        # `bare` is not kept: it is the resolver's method, and a cycle would leave every
        # document's index to the garbage collector
        forms = self._forms.setdefault(surname(full), {})
        form = forms.get(full)
        if form is None:
            words = name_words(full)
            form = forms[full] = _Form(full, frozenset(w.lower() for w in words), len(words))
        form.starts.append(start)

    def _add_role(self, canonical: str, role: str | None) -> None:
        if not role:
            return
        self.roles.setdefault(canonical, role)
        head, words = role_head(role)
        if _holds(head):
            self.heads.setdefault(canonical, set()).add(head)
            self.role_words.setdefault(canonical, set()).update(words)
            # and what the role is of: "president of Amalgamated Transit Union Local 569"
            # is "the union president"; "the union's president" too
            self.role_words[canonical].update(
                w.lower().removesuffix("'s").removesuffix("’s").strip(",.")
                for w in role.split()[len(words):] if w[:1].isupper() or w.endswith(
                    ("'s", "’s")))
            self.role_words[canonical].update(
                w.removesuffix("'s").removesuffix("’s") for w in words if w.endswith(
                    ("'s", "’s")))

    def canonical(self, name: str, position: int, sex: str | None = None) -> str:
        """The fullest name the document uses for this person: among the forms that end
        with the same surname and hold all its words (and, for "Mrs. Clinton", are not a
        man's), one no other form holds; of several such namesakes the one mentioned
        nearest before `position` (else first after it), except for a bare surname: the
        one named in its paragraph before it, else the one named most often (else
        first)."""
        forms = self._fullest.get((name, sex))
        if forms is None:
            words = {w.lower() for w in name_words(name)}
            holding = [f for f in self._forms.get(surname(name), {}).values() if words <= f.words]
            # a run of words holding another person's name is no one's ("Hillary Clinton
            # Slams Donald Trump", a headline read as a name)
            holding = [f for f in holding if not self._holds_another(f)
                       and not _run_into(f, holding)]
            if sex is not None:  # "Ms. Khan": a woman's name first, else one of no known sex
                agreeing = [f for f in holding if gender(f.full) == sex] or [
                    f for f in holding if gender(f.full) is None]
                holding = agreeing or holding
            # the fullest forms: those no other form holds ("Ana Maria Ruiz", not "Ana
            # Ruiz"); several left are namesakes ("Chris Murphy", "Anne Marie Murphy")
            forms = self._fullest[(name, sex)] = [
                f for f in holding if not any(f.words < g.words for g in holding)]
        if len(forms) == 1:
            return forms[0].full
        if not forms:
            return self._first_named(name) or name
        if len(name_words(name)) == 1:
            # news gives a namesake its first name each time: the bare surname is the one
            # just named in its own paragraph, else the person named most often in full,
            # else the one named first
            before = [(at, f.full) for f in forms if (at := f.last_before(position)) is not None]
            if before and self._text.find("\n", max(before)[0], position) < 0:
                return max(before)[1]
            return min(forms, key=lambda f: (-len(f.starts), f.starts[0], f.full)).full
        return min(forms, key=lambda f: (f.distance(position), f.full)).full

    def _first_named(self, word: str) -> str | None:
        """The one full name opening on this first name, for a person the story calls by
        it ("Lily Tran runs the shop. … Lily said"); None when it is no common first
        name or several people bear it."""
        if " " in word:
            return None
        low = word.lower()
        found = {f.full for forms in self._forms.values() for f in forms.values()
                 if f.length > 1 and f.full.split()[0].lower() == low}
        if len(found) != 1:
            return None
        full = found.pop()
        # a first name that is also a word ("Joy", "Hope", "Blessing"): only of a person
        # the story introduced ("Joy Lam, a nurse")
        return full if is_first_name(word) or len(full.split()) == 2 and (
            self.is_introduced(full) and looks_like_a_persons_name(full)) else None

    def _holds_another(self, form: _Form) -> bool:
        """Whether the form is two people's full names run together: one with its own
        surname and another, sharing no word ("Hillary Clinton Slams Donald Trump"; not
        "Dena Minning Grayson", who is also "Dena Grayson")."""
        if form.length < 3:  # no shorter full name of its own inside it
            return False
        own = surname(form.full)
        mine = [f.words for f in self._forms.get(own, {}).values()
                if 1 < f.length < form.length and f.words < form.words]
        return bool(mine) and any(other.length > 1 and other.words < form.words
                   and any(not words & other.words for words in mine)
                   for word in name_words(form.full)[:-1] if word.lower() != own
                   for other in self._forms.get(word.lower(), {}).values())

    def holder_before(self, head: str, modifiers: list[str], position: int
                      ) -> tuple[int, str] | None:
        """The person (or body) mentioned nearest before `position` whose title or role
        is `head`, with every modifier of the description among its words: "the deputy
        mayor" is not Mayor Ana Ruiz."""
        mentions = self._by_head.get(head)
        if not mentions:
            return None
        i = bisect_left(mentions, position, key=lambda item: item[0])
        for start, canonical in reversed(mentions[max(0, i - _LOOK_BACK) : i]):
            if self._described_by(canonical, modifiers):
                return start, canonical
        return None

    def only_holder_before(self, head: str, position: int) -> str | None:
        """The one person the text has named before `position` with the role `head`
        ("The victim's mother, Fatima Haddad"), for a later "his mother"; None if none
        or several."""
        mentions = self._by_head.get(head, [])
        i = bisect_left(mentions, position, key=lambda item: item[0])
        holders = {canonical for _start, canonical in mentions[:i]}
        return holders.pop() if len(holders) == 1 else None

    def only_holder_after(self, head: str, modifiers: list[str], position: int
                          ) -> str | None:
        """The one person the text names after `position` with the title or role `head`
        (and the modifiers): whom a headline's "minister says" means; None if none or
        several."""
        mentions = self._by_head.get(head, [])
        i = bisect_right(mentions, position, key=lambda item: item[0])
        holders = {canonical for _start, canonical in mentions[i:]
                   if self._described_by(canonical, modifiers)}
        return holders.pop() if len(holders) == 1 else None

    def _described_by(self, canonical: str, modifiers: list[str]) -> bool:
        """Whether a description with these modifiers fits the person's titles and
        roles: "the deputy mayor" is not Mayor Ana Ruiz, nor "the mayor" Deputy Mayor
        Tom Okafor."""
        words = self.role_words.get(canonical, set())
        return all(m in words or m in NEUTRAL_MODIFIERS for m in modifiers) and all(
            r in modifiers for r in words & RANK_WORDS)

    def role_of(self, canonical: str) -> str | None:
        """The role to show: the first one given, else a single title ("mayor")."""
        role = self.roles.get(canonical) or self.ranked.get(canonical)
        if role is None:
            heads = self.heads.get(canonical, set()) - _HONORIFICS
            role = next(iter(heads)) if len(heads) == 1 else None
        return role

    def gender_of(self, canonical: str) -> str | None:
        return gender(canonical) or gender_of_words(sorted(self.role_words.get(canonical, ())))

    def has_surname(self, word: str) -> bool:
        return word.lower() in self._forms

    def _a_persons_surname(self, word: str) -> bool:
        """Whether the document names a person with this surname ("Obama"; not the
        "Florida" of "Florida Sen. Marco Rubio")."""
        return any(looks_like_a_persons_name(f.full) and f.length > 1
                   for f in self._forms.get(word, {}).values())

    def _first_start(self, full: str) -> int:
        form = self._forms.get(surname(full), {}).get(full)
        return form.starts[0] if form and form.starts else -1

    def relatives(self, canonical: str) -> list[str]:
        """The other people the document names in full with the same surname ("Mark
        Chen" for "Julie Chen"): their family, as news names one."""
        return [f.full for f in self._forms.get(surname(canonical), {}).values()
                if f.length > 1 and f.full != canonical and not canonical.endswith(
                    " " + f.full) and not f.full.endswith(" " + canonical)]

    def times_named(self, full: str) -> int:
        """How many times the document writes this exact (title-stripped) name."""
        form = self._forms.get(surname(full), {}).get(full)
        return len(form.starts) if form else 0

    def is_introduced(self, canonical: str) -> bool:
        """Whether the document gave `canonical` a personal title (Mr., Dr., Mayor) or a
        role that names a person ("Ana Ruiz, a nurse,")."""
        if canonical in self.titled:
            return True
        return any(h in ALL_TITLES or is_person_noun(h) for h in self.heads.get(canonical, ()))
