"""Child processes the harness times: each reports when it reached its milestones.

Run as ``python benchmarks/probe.py KIND [FILE]``. Each kind records
``time.monotonic()`` (one clock for every process on the machine) at its milestones
and writes them as JSON to the file named by ``$PROBE_REPORT``; the harness subtracts
the moment it spawned the process. Kinds:

* ``floor``: the start floor, a minimal Textual app that shows one line.
  Milestone ``first_frame``: Textual's ``Ready`` event, sent once the first frame
  has been written to the terminal.
* ``parse FILE``: a full markdown-it-py parse (pactreader's rules: CommonMark,
  tables, strikethrough, footnotes). Milestones ``parse_start``, ``parse_end``.
* ``viewer FILE``: Textual's ``MarkdownViewer`` with its table of contents.
  Milestones ``first_frame`` and ``loaded`` (every block mounted, the table of
  contents built and drawn).
* ``reader FILE``: pactreader's own app, when ``pactreader.tui`` exists. Milestone
  ``first_frame``. (benchmarks/bench_reader.py, when present, measures more.)
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

_MARKS: dict[str, float] = {}


def mark(name: str) -> None:
    """Record that a milestone was reached now, and report it at once.

    Reporting each milestone as it comes means a process the harness kills at its time
    limit still leaves the milestones it reached.
    """
    _MARKS[name] = time.monotonic()
    report()


def report() -> None:
    """Hand the milestones to the harness."""
    target = os.environ.get("PROBE_REPORT")
    if target:
        Path(target).write_text(json.dumps(_MARKS), encoding="utf-8")


def floor() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("pactreader")

        def on_ready(self) -> None:
            mark("first_frame")
            self.exit()

    Floor().run()


def parse(path: str) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    text = Path(path).read_text(encoding="utf-8")
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    mark("parse_start")
    tokens = parser.parse(text)
    mark("parse_end")
    print(len(tokens))


def viewer(path: str) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Markdown, MarkdownViewer

    text = Path(path).read_text(encoding="utf-8")

    class Viewer(MarkdownViewer):
        def _on_markdown_table_of_contents_updated(
            self, message: Markdown.TableOfContentsUpdated
        ) -> None:
            super()._on_markdown_table_of_contents_updated(message)
            self.app.call_after_refresh(self.app.exit)
            self.app.call_after_refresh(mark, "loaded")

    class ViewerApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Viewer(text, show_table_of_contents=True)

        def on_ready(self) -> None:
            mark("first_frame")

    ViewerApp().run()


def reader(path: str) -> None:
    from pactreader.pipeline import load_document
    from pactreader.tui.app import ReaderApp

    class Probe(ReaderApp):
        def on_ready(self) -> None:
            mark("first_frame")
            self.exit()

    Probe(load_document(path)).run()


KINDS: dict[str, Any] = {"floor": floor, "parse": parse, "viewer": viewer, "reader": reader}

if __name__ == "__main__":
    kind, *arguments = sys.argv[1:]
    try:
        KINDS[kind](*arguments)
    finally:
        report()
