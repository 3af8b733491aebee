"""The query options of the API, read strictly: an unknown option or a bad value is a 400.

They mirror ``jixiao check``'s flags: ``lang``, ``select`` (replaces the configured selection),
``ignore`` (adds to it), ``fail-on``, and ``scheme`` once the configuration has that key (the
form template, issue 14); plus ``name`` (the file's name, which also tells its
format by its suffix) and ``format`` (json, sarif or xlsx).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

import attrs

from checker.config import Config
from checker.serve.errors import ApiError
from policy.api import SEVERITIES

LANGS = ("zh", "en")
FORMATS = ("json", "sarif", "xlsx")
CHECK_OPTIONS = ("name", "lang", "select", "ignore", "fail-on", "format")
MAX_NAME = 255
_CODE = re.compile(r"[A-Z]+[0-9]*")


@attrs.frozen
class CheckOptions:
    name: str | None = None
    lang: str = "zh"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str = "json"
    scheme: str | None = None


def config_options() -> tuple[str, ...]:
    """Query options that set a configuration key only some versions have."""
    return tuple(name for name in ("scheme",) if name in attrs.fields_dict(Config))


def parse_query(query: str, allowed: tuple[str, ...] = CHECK_OPTIONS) -> dict[str, str]:
    """The query's options; a repeated or unknown option is refused."""
    if allowed is CHECK_OPTIONS:
        allowed = CHECK_OPTIONS + config_options()
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=False,
                          encoding="utf-8", errors="strict", max_num_fields=32)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "serve.bad-option", {"option": "?", "got": "(query)",
                                                 "expected": "a URL-encoded UTF-8 query"}) from None
    out: dict[str, str] = {}
    for key, value in pairs:
        if key not in allowed:
            raise ApiError(400, "serve.unknown-option", {"option": key[:64], "known": ", ".join(allowed)})
        if key in out:
            raise ApiError(400, "serve.bad-option", {"option": key, "got": "(given twice)",
                                                     "expected": "one value"})
        out[key] = value
    return out


def query_lang(query: dict[str, str]) -> str:
    """The language of messages; an unknown one is an error reported in Chinese."""
    lang = query.get("lang", "zh") or "zh"
    if lang not in LANGS:
        raise ApiError(400, "serve.bad-option", {"option": "lang", "got": lang[:32],
                                                 "expected": " | ".join(LANGS)})
    return lang


def check_options(query: dict[str, str]) -> CheckOptions:
    lang = query_lang(query)
    fail_on = query.get("fail-on") or None
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ApiError(400, "serve.bad-option", {"option": "fail-on", "got": fail_on[:32],
                                                 "expected": " | ".join(SEVERITIES)})
    fmt = query.get("format") or "json"
    if fmt not in FORMATS:
        raise ApiError(400, "serve.bad-option", {"option": "format", "got": fmt[:32],
                                                 "expected": " | ".join(FORMATS)})
    select = _codes(query, "select")
    return CheckOptions(name=_name(query.get("name")), lang=lang, select=select or None,
                        ignore=_codes(query, "ignore"), fail_on=fail_on, format=fmt,
                        scheme=query.get("scheme") or None)


def _codes(query: dict[str, str], option: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in query.get(option, "").split(",") if c.strip())
    for code in codes:
        if not _CODE.fullmatch(code):
            raise ApiError(400, "serve.bad-option", {"option": option, "got": code[:32],
                                                     "expected": "rule codes or prefixes, e.g. F,S101"})
    return codes


def _name(name: str | None) -> str | None:
    """The name reports show for the upload. Only a label: nothing is written under it."""
    if name is None or name == "":
        return None
    if len(name) > MAX_NAME:
        raise ApiError(400, "serve.bad-name", {"reason": f"longer than {MAX_NAME} characters"})
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise ApiError(400, "serve.bad-name", {"reason": "control characters"})
    return name
