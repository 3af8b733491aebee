"""Fixtures for the engine tests: toy rules and their message templates."""

from __future__ import annotations

import pytest

from engine.toyrules import toy_catalogue


@pytest.fixture(autouse=True)
def toy_messages():
    with toy_catalogue():
        yield
