"""Fixtures for the engine tests: toy rules and their message templates."""

from __future__ import annotations

import pytest

from policy.messages import catalogue
from engine.toyrules import MESSAGES


@pytest.fixture(autouse=True)
def toy_messages():
    added = {}
    for lang, templates in MESSAGES.items():
        cat = catalogue(lang)
        added[lang] = [k for k in templates if k not in cat]
        cat.update({k: v for k, v in templates.items() if k in added[lang]})
    yield
    for lang, keys in added.items():
        cat = catalogue(lang)
        for k in keys:
            cat.pop(k, None)
