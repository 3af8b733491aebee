"""A ruled table a browser printed whole to a page's foot: nothing of its last row goes on.

A browser closes every cell it finishes with a rule of its own and runs a cut table's frame on to
the page's edge (``pdf_sliced.py``). So where the frame stops at the last row's rule, the page
broke between rows, and the next page's first row is a row of its own, however full the last
lines above it: Writer's fit test (``pdf_broken_row.py``) once moved a Chromium print's 效益指标
(a label over two rows starting the next page) into the 成本指标 above it."""

from __future__ import annotations

import pytest

from checker.loaders import pdf as pdf_loader
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.pdf import load_pdf
from tests.loaders.pdf_bytes import HEIGHT, pages_pdf


def _table(top: float, rows: list[float], texts: list[tuple[float, float, str]]) -> str:
    """Rules of a two-column table (x 10-60-110) from ``top`` down through ``rows`` (distances
    from the page's top) and Helvetica 12 pt texts at (x, baseline from the top)."""
    lines = [top, *rows]
    rules = "".join(f"10 {HEIGHT - y} m 110 {HEIGHT - y} l S " for y in lines)
    rules += "".join(f"{x} {HEIGHT - top} m {x} {HEIGHT - lines[-1]} l S " for x in (10, 60, 110))
    text = "".join(f"BT /F1 12 Tf {x} {HEIGHT - y} Td ({t}) Tj ET " for x, y, t in texts)
    return "0.5 w " + rules + text


# Page 1 ends its table on a row whose first cell's line is full ("WWWW" to the rule less its
# padding) right at the page's foot; page 2 starts with a row whose first cell is all its text.
_FOOT = _table(300.0, [340.0, 392.0], [(12, 325, "AB"), (62, 325, "CD"), (12, 386, "WWWW"), (62, 386, "x")])
_HEAD = _table(8.0, [50.0, 90.0], [(12, 35, "WW"), (12, 75, "EF"), (62, 75, "GH")])


def _first_cells(producer: str | None) -> tuple[list, list[str]]:
    seen = []
    real = pdf_loader.document_from_grids

    def spy(grids, *args, **kwargs):
        seen.extend(grids)
        return real(grids, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_loader, "document_from_grids", spy)
        document = load_pdf(pages_pdf([_FOOT, _HEAD], producer=producer), "f.pdf", DEFAULT_LIMITS)
    first, second = (g for g in seen if g.kind == "table")
    texts = [first.covering(first.height - 1, 0).text, second.covering(0, 0).text]
    return texts, [i.message_id for i in document.issues]


def test_a_row_at_the_foot_of_a_page_is_joined_to_the_next_pages_first_on_a_full_line_in_writer():
    texts, issues = _first_cells("LibreOffice 7.4")
    assert texts == ["WWWWWW", ""]
    assert "E113" in issues  # joined on one cell's evidence, and named


def test_a_browser_print_not_cut_at_the_page_edge_joins_nothing():
    texts, issues = _first_cells("Skia/PDF m120")
    assert texts == ["WWWW", "WW"]
    assert "E113" not in issues
