"""Generate realistic, article-like Markdown of a given size, deterministically.

The benchmark needs documents that look like the long articles, manuals and
changelogs users open: a heading (levels 1-4) about every 15 lines, paragraphs with
inline markup and links, nested lists, pipe tables, fenced code, block quotes, and a
few of the traps real files hold (``#`` lines inside code, setext headings, link
reference definitions). The same seed and size always give the same bytes, so runs
on different days and branches measure the same input.

Usage::

    python benchmarks/generate.py                 # the four sizes into benchmarks/out/
    python benchmarks/generate.py --sizes 1MB --seed 7 --out /tmp/docs
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

SIZES: dict[str, int] = {
    "100KB": 100 * 1024,
    "1MB": 1024 * 1024,
    "5MB": 5 * 1024 * 1024,
    "20MB": 20 * 1024 * 1024,
}
DEFAULT_SEED = 20261127

_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "their",
    "one",
    "all",
    "we",
    "can",
    "her",
    "has",
    "there",
    "been",
    "if",
    "more",
    "when",
    "will",
    "would",
    "who",
    "so",
    "no",
    "treaty",
    "defence",
    "agreement",
    "ministry",
    "security",
    "region",
    "cooperation",
    "parliament",
    "delegation",
    "border",
    "energy",
    "pipeline",
    "export",
    "sanction",
    "embassy",
    "negotiation",
    "analysis",
    "report",
    "budget",
    "policy",
    "minister",
    "council",
    "protocol",
    "framework",
    "strategy",
    "military",
    "economic",
    "diplomatic",
    "observers",
    "committee",
    "summit",
    "bilateral",
    "maritime",
    "infrastructure",
    "investment",
    "exercise",
    "training",
    "equipment",
    "procurement",
    "intelligence",
    "counterterrorism",
    "sovereignty",
    "stability",
    "partnership",
    "commitment",
    "implementation",
    "assessment",
    "mechanism",
    "parser",
    "renderer",
    "outline",
    "section",
    "heading",
    "terminal",
    "reader",
    "widget",
    "latency",
    "memory",
    "cache",
    "document",
    "paragraph",
    "table",
    "column",
    "release",
    "version",
    "feature",
    "regression",
    "patch",
    "fix",
    "configuration",
    "option",
    "default",
    "behaviour",
    "performance",
    "benchmark",
    "measure",
    "median",
]
_LANGUAGES = ("python", "bash", "json", "rust", "", "yaml", "text")
_HOSTS = ("example.org", "docs.example.com", "news.example.net", "archive.example.edu")


class _Writer:
    """Builds one document, keeping the random source and the reference labels."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.references: list[str] = []
        self.heading_count = 0

    def words(self, low: int, high: int) -> str:
        return " ".join(self.random.choice(_WORDS) for _ in range(self.random.randint(low, high)))

    def url(self) -> str:
        path = "/".join(self.random.choice(_WORDS) for _ in range(self.random.randint(1, 3)))
        return f"https://{self.random.choice(_HOSTS)}/{path}"

    def inline(self, low: int, high: int) -> str:
        """A run of words with the occasional emphasis, code span or link."""
        pieces: list[str] = []
        target = self.random.randint(low, high)
        while len(pieces) < target:
            roll = self.random.random()
            word = self.random.choice(_WORDS)
            if roll < 0.03:
                pieces.append(f"**{word} {self.random.choice(_WORDS)}**")
            elif roll < 0.06:
                pieces.append(f"*{word}*")
            elif roll < 0.09:
                pieces.append(f"`{word}_{self.random.randint(0, 99)}()`")
            elif roll < 0.11:
                pieces.append(f"[{word} {self.random.choice(_WORDS)}]({self.url()})")
            elif roll < 0.115 and self.references:
                pieces.append(f"[{word}][{self.random.choice(self.references)}]")
            else:
                pieces.append(word)
        return " ".join(pieces)

    def paragraph(self) -> Iterator[str]:
        """Two to five wrapped lines of prose."""
        for _ in range(self.random.randint(2, 5)):
            yield self.inline(8, 16)

    def heading(self, level: int) -> Iterator[str]:
        self.heading_count += 1
        title = self.words(2, 6).capitalize()
        roll = self.random.random()
        if roll < 0.1:
            title += f" `{self.random.choice(_WORDS)}()`"
        elif roll < 0.15:
            title = f"[{title}]({self.url()})"
        elif roll < 0.2:
            title += f" *{self.random.choice(_WORDS)}*"
        if level <= 2 and self.random.random() < 0.1:
            yield title
            yield ("=" if level == 1 else "-") * self.random.randint(3, len(title))
        else:
            yield f"{'#' * level} {title}"

    def bullet_list(self, depth: int = 0) -> Iterator[str]:
        ordered = self.random.random() < 0.3
        indent = "   " * depth if ordered else "  " * depth
        for number in range(1, self.random.randint(3, 6) + 1):
            marker = f"{number}." if ordered else "-"
            yield f"{indent}{marker} {self.inline(5, 14)}"
            if depth < 2 and self.random.random() < 0.25:
                yield from self.nested_list(indent + " " * (len(marker) + 1), depth + 1)

    def nested_list(self, indent: str, depth: int) -> Iterator[str]:
        for _ in range(self.random.randint(2, 4)):
            yield f"{indent}- {self.inline(4, 10)}"
            if depth < 2 and self.random.random() < 0.2:
                yield from self.nested_list(indent + "  ", depth + 1)

    def table(self) -> Iterator[str]:
        columns = self.random.randint(3, 5)
        yield "| " + " | ".join(self.words(1, 2).title() for _ in range(columns)) + " |"
        yield (
            "|"
            + "|".join(self.random.choice(("---", ":--", "--:", ":-:")) for _ in range(columns))
            + "|"
        )
        for _ in range(self.random.randint(3, 8)):
            cells = []
            for _ in range(columns):
                if self.random.random() < 0.2:
                    cells.append(f"`{self.random.choice(_WORDS)}`")
                else:
                    cells.append(self.words(1, 4))
            yield "| " + " | ".join(cells) + " |"

    def code(self) -> Iterator[str]:
        fence = self.random.choice(("```", "```", "~~~", "````"))
        yield fence + self.random.choice(_LANGUAGES)
        for _ in range(self.random.randint(3, 10)):
            roll = self.random.random()
            if roll < 0.15:
                yield f"# {self.words(2, 5)}"
            elif roll < 0.2:
                yield "---"
            else:
                yield "    " * self.random.randint(0, 2) + self.words(2, 7)
        yield fence

    def quote(self) -> Iterator[str]:
        for position in range(self.random.randint(2, 4)):
            # Now and then a lazy continuation line, as people write them.
            lazy = position and self.random.random() < 0.2
            yield self.inline(6, 12) if lazy else "> " + self.inline(6, 12)

    def definitions(self) -> Iterator[str]:
        for _ in range(self.random.randint(1, 3)):
            label = f"ref-{len(self.references) + 1}"
            self.references.append(label)
            yield f"[{label}]: {self.url()}"

    def body(self, budget: int) -> Iterator[str]:
        """About ``budget`` lines of blocks separated by blank lines."""
        produced = 0
        while produced < budget:
            roll = self.random.random()
            if roll < 0.5:
                block = list(self.paragraph())
            elif roll < 0.68:
                block = list(self.bullet_list())
            elif roll < 0.76:
                block = list(self.table())
            elif roll < 0.86:
                block = list(self.code())
            elif roll < 0.95:
                block = list(self.quote())
            elif roll < 0.98:
                block = list(self.definitions())
            else:
                block = ["* * *" if self.random.random() < 0.5 else "---"]
            yield from block
            yield ""
            produced += len(block) + 1


