"""A section as Rich renderables: what the reading pane draws.

The reading pane renders one section at a time, at one width, so this module turns
the section's own blocks (:func:`pactreader.parse.blocks.section_blocks` with
``subtree=False``) into a list of :class:`Part`, one per top-level block. Every piece
of document text goes into a :class:`rich.text.Text` built from span runs, never from
a markup string, so ``[bold]`` stays literal; control characters are shown as
placeholders of the same length, so offsets into a unit's visible text (what search
reports) line up exactly with the rendered text.

The styles come from a :class:`Palette`: the app fills one from its theme, tests and
the command line use :data:`DARK_PALETTE` or :data:`LIGHT_PALETTE`. This module never
imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, assert_never

from rich import box
from rich.console import Group
from rich.measure import Measurement
from rich.rule import Rule as RichRule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from pactreader.common.safety import is_linkable, safe_title, show_controls
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
    children,
    section_blocks,
)
from pactreader.parse.document import Document, Section
from pactreader.parse.inline import CODE, EMPHASIS, STRIKE, STRONG, Inline, Span, visible
from pactreader.render.rich_wrap import WrappingText
from pactreader.render.table_layout import column_widths, grid_fits

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

Highlights = Mapping[int, Sequence[tuple[int, int, str]]]
"""Ranges to highlight: unit number -> ``(start, end, style name)`` in the unit's text."""


_BULLETS = ("•", "◦", "▪")


@dataclass(frozen=True, slots=True)
class Palette:
    """The Rich styles of every kind of text in the reading pane.

    One value per theme: the app builds it from its CSS component classes, so the
    reading pane follows Textual's light and dark themes.
    """

    headings: tuple[Style, ...]
    """Heading text by level, H1 first (six entries)."""
    heading_number: Style
    heading_rule: Style
    """The line drawn under H1 and H2 headings."""
    code_inline: Style
    link: Style
    footnote_ref: Style
    image: Style
    quote: Style
    quote_bar: Style
    bullet: Style
    rule: Style
    table_border: Style
    table_header: Style
    html: Style
    meta_key: Style
    meta_value: Style
    muted: Style
    """Secondary labels such as the footnotes title."""
    syntax_theme: str
    """A Pygments style name for code blocks."""
    code_background: str | None = None
    """The background colour of code blocks (None: the Pygments style's own)."""
    highlights: Mapping[str, Style] = field(default_factory=dict)
    """Styles for highlight ranges by name (``match``, ``current``...)."""


_DEFAULT_STYLES: dict[str, tuple[str, str]] = {
    # name: (dark terminal, light terminal)
    "h1": ("bold #f0c674", "bold #8a5a00"),
    "h2": ("bold #81a2be", "bold #005f87"),
    "h3": ("bold #8abeb7", "bold #00656b"),
    "h4": ("bold", "bold"),
    "h5": ("bold italic", "bold italic"),
    "h6": ("italic dim", "italic dim"),
    "heading-number": ("#969896", "#6c6c6c"),
    "heading-rule": ("#5f6a74", "#bcbcbc"),
    "code-inline": ("#de935f on #282a2e", "#9f3a00 on #eeeeee"),
    "link": ("underline #81a2be", "underline #005f87"),
    "footnote-ref": ("#b294bb", "#6b3fa0"),
    "image": ("italic #969896", "italic #6c6c6c"),
    "quote": ("italic", "italic"),
    "quote-bar": ("#5f6a74", "#bcbcbc"),
    "bullet": ("#8abeb7", "#00656b"),
    "rule": ("#5f6a74", "#bcbcbc"),
    "table-border": ("#5f6a74", "#a8a8a8"),
    "table-header": ("bold", "bold"),
    "html": ("none", "none"),
    "meta-key": ("bold #969896", "bold #6c6c6c"),
    "meta-value": ("#969896", "#6c6c6c"),
    "muted": ("#969896", "#6c6c6c"),
    "match": ("on #5f5f00", "on #ffff87"),
    "current": ("on #af8700", "on #ffaf00"),
}

STYLE_NAMES: tuple[str, ...] = tuple(_DEFAULT_STYLES)
"""Every style a palette is made of; the app has a CSS component class for each."""


