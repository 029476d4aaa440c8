"""Spacing around punctuation, odd spaces, and mojibake."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pactreader.repair import repair_text
from tests.repair_support import structure


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("Furthermore , establishing it .", "Furthermore, establishing it."),
        ("Why ? Because ! Also ; this : that", "Why? Because! Also; this: that"),
        ("Wait . . . what", "Wait... what"),
        ("Quoted “word” , then", "Quoted “word”, then"),
        ("Too    many     spaces\there", "Too many spaces here"),
        ("Non\u00a0breaking\u202fspaces", "Non breaking spaces"),
    ],
)
def test_spacing_is_mended(text: str, mended: str) -> None:
    assert structure(text) == [("paragraph", mended)]


@pytest.mark.parametrize(
    "text",
    [
        "Built with .NET and served on :3000 today",
        "Code `a , b` stays as written",
        "A ratio of 3 :1 stays",
    ],
)
def test_punctuation_that_starts_a_token_keeps_its_space(text: str) -> None:
    assert repair_text(text).strip().replace("`", "") == text.replace("`", "")


def test_spacing_inside_code_spans_is_untouched() -> None:
    assert "`x  ,  y`" in repair_text("Call `x  ,  y` now .")


def test_mojibake_is_repaired() -> None:
    assert structure("The nationsâ€™ â€œunprecedentedâ€\x9d pact, cafÃ© crÃ¨me") == [
        ("paragraph", "The nations’ “unprecedented” pact, café crème")  # noqa: RUF001
    ]


def test_correct_text_is_left_as_it_is() -> None:
    text = "Curly “quotes” and the nations’ café stay — as does Ångström."  # noqa: RUF001
    assert structure(text) == [("paragraph", text)]


def test_clean_text_never_imports_ftfy() -> None:
    code = (
        "import sys\n"
        "from pactreader.repair import repair_text\n"
        "repair_text('Plain “text” with café and < li >debris li >\\n' * 50)\n"
        "print('ftfy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
