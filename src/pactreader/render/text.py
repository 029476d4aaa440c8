"""Plain-text export: a section as text people are glad to paste.

Follows DESIGN's export rules: numbered, underlined headings; wrapped paragraphs with
inline markup dropped and link targets in angle brackets; lists with hanging indents;
tables as aligned grids whose cells wrap; code indented four spaces; quotes prefixed
``> ``; footnotes at the end. A word longer than the width is kept whole on its own
line, never cut.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import assert_never

from rich.cells import cell_len

from pactreader.common.safety import strip_controls
from pactreader.parse.blocks import (
    Block,
    Code,
    Footnotes,
    Heading,
    Html,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
    Truncated,
    section_blocks,
    span_blocks,
)
from pactreader.parse.document import Document, Section
from pactreader.parse.inline import Inline, Span, link_runs, visible
from pactreader.render.table_layout import column_widths, grid_fits
from pactreader.render.wrap import wrap

DEFAULT_WIDTH = 80

# Holds "[image: alt]" together while wrapping; turned back into a space afterwards.
_GLUE = "\ue000"


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Choices that shape the plain text."""

    width: int = DEFAULT_WIDTH
    """Wrap width in cells; 0 means no wrapping."""
    ascii: bool = False
    """Draw tables with ``+ - |`` instead of box-drawing characters."""


@dataclass(frozen=True, slots=True)
class _Box:
    """The characters of a table grid."""

    horizontal: str
    vertical: str
    top: tuple[str, str, str]
    middle: tuple[str, str, str]
    bottom: tuple[str, str, str]


_UNICODE_BOX = _Box("─", "│", ("┌", "┬", "┐"), ("├", "┼", "┤"), ("└", "┴", "┘"))
_ASCII_BOX = _Box("-", "|", ("+", "+", "+"), ("+", "+", "+"), ("+", "+", "+"))


def export_text(
    document: Document, section: Section | None = None, style: TextStyle | None = None
) -> str:
    """Plain text of ``section`` with its subsections, or of the whole document."""
    style = style or TextStyle()
    renderer = _Renderer(document, style, section)
    chunks = [section_blocks(document, section)] if section else _document_chunks(document)
    lines: list[str] = []
    for blocks in chunks:
        rendered = renderer.render(blocks, style.width)
        if lines and rendered:
            lines.append("")
        lines += rendered
    # The preamble has no heading of its own: it is introduced by the document title.
    opening = section or (document.sections[0] if document.sections else None)
    if opening is not None and opening.is_preamble:
        lines = [*_heading_lines(document.title, "=", style.width), "", *lines]
    text = "\n".join(lines).strip("\n")
    return "\n".join(line.rstrip() for line in strip_controls(text).split("\n")) + "\n"


# The whole document is parsed in runs of top-level sections of about this many lines:
# one parse per section is slow with 100,000 sections, one parse of 20 MB holds about
# 900 MiB of tokens at once.
_CHUNK_LINES = 20_000


def _document_chunks(document: Document) -> Iterator[list[Block]]:
    """The document's blocks, a run of top-level sections at a time.

    Each run is parsed, rendered and dropped before the next, so memory holds one run's
    tokens and blocks, not the whole document's.
    """
    first = document.front_matter_lines + 1
    start_index = 0
    for position, root in enumerate(document.roots):
        section = document.sections[root]
        last_root = position == len(document.roots) - 1
        if section.subtree_end_line - first + 1 >= _CHUNK_LINES or last_root:
            yield span_blocks(document, first, section.subtree_end_line, start_index)
            first = section.subtree_end_line + 1
            start_index = root + 1
    if not document.roots and document.line_count:
        yield span_blocks(document, first, document.line_count)


def _heading_lines(text: str, rule: str, width: int = 0) -> list[str]:
    """A heading wrapped to ``width`` and underlined to its widest line."""
    lines = _wrap(text, width) or [text]
    return [*lines, rule * max(1, *(cell_len(line) for line in lines))]


def inline_text(spans: Inline) -> str:
    """Inline content as plain text: markup dropped, link targets as `` <url>``."""
    out: list[str] = []
    for href, run in link_runs(spans):
        text = "".join(_glued(span) for span in run)
        out.append(text)
        if href and text.strip() not in (href, href.removeprefix("mailto:")):
            out.append(f" <{href}>")
    return "".join(out)


def _glued(span: Span) -> str:
    """A span's visible text, an image marker held together for wrapping."""
    return visible(span).replace("[image: ", f"[image:{_GLUE}", 1) if span.image else span.text


