"""Writing is atomic and the command behaves like ruff/black format: nothing written unless
asked, --diff and --check write nothing, a failure midway leaves the original byte-identical and
no temporary file behind, permissions are kept, one bad input never stops the others."""

from __future__ import annotations

import os
import stat

import pytest
from fix_support import read, run, write

from checker.fixer import atomic

FORM = "forms:\n- name: 项目\n  indicators:\n  - name: 合格率\n    value: 不低于95%\n"
CLEAN = "forms:\n- name: 项目\n  indicators:\n  - name: 合格率\n    value: ≥95%\n"


def _listing(directory) -> list[str]:
    return sorted(os.listdir(directory))


def test_default_lists_changes_and_writes_nothing(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    code, out, err = run([path])
    assert code == 0
    assert out == f"{path}:5:12: 不低于95% → ≥95%\n"
    assert read(path) == FORM.encode()
    assert "--in-place" in err


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    code, out, _ = run([path, "--diff"])
    assert code == 0
    assert out.splitlines() == [
        f"--- {path}", f"+++ {path}", "@@ -2,4 +2,4 @@", " - name: 项目", "   indicators:",
        "   - name: 合格率", "-    value: 不低于95%", "+    value: ≥95%",
    ]
    assert read(path) == FORM.encode()


def test_check_exits_1_when_something_would_change(tmp_path):
    dirty = write(tmp_path, "dirty.yaml", FORM)
    clean = write(tmp_path, "clean.yaml", CLEAN)
    assert run([dirty, "--check"])[0] == 1
    assert run([clean, "--check"])[0] == 0
    assert run([str(tmp_path), "--check", "--diff"])[0] == 1
    assert read(dirty) == FORM.encode()


def test_in_place_writes_and_keeps_permissions(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    os.chmod(path, 0o640)
    inode_before = os.stat(path).st_ino
    assert run([path, "--in-place"])[0] == 0
    assert read(path) == CLEAN.encode()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.stat(path).st_ino != inode_before  # replaced by rename, not rewritten in place
    assert _listing(tmp_path) == ["form.yaml"]


def test_in_place_through_a_symlink_keeps_the_link(tmp_path):
    real = write(tmp_path, "real.yaml", FORM)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run([str(link), "--in-place"])[0] == 0
    assert link.is_symlink() and read(real) == CLEAN.encode()


@pytest.mark.parametrize("where", ["replace", "write", "fsync", "chmod"])
def test_failure_midway_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch, where):
    path = write(tmp_path, "form.yaml", FORM)
    os.chmod(path, 0o600)
    before = (read(path), os.stat(path).st_mtime_ns, stat.S_IMODE(os.stat(path).st_mode))

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if where == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])  # half written, then the disk fills
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(atomic.os, where, boom)
    code, _, err = run([path, "--in-place"])
    assert code == 2
    assert "No space left on device" in err
    assert (read(path), os.stat(path).st_mtime_ns, stat.S_IMODE(os.stat(path).st_mode)) == before
    assert _listing(tmp_path) == ["form.yaml"]


def test_output_directory_gets_copies_and_inputs_stay(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "dirty.yaml", FORM)
    write(tmp_path / "in", "clean.yaml", CLEAN)
    code, _, err = run(["in", "--output", "out"])
    assert code == 0, err
    assert read("out/in/dirty.yaml") == CLEAN.encode()
    assert read("out/in/clean.yaml") == CLEAN.encode()
    assert read("in/dirty.yaml") == FORM.encode()


def test_output_directory_never_overwrites_an_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "form.yaml", FORM)
    code, _, err = run(["form.yaml", "--output", "."])
    assert code == 2 and read("form.yaml") == FORM.encode()
    assert "form.yaml" in err


@pytest.mark.parametrize("flags", [["--diff", "--in-place"], ["--check", "--output", "x"], ["--in-place", "--output", "x"]])
def test_contradictory_flags_are_a_usage_error(tmp_path, flags):
    path = write(tmp_path, "form.yaml", FORM)
    assert run([path, *flags])[0] == 2
    assert read(path) == FORM.encode()


def test_a_broken_input_does_not_stop_the_others(tmp_path):
    good = write(tmp_path, "a-good.yaml", FORM)
    write(tmp_path, "b-broken.json", '{"forms": [')
    also_good = write(tmp_path, "c-good.yaml", FORM)
    code, _, err = run([str(tmp_path), "--in-place"])
    assert code == 2
    assert "b-broken.json" in err
    assert read(good) == CLEAN.encode() and read(also_good) == CLEAN.encode()


def test_english_messages(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    code, _, err = run([path, "--lang", "en"])
    assert code == 0
    assert "1 value would be rewritten in 1 of 1 file;" in err


def test_clean_input_says_so(tmp_path):
    path = write(tmp_path, "form.yaml", CLEAN)
    code, out, err = run([path])
    assert code == 0 and out == ""
    assert "规范" in err


def test_quiet_check_prints_nothing(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    assert run([path, "--check", "--quiet"]) == (1, "", "")


def test_output_never_carries_control_characters_from_inputs(tmp_path):
    """A crafted file name or cell must not reach the terminal as an escape sequence."""
    import re

    name = "esc\x1b]0;pwned\x07\x1b[2J.csv"
    rows = "单位名称,项目名称,三级指标,指标值\r\n单位\x1b[31m,项目,时限,1小时内\r\n"
    path = write(tmp_path, name, rows)
    raw = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for flags in ([], ["--diff"], ["--check"]):
        code, out, err = run([path, *flags])
        assert code in (0, 1)
        assert not raw.search(out.replace("\r\n", "\n").replace("\n", "")) , repr(out)
        assert not raw.search(err.replace("\n", "")), repr(err)
        assert "pwned" in out + err


def test_configured_limits_apply_to_format_as_to_check(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    write(tmp_path, "jixiao.toml", "[limits]\nmax_file_bytes = 10\n")
    code, _, err = run([path, "--in-place"])
    assert code == 2 and read(path) == FORM.encode()
    assert "E004" in err or "过大" in err


def test_bad_configuration_is_a_usage_error(tmp_path):
    path = write(tmp_path, "form.yaml", FORM)
    write(tmp_path, "jixiao.toml", "[limits]\nmax_file_bytes = 'big'\n")
    code, _, err = run([path, "--in-place"])
    assert code == 2 and read(path) == FORM.encode()
    assert "jixiao.toml" in err


def test_output_directory_inside_the_input_is_not_formatted_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "form.yaml", FORM)
    assert run([".", "--output", "out"])[0] == 0
    assert run([".", "--output", "out"])[0] == 0
    assert read("out/form.yaml") == CLEAN.encode()
    assert not (tmp_path / "out" / "out").exists()


def test_a_fixer_bug_on_one_file_does_not_stop_the_others(tmp_path, monkeypatch):
    from checker import fixer

    real = fixer.plan_document

    def flaky(document, *args, **kwargs):
        if document.path.endswith("b.yaml"):
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(fixer, "plan_document", flaky)
    a = write(tmp_path, "a.yaml", FORM)
    b = write(tmp_path, "b.yaml", FORM)
    c = write(tmp_path, "c.yaml", FORM)
    code, _, err = run([str(tmp_path), "--in-place"])
    assert code == 2
    assert "b.yaml" in err and "RuntimeError: boom" in err
    assert read(a) == read(c) == CLEAN.encode() and read(b) == FORM.encode()
