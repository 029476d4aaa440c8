"""The repair layer: scraped text in, well-formed Markdown out."""

from __future__ import annotations

from pactreader.repair.repair import repair_text

__all__ = ["repair_text"]
