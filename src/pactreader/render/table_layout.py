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
    longest word, then what is left shared out, the columns that want least
    served first. When even the longest words do not fit,
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
    # Fill up from the columns that want least: a short column ("may change") is kept
    # whole, and the long ones share what is left evenly.
    widths = list(minimum)
    spare = available - sum(minimum)
    wants = sorted(range(columns), key=lambda c: natural[c] - minimum[c])
    for position, i in enumerate(wants):
        give = min(natural[i] - minimum[i], spare // (columns - position))
        widths[i] += give
        spare -= give
    for i in reversed(wants):  # what integer division left over
        if spare and widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def grid_fits(widths: Sequence[int], width: int) -> bool:
    """Whether a grid with these column widths fits in ``width`` cells (0: any width)."""
    return not width or sum(widths) + grid_overhead(len(widths)) <= width
