"""First paint of the review page from a cold ``jixiao serve`` (target: under 1 s).

    python bench/serve_first_paint.py --runs 5

Chromium (/usr/bin/chromium, driven by Playwright) is started first and kept open, with a blank
tab ready; each run then starts ``jixiao serve`` in a new process, waits for its URL, opens the page and reads the
browser's first-contentful-paint time. Reported per run and as medians: process start → URL
printed (wall and CPU time), navigation → first contentful paint, process start → first contentful paint (the
figure a user waits for), and a one-form upload answered by the fresh server (server time, from
its log), sent one second after the page loaded as a person would.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far: unlike wall time, not inflated by a
    busy machine."""
    import os

    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def one_run(browser) -> dict[str, float]:
    page = browser.new_page()  # an open browser tab: the server is cold, not the browser
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    try:
        while True:
            line = proc.stderr.readline()
            if not line:
                raise SystemExit("jixiao serve did not start")
            found = re.search(r"http://[^ ]+/", line)
            if found:
                break
        listening = time.time()
        listening_cpu = cpu_ms(proc.pid)
        page.goto(found.group(0))
        page.locator("body[data-ready=true]").wait_for()
        origin, paint = page.evaluate(
            "() => [performance.timeOrigin, (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime]")
        page.close()
        time.sleep(1.0)  # a person takes longer than this to choose a file
        data = SEED.read_bytes()
        import urllib.request

        request = urllib.request.Request(found.group(0) + "api/check?name=seed.txt", data=data, method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
    finally:
        proc.send_signal(2)
        rest = proc.stderr.read()
        proc.wait(timeout=20)
    upload = re.search(r"POST /api/check 200 \d+ ([\d.]+)ms", rest)
    return {
        "url_printed_ms": round((listening - started) * 1000, 1),
        "url_printed_cpu_ms": round(listening_cpu, 1),
        "fcp_after_navigation_ms": round(paint, 1),
        "fcp_from_start_ms": round(origin + paint - started * 1000, 1),
        "first_upload_server_ms": float(upload.group(1)) if upload else float("nan"),
    }


def baseline_ms(command: list[str], runs: int = 5) -> float:
    """Median wall time of a command: the machine's speed at the moment of measuring."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        one_run(browser)  # the first start compiles bytecode and fills the message cache
        runs = [one_run(browser) for _ in range(args.runs)]
        browser.close()
    medians = {key: round(statistics.median(r[key] for r in runs), 1) for key in runs[0]}
    import os

    context = {"load_average_1min": round(os.getloadavg()[0], 2),
               "python_c_pass_ms": baseline_ms([sys.executable, "-c", "pass"]),
               "jixiao_check_seed_ms": baseline_ms([sys.executable, "-m", "checker", "check", "--quiet", str(SEED)])}
    print(json.dumps({"runs": runs, "median": medians, "context": context}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
