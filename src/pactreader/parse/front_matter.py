"""Front matter at the very top of a document: metadata, never text.

YAML (``---`` ... ``---`` or ``...``) and TOML (``+++`` ... ``+++``). A block that is
opened but never closed is not front matter: it is ordinary Markdown (a thematic
break), as every CommonMark reader sees it.

Metadata comes from the web, so reading it is bounded: at most :data:`MAX_BYTES` are
parsed, and a YAML block whose aliases would expand to more than :data:`MAX_VALUES`
values (the "billion laughs" bomb, or ``a: &a [*a]`` which never ends) or nest deeper
than :data:`MAX_DEPTH` is not read. Such a block is still front matter, but its
mapping is empty and :attr:`FrontMatter.note` says why: the reader shows the block as
text under that notice. Values come out as JSON types (dates as ISO strings).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yaml.nodes import Node

_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}

# Front matter longer than this is not metadata but a document that begins with a
# thematic break; stop looking rather than scan a huge file.
MAX_LINES = 1000

MAX_BYTES = 64 * 1024
"""Front matter longer than this (UTF-8 bytes) is not parsed: real metadata is a few
hundred bytes, and a pure-Python YAML parse takes about a second per 100 KB."""

MAX_VALUES = 10_000
"""Values a YAML block may hold once every alias is expanded."""

MAX_DEPTH = 100
"""Nesting a front matter value may have (YAML or TOML)."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The metadata block: its line count and what it says."""

    line_count: int
    """Lines ``1..line_count`` of the document, fences included."""
    data: dict[str, Any]
    """The parsed mapping; empty when the block is not valid YAML/TOML mapping."""
    note: str | None = None
    """Why the block was not read (over a limit), or None when it was."""


class _OverLimit(Exception):
    """The block is over one of the limits; the message says which."""


def split_front_matter(lines: list[str]) -> FrontMatter | None:
    """Find front matter at the top of ``lines`` and parse it, or return None."""
    if not lines:
        return None
    opener = lines[0].rstrip()
    closers = _CLOSERS.get(opener)
    if closers is None:
        return None
    for index in range(1, min(len(lines), MAX_LINES)):
        if lines[index].rstrip() in closers:
            body = "\n".join(lines[1:index])
            try:
                data = _load(opener, body)
            except _OverLimit as over:
                return FrontMatter(line_count=index + 1, data={}, note=str(over))
            return FrontMatter(line_count=index + 1, data=data)
    return None


def _load(opener: str, body: str) -> dict[str, Any]:
    """Parse the block; malformed metadata is kept out of the text but yields ``{}``.

    Raises:
        _OverLimit: The block is over a limit and was not (fully) read.
    """
    size = len(body.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise _OverLimit(
            f"front matter not read: {size:,} bytes, over the {MAX_BYTES // 1024} KB limit"
        )
    try:
        loaded = tomllib.loads(body) if opener == "+++" else _load_yaml(body)
    except _OverLimit:
        raise
    except Exception:  # Any parse failure in user metadata is non-fatal by design.
        return {}
    return _jsonable(loaded, 0) if isinstance(loaded, dict) else {}


def _load_yaml(body: str) -> Any:
    """Compose the YAML node graph, check its expanded size, then build the values."""
    import yaml  # Deferred: most documents have no front matter.

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(body)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_expansion(root: Node) -> None:
    """Count the values ``root`` holds with every alias expanded, up to the budget.

    An alias is the node it names, shared in the graph: a value reached twice is
    counted twice, as any consumer walking the data would visit it twice. A
    self-referencing alias never ends, so it runs out of budget too.

    Raises:
        _OverLimit: More than :data:`MAX_VALUES` values or deeper than :data:`MAX_DEPTH`.
    """
    from yaml.nodes import MappingNode, SequenceNode

    stack: list[tuple[Node, int]] = [(root, 0)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise _OverLimit(
                f"front matter not read: over {MAX_VALUES:,} values once its aliases expand"
            )
        if depth > MAX_DEPTH:
            raise _OverLimit(f"front matter not read: nested over {MAX_DEPTH} levels deep")
        if isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def _jsonable(value: Any, depth: int) -> Any:
    """Make YAML/TOML values JSON types (dates and times ISO strings, keys strings).

    Raises:
        _OverLimit: Nested deeper than :data:`MAX_DEPTH` (TOML's nesting is bounded
            only by the parser's recursion).
    """
    if depth > MAX_DEPTH:
        raise _OverLimit(f"front matter not read: nested over {MAX_DEPTH} levels deep")
    if isinstance(value, dict):
        return {str(key): _jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item, depth + 1) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
