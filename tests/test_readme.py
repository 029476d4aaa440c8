"""Every command example in README.md prints exactly what the README shows.

An example is a fenced block whose lines start with ``$ pactreader``; the lines after a
command, up to the next ``$`` line, are its standard output. Each block runs in a fresh
folder that sees the project's ``articles/``, so examples that write files write there.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[list[tuple[str, str]]]:
    """Each README block of commands, as (command, expected output) pairs."""
    blocks = []
    for body in FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        if not body.startswith("$ pactreader"):
            continue
        steps: list[tuple[str, str]] = []
        for line in body.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].strip(), ""))
            else:
                command, output = steps[-1]
                steps[-1] = (command, output + line)
        blocks.append(steps)
    return blocks


def test_the_readme_shows_every_command() -> None:
    shown = {shlex.split(command)[1] for block in examples() for command, _ in block}
    assert {"outline", "export", "search", "clean"} <= shown


@pytest.mark.parametrize(
    "steps", examples(), ids=lambda steps: " ".join(shlex.split(steps[0][0])[:2])
)
def test_readme_example_prints_what_it_shows(steps: list[tuple[str, str]], tmp_path: Path) -> None:
    (tmp_path / "articles").symlink_to(ROOT / "articles")
    for command, expected in steps:
        argv = shlex.split(command)
        assert argv[0] == "pactreader"
        result = subprocess.run(
            [sys.executable, "-m", "pactreader", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, ""), command
        assert result.stdout == expected, command
