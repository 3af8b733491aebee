"""The public rule-authoring API: what a rule module imports besides ``policy.api`` and
``policy.options``.

- ``rows`` — reading indicator rows: ``require_rows``, ``where``, ``period_args``, word tests.
- ``values`` — questions about a parsed value (kind, unit, dimension, bounds).
- ``names`` — rows of one form that share a 三级 name (S108, S113).
- ``funding`` — amounts and cost lines (the F rules).
- ``consistency`` — implementers and the quantities a goal promises (the C rules).
- ``wording`` — vague words and template placeholders (the W rules).
- ``attributes`` — the 项目属性/期限/立项依据 block (the A rules).
- ``scoring`` — self-evaluations: execution rows, evaluated indicators and their attainment (the
  R and T rules, F112).
- ``examples`` — builders for the bad/good example forms every rule carries.
- ``patterns`` — regular expressions compiled on first use.

Every module documents its functions; docs/architecture.md shows a rule written with them.
"""
