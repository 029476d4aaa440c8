"""A URL shown whole, with the domain that owns it emphasised.

Before a link opens, the reader must see where it goes: a phishing link hides its real
domain behind a familiar one (``https://accounts.mybank.com.secure-session.example/``
belongs to ``secure-session.example``). The dialog shows the whole URL, wrapped, and
the registrable domain (the part a registrar sells) in bold.

The registrable domain is found without the Public Suffix List: the last two labels,
or the last three under a two-letter country code whose second level is a common
registry (``co.uk``, ``com.au``, ``ac.jp``). That covers the addresses people meet;
a rarer suffix gets one label too few emphasised, never a wrong owner's name.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text

from pactreader.common.safety import safe_title
from pactreader.render.rich_wrap import WrappingText

_SECOND_LEVELS = frozenset(
    {"ac", "co", "com", "edu", "gov", "govt", "ltd", "net", "ne", "or", "org", "plc"}
)
"""Second-level labels that country registries sell names under."""

_EMPHASIS = Style(bold=True, underline=True)


def registrable_domain(host: str) -> str:
    """The part of ``host`` its owner registered: ``mybank.com`` of ``www.mybank.com``."""
    labels = host.rstrip(".").split(".")
    if len(labels) <= 2 or all(label.isdigit() for label in labels):
        return host  # a bare domain, a single label (localhost) or an IPv4 address
    keep = 3 if len(labels[-1]) == 2 and labels[-2].lower() in _SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def url_text(url: str) -> Text:
    """``url`` as text that wraps anywhere, its registrable domain emphasised.

    The URL goes through :func:`~pactreader.common.safety.safe_title` first: no
    control character or direction override reaches the terminal.
    """
    shown = safe_title(url)
    text = WrappingText(shown, overflow="fold")
    try:
        parts = urlsplit(shown)
        host = parts.hostname or ""
    except ValueError:
        return text
    if not host:
        return text
    domain = registrable_domain(host)
    netloc_start = shown.lower().find(host, len(parts.scheme))
    if netloc_start >= 0:
        start = netloc_start + len(host) - len(domain)
        text.stylize(_EMPHASIS, start, start + len(domain))
    return text
