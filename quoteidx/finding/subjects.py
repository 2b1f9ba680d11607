"""Who a sentence is about, read off its start: the antecedents of "he" and "they", the
speaker of an action beat, and the speaker phrase after a quote ("…,” Nezami, a militia
officer, said.")."""

from __future__ import annotations

from bisect import bisect_left

from quoteidx.finding.forward_phrases import named_ing, phrase_at
from quoteidx.finding.lexicon import (
    ASIDE_WORDS,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    TELL_VERBS,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    Mention,
    is_name_word,
    is_title,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.offices import name_mention
from quoteidx.finding.participle_asides import participle_aside
from quoteidx.finding.roles import apposition_after, joined_after, role_like
from quoteidx.finding.tokens import Token, is_person_noun, is_speech_verb, tag_of

# Words before a sentence's subject that are not part of it: "But", "Even a top aide …"
_LEADING_ADVERBS = frozenset({"but", "and", "so", "yet", "then", "now", "still", "even",
                              "also", "perhaps", "maybe", "indeed"})


def sentence_subject(text: str, tokens: list[Token], lo: int, hi: int, topic: bool = False
                     ) -> Mention | None:
    """The person a sentence is about, read off its start: "Shariyar Nezami nodded",
    "The resident, Hidaytullah, pleaded", "But a hawk-faced former mujaheddin …, was".
    `topic`: for a later pronoun, a sentence opening with a quote is about its speaker,
    even a pronoun ("“…,” she told CBC News"), never about whom the speaker told."""
    a = lo
    while a < hi and tokens[a].lower in _LEADING_ADVERBS:
        a += 1
    if a >= hi:
        return None
    first = tokens[a]
    if _opening_word(text, tokens, a, hi):
        # "Wait, it gets better", "Worse, she says", "Hours later, Ruiz said": a word
        # (or a time) set before the sentence with a comma, not its subject
        comma = next(k for k in range(a, hi) if tokens[k].text == ",")
        return sentence_subject(text, tokens, comma + 1, hi) if comma + 1 < hi else None
    leads_clause = (
        first.lower in PREPOSITIONS or first.lower in CLAUSE_WORDS
        or first.lower.endswith("ing") and not named_ing(tokens, a, hi)
        or first.lower.endswith("ly") or first.lower in ("unlike", "like", "despite")
    ) and first.lower not in ("one",)
    if leads_clause or not (first.is_word or first.is_quote):
        # A leading phrase: take the first name not inside a prepositional phrase,
        # else what follows the first comma.
        opens_quote = topic and (first.is_quote or a + 1 < hi and tokens[a + 1].is_quote)
        for k in range(a + 1, min(hi, a + 30)):
            tok = tokens[k]
            if tok.text == ",":
                k = _past_place(tokens, k, hi)  # "… at Annapolis, Md., Admiral Harris"
                k = _past_leading_apposition(tokens, k, hi)  # "For Tom Berg, a teacher, the show"
                return sentence_subject(text, tokens, k + 1, hi) if k + 1 < hi else None
            if opens_quote and tok.lower in PERSONAL_PRONOUNS:
                return make_mention(text, tokens, k, k + 1)  # "“…,” she told CBC News."
            if is_name_word(tok) and not _in_prepositional_phrase(tokens, k, a) and not (
                tokens[k - 1].lower == "the" and not is_title(tok)
            ) and not (opens_quote and tokens[k - 1].lower in TELL_VERBS):
                # (not "CBC News", whom "“…,” Ruiz told" tells)
                b = name_end(tokens, k, hi)
                return name_with_apposition(text, tokens, k, b, hi)
        return None
    found = phrase_forward(text, tokens, a, hi)
    if found is not None and first.lower in ("a", "an"):  # (an article opens no name)
        named = _name_after_fronted_role(text, tokens, found, hi)
        if named is not None:
            return named  # "A high school graduate, Lazar had no training": Lazar
    if found is None and "." in first.text[:-1] and first.is_capitalised and a + 1 < hi and (
            is_name_word(tokens[a + 1])):
        found = phrase_forward(text, tokens, a + 1, hi)  # "U.S. District Judge Ana Ruiz"
    if found is None and first.is_capitalised and not is_name_word(first):
        # "Soon after the vote in Harwick, Ruiz said": a leading phrase of any kind
        comma = next((k for k in range(a + 1, min(hi, a + 20)) if tokens[k].text == ","), None)
        if comma is not None and comma + 1 < hi:
            return sentence_subject(text, tokens, comma + 1, hi)
    return _with_people_noun(text, tokens, _joined_subject(text, tokens, found, hi), hi)


def _joined_subject(text: str, tokens: list[Token], found: Mention | None, hi: int
                    ) -> Mention | None:
    """Names joined by "and" before the verb are the subject together: "Environment and
    Climate Change Canada issued …", "Ana Ruiz and Tom Berg wrote …"."""
    if found is None or found.kind != "name" or found.role:
        return found
    joined = joined_after(text, tokens, found, bisect_left(tokens, found.end, key=lambda t: (
        t.start)), hi)
    if joined is None or not (joined[1] < hi and tokens[joined[1]].text.islower()):
        return found
    return joined[0]


def _with_people_noun(text: str, tokens: list[Token], found: Mention | None, hi: int
                      ) -> Mention | None:
    """A name that modifies a plural noun for people is no subject of its own: "Central
    European leaders", "Liberal MPs" are the people."""
    if found is None or found.kind != "name":
        return found
    e = bisect_left(tokens, found.end, key=lambda t: t.start)
    if e < hi and not tokens[e].is_capitalised and tokens[e].lower.endswith("s") and (
            is_person_noun(tokens[e].lower)):
        return Mention(text[found.start : tokens[e].end], found.start, tokens[e].end,
                       "description")
    return found


def _name_after_fronted_role(text: str, tokens: list[Token], role: Mention, hi: int
                             ) -> Mention | None:
    """The name a sentence's opening role describes when the name follows it after a
    comma, then the verb ("A former Marine, Tom Berg joined …")."""
    c = next((i for i in range(len(tokens)) if tokens[i].start >= role.end), hi)
    if not (c + 1 < hi and tokens[c].text == "," and is_name_word(tokens[c + 1])):
        return None
    b = name_end(tokens, c + 1, hi)
    if b >= hi or not tokens[b].is_word or tokens[b].is_capitalised:
        return None
    name = make_mention(text, tokens, c + 1, b)
    return Mention(name.text, name.start, name.end, "name", role.text) if (
        name.kind == "name") else None


_LATER = frozenset({"later", "earlier", "ago", "before", "after"})


def _past_leading_apposition(tokens: list[Token], comma: int, hi: int) -> int:
    """The comma closing an apposition of the leading phrase's last noun ("For Tom
    Berg, a teacher in Leeds, the show was …") when one follows `comma`, else `comma`."""
    if comma + 1 < hi and tokens[comma + 1].lower in ("a", "an"):
        for j in range(comma + 2, min(hi, comma + 14)):
            if tokens[j].text == ",":
                return j
            if tokens[j].lower in AUXILIARIES or not tokens[j].is_word or tag_of(
                    tokens, j) in ("VERB", "AUX"):
                break  # "In May, a judge sided with …,": the sentence's subject after all
    return comma


def _past_place(tokens: list[Token], comma: int, hi: int) -> int:
    """The comma closing a place's second part ("Annapolis, Md.,", "Tours, France,")
    when one follows `comma`, else `comma`."""
    k = comma + 1
    while k < hi and k - comma <= 3 and (tokens[k].is_capitalised or tokens[k].text == "."):
        k += 1
    if k < hi and k > comma + 1 and tokens[k].text == "," and k + 1 < hi and (
            tokens[k + 1].is_capitalised or tokens[k - 1].text.endswith(".") and (
                tokens[k + 1].lower in ("a", "an", "the"))):
        return k  # (a region's abbreviation, then the subject: "in Fresno, Calif., a …")
    return comma


def _opening_word(text: str, tokens: list[Token], a: int, hi: int) -> bool:
    """Whether tokens[a] is one capitalised word (or a time: "Hours later") set off by a
    comma at the start of a sentence, rather than a name: a name there has a role after
    the comma ("Ruiz, a nurse, said") or is known as a first name."""
    first = tokens[a]
    if not first.is_capitalised or a + 1 >= hi:
        return False
    if tokens[a + 1].lower in _LATER and a + 2 < hi and tokens[a + 2].text == ",":
        return True
    if tokens[a + 1].text != "," or first.lower in FIRST_NAMES:
        return False
    if a + 2 < hi and tokens[a + 2].lower in RELATIVE_PRONOUNS:
        return False  # "Sanders, who has represented Vermont …, rallied": a name
    if a + 3 < hi and tokens[a + 2].lower in ASIDE_WORDS and tokens[a + 3].text == ",":
        return False  # "Trump, however, wasted no time": a name, then the sentence's word
    if a + 3 < hi and tokens[a + 2].text.isdigit() and tokens[a + 3].text == ",":
        return False  # "Kowalchuk, 31, and her partner have …": a name and an age
    close = next((k for k in range(a + 3, min(hi, a + 30)) if tokens[k].text == ","), None)
    if close is not None and tokens[a + 2].lower in ("a", "an", "the") and any(
            t.lower in ("who", "whose") for t in tokens[a + 3 : close]) and role_like(
            tokens, a + 2, close):
        return False  # "Ruiz, a captain of the team who joined the staff, said": a name
    return apposition_after(text, tokens, a + 1, hi) is None


_PLACE_ADJECTIVES = frozenset({"nearby", "downtown", "uptown", "suburban"})


def _in_prepositional_phrase(tokens: list[Token], k: int, lo: int) -> bool:
    j = k - 1
    while j >= lo and (tokens[j].lower in DETERMINERS or is_name_word(tokens[j]) or (
            (tokens[j].lower.endswith(("al", "ern", "ous", "ive", "ic")) or tokens[j].lower in (
                _PLACE_ADJECTIVES))
            and not tokens[j].is_capitalised)):
        j -= 1  # ("moved back to rural Tennessee", "in northern Alberta", "from nearby Surrey")
    return j >= lo and tokens[j].lower in PREPOSITIONS


def phrase_forward(text: str, tokens: list[Token], a: int, hi: int) -> Mention | None:
    """The phrase opening a sentence (or following a quote) that may name a person."""
    return phrase_at(text, tokens, a, hi, initial=True)


def name_with_apposition(text: str, tokens: list[Token], a: int, b: int, hi: int) -> Mention:
    if a > 0 and tokens[a - 1].lower == "the" and is_title(tokens[a]):
        a -= 1
    return name_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))


