"""Configuration files: discovery, shape checks, rule/option validation, errors that say where."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checker.config import (
    Config,
    ConfigError,
    discover_config,
    find_config,
    load_baseline,
    load_config,
    resolve_rules,
)
from engine.toyrules import ALL


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_jixiao_toml_is_found_upward_and_wins_over_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.jixiao]\nlang = "en"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert discover_config([deep]).lang == "en"
    write(tmp_path / "a" / "jixiao.toml", 'fail-on = "warning"\n')
    assert find_config(deep / "x.txt") == tmp_path / "a" / "jixiao.toml"
    assert discover_config([deep]).fail_on == "warning"


def test_pyproject_without_tool_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path


def test_broken_pyproject_with_a_jixiao_table_is_an_error_not_ignored(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.jixiao]\nselect = ["F"\n')
    with pytest.raises(ConfigError) as info:
        discover_config([tmp_path])
    assert info.value.message_id == "core.config.syntax"


def test_full_file_is_read(tmp_path):
    path = write(tmp_path / "jixiao.toml", """
profile = "mof-2021"
select = ["F", "S901"]
extend-select = ["W"]
ignore = ["W9"]
fail-on = "warning"
lang = "en"
year = 2022
baseline = "base.toml"

[rules.F901]
severity = "warning"
cap_yuan = 2500.5

[limits]
max_file_bytes = 1000

[[suppress]]
form = "市政府总值班室经费"
code = "S901"
reason = "the value was cut off by the publisher"
expires = 2027-06-30
""")
    cfg = load_config(path)
    assert cfg.select == ("F", "S901") and cfg.extend_select == ("W",) and cfg.ignore == ("W9",)
    assert (cfg.fail_on, cfg.lang, cfg.year) == ("warning", "en", 2022)
    assert cfg.baseline == str(tmp_path / "base.toml")
    [s] = cfg.suppress
    assert s.expires == dt.date(2027, 6, 30) and s.origin == str(path)
    [f901] = [a for a in resolve_rules(cfg, ALL) if a.code == "F901"]
    assert f901.severity == "warning" and f901.options["cap_yuan"] == Decimal("2500.5")


@pytest.mark.parametrize(
    "text,message_id,key",
    [
        ('selct = ["F"]\n', "core.config.unknown-key", "selct"),
        ('fail-on = "fatal"\n', "core.config.bad-value", "fail-on"),
        ('lang = "fr"\n', "core.config.bad-value", "lang"),
        ("select = \"F\"\n", "core.config.bad-type", "select"),
        ("year = \"2022\"\n", "core.config.bad-type", "year"),
        ('profile = "nope"\n', "core.config.bad-value", "profile"),
        ("[[suppress]]\nform = \"A\"\ncode = \"S101\"\n", "core.config.missing", "suppress[0].reason"),
        ("[[suppress]]\nform = \"A\"\ncode = \"S101\"\nreason = \"r\"\nexpires = \"soon\"\n",
         "core.config.bad-type", "suppress[0].expires"),
        ("x = [\n", "core.config.syntax", None),
    ],
)
def test_file_errors_name_file_and_key(tmp_path, text, message_id, key):
    path = write(tmp_path / "jixiao.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    err = info.value
    assert err.message_id == message_id
    assert err.args_["file"] == str(path)
    if key is not None:
        assert err.args_["key"] == key
    assert str(path) in err.message("zh") and str(path) in err.message("en")


def test_pyproject_keys_are_reported_with_their_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.jixiao]\nfail_on = "error"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.args_["key"] == "tool.jixiao.fail_on"


@pytest.mark.parametrize(
    "rules,message_id,key",
    [
        ({"Z999": {}}, "core.config.unknown-rule", "rules.Z999"),
        ({"F901": {"cap": 1}}, "core.config.unknown-option", "rules.F901.cap"),
        ({"F901": {"severity": "fatal"}}, "core.config.bad-value", "rules.F901.severity"),
        ({"F901": {"cap_yuan": -5}}, "core.config.bad-value", "rules.F901.cap_yuan"),
    ],
)
def test_rule_tables_are_validated_against_the_catalogue(rules, message_id, key):
    with pytest.raises(ConfigError) as info:
        resolve_rules(Config(rules=rules), ALL)
    assert info.value.message_id == message_id
    assert info.value.args_["key"] == key
    assert info.value.args_["file"] == "<config>"


def test_rejected_option_says_what_is_expected():
    with pytest.raises(ConfigError) as info:
        resolve_rules(Config(rules={"F901": {"cap_yuan": 0}}), ALL)
    assert "positive" in info.value.args_["expected"]


def test_unknown_selector_is_an_error_but_loader_codes_are_fine():
    with pytest.raises(ConfigError) as info:
        resolve_rules(Config(select=("Q",)), ALL)
    assert info.value.args_["got"] == "Q"
    resolve_rules(Config(ignore=("E101",)), ALL)


def test_config_in_code_needs_no_files():
    cfg = Config(select="F,S", rules={"f901": {"cap_yuan": "10"}})
    assert cfg.select == ("F", "S")
    [a] = [a for a in resolve_rules(cfg, ALL) if a.code == "F901"]
    assert a.options["cap_yuan"] == Decimal(10)


def test_baseline_file_round_trip(tmp_path):
    path = write(tmp_path / "base.toml", '[[suppress]]\nform = "A"\ncode = "S101"\nreason = "baseline"\ncount = 2\n')
    [s] = load_baseline(path)
    assert (s.form, s.code, s.count) == ("A", "S101", 2)
    with pytest.raises(ConfigError):
        load_baseline(tmp_path / "missing.toml")


def test_written_baseline_reads_back_with_awkward_names(tmp_path):
    from checker.baseline import write_baseline
    from checker.engine import Engine
    from policy.forms.canonical import form_from_mapping

    name = '关于"会议"经费\\2022\t附件'
    forms = [form_from_mapping({"name": name, "indicators": [{"name": "a"}, {"name": "b"}]}),
             form_from_mapping({"indicators": [{"name": "c"}]}, index=1)]  # no name: cannot be listed
    report = Engine(Config(), rules=ALL[:1]).check_forms(forms)
    path = tmp_path / "base.toml"
    assert write_baseline(report, path) == 1
    [entry] = load_baseline(path)
    assert (entry.form, entry.code, entry.reason, entry.count) == (name, "S901", "baseline", 2)
    again = Engine(Config(baseline=str(path)), rules=ALL[:1]).check_forms(forms)
    assert [d.code for d in again.active] == ["S901"]  # only the unnamed form's finding is left
    assert not again.notices
