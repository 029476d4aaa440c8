"""A local web server for tests: pages the tests write, served on 127.0.0.1 only.

Each route maps a path to a :class:`Reply`; special bodies cover what a hostile or
broken server does (a body that never ends, a server that never answers). No test
touches the network.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

ENDLESS = b"<endless>"
"""Body marker: stream ``<p>`` chunks for as long as the client reads (300 MB at most)."""
STALL = b"<stall>"
"""Body marker: accept the request and never answer until the server stops."""

_CHUNK = b"<p>" + b"x" * 65530 + b"</p>\n"
_ENDLESS_BYTES = 300 * 1024 * 1024


@dataclass
class Reply:
    """What the server sends for one path."""

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class WebServer:
    """A threaded HTTP server with a route table, and what it was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.user_agents: list[str] = []
        self._stop = threading.Event()
        handler = type("Handler", (_Handler,), {"server_state": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        """The full URL of ``path``."""
        return self.base + path

    def start(self) -> None:
        """Start serving in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Release stalled handlers and stop serving."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_state: ClassVar[WebServer]

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read what they need from the server's state."""

    def do_GET(self) -> None:
        state = self.server_state
        state.user_agents.append(self.headers.get("User-Agent", ""))
        reply = state.routes.get(self.path)
        if reply is None:
            reply = Reply(b"<html><body>missing</body></html>", status=404)
        if reply.body == STALL:
            state._stop.wait()
            return
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.body == ENDLESS:
            self.end_headers()
            self._stream()
            return
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _stream(self) -> None:
        """Send chunks until 300 MB or the client hangs up; nothing is stored."""
        try:
            for chunk in _chunks(_ENDLESS_BYTES):
                self.wfile.write(chunk)
        except OSError:
            pass


def _chunks(total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield _CHUNK
        sent += len(_CHUNK)
