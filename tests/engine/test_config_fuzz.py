"""Any configuration table gives a Config or a ConfigError — never another exception — and a
table that loads keeps what it said: written back as a table it loads to the same Config, and
the rules it resolves carry the severities and options it set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import event, given, strategies as st

from policy.api import SEVERITIES
from checker.config import (
    LANGS,
    TOP_KEYS,
    Config,
    ConfigError,
    config_from_mapping,
    is_selected,
    resolve_rules,
)
from engine.toyrules import ALL

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=True), st.text(max_size=6),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    st.sampled_from(["error", "warning", "info", "zh", "en", "mof-2021", "F", "S901", "ALL"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["severity", "cap_yuan", "form", "code", "reason", "expires",
                                     "count", "F901", "S901", "x"]), inner, max_size=3)),
    max_leaves=8)
tables = st.dictionaries(st.sampled_from([*TOP_KEYS, "other"]), values, max_size=5)

# Tables shaped like real ones (most load), so the success path is exercised as much as the errors.
_codes = st.lists(st.sampled_from(["ALL", "F", "S", "S901", "F901", "W9", "c901", " V "]), max_size=3)
_words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=6)
_suppression = st.fixed_dictionaries(
    {"form": _words, "code": st.sampled_from(["S901", "F9", "w901"]), "reason": _words},
    optional={"expires": st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
              "count": st.integers(1, 5), "path": st.sampled_from(["a.yaml", "dir/b.txt"])},
)
_rule_tables = st.fixed_dictionaries({}, optional={
    "F901": st.fixed_dictionaries({}, optional={"severity": st.sampled_from(SEVERITIES),
                                                "cap_yuan": st.integers(1, 10**9).map(str)}),
    "S901": st.fixed_dictionaries({"severity": st.sampled_from(SEVERITIES)}),
})
plausible = st.fixed_dictionaries({}, optional={
    "profile": st.just("mof-2021"),
    "select": _codes, "extend-select": _codes, "ignore": _codes,
    "fail-on": st.sampled_from(SEVERITIES), "lang": st.sampled_from(LANGS),
    "year": st.integers(1985, 2105),
    "rules": _rule_tables,
    "limits": st.fixed_dictionaries({}, optional={"max_rows": st.integers(1, 10**6)}),
    "suppress": st.lists(_suppression, max_size=3),
    "baseline": st.sampled_from(["base.toml", "a/b.toml"]),
})


@given(st.one_of(tables, plausible))
def test_config_tables_never_crash(table):
    try:
        config = config_from_mapping(table, origin="fuzz.toml")
        active = resolve_rules(config, ALL)
    except ConfigError as exc:
        assert exc.args_["file"] in ("fuzz.toml", "<config>")
        assert exc.message("zh") and exc.message("en")
        event(f"rejected: {exc.message_id}")  # --hypothesis-show-statistics shows the mix
        return
    event("loaded")
    _assert_loaded_as_written(table, config, active)


def _assert_loaded_as_written(table, config: Config, active) -> None:
    assert config.path == "fuzz.toml"
    assert config.profile == (table.get("profile") or "mof-2021")
    assert config.fail_on == (table.get("fail-on") or "error") and config.fail_on in SEVERITIES
    assert config.lang == (table.get("lang") or "zh") and config.lang in LANGS
    assert config.year == table.get("year") and (config.year is None or 1990 <= config.year <= 2100)
    for key, field in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore")):
        got = getattr(config, field)
        assert all(c == c.strip().upper() and c for c in got), got
        written = [c.strip().upper() for c in table.get(key) or [] if c.strip()]
        assert list(got) == (written or (["ALL"] if key == "select" else []))
    assert len(config.suppress) == len(table.get("suppress") or [])
    for entry, written in zip(config.suppress, table.get("suppress") or [], strict=True):
        assert entry.form == written["form"].strip() and entry.reason == written["reason"].strip()
        assert entry.code == written["code"].strip().upper()
        assert (entry.expires, entry.count, entry.path) == (
            written.get("expires"), written.get("count"), written.get("path"))
    # Written back as a table, it loads to the same Config.
    assert config_from_mapping(_as_table(config), origin="fuzz.toml") == config
    # The rules it resolves are the selected ones, with the severities and options it set.
    assert [a.code for a in active] == [r.code for r in ALL if is_selected(r.code, config)]
    for a in active:
        written = config.rules.get(a.code, {})
        assert a.severity in SEVERITIES
        if "severity" in written:
            assert a.severity == written["severity"]
        assert set(a.options) == set(a.rule.options)
        if "cap_yuan" in written:
            assert a.options["cap_yuan"] == Decimal(written["cap_yuan"])


def _as_table(config: Config) -> dict:
    """The Config as the TOML table that says the same (the inverse of config_from_mapping)."""
    suppress = []
    for s in config.suppress:
        entry = {"form": s.form, "code": s.code, "reason": s.reason}
        entry |= {k: v for k, v in (("expires", s.expires), ("count", s.count), ("path", s.path))
                  if v is not None}
        suppress.append(entry)
    return {
        "profile": config.profile, "select": list(config.select),
        "extend-select": list(config.extend_select), "ignore": list(config.ignore),
        "fail-on": config.fail_on, "lang": config.lang, "year": config.year,
        "rules": {k: dict(v) for k, v in config.rules.items()}, "limits": dict(config.limits),
        "suppress": suppress, "baseline": config.baseline,
    }
