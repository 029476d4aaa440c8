"""Turn scraped article text into well-formed Markdown.

The steps, each a pure function, in order:

1. :func:`~.characters.fix_characters`: mojibake, odd spaces;
2. text in the CleanEval tagged format (``<h>``/``<p>``/``<l>`` marks) is read block
   by block (:func:`~.tagged.tagged_blocks`); other text goes through 3-5:
3. :func:`~.wrapping.unwrap_lines`: hard-wrapped paragraphs (and headings wrapped
   over short lines) become one line again;
4. :func:`~.build.build_blocks`: lines and tag debris become typed blocks, with
   spacing mended;
5. :func:`~.tables.mend_tables`: runs of pipe rows become square GFM tables;
6. :func:`~.comments.fold_comments`: a comment thread becomes one final section;
7. :func:`~.head.read_head`: the title, and the metadata lines around it (bylines,
   datelines, the URL) taken out as front matter;
8. :func:`~.headings.infer_headings`: the section headings of bare text;
9. :func:`~.writer.write_markdown`: front matter and blocks become Markdown.

Every step is linear in the size of the text.
"""

from __future__ import annotations

from pactreader.repair.build import build_blocks
from pactreader.repair.characters import fix_characters
from pactreader.repair.comments import fold_comments
from pactreader.repair.head import read_head
from pactreader.repair.headings import infer_headings
from pactreader.repair.tables import mend_tables
from pactreader.repair.tagged import is_tagged, tagged_blocks
from pactreader.repair.wrapping import unwrap_lines
from pactreader.repair.writer import write_markdown


def repair_text(text: str) -> str:
    """Return well-formed Markdown for scraped or plain ``text``."""
    text = fix_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    tagged = is_tagged(lines)
    blocks = tagged_blocks(lines) if tagged else mend_tables(build_blocks(unwrap_lines(lines)))
    blocks = fold_comments(blocks, announcements=not tagged)
    head = read_head(blocks, tagged=tagged)
    return write_markdown(infer_headings(head.blocks), head.front_matter)
