"""Derived data kept in the index folder (Store.keep): `<name>.kept`, one file a name.

A file is replaced in one step, written in full next to it and renamed over it, so a
reader finds the old one or the new one, never half of either. It is not synced: what
a power cut may leave (an empty or torn file) fails its user's checksum and is made
again. It lives in the folder, so a rebuild, which swaps in a new folder, drops it.
"""

from __future__ import annotations

import os
import re
import stat
from contextlib import suppress

SUFFIX = ".kept"
_NAME = re.compile(r"[a-z][a-z0-9_-]*")
_TEMPORARY = re.compile(r"[a-z][a-z0-9_-]*\.kept\.tmp-[0-9a-f]{8}")


def kept_path(folder: str, name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a name for kept data: {name!r}")
    return os.path.join(folder, name + SUFFIX)


def read_kept(folder: str, name: str) -> bytes | None:
    """The file's bytes; None if there is none or it cannot be read. Never waits: a
    pipe or a device in its place is not read."""
    try:
        # O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever.
        fd = os.open(kept_path(folder, name), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def write_kept(folder: str, name: str, data: bytes) -> None:
    """Put `data` in place of the file, whole or not at all; nothing if it cannot be
    written (a read-only folder, a full disk, the folder deleted meanwhile)."""
    import secrets

    path = kept_path(folder, name)
    temporary = f"{path}.tmp-{secrets.token_hex(4)}"
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with suppress(OSError):
            os.remove(temporary)


def remove_temporary(folder: str) -> None:
    """Delete the temporary files of writes a kill interrupted (best effort). A write
    under way loses its file and keeps nothing, which only costs the next read."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if _TEMPORARY.fullmatch(name):
            with suppress(OSError):
                os.remove(os.path.join(folder, name))
