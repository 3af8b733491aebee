"""Shared test configuration: Hypothesis profiles and paths.

HYPOTHESIS_PROFILE=ci (default) keeps the suite fast on a 2-core machine; HYPOTHESIS_PROFILE=fuzz
is the long run, by hand; the "mutation" profile is what tools/mutation.py runs each mutant with
(see docs/testing.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "bazhong-2022-city-government-office.txt"
PUBLIC_FORMS = ROOT / "tests" / "data" / "public-forms"

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=20000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile("dev", max_examples=200, deadline=None)
# Mutation runs: the same examples every time (a mutant is killed or not, never by luck), no
# database (a mutant's failures must not replay on the next one), and no shrinking (a kill needs
# one failing example, not the smallest).
settings.register_profile(
    "mutation",
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
