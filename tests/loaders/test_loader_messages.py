"""Every loader message id has a Chinese and an English template with the same fields, and the
issues the loaders raise render in both languages with the arguments they carry."""

from __future__ import annotations

from checker.loaders import issues as ids
from checker.loaders import load_bytes
from policy.messages import catalogue, render, template_fields

CODES = sorted(v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str))


def test_every_code_has_both_templates_with_the_same_fields():
    zh, en = catalogue("zh"), catalogue("en")
    for code in CODES:
        assert code in zh and code in en, code
    for key in (k for k in zh if k.split(".")[0] in CODES):
        assert template_fields(zh[key]) == template_fields(en[key]), key


def test_raised_issues_render():
    samples = [
        load_bytes(b"abc\n\xff\xff\xff", "a.txt"),
        load_bytes(b"forms: [{name: 1, bogus: 2}]", "b.yaml"),
        load_bytes(b"PK\x03\x04xx", "c.xlsx"),
        load_bytes("某项目支出绩效目标表\n项目名称\t甲\n多余\n年度资金总额：十万元".encode(), "d.txt"),
        load_bytes(b"a,b\n", "e.csv"),
    ]
    issues = [i for d in samples for i in (*d.issues, *([d.error] if d.error else []),
                                          *(x for f in d.forms for x in f.issues))]
    assert {i.message_id.split(".")[0] for i in issues} >= {"E002", "E006", "E007", "E101", "E102", "E103", "E011"}
    for issue in issues:
        for lang in ("zh", "en"):
            assert render(issue.message_id, issue.args, lang)
