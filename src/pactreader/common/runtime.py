"""Interpreter tuning for a long-running reader: the one place that touches the GC and GIL.

The reader holds one big immutable document and builds large caches from it (search
units, prefilter offsets). The garbage collector would walk all of them again and again
and find no cycles; the GIL's default 5 ms switch interval would let a loading thread
delay keys. These functions say so once, here, instead of in the widgets.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

LOADING_SWITCH_INTERVAL = 0.0005
"""Seconds between GIL hand-overs while a big document loads in a thread: the event
loop waits less each time it wakes for a key or a timer (5.7 ms ticks instead of 10
for a 5 ms timer during a 20 MB load)."""


def build_untracked(build: Callable[[], _T]) -> _T:
    """Run ``build`` with the collector off, then freeze what it built.

    The collector would walk the growing heap again and again while a big document
    parses (a tenth of its load time, and more on a busy machine) and find no cycles;
    frozen afterwards, the document is skipped by every later collection.
    """
    gc.disable()
    try:
        result = build()
    finally:
        gc.enable()
    gc.freeze()
    return result


def load_in_background(parse: Callable[[], _T]) -> _T:
    """:func:`build_untracked`, handing the GIL over more often while it runs.

    For the thread that parses a big document's rest while the interface takes keys.
    """
    switch = sys.getswitchinterval()
    sys.setswitchinterval(LOADING_SWITCH_INTERVAL)
    try:
        return build_untracked(parse)
    finally:
        sys.setswitchinterval(switch)


def keep_built() -> None:
    """What was built so far (a search's caches of an immutable document) stays: freeze it."""
    gc.freeze()
