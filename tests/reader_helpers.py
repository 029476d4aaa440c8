"""Helpers for driving the reader: open documents, read panes, run it in a real pty."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets.tree import TreeNode

from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp
from pactreader.tui.outline_pane import OutlinePane

AppT = TypeVar("AppT", bound=App[Any])
_NOTICES: WeakKeyDictionary[App[Any], list[str]] = WeakKeyDictionary()


def recording(app: AppT) -> AppT:
    """``app``, with every notification it shows recorded for :func:`notices`.

    Widgets notify through ``app.notify``, the public entry point, so wrapping it sees
    every notice without reading Textual's private notification store.
    """
    seen = _NOTICES.setdefault(app, [])
    notify = app.notify

    def record(message: str, *args: Any, **kwargs: Any) -> None:
        seen.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return app


def notices(app: App[Any]) -> list[str]:
    """Every notification ``app`` has shown, oldest first (see :func:`recording`)."""
    return _NOTICES[app]


def reader(path: Path | str) -> ReaderApp:
    """The app on the document at ``path``, its notifications recorded."""
    return recording(ReaderApp(load_document(str(path))))


@asynccontextmanager
async def opened(
    path: Path | str, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    """The reader running headless on ``path``, settled after its first screen."""
    app = reader(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], *, timeout: float = 15.0
) -> None:
    """Let the app run until ``condition()`` is true; fail after ``timeout`` seconds.

    The one way tests wait: on the exact condition they need, never for a fixed time.
    The timeout only turns a hang into a failure, so it is generous for a loaded machine.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout} s: {condition}")
        await pilot.pause(0.01)


def strips(widget: Widget) -> list[Strip]:
    """What the widget shows right now, line by line (with its padding and borders)."""
    size = widget.outer_size
    return widget.render_lines(Region(0, 0, size.width, size.height))


def text_of(widget: Widget) -> str:
    """The plain text the widget shows right now."""
    return "\n".join(strip.text for strip in strips(widget))


def outline_sections(node: TreeNode[int]) -> list[int]:
    """The sections in the outline under ``node``, in tree order (collapsed ones too)."""
    found: list[int] = []
    for child in node.children:
        assert child.data is not None
        found += [child.data, *outline_sections(child)]
    return found


def _make_controlling_terminal(slave: int) -> None:
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)


def run_in_pty(
    args: list[str],
    *,
    stdin: bytes | None = None,
    wait_for: bytes,
    keys: bytes = b"q",
    size: tuple[int, int] = (100, 30),
    timeout: float = 30.0,
) -> tuple[int | None, bytes]:
    """Run ``pactreader ARGS`` on a pseudo-terminal as a user would, and type ``keys``.

    The pty is the process's controlling terminal (what ``/dev/tty`` opens) and its
    stdout/stderr. Standard input is the pty too, or a pipe fed with ``stdin``. Waits
    until ``wait_for`` was written to the terminal, types ``keys``, and returns the exit
    code (None if the app did not exit) and every byte written to the terminal.
    """
    master, slave = os.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pactreader", *args],
        stdin=subprocess.PIPE if stdin is not None else slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=lambda: _make_controlling_terminal(slave),
    )
    os.close(slave)
    if stdin is not None and process.stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    output = bytearray()
    deadline = time.monotonic() + timeout
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output.extend(chunk)
        if not sent and wait_for in output:
            os.write(master, keys)
            sent = True
        if sent and process.poll() is not None:
            break
    try:
        code: int | None = process.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        code = None
    if code is None:
        process.kill()
        process.wait()
    os.close(master)
    return code, bytes(output)


def entries(widget: Widget, *, first_rows: bool = False) -> list[str]:
    """The lines of a pane that hold text (not blank, not just a border).

    In an outline, an entry whose title wraps is one entry: its rows are joined (or,
    with ``first_rows``, only its first row, the one with the word count, is kept).
    """
    lines = text_of(widget).splitlines()
    if not isinstance(widget, OutlinePane):
        return [line.strip(" ▕") for line in lines if line.strip(" ▕")]
    top = round(widget.scroll_y)
    joined: list[str] = []
    for y, line in enumerate(lines):
        node = widget.get_node_at_line(top + y)
        if node is not None and node.line != top + y and joined:
            if not first_rows:
                joined[-1] += " " + line.strip(" ▕│")
        elif line.strip(" ▕"):
            joined.append(line.strip(" ▕"))
    return joined


async def run_command(pilot: Pilot[None], query: str, expected: str) -> None:
    """Open the command palette, type ``query``, wait for ``expected`` on top, run it."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*query)
    commands = palette.query_one(CommandList)
    await wait_until(  # the palette searches in the background
        pilot,
        lambda: commands.option_count and expected in str(commands.get_option_at_index(0).prompt),
    )
    await pilot.press("enter")
    await pilot.pause()
