"""Issue 14: hostile input on every path around the reading pane (CLI and core).

Error messages, echoed arguments and file names never carry a control sequence;
JSON is valid; front matter, input size and regular-expression time are bounded;
outputs never replace a special file and report every OS failure on one line.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pactreader.cli import search as search_command
from pactreader.cli.main import main
from pactreader.common.errors import OutputError, SourceError
from pactreader.common.safety import safe_line
from pactreader.output import NAME_MAX, write_atomic
from pactreader.parse import parse_markdown
from pactreader.parse.front_matter import MAX_BYTES, split_front_matter
from pactreader.search import PatternTooSlow, compile_query, search_from
from pactreader.source import decode_bytes, read_source

OSC_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
CONTROL_BYTES = [bytes([code]) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]]


def _has_control(data: bytes) -> bool:
    """A C0 control other than tab and newline, DEL, or a C1 control (as UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    return any(
        (ord(char) < 0x20 and char not in "\t\n") or 0x7F <= ord(char) <= 0x9F for char in text
    )


@contextmanager
def captured() -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """Standard output and error as bytes, for :func:`main` run in this process."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr
    wrappers = [
        io.TextIOWrapper(buffer, encoding="utf-8", write_through=True) for buffer in (out, err)
    ]
    sys.stdout, sys.stderr = wrappers
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # Leave the buffers open to be read.


def run_main(*argv: str) -> tuple[int, bytes, bytes]:
    """Exit code, stdout and stderr of ``pactreader ARGV`` run in this process."""
    with captured() as (out, err):
        try:
            code = main(list(argv))
        except SystemExit as exit:  # argparse's usage errors and --help
            code = int(exit.code or 0)
    return code, out.getvalue(), err.getvalue()


def _write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------ one safe line


def test_safe_line_shows_controls_and_drops_bidi() -> None:
    assert safe_line(f"a{OSC_TITLE}b\u202ec\u009bd\ne\tf") == "a\u241b]0;pwned\u2407bc\ufffdd e f"


@pytest.mark.parametrize(
    "argv",
    [
        [f"missing{OSC_TITLE}{CLEAR}.md"],
        ["outline", f"missing{OSC_TITLE}.md"],
        ["outline", "DOC", f"extra{OSC_TITLE}{CLEAR}"],
        ["outline", "DOC", f"--bogus{OSC_TITLE}"],
        ["export", "DOC", f"nothing{OSC_TITLE}"],
        ["export", "DOC", "-o", f"no-folder{OSC_TITLE}/out.txt"],
        ["search", "DOC", f"(unclosed{OSC_TITLE}", "--regex"],
        ["outline", "DOC", "--depth", f"x{CLEAR}"],
    ],
)
def test_errors_never_echo_a_control_sequence(tmp_path: Path, argv: list[str]) -> None:
    document = _write(tmp_path, f"# Title {OSC_TITLE}\n\ntext\n\n# Other \u202eevil\n")
    argv = [str(document) if part == "DOC" else part for part in argv]
    code, out, err = run_main(*argv)
    assert code in (1, 2)
    assert err.startswith(b"pactreader: error: ")
    assert err.count(b"\n") == 1
    assert not _has_control(out + err), err
    assert b"\xe2\x80\xae" not in err  # U+202E


def test_section_listing_shows_titles_inert(tmp_path: Path) -> None:
    document = _write(tmp_path, f"# Title {OSC_TITLE}\n\ntext\n")
    code, _out, err = run_main("export", str(document), "nope")
    assert code == 2
    assert "Title \u241b]0;pwned\u2407".encode() in err


# ------------------------------------------------------------ JSON


def _strict_json(data: bytes) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(data, parse_constant=refuse)


def test_json_has_no_nan_or_infinity(tmp_path: Path) -> None:
    document = _write(tmp_path, "---\nn: .nan\ni: .inf\nm: -.inf\nok: 1.5\n---\n# T\n")
    for argv in (
        ["outline", str(document), "--json"],
        ["export", str(document), "--format", "json"],
    ):
        code, out, _err = run_main(*argv)
        assert code == 0
        payload = _strict_json(out)
        if argv[0] == "outline":
            assert isinstance(payload, dict)
            assert payload["front_matter"] == {"n": None, "i": None, "m": None, "ok": 1.5}


def test_json_titles_lose_bidi_overrides(tmp_path: Path) -> None:
    document = _write(tmp_path, "# Pay \u202egnp.exe\n\ntext pay\n")
    _code, out, _err = run_main("outline", str(document), "--json")
    payload = _strict_json(out)
    assert isinstance(payload, dict)
    assert payload["title"] == "Pay gnp.exe"
    assert payload["sections"][0]["title"] == "Pay gnp.exe"
    _code, out, _err = run_main("search", str(document), "pay", "--json")
    matches = _strict_json(out)
    assert isinstance(matches, list)
    assert {match["title"] for match in matches} == {"Pay gnp.exe"}


def test_toml_dates_become_iso_strings(tmp_path: Path) -> None:
    document = _write(
        tmp_path,
        '+++\ntitle = "Hugo"\ndate = 2024-01-02T03:04:05Z\nday = 2024-01-02\nat = 07:08:09\n'
        "+++\n# Body\n",
    )
    for argv in (
        ["outline", str(document), "--json"],
        ["export", str(document), "--format", "json"],
    ):
        code, out, err = run_main(*argv)
        assert (code, err) == (0, b"")
        _strict_json(out)
    _code, out, _err = run_main("outline", str(document), "--json")
    payload = _strict_json(out)
    assert isinstance(payload, dict)
    assert payload["front_matter"] == {
        "title": "Hugo",
        "date": "2024-01-02T03:04:05+00:00",
        "day": "2024-01-02",
        "at": "07:08:09",
    }


# ------------------------------------------------------------ front matter

ALIAS_BOMB = "\n".join(
    [
        '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
            for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "---",
        "# Title",
        "",
        "text",
    ]
)


def test_the_alias_bomb_is_front_matter_not_read() -> None:
    # Expanded, this is 9^9 (387 million) strings; the budget stops at 10,000.
    document = parse_markdown(ALIAS_BOMB)
    assert document.front_matter == {}
    assert document.front_matter_lines == 11
    assert document.front_matter_note is not None
    assert "aliases" in document.front_matter_note
    assert [section.title for section in document.sections] == ["Title"]


def test_a_self_referencing_alias_is_not_a_traceback(tmp_path: Path) -> None:
    document = parse_markdown("---\na: &a [*a]\n---\n# T\n")
    assert document.front_matter == {}
    assert document.front_matter_note is not None
    code, _out, err = run_main("outline", str(_write(tmp_path, "---\na: &a [*a]\n---\n# T\n")))
    assert (code, err) == (0, b"")


def test_front_matter_over_the_byte_limit_is_not_parsed() -> None:
    flow = "[" + ", ".join(["1"] * (MAX_BYTES // 2)) + "]"
    front = split_front_matter(["---", f"a: {flow}", "---", "# T"])
    assert front is not None
    assert (front.line_count, front.data) == (3, {})
    assert front.note is not None and "KB limit" in front.note


def test_deep_nesting_is_over_the_limit() -> None:
    deep = "[" * 500 + "]" * 500
    for lines in (["---", f"a: {deep}", "---"], ["+++", f"a = {deep}", "+++"]):
        front = split_front_matter(lines)
        assert front is not None
        assert front.data == {}


def test_small_aliases_still_work() -> None:
    front = split_front_matter(["---", "base: &b {x: 1}", "copy: *b", "---"])
    assert front is not None
    assert front.data == {"base": {"x": 1}, "copy": {"x": 1}}
    assert front.note is None


# ------------------------------------------------------------ outputs


def test_force_never_replaces_a_fifo_or_socket(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    try:
        for target in (fifo, sock):
            with pytest.raises(OutputError, match="not a regular file"):
                write_atomic(target, b"x", overwrite=True)
            assert not stat.S_ISREG(os.lstat(target).st_mode)
    finally:
        server.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_force_never_replaces_a_device(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    code, _out, err = run_main(
        "export", str(_write(tmp_path, "# T\n")), "-o", str(device), "--force"
    )
    assert code == 1
    assert b"not a regular file" in err and err.count(b"\n") == 1
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_name_of_name_max_bytes_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("n" * (NAME_MAX - 1))
    write_atomic(target, b"ok")
    assert target.read_bytes() == b"ok"
    assert sorted(os.listdir(tmp_path)) == [target.name]


def test_a_name_too_long_is_one_line(tmp_path: Path) -> None:
    document = _write(tmp_path, "# T\n")
    code, _out, err = run_main("export", str(document), "-o", str(tmp_path / ("n" * 300)))
    assert code == 1
    assert err.endswith(b": cannot write: file name too long\n")


def test_a_full_device_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "pactreader", "export", "-"],
            input=b"# T\n\ntext\n",
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == (
        b"pactreader: error: cannot write standard output: no space left on device\n"
    )


def test_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    document = _write(tmp_path, "".join(f"# Heading {n}\n\ntext\n\n" for n in range(20_000)))
    process = subprocess.Popen(
        [sys.executable, "-m", "pactreader", "outline", str(document)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"1  Heading 0  (3 words)\n"
    process.stdout.close()  # as ``| head -1`` does once it has its line
    errors = process.stderr.read()
    assert (process.wait(timeout=60), errors) == (0, b"")


# ------------------------------------------------------------ input size


class Endless(io.RawIOBase):
    """A stream that never ends (``/dev/zero``, a growing file), of ``fill``."""

    def __init__(self, fill: bytes) -> None:
        self.fill = fill
        self.read_total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = (self.fill * (size // len(self.fill) + 1))[:size]
        self.read_total += size
        return size


def test_an_endless_text_stream_stops_at_the_limit() -> None:
    stream = Endless(b"text text\n")
    with pytest.raises(SourceError, match="larger than the 64 KB input limit"):
        read_source("-", stdin=stream, max_bytes=64 * 1024)  # type: ignore[arg-type]
    assert stream.read_total <= 2 * 64 * 1024


def test_an_endless_nul_stream_stops_at_once() -> None:
    stream = Endless(b"\x00")
    with pytest.raises(SourceError, match="binary"):
        read_source("-", stdin=stream)  # type: ignore[arg-type]
    assert stream.read_total <= 1024 * 1024


def test_dev_zero_on_stdin_is_one_line() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "pactreader", "outline", "-"],
            stdin=zero,
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert (
        result.stderr == b"pactreader: error: standard input: not a text document (binary data)\n"
    )


def test_max_size_option(tmp_path: Path) -> None:
    document = _write(tmp_path, "# T\n\n" + "word " * 1000)
    code, _out, err = run_main("outline", str(document), "--max-size", "1K")
    assert code == 1
    assert err.endswith(b"larger than the 1 KB input limit (see --max-size)\n")
    assert run_main("outline", str(document), "--max-size", "1M")[0] == 0
    code, _out, err = run_main("outline", str(document), "--max-size", "lots")
    assert code == 2 and b"not a size" in err


# ------------------------------------------------------------ search time


def _slow_document(blocks: int) -> str:
    return "# T\n\n" + "".join("a" * 15 + "!\n\n" for _ in range(blocks))


def test_one_time_budget_for_the_whole_search() -> None:
    document = parse_markdown(_slow_document(200))
    query = compile_query("(a|a)*$", is_regex=True, budget=0.3)
    with pytest.raises(PatternTooSlow, match="on the whole text"):
        list(search_from(document, query))


def test_search_exits_2_when_the_whole_search_is_too_slow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_command, "SEARCH_BUDGET", 0.3)
    document = _write(tmp_path, _slow_document(200))
    code, out, err = run_main("search", str(document), "(a|a)*$", "--regex")
    assert (code, out) == (2, b"")
    assert b"too slow" in err and err.count(b"\n") == 1


# ------------------------------------------------------------ decoding


def test_invalid_utf8_becomes_replacement_characters() -> None:
    text, encoding = decode_bytes(b"# Title\n\nhello \xff\xfe\x80\x81 world \xc3\x28 end\n")
    assert encoding == "utf-8"
    assert text == "# Title\n\nhello \ufffd\ufffd\ufffd\ufffd world \ufffd( end\n"


# ------------------------------------------------------------ a real terminal


def test_no_escape_reaches_the_terminal_from_any_error_path(tmp_path: Path) -> None:
    """Every error path, run on a pseudo-terminal: not one ESC byte is written to it."""
    from tests.reader_helpers import run_in_pty

    document = _write(tmp_path, f"# Title {OSC_TITLE}\n\ntext\n\n# Other \u202eevil\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    hostile = f"x{OSC_TITLE}{CLEAR}"
    for argv in (
        [f"{tmp_path}/{hostile}.md"],
        ["outline", f"{tmp_path}/{hostile}.md"],
        ["outline", str(document), hostile],
        ["export", str(document), hostile],
        ["export", str(document), "-o", f"{tmp_path}/missing/{hostile}"],
        ["export", str(document), "-o", str(fifo), "--force"],
        ["export", str(document), "-o", str(tmp_path / ("n" * 300))],
        ["search", str(document), f"({hostile}", "--regex"],
        ["outline", str(document), "--max-size", hostile],
    ):
        code, output = run_in_pty(argv, wait_for=b"pactreader: error: ", keys=b"", timeout=30)
        assert code in (1, 2), (argv, output)
        assert b"pactreader: error: " in output
        assert b"\x1b" not in output and b"\x07" not in output, (argv, output)
