"""Measure pactreader on big documents, against its baselines, in one command.

Usage::

    python benchmarks/harness.py                       # every size, results into docs/benchmarks.md
    python benchmarks/harness.py --sizes 100KB 1MB --runs 3 --no-write
    python benchmarks/harness.py --sizes 20MB --no-viewer --block reader-results  # own block

For each size (documents from benchmarks/generate.py, plus the bundled sample article)
every measure runs in a fresh process, several times, interleaved (A B C A B C ...)
so that a slow spell of this shared machine hits every measure alike. A cell reports
the median with the minimum and maximum. Measures:

* start floor: a minimal Textual app showing one line, process start to first frame;
* markdown-it-py full parse of the same file (in-process parse time, and peak memory);
* ``pactreader outline FILE`` and ``pactreader export FILE``, whole process, and
  their peak resident memory (``wait4``'s ``ru_maxrss``);
* Textual's ``MarkdownViewer`` with its table of contents: first frame and fully
  loaded, up to the first size where it takes more than 60 s (larger sizes are
  skipped);
* the reader (see READER EXTENSION POINT below).

Processes that draw (the floor, the viewer, the reader) run in a pseudo-terminal of
100x30 whose output the harness reads and discards, like a fast terminal would.
Times are taken from ``time.monotonic()``, which every process on the machine shares:
the harness notes when it spawned a process, the process notes its milestones
(benchmarks/probe.py).

READER EXTENSION POINT: if ``benchmarks/bench_reader.py`` exists it is imported and
must provide

* ``MEASURES: dict[str, str]``, metric key to row label (e.g. ``"first_screen":
  "reader: first screen"``), in display order;
* ``measure(path: pathlib.Path, run: int) -> dict[str, float]``: one fresh-process
  measurement of the reader on ``path``, in seconds per metric key (a key may be
  missing when a measure does not apply); a key ``"rss_mib"`` is reported as the
  reader's peak memory.

The harness calls ``measure`` once per run, interleaved with the other measures.
Without that module, if ``pactreader.tui`` can be imported, the harness measures the
reader's first frame itself (benchmarks/probe.py ``reader``).
"""

from __future__ import annotations

import argparse
import datetime
import fcntl
import importlib
import json
import os
import platform
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SAMPLE = ROOT / "articles" / "us-algeria-defense-pact.md"
DOCS = ROOT / "docs" / "benchmarks.md"
PROBE = HERE / "probe.py"
TIME = Path("/usr/bin/time")
VIEWER_LIMIT = 60.0
TERMINAL = (100, 30)

try:
    bench_reader: Any = importlib.import_module("bench_reader")
except ImportError:
    bench_reader = None
if bench_reader is not None and not (
    hasattr(bench_reader, "MEASURES") and hasattr(bench_reader, "measure")
):
    print("benchmarks/bench_reader.py lacks MEASURES/measure(): not used", file=sys.stderr)
    bench_reader = None


@dataclass
class Sample:
    """One fresh process: how long it lived, its peak memory, its milestones."""

    wall: float
    rss_mib: float
    marks: dict[str, float] = field(default_factory=dict)
    """Milestone name -> seconds after the process was spawned."""
    timed_out: bool = False


def run_process(
    argv: list[str], *, terminal: bool = False, timeout: float = 600.0, stdout: Any = None
) -> Sample:
    """Spawn ``argv``, wait for it, and collect its milestones and peak memory.

    The process is started by ``/usr/bin/time``: a child forked from this (larger)
    process would report this process's resident size as its own peak.
    """
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as handle:
        rss = Path(handle.name)
    env = {**os.environ, "PROBE_REPORT": str(report)}
    if TIME.exists():
        argv = [str(TIME), "-f", "%M", "-o", str(rss), *argv]
    master = None
    if terminal:
        master, slave = pty.openpty()
        columns, rows = TERMINAL
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
        streams: dict[str, Any] = {"stdin": slave, "stdout": slave, "stderr": slave}
    else:
        streams = {"stdin": subprocess.DEVNULL, "stdout": stdout or subprocess.DEVNULL}
    started = time.monotonic()
    process = subprocess.Popen(argv, env=env, start_new_session=True, **streams)
    if terminal:
        os.close(slave)
    status, usage, timed_out = _wait(process.pid, timeout, master)
    ended = time.monotonic()
    process.returncode = status  # reaped by wait4 above
    if master is not None:
        os.close(master)
    try:
        raw = report.read_text(encoding="utf-8")
        marks = {name: at - started for name, at in json.loads(raw).items()} if raw else {}
        peak = rss.read_text(encoding="utf-8").split()
        kib = int(peak[-1]) if peak and peak[-1].isdigit() else usage.ru_maxrss
    finally:
        report.unlink(missing_ok=True)
        rss.unlink(missing_ok=True)
    if status != 0 and not timed_out:
        raise RuntimeError(f"{' '.join(argv)} exited with status {status}")
    return Sample(ended - started, kib / 1024, marks, timed_out)


