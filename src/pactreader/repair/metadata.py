"""Recognise the metadata lines of a scraped article: datelines, bylines, its URL, site.

Scraped articles keep what the page printed around the headline: ``By Jane Doe``,
``Written by Jane Doe``, ``24 July 2012 Last updated at 12:59 ET``, ``Published:
March 4, 2024``, ``Posted by jane on Tuesday July 24, @03:17AM``, and a CleanEval file
starts with ``URL: http://...``. A reader does not take any of them for the title or a
section; :mod:`.head` moves the ones near the top into front matter.

The patterns are anchored and bounded (a line of more than :data:`MAX_WORDS` words is
never metadata), so ``By 2004, we could no longer pay`` stays body text: a byline names
someone, and a name starts with a capital letter, not a digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WORDS = 16
"""A metadata line is short; anything longer is a sentence that happens to start alike."""
MAX_CHARS = 300
"""Longer is no metadata line either, and no pattern here ever sees more."""

# fmt: off
MONTHS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
})
WEEKDAYS = frozenset({
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Words a dateline carries besides the date itself: "Last updated at 12:59 ET".
_DATE_FILLERS = frozenset({
    "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "last", "updated", "update", "published",
    "posted", "modified", "created", "date", "dated", "time", "today", "yesterday", "utc",
    "gmt", "bst", "cet", "cest", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt",
    "pt", "pst", "pdt", "ist", "aest", "jst", "z",
})
# fmt: on
_UPDATE_WORDS = frozenset({"updated", "update", "modified"})

# 2024, 4th, 12:59, @03:17AM, 9:39am, 2001-02-08, 19/10/12, 04.03.2024
_NUMERIC = re.compile(
    r"@?\d{1,4}(?:st|nd|rd|th)?"
    r"|@?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}",
    re.IGNORECASE,
)
_YEAR_OR_NUMERIC_DATE = re.compile(r"(?:1[89]|20)\d{2}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_TIME = re.compile(r"@?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?", re.IGNORECASE)

# A site's name written as its domain: "PayNoIncomeTax.com", "www.example.org".
_DOMAIN = re.compile(
    r"(?:www\.)?[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|info|co\.uk|[a-z]{2})/?"
)
_URL_LINE = re.compile(r"(?i:url|source|link|permalink)\s*:\s*(?P<url>(?:https?|ftp)://\S+)")
_LABEL = re.compile(
    r"(?i:(?P<updated>last\s+modified|last\s+updated|updated|modified)"
    r"|(?P<date>published|posted|date|dated|created)"
    r"|(?P<author>author|written\s+by|posted\s+by|by))"
    r"\s*(?:on\s+)?:\s*(?P<value>.+)"
)
# "By Jane Doe", "Written by Jane Doe on July 7, 2012", "Posted by jane - Oct 19, 2012",
# "Story by ...", "Modified on September 25, 2012 by Matt".
_BYLINE = re.compile(
    r"(?:(?i:posted|written|story|words|report|reported|text|article|compiled|edited|review"
    r"|reviewed)\s+)?"
    r"(?i:by)\s+(?P<name>[^\W\d_].*)"
)
_MODIFIED_BY = re.compile(
    r"(?:(?i:(?P<what>modified|updated|published|posted)(?:\s+on)?)\s+)?(?P<date>.+?)\s+(?i:by)\s+"
    r"(?P<name>[^\W\d_].*)"
)
# Where a byline's name ends and its date begins: "Jane on July 7", "jbat - October 19".
_NAME_DATE_SPLIT = re.compile(r"\s+(?:on|-|\u2013|\u2014|\||,|\u2022|at)\s+|,\s+")
_NAME_WORDS = 8
_SEPARATORS = re.compile(r"\s*[|\u2022\u00b7]\s*")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What one metadata line says, by front matter key (``author``, ``date``, ...)."""

    fields: tuple[tuple[str, str], ...]


