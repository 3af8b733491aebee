"""A cell's line wrapped at a space the text layer does not carry: the space is kept where the
producer could not have broken the line without one, and Chinese wraps join without one."""

from __future__ import annotations

import os
import shutil

import pytest

from checker.loaders.pdf_wraps import is_browser_print, wrap_spaces
from loaders.test_loader_grid_roundtrip import CHROMIUM

EM = 12.0


def _laid_out(lines: list[str]) -> tuple[str, list[tuple[float, float, float, float]], list[bool]]:
    """Characters of ``lines`` one em wide, one line pitch apart, with the line break pdfium
    infers between lines (generated "\\r\\n"); boxes (left, bottom, right, top), y upwards."""
    text, boxes, generated = "", [], []
    for n, line in enumerate(lines):
        top = 800.0 - n * 1.5 * EM
        if n:
            text += "\r\n"
            boxes += [(boxes[-1][2], top, boxes[-1][2], top)] * 2
            generated += [True, True]
        for i, ch in enumerate(line):
            text += ch
            boxes.append((10 + i * EM, top - EM, 10 + (i + 1) * EM, top))
            generated.append(False)
    return text, boxes, generated


def _spaced(lines: list[str]) -> str:
    text, boxes, generated = _laid_out(lines)
    wraps = wrap_spaces(text, boxes, generated)
    return "".join(" " if i in wraps else ch for i, ch in enumerate(text) if i in wraps or not generated[i])


def test_a_wrap_between_latin_letters_or_digits_stood_at_a_space():
    assert _spaced(["hello", "world", "again"]) == "hello world again"
    assert _spaced(["≥3500", "0次/天"]) == "≥3500 0次/天"
    assert _spaced(["abc", "123"]) == "abc 123"


def test_a_wrap_beside_an_ideograph_or_a_sign_joins_without_a_space():
    assert _spaced(["设备", "采购"]) == "设备采购"
    assert _spaced(["2024", "年度目标"]) == "2024年度目标"  # a browser may break there without a space
    assert _spaced(["abc", "设备"]) == "abc设备"
    assert _spaced(["2023.1.1-", "2023.12.31"]) == "2023.1.1-2023.12.31"


def test_a_space_the_text_layer_carries_is_no_wrap_to_fill():
    text, boxes, generated = _laid_out(["hello ", "world"])
    assert wrap_spaces(text, boxes, generated) == set()


def test_letters_on_one_line_apart_are_no_wrap():
    """pdfium infers a space between two runs of one line (two cells): not a wrap."""
    text = "ab cd"
    boxes = [(10 + i * EM, 788.0, 10 + (i + 1) * EM, 800.0) for i in range(5)]
    assert wrap_spaces(text, boxes, [False, False, True, False, False]) == set()


def test_only_a_chromium_print_is_a_browser_print():
    assert is_browser_print("Skia/PDF m156")
    assert not is_browser_print("LibreOffice 7.4")
    assert not is_browser_print("")


_CELLS = ["设备 采购", "hello world again", "≥3500 0次/天", "≥35000次/天"]


def _cell_texts(content: bytes) -> list[str]:
    import pypdfium2 as pdfium

    from checker.loaders.grid import PROSE
    from checker.loaders.pdf import _page_grids, _producer

    pdf = pdfium.PdfDocument(content)
    try:
        read = _page_grids(pdf[0], "wrap.pdf", 1, None, is_browser_print(_producer(pdf)))
    finally:
        pdf.close()
    return [c.text for g in read.grids if g.kind != PROSE for c in g.cells if c.text]


@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_chromium_wraps_keep_the_spaces_between_latin_words(tmp_path):
    from loaders.test_pdf_checkboxes import _printed

    widths = [40, 60, 50, 40]  # px: each cell too narrow for its text on one line
    cells = "".join(f'<td style="width:{w}px">{t}</td>' for w, t in zip(widths, _CELLS))
    html = f'<html><head><meta charset="utf-8"></head><body><table border="1"><tr>{cells}</tr></table></body></html>'
    texts = _cell_texts(_printed(html, tmp_path))
    assert texts == ["设备采购", "hello world again", "≥3500 0次/天", "≥35000次/天"]


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_writer_wraps_keep_the_spaces_it_carries_and_break_words_without_one(tmp_path):
    """Writer carries a space after a letter or digit at a line's end, and breaks a word too long
    for its line without one: "≥35" / "000次/天" must not gain a space."""
    import subprocess

    import docx
    from docx.shared import Cm

    document = docx.Document()
    table = document.add_table(rows=1, cols=len(_CELLS))
    table.style = "Table Grid"
    table.autofit = False
    for i, text in enumerate(_CELLS):
        table.cell(0, i).text = text
        table.cell(0, i).width = Cm(1.3)
    document.save(str(tmp_path / "wrap.docx"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "wrap.docx")],
                   check=True, timeout=120, capture_output=True)
    texts = _cell_texts((tmp_path / "wrap.pdf").read_bytes())
    # After an ideograph Writer carries no space, at a wrap or inside a line: none is read.
    assert texts == ["设备采购", "hello world again", "≥3500 0次/天", "≥35000次/天"]
