"""``pactreader [FILE | -]``: open the reader, or behave as a Unix filter when piped.

As ``less`` and ``glow`` do what a user means: with standard output not a terminal
(``pactreader FILE | head``), the document's plain text is printed instead of opening
the full-screen app; with standard input not a terminal and no FILE
(``cat FILE | pactreader``), the document is read from it.

Textual is imported here and only here in the CLI, so the other commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial
from typing import TextIO

from pactreader.common.errors import PactreaderError
from pactreader.common.runtime import build_untracked, load_in_background
from pactreader.pipeline import start_loading
from pactreader.sample import sample_path

TERMINAL = "/dev/tty"


def run(args: argparse.Namespace) -> int:
    """Load the document (a big one's opening first), then hand it to the Textual app."""
    files: list[str] = args.file or [_default_source()]
    if not _is_terminal(sys.stdout):
        return _print_text(files, args)
    name = files[0]
    loading = build_untracked(
        partial(start_loading, name, format=args.input_format, max_bytes=args.max_size)
    )
    reattach_terminal()
    from pactreader.tui.app import ReaderApp

    rest = loading.rest
    ReaderApp(
        loading.document,
        rest=None if rest is None else partial(load_in_background, rest),
        files=files,
    ).run()
    return 0


def _default_source() -> str:
    """Standard input when something is piped in, else the bundled sample."""
    return "-" if not _is_terminal(sys.stdin) else str(sample_path())


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed, or a stand-in without a descriptor
        return False


def _print_text(files: list[str], args: argparse.Namespace) -> int:
    """Print each document whole as ``export`` does, wrapped to ``$COLUMNS`` (or 80).

    Several documents are printed one after the other, as ``cat`` would, a blank line
    between them; every one is read before anything is printed, so a bad name is an
    error with nothing half-printed.
    """
    from pactreader.cli.console import emit
    from pactreader.pipeline import load_document
    from pactreader.render.export import export_section
    from pactreader.render.text import DEFAULT_WIDTH, TextStyle

    style = TextStyle(_columns(DEFAULT_WIDTH))
    documents = [
        load_document(name, format=args.input_format, max_bytes=args.max_size) for name in files
    ]
    emit("\n".join(export_section(document, None, "text", style) for document in documents))
    return 0


def _columns(default: int) -> int:
    """The width asked for in ``$COLUMNS``, when it is a positive number."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def reattach_terminal() -> None:
    """Read keys from the terminal when standard input was not one (``cat a.md | pactreader -``).

    Textual's Linux driver reads keys from file descriptor 0. When that was a pipe
    (already read to the end as the document), the controlling terminal is opened and
    put in its place, so the app takes keys from the keyboard as usual.

    Raises:
        PactreaderError: There is no terminal to read keys from.
    """
    if os.name != "posix" or os.isatty(0):
        return
    try:
        terminal = os.open(TERMINAL, os.O_RDWR | os.O_NOCTTY)
    except OSError:
        raise PactreaderError(
            "the reader needs a terminal for its keys, and there is none "
            "(use 'pactreader export' to print the text)"
        ) from None
    try:
        os.dup2(terminal, 0)
    finally:
        os.close(terminal)
