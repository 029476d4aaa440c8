"""The ``pactreader`` entry point.

``pactreader FILE`` opens the reader; ``pactreader COMMAND ...`` runs a
non-interactive command. This is the only module that prints errors and picks exit
codes: the layers below raise :class:`~pactreader.common.errors.PactreaderError`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pactreader.cli import reader
from pactreader.cli.args import ArgumentParser, add_common, add_version, report_error
from pactreader.cli.console import discard_stdout
from pactreader.common.errors import PactreaderError

COMMANDS = ("outline", "export", "search", "clean")
"""The commands; each is a module of :mod:`pactreader.cli` with an ``add_parser``.

They are imported only when a command is run: opening the reader does not wait for
the export renderers, the search engine or the repair layer to load."""

_EPILOG = """commands:
  pactreader outline FILE [--json] [--depth N]
  pactreader export FILE [SECTION] [--format text|markdown|json] [--width N] [--ascii]
                    [-o PATH] [--force]
  pactreader search FILE PATTERN [--regex] [--case-sensitive] [--json]
  pactreader clean FILE [-o PATH] [--force]

A file named like a command is reached as ./outline."""


def _reader_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="pactreader",
        description="Read an article in the terminal: outline beside text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="*",
        help="the documents (Alt+Right goes to the next), or - for standard input "
        "(default: standard input when piped, else the bundled sample)",
    )
    add_common(parser)
    add_version(parser)
    parser.set_defaults(run=reader.run)
    return parser


def _command_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="pactreader")
    add_version(parser)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=ArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"pactreader.cli.{name}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run pactreader with ``argv`` (default: the process arguments); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    try:
        parser = (
            _command_parser() if arguments[:1] and arguments[0] in COMMANDS else _reader_parser()
        )
        args = parser.parse_args(arguments)
        code: int = args.run(args)
        return code
    except PactreaderError as error:
        if debug:
            raise
        report_error(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error worth a word.
        discard_stdout()
        return 0
