"""Builds the Lark LALR parser once per process and runs it on normalised text.

The grammar text is value.lark with its word lists filled in from units.py and lexicon.py. The
built parser is cached on disk (Lark ``cache=``) in a file named by the grammar's hash, under
$JIXIAO_CACHE_DIR or the user cache directory; Lark re-checks the hash on load, so a stale
cache is rebuilt, and an unwritable directory only costs start-up time.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from grammar import lexicon

GRAMMAR_FILE = Path(__file__).with_name("value.lark")


def _alternation(words) -> str:
    ordered = sorted(set(words), key=lambda s: (-len(s), s))
    body = "|".join(re.escape(w).replace("/", "\\/") for w in ordered)
    return f"/(?:{body})/"


def grammar_text() -> str:
    """value.lark with every word list substituted."""
    text = GRAMMAR_FILE.read_text(encoding="utf-8")
    lists = lexicon.terminal_word_lists()
    for name, words in lists.items():
        text = text.replace(f"@{name}@", _alternation(words))
    return text


def _cache_path(text: str) -> str:
    import hashlib  # here, not at the top: the alphabet check runs without them
    import tempfile

    base = os.environ.get("JIXIAO_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jixiao"
    )
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        base = tempfile.gettempdir()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return os.path.join(base, f"value-grammar-{digest}.lark-cache")


@lru_cache(maxsize=1)
def alphabet() -> frozenset[str]:
    """Every character a terminal of the grammar can match (a superset: all of printable ASCII
    plus each non-ASCII character written in the grammar). Text with any other character cannot
    lex, so it is prose and Lark need not be tried."""
    ascii_printable = {chr(i) for i in range(32, 127)}
    return frozenset(ascii_printable | {c for c in grammar_text() if not c.isascii()})


@lru_cache(maxsize=1)
def _anchor() -> re.Pattern:
    """What every value of value.lark contains: a number (an Arabic digit or a Chinese numeral
    character of CN_NUMBER), 年 (YEAR, YEAR_END, EVERY_YEAR), or EVERY then PERIOD_UNIT (the
    bare frequency "每季度"). Text without one is prose ("按时完成") whatever its alphabet."""
    every = "|".join(re.escape(w) for w in lexicon.EVERY_WORDS)
    period = "|".join(re.escape(w) for w in lexicon.PERIOD_UNITS)
    return re.compile(f"[0-9零〇一二两三四五六七八九十年]|(?:{every}) ?(?:{period})")


def may_be_structured(text: str) -> bool:
    """False when the text cannot be a value of the grammar (checked without Lark)."""
    return alphabet().issuperset(text) and _anchor().search(text) is not None


@lru_cache(maxsize=1)
def lark_parser():
    """The LALR parser with the AST transformer applied inline (built once per process)."""
    from lark import Lark

    from grammar.transform import ToAst

    text = grammar_text()
    return Lark(
        text,
        parser="lalr",
        lexer="contextual",
        transformer=ToAst(),
        cache=_cache_path(text),
        maybe_placeholders=False,
    )


def lark_grammar():
    """A parser without transformer, for tooling (hypothesis.extra.lark.from_lark)."""
    from lark import Lark

    return Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False)


def parse_structured(text: str):
    """The AST for normalised text, or None when the text is not a structured value."""
    if not may_be_structured(text):
        return None  # checked before importing Lark: prose never pays for it
    from lark.exceptions import LarkError

    from grammar.transform import NotAValue

    try:
        return lark_parser().parse(text)
    except (LarkError, NotAValue, ValueError, ArithmeticError):
        return None