def coordinated_subject(text: str, tokens: list[Token], a: int, k: int) -> Mention | None:
    """The subject shared by a second verb ("Giles attempted … and said …", "Reid caucused
    in Nevada and says …"), when no other clause stands between it and the verb."""
    subject = sentence_subject(text, tokens, a, k)
    if subject is None or subject.kind not in ("name", "title", "description") and not (
            subject.kind == "pronoun" and subject.text.lower() in ("he", "she", "they")):
        return None
    if _inside_clause(tokens, a, subject.start):
        return None  # "Ruiz, though she praised Berg and said …": not Berg's verb
    j = k - 1 if tokens[k - 1].lower == "then" else k  # "…, then said", "… and then said"
    last = j - 2 if tokens[j - 2].text == "," else j - 1  # "…, and said"
    after = next((i for i in range(a, last) if tokens[i].start >= subject.end), last)
    after = _past_apposition(text, tokens, after, last)
    between = tokens[after:last]
    # in a list of the subject's verbs ("joked …, declined …, and told …") commas part
    # the verbs; elsewhere one may close a clause with a subject of its own
    listed = last == j - 2 and not tokens[k].lower.endswith("ing") and all(
        tag_of(tokens, i + 1) == "VERB" for i in range(after, last) if tokens[i].text == ",")
    if any(t.lower in ("who", "which", "that") or t.text in ";:" or (
            t.text == "," and not listed) for t in between):
        return None  # another clause between: its subject may be the one speaking
    if subject.kind == "description":
        subject = before_its_verb(text, tokens, subject, after)
        if subject is None:
            return None
    verb = tokens[k].lower
    if not verb.endswith(("s", "ed", "ing")) and verb not in ("said", "told", "wrote") and any(
            t.lower == "to" and tag_of(tokens, i + 1) == "VERB"
            for i, t in enumerate(between, start=after)):
        return None  # "were encouraged to submit designs and suggest …": the infinitive's
    return subject  # words quoted between ("called it “reckless” and said") are its own


