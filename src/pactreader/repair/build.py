"""Read scraped lines into blocks, turning structure-bearing tag debris into structure.

Scraped articles put one block on one line, so a line is the unit: every line that
is not part of a fenced code block or a table becomes one block, or several where
debris splits it (``< li >a li >< li >b li >`` is two list items). Markdown that is
already there (``#`` headings, ``-`` bullets, ``>`` quotes, fences, setext
underlines) is read as Markdown. Debris is read as what it marked:

- ``li`` starts a list item (nested ``ul``/``ol`` give the depth, ``ol`` numbers it);
- ``p`` starts a paragraph that can never be taken for a heading;
- ``h``/``h1``-``h6`` start a heading of that level (``h``: decided later);
- ``br`` is a line break (a space in a heading);
- ``td``/``th`` split a line with no pipes into table cells;
- everything else is dropped, keeping the words on either side apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pactreader.common.debris import Piece, Tag, plain_text, separator, tokenise
from pactreader.repair.blocks import Block, Kind
from pactreader.repair.spacing import mend_spacing
from pactreader.repair.tables import is_delimiter_row, pipe_row

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
# The optional closing "#"s; the look-behind starts a try only where a run of spaces
# starts, so a long run is not rescanned from each of its spaces (quadratic).
_ATX_CLOSE = re.compile(r"(?:^|(?<![ \t])[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_ITEM = re.compile(r"([ \t]*)([-*+\u2022\u25e6\u25aa]|(\d{1,3})[.)])(?:[ \t]+|$)")
_HEADING_TAGS = frozenset(["h", "h1", "h2", "h3", "h4", "h5", "h6"])
_CELL_TAGS = frozenset(("td", "th"))
_MIN_CELL_TAGS = 2


def build_blocks(lines: Sequence[str]) -> list[Block]:
    """Read ``lines`` (no newlines) into blocks; ROW blocks still hold their raw line."""
    builder = _Builder()
    row = False
    for index, line in enumerate(lines):
        if builder.in_code:
            builder.code_line(line)
            continue
        row = _is_row(lines, index, row)
        builder.line(line, row=row)
    builder.finish()
    return builder.blocks


def _is_row(lines: Sequence[str], index: int, after_row: bool) -> bool:
    """True when line ``index`` is a pipe-table row (debris around it allowed)."""
    line = lines[index]
    if "|" not in line:
        return False
    if line.lstrip().startswith("|") or is_delimiter_row(line):
        return True
    if plain_text(tokenise(line)).lstrip().startswith("|"):
        return True
    return after_row or (index + 1 < len(lines) and is_delimiter_row(lines[index + 1]))


@dataclass(slots=True)
class _Open:
    """The block being filled from the pieces of the current line."""

    kind: Kind
    level: int = 0
    ordered: bool = False
    explicit: bool = False
    number: int = 0
    markdown: bool = False
    parts: list[str] = field(default_factory=list)
    """The block's text so far, in pieces (joined once, at the end: linear time)."""
    has_text: bool = False
    dropped: Tag | None = None
    """The tag dropped just before the next text, which may need a space after it."""

    def add(self, text: str) -> None:
        """Append text, with a space where a dropped tag separated two words."""
        if self.dropped is not None and self.parts:
            self.parts.append(separator(self.parts[-1], text, self.dropped))
        self.dropped = None
        self.parts.append(text)
        self.has_text = self.has_text or not text.isspace()

    def line_break(self) -> None:
        """A break within the block (a space in a heading); none before any text."""
        if self.has_text:
            self.parts.append(" " if self.kind is Kind.HEADING else "\n")


