"""Rich text that wraps by :mod:`pactreader.render.wrap`'s rule instead of Rich's own.

Rich breaks lines only at white space: a run of Chinese moves to the next line whole,
leaving the line before it half empty, and a no-break space is broken at. The reading
pane builds its text as :class:`WrappingText`, so it wraps like the export and the
outline: by cells, between the characters of space-less scripts, never inside a
grapheme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.containers import Lines
from rich.text import DEFAULT_JUSTIFY, DEFAULT_OVERFLOW, Text

from pactreader.render.wrap import line_breaks

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod


class WrappingText(Text):
    """A :class:`rich.text.Text` whose lines break where :func:`line_breaks` says."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        """Word wrap the text: Rich's :meth:`Text.wrap` with another line breaker."""
        keep = self.no_wrap if no_wrap is None else no_wrap
        if keep or overflow == "ignore":
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=True
            )
        wrap_justify = justify or self.justify or DEFAULT_JUSTIFY
        wrap_overflow = overflow or self.overflow or DEFAULT_OVERFLOW
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            new_lines = line.divide(line_breaks(line.plain, width, fold=wrap_overflow == "fold"))
            for new_line in new_lines:
                new_line.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for new_line in new_lines:
                new_line.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines
