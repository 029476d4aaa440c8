"""The outline and export commands on the sample article, through the entry function."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pactreader.cli.main import main
from tests.conftest import ROOT, SAMPLE

TITLES = [
    "Groundbreaking Defense Pact Between the US and Algeria: A New Era of Military Partnership",
    "A New Beginning in US-Algeria Defense Partnership",
    "Strategic Significance of Enhanced US-Algeria Defense Alliance",
    "Approaches to Strengthening Bilateral Military Cooperation",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_outline_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["outline", str(SAMPLE)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"1  {TITLES[0]}")
    for number, (line, title) in enumerate(zip(lines[1:], TITLES[1:], strict=True), start=1):
        assert line.startswith(f"  1.{number}  {title}  (")
        assert line.endswith("words)")


def test_outline_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["outline", str(SAMPLE), "--json"], capsys)
    assert code == 0
    outline = json.loads(out)
    assert outline["title"] == TITLES[0]
    assert outline["format"] == "markdown"
    assert outline["front_matter"] is None
    assert outline["source"] == str(SAMPLE)
    (root,) = outline["sections"]
    assert root["number"] == "1" and root["level"] == 1 and root["start_line"] == 1
    assert [child["title"] for child in root["children"]] == TITLES[1:]
    assert [child["number"] for child in root["children"]] == ["1.1", "1.2", "1.3"]
    assert set(root) == {
        "number",
        "level",
        "title",
        "slug",
        "start_line",
        "end_line",
        "words",
        "children",
    }
    # words count the section with its subsections: the root adds its own intro.
    assert root["words"] > sum(child["words"] for child in root["children"]) > 0
    last = root["children"][-1]
    assert last["end_line"] == len(SAMPLE.read_text(encoding="utf-8").splitlines())


def test_outline_depth(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["outline", str(SAMPLE), "--depth", "1"], capsys)
    assert code == 0
    assert len(out.splitlines()) == 1
    code, out, _ = run(["outline", str(SAMPLE), "--json", "--depth", "1"], capsys)
    assert json.loads(out)["sections"][0]["children"] == []


def test_export_section_has_list_and_table_grid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", str(SAMPLE), "1.3"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"1.3 {TITLES[3]}"
    assert lines[1] == "=" * len(lines[0])
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == 3
    grid = [line for line in lines if line.startswith("│")]
    assert len(grid) == 4  # header + 3 rows
    assert [cell.strip() for cell in grid[0].strip("│").split("│")] == [
        "Focus Areas",
        "Implementation Strategies",
    ]
    assert [cell.strip() for cell in grid[-1].strip("│").split("│")] == [
        "Cybersecurity Cooperation",
        "",
    ]
    assert len({len(line) for line in grid}) == 1  # aligned
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize(
    "address",
    [
        "1.3",
        "approaches-to-strengthening-bilateral-military-cooperation",
        "approaches to strengthening bilateral military cooperation",
        "Bilateral",
    ],
)
def test_section_addressing(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", str(SAMPLE), address, "--format", "markdown"], capsys)
    assert code == 0
    assert out.startswith(f"## {TITLES[3]}\n")
    assert out == "".join(SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[26:])


def test_ambiguous_section_lists_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", str(SAMPLE), "Defense"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("pactreader: error: 'Defense' matches")
    assert "1.1  A New Beginning" in err and "1.2  Strategic" in err


def test_unknown_section(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["export", str(SAMPLE), "9.9"], capsys)
    assert code == 2
    assert err.startswith("pactreader: error: no section matches '9.9'")
    assert "1.3  Approaches" in err


def test_export_json_has_subtree_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", str(SAMPLE), "1", "--format", "json"], capsys)
    assert code == 0
    payload = json.loads(out)
    assert payload["number"] == "1" and len(payload["children"]) == 3
    _, text, _ = run(["export", str(SAMPLE), "1"], capsys)
    assert payload["text"] == text


def test_export_width_and_ascii(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", str(SAMPLE), "1.3", "--width", "50", "--ascii"], capsys)
    assert code == 0
    assert all(len(line) <= 50 for line in out.splitlines())
    assert "┌" not in out and "+---" in out
    code, out, _ = run(["export", str(SAMPLE), "1.3", "--width", "0"], capsys)
    assert any(len(line) > 200 for line in out.splitlines())


def test_export_to_file_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.txt"
    assert run(["export", str(SAMPLE), "1.3", "-o", str(target)], capsys)[0] == 0
    written = target.read_text(encoding="utf-8")
    assert written.startswith("1.3 Approaches")
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(["export", str(SAMPLE), "1.3", "-o", str(target)], capsys)
    assert code == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run(["export", str(SAMPLE), "1.3", "-o", str(target), "--force"], capsys)[0] == 0
    assert target.read_text(encoding="utf-8") == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_stdin_document() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", "outline", "-"],
        input=b"# One\n\ntext\n\n## Two\n",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.decode().splitlines() == ["1  One  (3 words)", "  1.1  Two  (1 word)"]


def test_version_and_help() -> None:
    for flag in ("--version", "--help"):
        result = subprocess.run(
            [sys.executable, "-m", "pactreader", flag], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0
        assert "pactreader" in result.stdout


def test_bad_option_is_one_line_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", "outline", str(SAMPLE), "--depth", "zero"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("pactreader: error:")
