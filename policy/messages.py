"""Message catalogues: message id + named arguments → text, per language.

Catalogues are TOML files ``policy/catalogue/<lang>/<family>.toml`` mapping a message id to a
``str.format`` template, e.g. ``"F103" = "成本上限 {cap} 超过年度资金总额 {total}"``. One file per
family keeps rule authors out of each other's way; ids are unique across files.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
import string
import tomllib
from typing import Any, Mapping

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
_ROOT = Path(__file__).parent / "catalogue"


class MessageError(Exception):
    """An unknown message id or a template that names an argument it was not given."""


@lru_cache(maxsize=None)
def catalogue(lang: str) -> Mapping[str, str]:
    if lang not in LANGS:
        raise MessageError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    merged: dict[str, str] = {}
    for path in sorted((_ROOT / lang).glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for key, template in data.items():
            if key in merged:
                raise MessageError(f"message id {key!r} defined twice ({path.name})")
            merged[key] = template
    return merged


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if isinstance(value, (list, tuple)):
        return "、".join(_fmt(v) for v in value)
    return str(value)


def render(message_id: str, args: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """The message text. Falls back to the other language, then raises MessageError."""
    for candidate in (lang, *[l for l in LANGS if l != lang]):
        template = catalogue(candidate).get(message_id)
        if template is not None:
            try:
                return template.format_map({k: _fmt(v) for k, v in args.items()})
            except (KeyError, IndexError, ValueError) as exc:
                raise MessageError(f"{message_id}: template needs {exc}") from None
    raise MessageError(f"unknown message id {message_id!r}")


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
