"""The repair layer: scraped text in, well-formed Markdown out.

Nothing outside this package imports it at start-up: the pipeline imports it only for
input that sniffs as scraped text, so a Markdown document never loads these rules.
"""

from __future__ import annotations

from pactreader.repair.repair import repair_text

__all__ = ["repair_text"]
