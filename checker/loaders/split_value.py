"""An 指标值 printed over three columns of a document table (指标性质 | 指标值 | 度量单位: "≥" | "95" |
"%"), joined into one value as a flat export's are ("≥95%"; 定性 → the value alone, 定量 → number
and unit). The table reader keeps the two outer columns as extra columns under their header; this
takes them back out once the row's value is known."""

from __future__ import annotations

from collections.abc import Mapping

from checker.loaders.flat_table import join_value

# Header texts (blanks removed) of the operator and unit columns, as the flat exports name them.
OPERATOR_HEADERS = frozenset({"指标性质", "指标值类型", "运算符号", "符号"})
UNIT_HEADERS = frozenset({"度量单位", "计量单位", "指标单位"})


def joined_value(value: str | None, extra: Mapping[str, str]) -> tuple[str | None, Mapping[str, str]]:
    """(the value with its operator and unit cells joined, the extra columns without them); both
    unchanged when the row has no such cell or no value cell to join them to."""
    op = next((h for h in extra if h in OPERATOR_HEADERS), None)
    unit = next((h for h in extra if h in UNIT_HEADERS), None)
    if value is None or (op is None and unit is None):
        return value, extra
    rest = {k: v for k, v in extra.items() if k not in (op, unit)}
    joined = join_value(extra.get(op) if op else None, value, extra.get(unit) if unit else None)
    return joined, rest
