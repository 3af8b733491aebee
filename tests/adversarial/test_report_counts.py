"""Issue 13 item 9: a report says what it read, per file, in text and JSON."""

from __future__ import annotations

import json

from checker.api import check_paths
from checker.config import Config
from checker.loaders import load_path
from checker.reporters import RenderOptions, render
from tests.conftest import SEED

FORM = """forms:
- name: 调研经费
  indicators:
  - {level1: 产出指标, level2: 数量指标, name: 期数, value: 12期}
  - {level1: 产出指标, level2: 质量指标, name: 合格率, value: ≥95%}
- name: 会议经费
  indicators:
  - {level1: 产出指标, level2: 数量指标, name: 次数, value: ≥2次}
"""


def test_counts_are_what_the_loader_holds(tmp_path):
    (tmp_path / "a.yaml").write_text(FORM, encoding="utf-8")
    (tmp_path / "b.json").write_text("{broken", encoding="utf-8")
    paths = [str(SEED), str(tmp_path / "a.yaml"), str(tmp_path / "b.json")]
    report = check_paths(paths, Config())
    expected = []
    for path in paths:
        document = load_path(path)
        expected.append((path, document.error is None, len(document.forms),
                         sum(len(f.indicators) for f in document.forms)))
    assert [(i.path, i.read, i.forms, i.indicators) for i in report.inputs] == expected
    assert expected[1][1:] == (True, 2, 3)  # written above: two forms, three indicators
    assert report.indicators == sum(e[3] for e in expected)

    data = json.loads(render(report, "json", RenderOptions(lang="en")))
    assert [(i["path"], i["read"], i["forms"], i["indicators"]) for i in data["inputs"]] == expected
    assert data["summary"]["indicators"] == report.indicators

    text = render(report, "text", RenderOptions(lang="zh"))
    assert f"{tmp_path / 'a.yaml'}：读取 2 张表、3 条指标" in text
    assert f"{tmp_path / 'b.json'}：读取" not in text  # unreadable: listed with its reason instead
