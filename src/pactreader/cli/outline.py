"""``pactreader outline FILE [--json] [--depth N]``."""

from __future__ import annotations

import argparse

from pactreader.cli.args import ArgumentParser, add_common
from pactreader.cli.console import emit
from pactreader.pipeline import load_document
from pactreader.render.json_text import to_json
from pactreader.render.outline import outline_json, outline_lines


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("outline", help="print the section tree")
    parser.add_argument("file", metavar="FILE", help="the document, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the outline as JSON")
    parser.add_argument(
        "--depth", type=_depth, default=None, metavar="N", help="show N levels (1 = top level)"
    )
    add_common(parser)
    parser.set_defaults(run=run)


def _depth(value: str) -> int:
    try:
        depth = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if depth < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return depth


def run(args: argparse.Namespace) -> int:
    """Print the outline."""
    document = load_document(args.file, format=args.input_format, max_bytes=args.max_size)
    if args.json:
        emit(to_json(outline_json(document, args.depth)))
    else:
        lines = outline_lines(document, args.depth)
        emit("\n".join(lines) + "\n" if lines else "")
    return 0
