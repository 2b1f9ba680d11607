"""Claims attributed with "according to": before ("…, according to witnesses."), after
("According to X, …") or around it ("The plant, according to Dr. Ruiz, has made …");
and a view opening a sentence ("In Wong's view, …")."""

from __future__ import annotations

from quoteidx.finding.claim_ends import another_voice
from quoteidx.finding.forward_phrases import phrase_at
from quoteidx.finding.lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    FIRST_PERSON,
    POSSESSIVE_ENDS,
    POSSESSIVES,
    without_possessive,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention, is_name_word, make_mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.roles import role_end
from quoteidx.finding.tokens import Token, count_words, tag_of

MIN_CONTENT_WORDS = 3
_NOT_SOURCES = FIRST_PERSON | {"it", "this", "that", "them", "these", "those", "which"}
_END_PUNCT = {".", "!", "?", ";", ":", ",", "—", "–", ")"}
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where"})  # the source's own clause


def words(tokens: list[Token], a: int, b: int) -> int:
    return count_words(tokens, a, b)


def trim_end(tokens: list[Token], a: int, b: int) -> int:
    while b > a and tokens[b - 1].text in _END_PUNCT:
        b -= 1
    return b


def according_to(para: Paragraph, a: int, b: int) -> Finding | None:
    """The claim of the first "according to" in tokens[a:b], if it has one."""
    if not para.has_according:
        return None
    tokens = para.tokens
    k = next((k for k in range(a, b - 2)
              if tokens[k].lower == "according" and tokens[k + 1].lower == "to"), None)
    if k is None:
        return None
    found = source_after(para.text, tokens, k + 1, b)
    if found is None:
        return None
    mention, end = found
    lead = [t.lower.replace("’", "'") for t in tokens[a:k]]
    if lead and lead[0].split("'")[0] in ("that", "this") and len(lead) <= 2:
        return None  # "That's according to the AP.": what it credits came before
    after = end + 1 if end < b and tokens[end].text == "," else end
    before_end = trim_end(tokens, a, k)
    if k > a + 1 and tokens[k - 1].lower != "that":  # content before: "…, according to X."
        claim = _claim(para, a, before_end, mention)
        rest_end = trim_end(tokens, after, b)
        if after < b and tokens[after].lower in _RELATIVES:
            rest_end = after  # "…, according to Ana Ruiz, director of …, which ran the poll."
        if (tokens[k - 1].text == "," and after > end and words(tokens, after, rest_end) >= 2
                and claim is None or claim is not None and after > end and rest_end > after):
            # around it: "The plant, according to Dr. Ruiz, has made three workers ill."
            claim = claim or Finding(tokens[a].start, tokens[before_end - 1].end, "indirect",
                                     (para.start, para.end), "according to", mention)
            claim.add_part(tokens[after].start, tokens[rest_end - 1].end)
        return claim
    if after < b and tokens[after].text in ("—", "–", "-"):
        return None  # "according to members of the caucus — a group of …": the source's gloss
    if after < b and tokens[after].lower in ("quoting", "citing"):
        # "According to Harbour News, quoting the state agency, the army …": past whom it quotes
        close = next((i for i in range(after + 1, min(b, after + 16)) if tokens[i].text == ","),
                     None)
        if close is None:
            return None
        after = close + 1
    after = _past_apposition(tokens, after, b)
    # "According to X, …" (to where another voice takes over: "…, even though the caller
    # told the dispatcher …")
    return _claim(para, after, trim_end(tokens, after, another_voice(tokens, after, b)), mention)


def _past_apposition(tokens: list[Token], after: int, b: int) -> int:
    """Past what the source's commas set off before the claim: a clause about it
    ("According to Ana Ruiz, who has led the union since 2019, the strike …") or its role
    ("…, a union leader who …, the strike …"); else `after` itself."""
    close = next((i for i in range(after + 1, min(b, after + 25)) if tokens[i].text == ","),
                 None)
    if close is None or close + 1 >= b:
        return after
    if tokens[after].lower in ("who", "whose"):
        return close + 1
    role = role_end(tokens, after, close)
    if tokens[after].lower in ("a", "an") and role > after + 1 and not any(
            tag_of(tokens, i) in ("VERB", "AUX") for i in range(after + 1, role)):
        return close + 1  # (not "…, the strike will go on, …": a clause, the claim)
    return after


