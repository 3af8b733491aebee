"""``jixiao dump PATH... [--format json|yaml]``: print the loaded forms in canonical form.

What embedding tools read, and what the round-trip test loads again. Load problems go to stderr
as ``path:line: CODE message``; exit 2 when any input could not be read (the others are still
dumped), else 0.
"""

from __future__ import annotations

import argparse
import json
import sys

from checker.exit import ExitCode
from checker.loaders import iter_documents
from policy.forms.canonical import form_to_mapping
from policy.messages import MessageError, render as render_message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="form files or directories")
    parser.add_argument("--format", default="json", choices=("json", "yaml"),
                        help="output format (default: json)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of load messages on stderr (default: zh)")


def run(args: argparse.Namespace) -> int:
    forms = []
    failed = False
    for document in iter_documents(args.paths):
        if document.error is not None:
            failed = True
            _report(document.error, args.lang)
        for issue in document.issues:
            _report(issue, args.lang)
        for form in document.forms:
            for issue in form.issues:
                _report(issue, args.lang)
            forms.append(form_to_mapping(form))
    sys.stdout.write(render({"forms": forms}, args.format))
    return ExitCode.ERROR if failed else ExitCode.OK


def render(data: dict, fmt: str) -> str:
    """The dump text: JSON (UTF-8, indented) or YAML (block style, keys in canonical order)."""
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _report(issue, lang: str) -> None:
    try:
        text = render_message(issue.message_id, issue.args, lang)
    except MessageError:
        text = f"{issue.message_id} {dict(issue.args)}"
    loc = issue.location
    where = loc.path
    if loc.sheet:
        where += f":{loc.sheet}!{loc.cell}" if loc.cell else f":{loc.sheet}"
    elif loc.line is not None:
        where += f":{loc.line}"
        if loc.column is not None:
            where += f":{loc.column}"
    code = issue.message_id.split(".")[0]
    sys.stderr.write(f"{where}: {code} {text}\n")
