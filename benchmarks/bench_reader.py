"""How fast the reader opens a document and jumps, against Textual's MarkdownViewer.

Every figure comes from a fresh process, run headless at 120x40 with the frames
timestamped where Textual hands them to the terminal driver (``App._display``, after
converting the update to terminal sequences as a real terminal run would): not with
``pilot.pause()``, which waits for the whole app to settle (see BENCHMARKING.md).

Measured, per document (the 1.27 MB pandoc changelog and the bundled sample):

- floor: a minimal Textual app showing one line, launch to first frame;
- launch to first screen: process start to the first frame that shows text;
- app start to first screen: from the end of the imports (Python and Textual are up)
  to the first frame showing text and the complete outline; includes reading and
  parsing the document;
- jump first -> last: choosing the last entry of the outline (table of contents) to
  the first frame that shows that section, cold (never rendered before), then the
  median of warm jumps back and forth;
- peak memory (VmHWM).

Runs are interleaved (floor, pactreader, MarkdownViewer, ...) and the medians of
``--runs`` rounds reported with min and max. MarkdownViewer on the 1.27 MB file mounts
one widget per block and takes minutes: it gets ``--viewer-huge-runs`` runs, each
capped at ``--cap`` seconds, and a figure it did not reach in time reads ``> cap``.

    python benchmarks/bench_reader.py [--runs 5] [--out docs/benchmarks-reader.md]

For benchmarks/harness.py (issue 7's targets) the module provides :data:`MEASURES` and
:func:`measure`: one fresh process of the reader, run by the harness's own spawner in a
pseudo-terminal (a real terminal driver, as the harness's start floor), whose milestones
are ``time.monotonic()`` readings (benchmarks/probe.py) taken after the frame showing
them was written: the first screen, the complete outline, a cold ``G`` (End) keypress
and a cold jump from the outline to the middle section, each to the frame it produced,
and the first match of a search. The search figure is the core's alone
(``next(search_from(...))`` from the current section, for the last section's title, so
the search crosses the whole document); the in-app figure, keystroke to highlighted
frame, is ``bench_app_search.py``'s.
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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import probe

ROOT = Path(__file__).resolve().parents[1]
HUGE = ROOT.parent / "shared" / "corpus" / "pandoc-changelog-huge.md"
SAMPLE = ROOT / "articles" / "us-algeria-defense-pact.md"
SIZE = (120, 40)
WARM_JUMPS = 6

# A clock reading in both time bases, so frame times (perf_counter) convert to wall time
# and compare with the parent's launch time.
_WALL0, _PERF0 = time.time(), time.perf_counter()


def _wall(perf: float) -> float:
    return _WALL0 + perf - _PERF0


# --------------------------------------------------------------------------- child side


def _peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class _FrameClock:
    """Resolves waiters on the first frame, after they were set, for which a test holds."""

    def __init__(self) -> None:
        self.waiters: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []

    def frame(self) -> None:
        now = time.perf_counter()
        for waiter in list(self.waiters):
            check, future = waiter
            if future.done():
                self.waiters.remove(waiter)
            elif check():
                future.set_result(now)
                self.waiters.remove(waiter)

    def wait(self, check: Callable[[], bool]) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters.append((check, future))
        return future


_SAID: dict[str, Any] = {}


def _say(outcome: dict[str, Any]) -> None:
    """Everything measured so far as one JSON line: the parent keeps the last one it got."""
    _SAID.update(outcome)
    print(json.dumps(_SAID), flush=True)


def _timed(app_class: type[Any]) -> type[Any]:
    """A subclass of ``app_class`` whose frames are timestamped by a :class:`_FrameClock`."""

    class Timed(app_class):  # type: ignore[misc, valid-type]
        clock: _FrameClock
        headless_render: bool = True
        launched: float = 0.0
        imported: float = 0.0
        first_check: Callable[[Any], bool]
        first_frame: float | None = None

        def _display(self, screen: Any, renderable: Any) -> None:
            if renderable is not None and not self.headless_render:
                super()._display(screen, renderable)  # written to the terminal first
                self.clock.frame()
                return
            if renderable is not None:
                render = getattr(renderable, "render_segments", None)
                if render is not None:
                    render(self.console)  # what a real terminal run writes
                if self.first_frame is None and type(self).first_check(self):
                    self.first_frame = time.perf_counter()
                    # Said at once: a run stopped at the cap still reports its first screen.
                    _say(
                        {
                            "launch_to_first": _wall(self.first_frame) - self.launched,
                            "start_to_first": self.first_frame - self.imported,
                        }
                    )
                self.clock.frame()
            super()._display(screen, renderable)

    return Timed


def child_floor(launched: float) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    imported = time.perf_counter()

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("one line")

    app_class = _timed(Floor)
    app_class.first_check = lambda app: bool(app.query(Static))
    app = app_class()
    app.clock = _FrameClock()
    app.launched = launched
    app.imported = imported

    async def pilot(pilot: Any) -> None:
        while app.first_frame is None:
            await asyncio.sleep(0.005)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot)
    return {
        "launch_to_first": _wall(app.first_frame) - launched,
        "start_to_first": app.first_frame - imported,
        "rss": _peak_rss_mib(),
    }


def child_pactreader(launched: float, path: str) -> dict[str, Any]:
    from pactreader.pipeline import load_document
    from pactreader.tui.app import ReaderApp

    imported = time.perf_counter()
    document = load_document(path)
    loaded = time.perf_counter()
    app = timed_reader(ReaderApp, document, launched, imported)
    last = len(document.sections) - 1
    result: dict[str, Any] = {}

    async def pilot(pilot: Any) -> None:
        while app.first_frame is None:
            await asyncio.sleep(0.005)
        await pilot.pause()
        outline = app.outline
        result["outline_complete"] = len(list(_walk(outline.root))) == len(document.sections)
        jumps: list[float] = []
        for target in [last, 0] * (WARM_JUMPS // 2 + 1):
            await pilot.pause()
            frame = app.clock.wait(
                lambda target=target: app.reading.current_section == target  # type: ignore[misc]
            )
            pressed = time.perf_counter()
            outline.select_node(outline.node_of(target))
            jumps.append(await asyncio.wait_for(frame, 10) - pressed)
        result["jump_cold"] = jumps[0]
        result["jump_warm"] = statistics.median(jumps[1:])
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot)
    assert app.first_frame is not None
    result.update(
        launch_to_first=_wall(app.first_frame) - launched,
        start_to_first=app.first_frame - imported,
        load=loaded - imported,
        rss=_peak_rss_mib(),
    )
    return result


def timed_reader(app_class: type[Any], document: Any, launched: float, imported: float) -> Any:
    """The reader on ``document``, its frames timestamped; its first screen shows text."""
    timed = _timed(app_class)
    timed.first_check = lambda app: bool(
        app.query("#reading") and app.reading.rendered_sections > 0
    )
    app = timed(document)
    app.clock = _FrameClock()
    app.launched = launched
    app.imported = imported
    return app


def _walk(node: Any) -> Any:
    for child in node.children:
        yield child
        yield from _walk(child)


def child_viewer(launched: float, path: str, cap: float) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import MarkdownViewer, Tree

    imported = time.perf_counter()
    text = Path(path).read_text(encoding="utf-8")

    class Viewer(App[None]):
        def compose(self) -> ComposeResult:
            yield MarkdownViewer(text, show_table_of_contents=True)

    app_class = _timed(Viewer)
    app_class.first_check = lambda app: bool(
        app.query(MarkdownViewer) and app.query_one(MarkdownViewer).document.children
    )
    app = app_class()
    app.clock = _FrameClock()
    app.launched = launched
    app.imported = imported
    result: dict[str, Any] = {}
    deadline = imported + cap

    async def pilot(pilot: Any) -> None:
        viewer = app.query_one(MarkdownViewer)
        toc = viewer.table_of_contents
        tree = toc.query_one(Tree)
        done = app.clock.wait(
            lambda: toc.table_of_contents is not None and bool(tree.root.children)
        )
        try:
            outline_frame = await asyncio.wait_for(done, max(0.1, deadline - time.perf_counter()))
        except TimeoutError:
            result["outline_timeout"] = True
            app.exit()
            return
        result["outline"] = outline_frame - imported
        _say(result)
        leaves = [node for node in _walk(tree.root) if node.data]
        jumps: list[float] = []
        for target in [leaves[-1], leaves[0]] * (WARM_JUMPS // 2 + 1):
            await pilot.pause()
            before = viewer.scroll_y
            frame = app.clock.wait(lambda before=before: viewer.scroll_y != before)  # type: ignore[misc]
            pressed = time.perf_counter()
            tree.select_node(target)
            try:
                left = max(0.1, deadline - time.perf_counter())
                jumps.append(await asyncio.wait_for(frame, left) - pressed)
            except TimeoutError:
                break
        if jumps:
            result["jump_cold"] = jumps[0]
        if len(jumps) > 1:
            result["jump_warm"] = statistics.median(jumps[1:])
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=pilot)
    if app.first_frame is not None:
        result.update(
            launch_to_first=_wall(app.first_frame) - launched,
            start_to_first=app.first_frame - imported,
        )
    result["rss"] = _peak_rss_mib()
    return result


MEASURES: dict[str, str] = {
    "first_screen": "reader: process start to first screen",
    "complete_outline": "reader: process start to complete outline",
    "jump": "reader: jump to the end (G, cold), keypress to frame",
    "jump_section": "reader: jump to the middle section from the outline (cold), to frame",
    "search": (
        "reader: search core, first match across the whole document"
        " (in-app figures: benchmarks-search.md)"
    ),
    "rss_mib": "peak memory: reader",
}
"""The harness's rows for the reader (benchmarks/harness.py READER EXTENSION POINT)."""


