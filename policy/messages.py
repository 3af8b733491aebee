"""Message catalogues: message id + named arguments → text, per language.

Catalogues are TOML files ``policy/catalogue/<lang>/<family>.toml`` mapping a message id to a
``str.format`` template, e.g. ``"F103" = "成本上限 {cap} 超过年度资金总额 {total}"``. One file per
family keeps rule authors out of each other's way; ids are unique across files. A template may
choose a word by number: ``{files:file|files}`` is "file" when ``files`` is 1, else "files".
"""

from __future__ import annotations

import json
import os
import string
import tomllib
import zlib
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

from grammar.numbers import format_decimal

if TYPE_CHECKING:
    from pathlib import Path

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
# Paths are strings here: pathlib (with urllib.parse and ipaddress) costs a cold start ~3 %, and
# reading the cached catalogue is all a check does with them.
_ROOT = os.path.join(os.path.dirname(__file__), "catalogue")


class MessageError(Exception):
    """An unknown message id or a template that names an argument it was not given."""


@lru_cache(maxsize=None)
def catalogue(lang: str) -> Mapping[str, str]:
    if lang not in LANGS:
        raise MessageError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    folder = os.path.join(_ROOT, lang)
    paths = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".toml"))
    key = _stamp(paths)
    cached = _read_cached(lang, key)
    if cached is not None:
        return cached

    merged: dict[str, str] = {}
    for path in paths:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for msg_id, template in data.items():
            if msg_id in merged:
                raise MessageError(f"message id {msg_id!r} defined twice ({os.path.basename(path)})")
            merged[msg_id] = template
    _write_cached(lang, key, merged)
    return merged


# Parsing the TOML catalogues costs ~7 ms of every cold start; the merged result is kept as JSON
# in the user cache (like the grammar's parser), keyed by each file's path, size and mtime, so an
# edited catalogue is re-read. An unreadable or unwritable cache only costs that time.
def _stamp(paths: list[str]) -> list:
    out = []
    for path in paths:
        info = os.stat(path)
        out.append([path, info.st_size, info.st_mtime_ns])
    return out


def _cache_path(lang: str) -> str:
    """One cache file per installed copy (the catalogue folder's path in the name): two checkouts
    or virtualenvs sharing one user cache no longer overwrite each other's entry on every run."""
    base = os.environ.get("JIXIAO_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jixiao"
    )
    tag = zlib.crc32(os.fsencode(_ROOT))
    return os.path.join(base, f"messages-{lang}-{tag:08x}.json")


def _cache_file(lang: str) -> Path:
    from pathlib import Path

    return Path(_cache_path(lang))


def _read_cached(lang: str, key: list) -> dict[str, str] | None:
    try:
        with open(_cache_path(lang), "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("messages"), dict):
        return None
    return data["messages"]


def _write_cached(lang: str, key: list, merged: dict[str, str]) -> None:
    target = _cache_file(lang)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "messages": merged}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value, keep_zeros=True)
    if isinstance(value, (list, tuple)):
        return "、".join(_fmt(v) for v in value)
    return str(value)


class _Counted(str):
    """An argument's text that also answers a plural choice: ``{files:file|files}`` in a
    template is "file" when the argument is 1 and "files" otherwise (English needs it; the
    Chinese templates have no plural). Any other format spec behaves as for a string."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if self == "1" else many
        return str.__format__(self, spec)


def render(message_id: str, args: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """The message text. Falls back to the other language, then raises MessageError."""
    for candidate in (lang, *[l for l in LANGS if l != lang]):
        template = catalogue(candidate).get(message_id)
        if template is not None:
            try:
                if "|" in template:  # a plural choice: only then wrap the arguments
                    return template.format_map({k: _Counted(_fmt(v)) for k, v in args.items()})
                return template.format_map({k: _fmt(v) for k, v in args.items()})
            except (KeyError, IndexError, ValueError) as exc:
                raise MessageError(f"{message_id}: template needs {exc}") from None
    raise MessageError(f"unknown message id {message_id!r}")


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
