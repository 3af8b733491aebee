"""`jixiao format --in-place` on each input format: only value cells change, into their canonical
form; names, damaged values, comments, layout, quoting, encoding and everything else stay; a second
run changes nothing."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from fix_support import changed_lines, read, run, write

from checker.loaders import load_path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"

YAML_FORM = """\
# 绩效目标表 — hand-kept file; comments and layout must survive formatting
forms:
  - name: 不低于95%的项目   # a name that looks like a value is still a name
    budget_unit: 测试单位
    goals:
      annual: 满意度不低于95%
    indicators:
      - level1: 产出指标
        level2: 数量指标
        name: 印发数量
        value: 不低于6000份      # trailing comment
      - {level1: 产出指标, level2: 质量指标, name: 合格率, value: ＞＝90％}
      - level1: 产出指标
        level2: 质量指标
        name: 验收合格率
        value: ">= 98 %(百分比)"
      - level1: 产出指标
        level2: 时效指标
        name: 完成时间
        value: '年底前'
      - level1: 效益指标
        level2: 社会效益
        name: 社会影响
        value: 持续提升
      - level1: 满意度指标
        level2: 服务对象满意度
        name: 满意度
        value: ≥**%
      - level1: 产出指标
        level2: 成本指标
        name: 成本
        value: ≤15万元