def _wait(pid: int, timeout: float, master: int | None) -> tuple[int, Any, bool]:
    """Reap ``pid`` with its resource usage, draining its terminal; kill it after ``timeout``."""
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        os.killpg(pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        while master is not None:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    os.read(master, 1 << 16)
                except OSError:  # the terminal closed: the process is ending
                    break
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status), usage, killed.is_set()
        _, status, usage = os.wait4(pid, 0)
        return os.waitstatus_to_exitcode(status), usage, killed.is_set()
    finally:
        timer.cancel()


# --- measures ---------------------------------------------------------------------


@dataclass
class Results:
    """Every value measured for one document, by metric key."""

    values: dict[str, list[float]] = field(default_factory=dict)
    over: set[str] = field(default_factory=set)
    """Metric keys whose process was stopped at the time limit."""

    def add(self, key: str, value: float | None) -> None:
        if value is not None:
            self.values.setdefault(key, []).append(value)


Job = Callable[[Path, Results, int], None]
"""Measure one document once, adding to its results; the int is the run number."""


def _python(*arguments: str) -> list[str]:
    return [sys.executable, *arguments]


def job_floor(path: Path, results: Results, run: int) -> None:
    sample = run_process(_python(str(PROBE), "floor"), terminal=True, timeout=60)
    results.add("floor", sample.marks.get("first_frame"))


def job_parse(path: Path, results: Results, run: int) -> None:
    sample = run_process(_python(str(PROBE), "parse", str(path)))
    results.add("parse", sample.marks["parse_end"] - sample.marks["parse_start"])
    results.add("parse_rss", sample.rss_mib)


def job_outline(path: Path, results: Results, run: int) -> None:
    sample = run_process(_python("-m", "pactreader", "outline", str(path)))
    results.add("outline", sample.wall)
    results.add("outline_rss", sample.rss_mib)


def job_export(path: Path, results: Results, run: int) -> None:
    sample = run_process(_python("-m", "pactreader", "export", str(path)))
    results.add("export", sample.wall)
    results.add("export_rss", sample.rss_mib)


def job_viewer(path: Path, results: Results, run: int) -> None:
    if "viewer_loaded" in results.over:
        return
    sample = run_process(
        _python(str(PROBE), "viewer", str(path)), terminal=True, timeout=VIEWER_LIMIT
    )
    results.add("viewer_first", sample.marks.get("first_frame"))
    if sample.timed_out:
        results.over.add("viewer_loaded")
        results.add("viewer_loaded", VIEWER_LIMIT)
    else:
        results.add("viewer_loaded", sample.marks.get("loaded"))
        results.add("viewer_rss", sample.rss_mib)


def job_reader(path: Path, results: Results, run: int) -> None:
    # READER EXTENSION POINT: benchmarks/bench_reader.py measures the reader when present.
    if bench_reader is not None:
        for key, value in bench_reader.measure(path, run).items():
            results.add(f"reader_{key}", value)
        return
    sample = run_process(_python(str(PROBE), "reader", str(path)), terminal=True, timeout=120)
    results.add("reader_first_screen", sample.marks.get("first_frame"))
    results.add("reader_rss_mib", sample.rss_mib)


def reader_available() -> bool:
    """Whether there is a reader app to measure."""
    if bench_reader is not None:
        return True
    probe = subprocess.run(
        _python("-c", "import pactreader.tui.app"), capture_output=True, check=False
    )
    return probe.returncode == 0


# Row labels in display order: (metric key, label, kind) where kind is "s" or "MiB".
ROWS: list[tuple[str, str, str]] = [
    ("floor", "start floor: minimal Textual app, start to first frame", "s"),
    ("parse", "markdown-it-py full parse (in process)", "s"),
    ("outline", "`pactreader outline`, whole process", "s"),
    ("ratio", "outline / full parse, run by run (target < 0.15 at 20 MB)", "x"),
    ("export", "`pactreader export`, whole process", "s"),
    ("viewer_first", "Textual MarkdownViewer: first frame", "s"),
    ("viewer_loaded", "Textual MarkdownViewer: fully loaded with TOC", "s"),
    ("parse_rss", "peak memory: full parse", "MiB"),
    ("outline_rss", "peak memory: `pactreader outline`", "MiB"),
    ("export_rss", "peak memory: `pactreader export`", "MiB"),
    ("viewer_rss", "peak memory: MarkdownViewer", "MiB"),
]


