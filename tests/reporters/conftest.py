"""A small report built with the engine's toy rules, shared by the reporter tests."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.config import Config, Suppression
from checker.engine import Engine
from policy.forms.canonical import form_from_mapping
from policy.forms.model import Document, LoadIssue, Location
from engine.toyrules import ALL, toy_catalogue


@pytest.fixture(autouse=True)
def toy_messages():
    with toy_catalogue():
        yield


def _form(path, index, **data):
    return form_from_mapping(data, path=path, index=index)


@pytest.fixture
def report():
    a = _form(
        "forms/a,b.yaml", 0, name="会议经费", line=2, budget_unit="办", implementer="甲",
        funding={"total": "200万元"},
        indicators=[{"level1": "产出指标", "level2": "数量指标", "name": "会议次数", "line": 9}],
    )
    b = _form("forms/a,b.yaml", 1, name="boom", line=20, budget_unit="办", implementer="甲",
              indicators=[{"name": "x", "value": "1次", "line": 25}])
    docs = [
        Document("forms/a,b.yaml", forms=(a, b),
                 issues=(LoadIssue("E101", {}, Location("forms/a,b.yaml", 30, 4)),)),
        Document("forms/broken.xlsx", error=LoadIssue("E003", {}, Location("forms/broken.xlsx"))),
    ]
    config = Config(suppress=(Suppression(form="会议经费", code="W901", reason="名称沿用上年"),))
    return Engine(config, rules=ALL, today=dt.date(2026, 1, 1)).run(docs)


@pytest.fixture
def options():
    from checker.reporters import RenderOptions

    return RenderOptions(lang="zh", rules=ALL)
