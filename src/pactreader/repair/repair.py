"""Turn scraped article text into Markdown.

Placeholder until the repair rules land: the text passes through unchanged, which is
what a Markdown parser would have seen anyway.
"""

from __future__ import annotations


def repair_text(text: str) -> str:
    """Return Markdown for scraped ``text``."""
    return text
