"""Text drawn outside its own clip belongs to the cell part the clip covers: LibreOffice Calc
centres a merged label on the whole merged range and, when a page break splits the range, draws
it on both pages clipped to each page's part, so on one page the label lies above the table's
first row (or below its last), hidden, where it read as prose and left its cell blank."""

from __future__ import annotations

from checker.loaders.pdf_clip import _nearest
from tests.loaders.pdf_bytes import HEIGHT as _HEIGHT, read_page


def _y(top: float) -> float:
    """PDF y (upwards) of a place measured down from the page's top."""
    return _HEIGHT - top


# A ruled table of two rows (y 100-130 and 130-160 from the top) and two columns (x 50-150-250).
_RULES = "".join(f"50 {_y(y)} m 250 {_y(y)} l S " for y in (100, 130, 160)) + \
    "".join(f"{x} {_y(100)} m {x} {_y(160)} l S " for x in (50, 150, 250))


def _text(x: float, top: float, word: str, clip: tuple[float, float] | None = None) -> str:
    """``word`` at x, its baseline ``top`` points down; clipped to the table's rows between the
    two given tops when ``clip`` is given."""
    draw = f"BT /F1 10 Tf {x} {_y(top)} Td ({word}) Tj ET"
    if clip is None:
        return draw
    upper, lower = clip
    return f"q 50 {_y(lower)} 200 {lower - upper} re W n {draw} Q"


def _cells(content: str) -> tuple[dict[tuple[int, int], str], list[str]]:
    read = read_page(content)
    cells = {(c.row, c.col): c.text for g in read.grids if g.kind != "prose" for c in g.cells}
    prose = [c.text for g in read.grids if g.kind == "prose" for c in g.cells]
    return cells, prose


def test_a_label_drawn_above_the_table_outside_its_clip_reads_in_the_first_row():
    content = _RULES + _text(60, 120, "Goal") + _text(160, 80, "Quantity", clip=(100, 130))
    cells, prose = _cells(content)
    assert cells[(0, 1)] == "Quantity"
    assert cells[(0, 0)] == "Goal" and prose == []


def test_a_label_drawn_below_the_table_outside_its_clip_reads_in_the_last_row():
    content = _RULES + _text(160, 185, "Output", clip=(130, 160))
    cells, prose = _cells(content)
    assert cells[(1, 1)] == "Output" and cells[(0, 1)] == "" and prose == []


def test_text_outside_the_table_without_a_clip_stays_prose():
    content = _RULES + _text(60, 80, "Title") + _text(160, 120, "Kept", clip=(100, 130))
    cells, prose = _cells(content)
    assert prose == ["Title"]
    assert cells[(0, 1)] == "Kept"  # inside its clip: where it is drawn


def test_the_nearest_point_of_a_clip_keeps_the_column_and_stays_inside():
    clip = (50.0, 100.0, 250.0, 130.0)
    assert _nearest(clip, 160.0, 75.0) == (160.0, 100.5)
    assert _nearest(clip, 160.0, 190.0) == (160.0, 129.5)
    assert _nearest(clip, 160.0, 110.0) == (160.0, 110.0)
    assert _nearest(clip, 20.0, 110.0) == (50.5, 110.0)
