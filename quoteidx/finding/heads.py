"""The noun phrase that ends at a token, read back from a speech verb: a pronoun, a name
with the role words before it ("union president Ana Ruiz"), a description ("a spokeswoman
for the mayor"), an unnamed source ("a person familiar with the talks"), and whether a
phrase is a verb's object rather than a subject. quoteidx.finding.phrases builds speaker
phrases (appositions, relative clauses, joined names) out of these.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from quoteidx.finding.descriptions import (
    description_back,
    is_acronym,
    is_plural_role,
    is_role_word,
    modifier_word,
    opens_clause,
    token_index_at,
)
from quoteidx.finding.lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    COURTESY_TITLES,
    DETERMINERS,
    FIRST_PERSON,
    PREPOSITIONS,
    SOURCE_MODIFIERS,
    WRITINGS,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    PARTY_WORDS,
    SPEAKING_PRONOUNS,
    Mention,
    is_name_word,
    is_organisation,
    is_title,
    make_mention,
    month_surname,
    name_end,
    name_run_back,
)
from quoteidx.finding.offices import name_mention, opens_office, role_words_end
from quoteidx.finding.roles import district_holder, numbered_office
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    is_speaking_noun,
    is_speech_verb,
    tag_of,
)


def after_verb(tokens: list[Token], s: int, lo: int) -> bool:
    """Whether the phrase starting at tokens[s] follows a verb, as its object does ("to
    ban the sale", "turn the interruptions"); a role word before a name is no verb
    ("Harbour delegate Tom Berg")."""
    if s <= lo:
        return False
    before = tokens[s - 1]
    return before.is_word and not before.is_quote and not (
        before.is_capitalised or is_role_word(before.lower)) and (
        before.lower == "to" or tag_of(tokens, s - 1) == "VERB")


def head_before(
    text: str, tokens: list[Token], j: int, lo: int, role: str | None = None
) -> Mention | None:
    """The noun phrase ending at tokens[j]: a pronoun, a name with the role words before
    it, or a description."""
    last = tokens[j]
    if last.lower in SPEAKING_PRONOUNS or last.lower in FIRST_PERSON:
        return make_mention(text, tokens, j, j + 1, role)
    if is_acronym(last) and not last.name_like and j + 1 < len(tokens) and is_speech_verb(
            tokens[j + 1]) and not is_role_word(last.lower):  # (not "the MP said": an office)
        return Mention(last.text, last.start, last.end, "name", role)  # "UNICEF said"
    if last.text == "One" and j > lo and is_name_word(tokens[j - 1]) and (
            tokens[j - 1].end + 1 == last.start):  # "Hydro One says": a name ending in "One"
        return name_mention(text, tokens, name_run_back(tokens, j - 1, lo), j + 1, role)
    if last.text.isupper() and is_role_word(last.lower) and (
            described := description_back(text, tokens, j, lo, role)) is not None:
        return described  # "the local MLA", "The Liberal MP": an office, no name
    if is_name_word(last) or (last.is_capitalised and is_title(last)) or month_surname(
            tokens, j):
        a = name_run_back(tokens, j, lo)
        held = district_holder(tokens, a - 1, j + 1) if a - 2 >= lo else None
        if held is not None and held[1] == j + 1:  # "NDP MLA for Dartmouth South Claudia
            named = make_mention(text, tokens, *held)  # Chender": the holder, the office
            return Mention(named.text, named.start, named.end, named.kind, role or text[
                tokens[name_run_back(tokens, a - 2, lo)].start : tokens[held[0] - 1].end])
        if a - 2 >= lo and tokens[a - 2].name_like and numbered_office(tokens, a, j + 1):
            # "Ward 4 Coun. Ana Ruiz", "School District 94 Supt. Tom Berg": a ward's office
            named = make_mention(text, tokens, a + 1, j + 1)
            return Mention(named.text, named.start, named.end, named.kind, role or text[
                tokens[name_run_back(tokens, a - 2, lo)].start : tokens[a].end])
        if a - 1 >= lo and tokens[a - 1].lower in ("the", "a", "an") and is_title(tokens[a]):
            a -= 1
            return make_mention(text, tokens, a, j + 1, role)
        # Lower-case role words before the name: "union president Ana Ruiz", "head coach
        # Ana Ruiz" (a lower-case title is already in the run: move it to the role).
        first = a  # ("former Crown attorney Tom Berg": past the run's last lower-case word)
        for t in range(a, j):
            if not tokens[t].is_capitalised:
                first = t + 1
        r = a
        while (r - 1 >= lo and a - r < 5 and tokens[r - 1].is_word
               and (not tokens[r - 1].is_capitalised or tokens[r - 1].text in PARTY_WORDS)
               and modifier_word(tokens[r - 1].lower)):
            r -= 1  # (a party before the name is a role word too: "Democrat Ana Ruiz")
        if first > r and is_role_word(tokens[first - 1].lower):
            if r - 1 == lo and tokens[lo].is_capitalised and opens_office(tokens, lo) and (
                    tokens[lo].lower not in DETERMINERS):  # (not "Many prominent Republicans")
                r = lo  # the sentence's first word is the role's: "Defence lawyer Tom Berg"
            # (a title opening the name ends the role: "police Const. Ana Ruiz")
            last = role_words_end(tokens, (a, j + 1)) if first == a else first - 1
            words = text[tokens[r].start : tokens[last].end]
            mention = make_mention(text, tokens, max(first, last + 1), j + 1)
            return Mention(mention.text, mention.start, mention.end, mention.kind, role or words)
        return name_mention(text, tokens, a, j + 1, role)
    return description_back(text, tokens, j, lo, role)


_MODIFIER_TAGS = frozenset({"ADJ", "NOUN", "ADV"})  # "federal", "longtime"
_LINKS = frozenset({"of", "for", "from", "at", "with", "in", "to", "on", "near", "outside",
                    "inside", "around", "across", "along", "behind"})  # "a spokeswoman for"
# What ties an unnamed source to the story, also "an aide who spoke on condition of
# anonymity".
_SOURCE_LINKS = SOURCE_MODIFIERS | {"with", "who"}  # "people with knowledge of"
# How the relative clause of an unnamed source ends: "… on condition of anonymity",
# "… not authorized to speak publicly", "… asked not to be named".
_ANONYMOUS_ENDS = frozenset({"anonymity", "named", "identified", "publicly", "record"})


def unnamed_source(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """An unnamed source ending at tokens[j], with what ties it to the story: "a person
    familiar with the planning", "two people with knowledge of the matter", "a senior
    official who spoke on condition of anonymity"."""
    for h in range(j - 1, max(lo, j - 14) - 1, -1):
        head, link = tokens[h], tokens[h + 1].lower
        if not head.is_word or head.is_quote:
            return None
        if link in _SOURCE_LINKS and (not head.is_capitalised or h == lo) and is_person_noun(
                head.lower):  # ("People familiar with the talks said" opens a sentence)
            if link == "who" and tokens[j].lower not in _ANONYMOUS_ENDS:
                return None
            if link != "who" and any(tag_of(tokens, i) in ("VERB", "AUX")
                                     for i in range(h + 2, j + 1)):
                return None  # "people with signs chanted": a clause, not a modifier
            found = description_back(text, tokens, h, lo, None)
            if found is None or not opens_clause(tokens, found, lo):
                return None  # "left reporters with no explanation": an object
            return Mention(text[found.start : tokens[j].end], found.start, tokens[j].end,
                           "description")
    return None


def with_post_modifier(text: str, tokens: list[Token], mention: Mention, lo: int
                        ) -> Mention | None:
    """The speaker whose post-modifier ends in `mention`: "Ana Ruiz of the Port Bank",
    "a spokeswoman for the mayor", "Drivers stopped at the border". A phrase after a
    preposition with no head before it is not a subject ("… in Kabul denies")."""
    for _ in range(3):
        a = token_index_at(tokens, mention.start, lo)
        named = a  # where the name and the role words right before it start
        if mention.kind == "name" and mention.role and a - 1 >= lo and all(
                w.split("-")[0].islower() or w in PARTY_WORDS  # "then-Mayor"
                for w in mention.role.split()) and text[
                tokens[a - 1].end - len(mention.role) : tokens[a - 1].end] == mention.role:
            named = token_index_at(tokens, tokens[a - 1].end - len(mention.role), lo)
        if mention.kind == "name" and named - 2 >= lo and tokens[named - 1].text.islower() and (
                tokens[named - 2].lower in _LINKS) and tag_of(tokens, named - 1) in _MODIFIER_TAGS:
            named -= 1  # "a spokesperson for federal Health Minister Jane Doe"
        if mention.kind == "name" and any(
                t.lower.rstrip(".") in COURTESY_TITLES or t.lower in FIRST_NAMES
                for t in tokens[a : bisect_left(tokens, mention.end, a, key=_start)]) and not (
                _someone_of(tokens, named, lo)):
            return mention  # a person, an office before: "Undersecretary for Education Mr. X"
        p = named - 1  # (past the role words: "supporters of Democrat Hillary Clinton")
        if p > lo and tokens[p].lower in _ABOUT and tokens[named].text[:1].isdigit():
            p -= 1  # a number's "about": "The union representing about 700 workers"
        if p >= lo and tokens[p].lower in ("the", "a", "an") and mention.kind == "name":
            p -= 1  # "of the Port Bank"
        elif mention.kind == "name":
            before = _past_own_description(tokens, p, lo)  # "in the journal Nature"
            if before < p and (tokens[before].lower in _LINKS or tokens[before].lower == "by"
                               and _by_its_author(tokens, before, lo)):
                p = before
        if p - 2 >= lo and tokens[p].lower == "as" and tokens[p - 1].lower == "such":
            # "other sites such as Acme.com": the sites, Acme.com an example of them
            head = head_before(text, tokens, p - 2, lo)
            if head is None or head.kind != "description":
                return mention
            return Mention(text[head.start : mention.end], head.start, mention.end,
                           "description", head.role)
        doing = _participle_head(text, tokens, p, lo)
        if doing is not None:  # "Residents living near the plant", "Workers building it"
            return Mention(text[doing.start : mention.end], doing.start, mention.end,
                           "description", doing.role)
        if p < lo or tokens[p].lower not in PREPOSITIONS or (
                tokens[p].lower in ("out", "off", "up") and p - 1 >= lo
                and tag_of(tokens, p - 1) == "VERB"):
            return mention  # (a verb's particle: "put out a statement saying")
        if tokens[p].lower in CLAUSE_WORDS and (p == lo or tokens[p - 1].text in ",;:") or (
                tokens[p].lower in _SUBORDINATORS and (
                    mention.kind == "name" or mention.text.lower().startswith("the ")
                    or mention.text.lower().startswith(("a ", "an ")) and _finite_after(
                        tokens, mention, lo))):
            return mention  # "After Ruiz said …", "… closed after the Times reported": a
            # clause opens, not a phrase (the speech verb follows)
        if tokens[p].lower not in _LINKS and not (tokens[p].lower == "by" and (
                _by_its_author(tokens, p, lo))) or p - 1 < lo:
            return None
        q = p - 1
        while q - 1 > lo and tokens[q].lower in TIME_WORDS and tokens[p].lower == "by":
            q -= 1  # "A report released Tuesday by …"
        if q - 1 >= lo and not tokens[q].is_capitalised and tokens[q].lower.endswith(
                ("ed", "ing")) and tokens[q].lower not in AUXILIARIES and (
                tokens[q - 1].lower not in DETERMINERS):
            q -= 1  # a participle: "Drivers stopped at the border" (not "the planning")
        elif q - 1 >= lo and tokens[q].lower in SOURCE_MODIFIERS:
            q -= 1  # "Officials familiar with the server, speaking on condition of …,"
        head = head_before(text, tokens, q, lo)
        if head is None or head.kind == "pronoun":
            return None
        if head.kind == "name" and " " not in head.text and (is_person_noun(
                head.text.lower()) or head.text.lower() in WRITINGS):
            head = dataclasses.replace(head, kind="description")  # "People briefed on …"
        if head.kind != "name" or is_organisation(head.text):
            # a description, or a body ("University of Leeds"), takes its modifier along
            kind = "description" if head.kind != "name" else "name"
            premodifier = mention.kind == "name" and named < a  # "union president Ana Ruiz"
            head = Mention(text[head.start : mention.end], head.start, mention.end, kind,
                           head.role or (None if premodifier else mention.role))
            # (the role words before the name inside are that person's: "Critics of union
            # president Ana Ruiz" are no union president)
        elif mention.role and not head.role:
            head = Mention(head.text, head.start, head.end, head.kind, mention.role)
        mention = head
    return None if token_index_at(tokens, mention.start, lo) - 1 >= lo and tokens[
        token_index_at(tokens, mention.start, lo) - 1].lower in PREPOSITIONS else mention


_SUBORDINATORS = frozenset({"after", "before", "since", "until", "once"})


def _finite_after(tokens: list[Token], mention: Mention, lo: int) -> bool:
    """Whether a finite verb follows the phrase ("after a report found"; not "after a
    man claiming allegiance to ISIS gunned down …", a participle)."""
    e = bisect_left(tokens, mention.end, lo, key=_start)
    return e < len(tokens) and not tokens[e].lower.endswith("ing") and tokens[e].text.islower()
_ABOUT = frozenset({"about", "some", "nearly", "roughly", "around", "almost", "over"})


def _past_own_description(tokens: list[Token], p: int, lo: int) -> int:
    """Before a name described by an article and lower-case nouns ("the journal Nature",
    "the news site RTL Info"), the word before that description; else p."""
    d = p
    while d >= lo and p - d < 3 and tokens[d].is_word and tokens[d].text.islower() and (
            tokens[d].lower not in DETERMINERS and tokens[d].lower not in PREPOSITIONS
            and tokens[d].lower not in CLAUSE_WORDS):
        d -= 1
    return d - 1 if d < p and d - 1 >= lo and tokens[d].lower in ("the", "a", "an") else p


def _by_its_author(tokens: list[Token], p: int, lo: int) -> bool:
    """Whether "by" at tokens[p] names who made the writing before it: "a report by the
    auditor general", "documents obtained by CBC News", "a statement issued Tuesday by
    the band council" (the writing speaks, not its author or finder)."""
    q = p - 1
    while q > lo and tokens[q].lower in TIME_WORDS:
        q -= 1
    if q > lo and tokens[q].text.islower() and tokens[q].lower.endswith(("ed", "en")) and (
            tokens[q].lower not in AUXILIARIES):
        return True  # a participle: "released", "obtained", "seen" ("the man arrested by")
    return q >= lo and tokens[q].lower in WRITINGS


def _participle_head(text: str, tokens: list[Token], p: int, lo: int) -> Mention | None:
    """The people or the study a present participle at tokens[p] modifies, whose object
    or phrase follows it: "Residents [living near the plant]", "Workers [building the
    bridge]", "A study [documenting iodine levels]"; else None."""
    doing = tokens[p] if p - 1 >= lo else None
    if doing is None or not doing.lower.endswith("ing") or doing.is_capitalised or (
            is_speech_verb(doing)) or tag_of(tokens, p) != "VERB":
        return None
    head = head_before(text, tokens, p - 1, lo)
    if head is None or head.kind == "pronoun" or token_index_at(tokens, head.start, lo) != lo:
        return None  # (only a subject opening the sentence: not "… said, citing workers")
    last = head.text.lower().split()[-1]
    return head if is_speaking_noun(last) or last in WRITINGS else None  # ("The union
    # representing about 700 workers")


def _someone_of(tokens: list[Token], a: int, lo: int) -> bool:
    """Whether the person named at tokens[a] is whom the speaker is tied to: "Friends
    of Mr. Berg say", "a friend of Mr. Berg said", "a spokeswoman for Ms. Ruiz said" (the
    friends, the friend, the spokeswoman speak)."""
    if a - 2 < lo or tokens[a - 1].lower not in ("of", "for", "to"):
        return False
    low = tokens[a - 2].lower
    if is_plural_role(low) or low in ("friends", "allies"):
        return True
    return (is_role_word(low) or low in ("friend", "ally")) and a - 3 >= lo and (
        tokens[a - 3].lower in ("a", "an", "the", "one"))


def _start(token: Token) -> int:
    return token.start


def is_name_run(tokens: list[Token], a: int, b: int) -> bool:
    return b > a and is_name_word(tokens[a]) and name_end(tokens, a, b) == b


def is_names_run(tokens: list[Token], a: int, b: int) -> bool:
    """One name, or two joined by "and": "Ana and Tom Berg", "Tore Sohlberg and Lehla
    Abreder"."""
    if is_name_run(tokens, a, b):
        return True
    middle = name_end(tokens, a, b) if b > a and is_name_word(tokens[a]) else a
    return a < middle < b - 1 and tokens[middle].lower == "and" and is_name_run(
        tokens, middle + 1, b)
