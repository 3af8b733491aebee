"""PDFs of several pages written by hand, with Chinese text, for tests of the whole PDF loader
(``load_pdf``) that need no producer: ruled tables, text at exact places, a producer's name.

The text is drawn in a CID font that is not embedded (pdfium draws it with a fallback): each
character's code is its Unicode code point, mapped back to itself by the font's ToUnicode CMap,
and each advances one em, so a glyph of size ``s`` at x covers x..x+s and a line of n
characters n·s."""

from __future__ import annotations

from tests.loaders.pdf_bytes import HEIGHT, pdf_file

# The ToUnicode CMap: every 2-byte code maps to the character of that code point (BMP only).
_CMAP = "\n".join([
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    *(f"{min(s + 100, 256) - s} beginbfrange\n"
      + "\n".join(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(s, min(s + 100, 256)))
      + "\nendbfrange" for s in range(0, 256, 100)),
    "endcmap CMapName currentdict /CMap defineresource pop end end",
]).encode()


def text(x: float, baseline: float, words: str, size: float = 8.0) -> str:
    """Operators drawing ``words`` from x with its baseline ``baseline`` points below the page's top.
    (pdfium gives no character for a text object of one glyph whose code is above 0xFF: such a
    glyph is drawn with a space after it, which the loader drops at a cell's end.)"""
    if len(words) == 1 and ord(words) > 0xFF:
        words += " "
    return f"BT /F2 {size} Tf {x} {HEIGHT - baseline} Td <{words.encode('utf-16-be').hex()}> Tj ET "


def ruled_table(xs: list[float], ys: list[float], rows: list[list[str]], size: float = 8.0,
                open_top: bool = False, open_bottom: bool = False) -> str:
    """A table ruled on column lines ``xs`` and row lines ``ys`` (from the page's top); ``rows``
    gives each row's cell texts, left to right, one a column slot, ``None``-free: a text ``"<"``
    merges that slot with the one on its left (no rule between them). Each text starts 2 pt right
    of its cell's left line, its baseline 4 pt above the row's lower line. ``open_top``: no rule
    above the first row, ``open_bottom`` none below the last (cells the page's edge cut open, as a
    browser leaves them; the frame's sides then run on to the page's edge)."""
    ops = ["0.5 w "]
    for k, y in enumerate(ys):
        if (k or not open_top) and (k < len(ys) - 1 or not open_bottom):
            ops.append(f"{xs[0]} {HEIGHT - y} m {xs[-1]} {HEIGHT - y} l S ")
    if open_top or open_bottom:  # the frame's sides run on to the page's edge
        top, bottom = HEIGHT - (0 if open_top else ys[0]), HEIGHT - (HEIGHT if open_bottom else ys[-1])
        ops += [f"{x} {top} m {x} {bottom} l S " for x in (xs[0], xs[-1])]
    for r, row in enumerate(rows):
        top, bottom = ys[r], ys[r + 1]
        for c, x in enumerate(xs):
            if 0 < c < len(xs) - 1 and row[c] == "<":
                continue  # merged with the slot on its left
            ops.append(f"{x} {HEIGHT - top} m {x} {HEIGHT - bottom} l S ")
        for c, words in enumerate(row):
            if words and words != "<":
                ops.append(text(xs[c] + 2, bottom - 4, words, size))
    return "".join(ops)


def form_pdf(contents: list[str], producer: str | None = None, info: bytes | None = None) -> bytes:
    """A PDF of one 300 x 400 pt page per content stream (the CID font as F2, Helvetica as F1),
    with ``producer`` in its document information when given (``info``: the information
    dictionary's bytes as they are, instead)."""
    count = len(contents)
    # Objects: catalog 1, pages 2, font 3, its CID font 4, its CMap 5, Helvetica 6, information 7,
    # the font's descriptor 8;
    # then each page and its stream.
    kids = " ".join(f"{9 + 2 * n} 0 R" for n in range(count)).encode()
    tail = b" /Info 7 0 R" if producer is not None or info is not None else b""
    if info is None:
        info = b"<< /Producer (%s) >>" % (producer or "").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 8 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_CMAP), _CMAP),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    for n, content in enumerate(contents):
        stream = content.encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 %d] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 6 0 R /F2 3 0 R >> >> >>" % (HEIGHT, 10 + 2 * n))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return pdf_file(objects, tail)
