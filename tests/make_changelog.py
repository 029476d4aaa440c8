"""A deep, changelog-like document: many releases, each with sections and subsections.

Real changelogs (pandoc's, axios's) have hundreds of sections numbered three and four
deep, titles that are versions and long sentences, and word counts in the thousands:
the outline's hardest case at 80 columns. ``python -m tests.make_changelog`` writes
``tests/documents/changelog.md``, which the snapshot tests read.
"""

from __future__ import annotations

from pathlib import Path

TARGET = Path(__file__).parent / "documents" / "changelog.md"

AREAS = [
    "Markdown reader: keep setext headings that follow a list inside a block quote",
    "LaTeX writer",
    "Command line",
    "HTML writer: escape attribute values that hold a literal ampersand",
]


def changelog(releases: int = 14) -> str:
    """The document's text: ``releases`` releases, newest first."""
    out = ["# Release notes for pandoc-like-tool", "", "All notable changes, newest first.", ""]
    for number in range(releases, 0, -1):
        version = f"3.{number // 5}.{number % 5}"
        out += [f"## pandoc-like-tool {version} (2024-{1 + number % 12:02d}-{1 + number:02d})", ""]
        out += [f"Release {version} brings fixes and one new option.", ""]
        for area_number, area in enumerate(AREAS[: 2 + number % 3]):
            out += [f"### {area}", ""]
            words = " ".join(["change"] * (20 + 37 * area_number * number))
            out += [f"- Fixed the {area.split(':')[0]} case: {words}.", ""]
            if area_number == 0 and number % 2:
                out += ["#### Regressions fixed since the previous release candidate", ""]
                out += ["- The option `--wrap=preserve` works again.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    TARGET.write_text(changelog(), encoding="utf-8")
