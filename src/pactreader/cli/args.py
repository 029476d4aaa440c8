"""Argument parsing that reports errors on one line, as DESIGN requires."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from pactreader import __version__


class ArgumentParser(argparse.ArgumentParser):
    """An ``argparse`` parser whose errors are one line: ``pactreader: error: ...``."""

    def error(self, message: str) -> NoReturn:
        """Print the one-line error and exit 2 (a usage error)."""
        sys.stderr.write(f"pactreader: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def add_common(parser: argparse.ArgumentParser, *, input_format_flag: str = "--format") -> None:
    """Options every command takes: the input format override and ``--debug``."""
    parser.add_argument(
        input_format_flag,
        *(["--input-format"] if input_format_flag != "--input-format" else []),
        dest="input_format",
        choices=("markdown", "text"),
        default=None,
        help="read the input as Markdown or as scraped/plain text (default: sniffed)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def add_version(parser: argparse.ArgumentParser) -> None:
    """``--version``."""
    parser.add_argument("--version", action="version", version=f"pactreader {__version__}")