def generate(size: int, seed: int = DEFAULT_SEED) -> str:
    """An article of at least ``size`` bytes (UTF-8), cut at a section boundary."""
    writer = _Writer(seed)
    lines: list[str] = ["# " + writer.words(3, 6).title(), ""]
    lines.extend(writer.paragraph())
    lines.append("")
    total = sum(len(line) + 1 for line in lines)
    level = 1
    while total < size:
        # Mostly stay near the current level; go deeper or shallower now and then.
        level = max(1, min(4, level + writer.random.choice((-1, 0, 0, 1, 1))))
        block = [*writer.heading(level), ""]
        block.extend(writer.body(writer.random.randint(8, 16)))
        lines.extend(block)
        total += sum(len(line) + 1 for line in block)
    return "\n".join(lines) + "\n"


def output_path(label: str, seed: int = DEFAULT_SEED, out: Path = OUT) -> Path:
    """Where the document for a size label and seed is written."""
    return out / f"article-{label}-{seed}.md"


def ensure(label: str, seed: int = DEFAULT_SEED, out: Path = OUT) -> Path:
    """Write the document for ``label`` unless it already exists; return its path."""
    path = output_path(label, seed, out)
    if not path.exists():
        out.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(generate(SIZES[label], seed), encoding="utf-8")
        temporary.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="rewrite existing files")
    args = parser.parse_args(argv)
    for label in args.sizes:
        path = output_path(label, args.seed, args.out)
        if args.force and path.exists():
            path.unlink()
        path = ensure(label, args.seed, args.out)
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
