"""A budget-disclosure document (部门预算公开) without any performance-target form.

Published budgets are long documents of prose and tables — 收支总表, 支出预算表, 项目支出表 with
a 项目名称 column, 三公经费 — and a checker given one must say quickly that it holds no form.
``disclosure_docx`` writes such a document from generated prose and unrelated tables, sized by
sections (about 1.1 pages each when LibreOffice Writer prints it); ``write_disclosure_pdf``
prints it through LibreOffice. ``project_list`` adds the 项目支出预算表, whose 项目名称 column
header reads like a form's 项目名称 row.
"""

from __future__ import annotations

import io
import random
import subprocess
import tempfile
from pathlib import Path

from bench.corpusgen import vocab

_SECTIONS = ("部门职责", "机构设置", "收支预算总体情况", "收入预算情况", "支出预算情况", "财政拨款收支情况",
             "一般公共预算支出情况", "政府性基金预算支出情况", "“三公”经费支出情况", "机关运行经费",
             "政府采购情况", "国有资产占用情况", "预算绩效管理情况", "名词解释")
_CLAUSES = ("按照{unit}的统一部署，{verb}{thing}工作", "较上年{change}{n}万元，主要原因是{reason}",
            "其中基本支出{n}万元，占{p}%", "项目支出{n}万元，主要用于{thing}", "严格执行中央八项规定精神，{verb}各项支出",
            "{unit}{verb}预算管理制度改革，提高资金使用效益", "本年度无{thing}安排", "涉及{thing}的资金已纳入预算")
_VERBS = ("认真落实", "统筹推进", "进一步加强", "切实做好", "持续深化", "规范开展")
_CHANGES = ("增加", "减少")
_REASONS = ("人员变动", "项目调整", "落实过紧日子要求压减一般性支出", "新增专项工作任务", "上年一次性项目结束")
_SUBJECTS = (("201", "一般公共服务支出"), ("20103", "政府办公厅（室）及相关机构事务"), ("2010301", "行政运行"),
             ("2010302", "一般行政管理事务"), ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
             ("2080505", "机关事业单位基本养老保险缴费支出"), ("210", "卫生健康支出"), ("21011", "行政事业单位医疗"),
             ("2101101", "行政单位医疗"), ("221", "住房保障支出"), ("22102", "住房改革支出"), ("2210201", "住房公积金"))


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(1, 99999) / 100:.2f}"


def _paragraph(rng: random.Random, unit: str) -> str:
    thing = rng.choice([topic for _, _, topics in vocab.DEPARTMENTS for topic in topics])
    clauses = [c.format(unit=unit, verb=rng.choice(_VERBS), thing=thing, change=rng.choice(_CHANGES),
                        n=_amount(rng), p=rng.randint(10, 90), reason=rng.choice(_REASONS))
               for c in rng.sample(_CLAUSES, k=rng.randint(3, 6))]
    return "，".join(clauses) + "。"


def _tables(rng: random.Random, unit: str, project_list: bool) -> list[tuple[str, list[str], list[list[str]]]]:
    """(caption, header, rows) of the tables a section may show."""
    subjects = [[code, name, _amount(rng), _amount(rng), _amount(rng)] for code, name in _SUBJECTS]
    projects = [[unit, f"{rng.choice(topic)}{rng.choice(vocab.PROJECT_SUFFIXES)}", _amount(rng), _amount(rng), ""]
                for _, _, topic in rng.sample(vocab.DEPARTMENTS, k=8)]
    listing = [("项目支出预算表", ["单位名称", "项目名称", "预算数", "其中：财政拨款", "备注"], projects)]
    return listing * project_list + [
        ("部门收支总表", ["收入项目", "预算数", "支出项目", "预算数"],
         [["一般公共预算拨款收入", _amount(rng), "一般公共服务支出", _amount(rng)],
          ["政府性基金预算拨款收入", _amount(rng), "社会保障和就业支出", _amount(rng)],
          ["事业收入", _amount(rng), "卫生健康支出", _amount(rng)],
          ["上年结转", _amount(rng), "住房保障支出", _amount(rng)],
          ["收入总计", _amount(rng), "支出总计", _amount(rng)]]),
        ("一般公共预算支出预算表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], subjects),
        ("“三公”经费支出预算表", ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
         [[_amount(rng), "0.00", _amount(rng), _amount(rng)]]),
    ]


def disclosure_docx(sections: int = 18, seed: int = 0, project_list: bool = False) -> bytes:
    """A 部门预算公开 document of ``sections`` sections, each prose and one or two tables."""
    import docx

    rng = random.Random(seed)
    city = rng.choice(vocab.CITIES)
    department = rng.choice(vocab.DEPARTMENTS)[0]
    unit = f"{city}{department}"
    document = docx.Document()
    document.add_heading(f"{unit}2024年部门预算", 0)
    for n in range(sections):
        document.add_heading(f"{'一二三四五六七八九十'[n % 10]}、{_SECTIONS[n % len(_SECTIONS)]}", 1)
        for _ in range(rng.randint(4, 7)):
            document.add_paragraph(_paragraph(rng, unit))
        for caption, header, rows in rng.sample(_tables(rng, unit, project_list), k=rng.randint(1, 2)):
            document.add_paragraph(f"表{n + 1}：{caption}")
            document.add_paragraph("单位：万元")
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header, *rows]):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
        document.add_paragraph(_paragraph(rng, unit))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_disclosure_pdf(path: Path, sections: int = 18, seed: int = 0, project_list: bool = False) -> None:
    """The document printed to PDF by LibreOffice Writer (``soffice`` on the PATH)."""
    with tempfile.TemporaryDirectory(prefix="jixiao-disclosure-") as scratch:
        directory = Path(scratch)
        source = directory / "disclosure.docx"
        source.write_bytes(disclosure_docx(sections, seed, project_list))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{directory}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(directory), str(source)],
                       check=True, timeout=300, capture_output=True)
        path.write_bytes((directory / "disclosure.pdf").read_bytes())
