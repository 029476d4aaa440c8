"""Properties of the section tree on arbitrary text and generated Markdown."""

from __future__ import annotations

import re
from unicodedata import east_asian_width

from hypothesis import given
from hypothesis import strategies as st

from pactreader.parse import Document, parse_markdown
from pactreader.parse.blocks import (
    Block,
    Code,
    Footnotes,
    Heading,
    Html,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    section_blocks,
)
from pactreader.parse.inline import plain_text
from pactreader.render.text import TextStyle, export_text
from tests.strategies import ARTICLES

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


def assert_lossless(document: Document) -> None:
    """Front matter + preamble lines + each section's own span partition the lines."""
    covered: list[int] = list(range(1, document.front_matter_lines + 1))
    sections = [s for s in document.sections if not s.is_preamble]
    first = sections[0].start_line if sections else document.line_count + 1
    covered += range(document.front_matter_lines + 1, first)  # the (maybe blank) preamble
    for section in sections:
        assert section.start_line <= section.end_line + 1
        covered += range(section.start_line, section.end_line + 1)
    assert covered == list(range(1, document.line_count + 1))


def assert_tree(document: Document) -> None:
    numbers = [s.number for s in document.sections]
    slugs = [s.slug for s in document.sections]
    assert len(set(numbers)) == len(numbers)
    assert len(set(slugs)) == len(slugs)
    for section in document.sections:
        assert document.sections[section.index] is section
        if section.parent is not None:
            parent = document.sections[section.parent]
            assert parent.level < section.level
            assert section.number.startswith(parent.number + ".")
            assert section.index in parent.children
            assert section.subtree_end_line <= parent.subtree_end_line
        assert section.words == section.own_words + sum(
            document.sections[c].words for c in section.children
        )


def outline_of(document: Document) -> list[tuple[str, int, str, str, int, int, int]]:
    return [
        (s.number, s.level, s.title, s.slug, s.start_line, s.end_line, s.words)
        for s in document.sections
    ]


@given(ANY_TEXT)
def test_arbitrary_text_never_raises_and_is_lossless(text: str) -> None:
    text = text.replace("\r", "\n")
    document = parse_markdown(text)
    assert_lossless(document)
    assert_tree(document)


@given(ARTICLES)
def test_generated_markdown_tree(text: str) -> None:
    document = parse_markdown(text)
    assert_lossless(document)
    assert_tree(document)
    assert outline_of(parse_markdown(text)) == outline_of(document)  # deterministic


def visible_words(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    words: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            words += plain_text(block.text).split()
        elif isinstance(block, Code | Html):
            words += (block.code if isinstance(block, Code) else block.text).split()
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    words += plain_text(cell).split()
        elif isinstance(block, ListBlock):
            for item in block.items:
                words += visible_words(item.blocks)
        elif isinstance(block, Quote):
            words += visible_words(block.blocks)
        elif isinstance(block, Footnotes):
            for note in block.notes:
                words += visible_words(note.blocks)
    return words


@given(ARTICLES, st.sampled_from([0, 20, 80]))
def test_every_visible_word_is_exported(text: str, width: int) -> None:
    document = parse_markdown(text)
    for section in document.sections:
        exported = export_text(document, section, TextStyle(width=width))
        assert (exported.endswith("\n") and not exported.endswith("\n\n")) or exported == "\n"
        assert not re.search(r"[ \t]$", exported, re.MULTILINE)
        for word in visible_words(section_blocks(document, section)):
            assert word in exported or _wrapped_wide(word, exported), (word, exported)


def _wrapped_wide(word: str, exported: str) -> bool:
    """Text without spaces (CJK) may wrap between any two characters: then each of its
    characters is there, in order."""
    if not any(east_asian_width(character) in "WF" for character in word):
        return False
    position = 0
    for character in word:
        position = exported.find(character, position)
        if position < 0:
            return False
        position += 1
    return True
