"""Rejoin hard-wrapped plain text, so one paragraph is one line again.

Scraped articles put a paragraph on one line, and the rest of the repair layer reads
a line as a block. Plain-text files saved from elsewhere (mail, RFCs, e-books) wrap
paragraphs at a fixed width instead, with blank lines between paragraphs; read a line
at a time, every line would be a paragraph of its own. Such text is recognised by its
shape (blank lines, no line much longer than 100 characters, many full lines running
on into the next) and each run of lines is joined where a line was full: a wrap
happens at a full line, while a short line (a heading, a paragraph's last line) ends
its block. Lines that start a block of their own (list markers, ``#``, ``>``, pipes,
fences) are never joined onto the line before.

A headline wrapped over short lines (``Please check the`` / ``Top Fifteen Questions
listed below`` / ``and the`` / ``Dictionary first!``) has no full line, yet it is one
block: in hard-wrapped text, a short run of short lines between blank lines, none but
the last ending a clause, is joined too, so it is read as one heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

WRAP_LIMIT = 100
"""Text wrapped wider than this is not hard-wrapped text as people write it."""
_FULL_SHARE = 0.75
"""A line at least this share of the wrap width was full: the text went on."""
_MIN_JOINTS = 3
_MIN_JOINT_SHARE = 0.25
_PERCENTILE = 0.9
HEADING_RUN_WORDS = 25
"""A run of short lines longer than this is verse or an address, not a wrapped heading."""
_HEADING_RUN_LINES = 4
_CLAUSE_ENDINGS = ".,;:!?"

_BLOCK_START = re.compile(r"\s*(?:[-*+\u2022]\s|\d{1,3}[.)]\s|#|>|\||```|~~~|<\s*/?\s*[a-z])")
_FENCE = re.compile(r" {0,3}(?:```|~~~)")


def unwrap_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with wrapped paragraphs joined, or unchanged if the text is not wrapped."""
    width = _wrap_width(lines)
    if width is None:
        return list(lines)
    full = _FULL_SHARE * width
    out: list[str] = []
    joinable = False
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            joinable = False
            out.append(line)
            continue
        if in_fence or not line.strip():
            joinable = False
            out.append(line)
            continue
        if joinable and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
        joinable = len(line.rstrip()) >= full and not line.lstrip().startswith("|")
    return _join_heading_runs(out, full)


def _join_heading_runs(lines: list[str], full: float) -> list[str]:
    """Join each run of lines that reads as one wrapped heading (see the module doc)."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line)
            continue
        if _wrapped_heading(run, full):
            out.append(" ".join(part.strip() for part in run))
        else:
            out.extend(run)
        run = []
        out.append(line)
    out.pop()
    return out


def _wrapped_heading(run: list[str], full: float) -> bool:
    if not 2 <= len(run) <= _HEADING_RUN_LINES:
        return False
    if any(len(line.rstrip()) >= full or _BLOCK_START.match(line) for line in run):
        return False
    if any(line.rstrip()[-1:] in _CLAUSE_ENDINGS for line in run[:-1]):
        return False
    return sum(len(line.split()) for line in run) <= HEADING_RUN_WORDS


def _wrap_width(lines: Sequence[str]) -> int | None:
    """The width the text is wrapped at, or None when it is not hard-wrapped."""
    text_lines = [line.rstrip() for line in lines if line.strip()]
    if len(text_lines) == len(lines) or len(text_lines) < _MIN_JOINTS + 1:
        return None  # no blank line: one block a line, as scraped text has it
    lengths = sorted(len(line) for line in text_lines)
    width = lengths[int(_PERCENTILE * (len(lengths) - 1))]
    if width > WRAP_LIMIT:
        return None
    full = _FULL_SHARE * width
    joints = sum(
        1
        for line, following in pairwise(lines)
        if len(line.rstrip()) >= full and following.strip() and not _BLOCK_START.match(following)
    )
    if joints < max(_MIN_JOINTS, _MIN_JOINT_SHARE * len(text_lines)):
        return None
    return width
