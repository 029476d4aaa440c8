"""Shared fixtures: where the sample, the corpus and the seed article live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "us-algeria-defense-pact.md"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "000_ea4c330ccc039515.txt"

settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI runs the thorough profile (at least 1,000 examples a property); locally, "dev".
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def corpus_documents() -> list[Path]:
    """The reference documents that come with an outline."""
    return sorted(path for path in CORPUS.glob("*.md") if Path(f"{path}.outline.json").exists())


@pytest.fixture
def sample() -> Path:
    return SAMPLE
