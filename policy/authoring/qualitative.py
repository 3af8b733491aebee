"""Qualitative values that set no graded target: a yes/no answer (V115) and a grading scale
printed whole with no grade chosen (V116). V111 asks these too, so that a value is reported
once, by the rule about its own defect."""

from __future__ import annotations

from functools import lru_cache

from grammar.folding import fold
from policy.authoring.patterns import LazyPattern

# Answers of a yes/no question, as forms write them ("是", "否", or the pair "是/否").
YES_NO_ANSWERS = ("是", "否", "是/否", "是或否", "是否", "有", "无", "有/无", "有或无", "有无")
# Answers that are yes/no only after a question-shaped name (有 alone may be a grade of presence).
QUESTION_ONLY_ANSWERS = ("有", "无", "有/无", "有或无", "有无")
QUESTION_PREFIXES = ("是否", "有无", "能否", "可否")
QUESTION_SUFFIXES = ("与否", "是否")

# Grades that make up rating scales, as published forms list them.
SCALE_GRADES = (
    "优", "良", "优良", "优秀", "良好", "中", "中等", "一般", "差", "较差", "很差", "好", "较好", "很好",
    "高", "较高", "很高", "低", "较低", "很低", "合格", "基本合格", "不合格", "达标", "基本达标", "未达标",
    "达到预期", "基本达到预期", "未达到预期", "满意", "较满意", "非常满意", "基本满意", "不满意",
    "完成", "基本完成", "未完成", "达成", "部分达成", "基本达成", "未达成",
)
# Grades below the top of their scale: a list of grades is a scale only with one of these
# ("完成、达标、合格" lists achievements, "好、较好、一般" a scale).
LOWER_GRADES = ("良", "中", "中等", "一般", "较好", "较高", "较低", "低", "很低", "较差", "差", "很差",
                "基本合格", "不合格", "基本达标", "未达标", "基本达到预期", "未达到预期", "较满意",
                "基本满意", "不满意", "基本完成", "未完成", "部分达成", "基本达成", "未达成")
# The bottom grades: two grades one of which is a failing one are a scale (合格/不合格).
FAILING_GRADES = ("差", "较差", "很差", "低", "较低", "很低", "一般", "不合格", "未达标", "未达到预期",
                  "不满意", "未完成", "未达成")

_SEPARATORS = LazyPattern(r"[、,，/／;；|｜\s]+|或")
_TRAILING = LazyPattern(r"[。.!！]+$")
_SPLIT_KIND = ("定性",)


@lru_cache(maxsize=8192)  # values and names repeat across forms: each cleaned once
def _clean_folded(folded: str) -> str:
    folded = _TRAILING.sub("", folded)
    for word in _SPLIT_KIND:  # "定性 | 优良中低差": the split layout's kind cell
        if folded.startswith(word) and len(folded) > len(word):
            folded = folded[len(word):].lstrip(" |:：")
    return folded


def yes_no_answer(name: str | None, value_text: str | None,
                  answers: tuple[str, ...] = YES_NO_ANSWERS,
                  question_prefixes: tuple[str, ...] = QUESTION_PREFIXES) -> str | None:
    """The yes/no answer a value gives ("是", "否", "是/否"), or None. 有/无 count only when the
    name asks a question (是否…, 有无…)."""
    if not value_text:
        return None
    return folded_yes_no(fold(name), fold(value_text), answers, question_prefixes)


@lru_cache(maxsize=8192)
def folded_yes_no(name: str, value: str, answers: tuple[str, ...] = YES_NO_ANSWERS,
                  question_prefixes: tuple[str, ...] = QUESTION_PREFIXES) -> str | None:
    """``yes_no_answer`` of a name and value already folded (``Row.name``, ``Row.text``)."""
    value = _clean_folded(value)
    if value not in _folded_set(answers):
        return None
    if value in _folded_set(QUESTION_ONLY_ANSWERS) and not name.startswith(_folded_tuple(question_prefixes)):
        return None
    return value


