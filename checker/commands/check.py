"""``jixiao check PATH...``: check forms and report in text, json, sarif, github or junit.

Exit 0 when nothing reaches --fail-on, 1 when something does, 2 on a usage or configuration
error, an input that could not be read, or a rule that crashed (the other inputs are still
checked and reported).
"""

from __future__ import annotations

import argparse
import os
import sys

import attrs

from checker.config import ConfigError, discover_config, load_config
from checker.exit import ExitCode
from checker.fixer.atomic import atomic_text
from checker.loaders import SUPPORTED_SUFFIXES, iter_files, load_path
from checker.parallel import run_paths
from checker.progress import Progress
from checker.report import safe_render
from checker.reporters import RenderOptions, write
from checker.reporters.safety import printable
from checker.reporters.text import summary_line
from policy.api import SEVERITIES


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.split(",") if c.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    parser.add_argument("--format", default="text", choices=("text", "json", "sarif", "github", "junit"),
                        help="output format (default: text)")
    parser.add_argument("--select", type=_codes, metavar="CODES",
                        help="only these rule codes or prefixes, comma-separated (replaces config)")
    parser.add_argument("--extend-select", type=_codes, metavar="CODES", action="append",
                        help="add rule codes or prefixes to the selection")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", action="append",
                        help="skip these rule codes or prefixes")
    parser.add_argument("--lang", choices=("zh", "en"), help="message language (default: zh)")
    parser.add_argument("--fail-on", choices=SEVERITIES,
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings reach --fail-on (2 still means broken input)")
    parser.add_argument("--statistics", action="store_true", help="print the count per rule")
    parser.add_argument("--config", metavar="FILE",
                        help="jixiao.toml or pyproject.toml to use instead of the one found upward")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write every current finding to FILE as accepted ([[suppress]] entries)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="findings only: no progress, no summary")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="check files in N processes (same output as 1)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")


def _say(text: str) -> None:
    """A line for the user on stderr, with input-derived text made harmless."""
    sys.stderr.write(printable(text) + "\n")


def run(args: argparse.Namespace) -> int:
    paths = args.paths or ["."]
    lang = args.lang or "zh"
    try:
        config = load_config(args.config) if args.config else discover_config(paths)
        ignore = [c for group in (args.ignore or []) for c in group]
        extend = [c for group in (args.extend_select or []) for c in group]
        config = config.replace(
            select=tuple(args.select) if args.select else None,
            extend_select=(*config.extend_select, *extend) if extend else None,
            ignore=(*config.ignore, *ignore) if ignore else None,
            lang=args.lang,
            fail_on=args.fail_on,
        ).validate()
        lang = config.lang
        if args.jobs < 1:
            sys.stderr.write("jixiao: error: --jobs must be at least 1\n")
            return ExitCode.ERROR
        for target in (args.output, args.write_baseline):
            if target and _is_input(target, paths):
                _say("jixiao: " + safe_render("core.output.is-input", {"path": target}, lang))
                return ExitCode.ERROR
        if args.write_baseline:  # a baseline records every current finding
            config = attrs.evolve(config, suppress=(), baseline=None)
        report = _check(paths, config, args)
    except ConfigError as exc:
        _say(f"jixiao: {exc.message(lang)}")
        return ExitCode.ERROR
    except ImportError as exc:
        _say("jixiao: " + safe_render("core.loader-unavailable", {"error": str(exc)}, lang))
        return ExitCode.ERROR

    if report.files == 0:  # a mistyped folder in CI must not pass silently
        _say("jixiao: " + safe_render("core.no-files", {"suffixes": " ".join(SUPPORTED_SUFFIXES)}, lang))

    if args.write_baseline:
        from checker.baseline import write_baseline

        try:
            count = write_baseline(report, args.write_baseline)
        except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
            _say("jixiao: " + safe_render(
                "core.baseline.write-failed", {"path": args.write_baseline, "error": getattr(exc, "strerror", None) or str(exc)},
                lang))
            return ExitCode.ERROR
        _say(safe_render("core.baseline.written", {"count": count, "path": args.write_baseline}, lang))
        return ExitCode.ERROR if report.failures or report.errors else ExitCode.OK


    to_file = bool(args.output)
    color = (args.format == "text" and not to_file and sys.stdout.isatty()
             and not os.environ.get("NO_COLOR"))
    options = RenderOptions(lang=lang, color=color, statistics=args.statistics, quiet=args.quiet)
    if to_file:
        try:  # streamed like stdout (a large report is never one string), replaced atomically
            with atomic_text(args.output) as out:
                write(report, args.format, options, out)
        except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL in the path
            _say("jixiao: " + safe_render(
                "core.output.write-failed", {"path": args.output, "error": getattr(exc, "strerror", None) or str(exc)},
                lang))
            return ExitCode.ERROR
        if args.format != "text" and not args.quiet:
            _say(summary_line(report, lang))
    else:  # written as it is rendered (JSON streams), never held as one string
        write(report, args.format, options, sys.stdout)
        sys.stdout.flush()
    if args.format != "text":
        for failure in report.failures:  # machine formats carry them too; humans see them here
            _say(f"{failure.path}:{failure.line or 1}: {failure.code} {failure.message(lang)}")
    return report.exit_code(config.fail_on, exit_zero=args.exit_zero)


def _is_input(target: str, paths: list[str]) -> bool:
    """Whether writing ``target`` would replace an input: a file named on the command line, or a
    file a directory walk finds that holds forms. A file the walk finds that holds no form (this
    command's earlier report: ``check . --output r.json`` run twice) is not an input; the walk
    leaves it out (``run_paths(exclude=...)``)."""
    try:
        if not os.path.exists(target):
            return False
    except ValueError:
        return False
    named = [p for p in paths if not os.path.isdir(p)]
    walked = [p for p in paths if os.path.isdir(p)]
    for name in [*named, *(iter_files(walked) if walked else ())]:
        try:
            same = os.path.samefile(name, target)
        except (OSError, ValueError):
            continue
        if same:
            return name in named or bool(load_path(name).forms)
    return False


def _check(paths: list[str], config, args: argparse.Namespace):
    progress = Progress(sys.stderr, config.lang) if Progress.wanted(sys.stderr, args.quiet) else None
    try:
        own = [t for t in (args.output, args.write_baseline) if t]
        return run_paths(paths, config, jobs=args.jobs, progress=progress, exclude=own)
    finally:
        if progress is not None:
            progress.close()
