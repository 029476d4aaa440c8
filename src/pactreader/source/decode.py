"""Turn raw bytes into text without ever failing.

Order of trust: a byte-order mark, then strict UTF-8 (by far the most common), then
"UTF-8 with a few bad bytes", then a statistical detector for legacy code pages.
Undecodable bytes become U+FFFD rather than an exception: a reader must show what it
can.
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NEWLINES = re.compile(r"\r\n?")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``.

    A BOM is removed from the text. The result never raises: bytes that are invalid in
    the chosen encoding become U+FFFD.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # A truncated UTF-16/32 tail decodes to U+FFFD instead of raising.
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    # Valid multi-byte sequences rarely occur by chance in a legacy code page: when
    # they outnumber the invalid bytes, this is UTF-8 with some damage.
    valid_multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if valid_multibyte >= bad:
        return lenient, "utf-8"
    return _detect_legacy(data)


def _detect_legacy(data: bytes) -> tuple[str, str]:
    """Guess a legacy single- or multi-byte encoding with charset-normalizer.

    Imported lazily: most files are UTF-8 and should not pay for the detector.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # The guess was made on a prefix; fall back to the code page that web text
        # most often is when it is not UTF-8, keeping every byte visible.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def starts_with_wide_bom(data: bytes) -> bool:
    """True when ``data`` opens with a UTF-16 or UTF-32 byte-order mark.

    Such text legitimately contains NUL bytes, so the binary-data check must not
    apply to it.
    """
    return any(data.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8")


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, so line numbers mean the same everywhere."""
    if "\r" not in text:
        return text
    return _NEWLINES.sub("\n", text)
