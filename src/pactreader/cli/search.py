"""``pactreader search FILE PATTERN [--regex] [--case-sensitive] [--json]``.

Prints one line per match, ``number title:line: …snippet…``, and exits like ``grep``:
0 when something matched, 1 when nothing did, 2 on a bad pattern.
"""

from __future__ import annotations

import argparse
import sys

from pactreader.cli.args import ArgumentParser, add_common
from pactreader.cli.console import emit, write_stdout
from pactreader.common.safety import neutralise_bidi, safe_title
from pactreader.parse import Document
from pactreader.pipeline import load_document
from pactreader.render.json_text import to_json
from pactreader.search import Match, compile_query, find_unit, search_from
from pactreader.search.pattern import SEARCH_BUDGET
from pactreader.search.snippet import snippet

# Reverse video and bold around the match, only when stdout is a terminal.
_HIGHLIGHT = "\x1b[1;7m"
_RESET = "\x1b[0m"


def add_parser(commands: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Register the command."""
    parser = commands.add_parser("search", help="print every match of a pattern in the text")
    parser.add_argument("file", metavar="FILE", help="the document, or - for standard input")
    parser.add_argument("pattern", metavar="PATTERN", help="text to find (see --regex)")
    parser.add_argument(
        "--regex", action="store_true", help="PATTERN is a regular expression, not plain text"
    )
    parser.add_argument(
        "--case-sensitive",
        action="store_true",
        help="match case exactly (default: only when PATTERN has a capital letter)",
    )
    parser.add_argument("--json", action="store_true", help="print the matches as JSON")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Search the document; 0 with matches, 1 without."""
    query = compile_query(
        args.pattern,
        is_regex=args.regex,
        case_sensitive=args.case_sensitive,
        budget=SEARCH_BUDGET,
    )
    document = load_document(args.file, format=args.input_format, max_bytes=args.max_size)
    # All matches first, so a pattern that turns out too slow prints only its error.
    matches = list(search_from(document, query))
    if args.json:
        emit(to_json(_json(document, matches)))
    else:
        _print_lines(document, matches, highlight=sys.stdout.isatty())
    return 0 if matches else 1


def _where(document: Document, match: Match) -> tuple[int, int]:
    """``(line, column)`` of the match in the file as the user has it.

    For repaired (scraped) input that is the original file's line, where an editor
    opens at the match; the column is where the matched text starts in that line, or
    1 when repair changed the text around it.
    """
    if document.origin is None:
        return match.line, match.column
    line = document.original_line(match.line)
    found = document.origin[line - 1].casefold().find(match.text.casefold())
    return line, found + 1 if found >= 0 else 1


def _json(document: Document, matches: list[Match]) -> list[dict[str, object]]:
    found = []
    for match in matches:
        line, column = _where(document, match)
        found.append(
            {
                "number": document.sections[match.section].number,
                "title": neutralise_bidi(document.sections[match.section].title),
                "line": line,
                "column": column,
                "text": match.text,
            }
        )
    return found


def _print_lines(document: Document, matches: list[Match], *, highlight: bool) -> None:
    """Write the matches; document text is already free of control characters."""
    start, end = (_HIGHLIGHT, _RESET) if highlight else ("", "")
    out: list[str] = []
    for match in matches:
        section = document.sections[match.section]
        text = find_unit(document, match.section, match.unit).text
        shown = snippet(text, match.start, match.end)
        out.append(
            f"{section.number} {safe_title(section.title)}:{_where(document, match)[0]}: "
            f"{shown.before}{start}{shown.match}{end}{shown.after}\n"
        )
    write_stdout("".join(out))
