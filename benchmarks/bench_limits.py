"""Input limits from issue 8, at full size: each opens, answers keys and quits.

For each extreme document: wall time from process start until the reader has drawn
its first screen, pressed End and ``]``, and quit on ``q``; and the peak resident
memory (VmHWM), in a fresh process each. Prints a Markdown table.

    python benchmarks/bench_limits.py [--out DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

DRIVER = r"""
import asyncio, sys, time
start = time.perf_counter()
from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp
document = load_document(sys.argv[1])
loaded = time.perf_counter() - start
async def main():
    app = ReaderApp(document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - start
        await pilot.press("G", "right_square_bracket", "g")
        await pilot.pause()
        await pilot.press("q")
    done = time.perf_counter() - start
    peak = next(
        int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")
    )
    print(f"{loaded:.3f} {first:.3f} {done:.3f} {peak / 1024:.0f}")
asyncio.run(main())
"""


def make_inputs(folder: Path) -> dict[str, Path]:
    """Write the extreme documents once (about 250 MB in all)."""
    folder.mkdir(parents=True, exist_ok=True)
    shapes = {
        "100 MB article": lambda: (
            ("# Part\n\n" + "lorem ipsum dolor sit amet " * 30 + "\n\n") * 120_000
        ),
        "50 MB single line": lambda: "word " * 10_000_000 + "\n",
        "10,000 nested quotes": lambda: ">" * 10_000 + " deep\n",
        "10,000 list levels": lambda: "".join("  " * i + "- item\n" for i in range(10_000)),
        "100,000 headings": lambda: "".join(
            f"{'#' * (1 + i % 4)} H{i}\n\ntext {i}\n\n" for i in range(100_000)
        ),
        "1,000 columns": lambda: (
            "|"
            + "|".join(f"c{i}" for i in range(1_000))
            + "|\n|"
            + "---|" * 1_000
            + "\n"
            + ("|" + "|".join("x" for _ in range(1_000)) + "|\n") * 50
        ),
    }
    paths = {}
    for name, make in shapes.items():
        path = folder / (name.replace(" ", "-").replace(",", "") + ".md")
        if not path.exists():
            path.write_text(make(), encoding="utf-8")
        paths[name] = path
    return paths


def run_once(path: Path, timeout: float) -> tuple[float, float, float, float] | str:
    began = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-c", DRIVER, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"over {timeout:.0f} s"
    if result.returncode != 0:
        return "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1]
    loaded, first, done, peak = (float(x) for x in result.stdout.split())
    del began
    return loaded, first, done, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "limits")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    rows = [
        "| document | size | read+parse s | first screen s | keys + quit done s | peak MiB |",
        "|---|---|---|---|---|---|",
    ]
    for name, path in make_inputs(args.out).items():
        results = [run_once(path, args.timeout) for _ in range(args.runs)]
        good = [r for r in results if isinstance(r, tuple)]
        size = f"{path.stat().st_size / 1e6:.1f} MB"
        if not good:
            rows.append(f"| {name} | {size} | {results[0]} | | | |")
            continue
        med = [statistics.median(r[i] for r in good) for i in range(4)]
        rows.append(
            f"| {name} | {size} | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.0f} |"
        )
        print(rows[-1], flush=True)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
