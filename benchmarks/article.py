"""A deterministic, article-like Markdown document of a chosen size, for benchmarks.

Headings every dozen or so lines, wrapped paragraphs with emphasis, links and code
spans, lists, 5x3 tables and fenced code: the shapes the reader meets in real
articles. Two markers help the search benchmarks: the rare word ``zeugma`` appears in
exactly three places (at about 50 %, 75 % and 95 % of the text), and one paragraph
near the middle is a long run of ``a``s, the classic trap for ``(a+)+$``.
"""

from __future__ import annotations

import random
import textwrap

RARE_WORD = "zeugma"
RARE_AT = (0.50, 0.75, 0.95)
TRAP_AT = 0.5
TRAP_LENGTH = 2000

_SYLLABLES = [
    "ka", "lo", "mi", "ne", "ra", "tu", "vo", "sel", "dor", "ist", "ul", "pen",
    "gra", "bri", "cos", "fen", "hal", "jor", "mus", "ter", "qui", "zan", "ly", "ex",
]  # fmt: skip
_COMMON = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "it"]


def generate(size: int, seed: int = 0) -> str:
    """Markdown text of about ``size`` characters; the same for the same arguments."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(4000)}
    )
    vocabulary = [word for word in vocabulary if RARE_WORD not in word]
    parts: list[str] = [f"# Generated article of {size} characters\n"]
    length = len(parts[0])
    pending = [int(size * at) for at in RARE_AT]
    trap = int(size * TRAP_AT)
    section = 0
    while length < size:
        section += 1
        body = _section(rng, vocabulary, section)
        if pending and length >= pending[0]:
            pending.pop(0)
            body += f"\nA sentence with the rare word {RARE_WORD} in it.\n"
        if trap and length >= trap:
            trap = 0
            body += "\n" + "a" * TRAP_LENGTH + "!\n"
        parts.append(body)
        length += len(body)
    return "\n".join(parts)


def _section(rng: random.Random, vocabulary: list[str], number: int) -> str:
    level = rng.choice((2, 2, 2, 3, 3, 4))
    title = " ".join(rng.choice(vocabulary).capitalize() for _ in range(rng.randint(2, 5)))
    blocks = [f"{'#' * level} {title} {number}"]
    for _ in range(rng.randint(1, 3)):
        blocks.append(_paragraph(rng, vocabulary))
    extra = rng.random()
    if extra < 0.25:
        blocks.append(_list(rng, vocabulary))
    elif extra < 0.4:
        blocks.append(_table(rng, vocabulary))
    elif extra < 0.5:
        blocks.append(_code(rng, vocabulary))
    return "\n\n".join(blocks) + "\n"


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words: list[str] = []
    for _ in range(rng.randint(6, 18)):
        word = rng.choice(_COMMON) if rng.random() < 0.35 else rng.choice(vocabulary)
        roll = rng.random()
        if roll < 0.03:
            word = f"**{word}**"
        elif roll < 0.05:
            word = f"*{word}*"
        elif roll < 0.065:
            word = f"[{word}](https://example.com/{rng.choice(vocabulary)})"
        elif roll < 0.075:
            word = f"`{word}`"
        words.append(word)
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, vocabulary: list[str]) -> str:
    text = " ".join(_sentence(rng, vocabulary) for _ in range(rng.randint(2, 5)))
    return "\n".join(textwrap.wrap(text, 78, break_long_words=False, break_on_hyphens=False))


def _list(rng: random.Random, vocabulary: list[str]) -> str:
    return "\n".join(f"- {_sentence(rng, vocabulary)}" for _ in range(rng.randint(3, 5)))


def _table(rng: random.Random, vocabulary: list[str]) -> str:
    rows = ["| Name | Kind | Note |", "|---|---|---|"]
    for _ in range(5):
        cells = [rng.choice(vocabulary) for _ in range(3)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _code(rng: random.Random, vocabulary: list[str]) -> str:
    lines = [f"{rng.choice(vocabulary)} = {rng.randint(0, 999)}" for _ in range(rng.randint(3, 8))]
    return "```python\n" + "\n".join(lines) + "\n```"
