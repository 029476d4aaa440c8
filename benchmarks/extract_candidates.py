"""Stand-ins for ``pactreader outline|export FILE`` built on other extractors.

``score_outline.py --cmd`` runs ``CMD outline FILE --json`` and ``CMD export FILE
--format text``; this script answers both for one candidate extractor, so the
candidates are scored by the same scorer in the same run as pactreader itself::

    python3 score_outline.py --html --cmd ".venv/bin/python benchmarks/extract_candidates.py \
        trafilatura" scraped

The candidate's Markdown goes through pactreader's own parser and renderers, with the
candidate's title as front matter, so only the extraction differs. Candidates:

* ``trafilatura``: trafilatura alone (its Markdown, its metadata title): the baseline
  issue 19 names.
* ``trafilatura-recall`` / ``trafilatura-precision``: the same with ``favor_recall`` /
  ``favor_precision``.
* ``readability``: readability-lxml's main-content HTML, converted to Markdown by
  markdownify, its ``short_title()`` as title.

Needs the candidates installed (``pip install trafilatura readability-lxml
markdownify``); they are measurement tools here, not pactreader dependencies.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pactreader.parse import parse_markdown
from pactreader.render.export import export_section
from pactreader.render.outline import outline_json
from pactreader.render.text import TextStyle


def _trafilatura(data: bytes, **options: Any) -> tuple[str, str]:
    import trafilatura
    from trafilatura.xml import xmltotxt

    result = trafilatura.bare_extraction(
        data,
        output_format="markdown",
        with_metadata=True,
        include_links=True,
        include_formatting=True,
        include_comments=False,
        **options,
    )
    if result is None:
        return "", ""
    return result.title or "", xmltotxt(result.body, True)


def _readability(data: bytes) -> tuple[str, str]:
    from markdownify import markdownify
    from readability import Document

    page = Document(data)
    return page.short_title(), markdownify(page.summary(html_partial=True), heading_style="ATX")


def extract(candidate: str, data: bytes) -> tuple[str, str]:
    """``(title, markdown)`` of the page by ``candidate``."""
    if candidate == "trafilatura":
        return _trafilatura(data)
    if candidate == "trafilatura-recall":
        return _trafilatura(data, favor_recall=True)
    if candidate == "trafilatura-precision":
        return _trafilatura(data, favor_precision=True)
    if candidate == "readability":
        return _readability(data)
    raise SystemExit(f"unknown candidate {candidate!r}")


def main(argv: list[str]) -> int:
    candidate, command, path, *_ = argv
    title, body = extract(candidate, Path(path).read_bytes())
    front = f"---\ntitle: {json.dumps(title)}\n---\n" if title else ""
    document = parse_markdown(front + body, source=path, stem=Path(path).stem, format="markdown")
    if command == "outline":
        sys.stdout.write(json.dumps(outline_json(document)) + "\n")
    else:
        sys.stdout.write(export_section(document, None, "text", TextStyle(80, False)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
