"""The Typer application and what every command shares: the global options (`--index`,
`--color`, `--no-pager`), consoles, messages and exit codes. Rich is imported only when
something is printed through it, so that `quoteidx --help` and machine formats start
fast."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from quoteidx.escaping import printable

if TYPE_CHECKING:
    from rich.console import Console

# Exit codes, ripgrep-style: documented in --help and the README. `verify` adds its
# verdicts' codes (3 similar, 4 misattributed, 5 unknown speaker).
EXIT_FOUND = 0
EXIT_NOTHING = 1
EXIT_ERROR = 2
# A bug or an error nothing foresaw: never 1, which a script would take for "nothing
# found". 70 is EX_SOFTWARE of sysexits.h.
EXIT_CRASH = 70
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C

EXIT_CODES_HELP = "Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error."


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class Settings:
    """What the global options said, for every command of this run. (A plain class:
    importing dataclasses costs ~10 ms of every start.)"""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.index: str | None
        self.color: Color
        self.pager: bool
        self.debug: bool  # set by --debug, read by run_app when a command fails
        self.index, self.color, self.pager, self.debug = None, Color.auto, True, False


settings = Settings()


class Group(TyperGroup):
    """quoteidx's command group: a usage error is a `quoteidx:` message and exit 2 like
    every other error, and Ctrl-C says it was interrupted (exit 130), with no traceback
    and no box."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        from typer._click.exceptions import (
            ClickException,
            NoArgsIsHelpError,
            NoSuchOption,
            UsageError,
        )
        from typer.exceptions import Abort

        settings.reset()  # a run's own, also when called again in one process
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as err:  # `quoteidx` alone: what it can do
            assert err.ctx is not None
            typer.echo(err.ctx.get_help())
            code = err.exit_code
        except UsageError as err:
            error(_sentence(err.format_message()))
            command = err.ctx.command_path if err.ctx is not None else "quoteidx"
            hint = f"see '{command} --help'"
            if isinstance(err, NoSuchOption) and command.endswith(("search", "export")):
                hint += (" (a query starting with '-' goes after --, options before it: "
                         f"{command} [OPTIONS] -- QUERY)")
            error(hint)
            code = err.exit_code
        except ClickException as err:
            error(_sentence(err.format_message()))
            code = err.exit_code
        except (Abort, KeyboardInterrupt):
            error("interrupted")
            code = EXIT_INTERRUPTED
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _sentence(message: str) -> str:
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


app = typer.Typer(
    name="quoteidx",
    cls=Group,
    help=(
        "Find every attributed quotation in news articles, index it, search it.\n\n"
        "The index is --index, else $QUOTEIDX_INDEX, else the nearest .quoteidx folder "
        "here or above (as git finds .git), else ./.quoteidx. 'quoteidx help COMMAND' "
        "or 'quoteidx COMMAND --help' tells more of each command.\n\n"
        f"{EXIT_CODES_HELP} verify adds 3 similar, 4 misattributed, 5 nobody of that "
        "name; 70 an unexpected error (a bug: --debug shows where), 130 interrupted."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,  # plain help, as git's: Rich's help renderer costs ~40 ms
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
)


# Consoles: stdout carries only data; messages for people go to stderr.


def _color_options() -> dict[str, Any]:
    if settings.color is Color.never:
        return {"color_system": None}
    if settings.color is Color.always:
        return {"force_terminal": True}
    return {}


def stdout_console(**options: Any) -> Console:
    from rich.console import Console

    return Console(**{"file": sys.stdout, "highlight": False, **_color_options(), **options})


def stderr_console() -> Console:
    """The console for messages, made once per run (a progress bar and messages share
    it)."""
    global _stderr
    if _stderr is None or _stderr.file is not sys.stderr:
        from rich.console import Console

        _stderr = Console(stderr=True, highlight=False, soft_wrap=True, **_color_options())
    return _stderr


_stderr: Console | None = None


# Every message goes through error, warn and note, which escape it (quoteidx.escaping):
# names, publications, paths and reasons in a message are data, and data never drives
# the terminal. Tables and panels escape through presenting.human.safe_text.


def _message(message: str, style: str) -> None:
    """One message on stderr, `quoteidx: ` first, escaped, never read as markup. Plain
    when stderr is not a terminal (no Rich needed to say it)."""
    line = f"quoteidx: {printable(message)}"
    if settings.color is Color.never or (settings.color is Color.auto
                                         and not _is_terminal(sys.stderr)):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
        return
    stderr_console().print(line, markup=False, style=style)


def _is_terminal(stream: Any) -> bool:
    import os

    try:
        return stream.isatty() and "NO_COLOR" not in os.environ
    except (AttributeError, ValueError):
        return False


def error(message: str) -> None:
    """Something went wrong; the command says so in one line."""
    _message(message, "red")


def warn(message: str) -> None:
    """Something the user should know that did not stop the command."""
    _message(message, "yellow")


def note(message: str) -> None:
    """How the command went: counts, what a name was taken to mean."""
    _message(message, "")


def _show_version(value: bool) -> None:
    if value:
        from quoteidx import __version__

        print(f"quoteidx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    index: str | None = typer.Option(
        None, "--index", metavar="DIR|URL", show_default=False,
        help="The index for every command (a command's own --index wins).",
    ),
    color: Color = typer.Option(
        Color.auto, "--color", help="Colour in what is printed: auto (on a terminal, unless "
        "NO_COLOR is set), always, never.",
    ),
    no_pager: bool = typer.Option(
        False, "--no-pager", help="Never page long output (default: through $PAGER, or "
        "'less -FRX', when stdout is a terminal).",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Print the version."
    ),
    debug: bool = typer.Option(
        False, "--debug", envvar="QUOTEIDX_DEBUG",
        help="On an unexpected error, print the traceback (else one line, exit 70).",
    ),
) -> None:
    """Find every attributed quotation in news articles, index it, search it."""
    settings.index = index
    settings.color = color
    settings.pager = not no_pager
    settings.debug = debug


