"""Shared pieces of the W (wording) rules: vague phrases and template placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

DEFAULT_VAGUE_PATTERNS = (
    r"(进一步|不断|持续|逐步|稳步|切实|有效|大力|全面)(提高|提升|增强|改善|加强|促进|推进|优化|完善|加大|扩大)",
    r"(明显|显著|大幅|较大|大大)(改善|提升|提高|增强|增加|降低|减少|促进)",
    r"提(升|高).{0,8}水平",
    r"有效(促进|推动|保障|带动)",
    r"更加",
    r"得到(提升|提高|改善|加强|增强)",
)

# Template placeholders: 20**年, ** (any run of two or more asterisks), XX / ×× / ＸＸ standing
# alone (not inside a Latin word), 某某.
# Vague phrases of the grammar's list that W101 does not report (timeliness words are V109's,
# 长期/永久 are real archive retention periods); V111 leaves the others to W101.
DEFAULT_IGNORED_VAGUE_PHRASES = ("按时", "按期", "及时", "适时", "尽快", "长期", "按时完成", "按期完成")

DEFAULT_PLACEHOLDER_PATTERNS = (
    r"20\*\*",
    r"[*＊]{2,}",
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XxＸｘ]{2,}|×{2,})(?![A-Za-zＡ-Ｚａ-ｚ])",
    r"某某",
)


def regex_list(value: Any) -> tuple[str, ...]:
    """Option validator: a non-empty list of valid regular expressions."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not value:
        raise ValueError("expected a non-empty list of regular expressions")
    for pattern in value:
        if not isinstance(pattern, str):
            raise TypeError("expected a list of strings")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return tuple(value)


@lru_cache(maxsize=64)  # pattern lists are rule options: compile once per run, not per text
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def first_match(text: str | None, patterns: Iterable[str]) -> str | None:
    """The first substring of ``text`` that one of ``patterns`` matches, or None."""
    if not text:
        return None
    return _first_match(text, patterns if type(patterns) is tuple else tuple(patterns))


@lru_cache(maxsize=2048)  # names, units and goals repeat across forms: each searched once
def _first_match(text: str, patterns: tuple[str, ...]) -> str | None:
    best: re.Match[str] | None = None
    for pattern in _compiled(patterns):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best.group(0) if best else None


