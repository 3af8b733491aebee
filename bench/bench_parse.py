"""Benchmark of the value grammar (not a test): values/s for distinct and repeated inputs on one
core, and the cold start of ``jixiao parse "≥99%"`` against ``python -c pass``.

    python bench/bench_parse.py            # 50k distinct values, 10 cold starts
    python bench/bench_parse.py --quick    # a few seconds; used by the smoke test
    python bench/bench_parse.py --profile  # pyinstrument profile of the distinct run
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPS = ["", "≥", "≤", ">=", "<=", "不低于", "不超过", "<", ">", "="]
UNITS = ["%", "万元", "元", "次", "人", "个", "天", "小时", "亩", "次/天", "人次", "期", "份（本）/年（次）",
         "百分比", "个工作日", "平方米", "元/人"]
SHAPES = [
    lambda r, i: f"{r.choice(OPS)}{i}{r.choice(UNITS)}",
    lambda r, i: f"{r.choice(OPS)}{i}.{r.randint(0, 99)}{r.choice(UNITS)}",
    lambda r, i: f"{i % 90}%-{i % 90 + 5}%",
    lambda r, i: f"{2000 + i % 99}年{i % 12 + 1}月底前",
    lambda r, i: f"协调处置突发事件{i}次，开展应急演练",
    lambda r, i: f"{i}{r.choice(UNITS)}以上",
]
WEIGHTS = [60, 15, 5, 5, 5, 10]


def generate(n: int, seed: int = 2) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        shape = rng.choices(SHAPES, WEIGHTS)[0]
        out.append(shape(rng, i))
    return out


def throughput(values: list[str], fn) -> float:
    start = time.perf_counter()
    for v in values:
        fn(v)
    return len(values) / (time.perf_counter() - start)


def cold_start(runs: int) -> tuple[float, float]:
    # Byte-code caches as an installed package has them (this sandbox sets PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def median(cmd: list[str]) -> float:
        subprocess.run(cmd, check=False, capture_output=True, env=env, cwd=ROOT)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=False, capture_output=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    # A bare venv, as bench/run.py uses: the dev venv's editable-install hook would slow
    # ``python -c pass`` and flatter the ratio.
    from bench.run import clean_python

    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as workdir:
        python, _how = clean_python(Path(workdir))
        base = median([*python, "-c", "pass"])
        parse = median([*python, "-m", "checker", "parse", "≥99%"])
    return base, parse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for the smoke test")
    ap.add_argument("--profile", action="store_true", help="profile the distinct run with pyinstrument")
    args = ap.parse_args(argv)
    n, runs = (2000, 3) if args.quick else (50000, 10)

    from grammar import parse_value
    from grammar.api import _parse_cached, parse_uncached

    parse_value("≥99%")  # build the parser once, as a long-running process would
    parse_value("2022年12月底前")
    distinct = generate(n)
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    rate_distinct = throughput(distinct, parse_uncached)
    if args.profile:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
    from grammar.fastpath import read_value
    from grammar.normalize import normalize

    # Only a None reaches Lark: NOT_A_VALUE (text Lark could not lex either) is answered without it.
    lark_share = sum(1 for v in distinct if read_value(normalize(v)) is None) / len(distinct)
    _parse_cached.cache_clear()
    repeated = [distinct[i % 100] for i in range(n)]
    rate_repeated = throughput(repeated, parse_value)
    base, parse = cold_start(runs)
    print(f"distinct values/s : {rate_distinct:,.0f}  ({n} values, {lark_share:.0%} through Lark)")
    print(f"repeated values/s : {rate_repeated:,.0f}  (100 distinct, cached)")
    print(f"cold start        : python -c pass {base * 1000:.1f} ms, jixiao parse '≥99%' {parse * 1000:.1f} ms"
          f" = {parse / base:.2f}x (median of {runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
