"""Writing command output to standard output safely."""

from __future__ import annotations

import sys

from pactreader.common.safety import strip_controls


def emit(text: str) -> None:
    """Write ``text`` to stdout as UTF-8.

    When stdout is a terminal, control characters from the document are dropped so
    they cannot drive it; redirected output is left byte-exact.
    """
    if sys.stdout.isatty():
        text = strip_controls(text)
    sys.stdout.buffer.write(text.encode("utf-8", errors="surrogateescape"))
    sys.stdout.flush()
