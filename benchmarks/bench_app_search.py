"""Search in the reader on a 20 MB article: keystroke to highlight, typing while counting, traps.

Every figure comes from a fresh process that opens the generated article
(``benchmarks/article.py``) in the reader, headless at 120x40, with frames
timestamped where Textual hands them to the terminal driver (as
``bench_reader.py`` does). Keys go straight to the driver, one at a time, the way a
terminal delivers them: no ``pilot.press()`` / ``pilot.pause()``, which wait for the
app to settle and would time the framework (BENCHMARKING.md). A latency is the time
from handing a key to the driver to the first frame that shows its effect.

Scenarios, each in its own process:

- rare: ``/`` then ``zeugma`` typed from the top at one key per 150 ms. Per key: the
  echo (the frame showing the character in the bar) and the first highlight (the
  frame showing that query's current match on screen). The full word's only matches
  lie at 50, 75 and 95 % of the text, so its first match needs a scan of half the
  document. Then the time until the count is complete ("match 1 of 3").
- common: ``/`` then ``the`` (on every screen; counting it parses every section).
  While that count runs, ten cursor moves in the bar (Left/Right, 100 ms apart),
  key to frame; the baseline is the same moves in the same process with no search
  running (an empty bar), interleaved before. Then how long the count takes.
- trap, trap-on-screen: Ctrl+R then ``(a+)+$``, which backtracks exponentially on the
  2,000-letter run of ``a`` at 50 %, from the top (the count reaches it) and with
  that paragraph on screen (the highlight reaches it at once). Time until the bar
  says "too slow", cursor moves meanwhile, then Esc, ``q`` and the time to exit.

    python benchmarks/bench_app_search.py [--runs 5] [--out docs/benchmarks-search.md]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from article import RARE_WORD, TRAP_LENGTH, generate  # noqa: E402
from bench_reader import SIZE, _peak_rss_mib, _say, _stats, timed_reader  # noqa: E402

DOCUMENT_SIZE = 20_000_000
TYPING_GAP = 0.15
"""Seconds between two letters: a quick typist."""
MOVE_GAP = 0.1
MOVES = 10
FRAME_TIMEOUT = 30.0
COUNT_CAP = 120.0
"""Seconds a count may take before the run stops waiting for it."""
TRAP = "(a+)+$"

# --------------------------------------------------------------------------- child side


def _key_name(character: str) -> str:
    names = {"/": "slash", "(": "left_parenthesis", ")": "right_parenthesis"}
    names |= {"+": "plus", "$": "dollar_sign"}
    return names.get(character, character)


class _Typist:
    """Hands keys to the driver and waits for the frames that show their effect."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def send(self, key: str, character: str | None = None) -> float:
        from textual import events

        if character is None and len(key) == 1:
            character = key
        event = events.Key(key, character)
        event.set_sender(self.app)
        pressed = time.perf_counter()
        self.app._driver.send_message(event)
        return pressed

    async def press(self, key: str, until: Any, character: str | None = None) -> float:
        """Seconds from ``key`` to the first frame for which ``until()`` holds."""
        frame = self.app.clock.wait(until)
        pressed = self.send(key, character)
        return await asyncio.wait_for(frame, FRAME_TIMEOUT) - pressed

    async def type(self, text: str, until_highlight: bool) -> list[dict[str, float]]:
        """Type ``text`` a letter at a time; per letter the echo and highlight latencies."""
        app = self.app
        results: list[dict[str, float]] = []
        for length in range(1, len(text) + 1):
            typed = text[:length]
            character = typed[-1]
            echo = app.clock.wait(lambda typed=typed: app.search_bar.input.value == typed)
            shown = app.clock.wait(lambda typed=typed: _current_on_screen(app, typed))
            pressed = self.send(_key_name(character), character)
            result = {
                "pressed": pressed,
                "echo": await asyncio.wait_for(echo, FRAME_TIMEOUT) - pressed,
            }
            if until_highlight:
                result["highlight"] = await asyncio.wait_for(shown, FRAME_TIMEOUT) - pressed
            results.append(result)
            await asyncio.sleep(max(0.0, TYPING_GAP - (time.perf_counter() - pressed)))
        return results

    async def moves(self) -> list[float]:
        """Cursor moves in the bar (Left, Right, ...), key to frame."""
        field = self.app.search_bar.input
        latencies: list[float] = []
        for number in range(MOVES):
            key = "left" if number % 2 == 0 else "right"
            target = field.cursor_position + (-1 if key == "left" else 1)
            latencies.append(
                await self.press(key, lambda target=target: field.cursor_position == target)
            )
            await asyncio.sleep(MOVE_GAP)
        return latencies


