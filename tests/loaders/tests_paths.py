"""Paths of the loader tests' inputs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"
CORPUS = ROOT / "corpus"
