"""The help screen, generated from the bindings themselves so it cannot drift from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True, slots=True)
class BindingGroup:
    """Bindings that work in one place: anywhere, in the outline, in the reading pane."""

    title: str
    bindings: Sequence[BindingType]


@dataclass(frozen=True, slots=True)
class BindingRow:
    """One binding as people read it."""

    keys: str
    """Every key of the binding, shown as the footer shows them: ``↓, j``."""
    description: str
    action: str


def binding_rows(
    bindings: Sequence[BindingType], key_display: Callable[[Binding], str]
) -> list[BindingRow]:
    """A row for every binding that has a description."""
    rows: list[BindingRow] = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = [key.strip() for key in binding.key.split(",") if key.strip()]
        shown = ", ".join(key_display(replace(binding, key=key, key_display=None)) for key in keys)
        rows.append(BindingRow(shown, binding.description, binding.action))
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key binding with what it does, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close the help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }
    HelpScreen > VerticalScroll {
        width: 72;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        border-title-align: center;
        border-subtitle-align: center;
        background: $surface;
        padding: 0 2;
    }
    HelpScreen Static {
        width: 100%;
        height: auto;
    }
    """

    def __init__(self, groups: Sequence[BindingGroup]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        """One table: a heading row per group, then its keys."""
        table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("action")
        for position, group in enumerate(self._groups):
            rows = binding_rows(group.bindings, self.app.get_key_display)
            if not rows:
                continue
            if position:
                table.add_row("", "")
            table.add_row(Text(group.title, style="bold underline"), "")
            for row in rows:
                table.add_row(Text(row.keys), Text(row.description))
        scroll = VerticalScroll(Static(table))
        scroll.border_title = "Keys"
        scroll.border_subtitle = "Esc closes"
        yield scroll
