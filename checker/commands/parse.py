"""``jixiao parse``: show how jixiao reads indicator values (指标值).

Imports only the grammar, so its cold start stays small.
"""

from __future__ import annotations

import argparse
import json
import sys

from checker.cli import RawDescriptionFormatter
from grammar import canonical, parse_value
from grammar.numbers import format_decimal


EPILOG = """\
Reads each EXPR, or each line of standard input when no EXPR is given.
--format json prints one JSON object per line with: input, kind (quantity|range|date|text),
op, value and unit (in base units: "≤15万元" → "150000" "元"), per, lo/hi (ranges), dimension,
normalized, error ({"code", "message"} or null), and grade/vague/quantities (text) or date fields.
Exit status: 0 when every value was read; 1 when at least one value is damaged (placeholder,
missing number, …; its error says why); 2 on usage errors.
"""

_DAMAGE_MESSAGES_EN = {
    "empty": "the value is empty",
    "placeholder": "unfilled template placeholder: {placeholder}",
    "missing-number": "the number is missing (comparator {op}, unit {unit})",
    "letter-in-number": "letters inside a number: {number}",
    "unbalanced-bracket": "unbalanced bracket: {bracket}",
    "bad-number": "unreadable number: {number}",
    "unknown-unit": "unknown unit: {number}{unit}",
    "impossible-date": "no such date: {date}",
}
_DAMAGE_MESSAGES_ZH = {
    "empty": "值为空",
    "placeholder": "模板占位符未填写：{placeholder}",
    "missing-number": "缺少数值（比较符 {op}，单位 {unit}）",
    "letter-in-number": "数字中混入字母：{number}",
    "unbalanced-bracket": "括号不配对：{bracket}",
    "bad-number": "无法识别的数字：{number}",
    "unknown-unit": "未知计量单位：{number}{unit}",
    "impossible-date": "不存在的日期：{date}",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = RawDescriptionFormatter
    parser.epilog = EPILOG
    parser.add_argument("exprs", nargs="*", metavar="EXPR", help="values to parse (default: stdin lines)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language (default: zh)")


def _dec(value) -> str | None:
    return None if value is None else format_decimal(value)


def _message(error, lang: str = "zh") -> str:
    messages = _DAMAGE_MESSAGES_EN if lang == "en" else _DAMAGE_MESSAGES_ZH
    template = messages.get(error.code, error.code)
    try:
        return template.format(**error.args)
    except (KeyError, IndexError):
        return template


def describe(text: str, lang: str = "zh") -> dict:
    """The JSON record of one input (public so tests and tools can reuse it)."""
    v = parse_value(text)
    record: dict = {"input": text, "kind": v.kind, "op": None, "value": None, "unit": None,
                    "per": None, "lo": None, "hi": None, "dimension": None,
                    "normalized": canonical(v), "error": None}
    if v.kind == "quantity":
        record.update(op=v.op, value=_dec(v.base_value), unit=v.base_unit, dimension=v.dimension,
                      per=v.per.symbol if v.per else None,
                      alternatives=[u.symbol for u in v.alternatives],
                      written={"number": _dec(v.number), "unit": v.unit.symbol if v.unit else None})
    elif v.kind == "range":
        record.update(lo=_dec(v.lo.base_value), hi=_dec(v.hi.base_value), unit=v.base_unit,
                      dimension=v.dimension, per=v.per.symbol if v.per else None)
    elif v.kind == "date":
        record.update(form=v.form, year=v.year, month=v.month, day=v.day, end_year=v.end_year,
                      end_month=v.end_month, end_day=v.end_day, every=v.every)
        latest = v.latest()
        record["latest"] = latest.isoformat() if latest else None
    else:
        record.update(grade=v.grade, vague=v.vague, quantities=[canonical(q) for q in v.quantities])
        if v.error is not None:
            record["error"] = {"code": v.error.code, "message": _message(v.error, lang), "args": dict(v.error.args)}
    return record


def _text_line(r: dict) -> str:
    if r["error"]:
        return f"{r['input']}\tdamaged\t{r['error']['code']}: {r['error']['message']}"
    parts = [r["input"], r["kind"], r["normalized"]]
    if r["kind"] == "quantity":
        unit = r["unit"] or ""
        per = f"/{r['per']}" if r["per"] else ""
        parts.append(f"{r['op']} {r['value']}{unit}{per}" + (f" ({r['dimension']})" if r["dimension"] else ""))
    elif r["kind"] == "range":
        parts.append(f"[{r['lo']}, {r['hi']}]{r['unit'] or ''}")
    elif r["kind"] == "date":
        parts.append(r["form"] + (f" latest {r['latest']}" if r["latest"] else ""))
    else:
        extra = [f"grade={r['grade']}"] if r["grade"] else []
        extra += [f"vague={r['vague']}"] if r["vague"] else []
        extra += [f"quantities={','.join(r['quantities'])}"] if r["quantities"] else []
        parts.append(" ".join(extra) or "-")
    return "\t".join(parts)


def run(args: argparse.Namespace) -> int:
    inputs = args.exprs if args.exprs else (line.rstrip("\r\n") for line in sys.stdin)
    damaged = False
    out = sys.stdout
    for text in inputs:
        record = describe(text, args.lang)
        damaged = damaged or record["error"] is not None
        if args.format == "json":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(_text_line(record) + "\n")
    return 1 if damaged else 0
