"""Score, weight and rate cells of a self-evaluation: "9.64", "10分", "96.4%", "/" (blank).

Read exactly (Decimal) and kept with the text as printed, so a rule can say what the form wrote
and judge rounding by the digits the form printed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from grammar.folding import nfkc
from policy.forms.amounts import sane_amount
from policy.forms.model import Figure, Location

_FIGURE = re.compile(r"^\s*(?P<num>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*(?P<pct>%|％)?\s*分?\s*$")


def read_figure(value: object, location: Location | None = None) -> Figure | None:
    """The figure in a cell, or None when the cell is absent. A cell that is not a plain number
    ("/", "——", "优") keeps its text with ``number`` None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Figure(text=str(value), number=sane_amount(Decimal(value)), location=location)
    if isinstance(value, float):
        return Figure(text=repr(value), number=sane_amount(Decimal(repr(value))), location=location)
    text = str(value).strip()
    if not text:
        return None
    m = _FIGURE.match(nfkc(text))
    if m is None:
        return Figure(text=text, number=None, location=location)
    try:
        number = sane_amount(Decimal(m.group("num")))
    except InvalidOperation:  # the pattern admits only plain decimals; kept for safety
        number = None
    return Figure(text=text, number=number, percent=m.group("pct") is not None, location=location)


def half_unit(figure: Figure) -> Decimal:
    """Half a unit in the last digit the figure printed: "96.4%" → 0.05, "22%" → 0.5, "10" → 0.5.

    A printed figure rounded to its own digits is within this of the exact value."""
    text = nfkc(figure.text or "")
    m = re.search(r"[0-9]+(?:\.([0-9]*))?", text)
    places = len(m.group(1) or "") if m else 0
    return Decimal(5).scaleb(-(places + 1))


def rounded_text(value: Decimal, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals, as plain text ("96.40", "1152"); a number too
    large to round in the decimal context (a hostile cell) is shown as it is."""
    try:
        return format(value.quantize(Decimal(1).scaleb(-places)), "f")
    except InvalidOperation:
        return format(value, "f")
