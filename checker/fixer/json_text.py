"""Rewrite 指标值 strings in a canonical JSON file in place, keeping its layout.

Python's json module gives no positions, so a small scanner walks the (already validated) text
and records the span of each ``indicators[*].value`` string. Only those string tokens are replaced
(escaped in the style the file uses: raw UTF-8, or ``\\uXXXX`` when the file escapes non-ASCII),
then the result is decoded again and compared with the original data plus the substitutions.
The scanner is iterative, so nesting depth cannot exhaust the stack.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.decoder import scanstring
from typing import Any

from checker.fixer.edits import Span, apply_spans

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


class UnsafeEdit(Exception):
    """The rewritten JSON would not decode to the original data with only the values changed."""


def _wanted(path: tuple[Any, ...], multi: bool) -> bool:
    if multi:
        return (
            len(path) == 5
            and path[0] == "forms"
            and isinstance(path[1], int)
            and path[2] == "indicators"
            and isinstance(path[3], int)
            and path[4] == "value"
        )
    return len(path) == 3 and path[0] == "indicators" and isinstance(path[1], int) and path[2] == "value"


def string_spans(text: str, multi: bool) -> list[tuple[tuple[Any, ...], int, int, str]]:
    """(path, start, end, value) of every wanted string; ``text`` must be valid JSON."""
    found = []
    # Each frame: [kind, path, next key or index]. A value's path is its frame's path + key.
    stack: list[list[Any]] = []
    pos = _WS.match(text, 0).end()
    expecting_value = True
    while True:
        if expecting_value:
            path = tuple(stack[-1][1]) + (stack[-1][2],) if stack else ()
            char = text[pos:pos + 1]
            if char == "{" or char == "[":
                kind = "obj" if char == "{" else "arr"
                stack.append([kind, path, None if kind == "obj" else 0])
                pos = _WS.match(text, pos + 1).end()
                if text[pos:pos + 1] in ("}", "]"):
                    stack.pop()
                    pos += 1
                    expecting_value = False
                    continue
                if kind == "obj":
                    key, pos = scanstring(text, pos + 1)
                    stack[-1][2] = key
                    pos = _WS.match(text, pos).end() + 1  # the colon
                    pos = _WS.match(text, pos).end()
                continue
            if char == '"':
                value, end = scanstring(text, pos + 1)
                if _wanted(path, multi):
                    found.append((path, pos, end, value))
                pos = end
            else:
                match = _SCALAR.match(text, pos)
                if match is None:
                    raise ValueError(f"unexpected character at offset {pos}")
                pos = match.end()
            expecting_value = False
            continue
        pos = _WS.match(text, pos).end()
        if not stack:
            return found
        char = text[pos:pos + 1]
        frame = stack[-1]
        if char == ",":
            pos = _WS.match(text, pos + 1).end()
            if frame[0] == "obj":
                key, pos = scanstring(text, pos + 1)
                frame[2] = key
                pos = _WS.match(text, pos).end() + 1
                pos = _WS.match(text, pos).end()
            else:
                frame[2] += 1
            expecting_value = True
        elif char in ("}", "]"):
            stack.pop()
            pos += 1
        else:
            raise ValueError(f"unexpected character at offset {pos}")


def _encode(new: str, token: str) -> str:
    escapes_non_ascii = token.isascii() and "\\u" in token
    return json.dumps(new, ensure_ascii=escapes_non_ascii)


def _substitute(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def plan(text: str, rewrite: Callable[[str], str | None]) -> tuple[list[Span], list[tuple]]:
    """Spans to replace, and the paths they rewrite. Raises ValueError for invalid JSON."""
    data = json.loads(text)
    multi = isinstance(data, dict) and "forms" in data
    spans: list[Span] = []
    paths: list[tuple] = []
    for path, start, end, value in string_spans(text, multi):
        new = rewrite(value)
        if new is None:
            continue
        spans.append(Span(start, end, _encode(new, text[start:end]), value, new))
        paths.append(path)
    return spans, paths


def apply(text: str, spans: list[Span], paths: list[tuple]) -> str:
    """``text`` with the spans applied, verified against the decoded data."""
    new_text = apply_spans(text, spans)
    expected = json.loads(text)
    for span, path in zip(spans, paths):
        _substitute(expected, path, span.new)
    if json.loads(new_text) != expected:
        raise UnsafeEdit("the rewritten JSON does not decode to the expected data")
    return new_text
