"""``jixiao explain CODE``: a rule's documentation — what, why, source, options, examples."""

from __future__ import annotations

import argparse
import sys

from checker.report import safe_render
from checker.ruledoc import rule_text
from policy.registry import get_rule



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="rule code, e.g. F104")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))


def run(args: argparse.Namespace) -> int:
    rule = get_rule(args.code.strip())
    if rule is None:
        sys.stderr.write("jixiao: " + safe_render("core.explain.unknown", {"code": args.code}, args.lang) + "\n")
        return 2
    sys.stdout.write(rule_text(rule, args.lang) + "\n")
    return 0
