"""Which 指标值 texts the fix command may rewrite, and into what.

A value is rewritten only when the rewrite needs no judgement: the grammar reads it without
damage as a quantity, a range or a date; the printer's canonical text differs from what is
written; and the canonical text reads back as exactly the same value (same kind, operator,
number, unit, interval, dates). Prose, grades, vague phrases and damaged cells are never touched.
"""

from __future__ import annotations

from typing import Any

import attrs

from grammar import canonical, parse_value

# Kinds whose canonical text carries the whole meaning. "text" values (prose, grades, vague
# phrases) are left as written: rewording prose is a judgement.
REWRITABLE_KINDS = frozenset({"quantity", "range", "date"})

# A spreadsheet treats a cell starting with one of these as a formula (and CSV readers such as
# Excel do too: "CSV injection"); the fixer never produces such a cell.
FORMULA_PREFIXES = ("=", "+", "-", "@")

# Fields of a Value that record how it was written, not what it means.
_SPELLING_FIELDS = frozenset({"source", "normalized", "op_explicit"})


def _meaning(value: Any) -> Any:
    """A comparable picture of a value without its spelling (recursively for nested values)."""
    if attrs.has(type(value)):
        return (
            type(value).__name__,
            tuple(
                (f.name, _meaning(getattr(value, f.name)))
                for f in attrs.fields(type(value))
                if f.name not in _SPELLING_FIELDS
            ),
        )
    if isinstance(value, (list, tuple)):
        return tuple(_meaning(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _meaning(v)) for k, v in value.items()))
    return value


def same_meaning(a: Any, b: Any) -> bool:
    """True when two parsed values mean the same thing, however each was spelled."""
    return _meaning(a) == _meaning(b)


def canonical_rewrite(text: str | None, *, spreadsheet: bool = False) -> str | None:
    """The canonical spelling of ``text``, or None when it must be left as written.

    ``spreadsheet`` refuses rewrites that would start with a formula character (CSV/XLSX).
    """
    if not isinstance(text, str) or not text.strip():
        return None

    value = parse_value(text)
    if value is None or getattr(value, "error", None) is not None:
        return None
    if getattr(value, "kind", None) not in REWRITABLE_KINDS:
        return None
    new = canonical(value)
    if not isinstance(new, str) or not new or new == text:
        return None
    again = parse_value(new)
    if getattr(again, "error", None) is not None or not same_meaning(value, again):
        return None
    if canonical(again) != new:  # the printer must be a fixed point, or format is not idempotent
        return None
    if spreadsheet and new.startswith(FORMULA_PREFIXES):
        return None
    return new
