"""Format sniffing: which loader reads a file, by content first and suffix second.

A workbook is a zip whatever its name; a ``.txt`` holding JSON is read as JSON; a ``.txt`` with
a flat header row is a flat table. Every loader here returns a Document and never raises.
"""

from __future__ import annotations

import os

from checker.loaders import issues as ids
from checker.loaders.decoding import decode, has_nul, split_lines
from checker.loaders.limits import Limits
from policy.forms.model import Document, Location

_ZIP_MAGIC = b"PK\x03\x04"


def load_data(data: bytes, path: str, limits: Limits) -> Document:
    suffix = os.path.splitext(path)[1].lower()
    where = Location(path=path)
    if suffix in (".docx", ".docm") or suffix not in (".xlsx", ".xlsm") and _is_word_zip(data):
        from checker.loaders.docx import load_docx

        return load_docx(data, path, limits)
    if suffix == ".doc":
        from checker.loaders.docx import load_doc

        return load_doc(data, path, limits)
    if suffix == ".xls" and not data.startswith(_ZIP_MAGIC):
        from checker.loaders.workbook_layout import load_xls

        return load_xls(data, path, limits)
    if data.startswith(_ZIP_MAGIC) or suffix in (".xlsx", ".xlsm"):
        from checker.loaders.xlsx import load_xlsx

        document = load_xlsx(data, path, limits)
        if document.error is not None and document.error.message_id == ids.NO_HEADER:
            # Not a flat export: perhaps the form's own layout (E011 stays when it is not).
            from checker.loaders.workbook_layout import load_xlsx_layout

            return load_xlsx_layout(data, path, limits, document.error)
        return document
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        from checker.loaders.pdf import load_pdf

        return load_pdf(data, path, limits)
    if suffix in (".html", ".htm"):
        from checker.loaders.html import load_html

        return load_html(data, path, limits)
    decoded = decode(data)
    if decoded.text is None:
        return Document(
            path,
            error=ids.file_error(ids.UNDECODABLE, Location(path, decoded.bad_line), line=decoded.bad_line),
        )
    text = decoded.text
    if has_nul(text):
        line = text[: text.index("\x00")].count("\n") + 1
        return Document(
            path,
            error=ids.file_error(ids.UNKNOWN_FORMAT, Location(path, line), suffix=suffix or "?"),
            encoding=decoded.encoding,
        )
    lines = split_lines(text)
    if suffix in (".yaml", ".yml", ".json") or (suffix in (".txt", ".text", "") and _looks_json(text)):
        from checker.loaders.structured import load_structured

        kind = "json" if suffix == ".json" or (suffix != ".yaml" and suffix != ".yml") else "yaml"
        return load_structured(text, path, kind, limits, decoded.encoding)
    if suffix in (".csv", ".tsv"):
        from checker.loaders.flat_table import load_rows, text_rows

        return load_rows(text_rows(text, suffix, limits), path, limits, "csv", decoded.encoding)
    from checker.loaders.text_grid import parse_text_layout
    from checker.loaders.text_layout import has_form_title, has_text_layout

    if not has_form_title(lines):
        from checker.loaders.flat_table import find_header, load_rows, text_rows

        rows = text_rows(text, ".tsv", limits)
        if find_header(rows[:40]) is not None:
            return load_rows(rows, path, limits, "csv", decoded.encoding)
    if has_text_layout(lines):
        forms, issues = parse_text_layout(lines, path, limits)
        return Document(path, tuple(forms), tuple(issues), format="text", encoding=decoded.encoding)
    return Document(
        path,
        error=ids.file_error(ids.NO_FORM, where),
        format="text",
        encoding=decoded.encoding,
    )


def _is_word_zip(data: bytes) -> bool:
    """A zip holding word/document.xml, whatever the file is called (named by its central
    directory, which a zip stores at its end)."""
    return data.startswith(_ZIP_MAGIC) and b"word/document.xml" in data[-65536:]


def _looks_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith(("{", "["))
