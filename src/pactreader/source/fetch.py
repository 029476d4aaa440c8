"""Download an article from an ``http://`` or ``https://`` URL, within fixed bounds.

A URL is input the user does not control the other end of: the server may redirect
for ever, stall, send a 300 MB body or an image. Every such case ends within
:data:`LIMITS` with one :class:`~pactreader.common.errors.SourceError` sentence.

urllib3 does the HTTP (a maintained client with TLS verification, connection and read
timeouts and streamed, decompressed reads); redirects are followed here, one hop at a
time, so that each target's scheme is checked and the hops counted. It is imported
only when a URL is opened: reading a file never loads it.
"""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from pactreader import __version__
from pactreader.common.errors import SourceError
from pactreader.common.safety import safe_title

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse, PoolManager

USER_AGENT = f"pactreader/{__version__} (terminal article reader)"
_ACCEPT = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8"

ACCEPTED_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
"""Media types read as an article; anything else (images, PDFs, archives) is refused."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Schemes that mean "this was meant as a URL" even without ``//`` after the colon.
_URLISH = frozenset({"file", "data", "ftp", "javascript", "about", "mailto"})


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How far a download may go before it is given up."""

    redirects: int = 5
    seconds: float = 20.0
    """Total time: connecting, every redirect hop and the whole body."""
    max_bytes: int = 20 * 1024 * 1024
    """Body size after decompression."""


LIMITS = FetchLimits()


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded body and what the server said about it."""

    url: str
    """The final URL, after redirects: the base for the page's relative links."""
    data: bytes
    media_type: str
    """The ``Content-Type`` without parameters, lower case; ``""`` when not sent."""
    charset: str | None
    """The ``Content-Type`` charset parameter, if any."""


def is_url(name: str) -> bool:
    """True when ``name`` is meant as a URL (``scheme://...``, ``file:``, ``data:``...).

    Such names are fetched (http, https) or refused (every other scheme), never
    looked up as file names.
    """
    match = _SCHEME.match(name)
    if match is None or len(match.group(1)) == 1:  # ``C:`` is a drive, not a scheme.
        return False
    return name[match.end() :].startswith("//") or match.group(1).lower() in _URLISH


def fetch(url: str, limits: FetchLimits = LIMITS) -> Fetched:
    """Download ``url`` (http or https), following at most ``limits.redirects`` hops.

    Raises:
        SourceError: The URL is refused or cannot be downloaded as an article.
    """
    import urllib3  # Deferred: only URLs need an HTTP client.

    deadline = time.monotonic() + limits.seconds
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT}, retries=False)
    shown = safe_title(url)
    current = url
    for _ in range(limits.redirects + 1):
        _check_scheme(current, shown)
        response = _request(pool, current, deadline, shown, limits)
        if response.status in _REDIRECTS and response.headers.get("Location"):
            response.release_conn()
            try:
                current = urljoin(current, response.headers["Location"])
            except ValueError:
                raise SourceError(f"{shown}: redirected to an invalid URL") from None
            continue
        try:
            return _body(response, current, deadline, shown, limits)
        finally:
            response.release_conn()
    raise SourceError(f"{shown}: more than {limits.redirects} redirects")


def _check_scheme(url: str, shown: str) -> None:
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1" and other URLs urllib cannot split
        raise SourceError(f"{shown}: not a valid URL") from None
    if scheme not in ("http", "https"):
        raise SourceError(f"{shown}: only http and https URLs can be opened, not {scheme or '?'}:")


def _request(
    pool: PoolManager, url: str, deadline: float, shown: str, limits: FetchLimits
) -> BaseHTTPResponse:
    """Send one GET; connection failures become one sentence."""
    import urllib3
    from urllib3 import exceptions

    remaining = _remaining(deadline, shown, limits)
    try:
        return pool.request(
            "GET",
            url,
            redirect=False,
            preload_content=False,
            timeout=urllib3.Timeout(connect=remaining, read=remaining),
        )
    # Order matters: urllib3's NewConnectionError is a subclass of ConnectTimeoutError.
    except exceptions.NameResolutionError:
        raise SourceError(f"{shown}: host not found") from None
    except exceptions.NewConnectionError:
        raise SourceError(f"{shown}: connection refused or unreachable") from None
    except (exceptions.ConnectTimeoutError, exceptions.ReadTimeoutError, TimeoutError):
        raise SourceError(f"{shown}: timed out after {limits.seconds:g} s") from None
    except exceptions.SSLError:
        raise SourceError(f"{shown}: secure connection failed (TLS)") from None
    except exceptions.LocationValueError:
        raise SourceError(f"{shown}: not a valid URL") from None
    except (exceptions.HTTPError, OSError, ValueError):
        raise SourceError(f"{shown}: the server could not be reached") from None


def _body(
    response: BaseHTTPResponse, url: str, deadline: float, shown: str, limits: FetchLimits
) -> Fetched:
    """Check the status and type, then read the body within the time and size caps."""
    if response.status >= 400:
        reason = safe_title(response.reason or "")
        raise SourceError(f"{shown}: HTTP {response.status} {reason}".rstrip())
    media_type, charset = _content_type(response.headers.get("Content-Type", ""))
    if media_type and media_type not in ACCEPTED_TYPES:
        raise SourceError(f"{shown}: not an article (content type {safe_title(media_type)})")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        raise SourceError(f"{shown}: larger than {_megabytes(limits.max_bytes)}")
    return Fetched(url, _read_capped(response, deadline, shown, limits), media_type, charset)


def _read_capped(
    response: BaseHTTPResponse, deadline: float, shown: str, limits: FetchLimits
) -> bytes:
    """Stream the body, stopping at the size cap or the deadline, whichever comes first.

    ``read1`` returns what one receive brings, so a server that drips a byte a second
    is caught by the deadline check between reads; the socket's timeout is shortened
    to the time left before each read, so a server that stops is caught too.
    """
    from urllib3 import exceptions

    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _set_socket_timeout(response, _remaining(deadline, shown, limits))
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise SourceError(f"{shown}: larger than {_megabytes(limits.max_bytes)}")
            chunks.append(chunk)
    except (exceptions.ReadTimeoutError, TimeoutError):
        raise SourceError(f"{shown}: timed out after {limits.seconds:g} s") from None
    except (exceptions.HTTPError, OSError):
        raise SourceError(f"{shown}: the connection broke while downloading") from None
    return b"".join(chunks)


def _set_socket_timeout(response: BaseHTTPResponse, seconds: float) -> None:
    connection = getattr(response, "connection", None)
    sock = getattr(connection, "sock", None)
    if isinstance(sock, socket.socket):
        sock.settimeout(seconds)


def _remaining(deadline: float, shown: str, limits: FetchLimits) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise SourceError(f"{shown}: timed out after {limits.seconds:g} s")
    return left


def _content_type(header: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset="UTF-8"``."""
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"
