"""Hostile inputs of issue 14, measured: the YAML alias bomb and the palette at 10^6 headings.

Each measure runs in a fresh process, ``--runs`` times, interleaved with its baseline
(same process shape, a harmless document), and the medians are printed as a Markdown
table:

* alias bomb: ``pactreader outline`` (whole process) and the reader's first screen,
  against the same document without its front matter;
* palette: with 10^6 headings, the time from Ctrl+P until the palette is up, from
  typing a query until its first "Go to" hit is listed, and from ``q`` (after Esc
  closes the palette) until the app has exited; the baseline is the same on a
  10-heading document.

    python benchmarks/bench_security.py [--out DIR] [--runs N] [--headings N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
"""
BODY = "# Title\n\nSome text.\n\n## Install\n\nMore text.\n"

READER = r"""
import asyncio, sys, time
start = time.perf_counter()
from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp
async def main():
    app = ReaderApp(load_document(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(f"{time.perf_counter() - start:.3f}")
        await pilot.press("q")
asyncio.run(main())
"""

PALETTE = r"""
import asyncio, sys, time
from textual import events
from textual.command import CommandList, CommandPalette
from pactreader.pipeline import load_document
from pactreader.tui.app import ReaderApp
document = load_document(sys.argv[1])
query = sys.argv[2]


async def until(condition):
    # Polls without Pilot.pause: that waits for the app to be idle, and the outline
    # filling in keeps a big document's app busy for seconds.
    while not condition():
        await asyncio.sleep(0.001)


def key(app, name, character=None):
    app.post_message(events.Key(name, character))


async def main():
    app = ReaderApp(document)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        key(app, "ctrl+p")
        await until(lambda: isinstance(app.screen, CommandPalette) and app.screen.is_mounted)
        await until(lambda: app.screen.query(CommandList))
        opened = time.perf_counter() - began
        commands = app.screen.query_one(CommandList)
        began = time.perf_counter()
        for character in query:
            key(app, character, character)
        await until(lambda: any(
            "Go to" in str(commands.get_option_at_index(i).prompt)
            for i in range(commands.option_count)
        ))
        first_hit = time.perf_counter() - began
        key(app, "escape")
        await until(lambda: not isinstance(app.screen, CommandPalette))
        began = time.perf_counter()
        key(app, "q", "q")
        await until(lambda: not app.is_running)
    quit = time.perf_counter() - began
    print(f"{opened:.3f} {first_hit:.3f} {quit:.3f}")
asyncio.run(main())
"""


def timed(command: list[str], timeout: float = 600.0) -> float:
    """Wall time of a whole process."""
    began = time.perf_counter()
    subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    return time.perf_counter() - began


def printed(command: list[str], timeout: float = 900.0) -> list[float]:
    """The numbers a driver process prints."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    return [float(value) for value in result.stdout.split()]


def make_inputs(folder: Path, headings: int) -> dict[str, Path]:
    """The documents, written once."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "bomb": folder / "alias-bomb.md",
        "plain": folder / "no-front-matter.md",
        "many": folder / f"headings-{headings}.md",
        "few": folder / "headings-10.md",
    }
    paths["bomb"].write_text(BOMB + BODY)
    paths["plain"].write_text(BODY)
    for key, count in (("many", headings), ("few", 10)):
        if not paths[key].exists():
            with paths[key].open("w") as out:
                out.write("# Headings\n\n")
                for number in range(count):
                    out.write(f"## Heading {number}\n\nText.\n\n")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "security")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--headings", type=int, default=1_000_000)
    args = parser.parse_args()
    paths = make_inputs(args.out, args.headings)
    python = sys.executable
    cli = [python, "-m", "pactreader"]
    samples: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        samples.setdefault(key, []).append(value)

    for _ in range(args.runs):
        for name in ("bomb", "plain"):
            add(f"outline {name}", timed([*cli, "outline", str(paths[name])]))
            add(f"reader {name}", printed([python, "-c", READER, str(paths[name])])[0])
        for name in ("many", "few"):
            opened, hit, quit = printed([python, "-c", PALETTE, str(paths[name]), "9"])
            add(f"palette open {name}", opened)
            add(f"first hit {name}", hit)
            add(f"quit {name}", quit)
    rows = ["| measure | hostile | baseline |", "|---|---|---|"]
    for measure, hostile, baseline in (
        ("`outline`, whole process", "outline bomb", "outline plain"),
        ("reader, first screen", "reader bomb", "reader plain"),
        ("Ctrl+P until the palette is up", "palette open many", "palette open few"),
        ('typing "9" until a "Go to" hit is listed', "first hit many", "first hit few"),
        ("`q` until the app has exited", "quit many", "quit few"),
    ):
        rows.append(
            f"| {measure} | {statistics.median(samples[hostile]):.3f} s"
            f" | {statistics.median(samples[baseline]):.3f} s |"
        )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
