"""The domain every rule reasons about, at the bottom of ``policy``.

- ``model`` — the form as a loader builds it (frozen attrs, every piece with its ``Location``).
- ``hierarchy`` — the 一级/二级 names, their spellings and which 二级 stands under which 一级.
- ``amounts`` — reading a money cell into 元.
- ``canonical`` — the canonical YAML/JSON mapping ↔ ``Form``.
- ``self_evaluation`` — the canonical mapping's self-evaluation keys (kind, execution rows, actuals).
- ``figures`` — reading score, weight and rate cells ("9.64", "10分", "96.4%").
- ``attainment`` — an actual against its target, by meaning, through the value AST.
- ``facts`` — ``FormFacts``: the form as a rule sees it, with its derived facts worked out once.
- ``schemes`` — which template (88号-era, 101号, NDRC, provincial 90 + 10) a form follows.
- ``self_evaluation``, ``figures``, ``attainment`` — the 绩效自评表: its execution rows and scores,
  printed numbers, and whether an actual meets its target.
"""
