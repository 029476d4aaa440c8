"""Screenshots of the reader at fixed sizes, compared with the accepted SVGs in __snapshots__.

Run ``pytest tests/test_snapshots.py --snapshot-update`` after a deliberate change to the
look of the app, check the new SVGs by eye, and commit them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import SAMPLE
from tests.reader_helpers import reader

FEATURES = Path(__file__).parent / "documents" / "features.md"

SnapCompare = Callable[..., bool]


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursors, nothing still moving: the screenshot is the same every run."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_sample_main_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader(SAMPLE), terminal_size=(120, 40), run_before=steady)


def test_sample_at_the_table(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader(SAMPLE), terminal_size=(120, 40), press=["G"], run_before=steady)


def test_sample_on_a_narrow_terminal(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader(SAMPLE), terminal_size=(70, 24), run_before=steady)


def test_lists_quotes_and_front_matter(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader(FEATURES), terminal_size=(120, 40), run_before=steady)


def test_code_and_a_wide_table(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        reader(FEATURES),
        terminal_size=(100, 40),
        press=["right_square_bracket", "right_square_bracket"],
        run_before=steady,
    )


def test_help_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        reader(SAMPLE), terminal_size=(120, 40), press=["question_mark"], run_before=steady
    )


DOCUMENTS = Path(__file__).parent / "documents"
SIZES = [(80, 24), (100, 30), (160, 50)]
LAYOUT_DOCUMENTS = {
    "sample": SAMPLE,
    "changelog": DOCUMENTS / "changelog.md",  # deep numbers, long titles (tests/make_changelog.py)
    "operators": DOCUMENTS / "operators.md",  # a 4-column table
    "cjk": DOCUMENTS / "cjk.md",  # Chinese without spaces, a mixed line, a CJK table
}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("name", list(LAYOUT_DOCUMENTS))
def test_layout_at_every_size(snap_compare: SnapCompare, name: str, size: tuple[int, int]) -> None:
    """Whole titles in the outline, whole words in tables, CJK wrapped by cells."""
    assert snap_compare(reader(LAYOUT_DOCUMENTS[name]), terminal_size=size, run_before=steady)
