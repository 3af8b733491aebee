"""Issue 13 item 7: writes never destroy what they target.

Device nodes are never written in these tests (a broken writer run as root would replace
/dev/null): a FIFO stands for every special file, /dev/stdout is a pipe of a child process."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from checker import fixer
from checker.cli import main
from checker.fixer import atomic
from checker.loaders import load_path
from tests.conftest import ROOT, SEED

FORM = "forms:\n- name: 项目\n  indicators:\n  - name: 合格率\n    value: 不低于95%\n"
CLEAN = "forms:\n- name: 项目\n  indicators:\n  - name: 合格率\n    value: ≥95%\n"
DEAD_PID = 4194305  # above the largest pid Linux can give (pid_max ≤ 2^22)


def _fifo_reader(path: str) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def test_write_atomic_into_a_fifo_writes_into_it_and_keeps_it(tmp_path):
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)
    thread, got = _fifo_reader(fifo)
    atomic.write_atomic(fifo, b"report\n")
    thread.join(5)
    assert got == [b"report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_only_regular_files_are_replaced(tmp_path):
    import socket

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        assert atomic.is_special(str(fifo)) and atomic.is_special(str(sock_path))
    assert not atomic.is_special(str(SEED))
    assert not atomic.is_special(str(tmp_path))  # a directory fails on open, as before
    assert not atomic.is_special("/nonexistent/x")


@pytest.mark.parametrize("flag", ["--output", "--write-baseline"])
def test_check_output_and_baseline_into_a_fifo(tmp_path, flag):
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)
    thread, got = _fifo_reader(fifo)
    code, err = _run(["check", str(SEED), flag, fifo])
    thread.join(10)
    assert "Traceback" not in err and "internal error" not in err
    assert got and got[0]  # the report (or baseline) went into the pipe
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_check_output_dev_stdout_writes_to_the_pipe():
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(SEED), "--format", "json", "--output", "/dev/stdout"],
        capture_output=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.lstrip().startswith(b"{")


def test_format_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "form.yaml"
    path.write_text(FORM, encoding="utf-8")
    path.chmod(0o444)
    code, err = _run(["format", str(path), "--in-place"])
    assert code == 2
    assert "只读" in err
    assert path.read_text(encoding="utf-8") == FORM


def test_format_refuses_a_file_changed_between_read_and_replace(tmp_path):
    path = tmp_path / "form.yaml"
    path.write_text(FORM, encoding="utf-8")
    result = fixer.plan_document(load_path(str(path)))
    assert result.changed
    edited_meanwhile = FORM.replace("项目", "别人改过的项目")
    path.write_text(edited_meanwhile, encoding="utf-8")
    issue = fixer.write(result)
    assert issue is not None and issue.message_id == "format.changed"
    assert path.read_text(encoding="utf-8") == edited_meanwhile
    assert os.listdir(tmp_path) == ["form.yaml"]


def test_format_in_place_writes_a_file_nobody_touched(tmp_path):
    path = tmp_path / "form.yaml"
    path.write_text(FORM, encoding="utf-8")
    assert _run(["format", str(path), "--in-place"])[0] == 0
    assert path.read_text(encoding="utf-8") == CLEAN


def test_stale_temporary_of_a_killed_run_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "r.json"
    stale = tmp_path / f".r.json.{DEAD_PID}.abcd_123.jixiao-tmp"
    live = tmp_path / f".r.json.{os.getpid()}.zzzz_999.jixiao-tmp"
    other = tmp_path / ".r.json.backup"
    for p in (stale, live, other):
        p.write_bytes(b"x")
    atomic.write_atomic(str(target), b"new")
    assert sorted(os.listdir(tmp_path)) == sorted([".r.json.backup", live.name, "r.json"])


def test_stale_spill_file_is_removed_by_the_next_spill(tmp_path, monkeypatch):
    import tempfile

    from checker.spill import SpillWriter

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"jixiao-spill-{DEAD_PID}-abcd_123.pickle"
    stale.write_bytes(b"x")
    writer = SpillWriter()
    writer.add([1, 2])
    sequence = writer.finish()
    assert not stale.exists()
    assert list(sequence) == [1, 2]


CHILD = textwrap.dedent(
    """
    import sys, time
    from checker.cli import _unwind_on_termination, main
    from checker.fixer.atomic import atomic_binary
    from checker.spill import SpillWriter
    _unwind_on_termination()
    def work():
        spill = SpillWriter()
        spill.add([1])
        with atomic_binary(sys.argv[1]) as fh:
            fh.write(b"partial")
            print("ready", flush=True)
            time.sleep(60)
    try:
        work()
    except KeyboardInterrupt as exc:
        sys.exit(128 + getattr(exc, "signum", 2))
    """
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_termination_signals_clean_up_like_ctrl_c(tmp_path, signum):
    work = tmp_path / "out"
    work.mkdir()
    spills = tmp_path / "tmp"
    spills.mkdir()
    target = work / "report.json"
    target.write_bytes(b"old")
    env = {**os.environ, "TMPDIR": str(spills), "PYTHONPATH": str(ROOT)}
    # Each signal as delivered to a foreground process: a suite run as a background job would
    # otherwise start the child with SIGINT ignored, which jixiao respects.
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, env=env, cwd=ROOT,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert child.stdout.readline().strip() == b"ready"
    assert len(os.listdir(work)) == 2 and len(os.listdir(spills)) == 1
    child.send_signal(signum)
    child.wait(30)
    assert os.listdir(work) == ["report.json"]
    assert target.read_bytes() == b"old"
    assert os.listdir(spills) == []
