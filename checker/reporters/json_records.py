"""Diagnostics and coverage records as JSON text, written straight from the report objects.

Every record of a report is ``encode(record.to_json(lang), 2)`` (json_format's indent=2 layout,
two levels deep). Building the dict and walking it again costs more than the rest of the report
together, so ``RecordWriter`` fills a fixed template per record instead (11% end to end, measured
in the third session). It keeps one cache: the JSON of an outcome shared by many forms, which
buys 3.4% end to end (callgrind, 100 text forms: 1,326 vs 1,283 M instructions); the caches of
rule heads, sources, messages and ``passed`` lists bought 0.0–0.7% each and went. The cache lives
as long as one writer (one report), so a message catalogue changed between runs is never stale,
and it is bounded. Anything unusual (a subclass, a value of another type) takes the general
path, so the text is always the same; tests/reporters/test_json_records.py proves it.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from checker.citation import source_json
from policy.api import OUTCOMES
from checker.report import (
    Diagnostic,
    FormCoverage,
    IndicatorRef,
    RuleOutcome,
    json_value,
    safe_render,
)

_LIMIT = 4096  # entries per cache; a cache that fills up starts again

# Separators of a record nested two levels deep (a list item of the top-level object).
_K = ",\n      "  # before each key of the record
_K3 = ",\n        "  # before each key of a dict inside the record
_END3 = "\n      }"


def _bounded_put(cache: dict, key: Any, value: Any) -> Any:
    if len(cache) >= _LIMIT:
        cache.clear()
    cache[key] = value
    return value


class RecordWriter:
    """Turns Diagnostics and FormCoverages of one report into their JSON text (see module doc)."""

    def __init__(self, lang: str, encode: Callable[[Any, int], str]) -> None:
        self.lang = lang
        self.encode = encode  # json_format.encode: the general path, and the reference
        self._outcomes: dict[tuple, str] = {}

    def _value(self, value: Any, level: int) -> str:
        """One JSON value at ``level``: strings, ints and null directly, the rest generally."""
        kind = type(value)
        if kind is str:
            return encode_basestring(value)
        if kind is int:
            return int.__repr__(value)
        if value is None:
            return "null"
        return self.encode(value, level)

    # -- diagnostics ------------------------------------------------------------------------

    def diagnostic(self, d: Diagnostic) -> str:
        if type(d) is not Diagnostic:
            return self.encode(d.to_json(self.lang), 2)
        value = self._value
        head = ('{\n      "code": ' + value(d.code, 3) + _K + '"name": ' + value(d.name, 3)
                + _K + '"category": ' + value(d.category, 3) + _K + '"severity": '
                + value(d.severity, 3) + _K + '"message": ')
        args = d.args
        form = d.form
        indicator = d.indicator
        evidence = d.evidence
        suppressed = d.suppressed
        return "".join((
            head, encode_basestring(self._message(d.message_id, args)),
            _K, '"message_id": ', value(d.message_id, 3),
            _K, '"args": ', self._texts(args, True),
            _K, '"path": ', value(d.path, 3),
            _K, '"line": ', value(d.line, 3),
            _K, '"column": ', value(d.column, 3),
            "" if d.place is None else _K + '"place": ' + value(d.place, 3),
            _K, '"form": ', "null" if form is None else (
                '{\n        "index": ' + value(form.index, 4) + _K3 + '"name": '
                + value(form.name, 4) + _END3),
            _K, '"indicator": ', "null" if indicator is None else self._indicator(indicator),
            _K, '"evidence": ', self._texts(evidence, False),
            _K, '"source": ', self._source(d.code, d.source),
            _K, '"suppressed": ', "null" if suppressed is None else (
                '{\n        "justification": ' + value(suppressed, 4) + _END3),
            "\n    }",
        ))

    def _message(self, message_id: str, args: Any) -> str:
        return safe_render(message_id, args, self.lang)

    def _texts(self, mapping: Any, arguments: bool) -> str:
        """A diagnostic's args (``arguments``: as json_value makes them) or evidence (as
        dict() copies it), at level 3: directly when every key and value is a plain string,
        the common case."""
        parts = []
        if type(mapping) is dict:
            for k, v in mapping.items():
                if type(k) is not str or type(v) is not str:
                    break
                parts.append(encode_basestring(k) + ": " + encode_basestring(v))
            else:
                return "{\n        " + _K3.join(parts) + _END3 if parts else "{}"
        if arguments:
            return self.encode({k: json_value(v) for k, v in mapping.items()}, 3)
        return self.encode(dict(mapping), 3)

    def _indicator(self, indicator: Any) -> str:
        if type(indicator) is not IndicatorRef:
            return self.encode(indicator.to_json(), 3)
        value = self._value
        return ('{\n        "level1": ' + value(indicator.level1, 4) + _K3 + '"level2": '
                + value(indicator.level2, 4) + _K3 + '"name": ' + value(indicator.name, 4)
                + _K3 + '"value": ' + value(indicator.value, 4) + _END3)

    def _source(self, code: str, source: Any) -> str:
        return self.encode(source_json(code, source, self.lang), 3)

    # -- coverage ---------------------------------------------------------------------------

    def coverage(self, c: FormCoverage) -> str:
        if type(c) is not FormCoverage:
            return self.encode(c.to_json(self.lang), 2)
        groups: dict[str, list[str]] = {o: [] for o in OUTCOMES}
        seen: list[str] = []
        try:
            for o in sorted(c.outcomes, key=_code_and_outcome):
                groups[o.outcome].append(self._outcome(o))
                seen.append(o.code)
        except KeyError:  # an outcome that is none of OUTCOMES: fail as to_json does
            return self.encode(c.to_json(self.lang), 2)
        form = c.form
        value = self._value
        return "".join((
            '{\n      "path": ', value(form.path, 3),
            _K, '"form": {\n        "index": ', value(form.index, 4), _K3, '"name": ',
            value(form.name, 4), _END3,
            _K, '"line": ', value(form.location.line, 3),
            _K, '"scheme": ', value(form.scheme, 3),
            _K, '"scheme_reason": ', value(None if form.scheme_reason is None
                                           else safe_render(form.scheme_reason, {}, self.lang), 3),
            _K, '"passed": ', self._passed_list(c.rules, tuple(seen)),
            _K, '"failed": ', _list(groups["fail"]),
            _K, '"not_applicable": ', _list(groups["not_applicable"]),
            _K, '"insufficient_data": ', _list(groups["insufficient_data"]),
            _K, '"errors": ', _list(groups["error"]),
            "\n    }",
        ))

    def _outcome(self, o: RuleOutcome) -> str:
        """One outcome as an item of a coverage list (level 4); an outcome without arguments
        is the same text on every form, so it is built once."""
        if type(o) is not RuleOutcome or o.reason_args:
            return self.encode(o.to_json(self.lang), 4)
        key = (o.code, o.reason_id, o.error)
        try:
            text = self._outcomes.get(key)
        except TypeError:  # an unhashable part
            return self.encode(o.to_json(self.lang), 4)
        if text is None:
            text = self.encode(o.to_json(self.lang), 4)
            if all(type(part) is str or part is None for part in key):  # equal keys, equal text
                _bounded_put(self._outcomes, key, text)
        return text

    def _passed_list(self, rules: tuple, seen: tuple) -> str:
        """The rules not in ``seen``, as a list at level 3."""
        skip = set(seen)
        return self.encode([code for code in rules if code not in skip], 3)


def _all_str(items: tuple) -> bool:
    for item in items:
        if type(item) is not str:
            return False
    return True


def _code_and_outcome(o: RuleOutcome) -> tuple[str, str]:
    return (o.code, o.outcome)


def _list(items: list[str]) -> str:
    """A list at level 3 whose items (level 4) are already text."""
    if not items:
        return "[]"
    return "[\n        " + ",\n        ".join(items) + "\n      ]"