def source_after(text: str, tokens: list[Token], k: int, b: int
                 ) -> tuple[Mention, int] | None:
    """The source named after tokens[k] ("to" of "according to") and the index of the
    token after it (and after its apposition): "Dr. Ana Ruiz, a family doctor,"."""
    m = k + 1
    if m >= b:
        return None
    scanned = _scan(tokens, m, b)
    mention = phrase_at(text, tokens, m, b)
    # a phrase rule's reading when it runs as far as the plain one ("Dr. Ana Ruiz, a family
    # doctor," has a role), else the plain one ("a new poll by the Harvard Institute")
    if mention is not None and mention.kind != "pronoun" and (
            scanned is None or mention.end >= tokens[scanned - 1].end):
        end = next((i for i in range(m, b) if tokens[i].start >= mention.end), b)
        if mention.role:
            # An apposition only when closed by a comma ("Dr. Ruiz, a family doctor, …");
            # "According to the coastguard, three boats sank." is the claim itself.
            role_at = text.find(mention.role, tokens[end].end) if end < b else -1
            role_end = next((i for i in range(end, b) if tokens[i].start >= role_at
                             + len(mention.role)), b) if role_at >= 0 else b
            if role_end < b and tokens[role_end].text == ",":
                return mention, role_end
            mention = Mention(mention.text, mention.start, mention.end, mention.kind)
        return mention, end
    if scanned is None:
        return None
    mention = make_mention(text, tokens, m, scanned)
    return None if mention.text.lower() in _NOT_SOURCES else (mention, scanned)


def _scan(tokens: list[Token], m: int, b: int) -> int | None:
    """The end of a source read plainly: up to a comma or a clause word, within 20 tokens
    (a longer run is no source whose end can be told: "a report released last month by
    the Canada Mortgage and Housing Corporation" is 13)."""
    end = m
    while end < b and tokens[end].text not in {",", ".", ";", "—", "–"} and not (
            tokens[end].text == "-" and tokens[end].start > tokens[end - 1].end):
        # (a spaced hyphen is a dash; "A.F.L.-C.I.O." goes on)
        low = tokens[end].lower
        if end > m and (low in CLAUSE_WORDS and low != "and" or low in AUXILIARIES):
            break
        end += 1
        if end - m >= _LONGEST_SOURCE:
            return None
    return end if end > m else None


_LONGEST_SOURCE = 20


def _claim(para: Paragraph, c_start: int, c_end: int, mention: Mention) -> Finding | None:
    tokens = para.tokens
    if c_end <= c_start or words(tokens, c_start, c_end) < MIN_CONTENT_WORDS:
        return None
    return Finding(tokens[c_start].start, tokens[c_end - 1].end, "indirect",
                   (para.start, para.end), "according to", mention)


# "In Wong's view, …", "In her opinion, …": a person's view opening the sentence.
_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "assessment", "judgment",
                         "judgement"})


def in_the_view_of(para: Paragraph, a: int, b: int) -> Finding | None:
    """The claim after a sentence's opening "In X's view," (also "In his opinion,")."""
    tokens = para.tokens
    if b - a < 6 or tokens[a].lower != "in" or tokens[a + 2].lower not in _VIEW_NOUNS or (
            tokens[a + 3].text != ","):
        return None
    owner = tokens[a + 1]
    if owner.lower in POSSESSIVES:
        mention = Mention(owner.text, owner.start, owner.end, "pronoun")
    elif owner.text.endswith(POSSESSIVE_ENDS) and is_name_word(owner):
        name = without_possessive(owner.text)
        mention = Mention(name, owner.start, owner.start + len(name), "name")
    else:
        return None  # "In my view" is the writer's; "In the long view" no one's
    claim = _claim(para, a + 4, trim_end(tokens, a + 4, b), mention)
    if claim is not None:
        claim.cue = para.text[tokens[a].start : tokens[a + 2].end]
    return claim