@lru_cache(maxsize=64)  # word lists are rule options: folded once per list
def _folded_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=64)
def _folded_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


def is_question(name: str | None, prefixes: tuple[str, ...] = QUESTION_PREFIXES,
                suffixes: tuple[str, ...] = QUESTION_SUFFIXES) -> bool:
    """Whether a name asks a yes/no question (是否按时完成, 规章制度建立与否)."""
    return bool(name) and folded_is_question(fold(name), prefixes, suffixes)


@lru_cache(maxsize=8192)  # names repeat across forms: each asked once per word lists
def folded_is_question(folded: str, prefixes: tuple[str, ...] = QUESTION_PREFIXES,
                       suffixes: tuple[str, ...] = QUESTION_SUFFIXES) -> bool:
    """``is_question`` of a name already folded (``Row.name``)."""
    head = _clean_folded(folded)
    return bool(head) and (head.startswith(_folded_tuple(prefixes)) or head.endswith(_folded_tuple(suffixes)))


def grading_scale(value_text: str | None, grades: tuple[str, ...] = SCALE_GRADES,
                  failing: tuple[str, ...] = FAILING_GRADES,
                  lower: tuple[str, ...] = LOWER_GRADES) -> tuple[str, ...] | None:
    """The grades of a value that is a whole rating scale with none chosen ("好、较好、一般",
    "优/良/中/差", "优良中低差"), or None. Two grades count only when one of them is a failing
    grade ("合格/不合格"): "优、良" may be a target of "优 or 良"; more need one grade below the top
    ("完成、达标、合格" lists achievements)."""
    return folded_grading_scale(fold(value_text), grades, failing, lower)  # fold(None) is ""


def folded_grading_scale(value: str, grades: tuple[str, ...] = SCALE_GRADES,
                         failing: tuple[str, ...] = FAILING_GRADES,
                         lower: tuple[str, ...] = LOWER_GRADES) -> tuple[str, ...] | None:
    """``grading_scale`` of a value already folded (``Row.text``)."""
    return _scale(_clean_folded(value), grades, failing, lower)


@lru_cache(maxsize=8192)
def _scale(value: str, grades: tuple[str, ...], failing: tuple[str, ...],
           lower: tuple[str, ...]) -> tuple[str, ...] | None:
    if not value:
        return None
    known = _folded_set(grades)
    parts = tuple(p for p in _SEPARATORS.split(value) if p)
    if len(parts) >= 2:
        if not all(p in known for p in parts) or len(set(parts)) != len(parts):
            return None
        if len(parts) == 2:
            return parts if any(p in _folded_set(failing) for p in parts) else None
        return parts if any(p in _folded_set(lower) for p in parts) else None
    if value[0] not in _first_chars(known):
        return None  # no grade starts here: not a run of grades
    segments = _segment(value, tuple(sorted(known, key=len, reverse=True)))
    if segments is None or len(segments) < 3 or not any(p in _folded_set(lower) for p in segments):
        return None
    singles = tuple(value)
    if len(set(singles)) == len(singles) and all(ch in known for ch in singles):
        return singles  # one grade a character: 优良中低差 is 优, 良, 中, 低, 差, not 优良, 中, 低, 差
    return segments


@lru_cache(maxsize=64)
def _first_chars(grades: frozenset[str]) -> frozenset[str]:
    return frozenset(g[0] for g in grades if g)


def _segment(text: str, grades: tuple[str, ...]) -> tuple[str, ...] | None:
    """``text`` cut into known grades, longest first at each place (较好一般较差 → 较好, 一般,
    较差); None when some part is no grade."""
    out: list[str] = []
    at = 0
    while at < len(text):
        for grade in grades:
            if text.startswith(grade, at):
                out.append(grade)
                at += len(grade)
                break
        else:
            return None
    return tuple(out) if len(set(out)) == len(out) else None
