"""Hypothesis strategies for Markdown articles, from tame to hostile."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "pact",
        "treaty",
        "Algeria",
        "défense",
        "naïve",
        "東京",
        "emoji🎉",
        "x42",
        "under_score",
        "end.",
        "comma,",
        "quote\u2019s",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


CODE_KINDS = frozenset({5, 9})


@st.composite
def markdown_block(draw: st.DrawFn, code: bool = True) -> str:
    """One block of Markdown: headings, paragraphs, lists, tables, code, quotes, HTML."""
    kind = draw(st.integers(0, 13).filter(lambda k: code or k not in CODE_KINDS))
    text = draw(TEXT)
    if kind == 0:
        return f"{'#' * draw(st.integers(1, 6))} {text}"
    if kind == 1:
        return f"{text}\n{draw(st.sampled_from(['===', '---', '=', '-- ']))}"
    if kind == 2:
        items = draw(st.lists(TEXT, min_size=1, max_size=4))
        indent = draw(st.sampled_from(["", "  ", "    "]))
        return "\n".join(
            f"- {items[0]}" if i == 0 else f"{indent}- {item}" for i, item in enumerate(items)
        )
    if kind == 3:
        items = draw(st.lists(TEXT, min_size=1, max_size=4))
        return "\n".join(f"{i + 1}. {item}" for i, item in enumerate(items))
    if kind == 4:
        columns = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(WORDS, min_size=0, max_size=columns + 1), max_size=4))
        lines = ["| " + " | ".join(f"h{i}" for i in range(columns)) + " |", "|" + "---|" * columns]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    if kind == 5:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        body = draw(
            st.lists(st.sampled_from(["# not a heading", text, "===", "- item", ""]), max_size=4)
        )
        closed = draw(st.booleans())
        return "\n".join([f"{fence}python", *body, *([fence] if closed else [])])
    if kind == 6:
        return f"> {text}\n> # quoted heading\n{draw(TEXT)}"
    if kind == 7:
        return f"<div>\n{text}\n</div>"
    if kind == 8:
        link = f"[{text}](https://example.com/{draw(WORDS)})"
        return f"{link} **{draw(WORDS)}** `code` ~~{draw(WORDS)}~~"
    if kind == 9:
        return f"    indented code {text}\n    # also code"
    if kind == 10:
        return f"- item {text}\n\n  # heading in item\n\n  more {draw(TEXT)}"
    if kind == 11:
        return (
            f"Footnote here[^n{draw(st.integers(0, 3))}].\n\n[^n{draw(st.integers(0, 3))}]: {text}"
        )
    if kind == 12:
        return "***"
    return text


MARKDOWN = st.lists(markdown_block(), max_size=14).map("\n\n".join)
FRONT_MATTER = st.sampled_from(
    ["", "---\ntitle: Hello\n---\n", "+++\ntitle = 'T'\n+++\n", "---\na: [\n...\n"]
)
ARTICLES = st.builds(lambda front, body: front + body, FRONT_MATTER, MARKDOWN)
# Without code blocks, whose lines are verbatim and so may exceed any width.
PROSE_ARTICLES = st.lists(markdown_block(code=False), max_size=14).map("\n\n".join)


# Hostile pieces: control sequences, markup look-alikes, deep nesting, huge tables,
# tag debris, bidi tricks. Mixed into Markdown or scraped text.
HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b[31mred\x1b[0m",
        "\x1b]52;c;aGVsbG8=\x07",
        "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
        "\x9b2J\x07\x7f\x00",
        "[bold red]x[/]",
        "[link=file:///etc/passwd]y[/link]",
        "[@click=app.quit]z[/]",
        "\u202eevil\u202c",
        "< li >item li >",
        "td > | th >",
        "< / ul >< ul >",
        "> " * 40 + "deep",
        "- " * 30 + "deep",
        "|" + "a|" * 60,
        "<script>alert(1)</script>",
        "&amp; &#x1b; &#0;",
        "`\x1b` code",
    ]
)


@st.composite
def hostile_document(draw: st.DrawFn) -> str:
    """Markdown or scraped text with hostile pieces spliced into its lines."""
    base = draw(st.one_of(MARKDOWN, st.lists(TEXT, max_size=10).map("\n".join)))
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(lines)))
        lines.insert(position, draw(HOSTILE_PIECES))
    return "\n".join(lines)


HOSTILE_DOCUMENTS = hostile_document()
