"""Value grammar (stub until issue #2 lands): parse_value(text) -> Value."""


def parse_value(text: str):  # pragma: no cover - replaced by the real grammar
    return None
