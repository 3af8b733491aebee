"""Where text drawn outside its clip is read (``pdf_clip.py``), at the edges the Calc round trips
do not reach: a clip made of two paths (nested clipping: their intersection), clips of no area or
narrower than a point, a glyph on its clip's edge, two labels each with its own clip, and a
pdfium without the call that names a glyph's text object. Written for the survivors of the
mutation run of 2026-12-05 (docs/testing.md)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from checker.loaders.pdf_clip import Clips, _nearest
from tests.loaders.pdf_bytes import HEIGHT, one_page_pdf, read_page


def _y(top: float) -> float:
    """PDF y (upwards) of a place measured down from the page's top."""
    return HEIGHT - top


def _clipped(top: float, *clips: tuple[float, float, float, float]) -> str:
    """The word "Ab" at x 60, its baseline ``top`` down, inside each clip (left, top, right,
    bottom; y downwards) in turn: nested clips, whose intersection is what shows."""
    opened = "".join(f"q {left} {_y(bottom)} {right - left} {bottom - ctop} re W n "
                     for left, ctop, right, bottom in clips)
    return f"{opened}BT /F1 10 Tf 60 {_y(top)} Td (Ab) Tj ET" + " Q" * len(clips)


def _place(content: str, x: float, y: float) -> tuple[float, float] | None:
    """Where the loader's clip reader puts the page's first glyph, centred at (x, y)."""
    pdf = pdfium.PdfDocument(one_page_pdf(content))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        try:
            return Clips(textpage.raw, HEIGHT).place(0, x, y)
        finally:
            textpage.close()
            page.close()
    finally:
        pdf.close()


def test_nested_clips_place_the_glyph_in_their_intersection_whichever_comes_first():
    row, column = (50.0, 100.0, 250.0, 130.0), (150.0, 90.0, 300.0, 400.0)
    assert _place(_clipped(80, row, column), 65.0, 75.0) == (150.5, 100.5)
    assert _place(_clipped(80, column, row), 65.0, 75.0) == (150.5, 100.5)
    # Below and right of both: the intersection's other corner.
    assert _place(_clipped(80, row, column), 320.0, 180.0) == (249.5, 129.5)
    assert _place(_clipped(80, column, row), 320.0, 180.0) == (249.5, 129.5)


def test_a_clip_with_no_area_hides_the_glyph_where_it_is():
    """Clips that do not overlap, or a clip of no width or no height, show nothing: there is no
    cell part the text belongs to, and it is left where it is drawn."""
    assert _place(_clipped(80, (50.0, 100.0, 150.0, 130.0), (200.0, 100.0, 250.0, 130.0)), 65.0, 75.0) is None
    assert _place(_clipped(80, (50.0, 100.0, 250.0, 130.0), (50.0, 140.0, 250.0, 160.0)), 65.0, 75.0) is None
    assert _place(_clipped(80, (150.0, 100.0, 150.0, 130.0)), 65.0, 75.0) is None
    assert _place(_clipped(80, (50.0, 100.0, 250.0, 100.0)), 65.0, 75.0) is None


def test_a_glyph_inside_its_clip_or_on_its_edge_shows_where_it_is():
    """A text object partly outside its clip (pdfium keeps a clip only then): the glyphs inside
    it, or centred on its edge, stay where they are drawn."""
    clip = (50.0, 100.0, 250.0, 130.0)
    straddling = f"q 50 {_y(130)} 200 30 re W n BT /F1 10 Tf 60 {_y(110)} Td ({'A' * 49}) Tj ET Q"
    assert _place(straddling, 63.3, 106.4) is None
    assert _place(straddling, 300.0, 106.4) == (249.5, 106.4)  # a glyph past the clip's right edge
    for x, y in ((50.0, 115.0), (250.0, 115.0), (65.0, 100.0), (65.0, 130.0)):
        assert _place(straddling, x, y) is None
        assert _nearest(clip, x, y) == (x, y)


def test_a_glyph_right_of_its_clip_is_placed_inside_its_right_edge():
    assert _nearest((50.0, 100.0, 250.0, 130.0), 300.0, 110.0) == (249.5, 110.0)


def test_a_clip_narrower_than_a_point_takes_the_glyph_to_its_middle():
    x, y = _nearest((50.0, 100.0, 50.6, 100.4), 20.0, 80.0)
    assert x == pytest.approx(50.3) and y == pytest.approx(100.2)
    x, y = _nearest((50.0, 100.0, 50.6, 100.4), 80.0, 120.0)
    assert x == pytest.approx(50.3) and y == pytest.approx(100.2)


# A ruled table of two rows (y 100-130 and 130-160 from the top) and two columns (x 50-150-250).
_RULES = "".join(f"50 {_y(y)} m 250 {_y(y)} l S " for y in (100, 130, 160)) + \
    "".join(f"{x} {_y(100)} m {x} {_y(160)} l S " for x in (50, 150, 250))


def _word(x: float, top: float, word: str, upper: float, lower: float) -> str:
    return f"q 50 {_y(lower)} 200 {lower - upper} re W n BT /F1 10 Tf {x} {_y(top)} Td ({word}) Tj ET Q "


def test_two_labels_outside_their_clips_each_read_in_their_own_clip():
    """Calc draws the split label of each merged range with the range's part on the page as its
    clip: one above the table (the first row's), one below it (the last row's)."""
    read = read_page(_RULES + _word(160, 80, "Quantity", 100, 130) + _word(160, 185, "Output", 130, 160))
    cells = {(c.row, c.col): c.text for g in read.grids if g.kind != "prose" for c in g.cells}
    assert cells[(0, 1)] == "Quantity" and cells[(1, 1)] == "Output"
    assert [c.text for g in read.grids if g.kind == "prose" for c in g.cells] == []


def test_a_pdfium_without_the_text_object_call_leaves_text_where_it_is_drawn(monkeypatch):
    """pdfium before 2023 cannot name a glyph's text object: the label stays prose, nothing fails."""
    monkeypatch.delattr(raw, "FPDFText_GetTextObject")
    read = read_page(_RULES + _word(160, 80, "Quantity", 100, 130))
    assert [c.text for g in read.grids if g.kind == "prose" for c in g.cells] == ["Quantity"]
    assert all(c.text == "" for g in read.grids if g.kind != "prose" for c in g.cells)
