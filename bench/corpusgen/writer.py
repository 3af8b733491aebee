"""Write a generated corpus to disk in one or more formats, ``per_file`` forms per file.

Forms stream from ``generate_forms`` through one sink per format; a sink holds at most one file's
worth of forms (YAML/JSON/XLSX need a whole document per file), never the corpus. The document
formats (PDF per producer, DOCX, HTML, the form-layout workbook, .xls) are written by
``document_corpus.py``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.corpusgen.canonical import to_mapping
from bench.corpusgen.document_corpus import DOCUMENT_FORMATS, DocumentWriter, unavailable
from bench.corpusgen.flat_table import HEADER, SELF_HEADER, UNIT_LINE, rows, self_rows
from bench.corpusgen.forms import generate_forms
from bench.corpusgen.self_evaluation_text import self_evaluation_lines
from bench.corpusgen.spec import GenForm
from bench.corpusgen.text_layout import TextLayoutWriter

FORMATS = ("text", "yaml", "json", "csv", "xlsx", *DOCUMENT_FORMATS)
EXTENSIONS = {"text": "txt", "yaml": "yaml", "json": "json", "csv": "csv", "xlsx": "xlsx", **DOCUMENT_FORMATS}


class _Sink:
    """Collects forms into numbered files of one format."""

    def __init__(self, fmt: str, directory: Path, per_file: int, seed: int, drift: float,
                 tick_inputs: bool = True) -> None:
        self.fmt = fmt
        self.directory = directory
        self.per_file = per_file
        self.batch: list[GenForm] = []
        # Flat exports and the text layout: self-evaluations go to files of their own.
        self.self_batch: list[GenForm] = []
        self.files: list[Path] = []
        self.text = TextLayoutWriter(seed, drift) if fmt == "text" else None
        self.document = DocumentWriter(fmt, seed, tick_inputs) if fmt in DOCUMENT_FORMATS else None
        directory.mkdir(parents=True, exist_ok=True)

    def add(self, form: GenForm) -> None:
        if form.evaluation is not None and self.fmt in ("csv", "xlsx", "text"):
            self.self_batch.append(form)
            if len(self.self_batch) >= self.per_file:
                self._flush_self()
            return
        self.batch.append(form)
        if len(self.batch) >= self.per_file:
            self.flush()

    def flush(self) -> None:
        if self.self_batch:
            self._flush_self()
        if not self.batch:
            return
        path = self.directory / f"forms-{len(self.files) + 1:05d}.{EXTENSIONS[self.fmt]}"
        if self.document is not None:
            self.document.write(path, self.batch)
        else:
            getattr(self, f"_write_{self.fmt}")(path, self.batch)
        self.files.append(path)
        self.batch = []

    def _flush_self(self) -> None:
        done = sum(1 for p in self.files if p.name.startswith("selfeval-"))
        path = self.directory / f"selfeval-{done + 1:05d}.{EXTENSIONS[self.fmt]}"
        if self.fmt == "text":
            self._write_self_text(path, self.self_batch)
        else:
            getattr(self, f"_write_{self.fmt}")(path, self.self_batch, SELF_HEADER, self_rows)
        self.files.append(path)
        self.self_batch = []

    def _write_text(self, path: Path, forms: list[GenForm]) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for n, form in enumerate(forms):
                self.text.write(form, out, first=n == 0)

    def _write_self_text(self, path: Path, forms: list[GenForm]) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for form in forms:
                out.write("\n".join(self_evaluation_lines(form)) + "\n\n")

    def _write_yaml(self, path: Path, forms: list[GenForm]) -> None:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        with open(path, "w", encoding="utf-8") as out:
            yaml.dump({"forms": [to_mapping(f) for f in forms]}, out, Dumper=dumper,
                      allow_unicode=True, sort_keys=False, default_flow_style=False)

    def _write_json(self, path: Path, forms: list[GenForm]) -> None:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"forms": [to_mapping(f) for f in forms]}, out, ensure_ascii=False, indent=1)

    def _write_csv(self, path: Path, forms: list[GenForm], header=HEADER, form_rows=rows) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            w = csv.writer(out)
            w.writerow([UNIT_LINE] + [""] * (len(header) - 1))
            w.writerow(header)
            for form in forms:
                w.writerows(["" if c is None else c for c in r] for r in form_rows(form))

    def _write_xlsx(self, path: Path, forms: list[GenForm], header=HEADER, form_rows=rows) -> None:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("项目支出绩效目标" if header is HEADER else "项目支出绩效自评")
        ws.append([UNIT_LINE])
        ws.append(list(header))
        for form in forms:
            for r in form_rows(form):
                ws.append(r)
        wb.save(path)


def write_corpus(
    out_dir: str | os.PathLike,
    count: int,
    formats: Iterable[str] = ("text",),
    per_file: int = 100,
    seed: int = 0,
    defect_rate: float = 0.3,
    drift: float = 0.12,
    self_evaluation_share: float = 0.0,
    tick_inputs: bool = True,
) -> dict[str, Any]:
    """Write ``count`` forms in each format under ``out_dir/<format>/`` plus ``manifest.jsonl``
    (one line per form: its kind, file, position and injected defects). Returns a summary.

    A share of self-evaluations (``self_evaluation_share``) sits among the target forms in YAML,
    JSON and every document format, laid out as a 绩效自评表 prints (the manifest's file and
    position are theirs); flat CSV/XLSX exports write them to ``selfeval-NNNNN`` files of their
    own, and so does the text layout. ``tick_inputs``: the web formats (HTML and Chromium's PDF)
    may draw a tick as a checkbox input, as some web pages do (else always as a glyph). A document format whose producer is not installed
    (see ``document_corpus.unavailable``) is a ValueError before anything is written."""
    out = Path(out_dir)
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        if unavailable(fmt):
            raise ValueError(f"cannot write {fmt}: {unavailable(fmt)}")
    if count < 0 or per_file < 1:
        raise ValueError("count must be >= 0 and per_file >= 1")
    out.mkdir(parents=True, exist_ok=True)
    sinks = [_Sink(fmt, out / fmt, per_file, seed, drift, tick_inputs) for fmt in formats]
    defects: dict[str, int] = {}
    defective = 0
    evaluated = 0
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for form in generate_forms(count, seed=seed, defect_rate=defect_rate,
                                   self_evaluation_share=self_evaluation_share):
            for sink in sinks:
                sink.add(form)
            manifest.write(json.dumps({
                "index": form.index, "file": form.index // per_file + 1, "position": form.index % per_file,
                **({"kind": "self_evaluation"} if form.evaluation is not None else {}),
                "name": form.name, "budget_unit": form.budget_unit, "defects": form.defects,
            }, ensure_ascii=False) + "\n")
            defective += bool(form.defects)
            evaluated += form.evaluation is not None
            for d in form.defects:
                defects[d] = defects.get(d, 0) + 1
    for sink in sinks:
        sink.flush()
        if sink.document is not None:
            sink.document.close()
    summary = {
        "forms": count,
        "defective_forms": defective,
        "defects": dict(sorted(defects.items())),
        "files": {s.fmt: [str(p) for p in s.files] for s in sinks},
    }
    if self_evaluation_share:
        summary["self_evaluations"] = evaluated
    return summary
