"""The Typer application and what every command shares: consoles and exit codes."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from quoteidx.escaping import printable

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


# Every message goes through these three, which escape it (quoteidx.escaping): names,
# publications, paths and reasons in a message are data, and data never drives the
# terminal. Tables and panels escape through presenting.human.safe_text.


def error(message: str) -> None:
    """One line on stderr, never read as markup, control characters escaped."""
    stderr.print(f"quoteidx: {printable(message)}", markup=False, highlight=False, style="red")


def warn(message: str) -> None:
    stderr.print(f"quoteidx: {printable(message)}", markup=False, highlight=False,
                 style="yellow")


def note(message: str) -> None:
    """A line for people on stderr (a summary, a count), escaped like the others."""
    stderr.print(printable(message), markup=False, highlight=False)


def _show_version(value: bool) -> None:
    if value:
        from quoteidx import __version__

        print(f"quoteidx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Find every attributed quotation in news articles, index it, search it."""
