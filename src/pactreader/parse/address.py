"""Find a section from what a user typed: a number, a slug, or title text."""

from __future__ import annotations

from pactreader.common.errors import UsageError
from pactreader.parse.document import Document, Section

# How many candidates an ambiguity message lists before it says "and N more".
_MAX_LISTED = 12


def find_section(document: Document, address: str) -> Section:
    """Resolve ``address`` to one section.

    Tried in order: the section number (``2.1``), the slug, the title
    case-insensitively, then a unique case-insensitive substring of titles.

    Raises:
        UsageError: Nothing matches, or the substring matches several sections; the
            message lists the candidates as ``number  title``.
    """
    wanted = address.strip()
    sections = document.sections
    for section in sections:
        if section.number == wanted:
            return section
    for section in sections:
        if section.slug == wanted:
            return section
    folded = wanted.casefold()
    exact = [section for section in sections if section.title.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    matches = exact or [section for section in sections if folded in section.title.casefold()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(
            f"no section matches {address!r}; sections: {_listing(sections)}"
            if sections
            else f"no section matches {address!r}: the document has no sections"
        )
    raise UsageError(f"{address!r} matches {len(matches)} sections: {_listing(matches)}")


def _listing(sections: tuple[Section, ...] | list[Section]) -> str:
    """Candidates as ``number  title`` separated by ``; `` so the error stays one line."""
    shown = [f"{section.number}  {section.title}" for section in sections[:_MAX_LISTED]]
    if len(sections) > _MAX_LISTED:
        shown.append(f"and {len(sections) - _MAX_LISTED} more")
    return "; ".join(shown)
