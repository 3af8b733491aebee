"""``jixiao format``: rewrite 指标值 cells into canonical form ("不低于95%" → "≥95%").

Like ``ruff format`` / ``black`` the command is safe by default: without ``--in-place`` or
``--output`` it writes nothing and lists what it would change. ``--diff`` prints a unified diff,
``--check`` exits 1 when anything would change. Exit codes: 0 done (or nothing to change), 1 with
``--check`` when something would change, 2 when an input could not be read or rewritten (every
other input is still processed). See docs/fix.md.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys

import attrs

from checker import fixer
from checker.config import ConfigError, discover_config, load_config
from checker.exit import ExitCode
from checker.loaders import iter_documents
from checker.safe_text import printable
from policy.messages import MessageError, render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Only 指标值 cells that read without damage are rewritten, and only into text that means the "
        "same. Without --in-place or --output nothing is written. Exit status: 0 done or nothing to "
        "change; 1 with --check when something would change; 2 when an input could not be read or "
        "rewritten safely (the others are still processed). See docs/fix.md."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--in-place", "-i", action="store_true", help="rewrite the inputs (atomically)"
    )
    where.add_argument(
        "--output", metavar="DIR", help="write formatted copies into DIR; inputs untouched"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff; write nothing"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if anything would change"
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="message language (default: the configuration's, else zh)")
    parser.add_argument("--config", metavar="FILE",
                        help="jixiao.toml or pyproject.toml to use instead of the one found upward "
                             "(its [limits] apply, as for check)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no notices or summary")


def _say(stream, text: str) -> None:
    """One line of output; control characters from inputs (paths, cells) shown escaped."""
    stream.write(printable(text.rstrip("\n")) + "\n")


def _message(issue, lang: str) -> str:
    try:
        text = render(issue.message_id, issue.args, lang)
    except MessageError:
        text = f"{issue.message_id} {dict(issue.args)}"
    location = issue.location
    if issue.message_id.startswith("format."):
        return text  # the template names the path itself
    where = location.path
    if location.sheet and location.cell:
        where += f":{location.sheet}!{location.cell}"
    elif location.line:
        where += f":{location.line}"
        if location.column:
            where += f":{location.column}"
    return f"{where}: {text}"


def _where(edit) -> str:
    loc = edit.location
    if loc.sheet is not None:
        return f"{loc.sheet}!{loc.cell}"
    return f"{loc.line}:{loc.column}"


def _diff(result, lang: str) -> str:
    if result.before is not None and result.after is not None:
        lines = difflib.unified_diff(
            result.before.splitlines(keepends=True),
            result.after.splitlines(keepends=True),
            fromfile=result.path,
            tofile=result.path,
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
    # A workbook has no text to diff: one hunk per cell.
    out = [f"--- {result.path}\n", f"+++ {result.path}\n"]
    for edit in result.edits:
        out += [f"@@ {_where(edit)} @@\n", f"-{edit.old}\n", f"+{edit.new}\n"]
    return "".join(out)


def _args_error(args: argparse.Namespace) -> str | None:
    if (args.diff or args.check) and (args.in_place or args.output):
        return "--diff and --check write nothing; they cannot be combined with --in-place/--output"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _args_error(args)
    if problem:
        _say(sys.stderr, f"jixiao format: error: {problem}")
        return ExitCode.ERROR


    lang = args.lang or "zh"
    try:
        config = load_config(args.config) if args.config else discover_config(args.paths)
        limits = config.loader_limits()
    except ConfigError as exc:
        _say(sys.stderr, f"jixiao: {exc.message(lang)}")
        return ExitCode.ERROR
    lang = args.lang or config.lang
    out, err = sys.stdout, sys.stderr
    total = changed = values = errors = written = 0
    targets: dict[str, str] = {}
    own_output = _nested_output(args.output, args.paths)
    for document in iter_documents(args.paths, limits):
        if own_output and os.path.realpath(document.path).startswith(own_output):
            continue  # a previous run's output inside a formatted directory is not an input
        total += 1
        if document.error is not None:
            errors += 1
            _say(err, _message(document.error, lang))
            continue
        try:
            result = fixer.plan_document(document)
        except Exception as exc:  # noqa: BLE001 - a fixer bug must not cost the other files their run
            errors += 1
            _say(err, render("format.internal", {
                "path": document.path, "error": f"{type(exc).__name__}: {exc}"}, lang))
            continue
        if not args.quiet:
            for notice in result.notices:
                _say(err, _message(notice, lang))
        if result.error is not None:
            errors += 1
            _say(err, _message(result.error, lang))
            continue
        if result.changed:
            changed += 1
            values += len(result.edits)
        if args.diff:
            if result.changed:
                out.write(printable(_diff(result, lang), keep_newlines=True))
        elif not args.check or not args.quiet:
            for edit in result.edits:
                _say(out, render("format.edit", {
                    "path": result.path, "where": _where(edit), "old": edit.old, "new": edit.new,
                }, lang))
        if args.in_place and result.changed:
            failure = fixer.write(result)
            if failure is not None:
                errors += 1
                _say(err, _message(failure, lang))
        elif args.output:
            target = fixer.output_path(document.path, args.output)
            key = os.path.realpath(target)
            if key == os.path.realpath(document.path) or key in targets:
                errors += 1
                _say(err, render("format.output-collision", {
                    "path": document.path, "target": target}, lang))
                continue
            targets[key] = document.path
            failure = fixer.write(result if result.changed else _unchanged(result), target)
            if failure is not None:
                errors += 1
                _say(err, _message(failure, lang))
            else:
                written += 1
    if not args.quiet:
        summary = {"files": changed, "values": values, "total": total}
        if args.output:
            text = render("format.summary.written", {
                "files": written, "dir": args.output, "changed": changed, "values": values}, lang)
        elif not values:
            text = render("format.summary.clean", summary, lang)
        elif args.in_place:
            text = render("format.summary.done", summary, lang)
        else:
            text = render("format.summary.would", summary, lang)
        _say(err, text)
        if errors:
            _say(err, render("format.summary.errors", {"count": errors}, lang))
    if errors:
        return ExitCode.ERROR
    if args.check and changed:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _nested_output(output: str | None, paths: list[str]) -> str | None:
    """The output directory (with a trailing separator) when it lies inside an input directory:
    files found under it are a previous run's output, not inputs."""
    if not output:
        return None
    target = os.path.realpath(output) + os.sep
    for path in paths:
        if os.path.isdir(path) and target.startswith(os.path.realpath(path) + os.sep):
            return target
    return None


def _unchanged(result):
    """A result whose data is the input's own bytes, for copying an unchanged file to --output."""
    with open(result.path, "rb") as fh:
        return attrs.evolve(result, data=fh.read())
