"""Search on scraped text reports lines of the file the user has, not of the repair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactreader.cli.main import main
from pactreader.common.align import align_lines
from tests.conftest import SCRAPED


def test_lines_keep_their_places_when_repair_joins_and_splits() -> None:
    original = [
        "A Title Line",
        "First paragraph wrapped",
        "over two lines.",
        "< li >one li >< li >two li >",
    ]
    rewritten = [
        "# A Title Line",
        "",
        "First paragraph wrapped over two lines.",
        "",
        "- one",
        "- two",
    ]
    assert align_lines(original, rewritten) == (1, 1, 2, 2, 4, 4)


def test_text_moved_up_is_found_where_it_was() -> None:
    original = ["Headline here", "By Ann Writer", "Body text of the story."]
    rewritten = ["---", 'author: "Ann Writer"', "---", "# Headline here", "Body text of the story."]
    assert align_lines(original, rewritten) == (1, 2, 2, 1, 3)


@given(st.lists(st.text(alphabet="ab \n", max_size=12), max_size=12), st.data())
def test_every_line_gets_a_line_of_the_original(lines: list[str], data: st.DataObject) -> None:
    original = "\n".join(lines).split("\n")
    rewritten = data.draw(st.lists(st.sampled_from(original), max_size=12))
    placed = align_lines(original, rewritten)
    assert len(placed) == len(rewritten)
    assert all(1 <= line <= len(original) for line in placed)


def test_search_reports_the_scraped_file_line_and_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", str(SCRAPED), "seed library", "--json"]) == 0
    match, *_ = json.loads(capsys.readouterr().out)
    original = SCRAPED.read_text(encoding="utf-8").splitlines()
    line = original[match["line"] - 1]
    assert line[match["column"] - 1 :].casefold().startswith("seed library")
    assert main(["search", str(SCRAPED), "seed library"]) == 0
    assert f":{match['line']}: " in capsys.readouterr().out


def test_markdown_lines_are_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text("# A\n\nfirst\n\nneedle here\n", encoding="utf-8")
    assert main(["search", str(path), "needle", "--json"]) == 0
    [match] = json.loads(capsys.readouterr().out)
    assert (match["line"], match["column"]) == (5, 1)