@dataclass(slots=True)
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    open: _Open | None = None
    lists: list[bool] = field(default_factory=list)
    """The ``ul`` (False) and ``ol`` (True) debris lists open now, outermost first."""
    indents: list[int] = field(default_factory=list)
    """Indentation of the Markdown list items that enclose the current one."""
    fence: str = ""
    code: list[str] = field(default_factory=list)
    previous_paragraph: bool = False
    """The previous line was a one-line paragraph, so ``===``/``---`` underlines it."""

    @property
    def in_code(self) -> bool:
        return bool(self.fence)

    def code_line(self, line: str) -> None:
        """Keep a line of a fenced code block verbatim; a matching fence closes it."""
        self.code.append(line)
        closing = _FENCE.match(line)
        if (
            closing
            and closing.group(1)[0] == self.fence[0]
            and len(closing.group(1)) >= len(self.fence)
            and not line[closing.end() :].strip()
        ):
            self._end_code()

    def line(self, line: str, *, row: bool) -> None:
        """Read one source line that is not inside a fenced code block."""
        previous_paragraph, self.previous_paragraph = self.previous_paragraph, False
        if not line.strip():
            return
        if row:
            self._add(Block(Kind.ROW, line, explicit=True))
            return
        if not line.lstrip()[:1].isalpha() and self._markdown_line(line, previous_paragraph):
            return
        rest = self._line_start(line)
        pieces = tokenise(rest)
        cells = _html_cells(pieces) if self.open is None else None
        if cells is not None:
            self._add(Block(Kind.ROW, pipe_row(cells), explicit=True))
            return
        count = len(self.blocks)
        for piece in pieces:
            if isinstance(piece, Tag):
                self._tag(piece)
            else:
                self._text(piece)
        self._flush()
        new = self.blocks[count:]
        self.previous_paragraph = (
            len(new) == 1 and new[0].kind is Kind.PARAGRAPH and "\n" not in new[0].text
        )

    def _markdown_line(self, line: str, previous_paragraph: bool) -> bool:
        """Read a fence, a setext underline or a rule; True when the line was one.

        Only called for lines that do not start with a letter: none of these can.
        """
        fence = _FENCE.match(line)
        if fence and not (fence.group(1)[0] == "`" and "`" in line[fence.end() :]):
            self.fence = fence.group(1)
            self.code = [line]
            return True
        setext = _SETEXT.match(line)
        if setext and previous_paragraph:
            last = self.blocks.pop()
            level = 1 if setext.group(1)[0] == "=" else 2
            self._add(Block(Kind.HEADING, last.text, level=level, explicit=True, markdown=True))
            return True
        if _RULE.match(line):
            self._add(Block(Kind.RULE, ""))
            return True
        return False

    def finish(self) -> None:
        """Close what the last line left open."""
        self._flush()
        if self.fence:
            self.code.append(self.fence)
            self._end_code()

    def _line_start(self, line: str) -> str:
        """Open the block a Markdown line start asks for; return the rest of the line."""
        if line[:1].isalpha():
            return line  # no Markdown block starts with a letter
        heading = _ATX.match(line)
        if heading:
            self.open = _Open(
                Kind.HEADING, level=len(heading.group(1)), explicit=True, markdown=True
            )
            return _ATX_CLOSE.sub("", line[heading.end() :])
        quote = _QUOTE.match(line)
        if quote:
            self.open = _Open(Kind.QUOTE, explicit=True)
            return line[quote.end() :]
        item = _ITEM.match(line)
        if item:
            depth = self._markdown_depth(len(item.group(1).expandtabs(4)))
            number = int(item.group(3)) if item.group(3) else 0
            self.open = _Open(
                Kind.ITEM, level=depth, ordered=bool(item.group(3)), explicit=True, number=number
            )
            return line[item.end() :]
        return line

    def _markdown_depth(self, indent: int) -> int:
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
        return len(self.indents) - 1

    def _text(self, text: str) -> None:
        if self.open is None:
            if text.isspace():
                return
            self.open = _Open(Kind.PARAGRAPH)
        self.open.add(text)

    def _tag(self, tag: Tag) -> None:
        name = tag.name
        current = self.open
        if current is not None:
            current.dropped = tag  # whatever it means, it stood between two pieces of text
        if name == "li":
            if not tag.closing:
                self._open_item()
            elif current is not None and current.kind is Kind.ITEM:
                self._flush()
        elif name in ("ul", "ol"):
            self._flush()
            if not tag.closing:
                self.lists.append(name == "ol")
            elif self.lists:
                self.lists.pop()
        elif name == "p":
            if current is not None and current.kind is Kind.ITEM:
                # A paragraph inside a list item: a break within the item.
                if not tag.closing:
                    current.line_break()
                return
            self._flush()
            if not tag.closing:
                self.open = _Open(Kind.PARAGRAPH, explicit=True)
        elif name in _HEADING_TAGS:
            self._flush()
            if not tag.closing:
                self.open = _Open(Kind.HEADING, level=int(name[1:] or 0), explicit=True)
        elif name == "br" and current is not None:
            current.line_break()

    def _open_item(self) -> None:
        current = self.open
        if current is not None and current.kind is Kind.ITEM and not current.has_text:
            return  # "- < li >text": the Markdown bullet and the tag mark one item
        self._flush()
        ordered = bool(self.lists) and self.lists[-1]
        self.open = _Open(
            Kind.ITEM, level=max(0, len(self.lists) - 1), ordered=ordered, explicit=True
        )

    def _flush(self) -> None:
        """Close the open block, keeping it only if it has text."""
        current, self.open = self.open, None
        if current is None:
            return
        text = mend_spacing("".join(current.parts))
        if text:
            self._add(
                Block(
                    current.kind,
                    text,
                    level=current.level,
                    ordered=current.ordered,
                    explicit=current.explicit,
                    number=current.number,
                    markdown=current.markdown,
                )
            )

    def _add(self, block: Block) -> None:
        if block.kind is not Kind.ITEM:
            # A list ends at the first block that is not an item, closed or not.
            self.lists.clear()
            self.indents.clear()
        self.blocks.append(block)

    def _end_code(self) -> None:
        self._add(Block(Kind.CODE, "\n".join(self.code), explicit=True))
        self.fence = ""
        self.code = []


def _html_cells(pieces: list[Piece]) -> list[str] | None:
    """The cells of a table row written with ``td``/``th`` debris instead of pipes.

    Only a line with two cell tags or more is a row: one stray ``td >`` in prose is
    not a table. A cell closed without being opened and with no text is no cell.
    """
    tags = [piece for piece in pieces if isinstance(piece, Tag)]
    if sum(tag.name in _CELL_TAGS for tag in tags) < _MIN_CELL_TAGS:
        return None
    cells: list[str] = []
    current: list[Piece] = []
    opened = False
    for piece in pieces:
        if not (isinstance(piece, Tag) and piece.name in _CELL_TAGS):
            current.append(piece)
            continue
        text = _cell_text(current)
        if text or (opened and piece.closing):
            cells.append(text)
        current = []
        opened = not piece.closing
    tail = _cell_text(current)
    if tail or opened:
        cells.append(tail)
    return cells


def _cell_text(pieces: list[Piece]) -> str:
    return mend_spacing(plain_text(pieces)).replace("\n", " ") if pieces else ""
