"""What the reader remembers between sessions, in the platform's state folder.

One small JSON file (``state.json`` under platformdirs' user state folder: on Linux
``$XDG_STATE_HOME/pactreader``, by default ``~/.local/state/pactreader``), written
atomically. A missing, unreadable or corrupt file, or a value of the wrong kind, is
ignored and replaced on the next save: the reader never fails for its memory.

Today it holds the outline's width; reading positions and bookmarks join it later,
as fields of :class:`ReaderState`.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from pactreader.common.errors import PactreaderError
from pactreader.output import write_atomic

STATE_FILE = "state.json"


@dataclass(frozen=True, slots=True)
class ReaderState:
    """Everything remembered; each field None (or empty) until the reader sets it."""

    outline_width: int | None = None
    """The outline pane's width in cells, as the user last set it (``<``, ``>``, drag)."""


def state_path() -> Path:
    """Where the state file lives."""
    return Path(platformdirs.user_state_dir("pactreader", appauthor=False)) / STATE_FILE


def load_state(path: Path | None = None) -> ReaderState:
    """The remembered state, or a fresh one when there is none that can be read."""
    try:
        data = json.loads((path or state_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ReaderState()
    if not isinstance(data, dict):
        return ReaderState()
    width = data.get("outline_width")
    valid = isinstance(width, int) and not isinstance(width, bool) and 0 < width < 10_000
    return ReaderState(outline_width=width if valid else None)


def save_state(state: ReaderState, path: Path | None = None) -> None:
    """Remember ``state``; a folder or file that cannot be written is left alone."""
    target = path or state_path()
    with contextlib.suppress(OSError, PactreaderError):
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(asdict(state), indent=2, sort_keys=True) + "\n"
        write_atomic(target, data.encode("utf-8"), overwrite=True)