def palette_from(
    styles: Mapping[str, Style], *, syntax_theme: str, code_background: str | None
) -> Palette:
    """A palette from one style per name in :data:`STYLE_NAMES`."""
    return Palette(
        headings=tuple(styles[f"h{level}"] for level in range(1, 7)),
        heading_number=styles["heading-number"],
        heading_rule=styles["heading-rule"],
        code_inline=styles["code-inline"],
        link=styles["link"],
        footnote_ref=styles["footnote-ref"],
        image=styles["image"],
        quote=styles["quote"],
        quote_bar=styles["quote-bar"],
        bullet=styles["bullet"],
        rule=styles["rule"],
        table_border=styles["table-border"],
        table_header=styles["table-header"],
        html=styles["html"],
        meta_key=styles["meta-key"],
        meta_value=styles["meta-value"],
        muted=styles["muted"],
        syntax_theme=syntax_theme,
        code_background=code_background,
        highlights={"match": styles["match"], "current": styles["current"]},
    )


DARK_PALETTE = palette_from(
    {name: Style.parse(pair[0]) for name, pair in _DEFAULT_STYLES.items()},
    syntax_theme="monokai",
    code_background="#1d1f21",
)
"""Styles for a dark terminal."""

LIGHT_PALETTE = palette_from(
    {name: Style.parse(pair[1]) for name, pair in _DEFAULT_STYLES.items()},
    syntax_theme="friendly",
    code_background="#f4f4f4",
)
"""Styles for a light terminal."""


@dataclass(frozen=True, slots=True)
class Part:
    """One top-level block of a section, ready to render."""

    renderable: RenderableType
    first_unit: int
    """The lowest text unit inside the block (-1 when it holds none)."""
    end_unit: int
    """One past the highest text unit inside the block (-1 when it holds none)."""


def section_parts(
    document: Document,
    section: Section,
    palette: Palette = DARK_PALETTE,
    highlights: Highlights | None = None,
) -> list[Part]:
    """The section's own span (heading and body, no subsections) as renderable parts.

    Args:
        document: The document the section belongs to.
        section: The section to render; the preamble renders without a heading.
        palette: The styles to use.
        highlights: Ranges to highlight, keyed by the units of this section's own
            parse (``section_blocks(document, section, subtree=False)``).
    """
    blocks = section_blocks(document, section, subtree=False, max_chars=MAX_SECTION_CHARS)
    renderer = _Renderer(document, palette, highlights or {})
    parts: list[Part] = []
    for block in blocks:
        renderable = renderer.block(block, 0)
        if renderable is None:
            continue
        first, end = _unit_range(block)
        parts.append(Part(renderable, first, end))
    return parts


def front_matter_renderable(document: Document, palette: Palette = DARK_PALETTE) -> Text | None:
    """The front matter as a small ``key: value`` header, or None when there is none.

    Front matter over a limit (see :mod:`pactreader.parse.front_matter`) is shown as
    its text, under a notice of why it was not read.
    """
    if document.front_matter_note is not None:
        return _front_matter_as_text(document, document.front_matter_note, palette)
    data = document.front_matter
    if not data:
        return None
    text = Text(end="")
    for position, (key, value) in enumerate(data.items()):
        if position:
            text.append("\n")
        text.append(safe_title(str(key)), palette.meta_key)
        text.append(": ", palette.meta_key)
        text.append(safe_title(_meta_value(value)), palette.meta_value)
    return text


def _front_matter_as_text(document: Document, note: str, palette: Palette) -> Text:
    """The notice, then the block's lines (fences included) as inert text."""
    raw = "\n".join(document.lines[: document.front_matter_lines])
    text = Text(f"{note}; shown as text.", palette.muted + Style(italic=True), end="")
    text.append("\n")
    text.append(show_controls(raw[:MAX_SHOWN_CHARS]), palette.meta_value)
    if len(raw) > MAX_SHOWN_CHARS:
        text.append(f"\n… {len(raw) - MAX_SHOWN_CHARS:,} more characters", palette.muted)
    return text


def _meta_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_meta_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_meta_value(item)}" for key, item in value.items())
    return "" if value is None else str(value)


