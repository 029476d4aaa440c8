"""What is derived from a document lives with it: no module-level cache keeps it alive."""

from __future__ import annotations

import gc
import importlib
import inspect
import pkgutil
import weakref

import pactreader
from pactreader.common.lru import LRU
from pactreader.parse.outline import parse_markdown
from pactreader.search import compile_query, match_counts


def _modules() -> list[str]:
    names = [info.name for info in pkgutil.walk_packages(pactreader.__path__, "pactreader.")]
    return [name for name in names if ".tui" not in name and name != "pactreader.__main__"]


def test_no_module_level_cache_takes_a_document() -> None:
    offenders = []
    for name in _modules():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if callable(value) and hasattr(value, "cache_info"):
                signature = inspect.signature(value)
                if any("Document" in str(p.annotation) for p in signature.parameters.values()):
                    offenders.append(f"{name}.{attribute}")
    assert offenders == []


def test_a_searched_document_is_freed_with_its_memo() -> None:
    document = parse_markdown("# One\n\nalpha beta[^1]\n\n[^1]: note\n\n# Two\n\nbeta\n")
    assert dict(match_counts(document, compile_query("beta"))) == {0: 1, 1: 1}
    assert document.text.startswith("# One")
    gone = weakref.ref(document)
    del document
    gc.collect()
    assert gone() is None


def test_derived_values_are_built_once() -> None:
    document = parse_markdown("# A\n\ntext\n")
    calls: list[int] = []

    def build(built_for: object) -> int:
        calls.append(1)
        return len(calls)

    assert document.derived(build) == document.derived(build) == 1
    assert calls == [1]


def test_the_lru_drops_the_least_recently_used() -> None:
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert (cache.get("b"), cache.get("a"), cache.get("c"), len(cache)) == (None, 1, 3, 2)
