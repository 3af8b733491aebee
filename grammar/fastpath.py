"""Reads values of value.lark without Lark: the same tokens, the same parse, the same AST.

It exists for speed only: Lark in pure Python costs ~100 µs a value, and importing it and
loading the built parser costs ~65 ms of start-up, paid by any form with one value outside the
commonest shapes ("6000份（本）/年（次）", "2021年1月-12月", "三次"). Lark stays the reference: a
value the fast path declines (None) goes to Lark, and tests/grammar/test_properties.py checks
that every answer equals Lark's, over strings generated from the grammar and corpus-like values.

How it stays exact. Lark's contextual lexer takes, at each position, the first terminal that
matches among those the LALR parser state accepts, tried in a fixed order (priority, then width;
see the state tuples below, each checked against the built parser by a test). The reader below
walks the grammar by recursive descent, lexing each token with the very terminal tuple of the
state Lark would be in, so both split the text into the same tokens. The grammar has no
conflicts, so the same tokens give the same parse, and the ASTs are built by grammar/build.py,
which the Lark transformer calls too. Word-list terminals are matched longest-first by dict
look-up (the regex alternation is ordered longest-first, and every spelling that matches at a
position is a prefix of the longest one), regex terminals with value.lark's own regexes.
Anything off the beaten path — a token the grammar cannot take there, a lexing failure, a
number Lark would refuse — is declined, never guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from grammar import build, lexicon
from grammar.ast import DateValue
from grammar.numbers import BadNumber, parse_chinese
from grammar.units import compound

# value.lark's regex terminals, verbatim (a test compares them with the grammar file).
TERMINAL_REGEXES: dict[str, str] = {
    "YEAR": r"[0-9]{4}年(?:度)?",
    "MONTH": r"(?:1[0-2]|0?[1-9])月(?:份)?",
    "MONTH_NUMBER": r"(?:1[0-2]|0?[1-9])(?![0-9])",
    "DAY": r"(?:3[01]|[12][0-9]|0?[1-9])[日号]",
    "DOT_PERIOD": (
        r"(?:19|20)[0-9]{2}[.\/](?:1[0-2]|0?[1-9])(?:[.\/](?:3[01]|[12][0-9]|0?[1-9]))?(?![0-9]) ?"
        r"(?:--|—+|–|-|~|至|到) ?"
        r"(?:19|20)[0-9]{2}[.\/](?:1[0-2]|0?[1-9])(?:[.\/](?:3[01]|[12][0-9]|0?[1-9]))?(?![0-9])"
    ),
    "DOT_DATE": (
        r"(?:19|20)[0-9]{2}(?:\.(?:1[0-2]|0?[1-9])\.|\/(?:1[0-2]|0?[1-9])\/|-(?:1[0-2]|0?[1-9])-)"
        r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    ),
    "YEAR_END": r"(?:全)?年(?:底|末|内)(?:前|之前|以前)?(?:完成|到位)?",
    "NUMBER": r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?",
    "CN_NUMBER": (
        r"(?:[一二两三四五六七八九]千(?!分比|分率|分点|克|米|瓦|万|萬)"
        r"(?:零?[一二两三四五六七八九]百(?!分比|分率|分点|克|米|瓦))?(?:零?[一二三四五六七八九]?十)?"
        r"(?:零?[一二三四五六七八九])?"
        r"|[一二两三四五六七八九]百(?!分比|分率|分点|克|米|瓦)(?:零?[一二三四五六七八九]?十)?"
        r"(?:零?[一二三四五六七八九])?"
        r"|[一二三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九])"
    ),
    "EVERY_YEAR": r"每年(?!度)",
}
_WORD_LISTS = lexicon.terminal_word_lists()
_CHARACTERS = {"LPAR": "(", "RPAR": ")", "SLASH": "/", "TIMES": "·•・"}
END = "$END"  # Lark's name for the end of the text

def _word_matcher(words):
    """Longest listed word at i: what the longest-first regex alternation of value.lark takes."""
    table = frozenset(words)
    lengths: dict[str, list[int]] = {}  # first character -> lengths of the words it starts, longest first
    for word in table:
        lengths.setdefault(word[0], []).append(len(word))
    lengths = {c: sorted(set(ns), reverse=True) for c, ns in lengths.items()}

    def match(s: str, i: int) -> int:
        for n in lengths.get(s[i], ()):
            word = s[i:i + n]  # shorter than n near the end: still the right word if listed
            if word in table:
                return i + len(word)
        return -1

    return match


def _char_matcher(chars: str):
    def match(s: str, i: int) -> int:
        return i + 1 if s[i] in chars else -1

    return match


def _regex_matcher(name: str, may_start):
    """The terminal's regex, compiled on first use and run only where ``may_start(s, i)`` says it
    can match there (a necessary condition): most values never compile CN_NUMBER or DOT_*."""
    compiled = None

    def match(s: str, i: int) -> int:
        nonlocal compiled
        if not may_start(s, i):
            return -1
        if compiled is None:
            compiled = re.compile(TERMINAL_REGEXES[name])
        m = compiled.match(s, i)
        return -1 if m is None else m.end()

    return match


_NUMBER_START = frozenset("+-0123456789")
_DIGIT = frozenset("0123456789")
_CN_NUMBER_START = frozenset("零〇一二两三四五六七八九十")
_CENTURIES = frozenset({"19", "20"})
_DOT_PERIOD_MARKS = frozenset("./")
_DOT_DATE_MARKS = frozenset("./-")
_MAY_START = {
    "YEAR": lambda s, i: s[i + 4:i + 5] == "年",
    "MONTH": lambda s, i: "月" in s[i + 1:i + 3],
    "MONTH_NUMBER": lambda s, i: s[i] in _DIGIT,
    "DAY": lambda s, i: "日" in s[i + 1:i + 3] or "号" in s[i + 1:i + 3],
    "DOT_PERIOD": lambda s, i: s[i + 4:i + 5] in _DOT_PERIOD_MARKS and s[i:i + 2] in _CENTURIES,
    "DOT_DATE": lambda s, i: s[i + 4:i + 5] in _DOT_DATE_MARKS and s[i:i + 2] in _CENTURIES,
    "YEAR_END": lambda s, i: s[i] in "全年",
    "NUMBER": lambda s, i: s[i] in _NUMBER_START,
    "CN_NUMBER": lambda s, i: s[i] in _CN_NUMBER_START,
    "EVERY_YEAR": lambda s, i: s.startswith("每年", i),
}
_MATCHERS = {name: _word_matcher(words) for name, words in _WORD_LISTS.items()}
_MATCHERS.update({name: _char_matcher(chars) for name, chars in _CHARACTERS.items()})
_MATCHERS.update({name: _regex_matcher(name, _MAY_START[name]) for name in TERMINAL_REGEXES})
# The characters each terminal can start with: the lexer only tries those that can match.
_FIRST_CHARACTERS: dict[str, frozenset[str]] = {
    **{name: frozenset(w[0] for w in words) for name, words in _WORD_LISTS.items()},
    **{name: frozenset(chars) for name, chars in _CHARACTERS.items()},
    "YEAR": _DIGIT, "MONTH": _DIGIT, "MONTH_NUMBER": _DIGIT, "DAY": _DIGIT, "DOT_PERIOD": frozenset("12"),
    "DOT_DATE": frozenset("12"), "YEAR_END": frozenset("全年"), "NUMBER": _NUMBER_START,
    "CN_NUMBER": _CN_NUMBER_START, "EVERY_YEAR": frozenset("每"),
}


class _State(tuple):
    """The terminals an LALR state of the built parser lexes with, in the order Lark tries them,
    and END last when the state accepts the end of the text."""

    def __new__(cls, *names: str):
        state = super().__new__(cls, names)
        state.accepts_end = END in names
        state.by_first = {}
        return state

    def candidates(self, char: str) -> tuple:
        """(name, matcher) of the terminals that may start with ``char``, in Lark's order."""
        found = self.by_first.get(char)
        if found is None:
            found = tuple((n, _MATCHERS[n]) for n in self if n != END and char in _FIRST_CHARACTERS[n])
            if found:  # kept only for the few hundred characters a terminal starts with
                self.by_first[char] = found
        return found