def before_its_verb(text: str, tokens: list[Token], subject: Mention, end: int
                     ) -> Mention | None:
    """A description subject without the first verb it was read with ("a neighbor came"
    is "a neighbor"); None if it is nothing but that verb."""
    first = next((i for i in range(end) if tokens[i].start >= subject.start), None)
    if first is None:
        return subject
    cut = next((i for i in range(first + 1, end) if tokens[i].start < subject.end
                and "-" not in tokens[i].text  # "the al Qaeda-linked cleric"
                and not (tokens[i - 1].lower in ("those", "people", "anyone", "all")
                         and tokens[i].lower.endswith("ed"))  # "the families of those killed"
                and tag_of(tokens, i) in ("VERB", "AUX")), None)
    if cut is None:
        return subject
    return make_mention(text, tokens, first, cut) if cut > first else None


def _past_apposition(text: str, tokens: list[Token], i: int, hi: int) -> int:
    """The index past the age or role set in commas right after a subject ("Elkins, 70,",
    "Ruiz, a nurse,"), or i when there is none."""
    if i + 2 < hi and tokens[i].text == "," and tokens[i + 1].text.isdigit() and (
            tokens[i + 2].text == ","):
        i += 3
    role = apposition_after(text, tokens, i, hi)
    if role is not None:
        end = text.find(role, tokens[i].end) + len(role)
        k = next((k for k in range(i, hi) if tokens[k].start >= end), hi)
        if k < hi and tokens[k].text == ",":
            return k + 1
    if i + 2 < hi and tokens[i].text == ",":
        close = next((k for k in range(i + 2, min(hi, i + 12)) if tokens[k].text == ","), None)
        if close is not None and participle_aside(tokens, i + 1, close):
            return close + 1  # "De Blasio, speaking on the radio, called … and said"
        if close is not None and tokens[i + 1].lower in ("which", "who") and not any(
                is_speech_verb(t) or t.is_quote or t.text in ";:" for t in tokens[i + 2 : close]):
            return close + 1  # "Acme, which represents 18,000 farms, welcomed … but said"
    return i


