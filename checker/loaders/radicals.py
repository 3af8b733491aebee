"""Radical code points a PDF's text layer gives for ordinary characters, mapped back.

A CJK font draws 目 and KANGXI RADICAL EYE (U+2F6C, ⽬) with one glyph. A PDF producer that
subsets the font (Chromium does) writes one Unicode value per glyph into the ToUnicode map and
may pick the radical, so the text layer reads "项⽬" where the page shows 项目. The two blocks:

- Kangxi Radicals (U+2F00–U+2FD5): each has a compatibility decomposition to its ideograph, so
  NFKC gives it (⽬ → 目).
- CJK Radicals Supplement (U+2E80–U+2EF3): no decomposition. Only the radicals that are a whole
  character's shape are mapped; a component shape (⺅ 亻, ⺡ 氵, ⺘ 扌) stands for no character a
  form prints alone and is left as it is. The table was derived from the character names: a
  "C-SIMPLIFIED X" radical is the simplified character of KANGXI RADICAL X (⻅ SEE → 见, ⻔ GATE
  → 门), a "J-SIMPLIFIED X" the Japanese form (⻫ → 斉), and a plain name the Kangxi radical's own
  ideograph where the supplement form is drawn as that character (⻄ WEST TWO → 西). The tests
  check every entry against the names, and every simplified entry against its Kangxi radical.

Applied where text leaves the PDF adapter (one character for one, so glyph positions hold).
"""

from __future__ import annotations

import unicodedata

_SUPPLEMENT = {
    # C-SIMPLIFIED / SIMPLIFIED X: the simplified character of the Kangxi radical X.
    "⺦": "丬", "⺰": "纟", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻐": "钅", "⻓": "长",
    "⻔": "门", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻠": "饣", "⻢": "马", "⻥": "鱼", "⻦": "鸟",
    "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
    # J-SIMPLIFIED X: the Japanese simplified character.
    "⻫": "斉", "⻭": "歯", "⻯": "竜", "⻲": "亀",
    # Supplement forms drawn as the character itself.
    "⺁": "厂", "⺊": "卜", "⺜": "日", "⺝": "月", "⺟": "母", "⺠": "民", "⺩": "王", "⺽": "臼", "⻄": "西",
    "⻑": "長", "⻘": "青", "⻡": "首", "⻣": "骨", "⻤": "鬼", "⻱": "龜",
}

LOOKALIKES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)} | _SUPPLEMENT
)


def unradical(text: str) -> str:
    """``text`` with radical code points standing for whole characters replaced by them."""
    return text.translate(LOOKALIKES)
