"""Load test of ``jixiao serve``: many clients, mixed formats, a few hostile requests.

    python bench/serve_load.py                      # 1,000 requests from 16 clients
    python bench/serve_load.py --requests 200 --clients 4 --json out.json

Starts ``jixiao serve`` on a free local port (its own process, default settings), sends the
requests, and checks every answer: a form's report must be byte for byte what
``jixiao check --format json NAME`` prints for that file, a hostile request must get its error
status and message id. Reports client latency (p50/p95/max), the server's own time per request
(from its log), throughput and the server's resident memory (after warm-up, at each quarter of the run, at the end).
Exit 1 if any answer was wrong.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpusgen import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"
MAX_BODY = 20 * 1024 * 1024


class Case:
    """One kind of request and what its answer must be."""

    def __init__(self, label: str, name: str, body: bytes, query: str = "", content_type: str = "application/octet-stream",
                 status: int = 200, expected: bytes | None = None, error_id: str | None = None) -> None:
        self.label, self.name, self.body, self.query = label, name, body, query
        self.content_type, self.status, self.expected, self.error_id = content_type, status, expected, error_id

    def path(self) -> str:
        from urllib.parse import quote

        query = f"name={quote(self.name)}" + (f"&{self.query}" if self.query else "")
        return "/api/check?" + query

    def verdict(self, status: int, body: bytes) -> str | None:
        if status != self.status:
            return f"{self.label}: status {status}, expected {self.status}"
        if self.expected is not None and body != self.expected:
            return f"{self.label}: the report differs from the CLI's"
        if self.error_id is not None:
            try:
                got = json.loads(body)["error"]["id"]
            except (ValueError, KeyError, TypeError):
                return f"{self.label}: not a JSON error"
            if got != self.error_id:
                return f"{self.label}: error {got}, expected {self.error_id}"
        return None


def cli_report(folder: Path, name: str) -> bytes:
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--quiet", name],
                         cwd=folder, capture_output=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"the CLI could not check {name}: {out.stderr.decode()}")
    return out.stdout


def build_cases(folder: Path) -> tuple[list[Case], list[Case]]:
    """(ordinary cases, hostile cases), with the CLI's answer for each ordinary one."""
    write_corpus(folder / "gen", 6, formats=("text", "yaml", "json", "csv", "xlsx"), per_file=1, seed=7)
    files = sorted(p for p in (folder / "gen").rglob("*") if p.is_file() and p.suffix != ".jsonl")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    files.append(folder / SEED.name)
    ordinary = []
    for file in files:
        name = file.relative_to(folder).as_posix()
        kind = "application/json" if file.suffix == ".json" else "application/octet-stream"
        ordinary.append(Case(f"{file.suffix[1:]} {name}", name, file.read_bytes(), content_type=kind,
                             expected=cli_report(folder, name)))
    xss = {"forms": [{"name": "<img src=x onerror=alert(1)>", "budget_unit": "办", "funding": {"total": "10"},
                      "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "<script>", "value": "≥**%"}]}]}
    (folder / "xss.json").write_text(json.dumps(xss), "utf-8")
    ordinary.append(Case("hostile-text json", "xss.json", (folder / "xss.json").read_bytes(),
                         content_type="application/json", expected=cli_report(folder, "xss.json")))
    hostile = [
        Case("oversized", "big.txt", b"x" * (MAX_BODY + 1), status=413, error_id="serve.too-large"),
        Case("binary", "scan.pdf", bytes(range(256)) * 64, status=415, error_id="E002"),
        Case("broken zip", "book.xlsx", b"PK\x03\x04" + os.urandom(4000), status=415, error_id="E007"),
        Case("no form", "notes.txt", "会议纪要\n没有表格\n".encode() * 200, status=422, error_id="E012"),
        Case("bad option", "seed.txt", SEED.read_bytes(), query="lang=xx", status=400, error_id="serve.bad-option"),
        Case("unknown rule", "seed.txt", SEED.read_bytes(), query="select=Q999", status=400,
             error_id="core.config.unknown-selector"),
    ]
    return ordinary, hostile


def start_server(folder: Path) -> tuple[subprocess.Popen, str, int, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0", "--lang", "en"],
                            cwd=folder, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    while True:
        line = proc.stderr.readline()
        if not line:
            raise SystemExit("jixiao serve did not start")
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            break
    threading.Thread(target=lambda: log.extend(iter(proc.stderr.readline, "")), daemon=True).start()
    return proc, "127.0.0.1", int(found.group(1)), log


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def send(host: str, port: int, case: Case) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request("POST", case.path(), body=case.body,
                           headers={"Content-Type": case.content_type, "Content-Length": str(len(case.body))})
        answer = connection.getresponse()
        body = answer.read()
        return answer.status, body, time.perf_counter() - started
    except (ConnectionError, OSError):
        # A refused body may be cut short once its 413 is written; read what was answered.
        return 0, b"", time.perf_counter() - started
    finally:
        connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--hostile-share", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="jixiao-load-") as tmp:
        folder = Path(tmp)
        ordinary, hostile = build_cases(folder)
        rng = random.Random(args.seed)
        plan = [rng.choice(hostile) if rng.random() < args.hostile_share else rng.choice(ordinary)
                for _ in range(args.requests)]
        proc, host, port, log = start_server(folder)
        try:
            # One request at a time first (this also warms the server up): one form per format,
            # then the seed (8 forms); the server's own time comes from its log, line by line.
            singles = [c for c in ordinary if c.name.startswith("gen/")]
            singles = [next(c for c in singles if c.name.startswith(f"gen/{kind}/"))
                       for kind in ("text", "yaml", "json", "csv", "xlsx")]
            singles.append(next(c for c in ordinary if c.name == SEED.name))
            serial_plan = [case for case in singles for _ in range(12)]
            for case in serial_plan:
                send(host, port, case)
            rss = {"warm": rss_kib(proc.pid)}
            time.sleep(0.2)  # the log lines of the serial phase are in
            serial_lines = len(log)
            results: list[tuple[Case, int, bytes, float]] = []
            lock = threading.Lock()

            def one(index: int) -> None:
                case = plan[index]
                status, body, elapsed = send(host, port, case)
                with lock:
                    results.append((case, status, body, elapsed))
                    done = len(results)
                    for quarter in (1, 2, 3):
                        if done == len(plan) * quarter // 4:
                            rss[f"{quarter}/4"] = rss_kib(proc.pid)

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                list(pool.map(one, range(len(plan))))
            wall = time.perf_counter() - started
            rss["end"] = rss_kib(proc.pid)
        finally:
            proc.send_signal(2)
            proc.wait(timeout=20)

    wrong = [v for v in (case.verdict(status, body) for case, status, body, _ in results) if v]
    latencies = [elapsed * 1000 for *_, elapsed in results]
    timed = [float(m.group(1)) if m else None
             for m in (re.search(r" POST /api/check \d+ \d+ ([\d.]+)ms", line) for line in log)]
    serial_server: dict[str, list[float]] = {}
    for case, t in zip(serial_plan, timed[:serial_lines]):
        if t is not None:
            serial_server.setdefault(case.name.split("/")[1] if "/" in case.name else "seed (8 forms)", []).append(t)
    server_ms = [t for t in timed[serial_lines:] if t is not None]
    figures = {
        "machine": {"cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2)},
        "requests": len(results),
        "clients": args.clients,
        "hostile": sum(1 for case, *_ in results if case.status != 200),
        "wrong": len(wrong),
        "wall_s": round(wall, 2),
        "requests_per_s": round(len(results) / wall, 1),
        "latency_ms": {"p50": round(percentile(latencies, 0.5), 1), "p95": round(percentile(latencies, 0.95), 1),
                       "max": round(max(latencies), 1)},
        "server_ms": {"p50": round(percentile(server_ms, 0.5), 1), "p95": round(percentile(server_ms, 0.95), 1)},
        # one request at a time, server time per format (the first two of each left out: warm-up)
        "serial_server_ms": {kind: {"median": round(statistics.median(v[2:]), 1), "max": round(max(v[2:]), 1)}
                             for kind, v in serial_server.items()},
        "rss_mib": {k: round(v / 1024, 1) for k, v in rss.items()},
        "by_kind": {},
    }
    for case, status, body, elapsed in results:
        kind = case.label.split(" ")[0]
        figures["by_kind"].setdefault(kind, []).append(elapsed * 1000)
    figures["by_kind"] = {k: {"n": len(v), "p50_ms": round(percentile(v, 0.5), 1)} for k, v in sorted(figures["by_kind"].items())}
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    for line in wrong[:20]:
        print("WRONG:", line, file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
