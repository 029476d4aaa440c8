"""Write results to files without ever losing or clobbering the user's data.

Writes are atomic: a temporary file in the target's folder, flushed and synced, then
renamed over the target, so a reader of the path sees the old file or the new one,
never half of one. An existing path (file or symbolic link) is replaced only when the
caller says so, and a symbolic link is replaced as a link: its target is never
written through.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from pactreader.common.errors import OutputError, os_reason

NAME_MAX = 255
"""Bytes in one file name on the file systems pactreader writes to (Linux, macOS)."""

_RANDOM_PART = 8 + len(".tmp") + 2  # mkstemp's random letters, the suffix, two dots


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically and return the absolute path written.

    Only a regular file or a symbolic link is ever replaced: a device node, a FIFO
    or a socket is refused even with ``overwrite`` (``-o /dev/full --force`` must not
    turn ``/dev/full`` into a file).

    Raises:
        OutputError: The path exists and ``overwrite`` is false, it is a directory or
            a special file, or the write failed (no permission, disk full, a name too
            long). No partial or temporary file is left behind.
    """
    target = Path(path).expanduser()
    shown = os.fspath(path)
    try:
        _check_target(target, shown, overwrite=overwrite)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {os_reason(error)}") from None
    folder = target.parent if str(target.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{fit_name(target.name, NAME_MAX - _RANDOM_PART)}.", suffix=".tmp", dir=folder
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {os_reason(error)}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target.absolute()


def _check_target(target: Path, shown: str, *, overwrite: bool) -> None:
    """Refuse a target that must not be replaced; OSError when it cannot be examined."""
    try:
        info: os.stat_result | None = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{shown}: is a directory")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            raise OutputError(
                f"{shown}: not a regular file (a device, FIFO or socket): not replaced"
            )
        if not overwrite:
            raise OutputError(f"{shown}: already exists (use --force to overwrite)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{shown}: folder {os.fspath(folder)} does not exist")


def fit_name(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` bytes in the file system's encoding.

    A 254-byte target name is valid, so the temporary ``.NAME.XXXXXXXX.tmp`` beside it
    is made from a shortened name; a default export name from a long heading too.
    """
    encoded = os.fsencode(name)
    return name if len(encoded) <= limit else os.fsdecode(encoded[:limit])


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    current = os.umask(0)
    os.umask(current)
    return current
