"""The outline scan ports markdown-it-py's block rules: the installed release must be one
it was verified against, or the fast path silently turns into the slow reference."""

from __future__ import annotations

import markdown_it

from pactreader.parse.scan import VERIFIED_VERSIONS, scan_headings


def test_the_installed_markdown_it_py_is_a_verified_release() -> None:
    assert markdown_it.__version__.startswith(VERIFIED_VERSIONS), (
        f"markdown-it-py {markdown_it.__version__} is not one the outline scan was verified "
        f"against ({', '.join(VERIFIED_VERSIONS)}); check parse/scan.py against it, run "
        "tests/test_outline_equivalence.py, then widen VERIFIED_VERSIONS and pyproject.toml"
    )


def test_the_fast_scan_is_in_use() -> None:
    # None would mean the parser is not the one the port mirrors: the slow path.
    assert scan_headings("# A\n\ntext\n", {}) is not None
