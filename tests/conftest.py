"""Shared fixtures: where the sample, the corpus and the seed article live.

The team's corpus and seed article sit in ``../shared`` beside a developer's checkout
and CI's, never beside a user's clone. Tests that read them skip with a reason when it
is absent; every behaviour they check is also checked on documents this project writes
itself (``tests/documents/`` and :mod:`tests.documents`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "us-algeria-defense-pact.md"
DOCUMENTS = ROOT / "tests" / "documents"
SCRAPED = ROOT / "articles" / "community-garden-scraped.txt"
SCRAPED_CLEAN = DOCUMENTS / "community-garden.md"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "000_ea4c330ccc039515.txt"
NO_SHARED = "../shared (the team's corpus and seed article) is not beside this checkout"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
"""For a test that only exists to check a document of ``../shared``."""

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
    """The reference documents of ``../shared`` that come with an outline (none without it)."""
    return sorted(path for path in CORPUS.glob("*.md") if Path(f"{path}.outline.json").exists())


def shared_params(paths: list[Path]) -> list[Any]:
    """``paths`` as parameters, or one skipped parameter that says why there are none.

    A parametrised test never collects an empty set silently: without ``../shared`` it
    reports one skip with the reason.
    """
    present = [path for path in paths if path.exists()]
    if present:
        return [pytest.param(path, id=path.name) for path in present]
    return [pytest.param(None, id="shared", marks=pytest.mark.skip(reason=NO_SHARED))]


def scraped_pairs() -> list[Any]:
    """(scraped text, its faithful clean Markdown): ours always, the seed with ``../shared``."""
    pairs = [pytest.param(SCRAPED, SCRAPED_CLEAN, id="own-scraped-article")]
    marks = [] if SEED.exists() else [pytest.mark.skip(reason=NO_SHARED)]
    return [*pairs, pytest.param(SEED, SAMPLE, id="seed", marks=marks)]


@pytest.fixture
def sample() -> Path:
    return SAMPLE


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test remembers into its own state folder, never the user's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder
