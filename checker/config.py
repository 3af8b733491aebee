"""Configuration: ``[tool.jixiao]`` in pyproject.toml or a ``jixiao.toml``, or a Config built in code.

A Config holds plain data (picklable, so worker processes get it as is). Reading a file checks
its shape and types; checking rule codes, severities and options against the catalogue happens in
``resolve_rules`` (the engine calls it), so a Config built in Python is validated the same way.
Every problem is a ConfigError naming the file, the key and what was expected.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import attrs

from checker.loaders.limits import Limits
from checker.report import safe_render
from policy.api import SEVERITIES
from policy.forms.schemes import AUTO, NAMES
from policy.registry import all_rules

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_PROFILE = "mof-2021"
LANGS = ("zh", "en")
CONFIG_NAMES = ("jixiao.toml", "pyproject.toml")
IN_CODE = "<config>"

TOP_KEYS = (
    "profile",
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "lang",
    "year",
    "scheme",
    "rules",
    "limits",
    "suppress",
    "baseline",
)
SUPPRESS_KEYS = ("form", "code", "reason", "expires", "count", "path")


class ConfigError(Exception):
    """A configuration problem: message id + named args (file, key, expected, got)."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args

    def message(self, lang: str = "zh") -> str:
        return safe_render(self.message_id, self.args_, lang)

    def __str__(self) -> str:
        return self.message("en")


@attrs.frozen
class Profile:
    """A named set of defaults. ``cap_practice`` keeps advisory (practice-sourced) rules below
    error unless the user configures a severity for them."""

    name: str
    description: str
    cap_practice: str | None = "warning"


PROFILES: dict[str, Profile] = {
    "mof-2021": Profile(
        "mof-2021",
        "National guidance (中发〔2018〕34号, 财预〔2021〕101号): rules from official or system "
        "sources keep their severity; practice-only rules never exceed warning.",
    ),
}


@attrs.frozen
class Suppression:
    """An accepted finding: the form (by 项目名称), the rule code (or prefix) and why.

    ``count`` (baseline entries) caps how many findings it covers; ``expires`` stops it applying
    after that date; ``path`` (optional) restricts it to one input file.
    """

    form: str
    code: str
    reason: str
    expires: dt.date | None = None
    count: int | None = None
    path: str | None = None
    origin: str = IN_CODE  # the file that declared it, for messages

    def matches(self, form_name: str | None, code: str, path: str) -> bool:
        if form_name is None or form_name.strip() != self.form.strip():
            return False
        if not (code == self.code or code.startswith(self.code)):
            return False
        if self.path is None:
            return True
        from pathlib import Path  # only for a suppression that names a file

        if Path(path).as_posix() != Path(self.path).as_posix():
            return Path(path).resolve() == Path(self.path).resolve()
        return True


def _rules_converter(value: Mapping[str, Any] | None) -> Mapping[str, Mapping[str, Any]]:
    return {str(k).upper(): dict(v) for k, v in (value or {}).items()}


def _as_tuple(items):
    """tuple() as a converter. A plain function: attrs reads a converter's signature, and the
    first inspect.signature() of a builtin type costs ~7 ms of every cold start."""
    return tuple(items)


