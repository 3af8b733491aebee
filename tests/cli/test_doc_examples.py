"""The configuration examples in README.md and docs/ are valid configurations."""

from __future__ import annotations

from pathlib import Path
import re
import tomllib

import pytest

from checker.config import config_from_mapping, resolve_rules

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = [
    (name, i, block)
    for name in ("README.md", "docs/configuration.md")
    for i, block in enumerate(re.findall(r"```toml\n(.*?)```", (ROOT / name).read_text("utf-8"), re.S))
]


@pytest.mark.parametrize("name,i,block", BLOCKS, ids=[f"{n}-{i}" for n, i, _ in BLOCKS])
def test_toml_example_is_a_valid_configuration(name, i, block):
    config = config_from_mapping(tomllib.loads(block), origin=name)
    assert resolve_rules(config)
    config.loader_limits()  # [limits] keys are the loaders' own


def test_there_are_examples():
    assert len(BLOCKS) >= 2
