"""JSON text that is safe to print to a terminal.

``json.dumps(..., ensure_ascii=False)`` keeps non-ASCII readable but passes DEL and
the C1 controls (U+0080-U+009F, where U+009B is a one-byte CSI) through raw. They are
escaped here, so JSON output never carries a control character.
"""

from __future__ import annotations

import json
import re
from typing import Any

_RAW_CONTROLS = re.compile(r"[\x7f-\x9f]")


def to_json(payload: Any) -> str:
    """Indented JSON ending in a newline, readable Unicode, every control escaped."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text) + "\n"
