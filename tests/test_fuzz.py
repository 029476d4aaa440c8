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

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from pactreader.pipeline import document_from_source
from pactreader.render.export import export_section
from pactreader.render.outline import outline_lines
from pactreader.render.rich_blocks import section_parts
from pactreader.source import decode_bytes, source_from_text
from pactreader.tui.app import ReaderApp
from tests.strategies import HOSTILE_DOCUMENTS, HOSTILE_PIECES
from tests.test_parse_properties import assert_lossless
from tests.test_security_paths import run_main

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


# ------------------------------------------------------------ error paths (issue 14)

HOSTILE_NAMES = (
    st.one_of(
        HOSTILE_PIECES,
        st.text(
            st.one_of(
                st.characters(codec="utf-8", exclude_characters="\x00"),
                st.sampled_from("\x1b\x07\x9b\u202e\u2066[]/@=.-"),
            ),
            min_size=1,
            max_size=30,
        ),
        st.builds("".join, st.lists(HOSTILE_PIECES, min_size=1, max_size=3)),
    )
    .map(lambda name: name.replace("\x00", ""))
    .filter(bool)
)
MISSING = "/nonexistent-pactreader-folder"
"""A folder that does not exist: every path under it fails, whatever ``..`` it holds."""


def _error_argv(shape: str, name: str, document: str) -> list[str]:
    """``pactreader`` arguments of ``shape`` quoting the hostile ``name``."""
    return {
        "reader": [f"{MISSING}/{name}"],
        "outline-missing": ["outline", f"{MISSING}/{name}"],
        "extra-argument": ["outline", document, name],
        "unknown-option": ["outline", document, f"--{name}"],
        "section": ["export", document, name],
        "output": ["export", document, "-o", f"{MISSING}/{name}"],
        "regex": ["search", document, name, "--regex"],
        "depth": ["outline", document, "--depth", name],
        "width": ["export", document, "--width", name],
        "size": ["outline", document, "--max-size", name],
        "format": ["export", document, "--format", name],
    }[shape]


ERROR_SHAPES = st.sampled_from(
    [
        "reader",
        "outline-missing",
        "extra-argument",
        "unknown-option",
        "section",
        "output",
        "regex",
        "depth",
        "width",
        "size",
        "format",
    ]
)


@pytest.fixture(scope="module")
def hostile_titles(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A document whose titles hold control sequences, markup and bidi overrides."""
    path = tmp_path_factory.mktemp("fuzz") / "titles.md"
    path.write_text(
        "# Title \x1b]0;pwned\x07 [b]x[/b]\n\ntext\n\n## Other \u202eevil \x9b2J\n\nmore\n",
        encoding="utf-8",
    )
    return str(path)


@given(shape=ERROR_SHAPES, name=HOSTILE_NAMES)
def test_error_paths_never_print_a_control_byte(hostile_titles: str, shape: str, name: str) -> None:
    code, out, err = run_main(*_error_argv(shape, name, hostile_titles))
    assert not CONTROLS.search((out + err).decode("utf-8", errors="replace")), (out, err)
    assert "\u202e" not in err.decode("utf-8", errors="replace")
    assert code in (0, 1, 2)  # search exits 1, silently, when nothing matches
    if err:
        assert err.startswith(b"pactreader: error: ") and err.count(b"\n") == 1, err
