"""The Typer application and what every command shares: consoles and exit codes."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

# Exit codes, ripgrep-style: documented in --help and the README.
EXIT_FOUND = 0
EXIT_NOTHING = 1
EXIT_ERROR = 2

app = typer.Typer(
    name="quoteidx",
    help=(
        "Find every attributed quotation in news articles, index it, search it.\n\n"
        "Exit codes: 0 results found, 1 nothing found, 2 bad usage, bad query or an error."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Messages for people go to stderr; stdout carries only data.
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def stdout_console() -> Console:
    return Console(file=sys.stdout, highlight=False)


def error(message: str) -> None:
    """One line on stderr, never read as markup."""
    stderr.print(f"quoteidx: {message}", markup=False, style="red")


def warn(message: str) -> None:
    stderr.print(f"quoteidx: {message}", markup=False, style="yellow")
