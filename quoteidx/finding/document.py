"""A whole document's quotations: its paragraphs read in order, quotes carried from one
paragraph to the next, uncued quotes given the speaker the context gives them."""

from __future__ import annotations

from quoteidx.finding.beats import beat_subject
from quoteidx.finding.claims import find_claims
from quoteidx.finding.cues import leading_cue
from quoteidx.finding.descriptions import is_role_word, modifier_word, speaker_phrase
from quoteidx.finding.direct import find_direct
from quoteidx.finding.headlines import headline_claim, reads_as_passive
from quoteidx.finding.lexicon import ARTICLES, POSSESSIVE_ENDS, POSSESSIVE_WORDS
from quoteidx.finding.marks import Span, quote_spans
from quoteidx.finding.model import Analysis, Finding
from quoteidx.finding.names import Mention, listed_body_start, name_end, name_run_back
from quoteidx.finding.office_words import PORTFOLIOS, RANK_WORDS
from quoteidx.finding.offices import opens_office
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.roles import district_holder
from quoteidx.finding.speech_verbs import valid_speaker
from quoteidx.finding.subjects import name_with_apposition, sentence_subject
from quoteidx.finding.text import QUOTED, paragraphs
from quoteidx.finding.tokens import is_speech_verb, tag_of


def _prepare(text: str, body_start: int) -> list[Paragraph]:
    prepared = []
    for start, end in paragraphs(text, body_start):
        spans, dangling = quote_spans(text, start, end)
        if dangling is not None and dangling.end > dangling.start:
            spans = [*spans, dangling]
        prepared.append(Paragraph(text, start, end, spans))
    return prepared


def find_quotations(text: str, body_start: int = 0) -> Analysis:
    """Quotations of a document, with the phrases that name their speakers."""
    analysis = Analysis()
    findings = analysis.findings
    previous: Paragraph | None = None
    last_direct: Finding | None = None
    last_claim: Finding | None = None  # a claim closing the paragraph before
    open_quote: Finding | None = None  # a quote whose paragraph ended before it closed
    unclaimed: Finding | None = None  # an uncued quote paragraph, before its credit
    left_open: Finding | None = None  # an uncued quote its paragraph left open
    for number, para in enumerate(_without_embeds(_prepare(text, body_start))):
        if para.is_furniture:
            continue  # the story goes on past "Story continues below", "READ MORE: …"
        first = number == 0 and not (para.shown or para.is_caption)
        headline = headline_claim(para) if first else None
        if first and (headline is not None or para.is_heading):
            # the headline: "Ruiz: Harbour Tax Will Fund the Pier", or a claim read as a
            # sentence even without its full stop ("Court rules the ban is legal")
            claims = [f for f in find_claims(para, para.sentences[0], [])
                      if _speaker_kept(para, f) and not reads_as_passive(para, f)]
            if headline is not None and (not claims or headline.kind == "direct") and (
                    _speaker_kept(para, headline)):
                claims = [headline, *claims]  # (a quote opening it is beside the claim)
            if claims and (para.is_heading or headline in claims):
                findings.extend(claims)
                continue
        if para.shown or para.is_caption or para.is_heading:
            previous = open_quote = last_direct = last_claim = unclaimed = left_open = None
            continue
        continued = None
        # Newspaper convention: a quote left open continues into a paragraph that opens
        # with a quote mark.
        if open_quote is not None and para.spans and para.spans[0].open_at == para.start:
            continued = para.spans[0]
            open_quote.add_part(continued.start, continued.end)
            open_quote.paragraph = (open_quote.paragraph[0], para.end)
        elif open_quote is not None and not para.spans:
            close = _closing_mark_only(para)
            if close is not None:
                # its opening mark left out, a paragraph that only closes the quote: the
                # quote's last paragraph
                continued = Span(para.start, close, para.start, close, True)
                open_quote.add_part(para.start, close)
                open_quote.paragraph = (open_quote.paragraph[0], para.end)
        direct = [f for f in find_direct(para) if continued is None or f.start != continued.start]
        for finding in direct:
            if finding.mention is None and finding.inherit is None:
                latest = max((f for f in (last_direct, last_claim) if f is not None),
                             key=lambda f: f.end, default=None)
                _context_speaker(finding, para, previous, latest)
        uncued = [f for f in direct if f.mention is None and f.inherit is None]
        direct = [f for f in direct if _speaker_kept(para, f)
                  and (f.mention is not None or f.inherit is not None)]
        if left_open is not None and direct and direct[0].start <= para.start + 1 and (
                direct[0].mention is not None) and text[left_open.start - 1] == text[
                direct[0].start - 1]:  # (the same mark opens both: not a stray one)
            # `“A …` ¶ `“B,” said Tom Berg.`: one quote over two paragraphs, credited at
            # its end (a quote left open goes on in the next paragraph's opening mark)
            credited = direct[0]
            credited.parts = [(left_open.start, left_open.end), *credited.segments()]
            credited.start = left_open.start
            credited.paragraph = (left_open.paragraph[0], credited.paragraph[1])
        elif unclaimed is not None and direct and _adds_to(para, direct[0]):
            # `“A.”` ¶ `“B,” he added.`: A is his too, said before what he added
            unclaimed.mention, unclaimed.cue = direct[0].mention, f"(before {direct[0].cue})"
            findings.append(unclaimed)
        unclaimed = None
        findings.extend(direct)
        if direct:
            last_direct = direct[-1]
        elif continued is None:
            last_direct = last_direct if _ends_with_quote(previous, last_direct) else None
        open_quote = _still_open(para, direct, open_quote if continued else None)

        quoted = [(f.start, f.end) for f in direct]
        if continued is not None:
            quoted.append((continued.start, continued.end))
        last_claim = None
        paragraph_claims: list[Finding] = []
        for sentence in para.sentences:
            ta, tb = para.token_range(*sentence)
            subject = sentence_subject(text, para.tokens, ta, tb, topic=True)
            if subject is not None:
                analysis.subjects.append(subject)
            claims = [f for f in find_claims(para, sentence, quoted)
                      if _speaker_kept(para, f)]
            findings.extend(claims)
            paragraph_claims.extend(claims)
            # `Ruiz said she moved in October.` ¶ `“The heating works now.”`: her words
            last_claim = claims[-1] if claims and sentence == para.sentences[-1] else None
        findings.extend(_after_claims(para, uncued, paragraph_claims))
        unclaimed = next((f for f in uncued if f.inherit is None and _whole(para, f)), None)
        left_open = next((f for f in uncued if f.inherit is None and para.spans and not (
            para.spans[-1].closed) and f.start == para.spans[-1].start), None)
        analysis.names.extend(_names(para))
        previous = para
    findings.sort(key=lambda f: f.start)
    return analysis


