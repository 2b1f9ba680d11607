"""A citation line for a quote: who, in what role, where and when, and the exact words.
Plain text, one line, so that it can be pasted into an article or a fact-check."""

from __future__ import annotations

from quoteidx.record import Quote


def citation(quote: Quote, person: str | None = None) -> str:
    """'Hidaytullah (resident), in The Independent, undated, corpus/000.txt:
    “…we are cursed with never getting peace in Afghanistan.” [quote 7971e5d97d79]'.

    Direct quotes are given in quote marks; a reported claim is marked as such, since
    its words are the reporter's. `person` is the speaker's name across documents,
    used when the document named them otherwise (after a merge or a correction)."""
    source = quote.source
    who = person or quote.speaker or "unattributed"
    if quote.role:
        who += f" ({quote.role})"
    where = [who]
    if source.title:
        where.append(f"“{source.title}”")
    if source.publication:
        verb = "in" if quote.kind == "direct" else "as reported by"
        where.append(f"{verb} {source.publication}")
    where.append(source.date or "undated")
    where.append(source.url or source.path)
    words = " ".join(quote.text.split())  # one line, whatever the paragraph breaks
    said = f"“{words}”" if quote.kind == "direct" else f"{words} (reported speech)"
    return f"{', '.join(where)}: {said} [quote {quote.id}]"
