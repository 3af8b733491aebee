"""Any configuration table gives a Config or a ConfigError — never another exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from checker.config import TOP_KEYS, ConfigError, config_from_mapping, resolve_rules
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


@given(tables)
def test_config_tables_never_crash(table):
    try:
        config = config_from_mapping(table, origin="fuzz.toml")
        resolve_rules(config, ALL)
    except ConfigError as exc:
        assert exc.args_["file"] in ("fuzz.toml", "<config>")
        assert exc.message("zh") and exc.message("en")