def _after_claims(para: Paragraph, uncued: list[Finding], claims: list[Finding]
                  ) -> list[Finding]:
    """Uncued quotes that open the sentence after a claim credited at its end
    (`…, Ruiz said.`): the same speaker goes on. The rest of a claim that quotes her
    (`Her year was “hard,” Ruiz said. “It was tough.”`) is one utterance in two parts;
    after a claim all in the reporter's words, the quote is a record of its own."""
    own = []
    for finding in uncued:
        sentence = para.sentence_of(finding.start)
        claim = next((c for c in reversed(claims) if c.end <= finding.start), None)
        if claim is None or claim.mention is None or claim.mention.start < claim.end or (
                sentence == 0 or para.sentence_of(claim.mention.start) != sentence - 1):
            continue
        if QUOTED in para.masked[claim.start - para.start : claim.end - para.start]:
            claim.add_part(finding.start, finding.end)
        else:
            finding.inherit, finding.cue = claim, "(continues)"
            own.append(finding)
    return own


_ADDING = frozenset({"added", "adds", "continued", "continues"})


def _adds_to(para: Paragraph, finding: Finding) -> bool:
    """Whether the paragraph opens with a quote credited as more of the same speaker's
    words (`“…,” he added.`): what the quote paragraph before it said was theirs too."""
    return finding.start <= para.start + 1 and finding.mention is not None and (
        finding.cue or "").lower() in _ADDING


def _whole(para: Paragraph, finding: Finding) -> bool:
    """Whether an uncued quote is its paragraph's only words (one quoted stretch)."""
    return len(para.spans) == 1 and finding.start <= para.start + 1 and not (
        para.text[finding.end : para.end].strip(" \t\r\n\"”.!?"))


_MARKS = "\"“”"


def _closing_mark_only(para: Paragraph) -> int | None:
    """Where the one quote mark of a paragraph stands, when it closes the paragraph's
    last sentence (`… to focus better."`), else None."""
    body = para.text[para.start : para.end].rstrip()
    if not body.endswith(("\"", "”")) or sum(body.count(m) for m in _MARKS) != 1:
        return None
    return para.start + len(body) - 1


def _speaker_kept(para: Paragraph, finding: Finding) -> bool:
    """Whether a finding keeps a speaker phrase fit to name someone (tidied up)."""
    if finding.mention is None:
        return True
    finding.mention = speaker_phrase(para, finding.mention)
    return finding.mention is not None


