"""``jixiao serve`` as a user runs it: prints its URL, answers, warns when reachable from other
machines, stops cleanly on Ctrl-C; and ``jixiao check`` never imports any of it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"


def default_sigint() -> None:
    """Ctrl-C as a terminal delivers it: a suite run as a background job starts its children with
    SIGINT ignored, which jixiao respects (as it respects nohup), and SIGINT would then do nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str, env: dict | None = None) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0", *args],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
                            preexec_fn=default_sigint)
    lines = []
    for _ in range(5):
        line = proc.stderr.readline()
        lines.append(line)
        found = re.search(r"http://[^ ]+/", line)
        if found:
            return proc, found.group(0), lines
    proc.kill()
    raise AssertionError(f"no URL printed: {lines}")


def stop(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    try:
        _, rest = proc.communicate(timeout=30)  # a server that ignores Ctrl-C fails, never hangs
        return proc.returncode, rest
    finally:
        if proc.poll() is None:
            proc.kill()


def test_serve_prints_its_url_answers_and_stops_on_ctrl_c():
    proc, url, _ = start("--lang", "en")
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "healthz", timeout=10) as answer:
            assert json.load(answer)["status"] == "ok"
        request = urllib.request.Request(url + "api/check?name=seed.txt", data=SEED.read_bytes(), method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert json.load(answer)["summary"]["forms"] == 8
    finally:
        code, rest = stop(proc)
    assert code == 0
    assert "stopped" in rest and "Traceback" not in rest
    log = [line for line in rest.splitlines() if "/api/check" in line]
    assert log and " 200 " in log[0] and "seed.txt" not in rest  # the query is never logged


def test_serve_warns_on_a_reachable_address_and_requires_its_token():
    proc, url, lines = start("--host", "0.0.0.0", "--lang", "en", env={"JIXIAO_TOKEN": "t0k"})
    try:
        warning = "".join(lines)
        assert "warning" in warning and "0.0.0.0" in warning and "no access token" not in warning
        port = url.rsplit(":", 1)[1].rstrip("/")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/rules")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 401
        request.add_header("Authorization", "Bearer t0k")
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200
    finally:
        assert stop(proc)[0] == 0


def test_serve_refuses_bad_numbers_and_a_taken_port():
    bad = subprocess.run([sys.executable, "-m", "checker", "serve", "--workers", "0", "--lang", "en"],
                         cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert bad.returncode == 2 and "--workers" in bad.stderr and "Traceback" not in bad.stderr
    proc, url, _ = start()
    try:
        port = url.rsplit(":", 1)[1].rstrip("/")
        taken = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", port, "--lang", "en"],
                               cwd=ROOT, capture_output=True, text=True, timeout=30)
        assert taken.returncode == 2 and "cannot listen" in taken.stderr and "Traceback" not in taken.stderr
    finally:
        stop(proc)


def test_check_imports_nothing_of_the_server(tmp_path):
    code = ("import io, sys, contextlib\nfrom checker.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['check', '--format', 'json', {str(SEED)!r}])\n"
            "print(sorted(m for m in sys.modules if 'serve' in m or m.startswith(('wsgiref', 'socketserver', 'http'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_wsgi_module_builds_an_application_from_the_environment(tmp_path):
    (tmp_path / "jixiao.toml").write_text('select = ["F"]\n', "utf-8")
    code = ("from checker.serve.wsgi import application as a\n"
            "print(a.settings.token, a.settings.config.select, callable(a))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                         env={**os.environ, "JIXIAO_TOKEN": "vendor"})
    assert out.stdout.split() == ["vendor", "('F',)", "True"]