# The states the descent below lexes in; names say what was just read.
START = _State("DOT_PERIOD", "DOT_DATE", "YEAR_END", "YEAR", "MONTH", "EVERY_YEAR", "PREFIX_OP", "EVERY", "NUMBER",
               "CN_NUMBER", "LPAR")
START_IN_BRACKETS = _State(*START[:-1])
AFTER_OP = _State("NUMBER", "CN_NUMBER")
AFTER_NUMBER = _State("SUFFIX_OP", "UNIT", "MAGNITUDE", "RANGE_SEP", "RPAR", "SLASH", END)
AFTER_UNIT = _State("SUFFIX_OP", "RANGE_SEP", "TIMES", "LPAR", "RPAR", "SLASH", END)
AFTER_MAGNITUDE = _State("SUFFIX_OP", "UNIT", "RANGE_SEP", "TIMES", "LPAR", "RPAR", "SLASH", END)
AFTER_PLAIN_MAGNITUDE = _State("UNIT")  # EVERY ... number MAGNITUDE: plain_spec needs the unit
AFTER_SLASH = _State("UNIT", "MAGNITUDE")  # also after TIMES
AFTER_ALT_OPEN = _State("UNIT")
AFTER_ALT_UNIT = _State("RPAR")
AFTER_ALT_CLOSE = _State("SUFFIX_OP", "RANGE_SEP", "LPAR", "RPAR", "SLASH", END)
AFTER_RANGE_SEP = _State("MONTH", "NUMBER", "CN_NUMBER")
LAST = _State("RPAR", END)  # after SUFFIX_OP, DEADLINE, YEAR_END, DOT_*, a month span's MONTH
AFTER_BRACKETS = _State(END)
AFTER_YEAR = _State("MONTH", "DAY", "DEADLINE", "MONTH_NUMBER", "RANGE_SEP", "RPAR", END)
AFTER_MONTH = _State("DAY", "DEADLINE", "RANGE_SEP", "RPAR", END)
AFTER_DAY = _State("DEADLINE", "RANGE_SEP", "RPAR", END)
AFTER_MONTH_NUMBER = _State("RANGE_SEP")
AFTER_MONTH_NUMBER_SEP = _State("MONTH")
AFTER_PERIOD_SEP = _State("YEAR", "MONTH")
AFTER_END_YEAR = _State("MONTH", "DAY", "RPAR", END)
AFTER_EVERY = _State("PERIOD_UNIT")
AFTER_PERIOD_UNIT = _State("NUMBER", "CN_NUMBER", "RPAR", END)
AFTER_EVERY_YEAR = _State("MONTH", "NUMBER", "CN_NUMBER", "RPAR", END)
AFTER_EVERY_MONTH = _State("DAY", "DEADLINE", "RPAR", END)
AFTER_EVERY_DAY = _State("DEADLINE", "RPAR", END)


