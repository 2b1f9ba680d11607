"""The noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

from quoteidx.finding.appositions import (
    before_apposition,
    dashed_apposition,
    described_name,
    parenthetical_start,
    unclosed_apposition,
)
from quoteidx.finding.descriptions import (
    is_role_word,
    token_index_at,
)
from quoteidx.finding.heads import (
    after_verb,
    head_before,
    unnamed_source,
    with_post_modifier,
)
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    ASIDE_WORDS,
    AUXILIARIES,
    CLAUSE_WORDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from quoteidx.finding.marks import CLOSING_MARKS, OPENING_MARKS
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    is_title,
    make_mention,
    month_surname,
    name_run_back,
)
from quoteidx.finding.office_words import LEGISLATORS
from quoteidx.finding.participle_asides import past_participle
from quoteidx.finding.roles import region_opening
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_speaking_noun,
    is_speech_verb,
    tag_of,
)


def _one_word_aside(tokens: list[Token], k: int) -> bool:
    """A participle or adjective set off alone between a speaker and the verb: "Ruiz,
    exasperated, replied", "Berg, smiling, said"."""
    word = tokens[k]
    return word.is_word and not word.is_capitalised and (
        word.lower.endswith(("ed", "ing")) or tag_of(tokens, k) == "ADJ")


def noun_phrase_before(text: str, tokens: list[Token], i: int, lo: int = 0) -> Mention | None:
    """The speaker phrase that ends right before tokens[i] (a speech verb), as in
    "Khan added", "Shariyar Nezami, a militia officer, said", "the militiamen assured",
    "Its chair, Ana Ruiz, said", "union president Ana Ruiz said", "a spokeswoman for the
    mayor said", "Ruiz, who has run the clinic since 1998, says"."""
    found = _phrase_before(text, tokens, i, lo)
    if found is not None and found.kind == "name" and " and " not in found.text and (
            i - 1 > lo and tokens[i - 1].lower in _FLOATING):
        return None  # "Merkley (D-Ore.), Brown and Ruiz all said": more than one name speaks
    if found is not None and found.kind == "description" and found.role:  # (a list's
        # pieces read as its apposition: "4,000 teachers, aides and other staff")
        w = _relative_before(tokens, token_index_at(tokens, found.start, lo), lo)
        if w is not None:  # "The Union, which represents 4,000 teachers, aides and other
            return _phrase_before(text, tokens, w, lo)  # staff, said": the union
    return found


def _relative_before(tokens: list[Token], s: int, lo: int) -> int | None:
    """The comma before a "which"/"who" that opens the clause a phrase at tokens[s] is
    inside ("…, which represents about 4,000 teachers"), within a few words; else None."""
    for k in range(s - 1, max(lo, s - 6) - 1, -1):
        if tokens[k].lower in ("which", "who") and k - 1 > lo and tokens[k - 1].text == ",":
            # the phrase is the clause's object, after its verb (not "which the government
            # says must …": the clause's subject speaks)
            return k - 1 if any(tag_of(tokens, v) == "VERB" for v in range(k + 1, s)) else None
        if not tokens[k].is_word:
            return None
    return None


