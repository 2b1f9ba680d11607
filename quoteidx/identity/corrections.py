"""A person's corrections to who said what, kept in a file beside the index folder:
`.quoteidx.corrections.toml` for the index `.quoteidx`, `ix.corrections.toml` for `ix`.

The index is derived data, rebuilt from documents at any time (a rebuild replaces its
whole folder), so corrections live outside it and are applied whenever it is read: they
survive `quoteidx index --rebuild`, even deleting the index, by construction. The file
is TOML so that a person can read, edit and version it; entries apply in order, each a
`[[correction]]` table:

    [[correction]]
    action = "merge"              # these names are one person (the first name is kept)
    names = ["Ismail Khan", "Khan@herald"]

    [[correction]]
    action = "split"              # quotes by ALIAS within NAME are someone else
    name = "Ismail Khan"
    alias = "Khan@herald"

    [[correction]]
    action = "reassign"           # this quote was said by SPEAKER
    quote = "7971e5d97d79"
    speaker = "Hidaytullah"
    role = "resident"             # optional

A name may end in `@SOURCE` to mean only the person of that name in documents whose
path, title, publication or url contains SOURCE. Any entry may carry a `note`.
Reading uses tomllib; writing only ever appends a block, so comments and hand edits stay.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

SUFFIX = ".corrections.toml"
ACTIONS = ("merge", "split", "reassign")

HEADER = """\
# quoteidx corrections: who said what, as corrected by people. quoteidx applies these
# whenever it reads the index, in order, so they survive `quoteidx index --rebuild`.
# Edit or delete entries freely. A name may end in @SOURCE (part of a document's path,
# title, publication or url) to pick one person when several share the name.
"""


class CorrectionsError(Exception):
    """The corrections file cannot be used as it is; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Correction:
    action: str  # one of ACTIONS
    names: tuple[str, ...] = ()  # merge: two or more names; split: (name, alias)
    quote: str | None = None  # reassign
    speaker: str | None = None  # reassign
    role: str | None = None  # reassign
    note: str | None = None

    def describe(self) -> str:
        if self.action == "merge":
            return "merge " + " + ".join(repr(name) for name in self.names)
        if self.action == "split":
            return f"split {self.names[1]!r} off {self.names[0]!r}"
        role = f" ({self.role})" if self.role else ""
        return f"reassign quote {self.quote} to {self.speaker!r}{role}"


def corrections_path(location: str | os.PathLike[str]) -> str:
    """The corrections file of the index at `location`: next to its folder, named after it."""
    folder = os.path.normpath(os.path.abspath(os.fspath(location)))
    return folder + SUFFIX


def load_corrections(location: str | os.PathLike[str]) -> list[Correction]:
    """The corrections kept for the index at `location`; none if there is no file."""
    path = corrections_path(location)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return []
    except OSError as err:
        raise CorrectionsError(f"{path}: cannot read: {err.strerror or err}") from None
    import tomllib

    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise CorrectionsError(f"{path}: not valid TOML: {err}") from None
    entries = table.get("correction", [])
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path}: 'correction' must be [[correction]] tables")
    return [_parse(entry, number, path) for number, entry in enumerate(entries, 1)]


def _parse(entry: object, number: int, path: str) -> Correction:
    def fail(reason: str) -> CorrectionsError:
        return CorrectionsError(f"{path}: correction {number}: {reason}")

    if not isinstance(entry, dict):
        raise fail("not a table")

    def text(key: str, required: bool = True) -> str | None:
        value = entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key!r} must be a non-empty string")
        return value.strip()

    action = entry.get("action")
    note = text("note", required=False)
    if action == "merge":
        names = entry.get("names")
        if (not isinstance(names, list) or len(names) < 2
                or not all(isinstance(n, str) and n.strip() for n in names)):
            raise fail("'names' must list two or more names")
        return Correction("merge", tuple(n.strip() for n in names), note=note)
    if action == "split":
        return Correction("split", (text("name") or "", text("alias") or ""), note=note)
    if action == "reassign":
        return Correction("reassign", quote=text("quote"), speaker=text("speaker"),
                          role=text("role", required=False), note=note)
    raise fail(f"unknown action {action!r}; use one of: {', '.join(ACTIONS)}")


def add_correction(location: str | os.PathLike[str], correction: Correction) -> str:
    """Append one correction to the file (created with a header if new); its path."""
    path = corrections_path(location)
    lines = ["", "[[correction]]", f"action = {_toml(correction.action)}"]
    if correction.action == "merge":
        lines.append(f"names = [{', '.join(_toml(name) for name in correction.names)}]")
    elif correction.action == "split":
        lines += [f"name = {_toml(correction.names[0])}",
                  f"alias = {_toml(correction.names[1])}"]
    else:
        lines += [f"quote = {_toml(correction.quote or '')}",
                  f"speaker = {_toml(correction.speaker or '')}"]
        if correction.role:
            lines.append(f"role = {_toml(correction.role)}")
    if correction.note:
        lines.append(f"note = {_toml(correction.note)}")
    new = not os.path.exists(path)
    with open(path, "a", encoding="utf-8") as handle:
        if new:
            handle.write(HEADER)
        handle.write("\n".join(lines) + "\n")
    return path


def _toml(value: str) -> str:
    """A TOML basic string. JSON's escapes (\\" \\\\ \\n \\uXXXX) are TOML's too; DEL and
    lone surrogates, which JSON leaves raw, are not allowed raw in TOML."""
    cleaned = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return json.dumps(cleaned, ensure_ascii=False).replace("\x7f", "\\u007f")
