"""Tag debris in every form becomes structure or disappears; real words never do."""

from __future__ import annotations

import pytest

from pactreader.common.debris import TAG_NAMES
from pactreader.parse.blocks import markdown_blocks
from pactreader.repair import repair_text
from tests.repair_support import DEBRIS_REMNANTS, describe, structure, words


def items(*texts: str) -> tuple[object, ...]:
    return ("list", False, tuple((("paragraph", text),) for text in texts))


@pytest.mark.parametrize(
    "line",
    [
        "<li>one</li><li>two</li>",
        "< li >one< / li >< li >two< / li >",
        "< li >one li >< li >two li >",
        "<LI>one</LI> <LI>two</LI>",
        "< li>one /li >< li >two / li >",
        "<li class=\"x\">one</li><li data-id='3'>two</li>",
        "<ul><li>one</li><li>two</li></ul>",
        "< ul >< li >one li >< / ul >< ul >< li >two li > ul >",
    ],
)
def test_li_debris_in_every_form_starts_list_items(line: str) -> None:
    assert structure(line) == [items("one", "two")]


def test_a_markdown_bullet_followed_by_li_debris_is_one_item() -> None:
    text = "- first\n- < li >second; li >< / ul >< ul >< li >third; li > ul >\n"
    assert structure(text) == [items("first", "second;", "third;")]


def test_ol_debris_makes_a_numbered_list() -> None:
    assert structure("<ol><li>one</li><li>two</li></ol>") == [
        ("list", True, ((("paragraph", "one"),), (("paragraph", "two"),)))
    ]


def test_nested_lists_nest() -> None:
    text = "<ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul>"
    [block] = structure(text)
    assert block == (
        "list",
        False,
        (
            (("paragraph", "outer"), ("list", False, ((("paragraph", "inner"),),))),
            (("paragraph", "next"),),
        ),
    )


@pytest.mark.parametrize(
    "line",
    ["< p > Some text here . p >", "<p>Some text here.</p>", "<p class='lead'>Some text here.</p>"],
)
def test_p_debris_is_a_paragraph(line: str) -> None:
    assert structure(line) == [("paragraph", "Some text here.")]


def test_p_debris_splits_a_line_into_paragraphs() -> None:
    assert structure("<p>One.</p>< p >Two. p >< p > Three. p >") == [
        ("paragraph", "One."),
        ("paragraph", "Two."),
        ("paragraph", "Three."),
    ]


def test_a_paragraph_after_a_list_is_not_glued_into_the_last_item() -> None:
    text = "- one\n- two\n< p > After the list . p >\n"
    assert structure(text) == [items("one", "two"), ("paragraph", "After the list.")]


@pytest.mark.parametrize(
    ("line", "level"),
    [("<h2>Section</h2>", 2), ("< h3 >Section h3 >", 3), ("<h1>Section</h1>", 1)],
)
def test_heading_debris_is_a_heading_of_its_level(line: str, level: int) -> None:
    assert structure(f"Intro text.\n{line}\nBody text.")[1] == ("heading", level, "Section")


def test_br_debris_is_a_line_break() -> None:
    [paragraph] = markdown_blocks(repair_text("first line<br>second line< br / >third"))
    assert [span.text for span in paragraph.text if span.hard_break] == ["\n", "\n"]  # type: ignore[union-attr]
    assert describe(paragraph) == ("paragraph", "first line\nsecond line\nthird")


def test_table_debris_is_removed_from_cells() -> None:
    text = (
        "| A th > | B th > < / tr > < /thead > |\n|---|---|\n"
        "| < td >1 td > | 2 td > |\n| 3 td > | <td>4</td> |\n"
    )
    assert structure(text) == [("table", ("A", "B"), (("1", "2"), ("3", "4")))]


@pytest.mark.parametrize("name", sorted(TAG_NAMES))
def test_every_tag_name_is_recognised_spaced_or_not(name: str) -> None:
    for text in (
        f"Start <{name}>middle</{name}> end",
        f"Start < {name} >middle< / {name} > end",
        f"Start middle {name} >",
    ):
        out = repair_text(text)
        assert f"{name} >" not in out
        assert f"<{name}>" not in out.replace("\\<", "")
        assert words(out)["middle"] == 1, text


@pytest.mark.parametrize("name", ["b", "i", "em", "strong", "a", "span"])
def test_inline_tags_are_dropped_without_fusing_words(name: str) -> None:
    out = repair_text(f"A <{name}>bold</{name}>word and x<{name}>y")
    assert words(out) >= words("A bold word and x y")
    assert f"{name}>" not in out


def test_a_link_tag_with_attributes_is_dropped_with_them() -> None:
    assert structure('See <a href="http://example.com/x">the report</a> today.') == [
        ("paragraph", "See the report today.")
    ]


# What must stay: mentions, comparisons, code, words that contain tag names.


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Use the <p> element for paragraphs.", "Use the <p> element for paragraphs."),
        ("Close it with a </li> tag.", "Close it with a </li> tag."),
        ('Wrap it in a "<div>" first.', 'Wrap it in a "<div>" first.'),
        ("Put `<li>` and `td >` in code.", "Put <li> and td > in code."),
        ("Significant when p > 0.05 only.", "Significant when p > 0.05 only."),
        ("If a > b then b < a.", "If a > b then b < a."),
        ("The table > chair ranking.", "The table > chair ranking."),
        ("Ultimate tables and bold thoughts.", "Ultimate tables and bold thoughts."),
    ],
)
def test_text_that_only_mentions_a_tag_is_left_alone(text: str, shown: str) -> None:
    assert structure(text) == [("paragraph", shown)]


def test_no_debris_remains_in_the_seed_like_lines() -> None:
    text = (
        "- < li >Exchange; li >< / ul >< ul >< li >Collaborative; li > ul >\n"
        "< p > Furthermore , frameworks . p >\n"
        "| Focus th > | Strategies th > < / tr > < /thead > |\n|---|---|\n"
        "| Cyber td > |\n"
    )
    out = repair_text(text)
    for remnant in DEBRIS_REMNANTS:
        assert remnant not in out
