"""The role written before a name: split off it ("Researcher Mu Lin": "researcher"),
or the first words of the name's own ("Canadian Red Cross", "Oliver K. Hedge"), and
where such role words end ("former Sen. Tom Berg", "Opposition leader Tom Berg")."""

from __future__ import annotations

from quoteidx.finding.descriptions import ROLE_NOUNS, is_role_word
from quoteidx.finding.lexicon import COURTESY_TITLES, NAME_PARTICLES, PREPOSITIONS, TEXT_NOUNS
from quoteidx.finding.names import (
    FIRST_NAMES,
    Mention,
    is_initial,
    is_organisation,
    is_title,
    make_mention,
    party_body,
)
from quoteidx.finding.office_words import LEGISLATORS, NATIONALITIES, PORTFOLIOS, RANK_WORDS
from quoteidx.finding.tagger import is_common_word
from quoteidx.finding.tokens import TIME_WORDS, Token, is_person_noun, tag_of


def name_mention(text: str, tokens: list[Token], a: int, b: int, role: str | None = None
                 ) -> Mention:
    """A name, with a role word written before it in capitals split off as its role:
    "Researcher Mu Lin", "Coach Ana Ruiz" (when two name words remain), and the office
    before a courtesy title: "Provost Dr. Ana Ruiz" ("Provost")."""
    joined = next((c for c in (a + 1, a + 2) if c < b and tokens[c].lower == "and"), None)
    if b - a >= 5 and joined is not None and all(
            t.lower in PORTFOLIOS for t in tokens[a:joined]) and (
            title := next((t for t in range(joined + 2, b - 1) if is_title(tokens[t])), None)):
        # "Health and Wellness Minister Ann Roy": the office is "health and wellness minister"
        # ("Mental Health and Addictions Minister …" too)
        mention = make_mention(text, tokens, title + 1, b)
        return Mention(mention.text, mention.start, mention.end, mention.kind, role or " ".join(
            t.lower.rstrip(".") for t in tokens[a : title + 1]))
    courtesy = next((c for c in range(a + 1, b - 1) if tokens[c].lower.rstrip(".") in (
        COURTESY_TITLES) and tokens[c].text[-1] == "."), None)
    if courtesy is not None and role is None and not (a > 0 and tokens[a - 1].lower in (
            PREPOSITIONS)) and not any("-" in t.text and t.text.rsplit("-", 1)[1][:1].islower()
                                       for t in tokens[a:courtesy]):
        # (not "Undersecretary for Education Mr. Toccafondi": "Education" is no office;
        # not "Manhattan-made Mr. Trump")
        mention = make_mention(text, tokens, courtesy, b)
        return Mention(mention.text, mention.start, mention.end, mention.kind,
                       text[tokens[a].start : tokens[courtesy - 1].end])
    if b - a >= 3 and not is_title(tokens[a]) and is_role_word(tokens[a].lower) and (
            tokens[a].lower not in FIRST_NAMES) and not party_body(tokens, a + 1) and not (
            is_organisation(" ".join(t.text for t in tokens[a + 1 : b]))) and (
            tokens[b - 1].lower not in TEXT_NOUNS) and not (  # ("Cook Political Report")
            _first_name_shaped(tokens, a, b) or _national_body(tokens, a, b)
            or _opens_place_office(tokens, a, b)):
        # (the first word of a body is its own: "Canadian Medical Association")
        mention = make_mention(text, tokens, a + 1, b)
        # ("Environment Minister Steven Guilbeault": the role is "environment minister")
        last = a + 1
        while last < b - 2 and (is_title(tokens[last]) or tokens[last].lower in LEGISLATORS):
            last += 1  # ("Italian Prime Minister Ana Ruiz": "italian prime minister";
            # "Independent MPP Ana Ruiz": "independent mpp")
        office = " ".join(t.lower.rstrip(".") for t in tokens[a:last])
        return Mention(mention.text, mention.start, mention.end, mention.kind, role or office)
    return make_mention(text, tokens, a, b, role)



_NAME_SUFFIXES = frozenset({"II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."})


def _first_name_shaped(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a], a capitalised word taken for a role by its ending alone, reads
    as the first word of the name: "Oliver K. Hedge", "Sufian bin Qumu", "Brent Bozell
    III", "Cushman & Wakefield" (a middle initial, a particle or "&" after it, or a suffix)."""
    low = tokens[a].lower
    if low in ROLE_NOUNS or is_person_noun(low):
        return False  # ("Researcher Mu Lin", "Comedian Sarah Silverman")
    after = tokens[a + 1]
    return (is_initial(after) and len(after.text) == 2 or after.lower in NAME_PARTICLES
            or after.text == "&" or tokens[b - 1].text in _NAME_SUFFIXES)


def _opens_place_office(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a] opens a place's or a body's name before an office, so that the
    office takes it whole: "Silver Lake Mayor Ted Lindqvist" ("silver lake mayor"), not
    the role "silver" for "Lake Mayor Ted Lindqvist"."""
    return tokens[a].lower not in RANK_WORDS and not is_title(tokens[a + 1]) and any(
        is_title(t) for t in tokens[a + 2 : b - 1])  # ("Former Florida Gov." stays "former")


def _national_body(tokens: list[Token], a: int, b: int) -> bool:
    """Whether a nation's word opens the name of a body, not a role before a person's:
    "Canadian Red Cross" (a common word after it), but "Russian President Vladimir
    Putin", "Canadian Dana Lowe"."""
    after = tokens[a + 1].lower
    return tokens[a].lower in NATIONALITIES and after not in FIRST_NAMES and (
        is_common_word(after)) and not any(is_title(t) for t in tokens[a + 1 : b])


def role_words_end(tokens: list[Token], named: tuple[int, int]) -> int:
    """The last token of the role words before a name: a title opening the name ends
    them ("former Sen. Tom Berg": "former Sen."), not a courtesy title ("lead author
    Dr. Ana Ruiz": "lead author")."""
    opening = tokens[named[0]]
    if is_title(opening) and named[1] - named[0] > 1 and (
            opening.lower.rstrip(".") not in COURTESY_TITLES):
        return named[0]
    return named[0] - 1


# Words that open a sentence, capitalised there, never an office's: "Perhaps", "What".
NO_OFFICE_TAGS = frozenset({"ADV", "PRON", "DET", "CCONJ", "SCONJ", "ADP", "PART", "AUX",
                             "VERB", "INTJ"})


def opens_office(tokens: list[Token], a: int) -> bool:
    """Whether the capitalised word opening a sentence before lower-case role words is
    the role's first ("Opposition leader", "Toronto police"), not a time or a word of
    another part of speech ("Yesterday", "Perhaps")."""
    return tokens[a].lower not in TIME_WORDS and tag_of(tokens, a) not in NO_OFFICE_TAGS
