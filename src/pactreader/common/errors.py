"""Exceptions the core raises for the command line and the app to report.

Each carries a one-line, user-facing message: the CLI prints it after
``pactreader: error:`` and picks the exit code from the class, so no layer below
the CLI ever decides how a failure is shown.
"""

from __future__ import annotations

import errno


class PactreaderError(Exception):
    """Base class: a failure the user caused or can fix, reported without a traceback."""

    exit_code: int = 1


class SourceError(PactreaderError):
    """The input could not be read as a text document."""

    exit_code = 1


class OutputError(PactreaderError):
    """An output file could not be written, or would overwrite one without permission."""

    exit_code = 1


class UsageError(PactreaderError):
    """The request itself is wrong: an unknown or ambiguous section, a bad pattern."""

    exit_code = 2


def os_reason(error: OSError) -> str:
    """A short human reason for an OS error, without the errno number or the path.

    The path is left out because the caller names it (made safe for a terminal).
    """
    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "read-only file system",
        errno.ENOSPC: "no space left on device",
        errno.ENAMETOOLONG: "file name too long",
        errno.EPIPE: "the reader of the output went away",
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return (error.strerror or type(error).__name__).lower()
