"""The source layer: bytes from a path or stdin become normalised text.

Decoding (BOMs, UTF-8, detected legacy encodings), newline normalisation and format
sniffing all happen here, so every later layer sees one kind of text: ``str`` with
``\\n`` line endings.
"""

from __future__ import annotations

from pactreader.source.decode import decode_bytes, normalise_newlines
from pactreader.source.reader import (
    DEFAULT_MAX_BYTES,
    SourceText,
    format_size,
    read_source,
    source_from_text,
)
from pactreader.source.sniff import Format, sniff_format

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Format",
    "SourceText",
    "decode_bytes",
    "format_size",
    "normalise_newlines",
    "read_source",
    "sniff_format",
    "source_from_text",
]