def measure(path: Path, run: int) -> dict[str, float]:
    """One fresh process of the reader on ``path``, in seconds (and MiB for ``rss_mib``)."""
    import harness  # the harness's spawner: pseudo-terminal, milestones, peak memory

    sample = harness.run_process(
        [sys.executable, __file__, "--child", "targets", "0", str(path)],
        terminal=True,
        timeout=120,
    )
    marks = sample.marks
    result = {key: marks[key] for key in ("first_screen", "complete_outline") if key in marks}
    for key in ("jump", "jump_section", "search"):
        if f"{key}_start" in marks and f"{key}_end" in marks:
            result[key] = marks[f"{key}_end"] - marks[f"{key}_start"]
    result["rss_mib"] = sample.rss_mib
    return result


def child_targets(path: str) -> None:
    """The reader as ``pactreader FILE`` runs it, its milestones reported through ``probe.mark``.

    The entry point is the real one (``pactreader.cli.main.main``: loading included);
    only the app class it opens is swapped for a subclass whose frames are timestamped
    after they were written to the terminal, and which runs the measuring pilot.
    """
    import pactreader.tui.app
    from pactreader.cli.main import main as pactreader_main

    timed = _timed(pactreader.tui.app.ReaderApp)
    timed.headless_render = False

    class Measured(timed):  # type: ignore[misc, valid-type]
        first_marked = False

        def run(self, **options: Any) -> Any:
            self.clock = _FrameClock()
            return super().run(auto_pilot=partial(drive, self), **options)

        def _display(self, screen: Any, renderable: Any) -> None:
            # Watched from the very first frame: the pilot starts after the app is
            # ready, and the frame showing text may come before that.
            super()._display(screen, renderable)
            if renderable is not None and not self.first_marked:
                reading = self.query("#reading")
                if reading and reading.first().rendered_sections > 0:
                    self.first_marked = True
                    probe.mark("first_screen")

    pactreader.tui.app.ReaderApp = Measured  # type: ignore[misc]
    if pactreader_main([path]) != 0:
        raise SystemExit(1)


