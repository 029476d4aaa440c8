"""The one configured markdown-it-py parser every part of pactreader shares.

CommonMark plus the GitHub extensions articles use (tables, strikethrough) and
footnotes. Front matter is handled by :mod:`pactreader.parse.front_matter` before
parsing, because the plugin knows neither YAML's ``...`` terminator nor TOML.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin


def new_parser() -> MarkdownIt:
    """A new parser with pactreader's rules: the one recipe every parser here follows."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)


@cache
def full_parser() -> MarkdownIt:
    """The parser for rendering: block and inline rules."""
    return new_parser()


@cache
def block_parser() -> MarkdownIt:
    """The same rules without the inline pass: enough to find headings, twice as fast.

    Heading text is parsed inline afterwards, for the headings alone.
    """
    parser = new_parser()
    parser.disable("inline")
    return parser
