"""How many generated forms a format reads back exactly, field by field.

    python bench/read_back.py --forms 200 --per-file 20 --format pdf-calc,docx --self-evaluation-share 1 --out /tmp/rb

The benchmarks count the forms a document yields; this says whether they were read right. Each
generated form is written in the format, loaded again, and compared with the mapping its layout
printed (``document_corpus.document_mapping``), read by the canonical loader: every field but the
places (lines, cells), which differ between formats by nature. In a PDF a space typed between two
words of Chinese cannot be told from one the reader infers, so spaces are left out of the texts
compared there (``--spaces`` compares them: Calc carries every space, Writer and Chromium none
after an ideograph; see the PDF notes in docs/canonical-format.md). The web formats print a tick
as a checkbox input on a random half of the cells that hold one (``--ticks glyphs``: never).
Prints, per format, the forms read, those read exactly and the fields that differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpusgen import generate_forms, write_corpus
from bench.corpusgen.document_corpus import DOCUMENT_FORMATS, document_mapping

_PLACES = ("path", "line", "column", "sheet", "cell", "level1_text", "level2_text")
# What the layouts print differently from the mapping they were given, by design: the amount
# unit is declared (单位：万元, 项目资金（万元）) and money is kept in 元 either way.
_UNIT_KEYS = ("amount_unit", "declared_amount_unit")


def comparable(mapping: dict, spaces: bool = True) -> dict:
    """A canonical mapping without its places (recursively) and unit keys; without spaces in its
    texts when ``spaces`` is false."""
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()
                    if k not in _PLACES and k not in _UNIT_KEYS and not k.endswith("location")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, str) and not spaces:
            return value.replace(" ", "")
        return value
    return clean(mapping)


def read_back(out: Path, forms: int, fmt: str, per_file: int = 20, seed: int = 7,
              self_evaluation_share: float = 0.0, pdf_spaces: bool = False, tick_inputs: bool = True) -> dict:
    """Write ``forms`` generated forms in ``fmt`` under ``out`` and compare what loads back
    (``tick_inputs``: see ``write_corpus``)."""
    from checker.loaders import load_path
    from policy.forms.canonical import form_from_mapping, form_to_mapping

    summary = write_corpus(out, forms, formats=(fmt,), per_file=per_file, seed=seed,
                           self_evaluation_share=self_evaluation_share, tick_inputs=tick_inputs)
    spaces = pdf_spaces or not fmt.startswith("pdf")
    printed = [comparable(form_to_mapping(form_from_mapping(document_mapping(f), index=f.index)), spaces)
               for f in generate_forms(forms, seed=seed, self_evaluation_share=self_evaluation_share)]
    read = [comparable(form_to_mapping(f), spaces)
            for path in summary["files"][fmt] for f in load_path(path).forms]
    fields: Counter[str] = Counter()
    exact = 0
    if len(read) == len(printed):
        for got, want in zip(read, printed):
            exact += got == want
            fields.update(k for k in want.keys() | got.keys() if got.get(k) != want.get(k))
    return {"forms": forms, "read": len(read), "exact": exact if len(read) == len(printed) else None,
            "fields": dict(sorted(fields.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", "-n", type=int, default=200)
    parser.add_argument("--per-file", type=int, default=20)
    parser.add_argument("--format", default="docx", help=f"comma-separated: {', '.join(DOCUMENT_FORMATS)}")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--self-evaluation-share", type=float, default=0.0)
    parser.add_argument("--out", "-o", required=True, help="where the corpora are written")
    parser.add_argument("--spaces", action="store_true", help="compare the spaces in PDF texts too")
    parser.add_argument("--ticks", choices=("inputs", "glyphs"), default="inputs",
                        help="web formats: a tick may be a checkbox input (default), or always a glyph")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    if not formats or any(f not in DOCUMENT_FORMATS for f in formats):
        parser.error(f"formats are {', '.join(DOCUMENT_FORMATS)}")
    results = {fmt: read_back(Path(args.out) / fmt, args.forms, fmt, args.per_file, args.seed,
                              args.self_evaluation_share, args.spaces, args.ticks == "inputs")
               for fmt in formats}
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
