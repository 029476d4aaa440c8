"""``pactreader export FILE [SECTION] [--format text|markdown|json] ...``."""

from __future__ import annotations

import argparse

from pactreader.cli.args import ArgumentParser, add_common
from pactreader.cli.console import emit
from pactreader.output import write_atomic
from pactreader.parse import find_section
from pactreader.pipeline import load_document
from pactreader.render.export import EXPORT_FORMATS, export_section
from pactreader.render.text import DEFAULT_WIDTH, TextStyle


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("export", help="print or save a section as text, Markdown or JSON")
    parser.add_argument("file", metavar="FILE", help="the document, or - for standard input")
    parser.add_argument(
        "section", metavar="SECTION", nargs="?", help="number, slug or title (default: all)"
    )
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="text", help="output format")
    parser.add_argument(
        "--width", type=_width, default=DEFAULT_WIDTH, metavar="N", help="wrap width; 0 = none"
    )
    parser.add_argument("--ascii", action="store_true", help="draw tables with + - |")
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    add_common(parser, input_format_flag="--input-format")
    parser.set_defaults(run=run)


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if width < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return width


def run(args: argparse.Namespace) -> int:
    """Export the section (or document) to stdout or a file."""
    document = load_document(args.file, format=args.input_format, max_bytes=args.max_size)
    section = find_section(document, args.section) if args.section is not None else None
    text = export_section(document, section, args.format, TextStyle(args.width, args.ascii))
    if args.output is None:
        emit(text)
    else:
        write_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    return 0
