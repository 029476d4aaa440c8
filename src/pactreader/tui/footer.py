"""The footer: as many whole key bindings as the terminal's width holds.

Textual's footer lays its keys out in a row and lets the last ones run under the
command palette's key on a narrow terminal (``e E▏^p Commands``). This one leaves
out the keys that would not fit whole, from the right, so what shows is always
readable; every binding is still in the help (``?``) and the command palette.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

_KEY_EXTRA = 3
"""Cells a key takes besides its key and description: padding around the key, after the text."""

_PALETTE_EXTRA = 2
"""Cells the command palette's key takes besides: the divider before it, the padding after."""


def _width(key: Widget) -> int:
    """The cells a footer key (Textual's ``FooterKey``) takes."""
    shown = cell_len(str(getattr(key, "key_display", ""))) + cell_len(
        str(getattr(key, "description", ""))
    )
    extra = _KEY_EXTRA + (_PALETTE_EXTRA if key.has_class("-command-palette") else 0)
    return shown + extra


class FittedFooter(Footer):
    """A footer that shows only the bindings that fit whole."""

    def compose(self) -> Iterator[Widget]:
        """Textual's keys, less those past the width (the command palette's key stays)."""
        keys = list(super().compose())
        room = self.app.size.width - sum(
            _width(key) for key in keys if key.has_class("-command-palette")
        )
        for key in keys:
            if not key.has_class("-command-palette"):
                room -= _width(key)
                if room < 0:
                    room = -1  # once a key is left out, so are those after it
                    continue
            yield key

    def on_resize(self, event: Resize) -> None:
        """A new width may hold more keys or fewer."""
        self.call_later(self.recompose)
