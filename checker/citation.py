"""A rule's citation in the language of a report or a rule page.

The rule's ``Source.citation`` (English, in the rule module) is the source of truth: tests check it
names a document of docs/sources.md. The Chinese text is the catalogue entry ``<CODE>.doc.citation``
(policy/catalogue/zh/citations.toml), a template over the Source's ``citation_args`` so that a
count the English citation is built from (W101's) is the same number in Chinese. A missing Chinese
text falls back to the English one (tests/test_citations.py requires every one to be there).

Diagnostics carry the canonical source mapping (kind, citation, note); ``source_json`` turns it
into the one a report in a given language shows, so every output (JSON, SARIF, the web page, the
workbook) shows the same text as ``jixiao explain`` and docs/rules.md.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from policy.messages import MessageError, catalogue, render


def citation_text(rule: Any, lang: str) -> str:
    """The rule's citation in ``lang``: English is ``Source.citation``, other languages the
    catalogue's ``<CODE>.doc.citation`` rendered with ``Source.citation_args``."""
    source = rule.source
    if lang != "en":
        key = f"{rule.code}.doc.citation"
        if catalogue(lang).get(key):
            try:
                return render(key, dict(source.citation_args), lang)
            except MessageError:  # a template naming a value the Source does not give
                pass
    return source.citation


def note_text(rule: Any, lang: str) -> str:
    """The Source's one-sentence note in ``lang`` (``<CODE>.doc.source-note``), else as written."""
    if lang != "en" and rule.source.note:
        text = catalogue(lang).get(f"{rule.code}.doc.source-note")
        if text:
            return text
    return rule.source.note


def without_kind_prefix(citation: str, kind: str, lang: str) -> str:
    """A citation shown under its kind's heading ("derived: …" under "derived"): the prefix
    that repeats the heading (``core.citation.prefix.<kind>``) is dropped."""
    prefix = catalogue(lang).get(f"core.citation.prefix.{kind}")
    if prefix and citation.startswith(prefix):
        return citation[len(prefix):]
    return citation


def source_json(code: str, source: Mapping[str, str], lang: str) -> dict[str, str]:
    """A diagnostic's source as a report in ``lang`` shows it: ``kind`` unchanged, ``citation``
    and ``note`` in that language. English is the mapping as the rule declares it."""
    if lang == "en":
        return dict(source)
    citation, note = _display(code, source.get("kind", ""), source.get("citation", ""),
                              source.get("note", ""), lang)
    shown = dict(source)
    if "citation" in shown:
        shown["citation"] = citation
    if "note" in shown:
        shown["note"] = note
    return shown


@lru_cache(maxsize=1024)
def _display(code: str, kind: str, citation: str, note: str, lang: str) -> tuple[str, str]:
    """(citation, note) in ``lang`` for the rule ``code``; a source that is not the registered
    rule's own (a loader problem, a rule unknown here) keeps its text, the loader's translated."""
    if kind == "loader":
        return catalogue(lang).get("core.citation.loader") or citation, note
    from policy.registry import get_rule  # the rules are loaded by now; no import cost up front

    rule = get_rule(code)
    if rule is None or rule.source.citation != citation:
        return citation, note
    return citation_text(rule, lang), note_text(rule, lang) if note else note
