"""``pactreader search``: output lines, JSON, exit codes, terminal safety."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pactreader.cli.main import main
from tests.conftest import CORPUS, SAMPLE, needs_shared
from tests.generated import api_directory, write

PUBLIC_APIS = CORPUS / "public-apis-README.md"
LINE = re.compile(r"^(?P<number>[\d.]+) (?P<title>.*):(?P<line>\d+): (?P<snippet>.*)$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def parsed(out: str) -> list[dict[str, str]]:
    lines = out.splitlines()
    matches = [LINE.match(line) for line in lines]
    assert all(matches), lines
    return [match.groupdict() for match in matches if match]


def source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_sample_prints_one_line_per_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SAMPLE), "algeria")
    assert code == 0
    assert err == ""
    rows = parsed(out)
    assert len(rows) == 10
    assert rows[0]["number"] == "1"
    assert rows[0]["title"].startswith("Groundbreaking Defense Pact")
    assert [row["number"] for row in rows[2:6]] == ["1.1"] * 4
    assert rows[2]["title"] == "A New Beginning in US-Algeria Defense Partnership"
    lines = source_lines(SAMPLE)
    for row in rows:
        assert "algeria" in row["snippet"].casefold()
        assert "algeria" in lines[int(row["line"]) - 1].casefold()


def test_snippets_are_visible_text_with_ellipses(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(SAMPLE), "intelligence sharing")
    rows = parsed(out)
    assert rows
    for row in rows:
        assert "intelligence sharing" in row["snippet"]
        assert "**" not in row["snippet"]
    assert any(row["snippet"].startswith("…") for row in rows)


def test_no_match_exits_1_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(SAMPLE), "zeugma") == (1, "", "")


def test_bad_regex_exits_2_with_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SAMPLE), "(unclosed", "--regex")
    assert code == 2
    assert out == ""
    assert err.startswith("pactreader: error: invalid regular expression")
    assert err.count("\n") == 1


def test_the_same_pattern_is_fine_as_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, str(SAMPLE), "(unclosed")
    assert code == 1


def test_missing_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "missing.md"), "x")
    assert code == 1
    assert err.startswith("pactreader: error:")


def test_regex_and_case_sensitive(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(SAMPLE), r"strateg\w+", "--regex", "--json")
    assert {match["text"] for match in json.loads(out)} == {
        "strategic",
        "Strategic",
        "strategies",
        "Strategies",
    }
    _, out, _ = run(capsys, str(SAMPLE), r"strateg\w+", "--regex", "--json", "--case-sensitive")
    assert {match["text"] for match in json.loads(out)} == {"strategic", "strategies"}


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "Cooperation", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "number": "1.3",
            "title": "Approaches to Strengthening Bilateral Military Cooperation",
            "line": 27,
            "column": 51,
            "text": "Cooperation",
        },
        {
            "number": "1.3",
            "title": "Approaches to Strengthening Bilateral Military Cooperation",
            "line": 39,
            "column": 17,
            "text": "Cooperation",
        },
    ]


def test_json_with_no_match_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "zeugma", "--json")
    assert (code, json.loads(out)) == (1, [])


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    """A generated directory README: tables of linked service names, Yes/No columns."""
    return write(tmp_path, "directory.md", api_directory())


def test_words_in_table_cells(directory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(directory), "calendar7", "--json")
    assert code == 0
    [line] = [n for n, text in enumerate(source_lines(directory), 1) if "[Calendar7]" in text]
    matches = json.loads(out)
    assert [(m["number"], m["title"], m["line"], m["text"]) for m in matches] == [
        ("1.2.3", "Calendar", line, "Calendar7")
    ]


def test_link_urls_are_not_matched(directory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "weather12" is both the link text and part of the URL of one table cell.
    _, out, _ = run(capsys, str(directory), "weather12", "--json")
    [line] = [n for n, text in enumerate(source_lines(directory), 1) if "[Weather12]" in text]
    assert [(m["line"], m["column"], m["text"]) for m in json.loads(out)] == [
        (line, 4, "Weather12")
    ]


def test_lines_and_columns_point_at_the_word(
    directory: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(directory), "facts", "--json")
    assert code == 0
    matches = json.loads(out)
    lines = source_lines(directory)
    assert len(matches) == sum(line.count("facts") for line in lines)
    for match in matches:
        line = lines[match["line"] - 1]
        assert line[match["column"] - 1 :].startswith("facts"), match


def test_text_lines_agree_with_json(directory: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(directory), "Yes")
    rows = parsed(out)
    _, out, _ = run(capsys, str(directory), "Yes", "--json")
    matches = json.loads(out)
    assert (
        len(rows) == len(matches) == sum(line.count("| Yes |") for line in source_lines(directory))
    )
    assert [(row["number"], int(row["line"])) for row in rows] == [
        (match["number"], match["line"]) for match in matches
    ]


@needs_shared
def test_words_in_table_cells_of_public_apis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(PUBLIC_APIS), "axolotl", "--json")
    assert code == 0
    matches = json.loads(out)
    assert [(m["number"], m["title"], m["line"], m["text"]) for m in matches] == [
        ("2.3.1", "Animals", 131, "Axolotl"),
        ("2.3.1", "Animals", 131, "axolotl"),
    ]


@needs_shared
def test_link_urls_in_public_apis_are_not_matched(capsys: pytest.CaptureFixture[str]) -> None:
    # "adoptapet" is both the link text and part of the URL of one table cell.
    _, out, _ = run(capsys, str(PUBLIC_APIS), "adoptapet", "--json")
    assert [(m["line"], m["column"], m["text"]) for m in json.loads(out)] == [(130, 4, "AdoptAPet")]


@needs_shared
def test_public_apis_lines_and_columns_point_at_the_word(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, str(PUBLIC_APIS), "weather", "--json")
    assert code == 0
    matches = json.loads(out)
    assert len(matches) > 40
    lines = source_lines(PUBLIC_APIS)
    for match in matches:
        line = lines[match["line"] - 1]
        assert line[match["column"] - 1 :].casefold().startswith("weather"), match


@needs_shared
def test_public_apis_text_lines_agree_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(PUBLIC_APIS), "Yes")
    rows = parsed(out)
    _, out, _ = run(capsys, str(PUBLIC_APIS), "Yes", "--json")
    matches = json.loads(out)
    assert len(rows) == len(matches) > 1000
    assert [(row["number"], int(row["line"])) for row in rows] == [
        (match["number"], match["line"]) for match in matches
    ]


def test_input_format_override(capsys: pytest.CaptureFixture[str]) -> None:
    for input_format in ("markdown", "text"):
        code, out, _ = run(capsys, str(SAMPLE), "algeria", "--format", input_format)
        assert code == 0
        assert len(parsed(out)) == 10
    with pytest.raises(SystemExit) as caught:
        main(["search", str(SAMPLE), "algeria", "--format", "pdf"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.startswith("pactreader: error:")


def test_terminal_output_highlights_and_drops_control_characters(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "evil.md"
    path.write_text("# T\x1b]0;x\x07\n\nclear \x1b[2J screen then needle here\n", encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, str(path), "needle")
    assert code == 0
    assert "\x1b[1;7mneedle\x1b[0m" in out
    without_highlight = out.replace("\x1b[1;7m", "").replace("\x1b[0m", "")
    assert "\x1b" not in without_highlight
    assert "\x07" not in without_highlight


def test_redirected_output_has_no_escape_codes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(SAMPLE), "algeria")
    assert "\x1b" not in out


def test_subprocess_exit_codes_and_stdin() -> None:
    command = [sys.executable, "-m", "pactreader", "search", "-", "needle"]
    found = subprocess.run(command, input=b"# A\n\nneedle\n", capture_output=True, check=False)
    assert found.returncode == 0
    assert found.stdout.decode() == "1 A:3: needle\n"
    missing = subprocess.run(command, input=b"# A\n\nhay\n", capture_output=True, check=False)
    assert (missing.returncode, missing.stdout) == (1, b"")
    bad = subprocess.run(
        [*command[:5], "(", "--regex"], input=b"x", capture_output=True, check=False
    )
    assert bad.returncode == 2


def test_help_lists_the_search_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "pactreader search FILE PATTERN" in capsys.readouterr().out