def _without_embeds(paras: list[Paragraph]) -> list[Paragraph]:
    """The body's paragraphs, embedded posts (the post and its credit line, "— Ana Ruiz
    (@aruiz) March 3, 2019") and pull quotes (a paragraph that is only a quote, set over
    a line that is only a name) marked `shown`: they show words, they do not report them."""
    for n, para in enumerate(paras):
        if para.is_post_credit:
            para.shown = True
            if n > 0 and para.masked.lstrip().startswith(("—", "–", "-")):
                paras[n - 1].shown = True  # the post's own text, in the paragraph before
        elif n > 0 and paras[n - 1].is_quote_only and para.is_name_line:
            paras[n - 1].shown = para.shown = True
    return paras


def _still_open(para: Paragraph, direct: list[Finding], carried: Finding | None) -> Finding | None:
    """The quote left open at the end of this paragraph, if any."""
    last_span = para.spans[-1] if para.spans else None
    if last_span is None or last_span.closed:
        return None
    if carried is not None and len(para.spans) == 1:
        return carried
    return next((f for f in direct if f.start <= last_span.start <= f.end), None)


def _ends_with_quote(para: Paragraph | None, finding: Finding | None) -> bool:
    return para is not None and finding is not None and finding.paragraph[1] == para.end


def _subhead(para: Paragraph, finding: Finding) -> bool:
    """Whether a quote standing alone as its paragraph is a subhead ("‘Nobody came to
    tell us’"): its words close with no full stop, question or exclamation mark, as a
    speaker's continued words do."""
    words = para.text[finding.start : finding.end].rstrip()
    return bool(words) and words[-1] not in ".?!…—-,;:" and not para.text[
        finding.end : para.end].strip(" \t\r\n”’\"'").strip()


def _context_speaker(finding: Finding, para: Paragraph, previous: Paragraph | None,
                     last_direct: Finding | None) -> None:
    """An uncued quote: an action beat just before it, or the speaker it continues when
    it opens a paragraph right after a paragraph of quotes."""
    beat = beat_subject(para, finding)
    if beat is not None:
        finding.mention, finding.cue = beat, "(action beat)"
        return
    if previous is None or finding.start > para.start + 2:
        return
    if previous.masked.rstrip().endswith(":"):  # "Cruz continued:" ends the paragraph before
        lead = leading_cue(previous, previous.token_at(previous.sentences[-1][0]),
                           len(previous.tokens))
        if lead is not None and lead[0] is not None:
            finding.mention, finding.cue = lead[0], lead[1]
            return
    spoke = _spoke_before(previous)
    if spoke is not None:  # "Ruth Okemow spoke first." ¶ "“He was a welder. …”": hers
        finding.mention, finding.cue = spoke
        return
    if last_direct is None or _subhead(para, finding):
        return
    last_sentence = previous.sentences[-1] if previous.sentences else (previous.start, previous.end)
    if last_direct.paragraph[1] == previous.end and last_direct.end >= last_sentence[0]:
        finding.inherit = last_direct
        finding.cue = "(continues)"


# Verbs telling that someone took the floor, without what they said.
_TOOK_THE_FLOOR = frozenset({"spoke", "testified", "speaks", "testifies"})


def _spoke_before(previous: Paragraph) -> tuple[Mention, str] | None:
    """The speaker and verb of a paragraph ending on someone taking the floor and saying
    nothing yet ("Ruth Okemow, whose brother died in the fire, spoke first."), whose
    words the next paragraph's quote then is."""
    if not previous.sentences or previous.spans:
        return None
    ta, tb = previous.token_range(*previous.sentences[-1])
    tokens = previous.tokens
    verb = next((k for k in range(ta + 1, tb) if tokens[k].lower in _TOOK_THE_FLOOR), None)
    if verb is None or any(tokens[k].lower in ("that", "about", "of")
                           for k in range(verb + 1, tb)):
        return None  # ("spoke about the fire": what she said was told, no quote needed)
    subject = sentence_subject(previous.text, tokens, ta, verb)
    if subject is None or subject.kind not in ("name", "title") or not valid_speaker(subject):
        return None
    return subject, tokens[verb].text