def read_metadata(text: str) -> Metadata | None:
    """The metadata a one-line ``text`` carries, or None when it is not a metadata line."""
    if "\n" in text:
        return None
    line = " ".join(text.split())
    if not line or len(line) > MAX_CHARS or len(line.split()) > MAX_WORDS:
        return None
    url = _URL_LINE.fullmatch(line)
    if url:
        return Metadata((("url", url.group("url")),))
    if _DOMAIN.fullmatch(line):
        return Metadata((("site", line),))
    if is_dateline(line) and not _LABEL.fullmatch(line):
        return Metadata(((_date_key(line), line),))
    parts = [part for part in _SEPARATORS.split(line) if part]
    if len(parts) > 1:
        return _labelled_parts(parts)
    return _one_part(line)


def is_dateline(text: str) -> bool:
    """``12 March 2024``, ``Monday, March 4, 2024 at 10:30``, ``7:09am, EDT``, ``2001-02-08``.

    Every word is part of a date, a time or a dateline's label ("Last updated at"), and
    at least one names a month or a weekday or is a year, a numeric date or a time.
    """
    words = [word.strip(",.;()[]") for word in text.replace("|", " ").split()]
    words = [word for word in words if word and word not in ("-", "\u2013", "\u2014", "@")]
    if not words or len(words) > MAX_WORDS:
        return False
    anchored = False
    for word in words:
        lower = word.lower().rstrip(":")
        if lower in MONTHS or lower in WEEKDAYS:
            anchored = True
        elif _NUMERIC.fullmatch(word):
            anchored = anchored or bool(
                _YEAR_OR_NUMERIC_DATE.fullmatch(word) or _TIME.fullmatch(word)
            )
        elif lower not in _DATE_FILLERS:
            return False
    return anchored


def _date_key(line: str) -> str:
    words = {word.strip(",.:;").lower() for word in line.split()}
    return "updated" if words & _UPDATE_WORDS else "date"


def _labelled_parts(parts: list[str]) -> Metadata | None:
    """``Date: November 1, 2012 | Author: Jane``: metadata when every part is metadata."""
    fields: list[tuple[str, str]] = []
    for part in parts:
        found = _one_part(part)
        if found is None:
            return None
        fields.extend(found.fields)
    return Metadata(tuple(fields))


def _one_part(line: str) -> Metadata | None:
    label = _LABEL.fullmatch(line)
    if label:
        value = label.group("value").strip()
        if label.group("author"):
            return _byline(value)
        key = "updated" if label.group("updated") else "date"
        return Metadata(((key, value),)) if is_dateline(value) or _has_date(value) else None
    if is_dateline(line):
        return Metadata(((_date_key(line), line),))
    modified = _MODIFIED_BY.fullmatch(line)
    if modified and is_dateline(modified.group("date")):
        what = (modified.group("what") or "").lower()
        key = "updated" if what in _UPDATE_WORDS else "date"
        author = _byline(modified.group("name"))
        if author is None:
            return None
        return Metadata(((key, modified.group("date")), *author.fields))
    byline = _BYLINE.fullmatch(line)
    if byline:
        return _byline(byline.group("name"))
    return None


def _byline(rest: str) -> Metadata | None:
    """The name (and date, when one follows it) of a byline's text after ``by``."""
    rest = rest.strip()
    if not rest or not rest[0].isalpha() or rest[-1] in ".!?:;":
        return None
    pieces = _NAME_DATE_SPLIT.split(rest, maxsplit=1)
    if len(pieces) == 2 and _has_date(pieces[1]):
        name, date = pieces[0].strip(), pieces[1].strip()
        return Metadata((("author", name), ("date", date))) if _is_name(name) else None
    return Metadata((("author", rest),)) if _is_name(rest) else None


def _is_name(text: str) -> bool:
    """A name, or a name and a role.

    At most eight words, the first one capitalised, or a single lower-case user name,
    as blogs print them (``by jbat``).
    """
    words = text.split()
    if not words or len(words) > _NAME_WORDS:
        return False
    return words[0][0].isupper() or len(words) == 1


def _has_date(text: str) -> bool:
    """``text`` starts with a dateline, perhaps followed by a little more (a byline's tail)."""
    words = text.split()
    return any(is_dateline(" ".join(words[:end])) for end in range(len(words), 0, -1))