class _Decline(Exception):
    """The text leaves the shapes read here: Lark decides."""


class _Unlexable(_Decline):
    """No terminal of the state matches, or the text ends where the state needs more: Lark's
    lexer and parser, in the same state, fail the same way."""


NOT_A_VALUE = "not a value"  # read_value's answer for text Lark cannot lex in the state it reaches


class _Reader:
    """The contextual lexer over one normalised text, driven by the descent below."""

    __slots__ = ("i", "s")

    def __init__(self, s: str) -> None:
        self.s = s
        self.i = 0

    def take(self, state: _State) -> tuple[str, str]:
        """(terminal, text) of the next token lexed in ``state``; (END, "") at the end."""
        s, i = self.s, self.i
        n = len(s)
        while i < n and s[i] == " ":  # %ignore " "
            i += 1
        if i == n:
            if not state.accepts_end:
                raise _Unlexable  # Lark: the state does not accept the end of the text
            self.i = i
            return END, ""
        char = s[i]
        candidates = state.by_first.get(char)
        if candidates is None:
            candidates = state.candidates(char)
        for name, match in candidates:
            j = match(s, i)
            if j > i:
                self.i = j
                return name, s[i:j]
        raise _Unlexable  # Lark: UnexpectedCharacters


def fast_parse(norm: str, source: str = ""):
    """The AST Lark builds for normalised text, or None to let Lark decide."""
    value = read_value(norm, source)
    return None if value is NOT_A_VALUE else value


def read_value(norm: str, source: str = ""):
    """fast_parse, but NOT_A_VALUE when the text cannot even be lexed the way Lark would lex it:
    a character no terminal of the state matches ("1OO%", "于6月30日前…"), or an end where the
    state needs a token ("≥95%("). Lark would fail there too, so it need not be imported to say
    so; the tests hold every such answer to Lark's."""
    reader = _Reader(norm)
    try:
        kind, text = reader.take(START)
        if kind == "LPAR":  # start: LPAR value RPAR -> bracketed
            value, (kind, _) = _value(reader, *reader.take(START_IN_BRACKETS))
            if kind != "RPAR" or reader.take(AFTER_BRACKETS)[0] != END:
                return None
        else:
            value, (kind, _) = _value(reader, kind, text)
            if kind != END:
                return None
    except _Unlexable:
        return NOT_A_VALUE
    except (_Decline, BadNumber, build.NotAValue, ValueError, ArithmeticError):
        return None
    if source:
        # The value was built just now and is seen by no one else: set its source in place
        # (attrs.evolve would copy it, which costs as much as the whole parse of "≥99%").
        object.__setattr__(value, "source", source)
    return value


