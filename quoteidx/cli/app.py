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
# (verify adds 3 and 4.) A bug or an error nothing foresaw: never 1, which a script
# would take for "nothing found". 70 is EX_SOFTWARE of sysexits.h.
EXIT_CRASH = 70
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C

app = typer.Typer(
    name="quoteidx",
    help=(
        "Find every attributed quotation in news articles, index it, search it.\n\n"
        "Exit codes: 0 results found, 1 nothing found, 2 bad usage, bad query or an error, "
        "70 an unexpected error (a bug: --debug shows where), 130 interrupted."
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


class _Run:
    debug = False  # set by --debug, read by main() when a command fails unexpectedly


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Print the version."
    ),
    debug: bool = typer.Option(
        False, "--debug", envvar="QUOTEIDX_DEBUG",
        help="On an unexpected error, print the traceback (else one line, exit 70).",
    ),
) -> None:
    """Find every attributed quotation in news articles, index it, search it."""
    _Run.debug = debug


def run_app() -> None:
    """The application, with unexpected errors as one line and exit 70 (the traceback
    under --debug), Ctrl-C as exit 130, and a closed stdout (`| head`) as the end."""
    try:
        app()
    except KeyboardInterrupt:  # outside a command (typer itself turns it into 130)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader of stdout has gone: nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FOUND)
    except Exception as err:  # a bug: say so on one line, not with a traceback
        if _Run.debug:
            import traceback

            traceback.print_exception(err)
        else:
            reason = str(err).splitlines()[0] if str(err) else ""
            error(f"unexpected error: {type(err).__name__}{': ' if reason else ''}{reason} "
                  "(a bug in quoteidx; run again with --debug to see where, and report it)")
        sys.exit(EXIT_CRASH)
