"""How wide each column of a table grid is: one rule for the reading pane and export.

Every column gets at least its longest word (its widest unbreakable piece, see
:func:`pactreader.render.wrap.longest_piece`) whenever the total allows, so only a word
longer than any column could be is ever broken; the width left over goes to the
columns whose text would otherwise wrap, in proportion to how much more they want.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len

from pactreader.render.wrap import longest_piece


def grid_overhead(columns: int) -> int:
    """Cells a grid's borders and padding take: a bar and a space each side of every cell."""
    return 3 * columns + 1


def column_widths(rows: Iterable[Sequence[str]], columns: int, width: int) -> list[int]:
    """The text width of each column of a grid that fits in ``width`` cells.

    Natural widths (each column's longest line) when they fit; otherwise each column's
    longest word plus a share of what is left. When even the longest words do not fit,
    the result is wider than ``width`` (the caller shows the table another way).
    ``width`` 0 means no limit.
    """
    natural = [1] * columns
    minimum = [1] * columns
    for row in rows:
        for i in range(columns):
            cell = row[i] if i < len(row) else ""
            if not cell:
                continue
            natural[i] = max(natural[i], *(cell_len(line) for line in cell.split("\n")))
            minimum[i] = max(minimum[i], longest_piece(cell))
    available = width - grid_overhead(columns)
    if not width or sum(natural) <= available:
        return natural
    if sum(minimum) >= available:
        return minimum
    spare = available - sum(minimum)
    slack = [natural[i] - minimum[i] for i in range(columns)]
    total_slack = sum(slack)
    widths = [minimum[i] + spare * slack[i] // total_slack for i in range(columns)]
    # Hand out what integer division left over, widest slack first.
    leftover = available - sum(widths)
    for i in sorted(range(columns), key=lambda c: -slack[c])[:leftover]:
        widths[i] += 1
    return widths


def grid_fits(widths: Sequence[int], width: int) -> bool:
    """Whether a grid with these column widths fits in ``width`` cells (0: any width)."""
    return not width or sum(widths) + grid_overhead(len(widths)) <= width
