"""Radical code points a PDF's text layer gives for ordinary characters (⽬ for 目) are read as the
characters; each table entry is checked against the Unicode character names it was derived from."""

from __future__ import annotations

import unicodedata

from checker.loaders.radicals import _SUPPLEMENT, LOOKALIKES, unradical


def _kangxi(word: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.lookup(f"KANGXI RADICAL {word}"))


def test_chromium_radicals_read_as_the_characters_the_page_shows():
    assert unradical("项⽬名称") == "项目名称"
    assert unradical("⻓期⽬标，⻔诊⻅效") == "长期目标，门诊见效"
    assert unradical("满意度≥95%（户）") == "满意度≥95%（户）"  # ordinary text is left as it is


def test_every_kangxi_radical_maps_to_its_compatibility_ideograph():
    for code in range(0x2F00, 0x2FD6):
        target = chr(code).translate(LOOKALIKES)
        assert target == unicodedata.normalize("NFKC", chr(code)) != chr(code)
        assert unicodedata.name(target).startswith("CJK UNIFIED IDEOGRAPH")


# Plain-named supplement radicals not drawn as the Kangxi radical's character, written out:
# MOTHER and CIVILIAN have no Kangxi radical of that name; JADE is drawn 王 (Kangxi 玉), WEST TWO
# 西 (Kangxi 襾), BLUE 青 (Kangxi 靑).
_DRAWN_OTHERWISE = {"⺟": "母", "⺠": "民", "⺩": "王", "⻄": "西", "⻘": "青"}


def test_supplement_entries_are_whole_ideographs_named_by_their_radical():
    for radical, target in _SUPPLEMENT.items():
        assert 0x2E80 <= ord(radical) <= 0x2EF3
        assert unicodedata.name(target).startswith("CJK UNIFIED IDEOGRAPH"), radical
        name = unicodedata.name(radical).removeprefix("CJK RADICAL ")
        if radical in _DRAWN_OTHERWISE:
            assert _DRAWN_OTHERWISE[radical] == target
            continue
        if "SIMPLIFIED" not in name:
            # A plain name: the Kangxi radical's own character ("LONG ONE" is LONG).
            word = name.removesuffix(" ONE").removesuffix(" TWO")
            assert _kangxi(word) == target, radical


def test_every_simplified_radical_is_mapped_to_a_simplified_form_of_its_kangxi_radical():
    simplified = [chr(c) for c in range(0x2E80, 0x2EF4)
                  if unicodedata.name(chr(c), "").startswith(("CJK RADICAL C-SIMPLIFIED", "CJK RADICAL SIMPLIFIED",
                                                               "CJK RADICAL J-SIMPLIFIED"))]
    # ⻌ (辶) is a component only: no character prints it alone.
    assert len(simplified) == 31 and all(r in _SUPPLEMENT for r in simplified if r != "⻌")
    # Spot checks against the Kangxi radical of the same name, written out (not derived).
    pairs = {"⻅": ("SEE", "見", "见"), "⻔": ("GATE", "門", "门"), "⻢": ("HORSE", "馬", "马"),
             "⻓": ("LONG", "長", "长"), "⻉": ("SHELL", "貝", "贝"), "⻫": ("EVEN", "齊", "斉")}
    for radical, (word, traditional, target) in pairs.items():
        assert _kangxi(word) == traditional and _SUPPLEMENT[radical] == target
