"""Time the repair layer on pathological and realistic scraped text.

Each measurement runs in a fresh process (no warm caches, no garbage from earlier
runs), repeated; the median, minimum and maximum are reported. Two baselines are
timed in the same process, alternating with repair: markdown-it-py's full parse of
the raw input (opening the file as Markdown as-is, what pactreader did before
repair), and of the repaired Markdown (the parse that always follows repair).
"ratio" is repair time over the raw-input parse.

Usage: python benchmarks/bench_repair.py [--runs N] [--sizes 1,4]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_ea4c330ccc039515.txt"
MIB = 1 << 20

# The three pathological inputs, some more of ours, and a realistic article.
CASES: dict[str, str] = {
    "'< ' x N": "< ",
    "'|' x N": "|",
    "'td >' x N": "td >",
    "'< li >' x N": "< li >",
    "'| td > ' x N": "| td > ",
    "'< ' x N + '>'": "< ",
    "'|\\n' x N (lines)": "|\n",
    "seed article x N": "",
}


def make_text(case: str, size: int) -> str:
    """``size`` bytes (about) of the case's text."""
    unit = CASES[case] or SEED.read_text(encoding="utf-8")
    text = unit * max(1, size // len(unit.encode("utf-8")))
    return text + ">" if case.endswith("+ '>'") else text


def child(case: str, size: int) -> None:
    """Measure once, in this process, and print the figures as JSON."""
    from pactreader.parse.markdown import full_parser
    from pactreader.repair import repair_text

    text = make_text(case, size)
    parser = full_parser()  # built outside the timing
    start = time.perf_counter()
    parser.parse(text)
    raw = time.perf_counter() - start
    start = time.perf_counter()
    markdown = repair_text(text)
    repair = time.perf_counter() - start
    start = time.perf_counter()
    parser.parse(markdown)
    parse = time.perf_counter() - start
    print(json.dumps({"raw": raw, "repair": repair, "parse": parse}))


def measure(case: str, size: int, runs: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"raw": [], "repair": [], "parse": []}
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, __file__, "--child", case, "--size", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        for key, value in json.loads(result.stdout).items():
            figures[key].append(value)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,4", help="sizes in MiB, comma-separated")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size)
        return
    print(
        f"{'case':22} {'MiB':>3} {'repair median (min-max) s':>26}"
        f" {'parse raw s':>11} {'parse repaired s':>16} {'ratio':>5}"
    )
    for size in (int(part) for part in args.sizes.split(",")):
        for case in CASES:
            figures = measure(case, size * MIB, args.runs)
            repair = figures["repair"]
            raw, parse = statistics.median(figures["raw"]), statistics.median(figures["parse"])
            median = statistics.median(repair)
            spread = f"{median:.3f} ({min(repair):.3f}-{max(repair):.3f})"
            print(
                f"{case:22} {size:>3} {spread:>26} {raw:>11.3f} {parse:>16.3f} {median / raw:>5.2f}"
            )


if __name__ == "__main__":
    main()
