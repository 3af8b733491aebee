"""Canonical YAML and JSON files: parse safely, validate against the schema, build Forms.

YAML is read with a SafeLoader subclass only (no arbitrary objects), floats become Decimal and
timestamps stay strings; anchors/aliases are refused (they let a tiny file expand without bound).
Scalars keep their text wherever YAML 1.1 would reinterpret it: `015` (octal 13), `1:30`
(sexagesimal 90), `0x1F`, `1_000`, `yes`/`off` are the strings written, never converted numbers
or booleans; only plain decimal numbers and true/false are typed.
JSON floats are Decimal too. Each form and indicator gets the line it starts on in this file.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from checker.loaders import issues as ids
from policy.forms.canonical import FUNDING_KEYS, form_from_mapping
from checker.loaders.limits import Limits
from policy.forms.model import Document, LoadIssue, Location

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "form.schema.json"
Locator = Callable[[Sequence[Any]], "int | None"]


def load_structured(text: str, path: str, kind: str, limits: Limits, encoding: str | None) -> Document:
    """A Document from canonical YAML (``kind="yaml"``) or JSON text; never raises."""
    duplicates: list[tuple[str, int | None, int | None]] = []
    try:
        data, locate = _parse_json(text, duplicates) if kind == "json" else _parse_yaml(text, duplicates)
    except _SyntaxProblem as exc:
        return Document(
            path,
            error=ids.file_error(ids.SYNTAX, Location(path, exc.line), reason=exc.reason),
            format=kind,
            encoding=encoding,
        )
    repeated = tuple(
        ids.cell_warning(ids.DUPLICATE_KEY, Location(path, line), key=key[:80], first_line=first)
        for key, first, line in sorted(duplicates, key=lambda d: d[2] or 0)
    )
    problems = validate(data, path, locate)
    if problems:
        return Document(path, issues=repeated + tuple(problems[1:]), error=problems[0], format=kind,
                        encoding=encoding)
    cut: list[LoadIssue] = list(repeated)
    data = _truncate_strings(data, (), path, locate, limits.max_cell_chars, cut)
    forms, issues = _forms(data, path, locate, limits)
    return Document(path, forms, tuple(cut) + issues, format=kind, encoding=encoding)


def _truncate_strings(
    value: Any, at: tuple, path: str, locate: Locator, cap: int, out: list[LoadIssue]
) -> Any:
    """Strings longer than ``cap`` cut to it, each reported as E104 with its line."""
    if isinstance(value, str):
        if len(value) > cap:
            out.append(
                ids.cell_warning(
                    ids.CELL_TOO_LONG, Location(path, locate(at)), length=len(value), limit=cap
                )
            )
            return value[:cap]
        return value
    if isinstance(value, dict):
        return {k: _truncate_strings(v, at + (k,), path, locate, cap, out) for k, v in value.items()}
    if isinstance(value, list):
        return [_truncate_strings(v, at + (i,), path, locate, cap, out) for i, v in enumerate(value)]
    return value


def _forms(data: Any, path: str, locate: Locator, limits: Limits) -> tuple[tuple, tuple]:
    many = isinstance(data, dict) and "forms" in data
    items = data["forms"] if many else [data]
    issues: list[LoadIssue] = []
    if len(items) > limits.max_forms_per_file:
        where = Location(path, locate(("forms", limits.max_forms_per_file)))
        issues.append(ids.file_error(ids.TOO_MANY_FORMS, where, limit=limits.max_forms_per_file))
        items = items[: limits.max_forms_per_file]
    forms = []
    for index, item in enumerate(items):
        prefix: tuple[Any, ...] = ("forms", index) if many else ()
        mapping = {k: v for k, v in item.items() if k not in ("path", "line", "sheet")}
        mapping["line"] = locate(prefix)
        rows = list(item.get("indicators") or ())
        if len(rows) > limits.max_indicators_per_form:
            at = prefix + ("indicators", limits.max_indicators_per_form)
            issues.append(
                ids.cell_warning(
                    ids.TOO_MANY_INDICATORS,
                    Location(path, locate(at)),
                    limit=limits.max_indicators_per_form,
                )
            )
            rows = rows[: limits.max_indicators_per_form]
        mapping["indicators"] = [
            {
                **{k: v for k, v in row.items() if k not in ("line", "column", "sheet", "cell")},
                "line": locate(prefix + ("indicators", i)),
            }
            for i, row in enumerate(rows)
        ]
        if isinstance(item.get("execution"), list):  # self-evaluation funding rows: their lines too
            mapping["execution"] = [
                {**row, "line": locate(prefix + ("execution", i))} if isinstance(row, dict) else row
                for i, row in enumerate(item["execution"])
            ]
        unit = data.get("amount_unit", "元") if many else "元"  # a file-wide default unit
        if many and data.get("scheme") and "scheme" not in mapping:
            mapping = {**mapping, "scheme": data["scheme"]}  # a file-wide template scheme
        form = form_from_mapping(mapping, path, index, amount_unit=unit)
        unreadable = _unreadable_amounts(form, path, lambda at, p=prefix: locate(p + at))
        forms.append(attrs.evolve(form, issues=form.issues + unreadable) if unreadable else form)
    return tuple(forms), tuple(issues)


_DIGIT = re.compile(r"[0-9０-９]")


def _unreadable_amounts(form: Any, path: str, locate: Callable[[tuple], int | None]) -> tuple:
    """E102 for every funding amount that holds a number but not one exact amount ("15,5万元",
    "1:30"): its value stays unknown, and the report says so instead of a rule skipping it."""
    funding = form.funding
    cells = [(("funding", key), key, getattr(funding, key)) for key in FUNDING_KEYS]
    cells += [(("funding", "sources", key), key, amount) for key, amount in funding.sources.items()]
    return tuple(
        ids.cell_warning(ids.BAD_AMOUNT, Location(path, locate(at)), field=field, text=amount.text)
        for at, field, amount in cells
        if amount is not None and amount.yuan is None and amount.text and _DIGIT.search(amount.text)
    )


# -- validation ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # The schema has no recursion: inlining its local $refs once spares the $ref resolution
    # that otherwise dominates validation time.
    return cls(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.rsplit("/", 1)[-1]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def validate(data: Any, path: str, locate: Locator) -> list[LoadIssue]:
    """Schema problems, each with its field path, what was expected and its line."""
    try:
        errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    except RecursionError:
        return [ids.file_error(ids.SCHEMA, Location(path, 1), field="$", expected="nesting", got="too deep")]
    out = []
    for error in errors[:50]:
        where = Location(path, locate(list(error.absolute_path)))
        out.append(_describe(error, where))
    return out


_TYPE_NAMES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def _type_name(value: Any) -> str:
    for cls, name in _TYPE_NAMES.items():
        if isinstance(value, cls):
            return name
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, Decimal)):
        return "number"
    return type(value).__name__


def _got(value: Any) -> str:
    name = _type_name(value)
    if isinstance(value, (dict, list)) or value is None:
        return name
    if not isinstance(value, str):
        return f"{name} {value}"
    return f"{name} {value[:40]!r}" + ("…" if len(value) > 40 else "")


def field_path(parts: Sequence[Any]) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _describe(error: Any, where: Location) -> LoadIssue:
    field = field_path(list(error.absolute_path))
    instance = error.instance
    validator = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        unknown = [k for k in instance if k not in allowed]
        return ids.file_error(
            ids.SCHEMA + ".unknown-key", where, field=field, key=", ".join(map(str, unknown)),
            allowed=", ".join(allowed),
        )
    if validator == "required" and isinstance(instance, dict):
        missing = [k for k in error.validator_value if k not in instance]
        return ids.file_error(ids.SCHEMA + ".missing-key", where, field=field, key=", ".join(missing))
    if validator == "type":
        expected = error.validator_value
        expected = " | ".join(expected) if isinstance(expected, list) else str(expected)
    elif validator == "enum":
        expected = " | ".join(map(str, error.validator_value))
    elif validator == "anyOf":
        expected = " | ".join(_branch(s) for s in error.validator_value)
    else:
        expected = f"{validator} {error.validator_value!r}"
    return ids.file_error(ids.SCHEMA, where, field=field, expected=expected, got=_got(instance))


def _branch(schema: Any) -> str:
    if not isinstance(schema, dict):
        return "?"
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    kind = schema.get("type", "?")
    if kind == "array":
        item = schema.get("items", {}).get("type", "?")
        return f"array of {item}"
    return " | ".join(kind) if isinstance(kind, list) else str(kind)


# -- parsing with line numbers ---------------------------------------------------------------


class _SyntaxProblem(Exception):
    def __init__(self, reason: str, line: int | None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


class _PosDict(dict):
    __slots__ = ("line",)


class _PosList(list):
    __slots__ = ("line",)


def _parse_json(text: str, duplicates: list) -> tuple[Any, Locator]:
    """The data with each object and array knowing its line; repeated keys are appended to
    ``duplicates`` as (key, first line, repeated line) — JSON keeps the last silently."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_at(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        obj, end = json.decoder.JSONObject(s_and_end, strict, scan_once, None, list, memo)
        line = line_at(s_and_end[1] - 1)
        out = _PosDict(obj)
        if len(out) != len(obj):
            _json_duplicates(obj, text, s_and_end[1], end, line_at, duplicates)
        out.line = line
        return out, end

    def parse_array(s_and_end, scan_once):
        values, end = json.decoder.JSONArray(s_and_end, scan_once)
        out = _PosList(values)
        out.line = line_at(s_and_end[1] - 1)
        return out, end

    decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=_no_constant)
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.memo = {}
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    try:
        data = decoder.decode(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise _SyntaxProblem(exc.msg, exc.lineno) from None
    except ValueError as exc:
        raise _SyntaxProblem(str(exc), None) from None
    except RecursionError:
        raise _SyntaxProblem("nesting too deep", None) from None

    def locate(parts: Sequence[Any]) -> int | None:
        node, line = data, getattr(data, "line", None)
        for part in parts:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            line = getattr(node, "line", line)
        return line

    return data, locate


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_COLON = re.compile(r"\s*:")


def _json_duplicates(pairs: list, text: str, start: int, end: int, line_at: Callable[[int], int],
                     out: list) -> None:
    """Record the keys an object repeats, with the lines of their first and later spelling.

    Rare, so only then is the object's text scanned again for its own keys (strings followed by
    a colon outside any nested object or array)."""
    spelled: list[int] = []
    depth = 0
    for m in _JSON_TOKEN.finditer(text, start, end - 1):
        token = m.group()
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
        elif depth == 0 and _COLON.match(text, m.end()):
            spelled.append(m.start())
    seen: dict[str, int] = {}
    for i, (key, _value) in enumerate(pairs):
        line = line_at(spelled[i]) if len(spelled) == len(pairs) else line_at(start)
        if key in seen:
            out.append((key, seen[key], line))
        else:
            seen[key] = line


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON number")


def _yaml_loader():
    import yaml

    # libyaml's CSafeLoader is the same safe loader, ten times faster; PyYAML may lack it.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[valid-type,misc]
        """SafeLoader with Decimal floats and timestamps kept as the text written."""

    def decimal(loader, node):
        raw = loader.construct_scalar(node)
        if not _PLAIN_DECIMAL.fullmatch(raw):
            return raw  # "1:30.5", "1_000.5", ".inf": the text as written
        try:
            value = Decimal(raw)
        except InvalidOperation:
            return raw
        return value if value.is_finite() else raw

    def integer(loader, node):
        raw = loader.construct_scalar(node)
        return int(raw) if _PLAIN_INTEGER.fullmatch(raw) else raw  # "015", "1:30", "0x1F"

    def boolean(loader, node):
        raw = loader.construct_scalar(node)
        return raw.lower() == "true" if raw.lower() in ("true", "false") else raw  # "yes", "off"

    Loader.add_constructor("tag:yaml.org,2002:float", decimal)
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    Loader.add_constructor("tag:yaml.org,2002:bool", boolean)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda l, n: l.construct_scalar(n))
    return Loader