class _Renderer:
    """Renders blocks to lines for one export."""

    def __init__(self, document: Document, style: TextStyle, root: Section | None) -> None:
        self._document = document
        self._style = style
        self._root = root
        self._box = _ASCII_BOX if style.ascii else _UNICODE_BOX

    def render(self, blocks: Sequence[Block], width: int) -> list[str]:
        """Blocks separated by one blank line."""
        lines: list[str] = []
        for block in blocks:
            rendered = self._block(block, width)
            if not rendered:
                continue
            if lines:
                lines.append("")
            lines.extend(rendered)
        return lines

    def _block(self, block: Block, width: int) -> list[str]:
        match block:
            case Heading():
                return self._heading(block, width)
            case Paragraph():
                return _wrap(inline_text(block.text), width)
            case ListBlock():
                return self._list(block, width)
            case Quote():
                inner = self.render(block.blocks, max(1, width - 2) if width else 0)
                return [f"> {line}" if line else ">" for line in inner]
            case Code():
                return [f"    {line}" if line else "" for line in block.code.split("\n")]
            case Table():
                return self._table(block, width)
            case Rule():
                return ["-" * min(width or DEFAULT_WIDTH, 40)]
            case Html():
                return _wrap(block.text, width) if block.text.strip() else []
            case Footnotes():
                return self._footnotes(block, width)
            case Truncated():
                return []  # Export parses whole sections: only a view truncates.
            case _:
                assert_never(block)

    def _heading(self, block: Heading, width: int) -> list[str]:
        text = inline_text(block.text).replace("\n", " ").strip()
        if block.section is None:
            return _wrap(text, width) if text else []
        section = self._document.sections[block.section]
        shown = f"{section.number} {text}".rstrip()
        top = section is self._root if self._root else section.parent is None
        return _heading_lines(shown, "=" if top else "-", width)

    def _list(self, block: ListBlock, width: int) -> list[str]:
        lines: list[str] = []
        for offset, item in enumerate(block.items):
            marker = f"{block.start + offset}. " if block.ordered else "- "
            hang = " " * len(marker)
            inner_width = max(1, width - len(marker)) if width else 0
            body: list[str] = []
            for child in item.blocks:
                if isinstance(child, ListBlock):
                    # Nested lists sit two spaces in from their parent's marker.
                    nested = self._list(child, max(1, width - 2) if width else 0)
                    body.extend(f"  {line}" if line else "" for line in nested)
                    continue
                rendered = self._block(child, inner_width)
                if body and rendered:
                    body.append("")
                body.extend(f"{hang}{line}" if line else "" for line in rendered)
            if not body:
                lines.append(marker.rstrip())
                continue
            first = body[0]
            if first.startswith(hang):
                lines.append(marker + first[len(hang) :])
                lines.extend(body[1:])
            else:
                # The item opens with a nested list: the marker stands alone.
                lines.append(marker.rstrip())
                lines.extend(body)
        return lines

    def _footnotes(self, block: Footnotes, width: int) -> list[str]:
        lines: list[str] = []
        for note in block.notes:
            marker = f"[{note.number}] "
            inner = self.render(note.blocks, max(1, width - len(marker)) if width else 0)
            if not inner:
                lines.append(marker.rstrip())
                continue
            lines.append(marker + inner[0])
            lines.extend(" " * len(marker) + line if line else "" for line in inner[1:])
        return lines

    def _table(self, table: Table, width: int) -> list[str]:
        header = [inline_text(cell) for cell in table.header]
        rows = [[inline_text(cell) for cell in row] for row in table.rows]
        columns = len(header)
        if not columns:
            return []
        widths = column_widths([header, *rows], columns, width)
        if not grid_fits(widths, width):
            return _records(header, rows, width)
        box = self._box
        aligns = list(table.aligns) + [""] * (columns - len(table.aligns))

        def rule(ends: tuple[str, str, str]) -> str:
            left, cross, right = ends
            return left + cross.join(box.horizontal * (size + 2) for size in widths) + right

        def row_lines(cells: Sequence[str]) -> list[str]:
            wrapped = [_wrap(cells[i] if i < len(cells) else "", widths[i]) for i in range(columns)]
            height = max(1, *(len(cell) for cell in wrapped))
            out = []
            for line_no in range(height):
                parts = []
                for i, cell_lines in enumerate(wrapped):
                    text = cell_lines[line_no] if line_no < len(cell_lines) else ""
                    parts.append(f" {_align(text, widths[i], aligns[i])} ")
                out.append(box.vertical + box.vertical.join(parts) + box.vertical)
            return out

        body = [row_lines(row) for row in rows]
        separate = any(len(lines) > 1 for lines in body)
        lines = [rule(box.top), *row_lines(header), rule(box.middle)]
        for position, row in enumerate(body):
            if separate and position:
                lines.append(rule(box.middle))
            lines.extend(row)
        lines.append(rule(box.bottom))
        return lines


def _records(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A table too wide for any grid at ``width``: one record per row, cells labelled.

    Used only when even the narrowest grid (each column as wide as its longest word)
    would overflow; every column of every row is still shown, empty ones included.
    """
    lines: list[str] = []
    for position, row in enumerate(rows):
        if position:
            lines.append("")
        for column, name in enumerate(header):
            value = row[column] if column < len(row) else ""
            label = f"{name}:" if name else f"({column + 1}):"
            wrapped = _wrap(f"{label} {value}".rstrip(), max(1, width - 2))
            lines.append(wrapped[0])
            lines.extend(f"  {line}" for line in wrapped[1:])
    return lines or [line for name in header for line in _wrap(name, width)]


def _wrap(text: str, width: int) -> list[str]:
    """Wrap text at ``width`` cells, keeping over-long words whole; 0 disables."""
    # As textwrap did: tabs to spaces, other breaking white space to one space each.
    plain = text.expandtabs().translate(_SPACES) if width else text
    lines = [line.replace(_GLUE, " ") for line in wrap(plain, width)]
    return lines if any(lines) else ([] if not text else [""])


_SPACES = {ord(space): " " for space in "\x0b\x0c\r"}


def _align(text: str, width: int, align: str) -> str:
    pad = max(0, width - cell_len(text))
    if align == "right":
        return " " * pad + text
    if align == "center":
        left = pad // 2
        return " " * left + text + " " * (pad - left)
    return text + " " * pad