def _current_on_screen(app: Any, text: str) -> bool:
    """The query is ``text`` and its current match is painted on screen."""
    session = app.search_bar.session
    if session is None or session.query.text != text or session.current is None:
        return False
    reading = app.reading
    for y in range(reading.scrollable_content_region.height):
        for segment in reading.render_line(y):
            if segment.style is not None and segment.style.meta.get("pactreader-current"):
                return True
    return False


def _status(app: Any) -> str:
    label = app.search_bar.query_one("#search-status")
    return str(label.render())


def child(scenario: str, path: str) -> dict[str, Any]:
    import gc

    from pactreader.pipeline import load_document
    from pactreader.tui.app import ReaderApp

    started = time.perf_counter()
    document = load_document(path)
    gc.freeze()
    loaded = time.perf_counter()
    app = timed_reader(ReaderApp, document, time.time(), started)
    result: dict[str, Any] = {"load": loaded - started, "sections": len(document.sections)}
    trap_section = next(
        index
        for index, section in enumerate(document.sections)
        if any(
            "a" * TRAP_LENGTH in line
            for line in document.lines[section.start_line - 1 : section.end_line]
        )
    )

    async def pilot(pilot: Any) -> None:
        typist = _Typist(app)
        while app.first_frame is None:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()  # the one-off preparation of the search
        await asyncio.sleep(0.5)
        bar = app.search_bar
        try:
            if scenario == "trap-on-screen":
                app.reading.scroll_to_section(trap_section)
                await asyncio.sleep(0.5)
            result["open"] = await typist.press("slash", lambda: bool(bar.display), "/")
            await asyncio.sleep(0.3)
            if scenario == "rare":
                await _rare(app, typist, result)
            elif scenario == "common":
                await _common(app, typist, result)
            else:
                await _trap(app, typist, result)
        except TimeoutError:
            import traceback

            result["timeout"] = traceback.format_exc().splitlines()[-12:]
        _say(result)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot)
    result["exited"] = time.perf_counter()
    if "quit_pressed" in result:
        result["quit"] = result.pop("exited") - result.pop("quit_pressed")
    else:
        result.pop("exited")
    result["rss"] = _peak_rss_mib()
    return result


async def _rare(app: Any, typist: _Typist, result: dict[str, Any]) -> None:
    done = app.clock.wait(
        lambda: (
            app.search_bar.session is not None
            and app.search_bar.session.query.text == RARE_WORD
            and app.search_bar.session.done
        )
    )
    letters = await typist.type(RARE_WORD, until_highlight=True)
    last = letters[-1]["pressed"]
    result["echo"] = [letter["echo"] for letter in letters]
    result["highlight"] = [letter["highlight"] for letter in letters]
    result["count"] = await asyncio.wait_for(done, COUNT_CAP) - last
    result["status"] = _status(app)


