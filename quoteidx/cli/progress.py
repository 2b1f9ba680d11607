"""Progress on long runs, on stderr when it is a terminal: a bar per document (a JSON
Lines file counts each of its lines) with elapsed time and an estimate of what is left,
then a visible phase while the index is written. Nothing when stderr is not a terminal,
so logs and pipes stay clean, and nothing for a run too short to need it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from quoteidx.cli.app import stderr_console

SHOW_AFTER = 0.5  # seconds: a run that ends sooner never shows a bar
PHASES = {"writing": "writing index…", "people": "listing the people quoted…"}


class Display:
    """Told of each document (`advance`) and of phases (`phase`); draws once the run has
    lasted SHOW_AFTER seconds."""

    def __init__(self, label: str, console: Any) -> None:
        self.label = label
        self.console = console
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def advance(self, done: int, total: int, path: str) -> None:
        if self.console is None:
            return
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER and done < total:
                return
            self._start(total)
        name = "".join(ch if ch.isprintable() else "?" for ch in path.rsplit("/", 1)[-1])
        self.bar.update(self.task, completed=done, total=max(total, done), description=name)

    def phase(self, name: str) -> None:
        if self.console is None:
            return
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER:
                return  # a short run: its end is at hand
            self._start(0)
        self.bar.update(self.task, description=PHASES.get(name, name))
        self.bar.columns = self._phase_columns()
        self.bar.refresh()

    def _start(self, total: int) -> None:
        from rich.progress import Progress

        self.bar = Progress(*self._columns(), console=self.console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("", total=total)

    def _columns(self) -> list[Any]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        return [TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                TextColumn("{task.description}", markup=False)]

    def _phase_columns(self) -> list[Any]:
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        return [SpinnerColumn(), TextColumn("{task.description}", markup=False),
                TimeElapsedColumn()]

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def progress_display(label: str) -> Iterator[Display]:
    """A Display on stderr if it is a terminal (one that draws nothing otherwise)."""
    import sys

    display = Display(label, stderr_console() if _is_terminal(sys.stderr) else None)
    try:
        yield display
    finally:
        display.stop()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
