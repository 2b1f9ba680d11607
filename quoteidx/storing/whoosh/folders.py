"""Index folders on disk: the write lock, swapping a rebuilt index in, and clearing what
a killed run left behind. Nothing here knows about Whoosh beyond its lock file's name.

Names next to an index folder `ix` that quoteidx owns: `ix.tmp-<8 hex>` (an index being
built, or after a swap the old one being deleted) and `ix.old-<8 hex>` (the old index
during a swap on systems without an atomic exchange). Only the holder of the index's
write lock builds or swaps, so that holder may delete any of them it finds.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable
from contextlib import suppress

# Whoosh's own lock file: quoteidx versions that let Whoosh lock still exclude us.
LOCK_NAME = "MAIN_WRITELOCK"
POLL = 0.05  # seconds between attempts to take a busy lock


class LockBusy(Exception):
    """Another process held the lock for the whole wait."""


class WriteLock:
    """An exclusive OS lock (flock) on the lock file in an index folder. The kernel drops
    it when the holder dies, however it dies, so the lock file that a killed run leaves
    behind never blocks anyone: its existence means nothing, only the flock does."""

    def __init__(self, folder: str) -> None:
        self.path = os.path.join(folder, LOCK_NAME)
        self._fd: int | None = None

    def acquire(self, timeout: float, on_wait: Callable[[float], None] | None = None) -> None:
        """Take the lock, waiting up to `timeout` seconds; `on_wait(timeout)` is called
        once if the lock is busy. Raises LockBusy, or OSError (e.g. a read-only folder)."""
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            # Opened for writing on purpose: a read-only index fails here, before any work.
            try:
                fd = self._open()
            except FileNotFoundError:
                # The folder is gone: half-way through a swap (finish it), or deleted.
                if finish_interrupted_swap(os.path.dirname(self.path)):
                    continue
                raise
            if _try_lock(fd):
                if self._still_current(fd):
                    self._fd = fd
                    return
                _unlock(fd)  # the folder was swapped while we waited: lock the new one
            os.close(fd)
            if time.monotonic() >= deadline:
                raise LockBusy(self.path)
            if not waited and on_wait is not None:
                on_wait(timeout)
            waited = True
            time.sleep(POLL)

    def _open(self) -> int:
        """The lock file, opened (made if missing) without ever waiting: a named pipe in
        its place would block a plain open until a reader came, whatever --wait says.
        Anything but a regular file there is an OSError naming it."""
        flags = os.O_CREAT | os.O_WRONLY
        flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        not_a_file = OSError(errno.EINVAL, f"{self.path} is not a regular file (remove it; "
                                           "quoteidx makes it anew)")
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as err:
            # ENXIO: a pipe no one reads; ELOOP: a symbolic link (O_NOFOLLOW).
            if err.errno in (errno.ENXIO, errno.ELOOP):
                raise not_a_file from None
            raise
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise not_a_file
        return fd

    def _still_current(self, fd: int) -> bool:
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            return False
        held = os.fstat(fd)
        return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)

    @property
    def fd(self) -> int | None:
        """The locked file descriptor, for a helper process to close its copy of."""
        return self._fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _unlock(fd)
            os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno in (errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


# Folders next to the index


def _sibling_pattern(real: str) -> re.Pattern[str]:
    return re.compile(re.escape(os.path.basename(real)) + r"\.(tmp|old)-([0-9a-f]{8})")


def sibling(real: str, kind: str, token: str) -> str:
    return os.path.join(os.path.dirname(real), f"{os.path.basename(real)}.{kind}-{token}")


def new_folder(real: str) -> str:
    """A new empty folder next to `real`: on the same filesystem, so it can be renamed
    over it."""
    path = sibling(real, "tmp", secrets.token_hex(4))
    os.mkdir(path)
    return path


def _siblings(real: str) -> list[tuple[str, str, str]]:
    """(path, kind, token) of every quoteidx folder next to `real`."""
    parent = os.path.dirname(real)
    pattern = _sibling_pattern(real)
    try:
        names = os.listdir(parent)
    except OSError:
        return []
    found = []
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            found.append((os.path.join(parent, name), match[1], match[2]))
    return found


def remove_leftovers(real: str) -> None:
    """Delete the folders a killed build or swap left next to `real`. Call only while
    holding `real`'s write lock: every build and swap happens under it."""
    for path, _kind, _token in _siblings(real):
        shutil.rmtree(path, ignore_errors=True)


def swap_in(new: str, real: str) -> None:
    """Put the complete index folder `new` at `real` and delete the old one. Atomic
    where the OS can exchange two paths in one step (Linux); elsewhere two renames, and
    a reader arriving between them, or a run after a kill between them, completes the
    swap (finish_interrupted_swap). `new` gets the old folder's permissions."""
    os.chmod(new, stat.S_IMODE(os.stat(real).st_mode))
    if _exchange(new, real):
        fsync_folder(os.path.dirname(real))
        shutil.rmtree(new, ignore_errors=True)  # now the old index
        return
    token = os.path.basename(new).rpartition("-")[2]
    old = sibling(real, "old", token)
    os.rename(real, old)
    try:
        os.rename(new, real)
    except OSError:
        if not os.path.isdir(real):  # not completed by a reader meanwhile: put it back
            os.rename(old, real)
            raise
    fsync_folder(os.path.dirname(real))
    shutil.rmtree(old, ignore_errors=True)


def fsync_folder(folder: str) -> None:
    """Make the names in `folder` (files made, renamed or removed there) durable."""
    fd = os.open(folder or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def finish_interrupted_swap(real: str) -> bool:
    """If `real` is missing half-way through a two-rename swap (its old folder already
    moved aside, the new one complete next to it), move the new one in. True if so."""
    if os.path.lexists(real):
        return False
    for _path, kind, token in _siblings(real):
        new = sibling(real, "tmp", token)
        if kind == "old" and os.path.isdir(new):
            with suppress(OSError):  # another process moved it first, or read-only
                os.rename(new, real)
            return os.path.isdir(real)
    return False


def _exchange(a: str, b: str) -> bool:
    """Swap two paths in one system call (Linux renameat2 with RENAME_EXCHANGE). False
    where the C library, the kernel or the filesystem cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)  # glibc 2.28+
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    # EPERM too: container sandboxes that filter system calls answer renameat2 so.
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), b)
