"""The extract layer: an HTML page becomes the article it carries, as Markdown.

Main-content extraction is trafilatura's job (a library made for it, measured against
the alternatives in ``benchmarks/extract_candidates.py``); this layer adds what a
reader needs on top: the article's own headline as its title, its author, date and
URL as front matter, and links made absolute. Imported only for HTML input, so
reading a Markdown file never loads lxml or trafilatura.
"""

from __future__ import annotations

from pactreader.extract.article import Article, extract_article

__all__ = ["Article", "extract_article"]
