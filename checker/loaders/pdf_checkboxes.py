"""Checkbox inputs a browser printed: drawn squares with no text, read as ☑ and □.

An HTML ``<input type="checkbox">`` has no glyph in the PDF a browser prints; the page holds
only paths. Measured on Chromium's print (pypdfium2 page objects; no form field, no annotation):

- unchecked: a white filled square with rounded corners and a grey stroked one over it
  (9.45 and 10.9 pt sides at the default 13 px), both centred on the label's line;
- checked: the white square, a blue filled one (9.75 pt) and a white stroked check mark over it,
  an open path of two straight strokes (a move and two lines) inside the square.

So a checkbox is a square path with straight sides between _MIN_SIDE and _MAX_SIDE (a bullet
disc has no straight side; a list's square bullet is 0.3 em and only filled), drawn as an
outline or holding a check mark; boxes drawn one over another are one checkbox, ticked when a
mark lies inside. Two things tell a table's small cell from a checkbox: a cell holds its text
(a checkbox holds none) and its sides go on as the table's rules (a checkbox's stand alone).
A filled square with neither outline nor mark is not read at all: it could be a bullet or a
solid ■ tick, and nothing on the page says which.
"""

from __future__ import annotations

from typing import NamedTuple

TICKED, UNTICKED = "☑", "□"
_MIN_SIDE, _MAX_SIDE = 5.0, 20.0  # points: Chromium's default checkbox is 9.45–10.9 pt
_SQUARE = 0.15  # sides differing by less than this share of the longer one make a square
_CONCENTRIC = 0.25  # of a side: boxes whose centres are this close are one checkbox drawn twice
_MARK_SLACK = 0.3  # of a side: a check mark's stroke may reach this far past its box
MAX_MARK = _MAX_SIDE * (1 + 2 * _MARK_SLACK)  # points: the widest check mark a box may hold
_RULE_TOUCH = 1.0  # points: a rule this close to a side's line, and reaching it, continues it


class Box(NamedTuple):
    """A square path: its extent (y measured downwards) and how it is drawn."""

    left: float
    top: float
    right: float
    bottom: float
    stroked: bool
    filled: bool
    rules: tuple[tuple, tuple] = ((), ())  # the path's (horizontal, vertical) segments, as _segments read them


class Mark(NamedTuple):
    """An open path of straight strokes (a check mark candidate): its extent."""

    left: float
    top: float
    right: float
    bottom: float


class Checkbox(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float
    checked: bool

    @property
    def glyph(self) -> str:
        return TICKED if self.checked else UNTICKED


def is_square(left: float, top: float, right: float, bottom: float) -> bool:
    """Whether an extent could be a checkbox's: square, and about a glyph's size."""
    width, height = right - left, bottom - top
    side = max(width, height)
    return _MIN_SIDE <= side <= _MAX_SIDE and abs(width - height) <= _SQUARE * side


class Squares(NamedTuple):
    checkboxes: list[Checkbox]
    cells: list[Box]  # squares that are a table's small cells: their sides are rules


def read_squares(boxes: list[Box], marks: list[Mark], rules: tuple[list, list],
                 glyphs: list[tuple[float, float]]) -> Squares:
    """The checkboxes and the cells among square paths ``boxes``: ``marks`` are open stroked
    paths, ``rules`` the page's other (horizontal (y, x0, x1), vertical (x, y0, y1)) segments,
    ``glyphs`` the centres (x, y) of the page's characters. The squares' own sides are rules to
    the others: a grid of small cells each drawn as a square is no row of checkboxes. A square
    that is neither (a bullet) is no rule either."""
    rules = (rules[0] + [side for box in boxes for side in _sides(box)[0]],
             rules[1] + [side for box in boxes for side in _sides(box)[1]])
    groups: list[list[Box]] = []
    for box in boxes:
        side = box.right - box.left
        for group in groups:
            first = group[0]
            if abs((first.left + first.right) - (box.left + box.right)) / 2 <= _CONCENTRIC * side and \
                    abs((first.top + first.bottom) - (box.top + box.bottom)) / 2 <= _CONCENTRIC * side:
                group.append(box)
                break
        else:
            groups.append([box])
    found, cells = [], []
    for group in groups:
        left, top = min(b.left for b in group), min(b.top for b in group)
        right, bottom = max(b.right for b in group), max(b.bottom for b in group)
        side = right - left
        if any(left < x < right and top < y < bottom for x, y in glyphs) or _continued(left, top, right, bottom, rules):
            cells += group  # a cell holding its text, or a small cell of a ruled table
            continue
        slack = _MARK_SLACK * side
        checked = any(left - slack <= m.left and m.right <= right + slack and top - slack <= m.top
                      and m.bottom <= bottom + slack and left < (m.left + m.right) / 2 < right
                      and top < (m.top + m.bottom) / 2 < bottom for m in marks)
        if checked or any(b.stroked for b in group):
            found.append(Checkbox(left, top, right, bottom, checked))
    return Squares(found, cells)


def _sides(box: Box) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """A square's sides as ruling segments: (horizontal (y, x0, x1), vertical (x, y0, y1))."""
    return ([(box.top, box.left, box.right), (box.bottom, box.left, box.right)],
            [(box.left, box.top, box.bottom), (box.right, box.top, box.bottom)])


def _continued(left: float, top: float, right: float, bottom: float, rules: tuple[list, list]) -> bool:
    """Whether a rule goes on along one of the square's sides (the square is a table's cell)."""
    horizontal, vertical = rules
    for y in (top, bottom):
        if any(abs(at - y) <= _RULE_TOUCH and (x0 < left - _RULE_TOUCH or x1 > right + _RULE_TOUCH)
               and x0 <= right + _RULE_TOUCH and x1 >= left - _RULE_TOUCH for at, x0, x1 in horizontal):
            return True
    for x in (left, right):
        if any(abs(at - x) <= _RULE_TOUCH and (y0 < top - _RULE_TOUCH or y1 > bottom + _RULE_TOUCH)
               and y0 <= bottom + _RULE_TOUCH and y1 >= top - _RULE_TOUCH for at, y0, y1 in vertical):
            return True
    return False