def _phrase_before(text: str, tokens: list[Token], i: int, lo: int) -> Mention | None:
    j = i - 1
    while j >= lo and (
        tokens[j].lower in ADVERBS_NEAR_VERB
        or (tokens[j].lower.endswith("ly") and not tokens[j].is_capitalised  # Kelly said
            and not is_role_word(tokens[j].lower)  # "a longtime ally", "the family said"
            and tag_of(tokens, j) != "NOUN")
        or tokens[j].lower in AUXILIARIES and not month_surname(tokens, j)  # Ana May
        or tokens[j].lower in _PLACE_ADVERBS
        or tokens[j].lower == "not"
        or tokens[j].lower in _INTENSIFIERS and j > lo  # "Ford itself said"
        or tokens[j].lower in _FLOATING and j > lo  # "Berg and Ruiz both said"
    ):
        j -= 1
    timed = _before_time(tokens, j, lo)  # "Ana Ruiz on Thursday evening said"
    modified = None  # where a participle and its time modifying the subject end
    if timed < j and timed - 1 >= lo and past_participle(tokens, timed) and (
            tag_of(tokens, timed - 1) == "NOUN"):
        modified = tokens[j].end  # "A court document filed Thursday says": the document,
        timed -= 1  # as it was filed
    j = timed
    if j - 2 >= lo and tokens[j].text == "," and tokens[j - 2].text == "," and (
            tokens[j - 1].lower in ASIDE_WORDS or _one_word_aside(tokens, j - 1)):
        j -= 3  # "Berg, though, said", "Berg, exasperated, replied"
    if j < lo:
        return None
    if tokens[j].text == "," and j - 1 >= lo and tokens[j - 1].text == ")":
        inside = parenthetical_start(tokens, j - 1, lo)
        if inside is not None and inside - 1 >= lo and is_name_word(tokens[inside - 1]):
            j = inside - 1  # "Gov. Tom Berg (R-OH), said": the name, past its affiliation
    elif tokens[j].text == ")":
        inside = parenthetical_start(tokens, j, lo, most=25)
        if inside is not None and inside - 1 >= lo and is_name_word(tokens[inside - 1]):
            j = inside - 1  # "Sen. Ana Ruiz (D-NY) said", "Ruiz (a harbour pilot …) says"
    dashed = dashed_apposition(tokens, j, lo)
    if dashed is not None:  # "Tom Berg — a retired judge — said"
        opening, inner, closing = dashed
        return before_apposition(text, tokens, opening, (inner, closing), lo) or None
    # the comma before the verb may close a quote ending the aside: "Humphrey, who calls
    # Trump a “sociopath,” said"
    quote_comma = j - 1 > lo and tokens[j].text in CLOSING_MARKS and tokens[j - 1].is_quote and (
        text[tokens[j - 1].end - 1] == ",")
    if (c := region_opening(tokens, j, lo)) is not None and (
            relative := _relative_subject(text, tokens, c - 1, lo, tokens[j - 1].end)) and (
            text[relative.start : tokens[c].start].find(", wh") < 0):
        # "A woman who lived in Moncton, N.B., asked": the whole phrase (not "Ana Ruiz,
        # who lives in Moncton, N.B., said": her aside, another rule's)
        return relative
    if tokens[j].text != "," and not quote_comma:
        head = head_before(text, tokens, j, lo)
        found = with_post_modifier(text, tokens, head, lo) if head is not None else None
        if found is not None and found.kind == "name":
            found = _joined_names(text, tokens, found, lo)
        if found is not None and modified is not None and found.kind == "description":
            found = Mention(text[found.start : modified], found.start, modified,
                            "description", found.role)
        if found is not None and found.kind == "description" and not (
                i + 1 < len(tokens) and tokens[i + 1].text in ",”\"'’"
                and found.text.split()[0].lower() in ("a", "an", "the")):
            # (not "Clinton, a top aide said, “is …”": the aide speaks of Clinton; a bare
            # role is the name's: "Ruiz, president of the club stated, “…”")
            found = unclosed_apposition(text, tokens, found, lo) or found
        if not tokens[i].lower.endswith("ing") and (found is None or found.kind != "pronoun" or (
                found.text.lower() in _OBJECT_PRONOUNS and _after_verb_at(tokens, found, lo))):
            # "Berg and others who want to ban the sale said", "executives who have worked
            # with Tom Berg say", "officials whose laws were struck down say": what the
            # relative clause is about speaks, with its clause. A description after a verb
            # is its object even with no "who" in sight.
            s = token_index_at(tokens, found.start, lo) if found is not None else j + 1
            rel_end = j  # the clause's own place: "tenants who live there say"
            while rel_end + 1 < i and tokens[rel_end + 1].lower in _PLACE_ADVERBS:
                rel_end += 1
            relative = _relative_subject(text, tokens, s - 1, lo, tokens[rel_end].end)
            if relative is not None or (found is not None and found.kind == "description"
                                        and after_verb(tokens, s, lo)):
                return relative
        return found if found is not None else unnamed_source(text, tokens, j, lo)
    # "Name, apposition, said": up to four comma-set pieces between the name and the verb
    # ("Eastman, Director of the study, and Chairman of the Centre, says"; "Thompson,
    # curator at the University of Arkansas, Fayetteville, said").
    end = j + 1 if quote_comma else j  # where the piece before the verb ends
    named = _name_before_long_aside(text, tokens, j, lo) or _subject_before_relative(
        text, tokens, j, lo)
    if named is not None:
        return named
    for n in range(4):
        k = end - 1 - 2 * (n == 0 and quote_comma)  # (past the quote and its mark)
        while k >= lo and tokens[k].text not in ",;:" and not tokens[k].is_quote and end - k < 26:
            k -= 1
        if k < lo or tokens[k].text != "," or k == end - 1 or n == 0 and quote_comma and (
                k + 1 >= j - 2) and not work_title(text, tokens, j - 1):
            # (a quote alone before the verb is its words, no aside; but a title is one:
            # "A city report, “Harbour Plan 2030,” recommended")
            if end == j and j - 1 >= lo and (k < lo or tokens[k].text != ","):
                # no comma opens it: a stray one before the verb ("Lydia Buchtmann for
                # Food Standards Australia, says", "The firm Secunia.com, has said")
                head = head_before(text, tokens, j - 1, lo)
                if head is not None and head.kind != "pronoun":
                    found = with_post_modifier(text, tokens, head, lo)
                    if found is not None and (token_index_at(tokens, found.start, lo) == lo
                                              or described_name(tokens, found, lo)):
                        return found
            return None
        found = before_apposition(text, tokens, k, (k + 1, j), lo)
        if found is not None:
            return found or None
        end = k
    return None




