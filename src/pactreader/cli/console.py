"""Writing command output to standard output safely."""

from __future__ import annotations

import contextlib
import os
import sys

from pactreader.common.errors import OutputError, os_reason
from pactreader.common.safety import strip_controls


def emit(text: str) -> None:
    """Write ``text`` to stdout as UTF-8.

    When stdout is a terminal, control characters from the document are dropped so
    they cannot drive it; redirected output is left byte-exact.
    """
    if sys.stdout.isatty():
        text = strip_controls(text)
    write_stdout(text)


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout as UTF-8 and flush it.

    Raises:
        OutputError: Standard output cannot be written (a full device, an I/O error).
        BrokenPipeError: The reader of the output went away (``| head``); the caller
            ends quietly.
    """
    try:
        sys.stdout.buffer.write(text.encode("utf-8", errors="surrogateescape"))
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
        raise
    except OSError as error:
        discard_stdout()
        raise OutputError(f"cannot write standard output: {os_reason(error)}") from None


def discard_stdout() -> None:
    """Point stdout at the null device, so the flush at exit cannot fail again.

    What is left in the buffer after a failed write would otherwise be written at
    interpreter exit, fail the same way, and print a warning on stderr.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
