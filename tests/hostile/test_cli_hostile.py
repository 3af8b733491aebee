"""`jixiao check` end to end on hostile inputs, in-process and as real subprocesses: exit codes
only 0, 1 or 2, no traceback, and one broken input never hides the others."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hostile_checks import assert_cli_clean, run_cli, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

BROKEN_INPUTS = {
    "random.txt": bytes(range(256)) * 4,
    "empty.yaml": b"",
    "syntax.json": b'{"forms": [',
    "schema.yaml": b"forms: 7\n",
    "fake.xlsx": b"PK\x03\x04 not really a zip",
    "utf16-no-bom.csv": "单位名称,项目名称\n".encode("utf-16-le"),
    "nul.txt": b"\x00" * 100,
}


@examples(ci=12)
@given(
    broken=st.lists(
        st.tuples(st.sampled_from([".txt", ".yaml", ".json", ".csv", ".xlsx"]), st.binary(max_size=512)),
        min_size=1, max_size=4,
    ),
    fmt=st.sampled_from(["text", "json", "sarif", "github", "junit"]),
)
def test_directory_with_random_files_in_every_output_format(samples, broken, fmt):
    count_input("cli_random_directory")
    with tempfile.TemporaryDirectory() as directory:
        for n, (suffix, data) in enumerate(broken):
            write(directory, f"broken-{n}{suffix}", data)
        shutil.copy(samples["yaml"], os.path.join(directory, "good.yaml"))
        with bounded(60):
            code, out, err = run_cli(["check", directory, "--format", fmt, "--quiet"])
        assert_cli_clean(code, err)
        if fmt == "json":
            report = json.loads(out)
            assert report["summary"]["files"] == len(broken) + 1
            assert any(d["path"].endswith("good.yaml") for d in report["coverage"])
        if fmt == "sarif":
            json.loads(out)


def test_one_broken_file_never_hides_the_others(samples, tmp_path):
    good = {}
    for fmt in ("text", "yaml", "json", "csv", "xlsx"):
        target = tmp_path / f"good-{fmt}{samples[fmt].suffix}"
        shutil.copy(samples[fmt], target)
        good[fmt] = target
    for name, data in BROKEN_INPUTS.items():
        write(tmp_path, name, data)
    code, out, err = run_cli(["check", str(tmp_path), "--format", "json"])
    assert_cli_clean(code, err)
    assert code == 2
    report = json.loads(out)
    checked = {entry["path"] for entry in report["coverage"]}
    for path in good.values():
        assert str(path) in checked, f"{path.name} was not reported"
    unreadable = {Path(f["path"]).name for f in report["unreadable"]}
    assert unreadable == set(BROKEN_INPUTS), unreadable
    assert report["summary"]["unreadable"] == len(BROKEN_INPUTS)
    assert report["summary"]["files"] == len(BROKEN_INPUTS) + len(good)
    for failure in report["unreadable"]:
        assert failure["message"] and failure["code"].startswith("E0")
    # Humans see every broken file named on stderr in the machine formats too.
    for name in BROKEN_INPUTS:
        assert name in err


def test_text_output_names_every_broken_file_and_counts_it(samples, tmp_path):
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    write(tmp_path, "broken.json", b"{")
    code, out, err = run_cli(["check", str(tmp_path), "--lang", "en"])
    assert_cli_clean(code, err)
    assert code == 2
    assert "broken.json" in out + err
    assert "seed.txt" in out


def test_missing_path_is_reported_and_the_rest_checked(samples, tmp_path):
    code, out, err = run_cli(["check", str(tmp_path / "nope.yaml"), str(samples["yaml"]), "--format", "json"])
    assert_cli_clean(code, err)
    assert code == 2
    report = json.loads(out)
    assert report["summary"]["unreadable"] == 1
    assert any(c["path"] == str(samples["yaml"]) for c in report["coverage"])


@examples(ci=30)
@given(config=st.text(max_size=400) | st.sampled_from([
    "[limits]\nmax_file_bytes = -1\n", "[limits]\nmax_cell_chars = 'x'\n", "select = 7\n",
    "[rules.V101]\nseverity = 'fatal'\n", "[[suppress]]\nform = 1\n", "lang = 'fr'\n",
    "baseline = '/nonexistent/baseline.toml'\n", "year = 99999999999999999999\n", "[tool]\n" * 50,
    "a = " + "[" * 5000 + "]" * 5000 + "\n",
]))
def test_hostile_config_file(samples, config):
    """A jixiao.toml of any content: a config error (exit 2) or a run, never a traceback."""
    count_input("cli_hostile_config")
    with tempfile.TemporaryDirectory() as directory:
        write(directory, "jixiao.toml", config.encode("utf-8"))
        shutil.copy(samples["yaml"], os.path.join(directory, "form.yaml"))
        with bounded(60):
            code, _, err = run_cli(["check", directory, "--quiet"])
        assert_cli_clean(code, err)


@examples(ci=30)
@given(argv=st.lists(st.sampled_from([
    "--format", "json", "xml", "--select", "", ",,,", "V", "--ignore", "ZZZ999", "--jobs", "0", "-1",
    "--fail-on", "fatal", "--lang", "fr", "--output", "/nonexistent/dir/out", "--config", "/dev/null",
    "--write-baseline", "--exit-zero", "--statistics", "-q", "--", "-", "\x00", "形式",
]), max_size=8))
def test_hostile_arguments(samples, argv):
    count_input("cli_hostile_arguments")
    # --output/--write-baseline take any drawn word as a relative path: run in a scratch folder
    # so nothing lands in the working tree.
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        try:
            with bounded(60):
                code, _, err = run_cli(["check", str(samples["yaml"]), *argv])
        finally:
            os.chdir(here)
    assert_cli_clean(code, err)


def _subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd, env=env, capture_output=True, timeout=120, check=False,
    )


@pytest.mark.parametrize("name", ["random.txt", "fake.xlsx", "syntax.json"])
def test_real_process_on_broken_input(tmp_path, name):
    """Three real processes cover the installed entry point; the rest run in-process."""
    write(tmp_path, name, BROKEN_INPUTS[name])
    done = _subprocess(["check", name], tmp_path)
    stderr = done.stderr.decode("utf-8", "replace")
    assert_cli_clean(done.returncode, stderr)
    assert done.returncode == 2
    assert name in stderr + done.stdout.decode("utf-8", "replace")


def test_real_process_on_a_directory_with_a_zip_bomb_and_good_files(samples, tmp_path):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b" " * (1024 * 1024)
            for _ in range(300):  # 300 MB of blanks, over the default 200 MB limit
                sheet.write(block)
    write(tmp_path, "bomb.xlsx", out.getvalue())
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    done = _subprocess(["check", ".", "--format", "json"], tmp_path)
    stderr = done.stderr.decode("utf-8", "replace")
    assert_cli_clean(done.returncode, stderr)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert [Path(f["path"]).name for f in report["unreadable"]] == ["bomb.xlsx"]
    assert report["summary"]["forms"] == 8  # every form of the seed was still checked


@examples(ci=40)
@given(values=st.lists(st.text(max_size=60) | st.sampled_from(
    ["≥" + "9" * 5000 + "%", "（" * 20000, "1" * 100000, "≥**%", "\x00", "\u202e≥95%", "١٠٠%", "𝟗𝟓%"]
), min_size=1, max_size=5), fmt=st.sampled_from(["text", "json"]))
def test_parse_command_on_any_text(values, fmt):
    """`jixiao parse` (an entry point embedders script against): any argument, exit 0 or 1."""
    count_input("cli_parse")
    args = [v for v in values if v and not v.startswith("-")] or ["x"]
    with bounded(60):
        code, out, err = run_cli(["parse", "--format", fmt, "--", *args])
    assert_cli_clean(code, err)
    if fmt == "json":
        assert len([json.loads(line) for line in out.split("\n") if line.strip()]) == len(args)


@examples(ci=15)
@given(
    files=st.lists(st.tuples(st.sampled_from([".txt", ".yaml", ".json", ".csv", ".xlsx"]), st.binary(max_size=512)),
                   min_size=1, max_size=3),
    fmt=st.sampled_from(["json", "yaml"]),
)
def test_dump_command_on_random_files(samples, files, fmt):
    count_input("cli_dump")
    with tempfile.TemporaryDirectory() as directory:
        for n, (suffix, data) in enumerate(files):
            write(directory, f"r{n}{suffix}", data)
        shutil.copy(samples["json"], os.path.join(directory, "good.json"))
        with bounded(60):
            code, out, err = run_cli(["dump", directory, "--format", fmt])
        assert_cli_clean(code, err)
        assert "good.json" in out


def test_special_files_in_a_checked_directory_do_not_hang_the_run(samples, tmp_path):
    """A FIFO blocks whoever opens it until a writer comes; /dev/zero never ends. Neither is a
    form: refused at once, and every real file still checked."""
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    with bounded(30):
        code, out, err = run_cli(["check", str(tmp_path), "--format", "json"])
    assert_cli_clean(code, err)
    report = json.loads(out)
    assert sorted(Path(f["path"]).name for f in report["unreadable"]) == ["pipe.yaml", "zero.txt"]
    assert report["summary"]["forms"] == 8


def test_parallel_run_reports_broken_inputs_like_a_serial_one(samples, tmp_path):
    for fmt in ("seed", "yaml", "xlsx"):
        shutil.copy(samples[fmt], tmp_path / f"good-{fmt}{samples[fmt].suffix}")
    for name, data in BROKEN_INPUTS.items():
        write(tmp_path, name, data)
    results = []
    for jobs in ("1", "2"):
        with bounded(120):
            code, out, err = run_cli(["check", str(tmp_path), "--format", "json", "--jobs", jobs])
        assert_cli_clean(code, err)
        results.append((code, json.loads(out)))
    (code1, serial), (code2, parallel) = results
    assert code1 == code2 == 2
    assert serial["summary"] == parallel["summary"]
    assert serial["diagnostics"] == parallel["diagnostics"]
    assert serial["unreadable"] == parallel["unreadable"]


def _limited_subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """A real run with 2 GB of address space and 30 s: a reader that never stops fails fast."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd, env=env, capture_output=True, timeout=30, check=False, preexec_fn=limit,
    )