async def _common(app: Any, typist: _Typist, result: dict[str, Any]) -> None:
    bar = app.search_bar
    # The baseline: the same cursor moves with no search running. The bar must hold
    # text to move in, so type letters no section contains, let the count end, clear.
    await typist.type("qq", until_highlight=False)
    while bar.session is None or not bar.session.done:
        await asyncio.sleep(0.05)
    field = bar.input
    field.cursor_position = 1
    await asyncio.sleep(0.3)
    result["idle_moves"] = await typist.moves()
    field.cursor_position = len(field.value)
    for length in (1, 0):
        await typist.press("backspace", lambda length=length: len(field.value) == length)
    await asyncio.sleep(0.3)
    done = app.clock.wait(
        lambda: bar.session is not None and bar.session.query.text == "the" and bar.session.done
    )
    letters = await typist.type("the", until_highlight=True)
    last = letters[-1]["pressed"]
    result["highlight"] = [letter["highlight"] for letter in letters]
    result["echo"] = [letter["echo"] for letter in letters]
    await asyncio.sleep(0.3)
    result["counting_during_moves"] = not bar.session.done
    result["busy_moves"] = await typist.moves()
    result["count_after_moves_done"] = bar.session.done
    try:
        result["count"] = await asyncio.wait_for(done, COUNT_CAP) - last
    except TimeoutError:
        result["count_timeout"] = COUNT_CAP
    result["status"] = _status(app)


async def _trap(app: Any, typist: _Typist, result: dict[str, Any]) -> None:
    bar = app.search_bar
    await typist.press("ctrl+r", lambda: bar.is_regex)
    failed = app.clock.wait(lambda: "too slow" in _status(app))
    letters = await typist.type(TRAP, until_highlight=False)
    last = letters[-1]["pressed"]
    result["echo"] = [letter["echo"] for letter in letters]
    moves = asyncio.ensure_future(typist.moves())
    result["too_slow"] = await asyncio.wait_for(failed, COUNT_CAP) - last
    result["busy_moves"] = await moves
    result["status"] = _status(app)
    result["escape"] = await typist.press("escape", lambda: not bar.display)
    await asyncio.sleep(0.2)
    result["quit_pressed"] = typist.send("q")
    # The app waits for this pilot to end before it returns: end as soon as it exits.
    deadline = time.perf_counter() + FRAME_TIMEOUT
    while app.return_code is None and time.perf_counter() < deadline:
        await asyncio.sleep(0.005)


# --------------------------------------------------------------------------- parent side

NOTES = [
    "How to read these figures:",
    "",
    "- The first highlight waits for a worker thread: it finds the first match after the "
    "top of the screen, posts it, and the app scrolls there and paints it. `ze` is the "
    "slow key: nothing before the middle of the document contains it, so the worker "
    "scans half of it (the prefilter skips sections whose source cannot hold the text), "
    "while the previous key's worker is still being cancelled.",
    "- Counting `the` parses every section once (what a full markdown-it parse of 20 MB "
    "costs); it runs in a thread worker (which offers the interpreter to the interface "
    "thread every 2 ms of work), and cursor moves in the bar take as long as with no "
    "search running.",
    "- `(a+)+$` from the top: the first match is found at once, then the count works its "
    "way to the trap paragraph at 50 %; there the regular expression runs out of its "
    "0.25 s budget and the bar says so. The interface answers throughout, and `q` quits "
    "at once. With the trap on screen, the highlights of a regular expression are "
    "looked for by a worker too, so the key that completes the pattern echoes "
    "immediately and the error follows when the budget is spent.",
    "- The machine is shared (load average above 2 on 2 cores during the runs): the "
    "maxima include other processes' turns.",
]


