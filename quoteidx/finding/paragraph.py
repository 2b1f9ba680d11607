"""One paragraph prepared for reading: its quotes, masked text, tokens and sentences."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from quoteidx.finding.marks import Span
from quoteidx.finding.text import QUOTED, mask, sentences
from quoteidx.finding.tokens import Tokens, token_range, tokenize

# "(Kim Sengupta)", "(EPA)", "(AFP/Getty Images)" closing a short unpunctuated paragraph.
# How a paragraph of running text ends; a short line ending otherwise is a heading.
_FINISHED = tuple(".!?:;)\ue000\"'”’»›“‘«‹")
_CREDIT = re.compile(r"\(\s*[A-Z][\w.&/' -]{0,40}\)\s*$")
# An embedded post's credit line: "— Ana Ruiz (@aruiz) March 3, 2019".
_POST_CREDIT = re.compile(
    r"(?:^|[\s.!?\ue000”\"])[—–-]+\s*[^()\n]{1,80}\(@\w{1,30}\)"
    r"\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_FURNITURE = re.compile(
    r"\s*(?:story continues below(?: (?:this )?advertisement)?|advertisement|ad|continue"
    r" reading(?: below| the story below)?|(?:read more|related|watch|listen|more)\s*:.*"
    r"|scroll (?:down|to continue).*)\s*$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^[—–-]*\s*(?:[A-Z][\w.'’-]*\s?){1,4}$")


_T = TypeVar("_T")


class _lazy(Generic[_T]):  # noqa: N801 (used as a decorator, like cached_property)
    """functools.cached_property without its lock (Python 3.11 takes one on every first
    read): a paragraph belongs to one thread, and the extractor reads ~10 per paragraph."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__

    def __get__(self, owner: Any, cls: type | None = None) -> _T:
        value = self._compute(owner)
        owner.__dict__[self._name] = value  # read from the instance from now on
        return value


def _once(compute: Callable[[], _T]) -> Callable[[], _T]:
    """`compute`, called on the first call only (functools.cache costs more to make)."""
    done: list[_T] = []

    def once() -> _T:
        if not done:
            done.append(compute())
        return done[0]
    return once


@dataclass
class Paragraph:
    text: str  # the whole document text
    start: int
    end: int
    spans: list[Span]  # top-level quotes, closed ones and a dangling last one
    shown: bool = False  # an embedded post or a pull quote: words shown, not reported

    @_lazy
    def masked(self) -> str:
        return mask(self.text, self.start, self.end, self.spans)

    @_lazy
    def tokens(self) -> Tokens:
        return Tokens(tokenize(self.masked, self.start), self._find_sentences)

    @_lazy
    def has_according(self) -> bool:
        """Whether a token may read "according" (in any case): asked of every sentence."""
        return "according" in self.masked.lower()

    @_lazy
    def sentences(self) -> list[tuple[int, int]]:
        return self._find_sentences()

    @_lazy
    def _find_sentences(self) -> Callable[[], list[tuple[int, int]]]:
        """The sentences, worked out on the first call, whether the paragraph or its
        tokens ask first (the tokens must not hold the paragraph: see Tokens)."""
        return _once(partial(sentences, self.masked, self.start, self._quote_stops))

    @_lazy
    def _quote_stops(self) -> list[int]:
        """Where a quote closing on a full stop, "!" or "?" inside its marks ends (past
        its closing mark, in the masked paragraph): the sentence may end there too
        (`said “We are ready.” Later, she …`, `that it was ''a good plan.'' He …`)."""
        text, stops = self.text, []
        for span in self.spans:
            if span.closed and span.end > span.start and text[span.end - 1] in ".!?":
                width = 2 if text.startswith(("''", "``"), span.close_at) else 1
                stops.append(span.close_at + width - self.start)
        return stops

    @_lazy
    def _token_starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    @_lazy
    def token_ends(self) -> list[int]:
        return [token.end for token in self.tokens]

    @_lazy
    def ends_in_quotes(self) -> list[int]:
        """Indices of the quote tokens a sentence ends inside: 'he goes “back to war
        tomorrow.” He is …' (the masked text shows no full stop there)."""
        tokens, text = self.tokens, self.text
        return [i for i in range(len(tokens) - 2)
                if tokens[i].is_quote and text[tokens[i].end - 1] in ".!?"
                and tokens[i + 1].text in "”\"’'" and tokens[i + 2].is_capitalised]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [a, b) of the tokens lying within text[start:end]."""
        return token_range(self._token_starts, self.token_ends, start, end)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self._token_starts, offset)

    @_lazy
    def _sentence_starts(self) -> list[int]:
        return [a for a, _b in self.sentences]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    @_lazy
    def is_caption(self) -> bool:
        """A photo caption or credit line: short, no sentence punctuation, ends in a credit."""
        body = self.masked.rstrip()
        if not _CREDIT.search(body):
            return False
        before = body[: body.rfind("(")].rstrip()
        if before.endswith((".", "!", "?")):  # "A crew clears the road. (Ana Ruiz/Gazette)"
            return len(before.split()) <= 40
        return len(before.split()) <= 25 and not before.endswith(("”", '"'))

    @_lazy
    def is_furniture(self) -> bool:
        """A web page's line between paragraphs of the story ("Story continues below",
        "Advertisement", "READ MORE: …", "WATCH: …"): the story goes on past it."""
        return self.end - self.start < 200 and bool(_FURNITURE.match(self.text, self.start,
                                                                     self.end))

    @_lazy
    def is_post_credit(self) -> bool:
        """The credit closing an embedded post: "— Ana Ruiz (@aruiz) March 3, 2019"."""
        masked = self.masked
        return "(@" in masked and bool(_POST_CREDIT.search(masked.rstrip()))

    @_lazy
    def is_name_line(self) -> bool:
        """A line that is only a name, as under a pull quote: "— Ana Ruiz"."""
        return self.end - self.start < 80 and not self.spans and bool(
            _NAME_LINE.match(self.masked.strip()))

    @_lazy
    def is_quote_only(self) -> bool:
        """Nothing but one quotation, as a pull quote is."""
        return len(self.spans) == 1 and not self.masked.replace(QUOTED, "").strip(
            " \t\"'“”‘’«»„")

    @_lazy
    def is_heading(self) -> bool:
        """Hashtags, subheads and pull quotes: short lines without final punctuation, of
        one sentence (prose ending on a comma leads into a quote: "Rathbun stated,")."""
        body = self.masked.strip()
        if body.startswith("#"):
            return True
        unfinished = not body.endswith(_FINISHED)
        return unfinished and len(body.split()) < 30 and not self._credited_quote and (
            len(self.sentences) == 1 or not body.endswith(","))

    @property
    def _credited_quote(self) -> bool:
        """A quote with its speaker credited after a dash: “…” — Ana Ruiz, harbour master."""
        if not self.spans or not self.spans[0].closed:
            return False
        after = self.text[self.spans[0].close_at + 1 : self.end].lstrip(" \t”\"'’,")
        return after[:1] in "—–―-" and after[1:].strip()[:1].isupper()
