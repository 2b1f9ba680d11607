"""Who a document names, indexed once so that resolving each speaker costs a look-up.

Names are grouped by surname and, within a surname, by the form written ("Ismail Khan",
"Commander Ismail Khan" -> "Ismail Khan"), each form with the sorted offsets where it
appears: the fullest form and its nearest earlier mention are found with a bisection
per form, not by rescanning every earlier mention. Titles ("the Commander") are
indexed the same way: title word -> offsets of the mentions of people holding it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from quoteidx.attributing.names import clean_role, name_words, strip_title, surname
from quoteidx.finding.lexicon import PERSON_NOUNS, TITLES
from quoteidx.finding.names import Mention

_LATER = 10**12  # a later mention ranks after every earlier one


@dataclass(slots=True)
class _Form:
    """One way the document writes a name, and where."""

    full: str  # title stripped: "Commander Ismail Khan" -> "Ismail Khan"
    words: frozenset[str]
    length: int
    starts: list[int] = field(default_factory=list)

    def distance(self, position: int) -> int:
        """How far before `position` its nearest mention is (later ones rank last)."""
        i = bisect_right(self.starts, position)
        return position - self.starts[i - 1] if i else _LATER + self.starts[0]


class NameIndex:
    """The names, titles and roles a document gives the people it mentions."""

    def __init__(self, names: list[Mention], subjects: list[Mention]) -> None:
        self._forms: dict[str, dict[str, _Form]] = {}
        for mention in names:
            if mention.kind == "name":
                self._add_form(mention)
        for forms in self._forms.values():
            for form in forms.values():
                form.starts.sort()
        self.roles: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}
        named: list[tuple[int, str]] = []  # (offset, canonical name) of every name mention
        for mention in [*names, *subjects]:
            if mention.kind == "name":
                full, title = strip_title(mention.text)
                canonical = self.canonical(full, mention.start)
                named.append((mention.start, canonical))
                if title:
                    self.titles.setdefault(canonical, set()).add(title)
                role = clean_role(mention.role)
                if role and canonical not in self.roles:
                    self.roles[canonical] = role
                if role:
                    for word in role.lower().split():
                        if word in TITLES or word in PERSON_NOUNS:
                            self.titles.setdefault(canonical, set()).add(word)
            elif mention.name_in_apposition:
                canonical = self.canonical(mention.name_in_apposition, mention.start)
                role = clean_role(mention.text)
                if role:
                    self.roles.setdefault(canonical, role)
                    self.titles.setdefault(canonical, set()).update(role.lower().split())
        named.sort()
        # title word -> (offset, canonical) of the mentions of people holding that title
        self._by_title: dict[str, list[tuple[int, str]]] = {}
        for start, canonical in named:
            for title in self.titles.get(canonical, ()):
                self._by_title.setdefault(title, []).append((start, canonical))

    def _add_form(self, mention: Mention) -> None:
        full, _title = strip_title(mention.text)
        forms = self._forms.setdefault(surname(full), {})
        form = forms.get(full)
        if form is None:
            words = name_words(full)
            form = forms[full] = _Form(full, frozenset(w.lower() for w in words), len(words))
        form.starts.append(mention.start)

    def canonical(self, name: str, position: int) -> str:
        """The fullest name the document uses for this person: among the forms that end
        with the same surname and hold all its words, the longest, and of those the one
        mentioned nearest before `position` (else first after it)."""
        words = {w.lower() for w in name_words(name)}
        best: tuple[int, int, str] | None = None
        for form in self._forms.get(surname(name), {}).values():
            if words <= form.words:
                key = (-form.length, form.distance(position), form.full)
                if best is None or key < best:
                    best = key
        return best[2] if best else name

    def titled_before(self, title: str, position: int) -> str | None:
        """The person holding `title` mentioned nearest before `position`."""
        mentions = self._by_title.get(title)
        if not mentions:
            return None
        i = bisect_left(mentions, position, key=lambda item: item[0])
        return mentions[i - 1][1] if i else None
