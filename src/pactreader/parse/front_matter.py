"""Front matter at the very top of a document: metadata, never text.

YAML (``---`` ... ``---`` or ``...``) and TOML (``+++`` ... ``+++``). A block that is
opened but never closed is not front matter: it is ordinary Markdown (a thematic
break), as every CommonMark reader sees it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}

# Front matter longer than this is not metadata but a document that begins with a
# thematic break; stop looking rather than scan a huge file.
MAX_LINES = 1000


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The metadata block: its line count and what it says."""

    line_count: int
    """Lines ``1..line_count`` of the document, fences included."""
    data: dict[str, Any]
    """The parsed mapping; empty when the block is not valid YAML/TOML mapping."""


def split_front_matter(lines: list[str]) -> FrontMatter | None:
    """Find front matter at the top of ``lines`` and parse it, or return None."""
    if not lines:
        return None
    opener = lines[0].rstrip()
    closers = _CLOSERS.get(opener)
    if closers is None:
        return None
    for index in range(1, min(len(lines), MAX_LINES)):
        if lines[index].rstrip() in closers:
            body = "\n".join(lines[1:index])
            return FrontMatter(line_count=index + 1, data=_load(opener, body))
    return None


def _load(opener: str, body: str) -> dict[str, Any]:
    """Parse the block; malformed metadata is kept out of the text but yields ``{}``."""
    try:
        if opener == "+++":
            return tomllib.loads(body)
        import yaml  # Deferred: most documents have no front matter.

        loaded = yaml.safe_load(body)
    except Exception:  # Any parse failure in user metadata is non-fatal by design.
        return {}
    return _jsonable(loaded) if isinstance(loaded, dict) else {}


def _jsonable(value: Any) -> Any:
    """Make YAML values JSON-safe (dates become ISO strings, keys strings)."""
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
