"""The dialog behind ``e``: where to write the section, in which format, how wide.

It only asks; the app decides what to do with the answer (confirm an overwrite,
write atomically, report). Its choices are passed in, so the app can remember the last
format and width for the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from pactreader.render.export import EXPORT_FORMATS, ExportFormat

SUFFIXES: dict[ExportFormat, str] = {"text": ".txt", "markdown": ".md", "json": ".json"}
_LABELS: dict[ExportFormat, str] = {
    "text": "Plain text",
    "markdown": "Markdown source",
    "json": "JSON",
}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for."""

    path: Path
    format: ExportFormat
    width: int


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Ask for the path (prefilled), the format and the wrap width."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(
        self,
        heading: str,
        stem: str,
        format: ExportFormat,
        width: int,
        *,
        path: Path | None = None,
    ) -> None:
        """Prefill the dialog.

        Args:
            heading: The section being exported, shown as plain text.
            stem: The file name without suffix (the section's slug).
            format: The format chosen last time.
            width: The wrap width chosen last time.
            path: The path typed last time, when the dialog comes back after a failed
                write (instead of ``stem`` in the current folder).
        """
        super().__init__()
        self._path = path
        self._heading = heading
        self._stem = stem
        self._format: ExportFormat = format
        self._width = width

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Export {self._heading}"), classes="title")
            yield Label("Save to")
            path = self._path or Path.cwd() / f"{self._stem}{SUFFIXES[self._format]}"
            yield Input(str(path), id="path", compact=True)
            yield Label("Format")
            with RadioSet(id="format"):
                for name in EXPORT_FORMATS:
                    yield RadioButton(_LABELS[name], value=name == self._format, name=name)
            yield Label("Wrap width (0 = no wrapping)")
            yield Input(str(self._width), type="integer", id="width", compact=True)
            yield Label("", id="error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Export", variant="primary", id="export")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Switch the suffix along with the format, if the user kept our suffix."""
        chosen = event.pressed.name
        if chosen not in SUFFIXES:
            return
        new_format: ExportFormat = chosen
        path_input = self.query_one("#path", Input)
        old_suffix = SUFFIXES[self._format]
        if path_input.value.endswith(old_suffix):
            path_input.value = path_input.value[: -len(old_suffix)] + SUFFIXES[new_format]
        self._format = new_format

    @on(Button.Pressed, "#export")
    @on(Input.Submitted)
    def _submit(self) -> None:
        path_text = self.query_one("#path", Input).value.strip()
        width_text = self.query_one("#width", Input).value.strip() or "0"
        error = self.query_one("#error", Label)
        if not path_text:
            error.update("Give a file name.")
            return
        try:
            width = int(width_text)
        except ValueError:
            width = -1
        if width < 0:
            error.update("The width is a whole number, 0 or more.")
            return
        self.dismiss(ExportRequest(Path(path_text).expanduser(), self._format, width))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
