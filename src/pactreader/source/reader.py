"""Read a document from a path, an http(s) URL or standard input.

Every way a file can fail to be a readable text document (missing, a directory, no
permission, a FIFO nobody writes to, binary data) becomes a :class:`SourceError` with
a one-line message, never an ``OSError`` traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from pactreader.common.errors import SourceError
from pactreader.source.decode import decode_bytes, normalise_newlines, starts_with_wide_bom
from pactreader.source.fetch import Fetched, fetch, is_url
from pactreader.source.html_charset import decode_html
from pactreader.source.sniff import Format, sniff_format

STDIN_NAME = "-"

# NUL bytes in the first block mean binary data (UTF-16/32 are recognised by their
# BOM before this check).
_BINARY_PROBE = 8192

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
"""The largest input read, from any source (``--max-size`` changes it).

Far above any article (the largest benchmark, 100 MB, loads in a few seconds), far
below what would exhaust memory: decoding and parsing take several times the input.
"""

_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded document and where it came from."""

    text: str
    """The whole document, newlines normalised to ``\\n``."""
    name: str
    """What to call the document: the path as given, or ``-`` for stdin."""
    stem: str
    """The file name without its suffix: the title of last resort."""
    encoding: str
    """The encoding the bytes were decoded with."""
    format: Format
    """``markdown``; ``text`` for scraped/plain text that the repair layer mends;
    ``html`` for a web page that the extract layer turns into an article."""
    url: str | None = None
    """For a downloaded document, its URL after redirects: the base of its links."""


def read_source(
    name: str | os.PathLike[str],
    *,
    stdin: BinaryIO | None = None,
    format: Format | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceText:
    """Read and decode the document at ``name`` (``-`` means standard input).

    Args:
        name: A path, an ``http://``/``https://`` URL, or ``-`` for standard input.
        stdin: The stream to read for ``-``; defaults to ``sys.stdin.buffer``.
        format: Force ``markdown``, ``text`` or ``html`` instead of sniffing.
        max_bytes: Refuse input longer than this, checked while reading: an endless
            stream (``/dev/zero``, a file that keeps growing) stops at the limit.

    Raises:
        SourceError: The input cannot be read, is over ``max_bytes``, or is not a
            text document.
    """
    shown = os.fspath(name)
    if shown == STDIN_NAME:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = read_capped(stream, "standard input", max_bytes)
        except OSError as error:
            raise SourceError(f"cannot read standard input: {_reason(error)}") from None
        return _from_bytes(data, shown, "stdin", "", format)
    if is_url(shown) and not os.path.lexists(shown):
        return _from_fetched(fetch(shown), shown, format)
    path = Path(shown)
    data = _read_file(path, shown, max_bytes)
    return _from_bytes(data, shown, path.stem or path.name, path.suffix, format)


def read_capped(stream: BinaryIO, shown: str, max_bytes: int) -> bytes:
    """Read ``stream`` to its end, refusing it past ``max_bytes`` or when binary.

    Checked as the bytes come, so neither an endless stream nor a stream of NUL bytes
    is read further than needed to know.

    Raises:
        SourceError: More than ``max_bytes``, or binary data at the start.
        OSError: The read itself failed.
    """
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, max_bytes + 1 - total)):
        if not chunks:
            _refuse_binary(chunk, shown)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise SourceError(
                f"{shown}: larger than the {format_size(max_bytes)} input limit (see --max-size)"
            )
    return b"".join(chunks)


def format_size(size: int) -> str:
    """``512 MB``, ``64 KB``, ``100 bytes``: the limit as the user would write it."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor:,} {unit}"
    return f"{size:,} bytes"


def source_from_text(
    text: str, name: str = "document.md", *, format: Format | None = None
) -> SourceText:
    """Wrap text already in memory (tests, the app's stdin copy) as a source."""
    path = Path(name)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    return SourceText(
        text=text,
        name=name,
        stem=path.stem or name,
        encoding="utf-8",
        format=format or sniff_format(text, path.suffix),
    )


def _read_file(path: Path, shown: str, max_bytes: int) -> bytes:
    """Read a regular file's bytes, turning each OS failure into one clear sentence."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise SourceError(f"{shown}: broken symbolic link") from None
        raise SourceError(f"{shown}: no such file") from None
    except OSError as error:
        raise SourceError(f"{shown}: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{shown}: is a directory, not a document") from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise SourceError(f"{shown}: not a regular file") from None
    if info.st_size > max_bytes:
        raise SourceError(
            f"{shown}: larger than the {format_size(max_bytes)} input limit (see --max-size)"
        )
    try:
        if stat.S_ISFIFO(info.st_mode):
            return _read_fifo(path, shown, max_bytes)
        with path.open("rb") as handle:
            return read_capped(handle, shown, max_bytes)
    except OSError as error:
        raise SourceError(f"{shown}: {_reason(error)}") from None


def _read_fifo(path: Path, shown: str, max_bytes: int) -> bytes:
    """Read a named pipe without hanging when nobody writes to it.

    A plain open blocks until a writer appears. Opening non-blocking returns at once;
    with the flag then cleared, a read waits for a writer that is there (process
    substitution, ``<(curl ...)``) and sees end-of-file when there is none.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return read_capped(handle, shown, max_bytes)
    finally:
        os.close(descriptor)


def _from_fetched(fetched: Fetched, shown: str, format: Format | None) -> SourceText:
    """A downloaded body as a source: its format from the URL's suffix and the media type.

    A ``.md`` URL is Markdown whatever the server calls it (raw files are served as
    ``text/plain``); otherwise HTML and XHTML are pages, ``text/markdown`` is Markdown
    and plain text is sniffed like a file.
    """
    path = PurePosixPath(unquote(urlsplit(fetched.url).path))
    suffix = path.suffix
    if suffix.lower() not in _MARKDOWN_URL_SUFFIXES:
        if fetched.media_type in ("text/html", "application/xhtml+xml"):
            suffix = ".html"
        elif fetched.media_type in ("text/markdown", "text/x-markdown"):
            suffix = ".md"
    stem = path.stem or urlsplit(fetched.url).hostname or "page"
    return _from_bytes(
        fetched.data, shown, stem, suffix, format, charset=fetched.charset, url=fetched.url
    )


_MARKDOWN_URL_SUFFIXES = frozenset({".md", ".markdown"})


def _from_bytes(
    data: bytes,
    shown: str,
    stem: str,
    suffix: str,
    format: Format | None,
    *,
    charset: str | None = None,
    url: str | None = None,
) -> SourceText:
    """Decode bytes, refusing binary data; a page is decoded by its declared charset."""
    _refuse_binary(data, shown)
    text, encoding = decode_bytes(data)
    format = format or sniff_format(text, suffix)
    if format == "html":
        text, encoding = decode_html(data, charset)
    return SourceText(
        text=normalise_newlines(text),
        name=shown,
        stem=stem,
        encoding=encoding,
        format=format,
        url=url,
    )


def _refuse_binary(data: bytes, shown: str) -> None:
    """Refuse ``data`` that starts like binary data: NUL bytes, no UTF-16/32 BOM."""
    if b"\x00" in data[:_BINARY_PROBE] and not starts_with_wide_bom(data):
        raise SourceError(f"{shown}: not a text document (binary data)")


def _reason(error: OSError) -> str:
    """A short human reason for an OS error, without the errno noise."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (error.strerror or str(error)).lower()
