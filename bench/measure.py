"""One measurement, run in a fresh interpreter by ``bench/run.py``; prints one JSON object.

    python -m bench.measure parse --values 20000 --seed 1
    python -m bench.measure check DIR

Each measurement runs in its own process so that caches, imports and peak memory of one do not
leak into the next. Peak memory is this process's ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def measure_parse(count: int, seed: int, repeat_mix: bool) -> dict:
    """Distinct values parsed per second: every string is new to the process, so the parser's
    per-process cache cannot help; ``repeat_mix`` also times a corpus-like stream with repeats."""
    from bench.corpusgen import distinct_values, generate_forms

    values = distinct_values(count, seed=seed)
    t0 = time.perf_counter()
    from grammar import parse_value

    parse_value("≥99%")  # builds (or loads) the parser: a one-off cost, timed separately
    setup = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    t0 = time.perf_counter()
    for v in values:
        value = parse_value(v)
        kind = getattr(value, "kind", None)
        kinds[str(kind)] = kinds.get(str(kind), 0) + 1
    seconds = time.perf_counter() - t0
    result = {"values": len(values), "seconds": seconds, "per_second": len(values) / seconds,
              "setup_seconds": setup, "kinds": kinds}
    try:  # grammar's own benchmark shapes (bench/bench_parse.py), for comparison with its figures
        from bench.bench_parse import generate

        shapes = generate(count, seed=seed + 7)
        t0 = time.perf_counter()
        for v in shapes:
            parse_value(v)
        result["bench_parse_shapes"] = {"values": len(set(shapes)),
                                        "per_second": len(shapes) / (time.perf_counter() - t0)}
    except ImportError:
        pass
    if repeat_mix:
        stream = [i.value.text for f in generate_forms(max(1, count // 9), seed=seed + 1)
                  for i in f.indicators if i.value is not None]
        t0 = time.perf_counter()
        for v in stream:
            parse_value(v)
        mixed = time.perf_counter() - t0
        result["mixed"] = {"values": len(stream), "distinct": len(set(stream)), "seconds": mixed,
                           "per_second": len(stream) / mixed if mixed else None}
    return result


def measure_check(paths: list[str], fmt: str) -> dict:
    """Load + every rule + report rendering, in this process, from the first import of the
    checker on: what a caller embedding jixiao pays for a batch."""
    t0 = time.perf_counter()
    c0 = time.process_time()
    from checker.api import Config, check_paths
    from checker.reporters import RenderOptions, render

    imported = time.perf_counter()
    report = check_paths(paths, Config())
    checked = time.perf_counter()
    text = render(report, fmt, RenderOptions(lang="zh", color=False, quiet=True))
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sink.write(text)
    done = time.perf_counter()
    cpu = time.process_time() - c0
    forms = report.forms
    return {
        "forms": forms,
        "diagnostics": len(report.diagnostics),
        "failures": len(getattr(report, "failures", ())),
        "rule_errors": len(getattr(report, "errors", ())),
        "output_bytes": len(text.encode("utf-8")),
        "seconds": done - t0,
        "import_seconds": imported - t0,
        "check_seconds": checked - imported,
        "render_seconds": done - checked,
        "forms_per_second": forms / (done - t0) if forms else None,
        "cpu_seconds": cpu,
        "forms_per_cpu_second": forms / cpu if forms and cpu else None,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one benchmark measurement (JSON on stdout)")
    sub = parser.add_subparsers(dest="kind", required=True)
    p = sub.add_parser("parse")
    p.add_argument("--values", type=int, default=20000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mixed", action="store_true")
    c = sub.add_parser("check")
    c.add_argument("paths", nargs="+")
    c.add_argument("--format", default="json")
    args = parser.parse_args(argv)
    if args.kind == "parse":
        result = measure_parse(args.values, args.seed, args.mixed)
    else:
        result = measure_check(args.paths, args.format)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
