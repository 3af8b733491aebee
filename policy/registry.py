"""Finds every rule in ``policy.rules`` and checks its metadata once, at load time."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

import policy.rules as pkg
from policy.api import FAMILY_CATEGORY, Rule, Severity, Source
from policy.forms.model import FORM_KINDS

CODE = re.compile(r"^[SVWFACRT]\d{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RuleDefinitionError(Exception):
    """A rule module breaks the metadata contract (a bug in the catalogue, not in the input)."""


def _validate(rule: type[Rule]) -> None:
    where = f"{rule.__module__}.{rule.__name__}"
    for attr in ("code", "name", "category", "severity", "summary", "rationale", "source"):
        if not hasattr(rule, attr):
            raise RuleDefinitionError(f"{where}: missing {attr}")
    if not CODE.match(rule.code):
        raise RuleDefinitionError(f"{where}: bad code {rule.code!r}")
    if not NAME.match(rule.name):
        raise RuleDefinitionError(f"{where}: name {rule.name!r} is not kebab-case")
    if FAMILY_CATEGORY[rule.code[0]] != rule.category:
        raise RuleDefinitionError(f"{where}: code family {rule.code[0]} != {rule.category}")
    if not isinstance(rule.severity, Severity) or not isinstance(rule.source, Source):
        raise RuleDefinitionError(f"{where}: severity/source of the wrong type")
    if rule.scope not in ("form", "unit"):
        raise RuleDefinitionError(f"{where}: scope {rule.scope!r}")
    if not rule.form_kinds or not set(rule.form_kinds) <= set(FORM_KINDS):
        raise RuleDefinitionError(f"{where}: form_kinds {rule.form_kinds!r}")
    if not set(rule.reads_kinds) <= set(FORM_KINDS) or (rule.reads_kinds and rule.scope != "unit"):
        raise RuleDefinitionError(f"{where}: reads_kinds {rule.reads_kinds!r}")
    if not rule.bad or not rule.good:
        raise RuleDefinitionError(f"{where}: needs at least one bad and one good example")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code. Raises RuleDefinitionError on a broken catalogue."""
    found: dict[str, type[Rule]] = {}
    for name in (info.name for info in pkgutil.iter_modules(pkg.__path__)):
        module = importlib.import_module(f"{pkg.__name__}.{name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule:
                if obj.__module__ != module.__name__ or not hasattr(obj, "code"):
                    continue
                _validate(obj)
                if obj.code in found and found[obj.code] is not obj:
                    raise RuleDefinitionError(f"duplicate rule code {obj.code}")
                found[obj.code] = obj
    return tuple(found[c] for c in sorted(found))


def get_rule(code: str) -> type[Rule] | None:
    return next((r for r in all_rules() if r.code == code.upper()), None)
