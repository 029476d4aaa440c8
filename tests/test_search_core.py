"""The search core: queries, visible text units, matching, positions, the prefilter."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from pactreader.common.errors import UsageError
from pactreader.parse import Document, parse_markdown
from pactreader.parse.blocks import Paragraph, Table, section_blocks
from pactreader.parse.inline import plain_text
from pactreader.pipeline import load_document
from pactreader.search import (
    Match,
    PatternTooSlow,
    compile_query,
    find_unit,
    highlights,
    match_counts,
    prepare,
    search_from,
    section_matches,
    section_units,
)
from pactreader.search.prefilter import required_literal
from pactreader.search.snippet import snippet
from tests.conftest import SAMPLE
from tests.strategies import ARTICLES, WORDS


def doc(text: str) -> Document:
    return parse_markdown(textwrap.dedent(text))


def found(document: Document, query: str, **options: bool) -> list[str]:
    return [match.text for match in search_from(document, compile_query(query, **options))]


# Queries


def test_smart_case_lower_case_query_ignores_case() -> None:
    assert found(doc("Pact, pact and PACT.\n"), "pact") == ["Pact", "pact", "PACT"]


def test_smart_case_capital_makes_the_query_case_sensitive() -> None:
    assert found(doc("Pact, pact and PACT.\n"), "Pact") == ["Pact"]


def test_case_sensitive_option_forces_case() -> None:
    assert found(doc("Pact, pact and PACT.\n"), "pact", case_sensitive=True) == ["pact"]


def test_plain_text_is_not_a_regular_expression() -> None:
    assert found(doc("a.c abc (x)\n"), "a.c") == ["a.c"]
    assert found(doc("a.c abc (x)\n"), "(x)") == ["(x)"]


def test_regular_expression() -> None:
    assert found(doc("cooperate, cooperation; co-op\n"), r"coop\w+", is_regex=True) == [
        "cooperate",
        "cooperation",
    ]


def test_escapes_in_a_regex_do_not_count_as_capitals() -> None:
    query = compile_query(r"\S+ING\b", is_regex=True)
    assert query.case_sensitive
    query = compile_query(r"\Bing\W", is_regex=True)
    assert not query.case_sensitive
    assert found(doc("Going, RUNNING; sing.\n"), r"\Bing\W", is_regex=True) == [
        "ing,",
        "ING;",
        "ing.",
    ]


@pytest.mark.parametrize(
    ("pattern", "sensitive"),
    [
        (r"(?P<Word>\w+)", False),
        (r"(?P<Word>x)(?P=Word)", False),
        (r"\p{Lu}x", False),
        (r"(?=Foo)\w+", True),
        (r"(?<=Foo)bar", True),
        (r"(?<!X)y", True),
        (r"[A-Z]x", True),
    ],
)
def test_smart_case_in_regex_counts_literal_capitals_only(pattern: str, sensitive: bool) -> None:
    assert compile_query(pattern, is_regex=True).case_sensitive is sensitive


def test_regex_anchors_work_per_line_of_a_code_block() -> None:
    document = doc("```\nfirst line\nsecond line\n```\n")
    assert found(document, r"^\w+", is_regex=True) == ["first", "second"]


@pytest.mark.parametrize("pattern", ["(", "a{2,1}", "[z-a]", "*x"])
def test_invalid_regex_is_a_one_line_usage_error(pattern: str) -> None:
    with pytest.raises(UsageError) as caught:
        compile_query(pattern, is_regex=True)
    message = str(caught.value)
    assert message.startswith("invalid regular expression")
    assert "\n" not in message
    assert caught.value.exit_code == 2


def test_the_same_text_is_fine_as_plain_text() -> None:
    assert found(doc("f(x) = *x\n"), "*x") == ["*x"]


def test_empty_query_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        compile_query("")


def test_empty_regex_matches_are_skipped() -> None:
    assert found(doc("bab\n"), "a*", is_regex=True) == ["a"]


def test_catastrophic_regex_gives_up_with_a_usage_error() -> None:
    document = doc("a" * 5000 + "!\n")
    query = compile_query("(a+)+$", is_regex=True, timeout=0.2)
    with pytest.raises(PatternTooSlow) as caught:
        list(search_from(document, query))
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


# Visible text


def test_link_text_is_found_but_not_the_url() -> None:
    document = doc("See [the docs](https://secret.example/path) now.\n")
    assert found(document, "docs") == ["docs"]
    assert found(document, "secret") == []


def test_reference_link_labels_and_definitions_are_not_visible() -> None:
    document = doc("Read [the guide][label].\n\n[label]: https://hidden.example\n")
    assert found(document, "guide") == ["guide"]
    assert found(document, "label") == []
    assert found(document, "hidden") == []


def test_emphasis_markers_are_not_matched_and_do_not_split_words() -> None:
    document = doc("A **foo**bar and _baz_.\n")
    assert found(document, "foobar") == ["foobar"]
    assert found(document, "*") == []
    assert found(document, "_") == []


def test_entities_and_escapes_match_as_shown() -> None:
    document = doc("Caf&eacute; \\*not emphasis\\* &amp; more\n")
    assert found(document, "café") == ["Café"]
    assert found(document, "*not") == ["*not"]
    assert found(document, "& more") == ["& more"]


def test_html_tags_are_not_visible() -> None:
    document = doc('<div class="box">\nInside\n</div>\n\nText <span>inline</span> here.\n')
    assert found(document, "inside") == ["Inside"]
    assert found(document, "class") == []
    assert found(document, "span") == []
    assert found(document, "inline") == ["inline"]


def test_matches_in_table_cells_point_at_the_row() -> None:
    document = doc(
        """\
        # Title

        | Name | Note |
        |---|---|
        | cat | purrs |
        | dog | barks at the cat |
        """
    )
    matches = list(search_from(document, compile_query("cat")))
    assert [(match.line, match.text) for match in matches] == [(5, "cat"), (6, "cat")]
    table = next(
        block
        for block in section_blocks(document, document.sections[0])
        if isinstance(block, Table)
    )
    assert [match.unit for match in matches] == [table.cell_unit(1, 0), table.cell_unit(2, 1)]
    assert [match.column for match in matches] == [3, 22]


def test_units_are_the_visible_text_of_the_blocks() -> None:
    document = load_document(SAMPLE)
    for section in document.sections:
        units = {unit.number: unit for unit in section_units(document, section.index)}
        for block in section_blocks(document, section, subtree=False):
            if isinstance(block, Paragraph):
                assert units[block.unit].text == plain_text(block.text)
                assert units[block.unit].line == block.line
            if isinstance(block, Table):
                for row, cells in enumerate((block.header, *block.rows)):
                    for column, cell in enumerate(cells):
                        assert units[block.cell_unit(row, column)].text == plain_text(cell)


def test_units_come_from_nested_lists_quotes_and_footnotes() -> None:
    document = doc(
        """\
        - outer
          - inner item
        > quoted *words*

        Text with a note.[^n]

        [^n]: The footnote body.
        """
    )
    texts = [unit.text for unit in section_units(document, 0)]
    assert "inner item" in texts
    assert "quoted words" in texts
    assert "The footnote body." in texts


def test_find_unit() -> None:
    document = load_document(SAMPLE)
    for unit in section_units(document, 1):
        assert find_unit(document, 1, unit.number) == unit
    with pytest.raises(LookupError):
        find_unit(document, 1, 10_000)


# Positions in the source


def test_line_is_refined_to_the_line_holding_the_match() -> None:
    document = doc(
        """\
        First line of a paragraph
        second line with [a link](https://example.com/target)
        and the target word on the third.
        """
    )
    (match,) = search_from(document, compile_query("target"))
    assert (match.line, match.column) == (3, 9)


def test_code_block_lines_are_exact() -> None:
    document = doc(
        """\
        Intro.

        ```python
        x = 1
            y = needle
        ```
        """
    )
    (match,) = search_from(document, compile_query("needle"))
    assert (match.line, match.column) == (5, 9)


def test_footnote_defined_in_another_section_points_at_its_definition() -> None:
    document = doc(
        """\
        # One

        Refers to a note.[^far]

        # Two

        [^far]: Distant footnote text.
        """
    )
    matches = list(search_from(document, compile_query("distant")))
    assert matches
    assert {match.line for match in matches} == {7}


def test_lines_hold_the_match_in_the_sample() -> None:
    document = load_document(SAMPLE)
    matches = list(search_from(document, compile_query("defense")))
    assert len(matches) == 10
    for match in matches:
        line = document.lines[match.line - 1]
        assert line[match.column - 1 :].casefold().startswith("defense")


# Order, wrapping, counting


def sample_matches(query: str) -> tuple[Document, list[Match]]:
    document = load_document(SAMPLE)
    return document, list(search_from(document, compile_query(query)))


def test_matches_are_in_document_order_and_deterministic() -> None:
    document, matches = sample_matches("algeria")
    assert matches == sorted(matches)
    assert matches == list(search_from(document, compile_query("algeria")))


def test_search_from_a_section_wraps_around() -> None:
    document, matches = sample_matches("algeria")
    rotated = list(search_from(document, compile_query("algeria"), 2))
    first = next(i for i, match in enumerate(matches) if match.section >= 2)
    assert rotated == matches[first:] + matches[:first]


def test_next_and_previous_from_a_match() -> None:
    document, matches = sample_matches("algeria")
    query = compile_query("algeria")
    for position, match in enumerate(matches):
        following = next(
            search_from(document, query, match.section, unit=match.unit, offset=match.start + 1)
        )
        assert following == matches[(position + 1) % len(matches)]
        previous = next(
            search_from(
                document, query, match.section, unit=match.unit, offset=match.start, backward=True
            )
        )
        assert previous == matches[position - 1]


def test_backward_search_is_the_reverse_order() -> None:
    document, matches = sample_matches("the")
    last = matches[-1]
    backward = list(
        search_from(
            document,
            compile_query("the"),
            last.section,
            unit=last.unit,
            offset=last.start + 1,
            backward=True,
        )
    )
    assert backward == matches[::-1]


def test_match_counts_agree_with_the_matches() -> None:
    document, matches = sample_matches("the")
    prepare(document)
    counts = dict(match_counts(document, compile_query("the")))
    assert list(counts) == list(range(len(document.sections)))
    assert sum(counts.values()) == len(matches)
    for index, count in counts.items():
        assert count == sum(1 for match in matches if match.section == index)


def test_highlights_group_matches_by_unit() -> None:
    document = load_document(SAMPLE)
    matches = section_matches(document, 1, compile_query("defense"))
    spans = highlights(matches)
    assert sum(len(unit_spans) for unit_spans in spans.values()) == len(matches)
    for unit, unit_spans in spans.items():
        text = find_unit(document, 1, unit).text
        assert all(text[start:end].casefold() == "defense" for start, end in unit_spans)


def test_snippet_is_one_safe_line_around_the_match() -> None:
    text = "Line one\nwith a \x1b[31mneedle\x1b[0m\tinside " + "and more words " * 20
    start = text.index("needle")
    shown = snippet(text, start, start + 6, width=80)
    assert shown.match == "needle"
    assert str(shown).startswith("Line one with a [31m")
    assert str(shown).endswith("…")
    assert "\n" not in str(shown)
    assert "\x1b" not in str(shown)
    assert len(str(shown)) <= 80 + 2


def test_snippet_cuts_before_a_late_match_and_truncates_a_long_one() -> None:
    text = "word " * 50 + "target"
    shown = snippet(text, len(text) - 6, len(text), width=30)
    assert shown.before.startswith("…")
    assert shown.after == ""
    long = snippet("x" * 500, 0, 500, width=30)
    assert long.match == "x" * 29 + "…"


def test_no_document_sections_no_matches() -> None:
    assert found(parse_markdown(""), "x") == []


# Properties

_PIECES = st.sampled_from(
    [
        "a", "b", "ab", "A", " ", "\n", "\n\n", "*", "**", "_", "`", "~~", "<", ">", "[", "]",
        "(", ")", "!", "\\", "&", "|", "#", "- ", "1. ", "> ", "    ", "&amp;", "&#97;",
        "![a](b)", "[x](http://a.b/ab)", "[^1]", "\n[^1]: ab\n", "<http://a%62>", "<b>",
        "<!-- a -->", "\n| a | b |\n|---|---|\n| ab | b |\n", "\n```\nab\n```\n", "\\\n",
        "  \n", "É", "é", "ß", "\u017f", "\u212a", "\n# ab\n", "\nab\n==\n",
    ]
)  # fmt: skip
_DOCUMENTS = st.lists(_PIECES, max_size=40).map("".join)


@given(_DOCUMENTS, st.data())
def test_every_match_is_the_unit_text_it_points_at(text: str, data: st.DataObject) -> None:
    document = parse_markdown(text)
    units = [
        unit for section in document.sections for unit in section_units(document, section.index)
    ]
    texts = [unit.text for unit in units if unit.text]
    if texts:
        source = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, len(source) - 1))
        query_text = source[start : start + data.draw(st.integers(1, 6))]
    else:
        query_text = data.draw(st.sampled_from(["a", "b"]))
    is_regex = data.draw(st.booleans())
    if is_regex:
        query_text = regex.escape(query_text)
    query = compile_query(query_text, is_regex=is_regex)
    matches = list(search_from(document, query))
    flags = regex.IGNORECASE if not query.case_sensitive else 0
    for match in matches:
        unit = find_unit(document, match.section, match.unit)
        assert unit.text[match.start : match.end] == match.text
        assert regex.fullmatch(query.pattern.pattern, match.text, flags | regex.MULTILINE)
        assert 1 <= match.line <= max(document.line_count, 1)
    if texts:
        assert matches, "a query cut from the visible text must be found"


@given(_DOCUMENTS, st.text(alphabet="abAÉé *_\n&[]ß\u017f\u212a", min_size=1, max_size=5))
def test_the_prefilter_never_loses_a_match(text: str, query_text: str) -> None:
    document = parse_markdown(text)
    query = compile_query(query_text)
    unfiltered = dataclasses.replace(query, candidate=None)
    assert list(match_counts(document, query)) == list(match_counts(document, unfiltered))


@given(ARTICLES, WORDS)
def test_lines_and_columns_point_at_the_match_in_articles(text: str, word: str) -> None:
    document = parse_markdown(text)
    for match in search_from(document, compile_query(word)):
        line = document.lines[match.line - 1]
        assert line[match.column - 1 :].casefold().startswith(match.text.casefold())


@given(_DOCUMENTS, st.text(alphabet="abA É*+?.()[]|\\^${}2", min_size=1, max_size=8))
def test_the_prefilter_never_loses_a_regex_match(text: str, pattern: str) -> None:
    try:
        query = compile_query(pattern, is_regex=True)
    except UsageError:
        return
    document = parse_markdown(text)
    unfiltered = dataclasses.replace(query, candidate=None)
    assert list(match_counts(document, query)) == list(match_counts(document, unfiltered))


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"zeug\w+", "zeug"),
        (r"foo.*barbaz", "barbaz"),
        (r"ab*c", None),
        (r"abc+d", "ab"),
        (r"(foo)bar", "bar"),
        (r"ab|cd", None),
        (r"(a|b)cd", "cd"),
        (r"[]x]yz", "yz"),
        (r"[a\]b]cd", "cd"),
        (r"(?i)foo", None),
        (r"foo{2}", "fo"),
    ],
)
def test_required_literal_of_a_regex(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal


def test_the_core_does_not_import_textual() -> None:
    code = (
        "import sys, pactreader.search, pactreader.cli.search; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
