"""Every reference document's outline matches its reference outline.

The references are ``tests/documents/*.outline.json`` (written by hand for documents
written here) and, with ``../shared`` beside the checkout, the team's corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactreader.cli.main import main
from tests.conftest import DOCUMENTS, corpus_documents, needs_shared, shared_params

OWN = sorted(path for path in DOCUMENTS.glob("*.md") if Path(f"{path}.outline.json").exists())


def _flatten(sections: list[dict[str, object]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for section in sections:
        out.append(section)
        out.extend(_flatten(section["children"]))  # type: ignore[arg-type]
    return out


def test_own_reference_documents_are_present() -> None:
    assert [path.name for path in OWN] == ["constructs.md"]


@needs_shared
def test_corpus_is_present() -> None:
    assert len(corpus_documents()) == 6


@pytest.mark.parametrize("path", [*OWN, *shared_params(corpus_documents())])
def test_outline_json_matches_reference(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(path), "--json"]) == 0
    outline = json.loads(capsys.readouterr().out)
    headings = [s for s in _flatten(outline["sections"]) if s["number"] != "0"]
    reference = json.loads(Path(f"{path}.outline.json").read_text(encoding="utf-8"))
    assert [{"level": s["level"], "text": s["title"]} for s in headings] == reference