_LOADER = None
# The only numbers YAML 1.1 and 1.2 and every reader agree on: no leading zero, no base prefix,
# no underscores, no sexagesimal colon.
_PLAIN_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)?\.[0-9]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+")


def _parse_yaml(text: str, duplicates: list) -> tuple[Any, Locator]:
    """The data and a locator of lines; repeated mapping keys are appended to ``duplicates`` as
    (key, first line, repeated line) — PyYAML keeps the last one silently."""
    global _LOADER
    import yaml

    if _LOADER is None:
        _LOADER = _yaml_loader()
    loader = None
    try:
        loader = _LOADER(text)
        node = loader.get_single_node()
        duplicates.extend(_walk_nodes(node))
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _SyntaxProblem(str(exc.problem or exc), mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise _SyntaxProblem(str(exc), None) from None
    except ValueError as exc:  # an integer too long for int() (Python's digit limit)
        raise _SyntaxProblem(str(exc).split(";")[0], None) from None
    except RecursionError:
        raise _SyntaxProblem("nesting too deep", None) from None
    finally:
        if loader is not None:
            loader.dispose()

    def locate(parts: Sequence[Any]) -> int | None:
        current = node
        line = current.start_mark.line + 1 if current is not None else None
        for part in parts:
            nxt = None
            if isinstance(current, yaml.MappingNode):
                for key, value in current.value:
                    if getattr(key, "value", None) == part:
                        nxt = value
                        break
            elif (
                isinstance(current, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(current.value)
            ):
                nxt = current.value[part]
            if nxt is None:
                break
            current = nxt
            line = current.start_mark.line + 1
        return line

    return data, locate


def _walk_nodes(root: Any) -> list[tuple[str, int, int]]:
    """Refuse anchors and aliases (a node reached twice) and list repeated mapping keys."""
    import yaml

    repeated: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            raise yaml.MarkedYAMLError(problem="anchors and aliases are not allowed", problem_mark=mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                stack.extend((key, value))
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in first:
                        repeated.append((key.value, first[key.value], line))
                    else:
                        first[key.value] = line
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return repeated
