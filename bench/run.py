"""Benchmarks of jixiao on this machine: prints a table and optionally writes JSON.

    python bench/run.py                 # full run (a few minutes; 100k-form memory point)
    python bench/run.py --quick         # seconds: tiny corpora, for the smoke test
    python bench/run.py --json out.json --sizes 1000,10000

What it measures (issue #6): distinct values parsed per second; forms checked per second end to
end (load + all rules + JSON report) for the text layout, YAML and XLSX, in one process; peak
memory of ``jixiao check --format json`` against the number of forms; cold start of ``jixiao
check`` on one form against ``python -c pass``; and ``--jobs 1`` against ``--jobs 2`` on many
files; and forms checked per second on corpora of year-end self-evaluations (绩效自评表) in YAML
and flat CSV; and, for the document formats (issue #12), forms checked per second per format and
PDF pages per CPU second per producer on a user install, and the time to answer a budget-disclosure
PDF without forms (``bench/run_documents.py``; not in --quick unless named in --only: it installs
jixiao into a venv of its own and prints PDFs through LibreOffice and Chromium), and the same
figures on documents of self-evaluations only (selfeval_documents). Every measurement runs in a
fresh process. Benchmarks are not tests: nothing here fails when a target is missed; the table
says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.corpusgen import write_corpus
from bench.run_documents import bench_disclosure, bench_documents, table_rows

SEED_FORM = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"

TARGETS = {
    "parse_per_second": 40000,
    "text_forms_per_second": 3000,
    "cold_start_ratio": 6.0,
    "peak_rss_mb_100k": 200,
}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform()}


def jixiao_command() -> list[str]:
    script = Path(sys.executable).parent / "jixiao"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("PYTHONHASHSEED", "0")
    # An installed jixiao has its bytecode compiled; a shell that sets PYTHONDONTWRITEBYTECODE
    # would make every cold start recompile the sources. Measure what users run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_measure(*args: str) -> dict:
    """``bench.measure`` in a fresh interpreter; its JSON result."""
    proc = subprocess.run([sys.executable, "-m", "bench.measure", *args], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measure {' '.join(args)} failed: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed_process(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) and exit code of one child process (its own rusage)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=_env())
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def corpus(workdir: Path, name: str, forms: int, fmt: str, per_file: int, seed: int = 7,
           self_evaluation_share: float = 0.0) -> Path:
    """A generated corpus, reused when one with the same parameters is already there."""
    share = f"-se{self_evaluation_share}" if self_evaluation_share else ""
    root = workdir / f"{name}-{fmt}-{forms}-{per_file}-{seed}{share}"
    stamp = root / ".complete"
    if not stamp.exists():
        if root.exists():
            shutil.rmtree(root)
        write_corpus(root, forms, formats=(fmt,), per_file=per_file, seed=seed,
                     self_evaluation_share=self_evaluation_share)
        stamp.write_text("ok\n", encoding="utf-8")
    return root / fmt


# --- the measurements --------------------------------------------------------------------------

def bench_parse(values: int) -> dict:
    return run_measure("parse", "--values", str(values), "--mixed")


def bench_throughput(workdir: Path, forms: int, formats: tuple[str, ...]) -> dict:
    out = {}
    for fmt in formats:
        path = corpus(workdir, "throughput", forms, fmt, per_file=100)
        try:
            out[fmt] = run_measure("check", str(path), "--format", "json")
        except RuntimeError as exc:  # one format failing must not hide the others' figures
            out[fmt] = {"error": str(exc)}
    return out


def bench_selfeval(workdir: Path, forms: int, formats: tuple[str, ...]) -> dict:
    """Throughput on corpora of year-end self-evaluations only (绩效自评表, every rule family)."""
    out = {}
    for fmt in formats:
        path = corpus(workdir, "selfeval", forms, fmt, per_file=100, self_evaluation_share=1.0)
        try:
            out[fmt] = run_measure("check", str(path), "--format", "json")
        except RuntimeError as exc:
            out[fmt] = {"error": str(exc)}
    return out


def bench_memory(workdir: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        path = corpus(workdir, "memory", n, "text", per_file=500)
        seconds, rss, code = timed_process([*jixiao_command(), "check", "--format", "json", "-q", str(path)])
        rows.append({"forms": n, "seconds": seconds, "forms_per_second": n / seconds,
                     "peak_rss_mb": rss, "exit_code": code})
    return rows


def _median_wall(cmd: list[str], runs: int) -> tuple[float, int]:
    walls, code = [], 0
    for _ in range(runs):
        seconds, _, code = timed_process(cmd)
        walls.append(seconds)
    return statistics.median(walls), code


def clean_python(workdir: Path) -> tuple[list[str], str]:
    """An interpreter for the cold-start figures whose own start-up is a plain install's.

    A development venv holds jixiao as an *editable* install, whose import hook is set up by a
    .pth file on every start of that venv's Python: ``python -c pass`` there pays ~25 ms (about
    50 M instructions) that a user's ``pip install .`` does not, which flatters every ratio
    against it. So the start-up figures use a bare venv (no pip, no .pth hooks) that sees the
    source tree and the current venv's packages as plain path entries, like site-packages of a
    regular install. Falls back to this interpreter when the venv cannot be made.
    """
    import site
    import sysconfig

    venv = workdir / "cold-start-venv"
    python = venv / "bin" / "python"
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                           capture_output=True)
        purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                 check=True, capture_output=True, text=True).stdout.strip()
        paths = [str(ROOT), *site.getsitepackages(), sysconfig.get_path("purelib")]
        unique = list(dict.fromkeys(p for p in paths if p))
        Path(purelib, "jixiao-bench-paths.pth").write_text("\n".join(unique) + "\n", encoding="utf-8")
    except (OSError, subprocess.CalledProcessError):
        return [sys.executable], "this interpreter (editable install: ratios flattered)"
    return [str(python)], "bare venv, source tree and packages as plain paths"


def bench_cold_start(workdir: Path, runs: int) -> dict:
    one = corpus(workdir, "one", 1, "text", per_file=1)
    file = next(one.glob("*.txt"))
    python, how = clean_python(workdir)
    jixiao = [*python, "-m", "checker"]  # what the console script runs: checker.cli.console
    _median_wall([*jixiao, "check", "--format", "json", str(file)], 1)  # warm disk and bytecode
    base, _ = _median_wall([*python, "-c", "pass"], runs)
    check, code = _median_wall([*jixiao, "check", "--format", "json", str(file)], runs)
    parse, _ = _median_wall([*jixiao, "parse", "≥99%"], runs)
    attrs_only, _ = _median_wall([*python, "-c", "import attrs"], runs)
    result = {"runs": runs, "python": how, "python_pass_seconds": base,
              "check_one_form_seconds": check, "check_exit_code": code, "ratio": check / base,
              "parse_seconds": parse, "parse_ratio": parse / base,
              "import_attrs_seconds": attrs_only, "import_attrs_ratio": attrs_only / base}
    if SEED_FORM.exists():  # a real form: its values include shapes the generator writes rarely
        seed, seed_code = _median_wall([*jixiao, "check", "--format", "json", str(SEED_FORM)], runs)
        result.update(seed_form_seconds=seed, seed_exit_code=seed_code, seed_ratio=seed / base)
    return result


def bench_jobs(workdir: Path, forms: int, per_file: int, jobs: list[int]) -> dict:
    path = corpus(workdir, "jobs", forms, "text", per_file=per_file)
    out = {"forms": forms, "files": -(-forms // per_file), "runs": []}
    for j in jobs:
        seconds, _rss, code = timed_process(
            [*jixiao_command(), "check", "--format", "json", "-q", "--jobs", str(j), str(path)])
        out["runs"].append({"jobs": j, "seconds": seconds, "forms_per_second": forms / seconds,
                            "exit_code": code})
    base = out["runs"][0]["seconds"]
    for r in out["runs"]:
        r["speedup"] = base / r["seconds"]
    return out


# --- the table ---------------------------------------------------------------------------------

def _status(value: float | None, target: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value >= target if higher_is_better else value < target
    return "meets" if ok else "MISSES"


def table(results: dict) -> str:
    rows: list[tuple[str, str, str, str]] = []
    if "parse" in results:
        p = results["parse"]
        rows.append(("distinct values parsed/s", f"{p['per_second']:,.0f}",
                     f"≥ {TARGETS['parse_per_second']:,}", _status(p["per_second"], TARGETS["parse_per_second"])))
        if "mixed" in p:
            rows.append(((f"corpus values parsed/s ({p['mixed']['distinct']:,} distinct of "
                         f"{p['mixed']['values']:,})"), f"{p['mixed']['per_second']:,.0f}", "", ""))
        if "bench_parse_shapes" in p:
            shapes = p["bench_parse_shapes"]["per_second"]
            rows.append(("  values/s on bench_parse.py shapes", f"{shapes:,.0f}", "", ""))
        rows.append(("parser set-up (first value), s", f"{p['setup_seconds']:.3f}", "", ""))
    for fmt, r in results.get("selfeval", {}).items():
        shown = "error" if "error" in r else (f"{r['forms_per_second']:,.0f}" if r["forms_per_second"] else "n/a")
        rows.append((f"self-evaluations checked/s, {fmt}", shown, "", "see JSON" if "error" in r else ""))
        if r.get("forms_per_cpu_second"):
            rows.append(("  same, per CPU second", f"{r['forms_per_cpu_second']:,.0f}", "", ""))
    for fmt, r in results.get("throughput", {}).items():
        if "error" in r:
            rows.append((f"forms checked/s, {fmt}", "error", "", "see JSON"))
            continue
        target = TARGETS["text_forms_per_second"] if fmt == "text" else None
        rows.append((f"forms checked/s, {fmt} (load+rules+JSON, 1 process)",
                     f"{r['forms_per_second']:,.0f}" if r["forms_per_second"] else "n/a",
                     f"≥ {target:,}" if target else "",
                     _status(r["forms_per_second"], target) if target else ""))
        if r.get("forms_per_cpu_second"):
            per_cpu = r["forms_per_cpu_second"]
            rows.append(("  same, per CPU second (robust on a shared machine)", f"{per_cpu:,.0f}", "", ""))
    for m in results.get("memory", []):
        big = m["forms"] >= 100000
        rows.append((f"peak RSS, jixiao check --format json, {m['forms']:,} forms (MiB)",
                     f"{m['peak_rss_mb']:.0f}", f"< {TARGETS['peak_rss_mb_100k']}" if big else "",
                     _status(m["peak_rss_mb"], TARGETS["peak_rss_mb_100k"], False) if big else ""))
        rows.append((f"  wall time, {m['forms']:,} forms (s) / forms/s",
                     f"{m['seconds']:.1f} / {m['forms_per_second']:,.0f}", "",
                     "exit 2!" if m["exit_code"] == 2 else ""))
    if "cold_start" in results:
        c = results["cold_start"]
        rows.append((f"python -c pass (median of {c['runs']}; {c['python']}), s",
                     f"{c['python_pass_seconds']:.3f}", "", ""))
        rows.append(("python -c 'import attrs' (the model's base, a floor), ratio",
                     f"{c['import_attrs_ratio']:.1f}×", "", ""))
        rows.append(("jixiao check <one form> --format json, s", f"{c['check_one_form_seconds']:.3f}", "", ""))
        rows.append(("  cold start ratio", f"{c['ratio']:.1f}×", f"< {TARGETS['cold_start_ratio']:.0f}×",
                     _status(c["ratio"], TARGETS["cold_start_ratio"], False)))
        if "seed_ratio" in c:
            rows.append(("jixiao check <the seed form> --format json, s", f"{c['seed_form_seconds']:.3f}", "", ""))
            rows.append(("  cold start ratio, seed form", f"{c['seed_ratio']:.1f}×",
                         f"< {TARGETS['cold_start_ratio']:.0f}×",
                         _status(c["seed_ratio"], TARGETS["cold_start_ratio"], False)))
        rows.append(("jixiao parse \"≥99%\" ratio", f"{c['parse_ratio']:.1f}×", f"< {TARGETS['cold_start_ratio']:.0f}×",
                     _status(c["parse_ratio"], TARGETS["cold_start_ratio"], False)))
    rows += table_rows(results)
    if "jobs" in results:
        j = results["jobs"]
        for r in j["runs"]:
            rows.append((f"--jobs {r['jobs']}, {j['forms']:,} forms in {j['files']} files: forms/s (speed-up)",
                         f"{r['forms_per_second']:,.0f} ({r['speedup']:.2f}×)", "", ""))
    widths = [max(len(r[i]) for r in rows + [("measure", "value", "target", "status")]) for i in range(4)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(("measure", "value", "target", "status"), widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def _int_list(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="jixiao benchmarks (see module docstring)")
    parser.add_argument("--quick", action="store_true", help="tiny corpora: checks the script runs")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--workdir", help="where generated corpora are kept (default: a temp dir)")
    parser.add_argument("--sizes", type=_int_list, help="forms per memory point (1000,10000,100000)")
    parser.add_argument("--forms", type=int, help="forms per throughput corpus (3000)")
    parser.add_argument("--values", type=int, help="distinct values for the parser (20000)")
    parser.add_argument("--runs", type=int, help="runs per cold-start median (11)")
    parser.add_argument("--only", help="comma-separated subset: parse,throughput,selfeval,memory,cold_start,jobs,"
                                       "documents,selfeval_documents,disclosure")
    parser.add_argument("--doc-forms", type=int, help="forms per document-format corpus (200)")
    parser.add_argument("--install-from", type=Path, default=ROOT,
                        help="the source tree documents/disclosure install and time (this one; another "
                             "checkout compares two versions on the same files)")
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = args.sizes or ([20, 60] if quick else [1000, 10000, 100000])
    forms = args.forms or (30 if quick else 3000)
    values = args.values or (300 if quick else 20000)
    runs = args.runs or (2 if quick else 11)
    doc_forms = args.doc_forms or (4 if quick else 200)
    only = set(args.only.split(",")) if args.only else {"parse", "throughput", "selfeval", "memory", "cold_start",
                                                        "jobs"} | (set() if quick else {"documents", "selfeval_documents",
                                                                                        "disclosure"})
    tmp = None
    if args.workdir:
        workdir = Path(args.workdir).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="jixiao-bench-")
        workdir = Path(tmp.name)
    results: dict = {"machine": machine(), "quick": quick}
    errors: dict[str, str] = {}
    try:
        steps = (
            ("parse", lambda: bench_parse(values)),
            ("throughput", lambda: bench_throughput(workdir, forms, ("text", "yaml", "xlsx"))),
            ("selfeval", lambda: bench_selfeval(workdir, forms, ("yaml", "csv", "text"))),
            ("memory", lambda: bench_memory(workdir, sizes)),
            ("cold_start", lambda: bench_cold_start(workdir, runs)),
            ("jobs", lambda: bench_jobs(workdir, 40 if quick else 4000, 10 if quick else 100, [1, 2])),
            ("documents", lambda: bench_documents(workdir, doc_forms, 2 if quick else 20, 1 if quick else 3,
                                                  source=args.install_from.resolve())),
            ("selfeval_documents", lambda: bench_documents(workdir, doc_forms, 2 if quick else 20, 1 if quick else 3,
                                                           source=args.install_from.resolve(),
                                                           self_evaluation_share=1.0)),
            ("disclosure", lambda: bench_disclosure(workdir, 1 if quick else 5, source=args.install_from.resolve())),
        )
        for name, step in steps:
            if name in only:
                print(f"bench: {name} …", file=sys.stderr, flush=True)
                try:
                    results[name] = step()
                except RuntimeError as exc:
                    errors[name] = str(exc)
    finally:
        if tmp is not None:
            tmp.cleanup()
    m = results["machine"]
    print(f"machine: {m['nproc']} × {m['cpu']}, Python {m['python']}")
    print(table(results))
    failed = {**errors, **{f"{step}.{k}": v["error"] for step in ("throughput", "selfeval")
                           for k, v in results.get(step, {}).items() if "error" in v}}
    for name, message in failed.items():
        print(f"bench: {name} failed: {message}", file=sys.stderr)
    if failed:
        results["errors"] = failed
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
