"""The outline pane: the section tree with numbers, titles and word counts.

A Textual :class:`~textual.widgets.Tree` (a Line API widget, so thousands of sections
cost nothing until they are on screen). Node labels are drawn from the section at
render time, so they follow the theme and shorten to the pane's width with an
ellipsis. The cursor marks the current section: the app moves it as the reader
scrolls; choosing a node (Enter, Right, ``l`` or a click) asks the app to open it.

While a search is active, sections holding matches show their match count, in the
match colour, where the word count was. The outline filter (``f``) uses a second
pane that shows only some sections (:meth:`OutlinePane.show_only`), with the
letters that matched marked and the ancestors that are there for context dimmed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from time import perf_counter
from typing import ClassVar, Self

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text, TextType
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from pactreader.common.safety import safe_title
from pactreader.parse.document import Document
from pactreader.render.outline import OutlineLayout
from pactreader.render.wrap import line_breaks
from pactreader.tui.messages import OpenSection

EXPAND_ALL_LIMIT = 1000
"""Up to this many sections the outline opens fully expanded; beyond, top level only."""

FIRST_BATCH = 500
"""Sections put in the tree before the first frame: more than a screen of outline."""

BATCH = 250
"""Sections added at a time; a step adds batches until :data:`STEP_SECONDS` have passed."""

PAUSED_RETRY = 0.1
"""Seconds between looks at whether a dialog over the outline has closed."""

STEP_SECONDS = 0.1
"""How long one step of filling in may hold the event loop (keys wait at most this long).

Every step ends with a frame that lays out the tree's lines again, all of them: fewer,
longer steps fill a 20,000-section outline sooner than many short ones."""

_ICON_WIDTH = 2

_NO_LABEL = Text()
"""Every node's label: :meth:`OutlinePane.render_label` draws it from the section."""

_REFRESH_NODES_LIMIT = 200
"""Above this many changed labels, the whole tree is drawn again instead of node by node."""


