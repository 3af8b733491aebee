"""`check` never writes to its inputs: same bytes, same mtimes, and it works on a read-only copy."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat

import pytest
from hostile_checks import assert_cli_clean, run_cli, write

FORMATS = ("seed", "text", "yaml", "json", "csv", "xlsx")


def _snapshot(root) -> dict[str, tuple[str, int, int]]:
    found = {}
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            info = os.stat(path)
            found[path] = (digest, info.st_mtime_ns, stat.S_IMODE(info.st_mode))
    return found


def _populate(samples, root) -> None:
    for fmt in FORMATS:
        shutil.copy(samples[fmt], os.path.join(root, f"{fmt}{samples[fmt].suffix}"))
    write(root, "broken.json", b'{"forms": [{"name": ')
    write(root, "bad-encoding.txt", b"\xff\xfe\xfd")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_check_leaves_every_input_byte_and_mtime_alone(samples, tmp_path, fmt):
    _populate(samples, tmp_path)
    before = _snapshot(tmp_path)
    code, _, err = run_cli(["check", str(tmp_path), "--format", fmt, "--statistics"])
    assert_cli_clean(code, err)
    assert _snapshot(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in before)


def test_check_on_a_read_only_copy(samples, tmp_path):
    root = tmp_path / "ro"
    root.mkdir()
    _populate(samples, root)
    for path in root.iterdir():
        path.chmod(0o444)
    root.chmod(0o555)
    try:
        before = _snapshot(root)
        code, out, err = run_cli(["check", str(root), "--format", "json"])
        assert_cli_clean(code, err)
        assert code == 2  # the two broken files; everything else was checked
        assert '"forms"' in out
        assert _snapshot(root) == before
    finally:
        root.chmod(0o755)


def test_format_without_in_place_writes_nothing(samples, tmp_path):
    _populate(samples, tmp_path)
    before = _snapshot(tmp_path)
    for flags in ([], ["--diff"], ["--check"]):
        code, _, err = run_cli(["format", str(tmp_path), *flags])
        assert_cli_clean(code, err)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("flag", ["--output", "--write-baseline"])
@pytest.mark.parametrize("how", ["file", "directory"])
def test_check_refuses_to_write_its_report_over_an_input(samples, tmp_path, flag, how):
    """`check form.txt --output form.txt` (or a baseline) must not replace the form with a report."""
    form = tmp_path / "seed.txt"
    shutil.copy(samples["seed"], form)
    before = _snapshot(tmp_path)
    target = str(form) if how == "file" else str(tmp_path)
    code, _, err = run_cli(["check", target, flag, str(form)])
    assert_cli_clean(code, err)
    assert code == 2
    assert "seed.txt" in err
    assert _snapshot(tmp_path) == before
