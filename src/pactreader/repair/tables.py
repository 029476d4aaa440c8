"""Mend pipe tables: clean the cells, add what GFM needs, square the rows.

Scraped tables come with ``td >`` and ``< / tr >`` debris in their cells, sometimes
without the delimiter row GFM needs to see a table at all, and with rows cut short.
A run of row lines becomes one table whose every row has the width of the widest
(GFM would silently drop the extra cells of a longer row, and their words with them).
Rows with no text are dropped; a table with no text at all is dropped whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pactreader.common.debris import Tag, plain_text, tokenise
from pactreader.repair.blocks import Block, Kind
from pactreader.repair.escape import escape_inline
from pactreader.repair.spacing import mend_spacing

_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_DELIMITER_CELL = re.compile(r":?-+:?")
_PIPE = re.compile(r"(?<!\\)\|")
_RULES = {"": "---", "left": ":---", "right": "---:", "center": ":---:"}


def is_delimiter_row(line: str) -> bool:
    """True for a GFM delimiter row such as ``|---|:---:|`` (one pipe at least)."""
    return "|" in line and _DELIMITER.fullmatch(line) is not None


def pipe_row(cells: Sequence[str]) -> str:
    """Write cells as a pipe row; an empty cell is written ``| |``."""
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def mend_tables(blocks: Sequence[Block]) -> list[Block]:
    """Replace every run of ROW blocks with one TABLE block (or nothing if empty)."""
    out: list[Block] = []
    run: list[str] = []
    for block in blocks:
        if block.kind is Kind.ROW:
            run.append(block.text)
            continue
        if run:
            out.extend(_table(run))
            run = []
        out.append(block)
    if run:
        out.extend(_table(run))
    return out


def row_cells(line: str) -> list[str]:
    """The cleaned cells of one pipe row, without the cells outside its edge pipes."""
    cells = [_cell(raw) for raw in _PIPE.split(line)]
    # What stands before the first pipe and after the last is no cell when it is blank
    # or only debris (``< tr >| a | b |``), and neither is a cell of debris alone at
    # either end (``| a td > | < / tr >``).
    first, last = 0, len(cells)
    if last - first > 1 and not cells[first][0]:
        first += 1
    if last - first > 1 and not cells[last - 1][0]:
        last -= 1
    while first < last and cells[first][1]:
        first += 1
    while first < last and cells[last - 1][1]:
        last -= 1
    return [text for text, _ in cells[first:last]]


def _cell(raw: str) -> tuple[str, bool]:
    """A cell's Markdown text, and whether the cell held debris and nothing else."""
    if not raw or raw.isspace():
        return "", False
    pieces = tokenise(raw)
    text = mend_spacing(plain_text(pieces)).replace("\n", " ")
    debris_only = not text and any(isinstance(piece, Tag) for piece in pieces)
    return escape_inline(text), debris_only


def _table(lines: Sequence[str]) -> list[Block]:
    header: list[str] | None = None
    aligns: list[str] = []
    body: list[list[str]] = []
    for line in lines:
        if is_delimiter_row(line):
            if not body and not aligns:
                aligns = [_align(cell) for cell in _PIPE.split(line.strip().strip("|"))]
                header = header if header is not None else []
            continue  # a delimiter row elsewhere is a scraping leftover
        cells = row_cells(line)
        if header is None:
            header = cells
        elif any(cells):
            body.append(cells)
    if header is None or not (any(header) or body):
        return []
    width = max(len(header), len(aligns), *(len(row) for row in body), 1)
    rows = [_pad(header, width, ""), *(_pad(row, width, "") for row in body)]
    rule = "|" + "|".join(_RULES[align] for align in _pad(aligns, width, "")) + "|"
    text = "\n".join([pipe_row(rows[0]), rule, *(pipe_row(row) for row in rows[1:])])
    return [Block(Kind.TABLE, text, explicit=True)]


def _align(cell: str) -> str:
    cell = cell.strip()
    if not _DELIMITER_CELL.fullmatch(cell):
        return ""
    left, right = cell.startswith(":"), cell.endswith(":")
    if left and right:
        return "center"
    return "left" if left else "right" if right else ""


def _pad(cells: Sequence[str], width: int, filler: str) -> list[str]:
    return [*cells, *([filler] * (width - len(cells)))]
