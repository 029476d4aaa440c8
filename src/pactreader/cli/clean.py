"""``pactreader clean FILE [-o PATH] [--force]``: print the Markdown pactreader reads.

For scraped or plain text that is the repaired Markdown; for a Markdown file it is
the file itself, since repairing good Markdown would only damage it. ``--format
text`` repairs whatever the file is. The output is the exact text that ``outline``
line numbers count.
"""

from __future__ import annotations

import argparse

from pactreader.cli.args import ArgumentParser, add_common
from pactreader.cli.console import emit
from pactreader.output import write_atomic
from pactreader.pipeline import markdown_of
from pactreader.source import read_source


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser(
        "clean",
        help="print the repaired Markdown of a scraped article",
        description="Print the Markdown pactreader reads for FILE: repaired for scraped or"
        " plain text, the file itself for Markdown (--format text repairs any file).",
    )
    parser.add_argument("file", metavar="FILE", help="the document, or - for standard input")
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Repair the document (when it is text) and print or save the Markdown."""
    text = markdown_of(read_source(args.file, format=args.input_format, max_bytes=args.max_size))
    if args.output is None:
        emit(text)
    else:
        write_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    return 0
