"""The ``jixiao`` command line: the only place that reads argv, prints, or exits.

Each subcommand lives in ``checker/commands/<name>.py`` (its one-line help is in ``COMMANDS``),
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only when their command
runs, so ``jixiao parse`` does not pay for openpyxl or the rule catalogue.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from checker import __version__
from checker.exit import ExitCode
from checker import process

# name -> (module, one-line help). Kept here, not discovered, so --help needs no imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("checker.commands.check", "check forms against the rule catalogue"),
    "parse": ("checker.commands.parse", "parse indicator values (指标值) and print their meaning"),
    "dump": ("checker.commands.dump", "load forms and print them in canonical JSON/YAML"),
    "rules": ("checker.commands.rules", "list every rule"),
    "explain": ("checker.commands.explain", "print a rule's documentation and examples"),
    "format": ("checker.commands.format", "rewrite values into canonical form (the fix command)"),
    "serve": ("checker.commands.serve", "serve the review page and the HTTP API"),
}


def _terminal_width() -> int:
    """shutil.get_terminal_size().columns (COLUMNS, else the terminal, else 80), without importing
    shutil: argparse builds a help formatter for every add_argument, and shutil brings zlib, bz2
    and lzma with it (~4 ms of every start-up, for a width that is only printed by --help)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized by _terminal_width() as argparse would size it."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_width() - 2 if width is None else width)


class RawDescriptionFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """argparse.RawDescriptionHelpFormatter, sized like HelpFormatter."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # usage errors exit 2 without a traceback
        self.print_usage(sys.stderr)
        sys.stderr.write(f"jixiao: error: {message}\n")
        raise SystemExit(ExitCode.ERROR)


def build_parser(argv: list[str]) -> tuple[argparse.ArgumentParser, str | None]:
    parser = _Parser(prog="jixiao", description="Checker for 项目支出绩效目标表 forms.")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    # "jixiao check ...": only that command's parser is built (each costs ~1 ms); the top-level
    # help, which lists them all, can only be asked for before the command.
    only_chosen = bool(argv) and argv[0] == chosen and chosen in COMMANDS
    for name, (module, help_text) in COMMANDS.items():
        if only_chosen and name != chosen:
            continue
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module).add_arguments(p)
    return parser, chosen if chosen in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser, chosen = build_parser(argv)
        args = parser.parse_args(argv)
        if chosen is None or args.command is None:
            parser.print_help(sys.stderr)
            return ExitCode.ERROR
        return int(importlib.import_module(COMMANDS[chosen][0]).run(args))
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (ExitCode.OK if code is None else ExitCode.ERROR)
    except Terminated as exc:
        sys.stderr.write(f"jixiao: terminated by signal {exc.signum}\n")
        return 128 + exc.signum
    except KeyboardInterrupt:
        sys.stderr.write("jixiao: interrupted\n")
        return ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - never show a traceback to a user
        sys.stderr.write(f"jixiao: internal error: {type(exc).__name__}: {exc}\n")
        sys.stderr.write("jixiao: please report this with the input that caused it.\n")
        return ExitCode.ERROR


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so it unwinds as on Ctrl-C: temporary and
    spill files are removed on the way out instead of being left by a process killed mid-write."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def _unwind_on_termination() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _raise_terminated)


def console() -> int:
    """The ``jixiao`` executable: ``main`` in a process of its own, which may tune the process
    (``checker.process``) and handle termination signals; ``main`` itself changes nothing global,
    for callers that embed it."""
    _unwind_on_termination()
    process.tune_collector()
    code = main()
    process.freeze_for_exit()
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(console())