def _codes(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(c.strip().upper() for c in value if c and c.strip())


@attrs.frozen
class Config:
    """Everything a run can be told. Build it in code (``Config(select=("F",))``) or load it.

    ``rules`` maps a rule code to a table of ``severity`` and that rule's options;
    ``limits`` is passed to the loaders; ``suppress`` lists accepted findings; ``baseline`` is a
    file of further accepted findings (written by ``jixiao check --write-baseline``).
    """

    profile: str = DEFAULT_PROFILE
    select: tuple[str, ...] = attrs.field(default=("ALL",), converter=_codes)
    extend_select: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    fail_on: str = "error"
    lang: str = "zh"
    year: int | None = None
    scheme: str = "auto"  # the template scheme to judge every form by (policy/forms/schemes.py)
    rules: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_rules_converter)
    limits: Mapping[str, Any] = attrs.field(factory=dict)
    suppress: tuple[Suppression, ...] = attrs.field(default=(), converter=_as_tuple)
    baseline: str | None = None
    path: str | None = None  # the file this came from, for messages

    @property
    def origin(self) -> str:
        return self.path or IN_CODE

    def replace(self, **changes: Any) -> "Config":
        """A copy with some fields changed (None values are ignored: 'not given')."""
        return attrs.evolve(self, **{k: v for k, v in changes.items() if v is not None})

    def validate(self) -> "Config":
        """Check the scalar settings; rules/options are checked by ``resolve_rules``."""
        f = self.origin
        if self.profile not in PROFILES:
            raise ConfigError(
                "core.config.bad-value", file=f, key="profile", got=self.profile,
                expected=" | ".join(PROFILES),
            )
        if self.fail_on not in SEVERITIES:
            raise ConfigError(
                "core.config.bad-value", file=f, key="fail-on", got=self.fail_on,
                expected=" | ".join(SEVERITIES),
            )
        if self.lang not in LANGS:
            raise ConfigError(
                "core.config.bad-value", file=f, key="lang", got=self.lang, expected=" | ".join(LANGS)
            )
        if self.year is not None and (
            not isinstance(self.year, int) or isinstance(self.year, bool) or not 1990 <= self.year <= 2100
        ):
            raise ConfigError(
                "core.config.bad-value", file=f, key="year", got=self.year,
                expected="a year between 1990 and 2100",
            )

        if self.scheme != AUTO and self.scheme not in NAMES:
            raise ConfigError(
                "core.config.bad-value", file=f, key="scheme", got=self.scheme,
                expected=" | ".join((AUTO, *NAMES)),
            )
        return self

    def loader_limits(self) -> Any:
        """The loaders' Limits from ``[limits]``, or None for their defaults."""
        if not self.limits:
            return None

        names = [a.name for a in attrs.fields(Limits)]
        for key, value in self.limits.items():
            if key.replace("-", "_") not in names:
                raise ConfigError(
                    "core.config.unknown-key", file=self.origin, key=f"limits.{key}",
                    allowed=", ".join(names),
                )
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(
                    "core.config.bad-type", file=self.origin, key=f"limits.{key}",
                    expected="a positive integer", got=repr(value),
                )
        return Limits(**{k.replace("-", "_"): v for k, v in self.limits.items()})


# ---------------------------------------------------------------- reading files


def find_config(start: str | Path) -> Path | None:
    """The nearest jixiao.toml, or pyproject.toml with a [tool.jixiao] table, from ``start``
    upward (jixiao.toml wins within one directory)."""
    # os.path, not pathlib, on the way up: pathlib (with urllib.parse and ipaddress) costs every
    # cold start ~3 %, and most checks find no configuration at all.

    here = os.path.realpath(os.fspath(start))  # what Path(start).resolve() gives
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        candidate = os.path.join(here, "jixiao.toml")
        if os.path.isfile(candidate):
            return _path(candidate)
        pyproject = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return _path(pyproject)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _path(name: str) -> Path:
    from pathlib import Path

    return Path(name)


def _has_tool_table(path: str | Path) -> bool:
    """Whether a pyproject.toml configures jixiao. A broken file that mentions [tool.jixiao]
    counts, so its syntax error is reported instead of silently ignored."""
    try:
        raw = _regular_file_bytes(path)
    except (OSError, ConfigError):
        return False
    if b"jixiao" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        return False  # no key can be named jixiao: most projects' pyproject.toml, read without tomllib

    try:
        data = tomllib.loads(_toml_text(raw))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return b"tool.jixiao" in raw
    return isinstance(data.get("tool"), dict) and "jixiao" in data["tool"]


MAX_CONFIG_BYTES = 10 * 1024 * 1024


def _toml_text(raw: bytes) -> str:
    """The file as TOML text; a UTF-8 byte-order mark (Windows editors write one) is not TOML's
    business and is dropped."""
    return raw.decode("utf-8").removeprefix("\ufeff")


