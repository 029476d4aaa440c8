"""Write results to files without ever losing or clobbering the user's data.

Writes are atomic: a temporary file in the target's folder, flushed and synced, then
renamed over the target, so a reader of the path sees the old file or the new one,
never half of one. An existing path (file or symbolic link) is replaced only when the
caller says so, and a symbolic link is replaced as a link: its target is never
written through.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from pactreader.common.errors import OutputError


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically and return the absolute path written.

    Raises:
        OutputError: The path exists and ``overwrite`` is false, it is a directory,
            or the write failed (no permission, disk full). No partial or temporary
            file is left behind.
    """
    target = Path(path).expanduser()
    shown = os.fspath(path)
    if target.is_dir() and not target.is_symlink():
        raise OutputError(f"{shown}: is a directory")
    if os.path.lexists(target) and not overwrite:
        raise OutputError(f"{shown}: already exists (use --force to overwrite)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{shown}: folder {os.fspath(folder)} does not exist")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {_reason(error)}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target.absolute()


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    current = os.umask(0)
    os.umask(current)
    return current


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied" if error.errno != errno.EROFS else "read-only file system"
    if error.errno == errno.ENOSPC:
        return "no space left on device"
    return (error.strerror or str(error)).lower()
