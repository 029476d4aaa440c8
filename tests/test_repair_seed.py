"""Scraped articles read like their faithful clean versions.

Each case is a scraped article and its clean Markdown: one written for these tests in
the seed's style (always), and the seed with the bundled sample (with ``../shared``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactreader.cli.main import main
from pactreader.parse.blocks import ListBlock, Paragraph, Table, section_blocks
from pactreader.parse.inline import plain_text
from pactreader.pipeline import load_document
from tests.conftest import scraped_pairs
from tests.repair_support import DEBRIS_REMNANTS, outline_of


def _outline_json(path: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["outline", path, "--json"]) == 0
    payload: dict[str, object] = json.loads(capsys.readouterr().out)
    return payload


def _shape(sections: object) -> list[tuple[object, ...]]:
    assert isinstance(sections, list)
    return [
        (s["number"], s["level"], s["title"], s["start_line"], s["end_line"], _shape(s["children"]))
        for s in sections
    ]


PAIRS = pytest.mark.parametrize(("scraped", "clean"), scraped_pairs())


@PAIRS
def test_outline_matches_the_clean_article(
    scraped: Path, clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = _outline_json(str(scraped), capsys)
    clean_outline = _outline_json(str(clean), capsys)
    assert seed["format"] == "text"
    assert seed["title"] == clean_outline["title"]
    assert _shape(seed["sections"]) == _shape(clean_outline["sections"])
    assert len(_shape(seed["sections"])[0][5]) == 3


@PAIRS
def test_the_last_section_has_the_list_the_paragraph_and_the_table(
    scraped: Path, clean: Path
) -> None:
    expected = load_document(clean)
    document = load_document(scraped)
    assert [s.number for s in document.sections] == [s.number for s in expected.sections]
    [lists_wanted] = [
        [len(b.items) for b in section_blocks(expected, s) if isinstance(b, ListBlock)]
        for s in expected.sections
        if s.number == "1.3"
    ]
    section = next(s for s in document.sections if s.number == "1.3")
    blocks = section_blocks(document, section)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    paragraphs = [plain_text(b.text) for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [len(found.items) for found in lists] == lists_wanted
    assert any(p.startswith("Furthermore, ") for p in paragraphs)
    [table] = tables
    assert len(table.header) == 2 and len(table.rows) == 3
    assert plain_text(table.rows[-1][-1]) == ""


@PAIRS
def test_export_has_no_debris_anywhere(
    scraped: Path, clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(scraped)
    for args in (["export", seed], ["export", seed, "1.3"], ["clean", seed]):
        assert main(args) == 0
        out = capsys.readouterr().out
        for remnant in DEBRIS_REMNANTS:
            assert remnant not in out, (args, remnant)
    assert main(["export", seed, "1.3"]) == 0
    out = capsys.readouterr().out
    assert main(["export", str(clean), "1.3"]) == 0
    assert out == capsys.readouterr().out


@PAIRS
def test_clean_output_is_the_faithful_article(
    scraped: Path, clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(scraped)]) == 0
    cleaned = capsys.readouterr().out
    assert cleaned == clean.read_text(encoding="utf-8")
    assert outline_of(cleaned) == outline_of(clean.read_text(encoding="utf-8"))
