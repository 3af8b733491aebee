"""policy.registry.module_names lists a folder as pkgutil.iter_modules does (it replaced it to
spare a cold start the pkgutil import): same names, same order."""

from __future__ import annotations

import pkgutil

import policy.rules
from policy.registry import module_names


def _pkgutil(path: list[str]) -> list[str]:
    return [info.name for info in pkgutil.iter_modules(path)]


def test_rule_folder_listing_equals_pkgutil() -> None:
    assert module_names(policy.rules.__path__) == _pkgutil(policy.rules.__path__)


def test_odd_folder_listing_equals_pkgutil(tmp_path) -> None:
    for name in ("b.py", "a.py", "__init__.py", "c.pyc", "d.txt", "e.so", "x.y.py", "a.pyc"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "notpkg").mkdir()
    (tmp_path / "notpkg" / "m.py").write_text("", encoding="utf-8")
    (tmp_path / "dotted.dir").mkdir()
    (tmp_path / "__pycache__").mkdir()
    paths = [str(tmp_path), str(tmp_path / "missing")]
    assert module_names(paths) == _pkgutil(paths)
    assert "pkg" in module_names(paths) and "notpkg" not in module_names(paths)