_GLOBAL_VALUES = ("--index", "--color")  # global options that take a value


def only_the_command(args: list[str]) -> None:
    """Leave registered only the command that `args` run (with `quoteidx --help`, no
    command or an unknown one, all of them). Typer builds each command's parameters from
    its signature and docstring before running any: ~20 ms for all, a tenth of a
    search's start. Shell completion needs every command: it keeps them."""
    import os

    if any(key.startswith("_QUOTEIDX_COMPLETE") for key in os.environ):
        return
    name = None
    values = iter(args)
    for arg in values:
        if arg in _GLOBAL_VALUES:
            next(values, None)
        elif not arg.startswith("-"):
            name = arg
            break
    if name is None or name == "help":
        return
    commands = [command for command in app.registered_commands
                if (command.name or command.callback.__name__.replace("_", "-")) == name]
    groups = [group for group in app.registered_groups if group.name == name]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups


def run_app() -> None:
    """The application, with unexpected errors as one line and exit 70 (the traceback
    under --debug), Ctrl-C as exit 130, and a closed stdout (`| head`) as the end."""
    only_the_command(sys.argv[1:])
    try:
        app()
    except KeyboardInterrupt:  # outside a command
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader of stdout has gone: nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FOUND)
    except Exception as err:  # a bug: say so on one line, not with a traceback
        if settings.debug:
            import traceback

            traceback.print_exception(err)
        else:
            reason = str(err).splitlines()[0] if str(err) else ""
            error(f"unexpected error: {type(err).__name__}{': ' if reason else ''}{reason} "
                  "(a bug in quoteidx; run again with --debug to see where, and report it)")
        sys.exit(EXIT_CRASH)


@app.command("help")
def help_command(
    ctx: typer.Context,
    command: str | None = typer.Argument(None, metavar="COMMAND", help="The command to tell of."),
) -> None:
    """Tell how a command is used: quoteidx help search."""
    root = ctx.parent
    assert root is not None
    group = root.command
    if command is None:
        typer.echo(group.get_help(root))
        return
    found = group.get_command(root, command)  # type: ignore[attr-defined]
    if found is None:
        names = ", ".join(group.list_commands(root))  # type: ignore[attr-defined]
        error(f"no command {command!r}; the commands are: {names}")
        raise typer.Exit(EXIT_ERROR)
    with found.make_context(command, [], parent=root, resilient_parsing=True) as sub:
        typer.echo(found.get_help(sub))
