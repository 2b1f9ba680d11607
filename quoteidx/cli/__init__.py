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
    run_app()