def _names(para: Paragraph) -> list[Mention]:
    """Capitalised runs outside quotes, for resolving "Khan" to "Ismail Khan"."""
    tokens = para.tokens
    names = []
    end = 0
    n = len(tokens)
    # The tokens that may start a name (names.is_name_word), in order; past a name, on.
    for k in [k for k, token in enumerate(tokens) if token.name_like]:
        if k < end:
            continue
        end = name_end(tokens, k, n)
        held = district_holder(tokens, k - 1, n)
        if held is not None:  # "MLA for Dartmouth South Claudia Chender": the district, and
            office_start = names[-1].start if names and names[-1].end == tokens[k - 2].end else (
                tokens[k - 2].start)
            names.append(Mention(para.text[tokens[held[0]].start : tokens[end - 1].end],
                                 tokens[held[0]].start, tokens[end - 1].end, "name",
                                 para.text[office_start : tokens[held[0] - 1].end]))
            continue  # the holder apart (their name, with the office for their role)
        start = k
        if k > 1 and tokens[k - 1].lower == "and":
            start = listed_body_start(tokens, k, end - 1, 0)  # "Environment and Climate
            if start == k and tokens[k - 2].lower in PORTFOLIOS:  # Change Canada": one body
                back = name_run_back(tokens, end - 1, 0)  # "Mental Health and Addictions
                start = back if back < k - 1 else k  # Minister Ann Roy": one office
            while names and names[-1].start >= tokens[start].start:
                names.pop()
        # A lone word helps only with a role beside it ("Ahmed, 27," does not).
        if end - start > 1 or (end < n and tokens[end].text == ","):
            mention = name_with_apposition(para.text, tokens, start, end, n)
            if mention.role is None and mention.kind == "name" and (
                    role := _role_before(para, start) or _role_in_commas_before(
                        para, start, end)):
                # "The Oilers signed defenceman Erik Lindqvist": later "the defenceman";
                # "The authority's chief operating officer, Derek Miller, said": later "Miller"
                mention = Mention(mention.text, mention.start, mention.end, "name", role)
            names.append(mention)
    return names


def _role_in_commas_before(para: Paragraph, k: int, end: int) -> str | None:
    """The role opening the sentence before a name set in commas: "The authority's chief
    operating officer, Derek Miller, said" (a determiner or owner, then words ending on a
    role noun); else None."""
    tokens = para.tokens
    if k < 3 or tokens[k - 1].text != "," or end >= len(tokens) or tokens[end].text != ",":
        return None
    j = k - 2
    a = j
    while a > 0 and j - a < 7 and tokens[a - 1].is_word and not tokens[a - 1].is_quote:
        a -= 1
    if a > 0 and tokens[a - 1].text not in ".!?" or not is_role_word(tokens[j].lower) or not (
            tokens[a].lower in ARTICLES or tokens[a].text.endswith(POSSESSIVE_ENDS)
            or tokens[a].lower in POSSESSIVE_WORDS):
        return None
    verb = next((i for i in range(j - 1, a, -1) if tag_of(tokens, i) in ("VERB", "AUX")
                 and not tokens[i].lower.endswith("ing")), None)
    if verb is not None:  # a clause: "The court also heard from the informant, X,"
        a = next((i for i in range(verb + 1, j) if tokens[i].lower in ARTICLES), j)
        if a == j:
            return None
    return para.text[tokens[a].start : tokens[j].end]


def _role_before(para: Paragraph, k: int) -> str | None:
    """The role in lower case right before a name that the name starts at tokens[k]
    ("signed veteran defenceman Erik Lindqvist"), up to three words, not after an
    article or a possessive, which make it a phrase of its own ("the lawyer Tom Berg
    hired")."""
    tokens = para.tokens
    if k == 0 or not is_role_word(tokens[k - 1].lower) or tokens[k - 1].is_capitalised:
        return None
    a = k - 1
    while a > 0 and k - a < 3 and tokens[a - 1].is_word and not tokens[a - 1].is_capitalised \
            and modifier_word(tokens[a - 1].lower) and not is_speech_verb(tokens[a - 1]) \
            and tag_of(tokens, a - 1) in ("NOUN", "ADJ"):
        a -= 1
    if a > 0 and (tokens[a - 1].lower in ARTICLES or tokens[a - 1].lower in POSSESSIVE_WORDS
                  or tokens[a - 1].text.endswith(POSSESSIVE_ENDS)):
        return None
    if a > 0 and tokens[a - 1].is_capitalised and (a == 1 or tokens[a - 2].text in ".!?") and (
            opens_office(tokens, a - 1)) and tokens[a - 1].lower not in _RANKS:
        a -= 1  # the sentence's first word is the role's: "City manager Ana Ruiz"
    role = para.text[tokens[a].start : tokens[k - 1].end]
    if a > 0 and tokens[a - 1].lower in _RANKS:
        # "Former mayor Tom Okafor" opening a sentence: another office than "the mayor"
        role = f"{tokens[a - 1].lower} {role}"
    return role


_RANKS = RANK_WORDS | {"acting", "interim"}
