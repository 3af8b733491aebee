"""Rewrite 指标值 scalars in a canonical YAML file without re-dumping it.

The document is composed with PyYAML's safe loader (libyaml's when present; no object construction) to find each
``indicators[*].value`` scalar and its position; only the characters of that scalar are
replaced, so comments, key order, anchors and layout stay as written. The result is then parsed
again and its event stream compared with the original's: every event must be identical except
the rewritten scalars, which must now hold the canonical text as a plain string.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator

import yaml

from checker.fixer.edits import Span, apply_spans

_INDICATOR_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}\t\r\n]|: |:$| #")


# libyaml's loader when present (same marks, character offsets, far faster); both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnsafeEdit(Exception):
    """The rewritten document would not read back as the original with only the values changed."""


def _mapping_get(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    found = None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found = value_node  # the last duplicate wins, as in the loader
    return found


def _forms(root: yaml.Node) -> Iterator[yaml.Node]:
    forms = _mapping_get(root, "forms")
    if isinstance(forms, yaml.SequenceNode):
        yield from forms.value
    elif isinstance(root, yaml.MappingNode) and forms is None:
        yield root


def value_nodes(root: yaml.Node | None) -> list[yaml.ScalarNode]:
    """Every ``indicators[*].value`` string scalar of every form, in document order."""
    if root is None:
        return []
    found: list[yaml.ScalarNode] = []
    for form in _forms(root):
        indicators = _mapping_get(form, "indicators")
        if not isinstance(indicators, yaml.SequenceNode):
            continue
        for row in indicators.value:
            node = _mapping_get(row, "value")
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
                found.append(node)
    return found


def _shared_nodes(root: yaml.Node) -> set[int]:
    """ids of nodes reachable more than once (aliases): rewriting one would rewrite them all."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return shared


def _resolves_to_str(text: str) -> bool:
    resolver = yaml.resolver.Resolver()
    return resolver.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def scalar_text(new: str, style: str | None) -> str:
    """How to write ``new`` as a YAML scalar, keeping the original quoting style where it can."""
    if style in (None, "") and (
        new == new.strip()
        and new[:1] not in _INDICATOR_START
        and not _FLOW_UNSAFE.search(new)
        and _resolves_to_str(new)
    ):
        return new
    if style == "'" and "\n" not in new:
        return "'" + new.replace("'", "''") + "'"
    return json.dumps(new, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _scalar_starts(text: str) -> dict[int, int]:
    """End offset → start offset of every scalar token (a node's own span includes its anchor
    and tag; the token's span is just the scalar, which is what gets replaced)."""
    return {
        token.end_mark.index: token.start_mark.index
        for token in yaml.scan(text, Loader=_LOADER)
        if isinstance(token, yaml.ScalarToken)
    }


def plan(text: str, rewrite: Callable[[str], str | None]) -> list[Span]:
    """The spans to replace in ``text``; raises yaml.YAMLError for a document that is not YAML."""
    root = yaml.compose(text, Loader=_LOADER)
    if root is None:
        return []
    shared = _shared_nodes(root)
    candidates = []
    for node in value_nodes(root):
        if id(node) in shared:
            continue
        new = rewrite(node.value)
        if new is not None:
            candidates.append((node, new))
    if not candidates:
        return []
    starts = _scalar_starts(text)
    spans: list[Span] = []
    for node, new in candidates:
        end = node.end_mark.index
        start = starts.get(end)
        if start is None:
            continue
        original = text[start:end]
        replacement = scalar_text(new, node.style)
        if node.style in ("|", ">"):
            body = original.rstrip(" \t\r\n")
            replacement += original[len(body):]
        spans.append(Span(start, end, replacement, node.value, new))
    return spans


def _event_key(event: yaml.Event) -> tuple:
    if isinstance(event, yaml.ScalarEvent):
        return ("scalar", event.anchor, event.tag, event.implicit, event.style, event.value)
    if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
        return (type(event).__name__, event.anchor, event.tag, event.implicit, event.flow_style)
    if isinstance(event, yaml.AliasEvent):
        return ("alias", event.anchor)
    return (type(event).__name__,)


def apply(text: str, spans: list[Span]) -> str:
    """``text`` with the spans applied, verified to change nothing but those values."""
    new_text = apply_spans(text, spans)
    old_events = yaml.parse(text, Loader=_LOADER)
    new_events = yaml.parse(new_text, Loader=_LOADER)
    expected = {span.end: span for span in spans}
    for old, new in itertools.zip_longest(old_events, new_events):
        if old is None or new is None:
            raise UnsafeEdit("event count changed")
        span = expected.get(old.end_mark.index) if isinstance(old, yaml.ScalarEvent) else None
        if span is not None:
            if not isinstance(new, yaml.ScalarEvent) or new.value != span.new:
                raise UnsafeEdit(f"value {span.old!r} did not read back as {span.new!r}")
            if new.anchor != old.anchor or new.tag != old.tag:
                raise UnsafeEdit(f"value {span.old!r} changed its anchor or tag")
            if new.style in (None, "") and not _resolves_to_str(new.value):
                raise UnsafeEdit(f"value {span.new!r} would not read as a string")
            continue
        if _event_key(old) != _event_key(new):
            raise UnsafeEdit("a part of the document other than a value changed")
    return new_text
