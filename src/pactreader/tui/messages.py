"""Messages the panes send to the app, which owns the state and wires the panes."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ReadingPosition(Message):
    """The reading pane scrolled: which section is at the top, and how far along we are."""

    section: int
    """Index of the current section, or -1 for an empty document."""
    percent: int
    """How much of the document lies above the bottom of the pane, 0-100."""

    def can_replace(self, message: Message) -> bool:
        """Only the latest position matters: scrolling sends many."""
        return isinstance(message, ReadingPosition)


@dataclass
class OpenSection(Message):
    """The user chose a section in the outline: show it in the reading pane."""

    section: int
