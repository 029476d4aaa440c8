"""``pactreader clean`` and the ``--format`` override on every command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pactreader.cli.main import main
from tests.conftest import SAMPLE
from tests.conftest import SCRAPED as ARTICLE
from tests.conftest import SCRAPED_CLEAN as ARTICLE_CLEAN

SCRAPED = "Short Title Line\n< p > First paragraph , here . p >\n< li >one li >< li >two li >\n"
REPAIRED = "# Short Title Line\n\nFirst paragraph, here.\n\n- one\n- two\n"


@pytest.fixture
def scraped_md(tmp_path: Path) -> Path:
    """Scraped text in a file whose suffix says Markdown."""
    path = tmp_path / "scraped.md"
    path.write_text(SCRAPED, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_prints_the_repaired_markdown_as_utf8_bytes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pactreader", "clean", str(ARTICLE)],
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == ARTICLE_CLEAN.read_bytes()


def test_clean_passes_markdown_through_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "clean", str(SAMPLE))[:2] == (0, SAMPLE.read_text(encoding="utf-8"))


def test_format_text_forces_repair_and_markdown_forbids_it(
    tmp_path: Path, scraped_md: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "clean", str(scraped_md))[1] == SCRAPED
    assert run(capsys, "clean", str(scraped_md), "--format", "text")[1] == REPAIRED
    assert run(capsys, "clean", str(scraped_md), "--input-format", "text")[1] == REPAIRED
    txt = tmp_path / "scraped.txt"
    txt.write_text(SCRAPED, encoding="utf-8")
    assert run(capsys, "clean", str(txt))[1] == REPAIRED
    assert run(capsys, "clean", str(txt), "--format", "markdown")[1] == SCRAPED


def test_outline_and_export_honour_the_override(
    scraped_md: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "outline", str(scraped_md), "--json", "--format", "text")
    payload = json.loads(out)
    assert (code, payload["format"], payload["title"]) == (0, "text", "Short Title Line")
    code, out, _ = run(capsys, "outline", str(ARTICLE), "--json", "--format", "markdown")
    assert json.loads(out)["format"] == "markdown"
    assert [s["number"] for s in json.loads(out)["sections"]] == ["0"]
    code, out, _ = run(capsys, "export", str(scraped_md), "--input-format", "text")
    assert code == 0 and "li >" not in out and "- one" in out


def test_debris_on_stdin_is_sniffed_as_scraped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SCRAPED.encode())))
    assert run(capsys, "clean", "-")[:2] == (0, REPAIRED)


def test_clean_writes_a_file_and_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    assert run(capsys, "clean", str(ARTICLE), "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == ARTICLE_CLEAN.read_text(encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    code, out, err = run(capsys, "clean", str(ARTICLE), "-o", str(target))
    assert code == 1 and out == ""
    assert err.startswith("pactreader: error: ") and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run(capsys, "clean", str(ARTICLE), "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == ARTICLE_CLEAN.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_clean_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "clean", str(tmp_path / "missing.txt"))
    assert (code, out) == (1, "")
    assert err == f"pactreader: error: {tmp_path / 'missing.txt'}: no such file\n"
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", str(ARTICLE), "--format", "pdf"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("pactreader: error: ")


def test_help_lists_clean(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "pactreader clean FILE [-o PATH] [--force]" in capsys.readouterr().out
