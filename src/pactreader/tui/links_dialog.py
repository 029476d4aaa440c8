"""The link picker behind ``L``: the current section's links, to open one.

Opening is the app's decision (scheme check, confirmation); this screen only lists
links as plain text, never markup, with control characters made visible.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pactreader.common.safety import safe_title
from pactreader.parse.anchors import link_kind
from pactreader.parse.links import Link


class LinksDialog(ModalScreen[Link | None]):
    """Pick one of ``links``; refused schemes are shown dimmed with a note."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Close", id="links.cancel")]

    def __init__(self, heading: str, links: list[Link]) -> None:
        super().__init__()
        self._heading = heading
        self._links = links

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Links in {self._heading}"), classes="title")
            options = []
            for index, link in enumerate(self._links):
                line = Text(safe_title(link.text), style="bold")
                line.append("  ")
                refused = link_kind(link.href) == "refused"
                line.append(safe_title(link.href), style="red" if refused else "dim")
                if refused:
                    line.append("  (will not open)", style="italic")
                options.append(Option(line, id=str(index)))
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._links[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