class OutlinePane(Tree[int], inherit_bindings=False):
    """The document's sections as a collapsible tree."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next entry", show=False, id="outline.down"),
        Binding("up,k", "cursor_up", "Previous entry", show=False, id="outline.up"),
        Binding(
            "enter,right,l", "open", "Open the section / expand it", show=False, id="outline.open"
        ),
        Binding(
            "left,h", "close", "Collapse / go to the parent section", show=False, id="outline.close"
        ),
        Binding(
            "pagedown", "page_down", "Page down the outline", show=False, id="outline.page_down"
        ),
        Binding("pageup", "page_up", "Page up the outline", show=False, id="outline.page_up"),
        Binding("home,g", "scroll_home", "First section", show=False, id="outline.first"),
        Binding("end,G", "scroll_end", "Last section", show=False, id="outline.last"),
        Binding(
            "asterisk",
            "toggle_expand_all",
            "Expand / collapse this level",
            show=False,
            id="outline.toggle_all",
        ),
    ]

    _label_layout: OutlineLayout | None = None
    """The label layout at the width last drawn (see :meth:`_layout`)."""
    _widest_prefix = 0
    _words_width = 1

    _adding = False
    """True while a batch of nodes goes in (see :meth:`refresh`); set before ``__init__``
    runs, because the tree refreshes while it is being built."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "outline--number",
        "outline--words",
        "outline--matches",
        "outline--fuzzy",
        "outline--context",
    }

    DEFAULT_CSS = """
    OutlinePane {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .outline--number { color: $text-muted; }
        & > .outline--words { color: $text-disabled; }
        & > .outline--matches { background: $warning-muted; color: $text; text-style: bold; }
        & > .outline--fuzzy { color: $text-accent; text-style: bold underline; }
        & > .outline--context { color: $text-disabled; }
    }
    """

    def __init__(
        self,
        document: Document,
        *,
        id: str | None = None,
        empty: bool = False,
        whole: bool = True,
    ) -> None:
        """An outline of ``document``.

        Args:
            document: The document.
            id: The widget's id.
            empty: Start with no sections (for a pane that :meth:`show_only` fills).
            whole: False when ``document`` is a big document's opening: its outline
                starts with the top level expanded only, as the whole one will.
        """
        self._breaks: dict[int, tuple[int, ...]] = {}
        """Where each section's title wraps in the current layout (see :meth:`_rows`)."""
        super().__init__("outline", data=-1, id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self._empty = empty
        self._stopped = False
        """Filling in was stopped for good (see :meth:`stop_filling`)."""
        self._section_nodes: dict[int, TreeNode[int]] = {}
        self._match_counts: Mapping[int, int] = {}
        self._marks: Mapping[int, Sequence[int]] | None = None
        self._kept_expanded: dict[int, bool] = {}
        """Sections whose node the user left expanded or collapsed, before the tree was
        built again for the whole document."""
        self._take(document, whole=whole)

    def _take(self, document: Document, *, whole: bool = True) -> None:
        """Start showing ``document``: the first batch of its sections goes in at once."""
        self.document = document
        self._whole = whole
        self._titles = [safe_title(section.title) for section in document.sections]
        self._words_width = max((len(f"{s.words:,}") for s in document.sections), default=1)
        if not whole:
            self._words_width += 1  # room for the "+" of counts that are still growing
        self._widest_prefix = max(
            (s.depth * self.guide_depth + cell_len(s.number) + 1 for s in document.sections),
            default=0,
        )
        """The cells before the title on the most indented entry (icon aside)."""
        self._label_layout = None
        self._breaks.clear()
        self._expand_all = whole and len(document.sections) <= EXPAND_ALL_LIMIT
        self._filled = len(document.sections) if self._empty else 0
        """Sections ``0.._filled-1`` are in the tree; the rest are added by :meth:`fill_in`."""
        self._fill_to(FIRST_BATCH)

    def set_document(self, document: Document) -> None:
        """Show the outline of ``document`` instead (a big document's whole, after its opening).

        The tree is built again, filling in after the current frame as at the start.
        The sections already shown keep their place: expanded or collapsed as the
        user left them, the cursor on the same one. A filtered pane stays empty until
        it is given sections to show.
        """
        self._kept_expanded = {
            index: node.is_expanded
            for index, node in self._section_nodes.items()
            if node.allow_expand
        }
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        self._section_nodes = {}
        self._match_counts = {}
        self._take(document)
        if self._empty:
            return
        if cursor is not None and 0 <= cursor < len(document.sections):
            self.show_section(cursor)
        self.call_after_refresh(self.fill_in)

    @property
    def sections_shown(self) -> int:
        """How many sections are in the tree: all of them once the outline has filled in.

        A big document's outline is built in steps after the first frame (tens of
        thousands of nodes take a good part of a second), so the text shows first and
        the outline fills in below what is already on screen.
        """
        return len(self._section_nodes)

    def fill_in(self) -> None:
        """Add the rest of the sections, a batch per step, letting frames through between.

        Called by the app once its first frame is on screen (its ``Ready`` event).
        """
        total = len(self.document.sections)
        if self._stopped:
            return
        if self.app.screen is not self.screen:
            # A dialog or the command palette is up: each step would lay out the whole
            # tree again under it (seconds with 10^6 headings), and keys would wait.
            self.set_timer(PAUSED_RETRY, self.fill_in)
            return
        began = perf_counter()
        while self._filled < total and perf_counter() - began < STEP_SECONDS:
            self._fill_to(self._filled + BATCH)
        if self._filled < total:
            self.set_timer(0.001, self.fill_in)

    def stop_filling(self) -> None:
        """Add no more sections (the app is quitting: a step would only delay it)."""
        self._stopped = True

    def _fill_to(self, end: int) -> None:
        """Put the sections before ``end`` in the tree, if filling in has not got there."""
        end = min(end, len(self.document.sections))
        if end > self._filled:
            self._add_sections(range(self._filled, end), expand_all=self._expand_all)
            self._filled = end

    @property
    def titles(self) -> Sequence[str]:
        """Every section's title as shown (control characters made visible)."""
        return self._titles

    def _add_sections(
        self, sections: Iterable[int], *, expand_all: bool, shown: set[int] | None = None
    ) -> None:
        """Add a node for each section, in document order (a section's parent comes first).

        Args:
            sections: The sections to add.
            expand_all: Expand every node (otherwise only the top level).
            shown: When only some sections are added, which: a section none of whose
                children is among them becomes a leaf.
        """
        self._adding = True
        try:
            self._add_nodes(sections, expand_all=expand_all, shown=shown)
        finally:
            self._adding = False
        self.refresh(layout=True)

    def _add_nodes(
        self, sections: Iterable[int], *, expand_all: bool, shown: set[int] | None
    ) -> None:
        for index in sections:
            section = self.document.sections[index]
            parent_node = (
                None if section.parent is None else self._section_nodes.get(section.parent)
            )
            parent = self.root if parent_node is None else parent_node
            label = _NO_LABEL
            children = section.children
            if shown is not None:
                children = tuple(child for child in children if child in shown)
            if children:
                expand = expand_all or section.parent is None
                if shown is None:  # the whole outline, not the filter's
                    expand = self._kept_expanded.get(index, expand)
                node = parent.add(label, index, expand=expand)
            else:
                node = parent.add_leaf(label, index)
            self._section_nodes[index] = node

    def show_only(
        self, sections: Sequence[int], marks: Mapping[int, Sequence[int]], cursor: int | None
    ) -> None:
        """Show just ``sections`` (document order, ancestors included), fully expanded.

        Args:
            sections: The sections to show.
            marks: For the sections that matched the filter, the offsets of the
                matched characters in their titles; the others are there for context.
            cursor: The section to put the cursor on.
        """
        self.clear()
        self._section_nodes = {}
        self._marks = marks
        self._add_sections(sections, expand_all=True, shown=set(sections))
        self.get_node_at_line(0)  # lays out the lines, so node lines are current
        node = self._section_nodes.get(cursor) if cursor is not None else None
        self.move_cursor(node)
        if node is None:
            self.scroll_home(animate=False)

    def set_match_counts(self, counts: Mapping[int, int], sections: Collection[int] | None) -> None:
        """Show the search's match counts (empty: the search is over).

        Args:
            counts: Matches per section (the sections without any are left out).
            sections: The sections whose count changed (None: any of them).
        """
        changed = set(self._match_counts) | set(counts) if sections is None else set(sections)
        self._match_counts = counts
        if len(changed) > _REFRESH_NODES_LIMIT:
            self._invalidate()
            return
        for index in changed:
            node = self._section_nodes.get(index)
            if node is not None:
                node.refresh()

    def show_section(self, index: int) -> None:
        """Put the cursor on section ``index``, or on the collapsed node that hides it."""
        self._fill_to(index + 1)
        node = self._section_nodes.get(index)
        if node is None:
            return
        chain: list[TreeNode[int]] = []
        walker: TreeNode[int] | None = node
        while walker is not None and walker is not self.root:
            chain.append(walker)
            walker = walker.parent
        shown = node
        for ancestor in reversed(chain[1:]):
            if not ancestor.is_expanded:
                shown = ancestor
                break
        self.get_node_at_line(0)  # lays out the lines, so ``shown.line`` is current
        if self.cursor_node is not shown:
            self.move_cursor(shown)

    def node_of(self, index: int) -> TreeNode[int]:
        """The tree node of section ``index`` (put in the tree now if it was not yet)."""
        self._fill_to(index + 1)
        return self._section_nodes[index]

    def action_open(self) -> None:
        """Expand the node under the cursor and show its section."""
        node = self.cursor_node
        if node is None or node.data is None or node.data < 0:
            return
        if node.allow_expand and not node.is_expanded:
            node.expand()
        self.post_message(OpenSection(node.data))

    def action_close(self) -> None:
        """Collapse the node under the cursor, or move to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        """A click on a node opens its section."""
        event.stop()
        if event.node.data is not None and event.node.data >= 0:
            self.post_message(OpenSection(event.node.data))

    # ----------------------------------------------------------------- wrapped titles
    #
    # Textual's Tree draws one line per node. A title that does not fit wraps instead
    # of being cut: after the tree lays out its lines, :meth:`_build` repeats each
    # node's line once per row of its label (``node.line`` is its first row), and
    # :meth:`render_line` draws the rows after the first itself, indented under the
    # title. The cursor moves node by node and snaps to a node's first row.

    def _layout(self, *, building: bool = False) -> OutlineLayout:
        """The label layout at the pane's width, cached until the width changes.

        A change of width (a scrollbar that comes or goes changes it too) lays the
        lines out again, unless they are being laid out (``building``).
        """
        width = self.scrollable_content_region.width
        if self._label_layout is None or self._label_layout.width != width:
            if self._label_layout is not None and not building:
                self._invalidate()
            self._label_layout = OutlineLayout.fit(
                width,
                self._widest_prefix,
                self._words_width,
                guide=self.guide_depth,
                icon=_ICON_WIDTH,
            )
            self._breaks.clear()
        return self._label_layout

    def _rows(self, index: int) -> tuple[int, ...]:
        """Where the rows of section ``index``'s title start (after the first)."""
        breaks = self._breaks.get(index)
        if breaks is None:
            section = self.document.sections[index]
            room = self._layout().title_room(section.depth, section.number)
            title = self._titles[index]
            fits = len(title) <= room and cell_len(title) <= room
            breaks = () if fits else tuple(line_breaks(title, room))
            self._breaks[index] = breaks
        return breaks

    def _height(self, node: TreeNode[int]) -> int:
        index = node.data
        return 1 if index is None or index < 0 else len(self._rows(index)) + 1

    def _build(self) -> None:
        """Lay out the lines, a node's line repeated once per row of its label."""
        super()._build()
        lines = self._tree_lines_cached
        if not lines:
            return
        self._layout(building=True)
        rows = lines[:0]
        for line in lines:
            node = line.node
            node._line = len(rows)
            rows.extend([line] * self._height(node))
        if len(rows) == len(lines):
            return
        self._tree_lines_cached = rows
        self.virtual_size = Size(self.virtual_size.width, len(rows))
        if self.cursor_line != -1 and self.cursor_node is not None:
            self.cursor_line = self.cursor_node._line

    def validate_cursor_line(self, value: int) -> int:
        """Any row of a node puts the cursor on the node (its first row)."""
        value = super().validate_cursor_line(value)
        lines = self._tree_lines_cached
        if lines is not None and 0 <= value < len(lines):
            return lines[value].node._line
        return value

    def action_cursor_down(self) -> None:
        """Move the cursor to the next entry, past every row of this one."""
        node = self.cursor_node
        if self.cursor_line == -1 or node is None:
            self.cursor_line = 0
        elif node._line + self._height(node) <= self.last_line:
            self.cursor_line = node._line + self._height(node)
        self.scroll_to_line(self.cursor_line, animate=False)

    def scroll_to_line(self, line: int, animate: bool = True) -> None:
        """Scroll so every row of the entry on ``line`` shows."""
        node = self.get_node_at_line(line)
        if node is None:
            return
        self.scroll_to_region(
            Region(0, node._line, 1, self._height(node)),
            animate=animate,
            force=True,
            center=self.center_scroll,
            origin_visible=False,
            x_axis=False,
        )

    def render_line(self, y: int) -> Strip:
        """The first row of an entry as the tree draws it; the rows after it, here."""
        scroll_x, scroll_y = self.scroll_offset
        number = y + scroll_y
        lines = self._tree_lines
        if number < len(lines):
            node = lines[number].node
            if number > node._line and node.data is not None and node.data >= 0:
                width = self.size.width
                strip = self._continuation(lines[number].path, node.data, number - node._line)
                return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return super().render_line(y)

    def _continuation(self, path: Sequence[TreeNode[int]], index: int, row: int) -> Strip:
        """Row ``row`` (1 or more) of section ``index``'s entry: guides, then its title."""
        base = self.rich_style
        guide_style = base + self.get_component_rich_style("tree--guides", partial=True)
        space, vertical = (
            f"{chars[0]}{chars[1] * max(0, self.guide_depth - 2)} "
            for chars in self.LINES["default"][:2]
        )
        line = Text(style=base + Style(meta={"line": path[-1]._line + row}))
        for ancestor in path[1:]:
            line.append(space if ancestor.is_last else vertical, guide_style)
        line.append(" " * _ICON_WIDTH)
        line.append_text(self._label_row(index, row, self._cursor_style(path[-1])))
        return Strip(line.render(self.app.console))

    def _cursor_style(self, node: TreeNode[int]) -> Style:
        style = self.get_component_rich_style("tree--label", partial=True)
        if node is self.cursor_node:
            style += self.get_component_rich_style("tree--cursor", partial=False)
        return style

    def _label_row(self, index: int, row: int, style: Style) -> Text:
        """One row of an entry's label after the icon: number and counts on the first."""
        layout = self._layout()
        section = self.document.sections[index]
        number = f"{section.number} "
        room = layout.title_room(section.depth, section.number)
        breaks = self._rows(index)
        title = Text(self._titles[index])
        if self._marks is not None:
            offsets = self._marks.get(index)
            if offsets is None:
                title.stylize(self.get_component_rich_style("outline--context"))
            else:
                fuzzy = self.get_component_rich_style("outline--fuzzy")
                for offset in offsets:
                    title.stylize(fuzzy, offset, offset + 1)
        parts = title.divide(breaks)
        shown = parts[row] if row < len(parts) else Text()  # a frame before a new layout
        shown.rstrip()
        shown.truncate(max(1, room), overflow="fold", pad=True)
        label = Text(no_wrap=True, end="")
        matches = self._match_counts.get(index, 0)
        number_style = self.get_component_rich_style("outline--number")
        if matches and not layout.counts:
            number_style = self.get_component_rich_style("outline--matches")
        label.append(number if row == 0 else " " * cell_len(number), number_style)
        label.append_text(shown)
        count = layout.figure(matches or section.words) if row == 0 else ""
        growing = not self._whole and section.subtree_end_line >= self.document.line_count
        if count and growing and not matches:
            count += "+"  # a big document's opening: this section may go on past the cut
        column = f"  {count:>{layout.counts - 2}}" if layout.counts else ""
        if matches and count:
            label.append("  ")
            badge = len(label)
            label.append(column[2:])
            label.stylize(style)
            # Over the cursor's style too: the count must stand out on every line.
            label.stylize(self.get_component_rich_style("outline--matches"), badge)
        else:
            label.append(column, self.get_component_rich_style("outline--words"))
            label.stylize(style)
        return label

    def render_label(self, node: TreeNode[int], base_style: Style, style: Style) -> Text:
        """The first row of an entry: icon, number, the title's first row, word count."""
        index = node.data
        if index is None or index < 0:
            return Text()
        label = self._label_row(index, 0, style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + Style(bold=True)), label)
        return Text.assemble(" " * _ICON_WIDTH, label)

    def process_label(self, label: TextType) -> Text:
        """Labels are kept as given: the nodes' labels are drawn from their sections.

        (Tree's own processing parses a string as markup and copies every label, a
        good part of the time it takes to add twenty thousand nodes.)
        """
        return label if isinstance(label, Text) else Text(label)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Refresh once for a batch of new nodes, not once per node.

        The tree asks for a refresh after adding each node, and each costs more than
        adding the node did; :meth:`_add_sections` refreshes when its batch is in.
        """
        if self._adding:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def get_label_width(self, node: TreeNode[int]) -> int:
        """Labels never need more than the pane's width: they shorten themselves."""
        return 0
