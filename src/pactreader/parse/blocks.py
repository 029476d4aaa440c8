"""A section's body as a small tree of block dataclasses.

The renderers (Rich for the reading pane, plain text for export) walk these blocks
instead of raw tokens, so both agree on structure and neither re-implements
markdown-it-py's open/close bookkeeping. Sections are parsed one at a time, on demand:
opening a 20 MB document never parses every paragraph.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, assert_never

from markdown_it.token import Token

from pactreader.parse.definitions import foreign_definitions
from pactreader.parse.document import Document, Section
from pactreader.parse.inline import Inline, inline_spans
from pactreader.parse.markdown import full_parser


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; ``section`` is its section's index when it starts one."""

    level: int
    text: Inline
    section: int | None
    unit: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text."""

    text: Inline
    unit: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a list: its own blocks (paragraphs, nested lists...)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet or ordered list."""

    ordered: bool
    start: int
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quote."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Code:
    """A fenced or indented code block, verbatim."""

    code: str
    language: str
    unit: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: every row has as many cells as the header."""

    aligns: tuple[str, ...]
    """``left``, ``center``, ``right`` or ``""`` per column."""
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    unit: int = 0
    """The unit of the first header cell; cells follow row by row, header first."""
    line: int = 0

    def cell_unit(self, row: int, column: int) -> int:
        """The text-unit number of a cell; ``row`` 0 is the header."""
        return self.unit + row * len(self.header) + column


@dataclass(frozen=True, slots=True)
class Rule:
    """A thematic break."""


@dataclass(frozen=True, slots=True)
class Html:
    """A raw HTML block, reduced to its text content (tags are not shown)."""

    text: str
    unit: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class Footnote:
    """One footnote definition."""

    number: int
    label: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Footnotes:
    """The footnotes a section refers to, listed after its text."""

    notes: tuple[Footnote, ...]


# Every piece of visible text (a heading, a paragraph, a table cell, a code block, an
# HTML block's text) carries a "unit" number, sequential in document order within one
# parse. Search results point at units, and renderers look highlights up by unit, so
# the two never disagree about which text a match is in. "line" is the block's first
# source line (1-based, in the document).


@dataclass(frozen=True, slots=True)
class Truncated:
    """Stands for the rest of a section too large to parse for a view."""

    hidden_chars: int


Block = Heading | Paragraph | ListBlock | Quote | Code | Table | Rule | Html | Footnotes | Truncated
"""Every block type. Walkers match on it exhaustively (``assert_never`` in the default
case), so a new block type fails ``mypy --strict`` in every walker that must handle it."""


def children(block: Block) -> tuple[Block, ...]:
    """The blocks nested directly in ``block`` (list items', a quote's, footnotes')."""
    match block:
        case ListBlock(items=items):
            return tuple(child for item in items for child in item.blocks)
        case Quote(blocks=blocks):
            return blocks
        case Footnotes(notes=notes):
            return tuple(child for note in notes for child in note.blocks)
        case Heading() | Paragraph() | Code() | Table() | Rule() | Html() | Truncated():
            return ()
        case _:
            assert_never(block)


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")


def section_blocks(
    document: Document,
    section: Section | None,
    *,
    subtree: bool = True,
    max_chars: int | None = None,
) -> list[Block]:
    """Parse one section (with its subsections unless told otherwise) into blocks.

    ``section=None`` parses the whole document after its front matter in one pass,
    which is far cheaper than section by section when there are thousands of them.
    Link reference and footnote definitions that live elsewhere in the document are
    appended to the parse so references resolve as they would in a full parse.

    ``max_chars`` bounds the work for a view: only the section's lines up to about that
    many characters are parsed, and a :class:`Truncated` block says what was left out.
    Units and lines of what is parsed are the same as in the full parse.
    """
    if section is None:
        first, last, index = document.front_matter_lines + 1, document.line_count, 0
    else:
        first = section.start_line
        last = section.subtree_end_line if subtree else section.end_line
        index = section.index
    return span_blocks(document, first, last, index, max_chars=max_chars)


def span_blocks(
    document: Document, first: int, last: int, index: int = 0, *, max_chars: int | None = None
) -> list[Block]:
    """Parse lines ``first..last`` (whole top-level blocks, e.g. a run of sections).

    ``index`` is the first section that may start in the span: headings that start
    sections are recognised from there on. ``max_chars`` is as for
    :func:`section_blocks`.
    """
    hidden = 0
    if max_chars is not None:
        kept, hidden = _lines_within(document, first, last, max_chars)
        last = first + kept - 1
    text = document.source_lines(first, last)
    extra = foreign_definitions(document, text, first, last)
    if extra:
        text = f"{text}\n\n{extra}"
    starts: dict[int, int] = {}
    for candidate in document.sections[index:]:
        if candidate.start_line > last:
            break
        starts[candidate.start_line] = candidate.index
    tokens = full_parser().parse(text, {})
    blocks = _Builder(tokens, first, starts).blocks()
    if hidden:
        blocks.append(Truncated(hidden))
    return blocks


def _lines_within(document: Document, first: int, last: int, budget: int) -> tuple[int, int]:
    """How many lines from ``first`` fit in ``budget`` characters, and the characters left."""
    used = 0
    line = first
    while line <= last and used <= budget:
        used += len(document.lines[line - 1]) + 1
        line += 1
    if line > last:
        return last - first + 1, 0
    rest = sum(len(document.lines[n - 1]) + 1 for n in range(line, last + 1))
    return line - first, rest


def markdown_blocks(text: str) -> list[Block]:
    """Parse free-standing Markdown (no section tree) into blocks."""
    return _Builder(full_parser().parse(text, {}), 1, {}).blocks()


class _Builder:
    """Walks a token list once, building nested blocks with an explicit cursor.

    A cursor over the flat token list rather than ``markdown_it.tree.SyntaxTreeNode``:
    the tree makes a node per token, inline tokens included, and costs more than this
    whole builder on a big document, whose export and search go through here.
    """

    def __init__(self, tokens: Sequence[Token], first_line: int, starts: dict[int, int]) -> None:
        self._tokens = tokens
        self._pos = 0
        self._first_line = first_line
        self._starts = starts
        self._units = 0

    def _unit(self, count: int = 1) -> int:
        """Claim ``count`` consecutive unit numbers and return the first."""
        first = self._units
        self._units += count
        return first

    def _line(self, token: Token) -> int:
        return token.map[0] + self._first_line if token.map else 0

    def blocks(self) -> list[Block]:
        return self._until(None)

    def _until(self, closer: str | None) -> list[Block]:
        """Collect blocks until the token type ``closer`` (consumed) or the end."""
        out: list[Block] = []
        tokens = self._tokens
        while self._pos < len(tokens):
            token = tokens[self._pos]
            self._pos += 1
            kind = token.type
            if kind == closer:
                return out
            block = self._block(token, kind)
            if block is not None:
                out.append(block)
        return out

    def _block(self, token: Token, kind: str) -> Block | None:
        build = _BLOCKS.get(kind)
        return None if build is None else build(self, token)

    def _heading(self, token: Token) -> Heading:
        inline = self._inline()
        self._pos += 1  # heading_close
        section = None
        if token.level == 0 and token.map is not None:
            section = self._starts.get(token.map[0] + self._first_line)
        return Heading(int(token.tag[1]), inline, section, self._unit(), self._line(token))

    def _paragraph(self, token: Token) -> Paragraph:
        inline = self._inline()
        self._pos += 1  # paragraph_close
        return Paragraph(inline, self._unit(), self._line(token))

    def _list(self, token: Token) -> ListBlock:
        ordered = token.type == "ordered_list_open"
        start = int(token.attrGet("start") or 1) if ordered else 1
        return ListBlock(ordered, start, self._items(token.type.replace("_open", "_close")))

    def _quote(self, token: Token) -> Quote:
        return Quote(tuple(self._until("blockquote_close")))

    def _code(self, token: Token) -> Code:
        language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
        return Code(token.content.rstrip("\n"), language, self._unit(), self._line(token))

    def _html(self, token: Token) -> Html:
        return Html(html_text(token.content), self._unit(), self._line(token))

    def _inline(self) -> Inline:
        token = self._tokens[self._pos]
        self._pos += 1
        return inline_spans(token.children)

    def _items(self, closer: str) -> tuple[ListItem, ...]:
        items: list[ListItem] = []
        while self._pos < len(self._tokens):
            token = self._tokens[self._pos]
            self._pos += 1
            if token.type == closer:
                break
            if token.type == "list_item_open":
                items.append(ListItem(tuple(self._until("list_item_close"))))
        return tuple(items)

    def _table(self, token: Token) -> Table:
        line = self._line(token)
        aligns: list[str] = []
        header: list[Inline] = []
        rows: list[list[Inline]] = []
        in_head = False
        while self._pos < len(self._tokens):
            token = self._tokens[self._pos]
            self._pos += 1
            kind = token.type
            if kind == "table_close":
                break
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open" and not in_head:
                rows.append([])
            elif kind in ("th_open", "td_open"):
                cell = self._inline()
                if in_head:
                    header.append(cell)
                    match = _ALIGN.search(str(token.attrGet("style") or ""))
                    aligns.append(match.group(1) if match else "")
                else:
                    rows[-1].append(cell)
        width = len(header)
        padded = tuple(tuple(row[:width]) + ((),) * (width - len(row)) for row in rows)
        unit = self._unit(width * (len(padded) + 1))
        return Table(tuple(aligns), tuple(header), padded, unit, line)

    def _footnotes(self, token: Token) -> Footnotes:
        notes: list[Footnote] = []
        while self._pos < len(self._tokens):
            token = self._tokens[self._pos]
            self._pos += 1
            if token.type == "footnote_block_close":
                break
            if token.type == "footnote_open":
                meta: dict[str, Any] = dict(token.meta or {})
                blocks = self._until("footnote_close")
                notes.append(
                    Footnote(int(meta.get("id", 0)) + 1, str(meta.get("label", "")), tuple(blocks))
                )
        return Footnotes(tuple(notes))


_BLOCKS: dict[str, Callable[[_Builder, Token], Block]] = {
    "heading_open": _Builder._heading,
    "paragraph_open": _Builder._paragraph,
    "bullet_list_open": _Builder._list,
    "ordered_list_open": _Builder._list,
    "blockquote_open": _Builder._quote,
    "fence": _Builder._code,
    "code_block": _Builder._code,
    "table_open": _Builder._table,
    "hr": lambda builder, token: Rule(),
    "html_block": _Builder._html,
    "footnote_block_open": _Builder._footnotes,
}
"""The block each opening token starts, as Rich's ``elements`` and Textual's ``BLOCKS``
tables map token types to classes. Other tokens (link reference definitions, closing
tokens met at the top level) make no block."""


def html_text(source: str) -> str:
    """The text content of raw HTML: comments and tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", source)).strip("\n")
