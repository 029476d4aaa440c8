"""Turn raw bytes into text without ever failing.

Order of trust: a byte-order mark, then strict UTF-8 (by far the most common), then
"UTF-8 with a few stray bytes" (each read as cp1252, the usual culprit), then
Windows-1252 when the text reads as a Western language in it, then a statistical
detector for the other legacy code pages. Undecodable bytes become U+FFFD rather than
an exception: a reader must show what it can.

Why the cp1252 check comes before the detector: on a short file charset-normalizer
guesses from a handful of bytes and often picks a code page that shares the common
punctuation but not the letters (cp1250 turns ``\u00a3`` into ``\u0141``). Web text that
is not UTF-8 is overwhelmingly cp1252 (or latin-1, its subset for text), so that is
tried first, and only accepted when its letters and symbols fall where a Western
language puts them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NEWLINES = re.compile(r"\r\n?")

_STRAY_BYTES = "pactreader-cp1252"
# How much of a file the cp1252 plausibility check and the detector look at.
_PROBE = 262144
# In a Western language most letters are ASCII: beyond this share of non-ASCII
# letters the text is more likely Cyrillic, Greek... in their own code page.
_MAX_ACCENTED_SHARE = 0.4
# Misplaced symbols (inside a word, a currency sign before a letter) allowed per
# non-ASCII character before cp1252 is judged the wrong reading.
_MAX_MISPLACED_SHARE = 0.05
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CURRENCY = frozenset("\u00a3\u20ac\u00a5\u00a2")
_IN_WORD = frozenset("\u2019\u2018\u00b7\u2010\u2011")


def _stray_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252 (U+FFFD where cp1252 has none)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_BYTES, _stray_byte)


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
    # they outnumber the invalid bytes, this is UTF-8 with some damage, and the stray
    # bytes are read as cp1252, their most likely origin.
    valid_multibyte = len(_NON_ASCII.findall(lenient)) - bad
    if valid_multibyte >= bad:
        return data.decode("utf-8", errors=_STRAY_BYTES), "utf-8"
    if _reads_as_cp1252(data[:_PROBE]):
        return data.decode("cp1252", errors="replace"), "cp1252"
    return _detect_legacy(data)


def _reads_as_cp1252(data: bytes) -> bool:
    """True when ``data`` decodes as cp1252 into what a Western language looks like."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return _reads_as_language(text, ascii_letters, max_accented_share=_MAX_ACCENTED_SHARE)


def _reads_as_language(
    text: str, ascii_letters: int, *, max_accented_share: float | None = None
) -> bool:
    """True when ``text`` looks like a language written in it, not like stray bytes.

    Accented letters are not capitalised in mid-word, and symbols are not wedged
    inside words (cp1250's ``ż`` read as cp1252 is ``¿``, inside Polish words;
    stray bytes read in a Cyrillic code page come out as ``яюЂЃ``). With
    ``max_accented_share``, most letters must also be ASCII (a Western language).
    """
    accented = misplaced = total = 0
    for match in _NON_ASCII.finditer(text):
        total += 1
        position = match.start()
        char = match.group()
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < len(text) else " "
        if unicodedata.category(char).startswith("L"):
            accented += 1
            misplaced += char.isupper() and before.islower()
        elif char in _CURRENCY:
            misplaced += after.isalpha()
        elif unicodedata.category(char) == "Cc":
            misplaced += 1  # A C1 control: no text has those.
        elif char not in _IN_WORD:
            misplaced += before.isalpha() and after.isalpha()
    if max_accented_share is not None and accented > max_accented_share * (
        accented + ascii_letters
    ):
        return False
    return misplaced <= _MAX_MISPLACED_SHARE * total


def _detect_legacy(data: bytes) -> tuple[str, str]:
    """Guess a legacy single- or multi-byte encoding with charset-normalizer.

    The guess is kept only when it reads as a language (see
    :func:`_reads_as_language`): bytes that are simply invalid UTF-8 (damage, or
    junk) become U+FFFD, as the rest of pactreader promises, instead of mojibake in
    whatever code page fits them. Imported lazily: most files are UTF-8 and should
    not pay for the detector.
    """
    from charset_normalizer import from_bytes

    probe = data[:_PROBE]
    best = from_bytes(probe).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # The guess was made on a prefix and does not fit the whole.
        else:
            ascii_letters = len(probe) - len(probe.translate(None, _ASCII_LETTERS))
            if _reads_as_language(text[:_PROBE], ascii_letters):
                return text, best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


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
