"""Argument parsing that reports errors on one line, as DESIGN requires."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from pactreader import __version__
from pactreader.common.safety import safe_line


class ArgumentParser(argparse.ArgumentParser):
    """An ``argparse`` parser whose errors are one line: ``pactreader: error: ...``."""

    def error(self, message: str) -> NoReturn:
        """Print the one-line error and exit 2 (a usage error)."""
        report_error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(2)


def report_error(message: str) -> None:
    """Print ``pactreader: error: MESSAGE`` on one line of stderr.

    The message quotes file names, arguments and titles: made safe for a terminal
    line first, so none of them can retitle, clear or otherwise drive it.
    """
    sys.stderr.write(f"pactreader: error: {safe_line(message)}\n")
    sys.stderr.flush()


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
