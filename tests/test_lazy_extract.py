"""Markdown and scraped text never load the extraction or download stack.

Loading lxml and trafilatura costs about half a second; a Markdown file must not pay
for it, so they are imported only for HTML input, and urllib3 only for URLs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.web_pages import ARTICLE

_HEAVY = ["pactreader.extract", "trafilatura", "lxml", "urllib3", "justext", "htmldate"]


def _loaded_after(command: list[str]) -> list[str]:
    code = (
        "import sys\n"
        "from pactreader.cli.main import main\n"
        f"assert main({command!r}) == 0\n"
        f"sys.stderr.write('LOADED:' + ','.join(m for m in {_HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    report = result.stderr.rpartition("LOADED:")[2].strip()
    return [name for name in report.split(",") if name]


def test_markdown_and_text_files_do_not_import_the_extraction_stack(tmp_path: Path) -> None:
    markdown = tmp_path / "notes.md"
    markdown.write_text("# Notes\n\nSome <b>inline</b> HTML.\n", encoding="utf-8")
    scraped = tmp_path / "scraped.txt"
    scraped.write_text("Title\n\n< li > item\n< / ul >\n", encoding="utf-8")
    for path in (markdown, scraped):
        for command in (["outline", str(path)], ["export", str(path)], ["clean", str(path)]):
            assert _loaded_after(command) == [], command


def test_html_files_load_the_extraction_stack_when_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    loaded = _loaded_after(["outline", str(page)])
    assert {"pactreader.extract", "trafilatura"} <= set(loaded)
