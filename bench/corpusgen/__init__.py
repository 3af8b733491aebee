"""Synthetic corpora of 绩效目标表 in every input format, shaped like the real ones.

    from bench.corpusgen import write_corpus, generate_forms, distinct_values
"""

from bench.corpusgen.forms import distinct_values, generate_forms
from bench.corpusgen.writer import FORMATS, write_corpus

__all__ = ["FORMATS", "distinct_values", "generate_forms", "write_corpus"]
