"""Connecting to the server, and its failures as one line a person can act on: the
server down, a wrong password, a missing database, a connection lost mid-run. A
message shows the location without its password (quoteidx.storing.shown_location),
and never the server's own text where that could quote the connection string."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from quoteidx.storing.base import StoreError

CONNECT_TIMEOUT = 10  # seconds; a server that does not answer is an error, not a hang
APPLICATION = "quoteidx"


def shown(url: str) -> str:
    """The URL without its password, also one given as ?password=."""
    from quoteidx.storing import shown_location

    parts = urlsplit(shown_location(url))
    query = [(key, "***" if key == "password" else value)
             for key, value in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*"))) if query else (
        urlunsplit(parts))


def connect(url: str, *, autocommit: bool = False) -> Any:
    """A connection to the server at `url`; StoreError (one line) if there is none."""
    import psycopg

    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
                               application_name=APPLICATION)
    except psycopg.Error as err:
        raise connect_error(url, err) from None


def connect_error(url: str, err: Exception) -> StoreError:
    where = shown(url)
    text = str(err)
    if "password authentication failed" in text or "no password supplied" in text:
        user = re.search(r'for user "([^"]*)"', text)
        who = f" of user {user[1]}" if user else ""
        return StoreError(f"the PostgreSQL server at {where} refused the login{who}: "
                          "wrong user name or password")
    missing = re.search(r'database "([^"]*)" does not exist', text)
    if missing:
        return StoreError(f"there is no database {missing[1]!r} on the PostgreSQL server "
                          f"at {where}; create it first (createdb {missing[1]})")
    role = re.search(r'role "([^"]*)" does not exist', text)
    if role:
        return StoreError(f"the PostgreSQL server at {where} has no user {role[1]!r}")
    if "Connection refused" in text or "could not connect" in text or "timeout" in text:
        return StoreError(f"cannot reach the PostgreSQL server at {where}: "
                          "is it running, and is that its host and port?")
    if "invalid" in text and ("URI" in text or "connection option" in text
                              or "dsn" in text.lower()):
        return StoreError(f"not a PostgreSQL location: {where}")
    return StoreError(f"cannot connect to the PostgreSQL server at {where}: {_first_line(err)}")


def lost(url: str, err: Exception, doing: str) -> StoreError:
    """A failure while `doing` something on an open connection."""
    import psycopg

    where = shown(url)
    if isinstance(err, psycopg.OperationalError) or getattr(err, "sqlstate", None) is None:
        return StoreError(f"lost the connection to the PostgreSQL server at {where} "
                          f"while {doing}")
    return StoreError(f"the PostgreSQL server at {where} failed while {doing}: "
                      f"{_first_line(err)}")


def _first_line(err: Exception) -> str:
    diag = getattr(err, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if primary:
        return primary
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


@contextmanager
def translated(url: str, doing: str) -> Iterator[None]:
    """Database errors inside the block as one-line StoreErrors."""
    import psycopg

    try:
        yield
    except psycopg.Error as err:
        raise lost(url, err, doing) from None