def _value(r: _Reader, kind: str, text: str):
    """?value: quantity | range | date — the AST and the token read after it."""
    if kind in ("NUMBER", "CN_NUMBER"):
        return _amount_value(r, _number(kind, text))
    if kind == "PREFIX_OP":
        op = lexicon.PREFIX_OPS[text]
        number = _number(*r.take(AFTER_OP))
        spec, after = _unit_spec(r)
        if after[0] == "SUFFIX_OP":
            after = r.take(LAST)
        elif after[0] == "RANGE_SEP":
            raise _Decline
        return build.make_quantity(op, number, spec), after
    if kind in ("YEAR", "MONTH"):
        return _date(r, kind, text)
    if kind == "EVERY":
        return _every(r)
    if kind == "EVERY_YEAR":
        return _every_year(r)
    if kind == "DOT_PERIOD":
        return build.dot_period(text), r.take(LAST)
    if kind == "DOT_DATE":
        return build.dot_date(text), r.take(LAST)
    if kind == "YEAR_END":
        return DateValue(form="deadline", month=12), r.take(LAST)
    raise _Decline


def _number(kind: str, text: str) -> Decimal:
    if kind == "NUMBER":
        return Decimal(text.replace(",", "") if "," in text else text)
    if kind == "CN_NUMBER":
        return parse_chinese(text)
    raise _Decline


def _amount_value(r: _Reader, number: Decimal):
    """After a leading number: quantity (amount SUFFIX_OP?), range, or month span."""
    spec, after = _unit_spec(r)
    if after[0] == "SUFFIX_OP":
        return build.make_quantity(lexicon.SUFFIX_OPS[after[1]], number, spec), r.take(LAST)
    if after[0] != "RANGE_SEP":
        return build.make_quantity(None, number, spec), after
    kind, text = r.take(AFTER_RANGE_SEP)
    if kind == "MONTH":  # range: amount RANGE_SEP MONTH -> month_span
        return build.month_span(number, spec, text), r.take(LAST)
    hi_number = _number(kind, text)
    hi_spec, after = _unit_spec(r)
    if after[0] in ("SUFFIX_OP", "RANGE_SEP"):
        raise _Decline
    lo = build.make_quantity(None, number, spec)
    return build.shared_range(lo, build.make_quantity(None, hi_number, hi_spec)), after


def _unit_spec(r: _Reader, plain: bool = False):
    """unit_spec? after a number (plain_spec? when ``plain``): the spec tuple or None, and the
    token after it."""
    kind, text = r.take(AFTER_NUMBER)
    unit = None
    alternatives: tuple = ()
    if kind == "UNIT":
        unit = build.unit(text)
        kind, text = r.take(AFTER_UNIT)
    elif kind == "MAGNITUDE":
        magnitude = text
        kind, text = r.take(AFTER_PLAIN_MAGNITUDE if plain else AFTER_MAGNITUDE)
        if kind == "UNIT":
            unit = build.unit(text, magnitude)
            kind, text = r.take(AFTER_UNIT)
        else:  # unit_spec: magnitude rate?
            unit = build.unit("", magnitude)
            if kind in ("LPAR", "TIMES"):
                raise _Decline
    else:
        if plain and kind == "SLASH":
            raise _Decline
        if kind != "SLASH":
            return None, (kind, text)
    if kind == "TIMES":
        raise _Decline
    if kind == "LPAR":
        if unit is None:
            raise _Decline
        alternatives, (kind, text) = _alternatives(r)
    if plain:
        if kind in ("SLASH", "SUFFIX_OP", "RANGE_SEP"):
            raise _Decline
        return (unit, alternatives, None, ()), (kind, text)
    per = None
    per_alternatives: tuple = ()
    if kind == "SLASH":
        per, (kind, text) = _rate(r)
        if kind == "LPAR":
            per_alternatives, (kind, text) = _alternatives(r)
            if kind == "SLASH":
                raise _Decline
    return (unit, alternatives, per, per_alternatives), (kind, text)


