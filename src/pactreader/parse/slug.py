"""GitHub-style heading slugs, unique within a document."""

from __future__ import annotations

import re

# GitHub keeps letters, digits, "-", "_" and spaces; everything else is punctuation.
_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def slugify(title: str) -> str:
    """Lower-case, drop punctuation, spaces to ``-``: ``"What's new?"`` -> ``whats-new``."""
    return _DROP.sub("", title.strip().lower()).replace(" ", "-")


class SlugRegistry:
    """Hands out slugs, suffixing repeats with ``-1``, ``-2``... as GitHub does."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._counts: dict[str, int] = {}

    def claim(self, title: str) -> str:
        """Return a slug for ``title`` that no earlier call returned."""
        base = slugify(title) or "section"
        slug = base
        while slug in self._seen:
            count = self._counts.get(base, 0) + 1
            self._counts[base] = count
            slug = f"{base}-{count}"
        self._seen.add(slug)
        return slug