async def drive(app: Any, pilot: Any) -> None:
    """Wait for the first screen and the complete outline, then search and jump."""
    from pactreader.search.matcher import search_from
    from pactreader.search.pattern import compile_query

    def outline_complete() -> bool:
        # A big document opens with its opening only: complete once the whole document
        # is in and its outline filled in. (An outline built before its first frame has
        # no ``sections_shown``: complete at once.)
        if not getattr(app, "document_whole", True):
            return False
        sections = len(app.document.sections)
        return bool(getattr(app.outline, "sections_shown", sections) == sections)

    async def milestone(name: str, check: Callable[[], bool]) -> None:
        await app.clock.wait(check)
        probe.mark(name)

    await asyncio.wait_for(milestone("complete_outline", outline_complete), 60)
    assert app.first_marked, "no first screen"
    document = app.document
    sections = len(document.sections)
    assert len(list(_walk(app.outline.root))) == sections, "outline incomplete"
    await pilot.pause()
    reading = app.reading
    if sections > 1:
        # Search (core only): the last section's title, from the current section (the
        # first) on, so the search crosses the whole document to its first match.
        last = document.sections[-1].title.strip()
        if last:
            probe.mark("search_start")
            next(search_from(document, compile_query(last), reading.current_section), None)
            probe.mark("search_end")
        # G in the reading pane: the frame that shows the end of the document.
        end = app.clock.wait(lambda: reading.scroll_y >= reading.max_scroll_y > 0)
        probe.mark("jump_start")
        press = asyncio.ensure_future(pilot.press("G"))
        await asyncio.wait_for(end, 10)
        probe.mark("jump_end")
        await press
        # The outline's middle entry, never rendered before: the frame showing it on top.
        target = sections // 2
        shown = app.clock.wait(lambda: reading.current_section == target)
        probe.mark("jump_section_start")
        app.outline.select_node(app.outline.node_of(target))
        await asyncio.wait_for(shown, 10)
        probe.mark("jump_section_end")
    app.exit()


