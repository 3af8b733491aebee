"""Issue 13 item 8: inputs are never skipped in silence; configuration says what it means."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.config import ConfigError, load_config, resolve_rules
from checker.loaders import WalkProblem, iter_files, load_path

FORM = """forms:
- name: 调研经费
  funding:
    total: 15万元
    fiscal: 15万元
    other: 0
"""


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "a.yaml").write_text(FORM, encoding="utf-8")
    return tmp_path


def _cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err
    return code, out, err


def _errors(paths):
    return {(os.path.basename(d.path), d.error.message_id) for d in map(load_path, iter_files(paths))
            if d.error is not None}


def test_unreadable_subdirectory_is_reported(tree, monkeypatch):
    (tree / "forms" / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):  # root ignores permission bits: the refusal is simulated
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert _errors(["forms"]) == {("locked", "E001")}
    assert "forms/a.yaml" in iter_files(["forms"])


def test_symlinked_directory_in_a_walk_is_read(tree):
    (tree / "elsewhere").mkdir()
    (tree / "elsewhere" / "b.yaml").write_text(FORM, encoding="utf-8")
    os.symlink(tree / "elsewhere", tree / "forms" / "linked")
    assert sorted(iter_files(["forms"])) == ["forms/a.yaml", "forms/linked/b.yaml"]


def test_symlink_loop_in_a_walk_is_a_symlink_loop(tree):
    os.symlink(tree / "forms", tree / "forms" / "again")
    os.symlink("x.yaml", tree / "forms" / "x.yaml")  # a link to itself
    assert _errors(["forms"]) == {("again", "E014"), ("x.yaml", "E014")}


def test_named_symlink_loop_says_symlink_loop_not_file_not_found(tree):
    os.symlink("b.yaml", tree / "a2.yaml")
    os.symlink("a2.yaml", tree / "b.yaml")
    assert load_path("a2.yaml").error.message_id == "E014"
    assert load_path("nowhere.yaml").error.message_id == "E010"


def test_dangling_link_to_a_form_is_reported(tree):
    os.symlink("gone.yaml", tree / "forms" / "dead.yaml")
    os.symlink("gone.pdf", tree / "forms" / "dead.pdf")  # PDF is a form format too
    os.symlink("gone.odt", tree / "forms" / "dead.odt")  # not a format jixiao reads: not an input
    assert _errors(["forms"]) == {("dead.yaml", "E016"), ("dead.pdf", "E016")}


def test_naming_an_empty_directory_exits_2(tree, capsys):
    (tree / "empty").mkdir()
    (tree / "only-odt").mkdir()
    (tree / "only-odt" / "x.odt").write_bytes(b"PK")
    for name in ("empty", "only-odt"):
        code, out, _ = _cli(capsys, "check", name)
        assert code == 2 and "没有可检查的文件" in out


def test_check_does_not_read_its_own_earlier_report(tree, capsys):
    for _ in range(2):
        code, _, err = _cli(capsys, "check", ".", "--format", "json", "--output", "r.json", "-q")
        assert code in (0, 1), err  # findings, never "could not read"
        report = json.loads((tree / "r.json").read_text(encoding="utf-8"))
        assert report["summary"]["files"] == 1


def test_bom_in_jixiao_toml_is_accepted(tmp_path):
    path = tmp_path / "jixiao.toml"
    path.write_bytes("\ufeffselect = [\"F\"]\n".encode("utf-8"))
    assert load_config(path).select == ("F",)


def test_empty_select_is_an_error(tmp_path):
    path = tmp_path / "jixiao.toml"
    path.write_text("select = []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.message_id == "core.config.bad-value"


def test_suppression_of_an_unknown_code_is_an_error_like_a_select_typo(tmp_path):
    path = tmp_path / "jixiao.toml"
    path.write_text('[[suppress]]\nform = "调研经费"\ncode = "F1O1"\nreason = "typo: letter O"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resolve_rules(load_config(path))
    assert caught.value.message_id == "core.config.unknown-selector"
    assert caught.value.args_["key"] == "suppress[0].code"


@st.composite
def trees(draw):
    """Directories (each under an earlier one), form files in them, and symlinks from a
    directory to any directory (an ancestor makes a loop)."""
    parents = draw(st.lists(st.integers(0, 100), min_size=0, max_size=6))
    dirs = len(parents) + 1
    files = draw(st.lists(st.integers(0, dirs - 1), max_size=8))
    links = draw(st.lists(st.tuples(st.integers(0, dirs - 1), st.integers(0, dirs - 1)), max_size=4))
    return [p % (i + 1) for i, p in enumerate(parents)], files, links


@settings(max_examples=40)
@given(trees())
def test_walk_lists_every_real_file_once_and_says_what_it_cannot_follow(tree):
    parents, files, links = tree
    with tempfile.TemporaryDirectory() as base:
        paths = [os.path.join(base, "root")]
        os.mkdir(paths[0])
        for i, parent in enumerate(parents, 1):
            paths.append(os.path.join(paths[parent], f"d{i}"))
            os.mkdir(paths[-1])
        real = set()
        for n, where in enumerate(files):
            path = os.path.join(paths[where], f"f{n}.yaml")
            Path(path).write_text(FORM, encoding="utf-8")
            real.add(os.path.realpath(path))
        for n, (source, target) in enumerate(links):
            os.symlink(paths[target], os.path.join(paths[source], f"link{n}"))
        listed = list(iter_files([paths[0]]))
        problems = [p for p in listed if isinstance(p, WalkProblem)]
        found = [os.path.realpath(p) for p in listed if not isinstance(p, WalkProblem)]
        assert sorted(found) == sorted(real)  # every file, each once, however many links reach it
        assert {p.message_id for p in problems} <= {"E014", "E015"}
        loops = [p for p in problems if p.message_id == "E014"]
        # nothing to check and nothing to report: the named directory itself is the problem
        assert ("E015" in {p.message_id for p in problems}) == (not real and not loops)
