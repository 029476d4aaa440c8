"""The fast outline scan gives exactly markdown-it-py's headings.

``find_headings`` walks the block structure with a token-free port of markdown-it-py's
block rules; ``find_headings_reference`` runs markdown-it-py itself. They must agree on
every document: line, level and title of every top-level heading. Documents here are
built from the pieces that decide whether a line is a top-level heading (fences,
HTML blocks, lists, block quotes with lazy lines, tables, definitions...), glued
with and without blank lines and indented by container prefixes, so the pieces
interact as they do in real files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactreader.parse.outline import (
    find_headings,
    find_headings_reference,
    parse_markdown,
    split_lines,
)
from pactreader.parse.scan import MAX_AUTOCOMPLETED_CELLS, RawHeading, scan_headings
from pactreader.source import read_source
from tests.conftest import DOCUMENTS, corpus_documents, shared_params
from tests.generated import api_directory, changelog

# --- pieces -------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["alpha", "beta", "Gamma", "delta 2", "x", "co-op", "1.", "#", "*", "-", "|", "\\", "&amp;"]
)
INLINE = st.sampled_from(
    [
        "plain",
        "`code #`",
        "*em*",
        "**strong**",
        "_under_",
        "~~gone~~",
        "[link](http://x.y)",
        "[ref]",
        "[ref][]",
        "[^1]",
        "![alt *t*](i.png)",
        "<span>html</span>",
        "<http://auto.link>",
        "&copy; &#35;",
        "a\\#b",
        "trailing #",
        "tab\there",
        "ünï cödé",
        "^[inline note]",
        "`unclosed",
        "*",
        "[",
        "]",
    ]
)


@st.composite
def text_run(draw: st.DrawFn) -> str:
    """A few words and inline constructs."""
    parts = draw(st.lists(st.one_of(WORDS, INLINE), min_size=1, max_size=4))
    return " ".join(parts)


INDENT = st.sampled_from(["", "", "", " ", "  ", "   ", "    ", "\t", " \t", "     "])


@st.composite
def atx_heading(draw: st.DrawFn) -> list[str]:
    marks = "#" * draw(st.integers(1, 7))
    gap = draw(st.sampled_from([" ", "  ", "\t", "", " "]))
    text = draw(st.one_of(text_run(), st.just(""), st.just("#"), st.just("# #")))
    closing = draw(st.sampled_from(["", "", " #", " ###", "#", " # ", " \\#", "  "]))
    return [f"{draw(INDENT)}{marks}{gap}{text}{closing}"]


@st.composite
def setext_heading(draw: st.DrawFn) -> list[str]:
    lines = draw(st.lists(text_run(), min_size=1, max_size=3))
    lines = [draw(INDENT) + line for line in lines]
    char = draw(st.sampled_from(["=", "-"]))
    underline = char * draw(st.integers(1, 5))
    underline = draw(INDENT) + underline + draw(st.sampled_from(["", " ", "\t", " x", f" {char}"]))
    return [*lines, underline]


@st.composite
def fence(draw: st.DrawFn) -> list[str]:
    char = draw(st.sampled_from(["`", "~"]))
    size = draw(st.integers(2, 5))
    info = draw(st.sampled_from(["", "python", " js x", "a`b", "~~"]))
    body = draw(
        st.lists(
            st.one_of(
                atx_heading().map(lambda lines: lines[0]),
                text_run(),
                st.just(""),
                st.just("==="),
                st.just(char * 3),
                st.just("    " + char * 3),
            ),
            max_size=4,
        )
    )
    lines = [draw(INDENT) + char * size + info, *body]
    closing = draw(st.sampled_from(["same", "longer", "shorter", "none", "other", "indented"]))
    if closing == "same":
        lines.append(char * size)
    elif closing == "longer":
        lines.append(char * (size + 1) + "  ")
    elif closing == "shorter":
        lines.append(char * (size - 1))
    elif closing == "other":
        lines.append(("~" if char == "`" else "`") * size)
    elif closing == "indented":
        lines.append(draw(INDENT) + char * size)
    return lines


@st.composite
def indented_code(draw: st.DrawFn) -> list[str]:
    body = draw(st.lists(atx_heading().map(lambda lines: lines[0]) | text_run(), min_size=1))
    return [draw(st.sampled_from(["    ", "\t", "     "])) + line for line in body[:3]]


@st.composite
def html_block(draw: st.DrawFn) -> list[str]:
    opener, closer = draw(
        st.sampled_from(
            [
                ("<script>", "</script>"),
                ("<pre class='x'>", "x </pre> y"),
                ("<style", "</style>"),
                ("<textarea>", "</textarea>"),
                ("<!--", "-->"),
                ("<!-- one line -->", ""),
                ("<?php", "?>"),
                ("<!DOCTYPE html", ">"),
                ("<![CDATA[", "]]>"),
                ("<div>", ""),
                ("</table>", ""),
                ("<details open>", ""),
                ("<custom-tag a='1'>", ""),
                ("</closing-tag>", ""),
                ("<span>inline</span>", ""),
                ("<a href='x'>", ""),
            ]
        )
    )
    body = draw(
        st.lists(st.one_of(atx_heading().map(lambda x: x[0]), text_run(), st.just("")), max_size=3)
    )
    lines = [draw(INDENT) + opener, *body]
    if closer and draw(st.booleans()):
        lines.append(closer)
    return lines


@st.composite
def table(draw: st.DrawFn) -> list[str]:
    columns = draw(st.integers(1, 4))
    header = " | ".join(draw(st.lists(text_run(), min_size=columns, max_size=columns)))
    if draw(st.booleans()):
        header = f"| {header} |"
    elif columns == 1:
        header += " |"
    delimiter = "|".join(
        draw(st.sampled_from(["---", ":--", "--:", ":-:", " - ", "-"])) for _ in range(columns)
    )
    if draw(st.booleans()):
        delimiter = f"|{delimiter}|"
    delimiter = draw(st.sampled_from(["", "", " ", "    "])) + delimiter
    rows = draw(
        st.lists(
            st.one_of(
                st.builds(
                    lambda cells: "| " + " | ".join(cells) + " |", st.lists(text_run(), max_size=5)
                ),
                st.just("a \\| b | c"),
                st.just("| escaped \\|"),
                atx_heading().map(lambda x: x[0]),
                text_run(),
                st.just("> quoted"),
                st.just("- item"),
            ),
            max_size=4,
        )
    )
    return [header, delimiter, *rows]


@st.composite
def list_block(draw: st.DrawFn, depth: int = 0) -> list[str]:
    ordered = draw(st.booleans())
    lines: list[str] = []
    for number in range(draw(st.integers(1, 3))):
        if ordered:
            marker = draw(st.sampled_from([f"{number + 1}.", f"{number + 2})", "1.", "10.", "0."]))
        else:
            marker = draw(st.sampled_from(["-", "*", "+", "-"]))
        gap = draw(st.sampled_from([" ", " ", "  ", "     ", "\t", ""]))
        first = draw(st.one_of(text_run(), atx_heading().map(lambda x: x[0]), st.just("")))
        lines.append(f"{marker}{gap}{first}")
        width = len(marker) + 1
        for _ in range(draw(st.integers(0, 2))):
            kind = draw(
                st.sampled_from(["inner", "lazy", "blank", "nested", "heading", "fence", "under"])
            )
            if kind == "inner":
                lines.append(" " * width + draw(text_run()))
            elif kind == "lazy":
                lines.append(draw(text_run()))
            elif kind == "blank":
                lines.append("")
            elif kind == "nested" and depth < 2:
                nested = draw(list_block(depth + 1))
                pad = " " * draw(st.sampled_from([width, width, 2, 4, 1]))
                lines.extend(pad + line if line else line for line in nested)
            elif kind == "heading":
                pad = " " * draw(st.sampled_from([width, 0, 1, 4]))
                lines.append(pad + draw(atx_heading())[0].lstrip())
            elif kind == "fence":
                lines.extend(" " * width + line for line in draw(fence()))
            elif kind == "under":
                lines.append(
                    " " * draw(st.sampled_from([0, width]))
                    + draw(st.sampled_from(["---", "===", "- - -"]))
                )
    return lines


@st.composite
def block_quote(draw: st.DrawFn) -> list[str]:
    inner = draw(st.lists(piece(quoted=True), min_size=1, max_size=3))
    lines: list[str] = []
    for block in inner:
        for line in block:
            prefix = draw(st.sampled_from(["> ", ">", ">\t", " > ", ">> ", "", "> "]))
            lines.append(prefix + line)
    return lines


@st.composite
def definitions(draw: st.DrawFn) -> list[str]:
    kind = draw(
        st.sampled_from(["ref", "ref-multi", "ref-title", "ref-bad", "footnote", "footnote-long"])
    )
    if kind == "ref":
        return [f"[{draw(st.sampled_from(['ref', 'Ref', 'x y', '^1']))}]: /url"]
    if kind == "ref-multi":
        return ["[ref]:", "  /url", "  'title'"]
    if kind == "ref-title":
        return ['[ref]: /url "title', "# still title?", 'end"']
    if kind == "ref-bad":
        return ["[ref]: /url 'title' junk", draw(setext_heading())[-1]]
    if kind == "footnote":
        return [f"[^{draw(st.sampled_from(['1', 'note', 'x']))}]: {draw(text_run())}"]
    return ["[^1]: first", "", "    # heading in footnote", "    more", draw(text_run())]


PLAIN = st.one_of(
    text_run().map(lambda line: [line]),
    st.lists(text_run(), min_size=2, max_size=3),
    st.sampled_from(
        [["***"], ["- - -"], ["___"], ["---"], ["* * *"], ["==="], [""], ["  "], ["+++"]]
    ),
    st.just(["---", "title: x", "---"]),
    st.just(["+++", "title = 'x'", "+++"]),
)


def piece(*, quoted: bool = False) -> st.SearchStrategy[list[str]]:
    """One block-ish piece; quotes nest only one level deep to keep examples small."""
    options = [
        atx_heading(),
        setext_heading(),
        fence(),
        indented_code(),
        html_block(),
        table(),
        list_block(),
        definitions(),
        PLAIN,
    ]
    if not quoted:
        options.append(block_quote())
    return st.one_of(options)


@st.composite
def document(draw: st.DrawFn) -> str:
    """Pieces joined by blank lines or butted together, sometimes all indented."""
    pieces = draw(st.lists(piece(), min_size=1, max_size=8))
    lines: list[str] = []
    for block in pieces:
        lines.extend(block)
        if draw(st.booleans()):
            lines.append("")
    prefix = draw(st.sampled_from(["", "", "", "> ", "- ", "1. ", "  "]))
    if prefix:
        lines = [prefix + line for line in lines]
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\n   ", "\r\n"]))
    return "\n".join(lines) + ending


PREFIXES = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "   ",
            "    ",
            "\t",
            "> ",
            ">",
            ">\t",
            "- ",
            "-     ",
            "1. ",
            "10) ",
            "* ",
            "+\t",
            "-",
        ]
    ),
    max_size=3,
).map("".join)
BODIES = st.sampled_from(
    [
        "# h",
        "## h ##",
        "#h",
        "###### six",
        "####### seven",
        "text",
        "more *text*",
        "===",
        "---",
        "-",
        "- -",
        "***",
        "**",
        "__",
        "_ _ _",
        "```",
        "~~~",
        "```js",
        "``` `",
        "````",
        "<div>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<?",
        "?>",
        "<![CDATA[",
        "]]>",
        "<!X",
        "<x-y>",
        "| a | b |",
        "|---|---|",
        "--|--",
        "a | b",
        "[ref]: /u",
        "[ref]:",
        "/url 'title'",
        "[^n]: note",
        "",
        "1) x",
        "2. y",
        "0. z",
        "+ z",
        "* w",
        "\\# not",
        "&#35; ent",
        "[ref] # x",
        "# [ref] [^n]",
    ]
)
LINE_SOUP = st.lists(
    st.builds(lambda prefix, body: prefix + body, PREFIXES, BODIES), max_size=25
).map("\n".join)


# Hand-picked cases, one per rule that decides a block's extent: random documents
# reach most of them, these make sure every run checks each one.
SNIPPETS = {
    "table interrupts a paragraph": "text\na | b\n--|--\n===\n",
    "quote ends after an empty quoted line": "> x\n>\ntext\n===\n",
    "lazy lines stay in the quote": "> x\ntext\n===\n",
    "two marks are no thematic break": "**\n===\n__\n---\n",
    "heading inside and after a list item": "- a\n\n  # inside\n# outside\n",
    "five spaces after a marker": "-     code\n  # h\n",
    "indented item after a blank is code": "10.    x\n\n    11. y\nfoo\n===\n",
    "longer closing fence": "```\n# no\n```` \n# yes\n",
    "other fence char does not close": "~~~\n# no\n```\n# still no\n",
    "shorter closing fence does not close": "````\n# no\n```\n# still no\n",
    "backtick in a backtick info string": "``` a`b\n# yes\n",
    "html block ends at a blank line": "<div>\n# no\n\n# yes\n",
    "html comment spans blank lines": "<!--\n\n# no\n-->\n# yes\n",
    "any tag alone starts an html block": "<span>\n# no\n\n# yes\n",
    "a lone tag cannot interrupt a paragraph": "text\n<span>\n# h\n",
    "reference used in a heading": "# [ref] and [^1]\n\n[ref]: /url\n[^1]: note\n",
    "reference title runs over lines": "[ref]: /url 'title\n# not title'\n# h [ref]\n",
    "footnote holds indented blocks": "[^1]: note\n\n    # in footnote\n# [^1] out\n",
    "indented code": "    # code\n# h\n",
    "nested lists": "  - a\n    - b\n      # in\n# out\n",
    "list marker change starts a new list": "1. a\n2) b\n# h\n",
    "lazy underline after an ordered list": "2. a\ntext\n===\n",
    "only 1. interrupts a paragraph": "text\n2. a\n===\ntext\n1. a\n===\n",
    "a lone dash underlines": "text\n-\n===\n",
    "table ends at a heading": "| a |\n| - |\n# h\n",
    "heading in a quote": "> # q\n# top\n>\t# tab\n",
    "rule after a list item": "- a\n---\na\n---\n",
    "tab after the marks": "#\tTab heading\n",
    "seven marks are a paragraph": "####### seven\n===\n",
    "closing sequences": "# h #\n## h\\\\##\n### h ### x\n#### #\n",
    "multi-line setext": "Setext with trailing  \nline two\n---\n",
    "indented underline is text": "text\n    ===\ntext\n   ===\n",
    "empty item then blank": "-\n\n  foo\n# h\n",
    "spaced rules": "* * *\n# h\n_ _ _\n",
    "carriage returns and nul": "# a\r\nb\r\n===\r\n# c\x00d\n",
    "final blank line without newline": "# a\n   ",
}


# --- properties ---------------------------------------------------------------------


@pytest.mark.parametrize("text", SNIPPETS.values(), ids=list(SNIPPETS))
def test_scan_equals_markdown_it_on_each_rule(text: str) -> None:
    assert find_headings(text) == find_headings_reference(text)


@given(document())
def test_scan_equals_markdown_it_on_generated_documents(text: str) -> None:
    expected = find_headings_reference(text)
    assert find_headings(text) == expected
    assert find_headings(text, split_lines(text)) == expected


@given(LINE_SOUP)
def test_scan_equals_markdown_it_on_line_soup(text: str) -> None:
    assert find_headings(text) == find_headings_reference(text)


@given(st.text(alphabet=" \t\n>-*+#=`~|:[]^<!/1.\\ax", max_size=80))
def test_scan_equals_markdown_it_on_character_noise(text: str) -> None:
    assert find_headings(text) == find_headings_reference(text)


def test_table_ends_where_markdown_it_stops_autocompleting_cells() -> None:
    # 257 columns and rows of one cell: each row leaves 256 cells to fill in, and
    # markdown-it-py stops the table once more than 65,536 were filled (after 256
    # rows). The rest is a paragraph, and "===" makes it a heading at line 259.
    header = "|".join(f"c{index}" for index in range(257))
    delimiter = "|".join("-" for _ in range(257))
    text = "\n".join([header, delimiter, *["| x"] * 300, "===", ""])
    headings = find_headings(text)
    assert headings == find_headings_reference(text)
    if MAX_AUTOCOMPLETED_CELLS is not None:  # markdown-it-py 4 and later
        assert [(heading.line, heading.level) for heading in headings] == [(259, 1)]


def test_the_scan_runs_here() -> None:
    # Every comparison above would be vacuous if the scan declined and find_headings
    # fell back to the reference: this installation must be one the scan supports.
    assert scan_headings("# a\n", {}) == [RawHeading(0, 1, "a")]


def test_deep_nesting_beyond_the_parser_limit_matches() -> None:
    text = "".join("  " * depth + "- item\n" for depth in range(30)) + "# after\n"
    text += "> " * 25 + "# deep\n\n# top\n"
    assert find_headings(text) == find_headings_reference(text)


# --- the corpus ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [changelog(), api_directory()], ids=["changelog", "directory"])
def test_generated_documents_outline_equals_markdown_it(text: str) -> None:
    assert find_headings(text) == find_headings_reference(text)


@pytest.mark.parametrize("path", [DOCUMENTS / "constructs.md", *shared_params(corpus_documents())])
def test_corpus_outline_equals_markdown_it_and_the_reference_outline(path: Path) -> None:
    source = read_source(str(path))
    expected = json.loads(Path(f"{path}.outline.json").read_text(encoding="utf-8"))
    assert find_headings(source.text) == find_headings_reference(source.text)
    document = parse_markdown(source.text)
    outline = [
        {"level": section.level, "text": section.title}
        for section in document.sections
        if not section.is_preamble
    ]
    assert outline == expected
