"""Publication dates as written by people and CMSs, to ISO `YYYY-MM-DD` or to None.

A date is only normalised when it is unambiguous: "03/04/2024" could be March or April,
so it gives None rather than a guess; a year or a month alone gives None too.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Year first: 2024-03-05, 2024/3/5, 2024.03.05, with an optional time after it.
_ISO = re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_DAY_MONTH = re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")
_MONTH_DAY = re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")
# Day and month as numbers: dots are European (day first); slashes and dashes only when
# one of the two numbers is above 12 and so cannot be a month.
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b")


def normalise_date(value: object) -> str | None:
    """ISO `YYYY-MM-DD` for a date we can read without guessing, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip().lower()
    if not text or len(text) > 100:
        return None

    match = _ISO.match(text) or _COMPACT.fullmatch(text)
    if match:
        return _valid(match["year"], match["month"], match["day"])
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.match(text)
        if match:
            return _valid(match["year"], _MONTHS[match["month"]], match["day"])
    match = _NUMERIC.match(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        if match["sep"] == "." or (first > 12 >= second):
            return _valid(match["year"], second, first)
        if second > 12 >= first:
            return _valid(match["year"], first, second)
        return None  # 03/04/2024: March or April? Don't guess.
    from email.utils import parsedate_tz  # the e-mail package: only for feed dates

    parsed = parsedate_tz(text)  # RFC 2822, as in feeds: "Tue, 05 Mar 2024 10:00:00 GMT"
    if parsed:
        return _valid(parsed[0], parsed[1], parsed[2])
    return None


def _valid(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:  # 2024-02-30, month 13
        return None
    return date.isoformat() if 1000 <= date.year <= 9999 else None
