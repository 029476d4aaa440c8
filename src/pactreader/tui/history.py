"""Back and forward through the places a reader jumped from, as a browser keeps them."""

from __future__ import annotations

from dataclasses import dataclass, field

HISTORY_LIMIT = 200
"""Places kept each way; the oldest are forgotten first."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: a document, a section and the line of it at the top."""

    source: str
    """The document, as the reader opened it (a path, ``-``)."""
    section: int
    offset: int = 0


@dataclass(slots=True)
class History:
    """The places behind (``back``) and ahead (``forward``) of the reader.

    Every jump records the place it left; going back records where it was going back
    from as the way forward, and a new jump forgets the way forward, as in a browser.
    """

    back: list[Place] = field(default_factory=list)
    forward: list[Place] = field(default_factory=list)

    def record(self, left: Place) -> None:
        """A jump left ``left``: it is the way back now."""
        if not self.back or self.back[-1] != left:
            self.back.append(left)
            del self.back[:-HISTORY_LIMIT]
        self.forward.clear()

    def go_back(self, here: Place) -> Place | None:
        """The place to go back to from ``here`` (None: nowhere), ``here`` kept ahead."""
        if not self.back:
            return None
        self.forward.append(here)
        return self.back.pop()

    def go_forward(self, here: Place) -> Place | None:
        """The place to go forward to from ``here`` (None: nowhere), ``here`` kept behind."""
        if not self.forward:
            return None
        self.back.append(here)
        return self.forward.pop()