def _inside_clause(tokens: list[Token], a: int, start: int) -> bool:
    """Whether the words before `start` open a clause that no comma has closed yet, with
    its own subject before `start` ("Ruiz, though she praised Berg …"; not "When asked,
    Ruiz …" nor "When Ruiz …")."""
    open_clause = False
    words_since = 0
    for t in tokens[a:]:
        if t.end > start:
            break
        if t.lower in CLAUSE_WORDS and t.lower not in ("and", "but", "so", "yet"):
            open_clause, words_since = True, 0
        elif t.text == ",":
            open_clause = False
        else:
            words_since += 1
    return open_clause and words_since > 0


_SAYING = frozenset({"said", "says", "told", "tells", "wrote", "writes", "added", "testified"})
_RELATIVE_SKIP = frozenset({"also", "later", "then", "has", "have", "had", "once", "often",
                            "previously", "repeatedly", "publicly", "recently"})


def _unset_relative(text: str, tokens: list[Token], a: int, w: int) -> Mention | None:
    """Whom "who" stands for with no comma before it: the people noun right before (past
    where they are from), "a nurse from Sudbury who said …"; the name it is the apposition
    of, if any ("Lise Arcand, a nurse from Sudbury who said …")."""
    n = w - 1
    if n - 1 > a and tokens[n].is_capitalised and tokens[n - 1].lower in ("from", "in", "of"):
        n -= 2  # "a nurse from Sudbury"
    if n <= a or tokens[n].is_capitalised or not is_person_noun(tokens[n].lower):
        return None
    d = n
    while d - 1 >= a and n - d < 3 and tokens[d - 1].is_word and tokens[d - 1].lower not in (
            "a", "an", "one", "another") and not tokens[d - 1].is_capitalised and (
            tag_of(tokens, d - 1) in ("ADJ", "NOUN")):
        d -= 1
    if d - 1 <= a or tokens[d - 1].lower not in ("a", "an", "one", "another"):
        return None  # ("the nurse who …": someone named before, maybe; and "A woman who
    d -= 1  # has accused … said": the sentence's subject, whose verb comes after)
    role = text[tokens[d].start : tokens[w - 1].end]
    if d - 2 >= a and tokens[d - 1].text == "," and is_name_word(tokens[d - 2]):
        named = make_mention(text, tokens, name_run_back(tokens, d - 2, a), d - 1)
        if named.kind == "name":
            return Mention(named.text, named.start, named.end, "name", role)
    return make_mention(text, tokens, d, w)


