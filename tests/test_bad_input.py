"""Bad input gets a one-line error and the right exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pactreader.cli.main import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pactreader", *args], capture_output=True, text=True, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("pactreader: error: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["outline"], ["export"]])
def test_missing_file(tmp_path: Path, command: list[str]) -> None:
    result = run_cli(*command, str(tmp_path / "nope.md"))
    assert_one_line_error(result, 1, "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("outline", str(tmp_path)), 1, "is a directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(run_cli("outline", str(path)), 1, "not a text document")


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone.md")
    assert_one_line_error(run_cli("outline", str(link)), 1, "broken symbolic link")


def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests may run as root, who can read anything: make the open itself fail.
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n", encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    assert main(["outline", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"pactreader: error: {path}: permission denied\n"


def test_unreadable_file_for_real(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; covered by the test above")
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n", encoding="utf-8")
    path.chmod(0)
    assert_one_line_error(run_cli("outline", str(path)), 1, "permission denied")


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    result = run_cli("outline", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    result = run_cli("outline", str(path), "--json")
    assert result.returncode == 0
    assert '"sections": []' in result.stdout and '"title": "empty"' in result.stdout
    result = run_cli("export", str(path))
    assert (result.returncode, result.stdout) == (0, "\n")


def test_invalid_utf8_is_read_with_replacement(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(
        "# Caf\u00e9 \u2014 menu\n\nna\u00efve \xff\xfe text\n".encode(
            "utf-8", "surrogateescape"
        ).replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe")
    )
    result = run_cli("outline", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1  Caf\u00e9 \u2014 menu")
    result = run_cli("export", str(path))
    assert "na\u00efve" in result.stdout and "text" in result.stdout


def test_unknown_command_word_is_a_file(tmp_path: Path) -> None:
    # "pactreader FILE" opens the reader; a missing FILE fails before any UI starts.
    assert_one_line_error(run_cli(str(tmp_path / "missing.md")), 1, "no such file")


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = run_cli("outline", str(tmp_path / "nope.md"), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr
