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
Reading uses tomllib; writing only ever adds a block at the end, or cuts one out
(`remove_correction`), so comments and hand edits stay, and it replaces the file in one
step (a new file written in full, synced to disk, renamed over the old one): a full disk
or a kill mid-write leaves the file as it was, never half a block that every command
reading people would refuse.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

SUFFIX = ".corrections.toml"
# Thousands of corrections are a few hundred KB; more is not a corrections file. (As for
# documents, the bound keeps a stray link or dump from filling memory.)
MAX_BYTES = 10 * 2**20
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

    def to_dict(self) -> dict[str, object]:
        """The correction as the file has it (for JSON): only the keys its action uses."""
        data: dict[str, object] = {"action": self.action}
        if self.action == "merge":
            data["names"] = list(self.names)
        elif self.action == "split":
            data.update(name=self.names[0], alias=self.names[1])
        else:
            data.update(quote=self.quote, speaker=self.speaker)
            if self.role:
                data["role"] = self.role
        if self.note:
            data["note"] = self.note
        return data

    def undoes(self, other: Correction) -> bool:
        """A split of what `other` merged, or a merge of what it split: the two cancel
        out (`split A B` after `merge A B`; `merge A B` after `split A B`)."""
        if {self.action, other.action} != {"merge", "split"}:
            return False
        merge, split = (self, other) if self.action == "merge" else (other, self)
        return len(merge.names) == 2 and tuple(merge.names) == tuple(split.names)

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
        data = _read(path)
    except OSError as err:
        raise CorrectionsError(f"{path}: cannot read: {err.strerror or err}") from None
    if data is None:
        return []
    import tomllib

    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise CorrectionsError(f"{path}: not valid TOML: {err}") from None
    except RecursionError:  # tomllib parses nested arrays by recursion
        raise CorrectionsError(f"{path}: not valid TOML: nested too deeply") from None
    entries = table.get("correction", [])
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path}: 'correction' must be [[correction]] tables")
    return [_parse(entry, number, path) for number, entry in enumerate(entries, 1)]


def _read(path: str) -> bytes | None:
    """The file's bytes, None if there is none. Bounded as documents are: a pipe, a
    device (a link to /dev/zero) or a file over MAX_BYTES is an OSError, found without
    waiting on it or reading it whole."""
    try:
        # O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_BYTES:
            raise OSError(errno.EFBIG, f"over the {MAX_BYTES // 2**20} MB a corrections "
                                       "file may be")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:  # it grew since we looked
        raise OSError(errno.EFBIG, f"over the {MAX_BYTES // 2**20} MB a corrections file may be")
    return data


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
    """Add one correction at the end of the file (created with a header if new), in one
    step; its path. Raises OSError if it cannot be written, the file then as it was."""
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
    block = ("\n".join(lines) + "\n").encode("utf-8")
    target = os.path.realpath(path)  # a symlink to the file stays a symlink
    with _writing(os.path.dirname(target)):
        old = _read(target)
        mode = None if old is None else stat.S_IMODE(os.stat(target).st_mode)
        _replace(target, (HEADER.encode("utf-8") if old is None else old) + block, mode)
    return path


LOCK_WAIT = 10.0  # seconds another process writing corrections may hold us up
_TEMPORARY = re.compile(r".+\.corrections\.toml\.tmp-[0-9a-f]{8}")


@contextmanager
def _writing(folder: str) -> Iterator[None]:
    """Exclusive use of the corrections files in `folder` (an flock on the folder
    itself, since the file is replaced), so that two corrections recorded at once are
    both kept; and the temporary files of a killed write removed."""
    if os.name == "nt":  # no flock on a folder there: writes are rare and quick
        yield
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OSError(errno.EAGAIN, "another process is writing to it") from None
                time.sleep(0.05)
        for name in os.listdir(folder):
            if _TEMPORARY.fullmatch(name):
                with suppress(OSError):
                    os.remove(os.path.join(folder, name))
        yield
    finally:
        os.close(fd)  # and the lock with it


def _replace(target: str, data: bytes, mode: int | None) -> None:
    """Put `data` at `target` in one step: written to a new file next to it, synced,
    renamed over it, and the rename synced. `mode` None: a new file's default mode."""
    import secrets  # here: it imports hashlib, ~4 ms of every start that reads corrections

    temporary = f"{target}.tmp-{secrets.token_hex(4)}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # not narrowed by the umask: as the file was
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.remove(temporary)
        raise
    _sync_folder(os.path.dirname(target))


def _sync_folder(folder: str) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):  # some filesystems refuse to sync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def _toml(value: str) -> str:
    """A TOML basic string. JSON's escapes (\\" \\\\ \\n \\uXXXX) are TOML's too; DEL and
    lone surrogates, which JSON leaves raw, are not allowed raw in TOML."""
    cleaned = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return json.dumps(cleaned, ensure_ascii=False).replace("\x7f", "\\u007f")


_BLOCK = re.compile(r"^[ \t]*\[\[[ \t]*correction[ \t]*\]\][ \t]*(?:#.*)?$", re.MULTILINE)
_TRAILING = re.compile(r"(?:^[ \t]*(?:#.*)?\n)*\Z", re.MULTILINE)


def remove_correction(location: str | os.PathLike[str], number: int) -> Correction:
    """Cut the `number`-th correction (1 is the first) out of the file, keeping every
    other line as it is (comments just above the next entry stay with it), in one step
    as add_correction writes; the removed correction. IndexError if there is none;
    CorrectionsError if the file is not as its corrections say (nothing is then
    changed); OSError if it cannot be written."""
    path = corrections_path(location)
    target = os.path.realpath(path)
    with _writing(os.path.dirname(target)):
        entries = load_corrections(location)
        if not 1 <= number <= len(entries):
            raise IndexError(f"no correction {number}; there are {len(entries)}")
        data = _read(target) or b""
        text = data.decode("utf-8")
        starts = [match.start() for match in _BLOCK.finditer(text)]
        if len(starts) != len(entries):
            raise CorrectionsError(f"{path}: cannot tell its entries apart; edit it by hand")
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(text)
        block = text[start:end]
        if number < len(starts):  # comments and blank lines just before the next entry stay
            block = block[:_TRAILING.search(block).start()]  # type: ignore[union-attr]
        kept = text[:start] + text[start + len(block):]
        import tomllib

        try:
            still = [_parse(entry, n, path) for n, entry in
                     enumerate(tomllib.loads(kept).get("correction", []), 1)]
        except (tomllib.TOMLDecodeError, CorrectionsError):
            still = None
        if still != entries[:number - 1] + entries[number:]:
            raise CorrectionsError(f"{path}: cannot tell its entries apart; edit it by hand")
        _replace(target, kept.encode("utf-8"), stat.S_IMODE(os.stat(target).st_mode))
    return entries[number - 1]