@pytest.mark.parametrize("where", ["baseline-device", "baseline-fifo", "config-device", "config-fifo"])
def test_configuration_naming_a_device_or_fifo_is_refused(samples, tmp_path, where):
    """A jixiao.toml arrives with the forms (a pull request can add one): `baseline = "/dev/zero"`
    or a FIFO must be a configuration error, not a run that never ends or eats all memory."""
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    os.mkfifo(tmp_path / "pipe")
    special = "/dev/zero" if where.endswith("device") else str(tmp_path / "pipe")
    if where.startswith("baseline"):
        write(tmp_path, "jixiao.toml", f'baseline = "{special}"\n'.encode())
        args = ["check", "."]
    else:
        args = ["check", ".", "--config", special]
    done = _limited_subprocess(args, tmp_path)
    stderr = done.stderr.decode("utf-8", "replace")
    assert_cli_clean(done.returncode, stderr)
    assert done.returncode == 2
    assert special in stderr


@pytest.mark.parametrize("argv", [
    ["check", "a\x00b.yaml"], ["check", ".", "--config", "jixiao\x00.toml"],
    ["format", "a\x00b.yaml"], ["format", ".", "--config", "\x00"], ["dump", "a\x00b.yaml"],
])
def test_paths_with_a_nul_byte_from_an_embedding_caller(samples, argv):
    """The shell cannot pass a NUL, but `checker.cli.main([...])` can: os functions then raise
    ValueError, which must become an input or usage error, not an internal one."""
    with bounded(60):
        code, _, err = run_cli(argv)
    assert_cli_clean(code, err)
    assert code == 2
