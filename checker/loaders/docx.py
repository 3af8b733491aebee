"""Word documents: DOCX tables → grids → forms; legacy .doc through LibreOffice.

The zip is checked before python-docx opens it (member count and declared uncompressed size, as
for workbooks). Tables are read from their XML in the grid's own terms: a cell's ``gridSpan``
is its column span, a ``vMerge`` continuation extends the cell above in the same grid column
(merged cells by identity, whatever python-docx's row view repeats), ``gridBefore`` skips
columns. Ticks come through as glyphs: text ☑/□, a Wingdings ``w:sym``, or a checkbox content
control's state. Paragraphs between tables are prose lines (the title, 单位：万元).

A ``.doc`` is converted by ``soffice --headless --convert-to docx`` in a subprocess with a time
limit, into a temporary directory that is removed afterwards; without ``soffice`` on the PATH the
file is an error that names the conversion to do.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile

from checker.loaders import issues as ids
from checker.loaders.grid import PROSE, Grid, GridCell, table_place
from checker.loaders.limits import Limits
from checker.loaders.recovery import document_from_grids
from checker.loaders.xlsx import check_zip
from policy.forms.model import Document, Location

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
CONVERT_SECONDS = 60
MAX_COLUMNS = 256
# Wingdings / Wingdings 2 code points Word inserts for boxes and ticks (Insert ▸ Symbol).
_SYMBOLS = {
    "F052": "☑", "F053": "☒", "F054": "☒", "F0A3": "□", "F02A": "□", "F0A2": "□",  # Wingdings 2
    "F0FE": "☑", "F0FD": "☒", "F0A8": "□", "F06F": "□", "F0FC": "√", "F0FB": "☒",  # Wingdings
}


def load_docx(data: bytes, path: str, limits: Limits, fmt: str = "docx") -> Document:
    """A Document from a DOCX file's bytes; never raises."""
    where = Location(path)
    problem = check_zip(data, path, limits, marker="word/document.xml")
    if problem is not None and problem.message_id == ids.BROKEN_ZIP:  # E007 speaks of workbooks
        problem = ids.file_error(ids.BROKEN_DOCUMENT, where, kind="DOCX", reason=problem.args["reason"])
    if problem is not None:
        return Document(path, error=problem, format=fmt)
    try:
        import docx

        body = docx.Document(io.BytesIO(data)).element.body
        grids = docx_grids(body, path, limits)
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types on broken parts
        error = ids.file_error(ids.BROKEN_DOCUMENT, where, kind="DOCX", reason=type(exc).__name__)
        return Document(path, error=error, format=fmt)
    return document_from_grids(grids, path, fmt, limits)


# What a file named .doc holds when Word wrote it: a Word 97–2003 compound file, RTF, or a DOCX
# renamed, or a web page saved as .doc (read as HTML here).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"


def load_doc(data: bytes, path: str, limits: Limits) -> Document:
    """A legacy Word .doc, converted to DOCX by LibreOffice when it is installed. Anything else
    under that name is reported at once: LibreOffice is never started for bytes it cannot read."""
    where = Location(path)
    if data.startswith(b"PK\x03\x04"):
        return load_docx(data, path, limits, fmt="doc")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):  # a web page Word saved as .doc
        from checker.loaders.html import load_html

        return load_html(data, path, limits)
    if not (data.startswith(_OLE2) or head.startswith(_RTF) or head.startswith(b"mime-version")):
        reason = "no Word 97–2003, RTF, web-page or DOCX signature"
        return Document(path, error=ids.file_error(ids.BROKEN_DOCUMENT, where, kind="DOC", reason=reason),
                        format="doc")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        reason = "LibreOffice (soffice) is not installed"
        return Document(path, error=ids.file_error(ids.CANNOT_CONVERT, where, reason=reason), format="doc")
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as tmp:
        source = os.path.join(tmp, "input.doc")
        with open(source, "wb") as fh:  # a copy: the input is never touched, whatever its name
            fh.write(data)
        profile = "file://" + os.path.join(tmp, "profile")  # no lock on the user's profile
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", tmp, source]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            reason = f"LibreOffice did not finish within {CONVERT_SECONDS} s"
            return Document(path, error=ids.file_error(ids.CANNOT_CONVERT, where, reason=reason), format="doc")
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            return Document(path, error=ids.file_error(ids.CANNOT_CONVERT, where, reason=reason), format="doc")
        converted = os.path.join(tmp, "input.docx")
        if not os.path.exists(converted):
            reason = "LibreOffice could not convert it"
            return Document(path, error=ids.file_error(ids.CANNOT_CONVERT, where, reason=reason), format="doc")
        with open(converted, "rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    return load_docx(data, path, limits, fmt="doc")


def docx_grids(body, path: str, limits: Limits) -> list[Grid]:
    """The body's tables and paragraphs as grids, in document order."""
    grids: list[Grid] = []
    prose: list[GridCell] = []
    tables = 0
    rows_left = limits.max_rows
    for child in body.iterchildren():
        if child.tag == W + "p":
            text = _paragraph_text(child)
            if text:
                prose.append(GridCell(text, len(prose), 0, Location(path, sheet="text", cell=f"P{len(prose) + 1}")))
        elif child.tag == W + "tbl":
            if prose:
                grids.append(Grid("text", tuple(prose), PROSE))
                prose = []
            tables += 1
            grid = _table_grid(child, path, f"table {tables}", rows_left)
            rows_left -= grid.height
            grids.append(grid)
            if rows_left <= 0:
                break
    if prose:
        grids.append(Grid("text", tuple(prose), PROSE))
    return grids


def _table_grid(tbl, path: str, name: str, rows_left: int) -> Grid:
    cells: list[GridCell] = []
    open_above: dict[int, int] = {}  # grid column → index in cells of the cell a vMerge extends
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        if r >= rows_left:
            break
        c = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        for tc in tr.iterchildren(W + "tc"):
            if c >= MAX_COLUMNS:
                break
            props = tc.find(W + "tcPr")
            span = max(1, min(_int_val(props.find(W + "gridSpan") if props is not None else None, 1), MAX_COLUMNS - c))
            merge = props.find(W + "vMerge") if props is not None else None
            if merge is not None and merge.get(W + "val") in (None, "continue") and c in open_above:
                index = open_above[c]
                above = cells[index]
                cells[index] = GridCell(above.text, above.row, above.col, above.location,
                                        r - above.row + 1, above.colspan)
            else:
                cells.append(GridCell(_cell_text(tc), r, c, table_place(path, name, r, c), 1, span))
                for col in range(c, c + span):
                    open_above.pop(col, None)
                open_above[c] = len(cells) - 1
            c += span
    return Grid(name, tuple(cells))


def _int_val(element, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W + "val", default))
    except (TypeError, ValueError):
        return default


def _cell_text(tc) -> str:
    lines = [_paragraph_text(p) for p in tc.iter(W + "p")]
    return "\n".join(line for line in lines if line)


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "sym":
            parts.append(_SYMBOLS.get((el.get(W + "char") or "").upper(), ""))
        elif tag in (W + "tab",):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W14 + "checked":
            # A checkbox content control: its state decides, whatever glyph its text shows.
            parts.append("\x00" + ("☑" if el.get(W14 + "val") in ("1", "true") else "□"))
    text = "".join(parts)
    if "\x00" in text:  # a control's state, then the glyph its text shows: keep the state
        text = re.sub("\x00(.)[☐☑☒□■]?", r"\1", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
