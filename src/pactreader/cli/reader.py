"""``pactreader [FILE | -]``: open the reader.

Textual is imported here and only here in the CLI, so the other commands start fast.
"""

from __future__ import annotations

import argparse

from pactreader.pipeline import load_document
from pactreader.sample import sample_path


def run(args: argparse.Namespace) -> int:
    """Load the document, then hand it to the Textual app."""
    name = args.file if args.file is not None else str(sample_path())
    document = load_document(name, format=args.input_format)
    from pactreader.tui.app import ReaderApp

    ReaderApp(document).run()
    return 0