def _regular_file_bytes(path: str | Path) -> bytes:
    """The file's bytes — only for a regular file of sane size: a configuration that names
    /dev/zero or a FIFO must fail at once, not hang or fill memory."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError("core.config.unreadable", file=str(path), error="not a regular file")
    if info.st_size > MAX_CONFIG_BYTES:
        raise ConfigError("core.config.unreadable", file=str(path),
                          error=f"larger than {MAX_CONFIG_BYTES} bytes")
    with open(path, "rb") as fh:
        data = fh.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError("core.config.unreadable", file=str(path),
                          error=f"larger than {MAX_CONFIG_BYTES} bytes")
    return data


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(_toml_text(_regular_file_bytes(path)))
    except FileNotFoundError:
        raise ConfigError("core.config.not-found", file=str(path)) from None
    except OSError as exc:
        raise ConfigError("core.config.unreadable", file=str(path), error=exc.strerror or str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("core.config.syntax", file=str(path), error=str(exc)) from None
    except RecursionError:  # tomllib recurses per nesting level
        raise ConfigError("core.config.syntax", file=str(path), error="nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise ConfigError("core.config.unreadable", file=str(path), error=str(exc)) from None
    except ValueError:  # a NUL byte in the path
        raise ConfigError("core.config.unreadable", file=repr(str(path)), error="invalid path") from None


def load_config(path: str | Path) -> Config:
    """Read a jixiao.toml or pyproject.toml ([tool.jixiao]) into a validated Config."""
    from pathlib import Path  # a configuration file was found or named

    path = Path(path)
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        data = (data.get("tool") or {}).get("jixiao") or {}
        prefix = "tool.jixiao."
    return config_from_mapping(data, origin=str(path), prefix=prefix, base_dir=path.parent)


def discover_config(paths: Sequence[str | Path]) -> Config:
    """The configuration that applies to the checked paths (their common directory), or defaults."""
    # A path the OS cannot name (a NUL byte, from an embedding caller) has no directory to search;
    # the loader reports it as an input that cannot be read.
    paths = [p for p in paths if "\x00" not in str(p)] or ["."]
    try:  # os.path.realpath(os.fspath(p)) is Path(p).resolve() without importing pathlib
        common = os.path.commonpath([os.path.realpath(os.fspath(p)) for p in paths])
    except ValueError:
        common = os.path.realpath(os.fspath(paths[0]))
    found = find_config(common)
    return load_config(found) if found is not None else Config()


def config_from_mapping(
    data: Mapping[str, Any], origin: str = IN_CODE, prefix: str = "", base_dir: Path | None = None
) -> Config:
    """Build a Config from a parsed TOML table, checking keys and types."""
    if not isinstance(data, Mapping):
        raise ConfigError("core.config.bad-type", file=origin, key=prefix.rstrip(".") or "tool.jixiao",
                          expected="a table", got=type(data).__name__)
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(
                "core.config.unknown-key", file=origin, key=prefix + key, allowed=", ".join(TOP_KEYS)
            )

    def string(key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError("core.config.bad-type", file=origin, key=prefix + key,
                              expected="a string", got=repr(value))
        return value

    def code_list(key: str) -> tuple[str, ...] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError("core.config.bad-type", file=origin, key=prefix + key,
                              expected='a list of rule codes or prefixes, e.g. ["F", "V101"]',
                              got=repr(value))
        return _codes(value)

    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ConfigError("core.config.bad-type", file=origin, key=prefix + "year",
                          expected="an integer year, e.g. 2022", got=repr(year))
    rules = data.get("rules") or {}
    if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
        raise ConfigError("core.config.bad-type", file=origin, key=prefix + "rules",
                          expected='tables like [rules.V103] with severity = "warning"',
                          got=repr(rules))
    limits = data.get("limits") or {}
    if not isinstance(limits, Mapping):
        raise ConfigError("core.config.bad-type", file=origin, key=prefix + "limits",
                          expected="a table", got=repr(limits))
    baseline = string("baseline")
    if baseline is not None and base_dir is not None:
        baseline = str(base_dir / baseline)
    suppress = parse_suppressions(data.get("suppress") or [], origin, prefix + "suppress")
    if code_list("select") == ():  # `select = []` would silently select nothing, or everything
        raise ConfigError("core.config.bad-value", file=origin, key=prefix + "select", got="[]",
                          expected='at least one rule code or prefix ("ALL" for every rule)')
    config = Config(
        profile=string("profile") or DEFAULT_PROFILE,
        select=code_list("select") or ("ALL",),
        extend_select=code_list("extend-select") or (),
        ignore=code_list("ignore") or (),
        fail_on=string("fail-on") or "error",
        lang=string("lang") or "zh",
        year=year,
        scheme=string("scheme") or "auto",
        rules=rules,
        limits=dict(limits),
        suppress=suppress,
        baseline=baseline,
        path=None if origin == IN_CODE else origin,
    )
    return config.validate()


def parse_suppressions(entries: Any, origin: str, key: str) -> tuple[Suppression, ...]:
    """``[[suppress]]`` entries: form and code and reason are mandatory."""
    if not isinstance(entries, list):
        raise ConfigError("core.config.bad-type", file=origin, key=key,
                          expected="an array of tables [[suppress]]", got=repr(entries))
    out = []
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, Mapping):
            raise ConfigError("core.config.bad-type", file=origin, key=where, expected="a table",
                              got=repr(entry))
        for k in entry:
            if k not in SUPPRESS_KEYS:
                raise ConfigError("core.config.unknown-key", file=origin, key=f"{where}.{k}",
                                  allowed=", ".join(SUPPRESS_KEYS))
        for k, expected in (("form", "the form's 项目名称"), ("code", "a rule code or prefix"),
                            ("reason", "why the finding is accepted")):
            value = entry.get(k)
            if not isinstance(value, str) or not value.strip():
                if k not in entry:
                    raise ConfigError("core.config.missing", file=origin, key=f"{where}.{k}",
                                      expected=expected)
                raise ConfigError("core.config.bad-type", file=origin, key=f"{where}.{k}",
                                  expected=f"a non-empty string: {expected}", got=repr(value))
        expires = entry.get("expires")
        if isinstance(expires, str):
            try:
                expires = dt.date.fromisoformat(expires)
            except ValueError:
                expires = False
        if expires is not None and (not isinstance(expires, dt.date) or isinstance(expires, dt.datetime)):
            raise ConfigError("core.config.bad-type", file=origin, key=f"{where}.expires",
                              expected="a date, e.g. 2026-12-31", got=repr(entry.get("expires")))
        count = entry.get("count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
            raise ConfigError("core.config.bad-type", file=origin, key=f"{where}.count",
                              expected="a positive integer", got=repr(count))
        path = entry.get("path")
        if path is not None and not isinstance(path, str):
            raise ConfigError("core.config.bad-type", file=origin, key=f"{where}.path",
                              expected="a file path", got=repr(path))
        out.append(
            Suppression(form=entry["form"].strip(), code=entry["code"].strip().upper(),
                        reason=entry["reason"].strip(), expires=expires, count=count, path=path,
                        origin=origin)
        )
    return tuple(out)


def load_baseline(path: str | Path) -> tuple[Suppression, ...]:
    """A baseline file: ``[[suppress]]`` entries (as written by --write-baseline)."""
    from pathlib import Path

    path = Path(path)
    data = _read_toml(path)
    for key in data:
        if key != "suppress":
            raise ConfigError("core.config.unknown-key", file=str(path), key=key, allowed="suppress")
    return parse_suppressions(data.get("suppress") or [], str(path), "suppress")


# ---------------------------------------------------------------- rules, severities, options


@attrs.frozen(eq=False, repr=False)  # internal, never compared or shown: cheaper to create at import
class ActiveRule:
    """A selected rule with its effective severity and validated options."""

    code: str
    severity: str
    options: Mapping[str, Any]
    rule: type


def _matches(code: str, selector: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching ``code`` (ALL = 0), -1 when none does."""
    best = -1
    for s in selectors:
        if _matches(code, s):
            best = max(best, 0 if s == "ALL" else len(s))
    return best


