"""Hostile input at the core and CLI: no terminal injection, no clobbered files."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pactreader.cli.main import main
from pactreader.common.errors import OutputError
from pactreader.output import write_atomic

ESCAPES = (
    "\x1b[31mred\x1b[0m \x1b]52;c;aGVsbG8=\x07 "  # colour, OSC 52 clipboard write
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x9b2J \x7f"  # hidden link, C1 CSI, DEL
)
HOSTILE = f"# Title {ESCAPES}\n\nBody {ESCAPES} text\n\n## \u202eevil\u202c name\n"
CONTROL = set(chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_outline_shows_controls_as_placeholders(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert not CONTROL & set(out)
    assert "\u241b[31mred" in out  # ESC shown as the visible ␛
    assert "\u202e" not in out and "evil name" in out


def test_export_text_drops_controls(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert not CONTROL & set(out)
    assert "Body" in out and "red" in out


def test_json_escapes_controls(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(hostile), "--json"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL & set(out)
    assert json.loads(out)["sections"][0]["title"].startswith("Title \x1b[31mred")


def test_markdown_export_to_a_terminal_drops_controls(hostile: Path) -> None:
    # Through a pseudo-terminal, as a user would see it.
    import pty

    leader, follower = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "pactreader", "export", str(hostile), "--format", "markdown"],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    assert process.returncode == 0
    seen = b"".join(chunks).decode("utf-8")
    assert "Body" in seen
    assert "\x1b" not in seen and "\x07" not in seen


def test_export_never_writes_through_a_symlink(tmp_path: Path, hostile: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    assert main(["export", str(hostile), "-o", str(link)]) == 1
    assert target.read_text(encoding="utf-8") == "precious"
    assert main(["export", str(hostile), "-o", str(link), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink() and "Body" in link.read_text(encoding="utf-8")


def test_directory_as_output(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, b"x", overwrite=True)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_disk_full_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "out.txt"
    existing.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="no space left on device"):
        write_atomic(existing, b"new" * 1000, overwrite=True)
    assert existing.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == ["out.txt"]


def test_read_only_folder_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError, match="read-only file system"):
        write_atomic(tmp_path / "out.txt", b"data")
    assert _leftovers(tmp_path) == []


def test_read_only_folder_for_real(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; covered by the test above")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(OutputError, match="permission denied"):
        write_atomic(folder / "out.txt", b"data")
    assert _leftovers(folder) == []


def test_fifo_without_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", "outline", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_truncated_utf16(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "u16.md"
    path.write_bytes("# Caf\u00e9 \u00a3\n\ntext\n".encode("utf-16")[:-1])
    assert main(["outline", str(path)]) == 0
    assert capsys.readouterr().out.startswith("1  Caf\u00e9 \u00a3")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("quotes", ">" * 10_000 + " deep\n"),
        ("lists", "".join("  " * i + "- item\n" for i in range(2_000))),
        ("columns", "|" + "|".join(f"c{i}" for i in range(1_000)) + "|\n|" + "---|" * 1_000 + "\n"),
        ("headings", "".join(f"{'#' * (1 + i % 6)} H{i}\n" for i in range(20_000))),
        ("brackets", "[" * 50_000 + "x" + "]" * 50_000 + "\n"),
        ("emphasis", "*a " * 30_000 + "\n"),
    ],
)
def test_pathological_documents_complete(
    tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    assert main(["outline", str(path), "--json"]) == 0
    json.loads(capsys.readouterr().out)
    assert main(["export", str(path), "--width", "60"]) == 0
    assert capsys.readouterr().out.endswith("\n")
