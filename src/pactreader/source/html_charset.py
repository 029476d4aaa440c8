"""Decode an HTML page: its byte-order mark, then the charset the server or the page declares.

A page says how it is encoded (the HTTP ``Content-Type`` charset, else a ``<meta>`` in
its first bytes), and browsers believe it; guessing is for pages that say nothing. Two
exceptions follow what browsers do or what the web gets wrong: the labels
``iso-8859-1`` and ``us-ascii`` mean windows-1252 (the WHATWG Encoding Standard), and a
page labelled with one of those that is valid UTF-8 with non-ASCII text is UTF-8 (the
label is a server default nobody changed).
"""

from __future__ import annotations

import codecs
import re

from pactreader.source.decode import decode_bytes

# The HTML standard's prescan looks at the first 1024 bytes; real pages put their
# <meta> later than that often enough (long <title>s, scripts) to look further.
_PRESCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_WESTERN = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` near the top of the page declares, if any."""
    match = _META_CHARSET.search(data[:_PRESCAN])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a page and return ``(text, encoding name)``; never raises.

    Args:
        data: The page's bytes.
        declared: The charset from the HTTP ``Content-Type`` header, if any.
    """
    if data.startswith(_BOMS):
        return decode_bytes(data)
    encoding = _codec(declared) or _codec(meta_charset(data))
    if encoding is None or encoding == "utf-8":
        return decode_bytes(data)
    if encoding in _WESTERN:
        if not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _codec(label: str | None) -> str | None:
    """Python's name for a charset label, or None for an unknown or unusable one."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # A page that says UTF-16 in an ASCII <meta> is not UTF-16 (HTML standard).
    return "utf-8" if name.startswith(("utf-16", "utf-32", "utf-8")) else name
