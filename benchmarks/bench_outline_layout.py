"""What wrapping outline titles costs, on a 20,000-section outline.

Issue 16 lets outline titles wrap instead of being cut, which adds a pass over the
tree's lines each time it is laid out. In fresh headless processes at 80x24 (titles
wrap most) and 160x50, on a generated 20 MB document (about 20,000 sections):

- ``fill``: app start to the whole outline in the tree and laid out;
- ``layout``: laying every line of the complete outline out again (what a collapse
  or a resize costs).

The code under test runs against a baseline checkout given by ``--baseline SRC`` (a
``src`` folder, e.g. ``git archive main src | tar -x``), runs interleaved, medians
reported (min-max).

    python benchmarks/bench_outline_layout.py --baseline /tmp/base/src [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import asyncio, json, sys, time
from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp

async def main(path, width, height):
    document = load_document(path)
    app = ReaderApp(document)
    began = time.perf_counter()
    async with app.run_test(size=(width, height)) as pilot:
        outline = app.outline
        while outline.sections_shown < len(document.sections):
            await pilot.pause()
        outline.get_node_at_line(0)  # the lines laid out
        filled = time.perf_counter() - began
        layouts = []
        for _ in range(5):  # lay every line out again, as a collapse or a resize does
            outline._clear_line_cache()
            began = time.perf_counter()
            outline.get_node_at_line(0)
            layouts.append(time.perf_counter() - began)
    layouts.sort()
    print(json.dumps({"sections": len(document.sections), "fill": filled, "layout": layouts[2]}))

asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


def run(src: Path, path: Path, size: tuple[int, int]) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src), "XDG_STATE_HOME": "/tmp/pactreader-bench-state"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), *map(str, size)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    sys.path.insert(0, str(HERE))
    from generate import ensure

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="20MB")
    args = parser.parse_args()
    path = ensure(args.size)
    for size in ((80, 24), (160, 50)):
        figures: dict[str, dict[str, list[float]]] = {"baseline": {}, "branch": {}}
        sections = 0
        for _ in range(args.runs):
            for name, src in (("baseline", args.baseline), ("branch", ROOT / "src")):
                result = run(src, path, size)
                sections = int(result["sections"])
                for key in ("fill", "layout"):
                    figures[name].setdefault(key, []).append(result[key] * 1000)
        for name, measures in figures.items():
            shown = ", ".join(
                f"{key} {statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"
                for key, values in measures.items()
            )
            print(f"{size[0]}x{size[1]} {args.size} ({sections} sections) {name}: {shown}")


if __name__ == "__main__":
    main()
