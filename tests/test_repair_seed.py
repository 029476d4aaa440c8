"""Acceptance on the seed scraped article: it reads like its faithful clean version."""

from __future__ import annotations

import json

import pytest

from pactreader.cli.main import main
from pactreader.parse.blocks import ListBlock, Paragraph, Table, section_blocks
from pactreader.parse.inline import plain_text
from pactreader.pipeline import load_document
from tests.conftest import SAMPLE, SEED
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


def test_seed_outline_matches_the_clean_article(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _outline_json(str(SEED), capsys)
    clean = _outline_json(str(SAMPLE), capsys)
    assert seed["format"] == "text"
    assert seed["title"] == clean["title"]
    assert _shape(seed["sections"]) == _shape(clean["sections"])
    assert [len(_shape(seed["sections"])[0][5])] == [3]


def test_seed_section_1_3_has_the_list_the_paragraph_and_the_table() -> None:
    document = load_document(SEED)
    section = next(s for s in document.sections if s.number == "1.3")
    blocks = section_blocks(document, section)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    paragraphs = [plain_text(b.text) for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert any(
        p.startswith("Furthermore, establishing comprehensive frameworks") for p in paragraphs
    )
    [table] = tables
    assert len(table.header) == 2 and len(table.rows) == 3
    assert plain_text(table.rows[-1][-1]) == ""


def test_seed_export_has_no_debris_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["export", str(SEED)], ["export", str(SEED), "1.3"], ["clean", str(SEED)]):
        assert main(args) == 0
        out = capsys.readouterr().out
        for remnant in DEBRIS_REMNANTS:
            assert remnant not in out, (args, remnant)
    assert main(["export", str(SEED), "1.3"]) == 0
    out = capsys.readouterr().out
    assert "Furthermore, establishing comprehensive frameworks" in out
    assert out.count("knowledge-sharing experiences;") == 1


def test_clean_output_is_the_faithful_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED)]) == 0
    cleaned = capsys.readouterr().out
    assert cleaned == SAMPLE.read_text(encoding="utf-8")
    assert outline_of(cleaned) == outline_of(SAMPLE.read_text(encoding="utf-8"))