def is_selected(code: str, config: Config) -> bool:
    """ruff's rule: the most specific selector wins; on a tie, ignore wins."""
    chosen = _specificity(code, (*config.select, *config.extend_select))
    ignored = _specificity(code, config.ignore)
    return chosen >= 0 and chosen > ignored


def is_loader_code_shown(code: str, config: Config) -> bool:
    """Loader codes (E…) are always shown unless ignored explicitly (select narrows rules only)."""
    ignored = _specificity(code, [s for s in config.ignore if s != "ALL"])
    chosen = _specificity(code, [s for s in (*config.select, *config.extend_select) if s != "ALL"])
    return ignored < 0 or chosen > ignored


def _check_selectors(config: Config, codes: Sequence[str]) -> None:
    """Every selector and every suppression's code names a rule (or a prefix of one): a typo would
    otherwise select, ignore or suppress nothing without a word."""
    named = [(key, s) for key, selectors in (("select", config.select),
                                             ("extend-select", config.extend_select),
                                             ("ignore", config.ignore)) for s in selectors]
    named += [(f"suppress[{i}].code", s.code) for i, s in enumerate(config.suppress)
              if s.origin == config.origin]
    for key, s in named:
        if s == "ALL" or (s and s[0] == "E" and s[1:].isdigit() or s == "E"):
            continue
        if not any(c.startswith(s) for c in codes):
            raise ConfigError("core.config.unknown-selector", file=config.origin, key=key, got=s)


