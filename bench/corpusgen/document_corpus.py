"""Generated forms written as the documents people hold: PDF, Word, web pages, the 申报表's own
workbook layout and legacy .xls.

The layouts are the round-trip tests' (``documents.py``: merged 一级/二级 labels, tick glyphs,
tables broken with a repeated header; ``self_evaluation_layout.py`` for a 绩效自评表, which sits
among the target forms of its file); this module only turns a ``GenForm`` into the canonical
mapping those writers take and runs the producers: LibreOffice Writer and Calc (``soffice``)
and Chromium (through Playwright) print the PDFs, LibreOffice converts .xlsx to .xls. A format
whose producer is not installed is reported as unavailable, never faked.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

from bench.corpusgen import documents, self_evaluation
from bench.corpusgen.self_evaluation_layout import selfeval_tables
from bench.corpusgen.spec import GenForm

# format → file extension; the PDF formats are named by the producer that printed them.
DOCUMENT_FORMATS = {
    "docx": "docx",
    "html": "html",
    "html-gb2312": "html",
    "xlsx-layout": "xlsx",
    "xls": "xls",
    "pdf-writer": "pdf",
    "pdf-calc": "pdf",
    "pdf-chromium": "pdf",
}
SOFFICE_FORMATS = ("xls", "pdf-writer", "pdf-calc")
CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")


def unavailable(fmt: str) -> str | None:
    """Why ``fmt`` cannot be written on this machine, or None."""
    if fmt in SOFFICE_FORMATS and shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed"
    if fmt == "pdf-chromium":
        if not os.access(CHROMIUM, os.X_OK):
            return f"no Chromium at {CHROMIUM} (set JIXIAO_CHROMIUM)"
        try:
            import playwright  # noqa: F401
        except ImportError:
            return "Playwright is not installed (pip install -e '.[test]')"
    return None


def _yuan(wan: Decimal | None) -> str | None:
    return None if wan is None else str(wan * 10000)


def layout_mapping(form: GenForm) -> dict:
    """The canonical mapping ``documents.form_tables`` lays out. A defect that ticks both or
    neither option of 项目属性/项目期限 cannot be printed by that layout: the first option wins."""
    term = next((t for t in documents.TERM_OPTIONS if t in form.term_checked), documents.TERM_OPTIONS[0])
    return {
        "title": form.title,
        "year": form.year,
        "name": form.name,
        "budget_unit": form.budget_unit,
        "implementer": form.implementer,
        "attributes": {
            "kind": "延续" if "延续项目" in form.kind_checked and "新增项目" not in form.kind_checked else "新增",
            "term": term,
            "basis": list(form.basis_checked),
        },
        "funding": {
            "total": _yuan(form.total),
            "fiscal": _yuan(form.fiscal),
            "other": _yuan(form.other),
            "previous_years": _yuan(form.previous_years),
            "sources": {k: _yuan(v) for k, v in form.sources.items()},
        },
        "goals": {"long_term_label": form.long_term_label, "annual": form.annual_goal},
        "indicators": [
            {"level1": ind.level1, "level2": ind.level2, "name": ind.name or "",
             "value": ind.value.text if ind.value is not None else None, "period": "annual"}
            for ind in form.indicators
        ],
    }


def form_layout(mapping: dict, pick: documents.Pick):
    """The layout of one canonical mapping: a self-evaluation's, or a target form's."""
    if mapping.get("kind") == "self_evaluation":
        return selfeval_tables(mapping, pick)
    return documents.form_tables(mapping, pick)


def document_mapping(form: GenForm) -> dict:
    """The canonical mapping ``form_layout`` lays out: a self-evaluation's (amounts in 万元, as
    its layout prints them) or the target form's ``layout_mapping``."""
    return self_evaluation.to_mapping(form) if form.evaluation is not None else layout_mapping(form)


class DocumentWriter:
    """Writes files of one document format; a scratch directory keeps LibreOffice's profile
    between files (its first start builds one, ~5 s). ``tick_inputs``: HTML and Chromium's PDF may
    draw a tick as a checkbox input (else always as a glyph)."""

    def __init__(self, fmt: str, seed: int, tick_inputs: bool = True) -> None:
        if fmt not in DOCUMENT_FORMATS:
            raise ValueError(f"not a document format: {fmt!r}")
        self.fmt = fmt
        self.rng = random.Random(f"{seed}-{fmt}")
        self.tick_inputs = tick_inputs
        self._scratch: tempfile.TemporaryDirectory | None = None

    def pick(self, options):
        return self.rng.choice(list(options))

    def write(self, path: Path, forms: list[GenForm]) -> None:
        mappings = [document_mapping(f) for f in forms]
        path.write_bytes(self._render(mappings))

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def _directory(self) -> Path:
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="jixiao-docs-")
        return Path(self._scratch.name)

    def _render(self, mappings: list[dict]) -> bytes:
        fmt, pick, layout, inputs = self.fmt, self.pick, form_layout, self.tick_inputs
        if fmt == "docx":
            return documents.to_docx(mappings, pick, layout)
        if fmt == "html":
            return documents.to_html(mappings, pick, layout=layout, inputs=inputs)
        if fmt == "html-gb2312":
            return documents.to_html(mappings, pick, charset="gb2312", layout=layout, inputs=inputs)
        if fmt == "xlsx-layout":
            return documents.to_xlsx(mappings, pick, layout)
        if fmt == "xls":
            return self._xls(documents.to_xlsx(mappings, pick, layout))
        if fmt == "pdf-writer":
            return documents.to_pdf(mappings, pick, self._directory(), layout)
        if fmt == "pdf-calc":
            return documents.to_calc_pdf(mappings, pick, self._directory(), layout)
        return documents.to_chromium_pdf(mappings, pick, self._directory(), CHROMIUM, ["--no-sandbox"], layout,
                                         inputs=inputs)

    def _xls(self, xlsx: bytes) -> bytes:
        directory = self._directory()
        source = directory / "form.xlsx"
        source.write_bytes(xlsx)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{directory}/profile", "--headless",
                        "--convert-to", "xls", "--outdir", str(directory), str(source)],
                       check=True, timeout=300, capture_output=True)
        return (directory / "form.xls").read_bytes()
