"""A one-page PDF written by hand, for loader tests that need a few exact rules, glyphs or clips
(no producer needed): content-stream operators in, the file's bytes out."""

from __future__ import annotations

HEIGHT = 400  # the page's height in points (300 wide): content y runs upwards from the foot


def one_page_pdf(content: str) -> bytes:
    """A one-page PDF (300 x 400 pt, Helvetica as F1) drawing ``content``."""
    return pages_pdf([content])


def pages_pdf(contents: list[str], producer: str | None = None) -> bytes:
    """A PDF of one 300 x 400 pt page per content stream (Helvetica as F1), with ``producer``
    in its document information when given."""
    count = len(contents)
    # Objects: catalog 1, pages 2, font 3, information 4; then each page and its stream.
    kids = " ".join(f"{5 + 2 * n} 0 R" for n in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (%s) >>" % (producer or "").encode("latin-1"),
    ]
    for n, content in enumerate(contents):
        stream = content.encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 %d] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >> >>" % (HEIGHT, 6 + 2 * n))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return pdf_file(objects, b" /Info 4 0 R" if producer is not None else b"")


def pdf_file(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the catalog first) with its cross-reference
    table; ``trailer``: more trailer entries (" /Info 4 0 R")."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def read_page(content: str):
    """What the PDF loader's page reader (``checker.loaders.pdf._page_grids``) gives for a
    one-page PDF drawing ``content``."""
    import pypdfium2 as pdfium

    from checker.loaders.pdf import _page_grids

    pdf = pdfium.PdfDocument(one_page_pdf(content))
    try:
        page = pdf[0]
        try:
            return _page_grids(page, "f.pdf", 1, None)
        finally:
            page.close()
    finally:
        pdf.close()
