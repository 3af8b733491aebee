"""Write a synthetic corpus of 绩效目标表 for benchmarks and load tests.

    python bench/generate.py --forms 10000 --per-file 200 --format text,yaml,xlsx --out /tmp/corpus
    python bench/generate.py --forms 200 --per-file 20 --format pdf-writer,pdf-chromium,docx --out /tmp/docs

Deterministic for a given --seed (a PDF's bytes also carry its producer's timestamp). Each format
goes to OUT/<format>/; OUT/manifest.jsonl lists every form with the defects injected into it (--defect-rate is the share of forms that get some).
--self-evaluation-share makes a share of the forms year-end 绩效自评表 (YAML/JSON and the document
formats beside the target forms, CSV/XLSX and the text layout in selfeval-* files of their own).
Document formats: docx, html, html-gb2312 (GB2312 declared, GB18030 bytes), xlsx-layout (the
申报表's own layout), xls (LibreOffice converts it), pdf-writer / pdf-calc (printed by LibreOffice
Writer / Calc), pdf-chromium (printed by Chromium).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpusgen import FORMATS, write_corpus


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(f.strip() for f in text.split(",") if f.strip())
    if "all" in chosen:
        return FORMATS
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(f"formats are {', '.join(FORMATS)} or all; got {text!r}")
    return chosen


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("the defect rate is a share between 0 and 1")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", "-n", type=_positive, default=1000, help="number of forms (1000)")
    parser.add_argument("--per-file", type=_positive, default=100, help="forms per file (100)")
    parser.add_argument("--format", type=_formats, default=("text",),
                        help=f"comma-separated: {', '.join(FORMATS)} or all (text)")
    parser.add_argument("--out", "-o", required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--defect-rate", type=_rate, default=0.3,
                        help="share of forms with injected defects (0.3)")
    parser.add_argument("--drift", type=_rate, default=0.12,
                        help="share of text-layout rows whose cells drift a column (0.12)")
    parser.add_argument("--self-evaluation-share", type=_rate, default=0.0,
                        help="share of forms that are year-end self-evaluations, 绩效自评表 (0)")
    args = parser.parse_args(argv)
    try:
        summary = write_corpus(args.out, args.forms, formats=args.format, per_file=args.per_file,
                               seed=args.seed, defect_rate=args.defect_rate, drift=args.drift,
                               self_evaluation_share=args.self_evaluation_share)
    except OSError as exc:
        print(f"generate: cannot write {args.out}: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a document format whose producer is not installed
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    summary["files"] = {fmt: len(paths) for fmt, paths in summary["files"].items()}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
