"""The repair layer: scraped text in, well-formed Markdown out.

:func:`repair_text` is loaded on first use: the source layer reads this package's
debris rules to sniff every input, and a Markdown input never needs the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pactreader.repair.repair import repair_text

__all__ = ["repair_text"]


def __getattr__(name: str) -> Any:
    if name == "repair_text":
        return importlib.import_module("pactreader.repair.repair").repair_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