def _name_before_long_aside(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """The person named before a relative clause or a participle's aside that itself holds
    commas, running to the comma tokens[j] before the verb: "Mr. Berg, whose company,
    Fieldnote, sells maps, said", "Ana Ruiz, facing a challenge in Dorset, a swing county,
    said" (the pieces between the commas are no speaker of their own)."""
    if not any(tokens[i].text == "," for i in range(max(lo, j - 30), j)):
        return None
    for w in range(max(lo + 2, j - 30), j - 1):
        if tokens[w - 1].text != "," or not is_name_word(tokens[w - 2]):
            continue
        opener = tokens[w]
        if not (opener.lower in ("who", "whose") or opener.lower.endswith("ing")
                and not opener.is_capitalised and tag_of(tokens, w) == "VERB"):
            continue
        if any(t.is_quote or t.text in ";:" or is_speech_verb(t) and tag_of(tokens, m) != "NOUN"
               for m, t in enumerate(tokens[w:j], w)):
            return None  # "Ruiz, who said …, said": another rule's (not "a swing state")
        if not any(tokens[i].text == "," for i in range(w + 1, j)):
            return None  # one aside: the rule for appositions reads it
        a = name_run_back(tokens, w - 2, lo)
        named = make_mention(text, tokens, a, w - 1)
        return named if named.kind == "name" and (a == lo or tokens[a - 1].text in ",;:(") or (
            tokens[a - 1].lower in ("and", "but") and named.kind == "name") else None
    return None


def _subject_before_relative(text: str, tokens: list[Token], j: int, lo: int
                             ) -> Mention | None:
    """The sentence's subject before a relative clause in commas that holds a quoted name
    and runs to the comma tokens[j] before the verb: 'Food Fairness Canada, which has
    organized a "Boycott the Big Five" campaign, said' (a clause without quotes is the
    comma pieces' rule)."""
    w = next((i for i in range(j - 2, max(lo, j - 30), -1) if tokens[i].lower in (
        "who", "which") and tokens[i - 1].text == ","), None)
    if w is None or w - 2 < lo or not any(t.is_quote for t in tokens[w:j]) or any(
            t.text in ";:" or is_speech_verb(t) and tag_of(tokens, i) == "VERB"
            for i, t in enumerate(tokens[w:j], w)):
        return None
    head = head_before(text, tokens, w - 2, lo)
    if head is None or head.kind == "pronoun":
        return None
    head = with_post_modifier(text, tokens, head, lo) or head
    lead = text[tokens[lo].start : head.start].replace(head.role or "\0", "").strip()
    return head if lead.lower() in ("", "the", "a", "an") else None  # (the clause's subject)


def _relative_subject(text: str, tokens: list[Token], j: int, lo: int, end: int
                      ) -> Mention | None:
    """The phrase a relative clause (no comma) that runs through tokens[j] to `end` is
    about, with the clause: "others who want to ban the sale", or None when no "who" or
    "whose" opens one close before. A clause opening the sentence may hold a time clause
    of its own: "An engineer who saw the bridge before it fell told …"."""
    inner = False  # a time clause inside the relative clause
    for w in range(j, max(lo - 1, j - (16 if j - lo < 16 else 10)), -1):
        tok = tokens[w]
        if (tok.lower in RELATIVE_PRONOUNS or _relative_that(tokens, w, lo) and (
                _verb_after(tokens, j, end))) and w < j:
            # ("who said": the pronoun's own verb; after "that", a verb that is one, not
            # "groups that favored her in other states")
            found = noun_phrase_before(text, tokens, w, lo)
            if found is None and _quantifier_head(tokens, w - 1, lo):
                found = make_mention(text, tokens, w - 1, w)  # "Those who know him say"
            if found is None or found.kind == "pronoun" or inner and (
                    token_index_at(tokens, found.start, lo) != lo):
                return None
            # the whole phrase names them: "advisers who have run the numbers"
            return Mention(text[found.start : end], found.start, end, "description",
                           found.role)
        if tok.lower in _TIME_CLAUSE_WORDS and tok.text.islower():
            inner = True
            continue
        if tok.lower in _OBJECT_PRONOUNS and w - 1 >= lo and tag_of(tokens, w - 1) == "VERB":
            continue  # "the contractor that rebuilt it says": the clause's object
        if not tok.is_word or tok.is_quote or tok.lower in CLAUSE_WORDS:
            return None
    return None


_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "me"})


