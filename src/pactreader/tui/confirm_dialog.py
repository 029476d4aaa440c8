"""A yes/no question, used before anything is overwritten."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``; dismiss with True only on an explicit yes."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str | Text, yes: str = "Overwrite") -> None:
        """Ask ``question`` (plain text, never markup); ``yes`` labels the yes button.

        The whole question shows, wrapped to the dialog's width, however long the
        path or URL in it.
        """
        super().__init__()
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical():
            question = self._question
            yield Label(question if isinstance(question, Text) else Text(question), id="question")
            with Horizontal():
                yield Button("No", id="no")
                yield Button(self._yes, variant="warning", id="yes")

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter alone never overwrites.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer with a key."""
        self.dismiss(answer)