def run_child(scenario: str, path: Path, timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", scenario, str(path)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=True, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return {"killed": True}
    except subprocess.CalledProcessError as failed:
        return {"failed": failed.stderr[-2000:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _values(runs: list[dict[str, Any]], key: str, pick: Any = None) -> list[float]:
    values: list[float] = []
    for run in runs:
        if key not in run:
            continue
        value = run[key]
        if isinstance(value, list):
            values.extend(value if pick is None else [pick(value)])
        else:
            values.append(value)
    return values


def _cell(runs: list[dict[str, Any]], key: str, pick: Any = None) -> str:
    return _stats(_values(runs, key, pick))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=DOCUMENT_SIZE)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-search.md")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _say(child(*args.child))
        return

    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"article-{args.size}.md"
    if not path.exists():
        path.write_text(generate(args.size), encoding="utf-8")
    scenarios = ["rare", "common", "trap", "trap-on-screen"]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in scenarios}
    for round_number in range(args.runs):
        for scenario in scenarios:
            outcome = run_child(scenario, path, timeout=COUNT_CAP + 180)
            results[scenario].append(outcome)
            print(f"round {round_number + 1} {scenario}: {outcome}", file=sys.stderr, flush=True)
    _report(args, path, results)


def _report(args: argparse.Namespace, path: Path, results: dict[str, list[dict[str, Any]]]) -> None:
    rare, common = results["rare"], results["common"]
    trap, on_screen = results["trap"], results["trap-on-screen"]
    sections = next(
        (run["sections"] for runs in results.values() for run in runs if "sections" in run), 0
    )
    idle = _values(common, "idle_moves")
    busy = _values(common, "busy_moves")
    ratio = statistics.median(busy) / statistics.median(idle) if idle and busy else float("nan")
    lines = [
        "# In-app search benchmark",
        "",
        f"`python benchmarks/bench_app_search.py --runs {args.runs}` on {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d')}, headless at {SIZE[0]}x{SIZE[1]}, on "
        f"`{path.name}` ({path.stat().st_size / 1e6:.1f} MB, {sections:,} sections, "
        "from `benchmarks/article.py`). Milliseconds from handing a key to the driver to "
        "the first frame showing its effect: median (min-max) over fresh processes "
        f"(per-key figures pool every key of every run). Reading and parsing the document "
        f"took {_cell(rare + common, 'load')} ms before the app started.",
        "",
        "| what | ms |",
        "|---|---|",
        f"| `/` opens the bar | {_cell(rare + common, 'open')} |",
        f"| `zeugma`, each key: echo in the bar | {_cell(rare, 'echo')} |",
        f"| `zeugma`, each key: its first match highlighted | {_cell(rare, 'highlight')} |",
        f"| `zeugma`, last key only (first match at 50 % of the text) | "
        f"{_cell(rare, 'highlight', lambda values: values[-1])} |",
        f'| `zeugma`: last key to the complete count ("match 1 of 3") | {_cell(rare, "count")} |',
        "| `zeugma`, first match highlighted, key by key | "
        + " / ".join(
            f"`{RARE_WORD[: k + 1]}` {_cell(rare, 'highlight', lambda values, k=k: values[k])}"
            for k in range(len(RARE_WORD))
        )
        + " |",
        f"| `the`, each key: first match highlighted | {_cell(common, 'highlight')} |",
        f"| cursor move in the bar, no search running (baseline) | {_stats(idle)} |",
        f"| cursor move in the bar while `the` is being counted | {_stats(busy)} |",
        f"| `the`: last key to the complete count | {_cell(common, 'count')} |",
        f'| `{TRAP}` (regex) from the top: last key to "too slow" | {_cell(trap, "too_slow")} |',
        f"| ... cursor moves meanwhile | {_cell(trap, 'busy_moves')} |",
        f"| ... each key's echo | {_cell(trap, 'echo')} |",
        f"| ... `q` (after Esc) to the app's exit | {_cell(trap, 'quit')} |",
        f'| `{TRAP}` with the trap on screen: last key to "too slow" | '
        f"{_cell(on_screen, 'too_slow')} |",
        f"| ... each key's echo | {_cell(on_screen, 'echo')} |",
        f"| ... last key's echo | {_cell(on_screen, 'echo', lambda values: values[-1])} |",
        f"| ... cursor moves meanwhile | {_cell(on_screen, 'busy_moves')} |",
        f"| ... `q` (after Esc) to the app's exit | {_cell(on_screen, 'quit')} |",
        "",
        f"Cursor moves while counting, against the idle baseline: {ratio:.2f}x "
        f"(moves during the count in every run: "
        f"{all(run.get('counting_during_moves') for run in common)}).",
        "",
        *NOTES,
        "",
        "Final status lines: "
        + "; ".join(sorted({str(run.get("status")) for runs in results.values() for run in runs})),
        "",
    ]
    problems = [
        f"{name}: {run}"
        for name, runs in results.items()
        for run in runs
        if run.get("killed") or run.get("failed") or run.get("timeout")
    ]
    if problems:
        lines += ["Runs that did not finish:", "", *[f"- {problem}" for problem in problems], ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
