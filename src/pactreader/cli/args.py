"""Argument parsing that reports errors on one line, as DESIGN requires."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from pactreader import __version__
from pactreader.common.safety import safe_line
from pactreader.source import DEFAULT_MAX_BYTES, format_size


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
        choices=("markdown", "text", "html"),
        default=None,
        help="read the input as Markdown, scraped/plain text or an HTML page (default: sniffed)",
    )
    parser.add_argument(
        "--max-size",
        type=size_argument,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse input larger than SIZE, e.g. 64K, 20M, 2G"
        f" (default: {format_size(DEFAULT_MAX_BYTES).replace(' ', '')})",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


_SIZE = re.compile(r"(\d+)\s*([KMG]?)B?", re.IGNORECASE)
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def size_argument(value: str) -> int:
    """``--max-size``: bytes, or a number with K, M or G (powers of 1024)."""
    match = _SIZE.fullmatch(value.strip())
    if match is None or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 64K, 20M or 2G)")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def add_version(parser: argparse.ArgumentParser) -> None:
    """``--version``."""
    parser.add_argument("--version", action="version", version=f"pactreader {__version__}")
