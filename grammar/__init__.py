"""The value grammar of 指标值: ``parse_value(text) -> Value`` (contract: docs/value-ast.md).

Usable on its own; imports nothing else of jixiao. Lark is imported on the first parse.
"""

from grammar.api import parse_value
from grammar.ast import (
    Damage,
    DateValue,
    GrammarError,
    Interval,
    Quantity,
    Range,
    Text,
    Value,
)
from grammar.printer import canonical
from grammar.units import Unit

__all__ = [
    "Damage", "DateValue", "GrammarError", "Interval", "Quantity", "Range", "Text", "Unit", "Value",
    "canonical", "parse_value",
]