# --------------------------------------------------------------------------- parent side


def run_child(kind: str, *args: str, timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, str(time.time()), *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=True, cwd=ROOT
        )
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout or ""
        said = output.decode() if isinstance(output, bytes) else output
        partial = json.loads(said.strip().splitlines()[-1]) if said.strip() else {}
        return {**partial, "killed": True}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _stats(values: list[float], scale: float = 1000.0) -> str:
    if not values:
        return "n/a"
    values = sorted(value * scale for value in values)
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.0f}"
    return f"{median:.0f} ({values[0]:.0f}-{values[-1]:.0f})"


def _column(runs: list[dict[str, Any]], key: str, cap: float | None = None) -> str:
    values = [run[key] for run in runs if key in run]
    if not values and cap is not None:
        return f"> {cap * 1000:.0f}"
    return _stats(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--viewer-huge-runs", type=int, default=1)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds for MarkdownViewer")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-reader.md")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, launched, *rest = args.child
        if kind == "floor":
            outcome = child_floor(float(launched))
        elif kind == "targets":
            child_targets(rest[0])
            return
        elif kind == "pactreader":
            outcome = child_pactreader(float(launched), rest[0])
        else:
            outcome = child_viewer(float(launched), rest[0], float(rest[1]))
        _say(outcome)
        return

    results: dict[str, list[dict[str, Any]]] = {}
    plan = [
        ("floor", "floor", ()),
        ("pactreader huge", "pactreader", (str(HUGE),)),
        ("viewer huge", "viewer", (str(HUGE), str(args.cap))),
        ("pactreader sample", "pactreader", (str(SAMPLE),)),
        ("viewer sample", "viewer", (str(SAMPLE), str(args.cap))),
    ]
    for round_number in range(args.runs):
        for name, kind, extra in plan:
            if name == "viewer huge" and round_number >= args.viewer_huge_runs:
                continue
            outcome = run_child(kind, *extra, timeout=args.cap + 60)
            results.setdefault(name, []).append(outcome)
            print(f"round {round_number + 1} {name}: {outcome}", file=sys.stderr, flush=True)

    floor = results["floor"]
    lines = [
        "# Reader benchmark",
        "",
        f"`python benchmarks/bench_reader.py --runs {args.runs}` on "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}, headless at {SIZE[0]}x{SIZE[1]}. "
        "Milliseconds: median (min-max) over fresh processes, interleaved; memory in MiB.",
        "",
        f"Process start floor (a minimal Textual app showing one line, launch to first "
        f"frame): **{_column(floor, 'launch_to_first')} ms**; "
        f"its app start to first frame: {_column(floor, 'start_to_first')} ms.",
        "",
        "| document | app | runs | launch to first screen | app start to first screen "
        "and complete outline | of which read + parse | jump first -> last (cold) "
        "| jump (warm) | peak RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for document, label in (("huge", "pandoc-changelog-huge.md (1.27 MB)"), ("sample", "sample")):
        for app, name in (("pactreader", "pactreader"), ("viewer", "Textual MarkdownViewer")):
            runs = results.get(f"{app} {document}", [])
            if not runs:
                continue  # e.g. --viewer-huge-runs 0
            cap = args.cap if app == "viewer" else None
            first = _column(runs, "start_to_first", cap)
            if app == "viewer":
                first = f"{first} / outline {_column(runs, 'outline', cap)}"
            memory = [run["rss"] for run in runs if "rss" in run]
            rss = f"{statistics.median(memory):.0f}" if memory else "n/a"
            cells = [
                label,
                name,
                str(len(runs)),
                _column(runs, "launch_to_first", cap),
                first,
                _column(runs, "load") if app == "pactreader" else "",
                _column(runs, "jump_cold", cap),
                _column(runs, "jump_warm", cap),
                rss,
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "For MarkdownViewer the first screen is the first frame with mounted blocks, and its "
        "outline is complete when its table of contents is filled (after every block is "
        f"mounted); `> {args.cap * 1000:.0f}` means it had not happened when the run was "
        "stopped. Its jump is selecting the last table-of-contents entry. "
        "'Read + parse' is `pactreader.pipeline.load_document` (the core), which the app "
        "waits for before its first screen.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