def _coerce_option(default: Any, value: Any) -> Any:
    """TOML has no Decimal or tuple: turn numbers into Decimal and arrays into tuples when the
    default is of that type, so validators see what they expect."""
    if isinstance(default, Decimal) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(default, tuple) and isinstance(value, list):
        return tuple(value)
    if isinstance(default, frozenset) and isinstance(value, list):
        return frozenset(value)
    return value


def effective_severity(rule: type, config: Config) -> str:
    """The rule's severity under the profile and the configuration."""
    table = config.rules.get(rule.code, {})
    if "severity" in table:
        return str(table["severity"])
    severity = rule.severity.value
    profile = PROFILES[config.profile]
    kind = getattr(rule.source.kind, "value", rule.source.kind)
    if profile.cap_practice and kind == "practice" and severity == "error":
        return profile.cap_practice
    return severity


def resolve_rules(config: Config, rules: Sequence[type] | None = None) -> list[ActiveRule]:
    """The selected rules with effective severity and validated options.

    Raises ConfigError for an unknown rule in ``[rules]``, an unknown option, a bad severity or an
    option value its validator rejects.
    """
    if rules is None:
        rules = all_rules()
    config.validate()
    by_code = {r.code: r for r in rules}
    _check_selectors(config, list(by_code))
    for code, table in config.rules.items():
        key = f"rules.{code}"
        if code not in by_code:
            raise ConfigError("core.config.unknown-rule", file=config.origin, key=key, code=code)
        rule = by_code[code]
        for opt in table:
            if opt != "severity" and opt not in rule.options:
                raise ConfigError("core.config.unknown-option", file=config.origin, code=code,
                                  key=f"{key}.{opt}",
                                  allowed=", ".join(["severity", *rule.options]))
        if "severity" in table and table["severity"] not in SEVERITIES:
            raise ConfigError("core.config.bad-value", file=config.origin, key=f"{key}.severity",
                              got=repr(table["severity"]), expected=" | ".join(SEVERITIES))
    active = []
    for rule in rules:
        if not is_selected(rule.code, config):
            continue
        table = config.rules.get(rule.code, {})
        options = {}
        for name, opt in rule.options.items():
            value = _coerce_option(opt.default, table[name]) if name in table else opt.default
            if opt.validate is not None and name in table:
                try:
                    value = opt.validate(value)
                except (ValueError, TypeError, ArithmeticError) as exc:
                    raise ConfigError("core.config.bad-value", file=config.origin,
                                      key=f"rules.{rule.code}.{name}", got=repr(table[name]),
                                      expected=str(exc) or opt.doc) from None
            options[name] = value
        active.append(ActiveRule(rule.code, effective_severity(rule, config), options, rule))
    return active