"""


def test_yaml_rewrites_only_value_scalars(tmp_path):
    path = write(tmp_path, "form.yaml", YAML_FORM)
    code, out, err = run([path, "--in-place"])
    assert code == 0, err
    assert len(out.splitlines()) == 4
    after = read(path).decode("utf-8")
    assert changed_lines(YAML_FORM, after) == [
        ("        value: 不低于6000份      # trailing comment\n",
         "        value: ≥6000份      # trailing comment\n"),
        ("      - {level1: 产出指标, level2: 质量指标, name: 合格率, value: ＞＝90％}\n",
         "      - {level1: 产出指标, level2: 质量指标, name: 合格率, value: ≥90%}\n"),
        ('        value: ">= 98 %(百分比)"\n', '        value: "≥98%"\n'),
        ("        value: '年底前'\n", "        value: '12月底前'\n"),
    ]
    assert "4" in err  # the summary counts the rewrites


def test_yaml_quotes_a_value_that_would_not_read_back_as_plain_text(tmp_path):
    text = "forms:\n- name: x\n  indicators:\n  - name: a\n    value: 大于95%\n  - name: b\n    value: |\n      不低于95%\n  - name: c\n    value: x\n"
    path = write(tmp_path, "form.yaml", text)
    assert run([path, "--in-place"])[0] == 0
    after = read(path).decode()
    assert '    value: ">95%"\n' in after  # a plain scalar cannot start with ">"
    assert '    value: "≥95%"\n  - name: c\n' in after  # the block scalar became one line
    assert load_path(path).forms[0].indicators[0].value_text == ">95%"


def test_yaml_aliased_value_is_left_alone(tmp_path):
    text = "forms:\n- name: &v 不低于95%\n  indicators:\n  - name: a\n    value: *v\n"
    path = write(tmp_path, "form.yaml", text)
    code, _, _ = run([path, "--in-place"])
    assert read(path).decode() == text or code == 2  # never rewrites the name through the alias


JSON_FORM = {
    "forms": [{
        "name": "不低于95%",
        "budget_unit": "单位",
        "indicators": [
            {"name": "合格率", "value": "不低于95%", "level1": "产出指标", "level2": "质量指标"},
            {"value": "1OO%", "name": "损坏", "level1": "产出指标", "level2": "质量指标"},
            {"level1": "产出指标", "level2": "时效指标", "name": "时限", "value": "1小时内"},
        ],
    }]
}


@pytest.mark.parametrize("ensure_ascii", [False, True])
@pytest.mark.parametrize("indent", [None, 2, "\t"])
def test_json_keeps_layout_key_order_and_escaping(tmp_path, ensure_ascii, indent):
    text = json.dumps(JSON_FORM, ensure_ascii=ensure_ascii, indent=indent) + "\n"
    path = write(tmp_path, "form.json", text)
    assert run([path, "--in-place"])[0] == 0
    after = read(path).decode("utf-8")
    expected = json.loads(text)
    expected["forms"][0]["indicators"][0]["value"] = "≥95%"
    expected["forms"][0]["indicators"][2]["value"] = "≤1小时"
    assert json.loads(after) == expected
    assert list(json.loads(after)["forms"][0]["indicators"][1]) == ["value", "name", "level1", "level2"]
    def token(value: str) -> str:
        return json.dumps(value, ensure_ascii=ensure_ascii)

    assert after == text.replace('"value": ' + token("不低于95%"), '"value": ' + token("≥95%")).replace(
        token("1小时内"), token("≤1小时"))


def test_json_single_form_file(tmp_path):
    form = dict(JSON_FORM["forms"][0])
    path = write(tmp_path, "one.json", json.dumps(form, ensure_ascii=False))
    assert run([path, "--in-place"])[0] == 0
    assert [i["value"] for i in json.loads(read(path))["indicators"]] == ["≥95%", "1OO%", "≤1小时"]


FLAT = [
    ["金额单位：元"],
    ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "权重"],
    ["测试单位", "测试项目", "150000", "完成, 工作", "产出指标", "数量指标", "不低于95%", "不低于95%", "10"],
    ["", "", "", "", "产出指标", "质量指标", "合格率", "≥**%", "10"],
    ["", "", "", "", "产出指标", "时效指标", "时限", "1小时内", "10"],
    ["", "", "", "", "产出指标", "质量指标", "等于", "＝100%", "10"],
]


def _csv(rows, delimiter=",", quoting=0, lineterminator="\r\n") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter,quoting,terminator", [(",", 0, "\r\n"), (";", 1, "\n"), ("\t", 0, "\n")])
def test_csv_keeps_dialect_quoting_and_encoding(tmp_path, encoding, delimiter, quoting, terminator):
    text = _csv(FLAT, delimiter, quoting, terminator)
    suffix = ".tsv" if delimiter == "\t" else ".csv"
    path = write(tmp_path, "table" + suffix, text, encoding)
    original = read(path)
    code, _, err = run([path, "--in-place"])
    assert code == 0, err
    data = read(path)
    bom = next((b for b in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if original.startswith(b)), b"")
    assert data.startswith(bom)
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"}.get(encoding, encoding)
    after = data[len(bom):].decode(codec)
    quote = '"' if quoting == 1 else ""
    assert changed_lines(text, after) == [
        (line, line.replace(f"{delimiter}{quote}不低于95%{quote}{delimiter}{quote}10", f"{delimiter}{quote}≥95%{quote}{delimiter}{quote}10"))
        for line in text.splitlines(keepends=True) if "不低于95%" in line
    ] + [
        (line, line.replace("1小时内", "≤1小时")) for line in text.splitlines(keepends=True) if "1小时内" in line
    ]
    # the name column keeps its 不低于95%, the damaged ≥**% and the formula-like ＝100% stay


def test_split_cell_tables_are_reported_and_left_alone(tmp_path):
    rows = [["单位名称", "项目名称", "三级指标", "指标性质", "指标值", "度量单位"],
            ["单位", "项目", "合格率", "大于等于", "95", "百分比"]]
    path = write(tmp_path, "split.csv", _csv(rows))
    before = read(path)
    code, _, err = run([path, "--in-place"])
    assert code == 0 and read(path) == before
    assert "分列" in err


def _xlsx(rows, formula_cell: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效目标"
    for row in rows:
        sheet.append(row)
    if formula_cell:
        sheet[formula_cell] = "=SUM(C3:C3)"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_rewrites_value_cells_only(tmp_path):
    import openpyxl

    path = write(tmp_path, "table.xlsx", _xlsx(FLAT, formula_cell="K3"))
    code, out, err = run([path, "--in-place"])
    assert code == 0, err
    assert "绩效目标!H3: 不低于95% → ≥95%" in out
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[2][6] == "不低于95%"  # the name column
    assert values[2][7] == "≥95%"
    assert values[3][7] == "≥**%"
    assert values[4][7] == "≤1小时"
    assert values[5][7] == "＝100%"  # would become a formula
    assert values[2][10] == "=SUM(C3:C3)"  # formulas stay formulas
    expected = [list(row) for row in FLAT]
    expected[2][7], expected[4][7] = "≥95%", "≤1小时"
    expected[2] += [None, "=SUM(C3:C3)"]
    assert [[v for v in row if v not in (None, "")] for row in values] == [
        [v for v in row if v not in (None, "")] for row in expected
    ]


def test_xlsx_with_parts_openpyxl_would_drop_is_refused(tmp_path):
    import zipfile

    data = io.BytesIO(_xlsx(FLAT))
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr("xl/media/image1.png", b"\x89PNG not really")
    path = write(tmp_path, "pictures.xlsx", data.getvalue())
    before = read(path)
    code, _, err = run([path, "--in-place"])
    assert code == 2 and read(path) == before
    assert "xl/media/image1.png" in err


def test_seed_extracted_text_rewrites_only_the_value_cell(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = write(tmp_path, "seed.txt", text)
    code, out, err = run([path, "--in-place"])
    assert code == 0, err
    assert out == f"{path}:211:17: 1小时内 → ≤1小时\n"
    assert changed_lines(text, read(path).decode("utf-8")) == [
        (line, line.replace("\t1小时内", "\t≤1小时")) for line in text.splitlines(keepends=True)
        if "\t1小时内" in line
    ]
    assert len(changed_lines(text, read(path).decode("utf-8"))) == 1


def test_extracted_text_value_sharing_a_cell_is_left_alone(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("\t1小时内", "\t1小时内 以内")
    path = write(tmp_path, "seed.txt", text)
    run([path, "--in-place"])
    assert "1小时内 以内" in read(path).decode("utf-8")


@pytest.mark.parametrize("name", ["form.yaml", "form.json", "table.csv", "table.xlsx", "seed.txt"])
def test_formatting_twice_changes_nothing_more(tmp_path, name):
    content = {
        "form.yaml": YAML_FORM.encode(),
        "form.json": json.dumps(JSON_FORM, ensure_ascii=False, indent=1).encode(),
        "table.csv": _csv(FLAT).encode(),
        "table.xlsx": _xlsx(FLAT),
        "seed.txt": SEED.read_bytes(),
    }[name]
    path = write(tmp_path, name, content)
    assert run([path, "--in-place"])[0] == 0
    once = read(path)
    assert once != content
    code, out, err = run([path, "--check"])
    assert code == 0 and out == "", (out, err)
    assert run([path, "--in-place"])[0] == 0
    assert read(path) == once  # nothing to change: not even re-saved


def test_xlsx_formula_results_are_not_lost(tmp_path):
    """Excel stores a formula's last result next to it; openpyxl drops those results on save, so
    a workbook whose data come from formulas must not be re-saved as if nothing changed."""
    import re
    import zipfile

    source = io.BytesIO(_xlsx(FLAT))
    members = {}
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info)
    sheet = next(n for n in members if n.startswith("xl/worksheets/sheet"))
    xml = members[sheet].decode()
    # C3 (预算数) becomes a formula with its cached result, the way Excel writes it.
    xml, count = re.subn(r'<c r="C3"[^>]*>.*?</c>', '<c r="C3"><f>100000+50000</f><v>150000</v></c>', xml)
    assert count == 1
    members[sheet] = xml.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    path = write(tmp_path, "formulas.xlsx", out.getvalue())
    before = read(path)
    total_before = load_path(path).forms[0].funding.total
    assert total_before is not None and total_before.yuan == 150000
    code, _, err = run([path, "--in-place"])
    if code == 0:
        assert load_path(path).forms[0].funding.total == total_before
    else:
        assert code == 2 and read(path) == before
        assert "formulas.xlsx" in err
