"""Jumps on a big document: keypress (or outline choice) to the frame that shows the target.

Measured headless on the generated 20 MB article, each in a fresh reader:

- ``G`` from the top; ``g`` right after ``G`` (the slow case of issue 15: it used to
  animate through the whole document); an outline choice of the last section and of
  the middle one; Backspace back to where a jump started.

Medians of ``--runs`` readers. Run: ``.venv/bin/python benchmarks/bench_jumps.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reader import timed_reader
from generate import ensure

from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp


async def _one(path: Path) -> dict[str, float]:
    document = load_document(str(path))
    app = timed_reader(ReaderApp, document, time.time(), time.perf_counter())
    last = len(document.sections) - 1
    middle = last // 2
    result: dict[str, float] = {}

    async def timed(name: str, act: Any, done: Any) -> None:
        await pilot.pause()
        frame = app.clock.wait(done)
        pressed = time.perf_counter()
        await act()
        result[name] = await asyncio.wait_for(frame, 30) - pressed

    async with app.run_test(size=(120, 40)) as pilot:
        while app.first_frame is None:
            await asyncio.sleep(0.005)
        reading = app.reading
        await timed("G", lambda: pilot.press("G"), lambda: reading.current_section == last)
        await timed("g after G", lambda: pilot.press("g"), lambda: reading.place == (0, 0))
        outline = app.outline

        async def choose(index: int) -> None:
            outline.select_node(outline.node_of(index))

        await timed(
            "outline: middle",
            lambda: choose(middle),
            lambda: reading.current_section == middle,
        )
        await timed("back", lambda: pilot.press("backspace"), lambda: reading.place == (0, 0))
        await timed("outline: last", lambda: choose(last), lambda: reading.current_section == last)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20MB")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = ensure(args.size)
    runs = [asyncio.run(_one(path)) for _ in range(args.runs)]
    print(f"{args.size}, {args.runs} runs: median ms (min-max)")
    for name in runs[0]:
        values = [run[name] * 1000 for run in runs]
        print(
            f"  {name:18} {statistics.median(values):8.1f}  ({min(values):.1f}-{max(values):.1f})"
        )


if __name__ == "__main__":
    main()
