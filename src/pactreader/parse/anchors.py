"""Where a link points: ``#slug``, an ``<a id>``/``<a name>`` anchor, another document.

A table of contents links to its sections by their GitHub slugs (``#animals``), and
hand-written HTML marks places with ``<a id="x"></a>`` or ``<a name="x">``. Both
resolve to a section and the source line of the target, so the reader can jump there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from pactreader.common.safety import is_linkable
from pactreader.parse.document import Document


@dataclass(frozen=True, slots=True)
class Anchor:
    """The target of an in-document link."""

    section: int
    """Index of the section holding the target."""
    line: int
    """The target's source line (1-based): the heading's, or the anchor tag's."""


def find_anchor(document: Document, fragment: str) -> Anchor | None:
    """The target of ``#fragment`` (given without the ``#``), or None when there is none.

    Slugs are matched first (exactly, then case-insensitively, as browsers fall back),
    then ``id``/``name`` attributes of ``<a>`` tags in the source.
    """
    name = unquote(fragment).strip()
    if not name:
        return None
    for wanted in (name, name.casefold()):
        for section in document.sections:
            if section.slug == wanted and not section.is_preamble:
                return Anchor(section.index, section.start_line)
    tag = re.compile(
        r"<a\s[^>]*?\b(?:id|name)\s*=\s*(?:\""
        + re.escape(name)
        + r"\"|'"
        + re.escape(name)
        + r"'|"
        + re.escape(name)
        + r"(?=[\s/>]))",
        re.IGNORECASE,
    )
    for number, line in enumerate(document.lines, start=1):
        if "<a" in line.lower() and tag.search(line):
            return Anchor(section_at_line(document, number), number)
    return None


def section_at_line(document: Document, line: int) -> int:
    """Index of the section whose span holds source ``line`` (0 before the first)."""
    starts = [section.start_line for section in document.sections]
    return max(0, bisect_right(starts, line) - 1)


LinkKind = Literal["anchor", "document", "web", "refused"]
"""What following a link does: jump in the document, open another document, open a
browser (after a confirmation), or nothing (a scheme that is never opened)."""

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def link_kind(href: str) -> LinkKind:
    """How a link to ``href`` is followed."""
    if href.startswith("#"):
        return "anchor"
    if is_linkable(href):
        return "web"
    if not href or _SCHEME.match(href) or href.startswith("//") or _UNSAFE.search(href):
        return "refused"
    return "document"


def document_link(source: str, href: str) -> tuple[Path, str] | None:
    """The file a relative link names, and its ``#fragment`` (without the ``#``).

    ``source`` is where the linking document was read from; None when there is no
    folder to resolve the link against (standard input, a URL).
    """
    if source == "-" or "://" in source:
        return None
    target, _, fragment = href.partition("#")
    path = Path(unquote(target))
    if not path.is_absolute():
        path = Path(source).parent / path
    return path, fragment
