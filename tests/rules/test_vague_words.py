"""W101's default vague phrases are the ones published forms use: the shipped list is what
tools/vague_words.py builds from the shipped corpus, and the rule cites the real count."""

from __future__ import annotations

from policy.authoring import vague_phrases
from policy.authoring.wording import DEFAULT_VAGUE_PATTERNS
from policy.rules.W101_vague_wording import VagueWording
from tools import vague_words


def test_the_shipped_list_is_the_scripts_output_on_the_shipped_corpus():
    assert vague_words.GENERATED.read_text(encoding="utf-8") == vague_words.build()


def test_every_default_phrase_was_seen_and_is_a_candidate():
    assert vague_phrases.SEEN and all(n >= 1 for n in vague_phrases.SEEN.values())
    assert set(vague_phrases.SEEN) <= set(vague_words.candidates())
    assert len(DEFAULT_VAGUE_PATTERNS) == len(vague_phrases.SEEN)


def test_count_keeps_only_what_a_form_says_and_counts_forms_not_rows():
    forms = [("a", ["持续提升", "持续提升水平"]), ("b", ["≥95%", "稳步推进"]), ("c", [""])]
    seen, total = vague_words.count(forms)
    assert total == 3
    assert seen == {"持续提升": 1, "稳步推进": 1}


def test_phrases_no_published_form_uses_are_not_in_the_default():
    # the issue's own examples, absent from every indicator value of the shipped corpus
    for phrase in ("稳步推进", "逐步改善", "有所提高", "效果显著", "进一步提高"):
        assert phrase not in vague_phrases.SEEN


def test_the_rule_cites_the_real_count():
    citation = VagueWording.source.citation
    assert (f"practice: seen in {vague_phrases.FORMS_WITH_ANY} of "
            f"{vague_phrases.FORMS_COUNTED} published forms") in citation
