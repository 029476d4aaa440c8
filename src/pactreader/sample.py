"""Where the bundled sample article lives."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_NAME = "us-algeria-defense-pact.md"


def sample_path() -> Path:
    """The sample article installed with the package.

    A wheel carries it as package data; an editable install reads it from the
    checkout's ``articles/`` folder, its single source.
    """
    packaged = Path(str(files("pactreader").joinpath("articles", SAMPLE_NAME)))
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "articles" / SAMPLE_NAME
