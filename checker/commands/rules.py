"""``jixiao rules``: list every rule (code, name, category, severity, summary, source)."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from checker.citation import source_json
from checker.report import json_value, safe_render
from checker.ruledoc import default_severity, doc_text
from policy.registry import all_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", default="text", choices=("text", "json"))
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))


def rule_record(rule: type, lang: str) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "severity": default_severity(rule),
        "scope": rule.scope,
        "summary": (rule.summary_zh or rule.summary) if lang == "zh" else rule.summary,
        "summary_en": rule.summary,
        "summary_zh": rule.summary_zh,
        "source": source_json(rule.code, rule.source.to_json(), lang),  # as a report in lang
        "options": {name: {"default": _jsonable(opt.default), "doc": doc_text(rule, f"option.{name}", lang)}
                    for name, opt in rule.options.items()},
    }


def _jsonable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(json_value(v) for v in value)
    return json_value(value)


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.format == "json":
        data = [rule_record(r, args.lang) for r in rules]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    rows = [safe_render("core.rules.header", {}, args.lang).split("\t")]
    for r in rules:
        rec = rule_record(r, args.lang)
        rows.append([rec["code"], rec["name"], rec["category"],
                     safe_render(f"core.severity.{rec['severity']}", {}, args.lang), rec["summary"]])
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(4)]
        sys.stdout.write("  ".join(cells) + "  " + row[4] + "\n")
    return 0


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