def _after_verb_at(tokens: list[Token], found: Mention, lo: int) -> bool:
    """Whether a pronoun phrase follows a verb: an object ("… that rebuilt it says")."""
    k = token_index_at(tokens, found.start, lo)
    return k - 1 >= lo and tag_of(tokens, k - 1) == "VERB"


_TIME_CLAUSE_WORDS = frozenset({"before", "after", "until", "since", "when", "while", "once",
                                "because"})  # ("who asked not to be named because she …")


def _verb_after(tokens: list[Token], j: int, end: int) -> bool:
    """Whether the word after the phrase ending at `end` is tagged a verb."""
    k = next((k for k in range(j + 1, len(tokens)) if tokens[k].start >= end), None)
    return k is not None and tag_of(tokens, k) == "VERB"


def _relative_that(tokens: list[Token], w: int, lo: int) -> bool:
    """Whether "that" at tokens[w] opens a relative clause of the people or body before it:
    "the contractor that rebuilt it", "the company that owns the mill"."""
    return tokens[w].lower == "that" and w - 1 >= lo and not tokens[w - 1].is_capitalised and (
        is_speaking_noun(tokens[w - 1].lower)) and w + 1 < len(tokens) and tag_of(
        tokens, w + 1) in ("VERB", "AUX")


# Words that name people by how many, with a relative clause: "those who", "some who".
_QUANTIFIERS = frozenset({"those", "some", "many", "most", "several", "all", "few", "others",
                          "anyone", "everyone", "nobody"})


def _quantifier_head(tokens: list[Token], h: int, lo: int) -> bool:
    """Whether tokens[h] is such a word opening the clause ("But some who …")."""
    return h >= lo and tokens[h].lower in _QUANTIFIERS and (h == lo or tokens[
        h - 1].text in ",;:" or tokens[h - 1].lower in ("and", "but", "yet", "so"))


_PLACE_ADVERBS = frozenset({"here", "there"})  # "Her campaign workers here said"
# A reflexive right after the subject stresses it: "the mayor herself said".
_INTENSIFIERS = frozenset({"himself", "herself", "itself", "themselves"})
# A quantifier after a plural subject: "the tenants all said", "Berg and Ruiz both said".
_FLOATING = frozenset({"both", "all", "each"})
_TIME_LINKS = frozenset({"on", "in", "late", "early", "last", "this"})