def reader_rows() -> list[tuple[str, str, str]]:
    """The reader's rows: from bench_reader when present, else the first frame only."""
    if bench_reader is not None:
        rows = []
        for key, label in bench_reader.MEASURES.items():
            unit = "MiB" if key == "rss_mib" else "s"
            rows.append((f"reader_{key}", label, unit))
        return rows
    return [
        ("reader_first_screen", "reader: start to first screen", "s"),
        ("reader_rss_mib", "peak memory: reader", "MiB"),
    ]


# --- running ----------------------------------------------------------------------


# The slowest jobs run fewer times, to keep a default run near ten minutes: the viewer
# (10 s and more a run), and whole-document export of the big documents (a minute).
MAX_RUNS = {"viewer": 3}
MAX_BIG_RUNS = {"viewer": 1, "export": 2}


def measure(
    documents: dict[str, Path], runs: dict[str, int], jobs: list[tuple[str, Job]]
) -> dict[str, Results]:
    """Run every job on every document ``runs`` times, interleaved run by run."""
    results = {label: Results() for label in documents}
    for label, path in documents.items():
        caps = MAX_BIG_RUNS if _is_big(label) else MAX_RUNS
        for run in range(runs[label]):
            # Rotate the order so no job always runs right after the same neighbour.
            shift = run % len(jobs)
            for name, job in jobs[shift:] + jobs[:shift]:
                if run >= caps.get(name, runs[label]):
                    continue
                if name == "viewer" and _viewer_skipped(label, documents, results):
                    continue
                began = time.monotonic()
                job(path, results[label], run)
                print(
                    f"  {label:>6} run {run + 1}/{runs[label]} {name:<8}"
                    f" {time.monotonic() - began:7.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
    for result in results.values():
        # Each run's outline against the parse of the same run (taken moments apart).
        pairs = zip(result.values.get("outline", []), result.values.get("parse", []), strict=False)
        result.values["ratio"] = [outline / parse for outline, parse in pairs if parse > 0]
    return results


def _is_big(label: str) -> bool:
    return generate.SIZES.get(label, 0) >= generate.SIZES["5MB"]


def _viewer_skipped(label: str, documents: dict[str, Path], results: dict[str, Results]) -> bool:
    """Skip the viewer once it has exceeded the limit on this or a smaller document."""
    order = list(documents)
    sizes = [name for name in order if name in generate.SIZES]
    if label not in sizes:
        return False
    earlier = sizes[: sizes.index(label) + 1]
    return any("viewer_loaded" in results[name].over for name in earlier)


def cell(values: list[float] | None, unit: str, over: bool) -> str:
    """``median (min-max)`` for a metric, or a dash when it was not measured."""
    if not values:
        return "-"
    if over:
        return f"> {VIEWER_LIMIT:.0f} s"
    middle = statistics.median(values)
    if unit == "x":
        spread = f" ({min(values):.3f}-{max(values):.3f})" if len(values) > 1 else ""
        return f"{middle:.3f}{spread}"
    if unit == "MiB":
        return f"{middle:.0f} MiB"
    text = _seconds(middle)
    if len(values) > 1:
        text += f" ({_seconds(min(values), bare=True)}-{_seconds(max(values), bare=True)})"
    return text


def _seconds(value: float, *, bare: bool = False) -> str:
    if value < 1:
        return f"{value * 1000:.0f}" + ("" if bare else " ms")
    return f"{value:.2f}" + ("" if bare else " s")


def table(results: dict[str, Results], rows: list[tuple[str, str, str]]) -> str:
    """The Markdown results table: one row per metric, one column per document."""
    labels = list(results)
    lines = [
        "| measure | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
    ]
    for key, label, unit in rows:
        if not any(results[name].values.get(key) for name in labels):
            continue
        cells = [
            cell(results[name].values.get(key), unit, key in results[name].over) for name in labels
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# The targets, for the largest document (and the sample for the start ratio):
# (metric key, label, limit, measured from the start floor). Reader keys are the ones
# bench_reader.measure() is asked to use: first_screen, complete_outline, jump, search.
TARGETS: list[tuple[str, str, float, bool]] = [
    ("reader_first_screen", "first screen, after the start floor", 1.0, True),
    ("reader_complete_outline", "complete outline, after the start floor", 2.0, True),
    ("reader_jump", "jump to any section", 0.1, False),
    ("reader_search", "search, keystroke to first match", 0.3, False),
    ("reader_rss_mib", "peak memory of the reader", 400.0, False),
    ("outline_rss", "peak memory of `pactreader outline`", 400.0, False),
    ("ratio", "`pactreader outline` / full markdown-it-py parse", 0.15, False),
]


def targets(results: dict[str, Results]) -> str:
    """Each target that was measured, against the largest generated document."""
    sizes = [label for label in results if label in generate.SIZES]
    lines = ["| target | measured | limit | met |", "|---|---|---|---|"]
    if sizes:
        largest = results[sizes[-1]]
        floor = statistics.median(largest.values.get("floor", [0.0]))
        for key, label, limit, after_floor in TARGETS:
            values = largest.values.get(key)
            if not values:
                continue
            value = statistics.median(values) - (floor if after_floor else 0.0)
            if key == "ratio":
                shown = f"{value:.3f}"
            elif key.endswith("rss") or key.endswith("rss_mib"):
                shown = f"{value:.0f} MiB"
            else:
                shown = _seconds(value)
            met = "yes" if value < limit else "no"
            unit = " MiB" if "rss" in key else "" if key == "ratio" else " s"
            lines.append(f"| {sizes[-1]}: {label} | {shown} | < {limit:g}{unit} | {met} |")
    sample = results.get("sample")
    if sample and sample.values.get("reader_first_screen") and sample.values.get("floor"):
        ratio = statistics.median(sample.values["reader_first_screen"]) / statistics.median(
            sample.values["floor"]
        )
        met = "yes" if ratio <= 1.25 else "no"
        lines.append(f"| sample: first screen / start floor | {ratio:.2f} | <= 1.25 | {met} |")
    return "\n".join(lines) if len(lines) > 2 else ""


def machine() -> list[str]:
    """Where and with what the figures were taken."""
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f", {int(found.group(1)) / 1024 / 1024:.0f} GiB" if found else ""
    versions = ", ".join(
        f"{name} {_version(name)}"
        for name in ("pactreader", "textual", "rich", "markdown-it-py", "mdit-py-plugins")
    )
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return [
        f"- date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {cpu}, {os.cpu_count()} cores{memory}; {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- commit: {commit or 'unknown'}",
        f"- command: `{' '.join(['python benchmarks/harness.py', *sys.argv[1:]])}`",
    ]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def write_docs(text: str, path: Path = DOCS, name: str = "results") -> None:
    """Put the results between the markers of docs/benchmarks.md, keeping the prose.

    ``name`` names the markers (``<!-- NAME:start -->``): a partial run (a few sizes,
    no viewer) can keep its figures in a block of its own beside the full run's. A
    block not in the file yet is added at its end.
    """
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in current:
        head, rest = current.split(start, 1)
        tail = rest.split(end, 1)[1] if end in rest else ""
        path.write_text(head + block + tail, encoding="utf-8")
    elif current:
        path.write_text(current.rstrip("\n") + f"\n\n{block}\n", encoding="utf-8")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Benchmarks\n\n{block}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure pactreader on big documents.")
    parser.add_argument(
        "--sizes", nargs="+", choices=list(generate.SIZES), default=list(generate.SIZES)
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per document up to 1 MB")
    parser.add_argument(
        "--big-runs", type=int, default=3, help="runs per document of 5 MB and more"
    )
    parser.add_argument("--no-sample", action="store_true", help="skip the bundled sample article")
    parser.add_argument("--no-viewer", action="store_true", help="skip Textual's MarkdownViewer")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    parser.add_argument(
        "--block",
        default="results",
        help="name of the results block in docs/benchmarks.md (<!-- NAME:start -->)",
    )
    args = parser.parse_args(argv)

    documents: dict[str, Path] = {}
    if not args.no_sample:
        documents["sample"] = SAMPLE
    for label in args.sizes:
        documents[label] = generate.ensure(label)
    runs = {label: args.big_runs if _is_big(label) else args.runs for label in documents}
    jobs: list[tuple[str, Job]] = [
        ("floor", job_floor),
        ("parse", job_parse),
        ("outline", job_outline),
        ("export", job_export),
    ]
    rows = list(ROWS)
    if reader_available():
        jobs.append(("reader", job_reader))
        rows[1:1] = reader_rows()
    if not args.no_viewer:
        jobs.append(("viewer", job_viewer))
    began = time.monotonic()
    results = measure(documents, runs, jobs)
    sizes = ", ".join(
        f"{label} {path.stat().st_size / 1024:,.0f} KiB" for label, path in documents.items()
    )
    counts = ", ".join(f"{label} {count}" for label, count in runs.items())
    text = "\n".join(
        [
            *machine(),
            f"- documents: {sizes} (generator seed {generate.DEFAULT_SEED})",
            f"- runs per document: {counts}; harness time {time.monotonic() - began:.0f} s",
            "",
            table(results, rows),
            "",
            targets(results),
        ]
    )
    print(text)
    if not args.no_write:
        write_docs(text, name=args.block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
