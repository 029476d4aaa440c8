"""``pactreader [FILE | -]``: open the reader.

Textual is imported here and only here in the CLI, so the other commands start fast.
"""

from __future__ import annotations

import argparse
import os
from functools import partial

from pactreader.common.errors import PactreaderError
from pactreader.common.runtime import build_untracked, load_in_background
from pactreader.pipeline import start_loading
from pactreader.sample import sample_path

TERMINAL = "/dev/tty"


def run(args: argparse.Namespace) -> int:
    """Load the document (a big one's opening first), then hand it to the Textual app."""
    name = args.file if args.file is not None else str(sample_path())
    loading = build_untracked(partial(start_loading, name, format=args.input_format))
    reattach_terminal()
    from pactreader.tui.app import ReaderApp

    rest = loading.rest
    ReaderApp(
        loading.document, rest=None if rest is None else partial(load_in_background, rest)
    ).run()
    return 0


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