def inline_text(
    spans: Inline,
    palette: Palette = DARK_PALETTE,
    base: Style | None = None,
    ranges: Sequence[tuple[int, int, str]] = (),
) -> Text:
    """Inline content as a Rich :class:`Text` whose plain text is ``plain_text(spans)``.

    Control characters become same-length placeholders, so ``ranges`` (offsets into
    the visible text) highlight exactly the characters search found.
    """
    text = WrappingText(style=base or "", overflow="fold")
    cache: dict[tuple[Any, ...], Style] = {}
    for span in spans:
        key = (span.styles, span.href, span.footnote is not None, span.image)
        style = cache.get(key)
        if style is None:
            style = cache[key] = _span_style(span, palette)
        text.append(show_controls(visible(span)), style)
    _stylize(text, ranges, palette)
    return text


LINK_META = "pactreader-href"
"""The style meta key that holds a link's target in the rendered text."""


def _span_style(span: Span, palette: Palette) -> Style:
    style = Style()
    if STRONG in span.styles:
        style += Style(bold=True)
    if EMPHASIS in span.styles:
        style += Style(italic=True)
    if STRIKE in span.styles:
        style += Style(strike=True)
    if CODE in span.styles:
        style += palette.code_inline
    if span.href is not None:
        # The target rides along as data (never an action) for a click to follow;
        # only a web link is also a terminal hyperlink (OSC 8).
        style += palette.link + Style(meta={LINK_META: span.href})
        if is_linkable(span.href):
            style += Style(link=span.href)
    if span.footnote is not None:
        style += palette.footnote_ref
    if span.image:
        style += palette.image
    return style


def _stylize(text: Text, ranges: Iterable[tuple[int, int, str]], palette: Palette) -> None:
    for start, end, name in ranges:
        text.stylize(palette.highlights.get(name, Style(reverse=True)), start, end)


class Prefixed:
    """Renderables set off by a one-line prefix: list markers, quote bars, numbers.

    The first line starts with ``first``; the following lines with ``rest`` (blank by
    default), so wrapped text hangs under the text, not under the marker.
    """

    def __init__(
        self,
        first: Text,
        renderables: Sequence[RenderableType],
        rest: Text | None = None,
        style: Style | None = None,
    ) -> None:
        self.first = first
        self.rest = rest if rest is not None else Text(" " * first.cell_len)
        self.renderables = renderables
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.first.cell_len
        inner = options.update_width(max(1, options.max_width - indent))
        lines = console.render_lines(Group(*self.renderables), inner, style=self.style, pad=False)
        first = list(self.first.render(console))
        rest = list(self.rest.render(console))
        new_line = Segment.line()
        for number, line in enumerate(lines):
            yield from first if number == 0 else rest
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.first.cell_len + 1, options.max_width)


class FittedTable:
    """A grid whose columns each get at least their longest word, when the width allows.

    Rich shares a table's width out without regard to words (``Arithmeti``/``c`` beside
    a column with room to spare); the column widths here come from
    :func:`~pactreader.render.table_layout.column_widths`, the export's rule. When even
    the longest words do not fit, the table is shown as records, as export does.
    """

    def __init__(
        self, grid: RichTable, plain: Sequence[Sequence[str]], records: Callable[[], RenderableType]
    ) -> None:
        self.grid = grid
        self.plain = plain
        self.records = records

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = self.grid.columns
        widths = column_widths(self.plain, len(columns), options.max_width)
        if not grid_fits(widths, options.max_width):
            yield self.records()
            return
        for column, width in zip(columns, widths, strict=True):
            column.width = width
        yield self.grid

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


MAX_SECTION_CHARS = 2_000_000
"""The most source characters of one section the reading pane parses.

markdown-it-py parses about 2 MB a second; a 100 MB section (say, ten thousand list
levels) would freeze the reader for a minute. The rest is announced, and exported.
"""

MAX_GRID_COLUMNS = 40
"""Tables wider than this are shown as labelled records instead of a grid."""

MAX_RECORD_CELLS = 2_000
"""The most cells a records view shows before it announces the rows left out."""

MAX_SHOWN_CHARS = 100_000
"""The most characters one paragraph, code or HTML block shows in the reading pane.

Wrapping costs about a second per megabyte; a 50 MB single-line "paragraph" would
freeze the reader for minutes. Past this, the pane says how much is not shown; the
export still holds every character.
"""


def _clipped(text: Text, palette: Palette) -> RenderableType:
    """``text``, or its first :data:`MAX_SHOWN_CHARS` and a note of what is left out."""
    hidden = len(text) - MAX_SHOWN_CHARS
    if hidden <= 0:
        return text
    note = Text(
        f"… {hidden:,} more characters of this block are not shown here;"
        " export the section (e) to read them all.",
        palette.html + Style(italic=True, dim=True),
    )
    return Group(text[:MAX_SHOWN_CHARS], note)


