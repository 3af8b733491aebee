"""YAML that tries to construct objects or explode: refused as data, no code run, bounded work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_checks import assert_cli_clean, assert_document_clean, run_cli, write
from hostile_support import bounded

from checker.loaders import load_path

ATTACKS = {
    "apply-os-system": "!!python/object/apply:os.system ['touch {marker}']",
    "apply-subprocess": "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "new-object": "!!python/object/new:os.system ['touch {marker}']",
    "python-name": "!!python/name:os.system",
    "python-module": "!!python/module:os",
    "object-state": "!!python/object:builtins.open {{file: '{marker}', mode: w}}",
    "unknown-tag": "!jixiao/run 'touch {marker}'",
}


def _form_yaml(value: str) -> str:
    return (
        "forms:\n"
        "  - name: 测试项目\n"
        "    budget_unit: 测试单位\n"
        "    indicators:\n"
        f"      - {{level1: 产出指标, level2: 数量指标, name: 数量, value: {value}}}\n"
    )


@pytest.mark.parametrize("place", ["value", "name", "root"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_object_construction_is_refused(tmp_path, attack, place):
    marker = tmp_path / "pwned"
    payload = ATTACKS[attack].format(marker=marker)
    if place == "value":
        text = _form_yaml(payload)
    elif place == "name":
        text = _form_yaml("≥95%").replace("name: 测试项目", "name: " + payload)
    else:
        text = payload + "\n"
    path = write(tmp_path, "attack.yaml", text.encode("utf-8"))
    with bounded(20):
        document = assert_document_clean(load_path(path), path)
    assert not marker.exists(), "YAML input ran code"
    assert document.error is not None, "an object tag must not load as a form"
    code, _, err = run_cli(["check", path, "--quiet"])
    assert_cli_clean(code, err)
    assert code == 2 and not marker.exists()


def test_attack_through_format_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    path = write(tmp_path, "attack.yaml", _form_yaml(ATTACKS["apply-os-system"].format(marker=marker)).encode())
    before = Path(path).read_bytes()
    code, _, err = run_cli(["format", path, "--in-place"])
    assert_cli_clean(code, err)
    assert code == 2 and not marker.exists()
    assert Path(path).read_bytes() == before


def _alias_bomb(levels: int, fanout: int) -> str:
    lines = ["a0: &a0 ['lol', 'lol']"]
    for level in range(1, levels):
        refs = ", ".join(f"*a{level - 1}" for _ in range(fanout))
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + f"\nforms:\n  - name: *a{levels - 1}\n    indicators: *a{levels - 1}\n"


def test_alias_bomb_is_bounded(tmp_path):
    """Billion laughs in YAML: 10**9 leaves if anything walks the aliases as a tree."""
    path = write(tmp_path, "laughs.yaml", _alias_bomb(levels=9, fanout=10).encode())
    with bounded(30):
        assert_document_clean(load_path(path), path)
    with bounded(30):
        code, _, err = run_cli(["check", path, "--quiet"])
    assert_cli_clean(code, err)
    with bounded(30):
        code, _, err = run_cli(["format", path, "--check"])
    assert_cli_clean(code, err)


def test_no_attack_left_a_marker_in_the_working_directory():
    assert not os.path.exists("pwned")
