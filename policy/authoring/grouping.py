"""One finding per root cause: the same defect on many rows of one form is one finding that lists
them, located at the first, not one finding per row (issue 14 item 4).

A rule decides what one root cause is (the ``key``); rows that share it are grouped. A group of one
stays the rule's ordinary finding.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator

from policy.api import Finding


def listed_name(finding: Finding) -> str:
    """How a row is named in a grouped finding: 「its 三级 name」, else 「its value」 (names may
    contain 、, the separator of the list)."""
    ind = finding.indicator
    if ind is None:
        return f"「{finding.args.get('name') or '—'}」"
    return f"「{(ind.name or '').strip() or (ind.value_text or '').strip() or '—'}」"


def name_and_value(finding: Finding) -> str:
    """「name」（value）: for defects of the value itself."""
    ind = finding.indicator
    value = (ind.value_text or "").strip() if ind is not None else ""
    return f"{listed_name(finding)}（{value}）" if value else listed_name(finding)


def place_text(location) -> str | None:
    """A location as a reader finds it: 第18行, or the sheet and cell."""
    if location is None:
        return None
    if location.line:
        return f"第{location.line}行"
    if location.sheet:
        return f"{location.sheet}!{location.cell}" if location.cell else location.sheet
    return None


def _document_order(finding: Finding, name: Callable[[Finding], str]) -> tuple:
    loc = finding.location
    if loc is None:
        return (1, 0, 0, "", "", name(finding))
    return (0, loc.line or 0, loc.column or 0, loc.sheet or "", loc.cell or "", name(finding))


def one_per_root_cause(
    findings: Iterable[Finding],
    many_id: Callable[[Finding], str],
    key: Callable[[Finding], Hashable] = lambda f: f.message_id,
    name: Callable[[Finding], str] = listed_name,
    label: str = "三级指标",
) -> Iterator[Finding]:
    """The findings, with those that share a ``key`` merged into one ``many_id(first)`` finding
    whose args are ``count`` and ``names`` (and the first's args), located at the first, its
    evidence listing the names and where each one is, in the order of the document (so the order
    rows were read in never changes a finding). Order: each group where its first was."""
    groups: dict[Hashable, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(key(finding), []).append(finding)
    for group in groups.values():
        if len(group) == 1:
            yield group[0]
            continue
        group.sort(key=lambda f: _document_order(f, name))
        first = group[0]
        names = "、".join(name(f) for f in group)
        places = [p for f in group if (p := place_text(f.location))]
        evidence = {label: names}
        if places:
            evidence["位置"] = "、".join(places)
        yield Finding(
            many_id(first),
            {**first.args, "count": len(group), "names": names},
            location=first.location,
            indicator=first.indicator,
            evidence=evidence,
            form=first.form,
        )
