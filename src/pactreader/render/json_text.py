"""JSON text that is valid and safe to print to a terminal.

``json.dumps(..., ensure_ascii=False)`` keeps non-ASCII readable but passes DEL and
the C1 controls (U+0080-U+009F, where U+009B is a one-byte CSI) through raw. They are
escaped here, so JSON output never carries a control character.

It also writes ``NaN`` and ``Infinity`` for such floats (front matter can hold them:
YAML ``.nan``, TOML ``inf``), which is not JSON: they become ``null``, as
``JSON.stringify`` writes them.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_RAW_CONTROLS = re.compile(r"[\x7f-\x9f]")


def to_json(payload: Any) -> str:
    """Indented JSON ending in a newline, readable Unicode, every control escaped."""
    try:
        text = json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:  # A NaN or infinity somewhere: rare, so only then walk it all.
        text = json.dumps(_finite(payload), ensure_ascii=False, indent=2, allow_nan=False)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text) + "\n"


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
