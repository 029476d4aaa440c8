"""The fuzz suite: hostile documents through every layer, and through the app.

Invariants: no exception; lossless section spans; the same output twice; no control
character in anything rendered for a terminal. CI runs the "ci" hypothesis profile (at
least 1,000 examples a property); ``HYPOTHESIS_PROFILE=long`` (nightly) runs 20,000.
Driving the app is a thousand times dearer than the core, so its property runs a
twentieth of the profile's examples: 5 locally, 50 in CI, 1,000 in the long profile.
"""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from pactreader.pipeline import document_from_source
from pactreader.render.export import export_section
from pactreader.render.outline import outline_lines
from pactreader.render.rich_blocks import section_parts
from pactreader.source import decode_bytes, source_from_text
from pactreader.tui.app import ReaderApp
from tests.strategies import HOSTILE_DOCUMENTS
from tests.test_parse_properties import assert_lossless

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMATS = st.sampled_from(["markdown", "text"])


def _terminal_text(renderables: object, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(renderables)
    return console.file.getvalue()  # type: ignore[attr-defined]


@given(HOSTILE_DOCUMENTS, FORMATS)
def test_every_layer_survives_hostile_text(text: str, format: str) -> None:
    source = source_from_text(text, "hostile.md", format=format)  # type: ignore[arg-type]
    document = document_from_source(source)
    assert_lossless(document)
    again = document_from_source(source)
    assert [s.title for s in again.sections] == [s.title for s in document.sections]
    assert not CONTROLS.search("\n".join(outline_lines(document)))
    for section in document.sections[:8]:
        for kind in ("text", "json"):
            exported = export_section(document, section, kind)  # type: ignore[arg-type]
            assert exported == export_section(document, section, kind)  # type: ignore[arg-type]
            assert not CONTROLS.search(exported)
        for part in section_parts(document, section):
            assert not CONTROLS.search(_terminal_text(part.renderable))


@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_without_raising(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert isinstance(text, str) and encoding


# Driving the app costs about 0.2-0.4 s an example: the CI profile's 1,000 took 8 minutes.
@settings(max_examples=max(5, settings().max_examples // 20))
@given(
    HOSTILE_DOCUMENTS, st.lists(st.sampled_from(["]", "[", "G", "g", "o", "tab", "j"]), max_size=5)
)
async def test_the_app_survives_hostile_documents(text: str, keys: list[str]) -> None:
    document = document_from_source(source_from_text(text, "hostile.md"))
    app = ReaderApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        for y in range(app.reading.size.height):
            assert not CONTROLS.search(app.reading.render_line(y).text)
        await pilot.press("q")