def _before_time(tokens: list[Token], j: int, lo: int) -> int:
    """The index before a time set between a subject and its verb ("on Thursday
    evening", "last week", "Tuesday"), or j when there is none."""
    k = j
    while k > lo and tokens[k].lower in TIME_WORDS and tokens[k].lower not in ("this", "last"):
        k -= 1
    if k == j:
        return j
    if tokens[k].lower in _TIME_LINKS:
        k -= 1
    return k if k >= lo and tokens[k].is_word else j


def _clause_before(tokens: list[Token], lo: int, comma: int) -> bool:
    """Whether the words before a comma are a clause or an opening phrase ("The plant
    will close,", "In Ottawa,"), not a noun that names may stand beside."""
    return comma > lo and (tokens[lo].lower in PREPOSITIONS or any(
        tag_of(tokens, k) in ("VERB", "AUX") for k in range(lo, comma)))


def _joined_names(text: str, tokens: list[Token], mention: Mention, lo: int) -> Mention:
    """Two names joined by "and" that open the clause speak together: "Both the Port
    Authority and the Harbour Police have said" -> "the Port Authority and the Harbour
    Police" (a name after "and" alone is the second of them)."""
    s = token_index_at(tokens, mention.start, lo)
    if s - 1 >= lo and tokens[s - 1].lower == "the":
        s -= 1
    if s - 2 >= lo and tokens[s - 1].lower != "and" and tokens[s - 2].lower == "and" and (
            tokens[s - 1].is_capitalised and (is_title(tokens[s - 1]) or tokens[
                s - 1].lower in LEGISLATORS or tokens[s].lower in LEGISLATORS)):
        s -= 1  # "Tom Lee and MPP Ann Berg": the second name's office is no name of its own
        # (nor "Independent" in "Tom Lee and Independent MPP Ann Berg")
    if s - 2 < lo or tokens[s - 1].lower != "and" or not is_name_word(tokens[s - 2]):
        return mention
    e = token_index_at(tokens, mention.end, s) if mention.end < tokens[-1].start else len(
        tokens)  # the token after the names
    pair = name_run_back(tokens, s - 2, lo)
    first = pair
    while first - 2 > lo and tokens[first - 1].text == "," and is_name_word(tokens[first - 2]):
        first = name_run_back(tokens, first - 2, lo)  # a list: "Ana Ruiz, Tom Berg and Jim Lee"
    f = next((f for f in (first, pair) if _opens_names(tokens, lo, f, e)), None)
    if f is None:
        return mention
    if f - 1 >= lo and tokens[f - 1].lower == "the":
        f -= 1
    return Mention(text[tokens[f].start : mention.end], tokens[f].start, mention.end, "name")


def _opens_names(tokens: list[Token], lo: int, f: int, e: int) -> bool:
    """Whether names from tokens[f] on (an article before them let in) open the clause
    (also after a clause and its comma, right before the verb at tokens[e]: "…, Ana Ruiz
    and Tom Berg said."; not "The mayor, Ana Ruiz and Tom Berg said")."""
    if f - 1 >= lo and tokens[f - 1].lower == "the":
        f -= 1
    return f == lo or f - 1 == lo and tokens[lo].lower in ("both", "but", "and") or (
        tokens[f - 1].text == "," and e < len(tokens) and is_speech_verb(tokens[e])
        and _clause_before(tokens, lo, f - 1))


# Works whose title follows them in quote marks: "his book, “An American Son”".
_WORKS = frozenset("""book books memoir novel program programme show film movie song album
article column essay podcast series play documentary newsletter blog poem report study
review plan strategy survey guide policy bill motion petition campaign""".split())
_SMALL = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "vs", "vs."})


def work_title(text: str, tokens: list[Token], q: int) -> bool:
    """names_a_work on a paragraph's text and tokens: "a city report, “Harbour Plan 2030,”"."""
    j = q - 1
    while j >= 0 and tokens[j].text in OPENING_MARKS:
        j -= 1
    if j < 1 or tokens[j].text != "," or tokens[j - 1].lower not in _WORKS:
        return False
    words = text[tokens[q].start : tokens[q].end].strip(" .,!?").split()
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL
                                       for w in words)
