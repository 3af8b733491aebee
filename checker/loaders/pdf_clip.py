"""Text a producer drew outside its own clip: the place it belongs to is the clip.

LibreOffice Calc centres a merged cell's text on the whole merged range, also when a page break
splits the range: it draws the text on both pages, each clipped to the part of the range on that
page. On the page holding the text's centre the label shows; on the other the same glyphs lie
outside their clip (above the table's first row, or below its last), invisible, though they are
the label of the cell part the clip covers — the part a viewer sees as blank and a reader fills
from the label above or below the break. Measured on a Calc PDF: 数量指标 drawn at y 54–61 with
its clip the table's first row band (y 72–91.5, the page's table starts at 72).

Such a glyph is placed at the nearest point of its clip (its column kept), so the cell part reads
its label instead of standing blank or the glyph joining the page's prose.
"""

from __future__ import annotations

import ctypes

Box = tuple[float, float, float, float]  # left, top, right, bottom, y measured downwards

_INSIDE = 0.5  # points: a moved glyph's centre sits this far inside the clip's edge


class Clips:
    """The clip of each text object of one text page, asked glyph by glyph (the text page must
    stay open while it is asked)."""

    def __init__(self, textpage, height: float) -> None:
        import pypdfium2.raw as raw

        self._raw, self._textpage, self._height = raw, textpage, height
        self._text_object = getattr(raw, "FPDFText_GetTextObject", None)  # pdfium before 2023: none
        self._boxes: dict[int, Box | None] = {}

    def place(self, index: int, x: float, y: float) -> tuple[float, float] | None:
        """Where the glyph at character ``index``, centred at (x, y), belongs when it lies
        outside its text object's clip: the clip's nearest point; None when it shows where it is."""
        if self._text_object is None:
            return None
        obj = self._text_object(self._textpage, index)
        if not obj:
            return None
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        if key not in self._boxes:
            self._boxes[key] = _clip_box(self._raw, obj, self._height)
        clip = self._boxes[key]
        if clip is None:
            return None
        inside = _nearest(clip, x, y)
        return inside if inside != (x, y) else None


def _nearest(clip: Box, x: float, y: float) -> tuple[float, float]:
    """(x, y) itself when within the clip, else the point of the clip nearest to it."""
    left, top, right, bottom = clip
    if left <= x <= right and top <= y <= bottom:
        return x, y
    margin_x, margin_y = min(_INSIDE, (right - left) / 2), min(_INSIDE, (bottom - top) / 2)
    return (min(max(x, left + margin_x), right - margin_x),
            min(max(y, top + margin_y), bottom - margin_y))


def _clip_box(raw, obj, height: float) -> Box | None:
    """The box of an object's clip (the intersection of its paths' boxes), y downwards; None
    without a clip (or an empty one, of no width or no height, which hides the object whatever
    its place)."""
    clip = raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box: Box | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in range(raw.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for s in range(raw.FPDFClipPath_CountPathSegments(clip, p)):
            segment = raw.FPDFClipPath_GetPathSegment(clip, p, s)
            if segment and raw.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(height - y.value)
        if not xs:
            continue
        part = (min(xs), min(ys), max(xs), max(ys))
        box = part if box is None else (max(box[0], part[0]), max(box[1], part[1]),
                                        min(box[2], part[2]), min(box[3], part[3]))
    if box is None or box[0] >= box[2] or box[1] >= box[3]:
        return None
    return box