def relative_antecedent(text: str, tokens: list[Token], a: int, k: int) -> Mention | None:
    """The speaker of a verb in a relative clause set off by a comma: "Weaver, who said …",
    "Ruiz, who has long argued …", "Berg, who endorsed Ruiz and said …": the phrase
    "who" stands for, right before its comma."""
    j = k - 1
    while j > a and tokens[j].lower in _RELATIVE_SKIP:
        j -= 1
    if tokens[j].lower in ("and", "but"):
        # the second verb of the clause: back to its "who", no comma or clause between
        w = j - 1
        while w > a and tokens[w].lower != "who" and tokens[w].text not in ",;:" and (
                not tokens[w].is_quote and tokens[w].lower not in CLAUSE_WORDS):
            w -= 1
        j = w
    if j - 2 >= a and tokens[j].lower == "who" and tokens[j - 1].text != "," and (
            tokens[k].lower in _SAYING):  # (not "a candidate who thinks the same way")
        return _unset_relative(text, tokens, a, j)
    if j - 2 < a or tokens[j].lower != "who" or tokens[j - 1].text != ",":
        return None
    from quoteidx.finding.phrases import noun_phrase_before

    c = j - 1
    if c - 3 >= a and tokens[c - 1].text.isdigit() and tokens[c - 2].text == "," and (
            is_name_word(tokens[c - 3])):
        c -= 2  # past an age: "Lourdes Magbanua, 74, who testified"
        j = c + 1
    found = noun_phrase_before(text, tokens, j - 1, a)
    if found is None and is_name_word(tokens[j - 2]):
        # "… to meet with Devocht, who had told him …": a name inside a phrase still is
        # what "who" stands for
        found = make_mention(text, tokens, name_run_back(tokens, j - 2, a), j - 1)
    elif found is None and not tokens[j - 2].is_capitalised and is_person_noun(
            tokens[j - 2].lower):  # "… the findings of the auditor general, who concluded"
        d = j - 2
        while d - 1 >= a and j - 2 - d < 4 and tokens[d - 1].is_word and not (
                tokens[d - 1].lower in PREPOSITIONS or tag_of(tokens, d - 1) in ("VERB", "AUX")):
            d -= 1
        found = make_mention(text, tokens, d, j - 1)
    if found is None or found.kind == "pronoun" or found.text.lower() in ("who", "which"):
        return None
    f = next(i for i in range(a, j) if tokens[i].end > found.start)
    # "Tom Berg, the leader of the opposition, who suggested …": the named one
    if found.kind == "description" and f - 2 >= a and tokens[f - 1].text == "," and (
            is_name_word(tokens[f - 2])):
        named = make_mention(text, tokens, name_run_back(tokens, f - 2, a), f - 1)
        if named.kind == "name":
            return Mention(named.text, named.start, named.end, "name", found.text)
    return found