def _alternatives(r: _Reader):
    """alternatives: (LPAR UNIT RPAR)+, the first LPAR already read."""
    found = []
    kind = "LPAR"
    while kind == "LPAR":
        found.append(build.unit(r.take(AFTER_ALT_OPEN)[1]))
        r.take(AFTER_ALT_UNIT)
        kind, text = r.take(AFTER_ALT_CLOSE)
    return tuple(found), (kind, text)


def _rate(r: _Reader):
    """(SLASH product)+, the first SLASH already read; product: (unit | magnitude) (TIMES ...)*."""
    products = []
    kind = "SLASH"
    while kind == "SLASH":
        parts = []
        kind = "TIMES"
        while kind == "TIMES":
            kind, text = r.take(AFTER_SLASH)
            if kind == "UNIT":
                parts.append(build.unit(text))
                kind, text = r.take(AFTER_UNIT)
            else:
                magnitude = text
                kind, text = r.take(AFTER_MAGNITUDE)
                if kind == "UNIT":
                    parts.append(build.unit(text, magnitude))
                    kind, text = r.take(AFTER_UNIT)
                else:
                    parts.append(build.unit("", magnitude))
        products.append(compound(tuple(parts), "·"))
    return compound(tuple(products), "/"), (kind, text)


def _point_rest(r: _Reader, kind: str, text: str, after_year: tuple[str, ...]):
    """point: YEAR MONTH? DAY? | MONTH DAY? from its first token: ((y, m, d), token after)."""
    year = month = day = None
    if kind == "YEAR":
        year = build.year_of(text)
        kind, text = r.take(after_year)
        if kind == "MONTH_NUMBER":
            return (year, None, None), (kind, text)
    if kind == "MONTH":
        month = build.month_of(text)
        kind, text = r.take(AFTER_MONTH)
    if kind == "DAY":
        day = build.day_of(text)
        kind, text = r.take(AFTER_DAY)
    return (year, month, day), (kind, text)


def _date(r: _Reader, kind: str, text: str):
    """Dates that start with YEAR or MONTH: date, deadline, period, year_month_span."""
    year_tok = text
    point, (kind, text) = _point_rest(r, kind, text, AFTER_YEAR)
    if kind == "MONTH_NUMBER":  # YEAR MONTH_NUMBER RANGE_SEP MONTH
        r.take(AFTER_MONTH_NUMBER)
        end = r.take(AFTER_MONTH_NUMBER_SEP)[1]
        return build.year_month_span(year_tok, text, end), r.take(LAST)
    if kind == "DEADLINE":
        return build.deadline(*point, text), r.take(LAST)
    if kind == "RANGE_SEP":
        end, after = _point_rest(r, *r.take(AFTER_PERIOD_SEP), AFTER_END_YEAR)
        if after[0] in ("DEADLINE", "RANGE_SEP"):
            raise _Decline
        return build.period(point, end), after
    y, m, d = point
    return DateValue(form="date", year=y, month=m, day=d), (kind, text)


def _every(r: _Reader):
    """EVERY PERIOD_UNIT (frequency) or EVERY PERIOD_UNIT number plain_spec? (every_quantity)."""
    period = r.take(AFTER_EVERY)[1]
    kind, text = r.take(AFTER_PERIOD_UNIT)
    if kind not in ("NUMBER", "CN_NUMBER"):
        return DateValue(form="frequency", every=build.unit(period).symbol), (kind, text)
    number = _number(kind, text)
    spec, after = _unit_spec(r, plain=True)
    return build.make_quantity(None, number, spec, every=build.unit(period)), after


def _every_year(r: _Reader):
    """EVERY_YEAR, EVERY_YEAR MONTH DAY? DEADLINE?, or EVERY_YEAR number plain_spec?."""
    kind, text = r.take(AFTER_EVERY_YEAR)
    if kind == "MONTH":
        month, day, suffix = build.month_of(text), None, None
        kind, text = r.take(AFTER_EVERY_MONTH)
        if kind == "DAY":
            day = build.day_of(text)
            kind, text = r.take(AFTER_EVERY_DAY)
        if kind == "DEADLINE":
            suffix = text
            kind, text = r.take(LAST)
        return build.every_deadline(month, day, suffix), (kind, text)
    if kind in ("NUMBER", "CN_NUMBER"):
        number = _number(kind, text)
        spec, after = _unit_spec(r, plain=True)
        return build.make_quantity(None, number, spec, every=build.unit("年")), after
    return DateValue(form="frequency", every="年"), (kind, text)
