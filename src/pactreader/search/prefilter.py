"""Skip sections whose Markdown source cannot hold a match, without parsing them.

Parsing a section into blocks costs about as much per megabyte as markdown-it-py's
full parse (ten seconds for 20 MB); a regular-expression scan of the raw source costs
a few milliseconds per megabyte. For a plain-text query the scan decides, safely,
which sections can be skipped.

Why it is safe. The visible text of a section is its source with characters deleted
(emphasis markers, link targets, tags, escapes, list and quote markers, indentation)
and white space changed (a line break becomes a space), except where the parser
*generates* text: entities (``&eacute;``), images (``[image: alt]``), footnote
references and bodies (``[1]``, and a footnote defined elsewhere), and autolinks whose
URL is percent- or punycode-decoded. A section holding one of those triggers is
always searched. In any other section, a match of ``p0 p1 ... pn`` in the visible text
is a run of source pieces separated by deleted stretches, and every deleted stretch
inside a word or phrase starts with one of the markup characters below (``*``, ``]``,
``<``, a backslash...). So the source must hold ``p0 p1 ... pn`` with white space
loosened, or some prefix ``p0 ... pi`` directly followed by a markup character. The
candidate pattern looks for exactly that; it may let through sections that do not
match (they are then parsed and found empty), never skip one that does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate

import regex

from pactreader.parse.document import Document

# Characters that can start a stretch of source the reader does not show, inside a
# line of text: emphasis, strike, code spans, links and images, raw HTML and
# autolinks, block quote markers, escapes, entities, table pipes.
_MARKUP = r"[*_`~<>\[\]()!\\&|]"

# Source that makes the parser show text that is not in the source.
_GENERATED = regex.compile(
    r"&[#A-Za-z]"  # an entity or character reference
    r"|!\["  # an image: shown as [image: alt]
    r"|\[\^|\^\["  # a footnote reference, an inline footnote
    r"|<[^\s<>]*(?:%|xn--)[^\s<>]*>",  # an autolink whose text is decoded
    regex.IGNORECASE,
)

# The candidate pattern looks at this many characters of the query at most: a source
# that can hold the whole query can hold its beginning, and the nesting stays shallow.
_MAX_ATOMS = 48


def candidate_pattern(text: str, *, ignore_case: bool) -> regex.Pattern[str] | None:
    """The pattern a section's source must match for plain-text ``text`` to be visible.

    None when no safe pattern exists (the query holds U+FFFD, which the parser puts in
    place of NUL characters).
    """
    if "\ufffd" in text:
        return None
    atoms: list[str] = []
    for character in text:
        if character.isspace():
            if not atoms or atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        else:
            atoms.append(regex.escape(character))
    atoms = atoms[:_MAX_ATOMS]
    # a0(?:M|a1(?:M|a2(?:M|a3))): the whole query, or a prefix cut by markup.
    source = atoms[-1]
    for atom in reversed(atoms[:-1]):
        source = f"{atom}(?:{_MARKUP}|{source})"
    return regex.compile(source, regex.IGNORECASE if ignore_case else 0)


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of regex ``pattern`` contains.

    Deliberately simple-minded, so it is easy to see that it is right: only text
    outside any group or set counts, a character with a quantifier after it does
    not, an escape ends a run, and a pattern with a top-level ``|`` or any ``(?``
    construct (inline flags, look-arounds) has no required literal. None when no run
    of at least two characters is left.
    """
    if "(?" in pattern:
        return None
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    position = 0
    while position < len(pattern):
        character = pattern[position]
        following = pattern[position + 1 : position + 2]
        if character == "\\":
            position += 2
        elif character == "[":
            # Skip the set: a "]" right after "[" or "[^" belongs to it.
            position += 2 if following == "^" else 1
            position += 1 if pattern[position : position + 1] == "]" else 0
            while position < len(pattern) and pattern[position] != "]":
                position += 2 if pattern[position] == "\\" else 1
            position += 1
        else:
            if character == "(":
                depth += 1
            elif character == ")":
                depth -= 1
            elif character == "|" and depth == 0:
                return None
            plain = depth == 0 and character not in "()|.^$*+?{}" and following not in _QUANTIFIERS
            position += 1
            if plain:
                run.append(character)
                continue
        runs.append("".join(run))
        run = []
    runs.append("".join(run))
    longest = max(runs, key=len)
    return longest if len(longest) >= 2 else None


_QUANTIFIERS = ("*", "+", "?", "{")


@dataclass(frozen=True, slots=True)
class _SourceIndex:
    """A document's source as one string, with where each section lies in it."""

    text: str
    starts: tuple[int, ...]
    """Offset of each section's first character in ``text``."""
    ends: tuple[int, ...]
    """Offset just past each section's own span."""
    generated: frozenset[int]
    """Sections whose source holds a trigger for generated text."""


def _source_index(document: Document) -> _SourceIndex:
    """The document's joined text and section offsets, built once (kept in its memo)."""
    return document.derived(_build_source_index)


def _build_source_index(document: Document) -> _SourceIndex:
    """Find the section offsets and the sections with generated text."""
    text = document.text
    line_starts = [0, *accumulate(len(line) + 1 for line in document.lines)]
    starts = tuple(line_starts[section.start_line - 1] for section in document.sections)
    ends = tuple(line_starts[section.end_line] for section in document.sections)
    # concurrent=True: the scans release the GIL, so a worker doing this for 20 MB
    # leaves the interface its turns.
    generated = {
        bisect.bisect_right(starts, found.start()) - 1
        for found in _GENERATED.finditer(text, concurrent=True)
    }
    return _SourceIndex(text, starts, ends, frozenset(generated))


def prepare(document: Document) -> None:
    """Do the once-per-document work now (about 0.3 s for 20 MB), not on the first keystroke."""
    _source_index(document)


def may_match(document: Document, candidate: regex.Pattern[str] | None, index: int) -> bool:
    """False only when section ``index`` provably holds no visible match."""
    if candidate is None:
        return True
    source = _source_index(document)
    if index in source.generated:
        return True
    found = candidate.search(source.text, source.starts[index], source.ends[index], concurrent=True)
    return found is not None
