"""Documents the tests generate: the shapes of the team's corpus, written here.

The corpus in ``../shared`` holds real files (a huge changelog, a directory README of
tables) that a user's clone does not have. These generators write documents of the
same shapes, deterministically, so every behaviour checked on the corpus is also
checked without it.
"""

from __future__ import annotations

from pathlib import Path

CATEGORIES = ["Animals", "Books", "Calendar", "Weather", "Open Data"]


def changelog(releases: int = 1500) -> str:
    """A long release history: an H1, one H2 per release, H3 groups, nested lists."""
    lines = ["# Release notes", ""]
    for number in range(releases, 0, -1):
        version = f"{number // 100}.{number % 100}"
        lines += [f"## toolkit {version} (2024-{1 + number % 12:02}-{1 + number % 28:02})", ""]
        lines += [f"Release {version} brings the changes below.", "Thanks to everyone who"]
        lines += ["reported a problem or sent a patch for it.", ""]
        lines += ["### Changes", ""]
        lines += [f"- Fix the parser on input number {number} (#{1000 + number}).", ""]
        lines += ["  - Keep blank lines in code blocks.", "  - Accept `--width 0`.", ""]
        lines += [f"- Item {item} of release {version}: faster and smaller." for item in range(8)]
        lines += [""]
        if number % 3 == 0:
            lines += ["### Writers", "", f"- The text writer wraps at {number % 80 + 20}."]
            lines += [f"- Writer fix {item} for tables and lists." for item in range(5)] + [""]
    lines += ["## Older releases", "", "See the archive for releases before 0.1.", ""]
    return "\n".join(lines)


def api_directory(rows: int = 60) -> str:
    """A directory README: a contents list of anchors, then a table of links per category."""
    lines = ["# Public services", "", "## Index", ""]
    lines += [f"- [{name}](#{name.lower().replace(' ', '-')})" for name in CATEGORIES]
    lines += ["", "## Services", ""]
    for name in CATEGORIES:
        lines += [f"### {name}", ""]
        lines += ["| API | Description | Auth | HTTPS | CORS |", "|---|---|---|---|---|"]
        for row in range(rows):
            label = f"{name.split()[0]}{row}"
            https = "Yes" if row % 4 else "No"
            lines.append(
                f"| [{label}](https://{label.lower()}.example.org/api) "
                f"| {name} facts number {row} | `apiKey` | {https} | Unknown |"
            )
        lines += ["", "**[Back to index](#index)**", ""]
    return "\n".join(lines)


def write(folder: Path, name: str, text: str) -> Path:
    """``text`` written to ``folder/name`` as UTF-8; the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
