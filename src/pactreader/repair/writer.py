"""Write repaired blocks as Markdown.

One blank line between blocks, so no block can run into the next (a paragraph
lazily continuing a list item, a line underlining the one above it); none between
the items of one list, so they stay one tight list. Nested items are indented to
their parent's content column, line breaks are backslash hard breaks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pactreader.repair.blocks import Block, Kind
from pactreader.repair.escape import escape_heading, escape_line

_RULE = "---"
_FIRST_RULE = "***"
"""A rule on the first line, written ``---``, would open front matter."""
# What a YAML double-quoted scalar cannot hold even escaped, by YAML's printable set,
# plus the C1 controls and the line and paragraph separators, which are never metadata.
_NOT_YAML = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_markdown(blocks: Sequence[Block], front_matter: Mapping[str, str] | None = None) -> str:
    """The Markdown for ``blocks``, ending with one newline (empty for no blocks).

    ``front_matter`` (metadata the repair found, such as ``author``) goes first, as YAML.
    """
    lines: list[str] = front_matter_lines(front_matter) if front_matter else []
    lists = _ListState()
    previous: Kind | None = None
    for block in blocks:
        if block.kind is not Kind.ITEM:
            lists.reset()
        if previous is not None or lines:
            if block.kind is Kind.QUOTE and previous is Kind.QUOTE:
                lines.append(">")
            elif not (block.kind is Kind.ITEM and previous is Kind.ITEM):
                lines.append("")
        if block.kind is Kind.RULE and not lines:
            lines.append(_FIRST_RULE)
        else:
            lines.extend(_block_lines(block, lists))
        previous = block.kind
    return "\n".join(lines) + "\n" if lines else ""


def front_matter_lines(front_matter: Mapping[str, str]) -> list[str]:
    """``front_matter`` as a YAML block.

    Each value is one double-quoted scalar (JSON's string syntax is YAML's), so no
    value can end the block or become a nested key.
    """
    lines = ["---"]
    for key, value in front_matter.items():
        clean = " ".join(_NOT_YAML.sub("", value).split())
        lines.append(f"{key}: {json.dumps(clean, ensure_ascii=False)}")
    lines.append("---")
    return lines


def _block_lines(block: Block, lists: _ListState) -> list[str]:
    kind = block.kind
    if kind is Kind.HEADING:
        return ["#" * block.level + " " + escape_heading(block.text.replace("\n", " "))]
    if kind in (Kind.TABLE, Kind.CODE):
        return block.text.split("\n")
    if kind is Kind.RULE:
        return [_RULE]
    if kind is Kind.ITEM:
        indent, marker = lists.item(block)
        return _broken_lines(
            block.text, f"{indent}{marker} ", " " * (len(indent) + len(marker) + 1)
        )
    if kind is Kind.QUOTE:
        return _broken_lines(block.text, "> ", "> ")
    return _broken_lines(block.text, "", "")


def _broken_lines(text: str, first: str, rest: str) -> list[str]:
    """The lines of a block with ``\\n`` breaks: hard breaks, every line escaped."""
    parts = [escape_line(part) for part in text.split("\n") if part]
    return [
        (first if index == 0 else rest) + part + ("\\" if index < len(parts) - 1 else "")
        for index, part in enumerate(parts)
    ]


@dataclass(slots=True)
class _ListState:
    """Where the items of the current list run stand: indents and numbers per depth."""

    columns: list[int] = field(default_factory=list)
    """The content column of the last item at each depth."""
    numbers: list[int] = field(default_factory=list)
    """The last number used at each depth (0 after a bullet item)."""

    def reset(self) -> None:
        self.columns.clear()
        self.numbers.clear()

    def item(self, block: Block) -> tuple[str, str]:
        """The indent and marker for an item; depth is clamped to one below the last."""
        depth = min(block.level, len(self.columns))
        indent = " " * (self.columns[depth - 1] if depth else 0)
        if block.ordered:
            previous = self.numbers[depth] if depth < len(self.numbers) else 0
            number = block.number or previous + 1
            marker = f"{number}."
        else:
            number = 0
            marker = "-"
        del self.columns[depth:], self.numbers[depth:]
        self.columns.append(len(indent) + len(marker) + 1)
        self.numbers.append(number)
        return indent, marker
