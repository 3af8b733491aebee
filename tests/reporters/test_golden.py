"""Golden files: `jixiao check` on the seed corpus in every output format.

The goldens are the reviewed output; a change in any rule, message or format shows up here as a
diff to review. Regenerate with JIXIAO_UPDATE_GOLDEN=1 pytest tests/reporters/test_golden.py,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SEED = "corpus/bazhong-2022-city-government-office.txt"
CASES = [
    ("text", "zh", "seed.zh.txt"),
    ("text", "en", "seed.en.txt"),
    ("json", "zh", "seed.json"),
    ("sarif", "en", "seed.sarif"),
    ("github", "zh", "seed.github.txt"),
    ("junit", "zh", "seed.junit.xml"),
]


@pytest.mark.parametrize("fmt,lang,name", CASES, ids=[c[2] for c in CASES])
def test_seed_output_matches_golden(fmt, lang, name, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code = main(["check", SEED, "--format", fmt, "--lang", lang,
                 "--config", str(GOLDEN / "jixiao.toml")])
    out, err = capsys.readouterr()
    assert code == 1, err  # the seed has real defects; nothing unreadable, no rule crashed
    path = GOLDEN / name
    if os.environ.get("JIXIAO_UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"missing golden {name}: run with JIXIAO_UPDATE_GOLDEN=1"
    assert out == path.read_text(encoding="utf-8"), (
        f"{name} differs from `jixiao check` output; if the change is intended, regenerate with "
        "JIXIAO_UPDATE_GOLDEN=1 and review the diff"
    )
