"""The command line: parses arguments and calls the library. Each command group has a
module of its own that registers its commands on `app`."""

from __future__ import annotations

from quoteidx.cli.app import app, run_app

__all__ = ["app", "main"]

# Importing a command module registers its commands.
from quoteidx.cli import extract_cmd  # noqa: E402,F401  isort: skip
from quoteidx.cli import index_cmd, search_cmd, browse_cmd  # noqa: E402,F401  isort: skip
from quoteidx.cli import factcheck_cmd, corrections_cmd  # noqa: E402,F401  isort: skip


def main() -> None:
    try:
        run_app()
    finally:
        # The process ends here (run_app exits). Its objects go to the collector's
        # permanent generation, which the interpreter's last pass at exit skips: a walk
        # over every object still alive (the index's schema and readers, Rich, Typer),
        # 20 ms of a cold `quoteidx show`, to find cycles exit frees anyway. Objects are
        # still freed, and files closed, as their modules are cleared. Here, not in
        # run_app: `app` called in a process that goes on (a test) keeps collecting.
        import gc

        gc.freeze()