def _stack(items: Sequence[tuple[RenderableType, int]]) -> Group:
    """Renderables one under another, each after ``gap`` blank lines."""
    out: list[RenderableType] = []
    for renderable, gap in items:
        if out:
            out.extend(Text() for _ in range(gap))
        out.append(renderable)
    return Group(*out)


class _Renderer:
    """Turns blocks into renderables for one section and one palette."""

    def __init__(self, document: Document, palette: Palette, highlights: Highlights) -> None:
        self._document = document
        self._palette = palette
        self._highlights = highlights

    def _text(self, spans: Inline, unit: int, base: Style | None = None) -> Text:
        return inline_text(spans, self._palette, base, self._highlights.get(unit, ()))

    def blocks(self, blocks: Sequence[Block], depth: int) -> Group:
        """Blocks separated by a blank line; a nested list follows its text directly."""
        items: list[tuple[RenderableType, int]] = []
        for block in blocks:
            renderable = self.block(block, depth)
            if renderable is not None:
                items.append((renderable, 0 if isinstance(block, ListBlock) else 1))
        return _stack(items)

    def block(self, block: Block, depth: int) -> RenderableType | None:
        """One block, or None when it has nothing to show."""
        match block:
            case Heading():
                return self._heading(block)
            case Paragraph():
                return _clipped(self._text(block.text, block.unit), self._palette)
            case ListBlock():
                return self._list(block, depth)
            case Quote():
                bar = Text("▌ ", self._palette.quote_bar)
                return Prefixed(bar, [self.blocks(block.blocks, depth)], bar, self._palette.quote)
            case Code():
                return self._code(block)
            case Table():
                return self._table(block)
            case Rule():
                return RichRule(characters="─", style=self._palette.rule)
            case Html():
                if not block.text.strip():
                    return None
                text = WrappingText(show_controls(block.text), self._palette.html, overflow="fold")
                _stylize(text, self._highlights.get(block.unit, ()), self._palette)
                return _clipped(text, self._palette)
            case Footnotes():
                return self._footnotes(block, depth)
            case Truncated():
                return Text(
                    f"… {block.hidden_chars:,} more characters of this section are not shown"
                    " here; export the section (e) to read them all.",
                    self._palette.html + Style(italic=True, dim=True),
                )
            case _:
                assert_never(block)

    def _heading(self, block: Heading) -> RenderableType:
        palette = self._palette
        style = palette.headings[min(block.level, len(palette.headings)) - 1]
        title = self._text(block.text, block.unit, style)
        shown: RenderableType = title
        if block.section is not None:
            number = self._document.sections[block.section].number
            if number != "0":
                shown = Prefixed(Text(f"{number}  ", style + palette.heading_number), [title])
        if block.level <= 2:
            line = "━" if block.level == 1 else "─"
            return Group(shown, RichRule(characters=line, style=palette.heading_rule))
        return shown

    def _list(self, block: ListBlock, depth: int) -> RenderableType:
        count = len(block.items)
        if block.ordered:
            markers = [f"{block.start + offset}." for offset in range(count)]
        else:
            markers = [_BULLETS[depth % len(_BULLETS)]] * count
        width = max((len(marker) for marker in markers), default=1)
        # Items holding two text blocks read better apart; a text and its sub-list do not.
        loose = any(
            sum(not isinstance(child, ListBlock) for child in item.blocks) > 1
            for item in block.items
        )
        items: list[tuple[RenderableType, int]] = []
        for marker, item in zip(markers, block.items, strict=True):
            prefix = Text(f"{marker.rjust(width)} ", self._palette.bullet)
            items.append((Prefixed(prefix, [self.blocks(item.blocks, depth + 1)]), int(loose)))
        return _stack(items)

    def _code(self, block: Code) -> RenderableType:
        # Pygments is slow to import: only pay for it when a code block is on screen.
        from rich.syntax import Syntax

        palette = self._palette
        code = show_controls(block.code)
        if len(code) > MAX_SHOWN_CHARS:
            return _clipped(Text(code, palette.html), palette)
        syntax = Syntax(
            code,
            block.language or "text",
            theme=palette.syntax_theme,
            word_wrap=True,
            background_color=palette.code_background,
            padding=(0, 1),
            tab_size=4,
        )
        for start, end, name in self._highlights.get(block.unit, ()):
            style = palette.highlights.get(name, Style(reverse=True))
            syntax.stylize_range(style, _position(code, start, 4), _position(code, end, 4))
        return syntax

    def _table(self, table: Table) -> RenderableType | None:
        palette = self._palette
        if not table.header:
            return None
        if len(table.header) > MAX_GRID_COLUMNS:
            return self._records(table)
        grid = RichTable(
            box=box.ROUNDED,
            border_style=palette.table_border,
            header_style=palette.table_header,
            expand=False,
            padding=(0, 1),
        )
        aligns = [*table.aligns, *[""] * (len(table.header) - len(table.aligns))]
        plain: list[list[str]] = [[]]
        for column, cell in enumerate(table.header):
            justify = aligns[column] if aligns[column] in ("center", "right") else "left"
            header = self._text(cell, table.cell_unit(0, column))
            plain[0].append(header.plain)
            grid.add_column(
                header,
                justify=justify,  # type: ignore[arg-type]
                overflow="fold",
            )
        for row_number, row in enumerate(table.rows, start=1):
            cells = [
                self._text(cell, table.cell_unit(row_number, column))
                for column, cell in enumerate(row)
            ]
            plain.append([cell.plain for cell in cells])
            grid.add_row(*cells)
        return FittedTable(grid, plain, lambda: self._records(table))

    def _records(self, table: Table) -> RenderableType:
        """A table too wide for any terminal grid: one labelled record per row.

        Rich lays out a grid in time that grows with columns times rows; a thousand
        columns took seconds and could never be read at terminal width anyway.
        """
        palette = self._palette
        items: list[tuple[RenderableType, int]] = [
            (Text(f"A table of {len(table.header):,} columns, shown row by row:", palette.muted), 0)
        ]
        columns = len(table.header)
        shown_rows = max(1, MAX_RECORD_CELLS // columns)
        for row_number, row in enumerate(table.rows[:shown_rows], start=1):
            lines: list[tuple[RenderableType, int]] = []
            for column, cell in enumerate(row):
                label = self._text(table.header[column], table.cell_unit(0, column))
                label.stylize(palette.table_header)
                label.append(": ")
                label.append_text(self._text(cell, table.cell_unit(row_number, column)))
                lines.append((label, 0))
            items.append((_stack(lines), 1))
        hidden = len(table.rows) - shown_rows
        if hidden > 0:
            note = f"… {hidden:,} more rows not shown here; export the section (e) to read them."
            items.append((Text(note, palette.html + Style(italic=True, dim=True)), 1))
        return _stack(items)

    def _footnotes(self, block: Footnotes, depth: int) -> RenderableType:
        palette = self._palette
        title = Text("Footnotes", palette.muted)
        items: list[tuple[RenderableType, int]] = [
            (RichRule(title, characters="─", style=palette.rule, align="left"), 0)
        ]
        for note in block.notes:
            marker = Text(f"[{note.number}] ", palette.footnote_ref)
            items.append((Prefixed(marker, [self.blocks(note.blocks, depth)]), 0))
        return _stack(items)


def _position(code: str, offset: int, tab_size: int) -> tuple[int, int]:
    """An offset into ``code`` as Syntax's (1-based line, column after tab expansion)."""
    before = code[: max(0, offset)]
    line = before.count("\n")
    column_text = before[before.rfind("\n") + 1 :]
    return line + 1, len(column_text.expandtabs(tab_size))


def _unit_range(block: Block) -> tuple[int, int]:
    """The text units a block holds, as ``(first, end)``; ``(-1, -1)`` when none."""
    units = list(_units(block))
    if not units:
        return -1, -1
    return min(units), max(units) + 1


def _units(block: Block) -> Iterable[int]:
    match block:
        case Heading() | Paragraph() | Code() | Html():
            yield block.unit
        case Table():
            yield block.unit
            yield block.cell_unit(len(block.rows), len(block.header) - 1)
        case ListBlock() | Quote() | Footnotes():
            for child in children(block):
                yield from _units(child)
        case Rule() | Truncated():
            pass  # No text units.
        case _:
            assert_never(block)
