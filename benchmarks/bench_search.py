"""Search on a 20 MB article: first-match latency, counting, pathological regexes.

Run: ``.venv/bin/python benchmarks/bench_search.py [--size BYTES] [--runs N]``.

What it measures, and why:

- first match after a keystroke, from a section 10 % into the document, with the
  per-section caches emptied before each run (the worst case: nothing searched yet).
  The app's target is 300 ms from keystroke to highlight; this is the core's share.
- the same while "typing" a rare word letter by letter (each keystroke a new query,
  caches kept between keystrokes as in the app).
- counting every match, cold (sections parsed for the first time) and warm.
- how responsive another thread stays while a count runs (the app's UI thread while
  the count runs in a worker): the longest gap between 5 ms ticks.
- how fast a count can be cancelled between sections.
- ``(a+)+$`` against a 2000-character run of ``a``: time until the search gives up,
  and whether other threads keep running meanwhile; stdlib ``re`` for comparison.
- the baseline from BENCHMARKING.md: markdown-it-py's full parse of the same text,
  which is the work a cold count cannot avoid.

Figures are min / median / max over runs in one process (loading 20 MB takes
seconds, so runs share the loaded document and empty the search caches instead).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import re
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from article import RARE_WORD, TRAP_LENGTH, generate  # noqa: E402

from pactreader.parse import Document  # noqa: E402
from pactreader.parse.markdown import full_parser  # noqa: E402
from pactreader.pipeline import load_document  # noqa: E402
from pactreader.search import (  # noqa: E402
    PatternTooSlow,
    Query,
    compile_query,
    match_counts,
    matcher,
    prefilter,
    prepare,
    search_from,
    visible,
)


def empty_caches(document: Document, *, source: bool = False) -> None:
    """Forget parsed sections (and the joined source) as if nothing was searched yet."""
    for build in (visible._new_unit_cache, visible._find_footnote_lines, matcher._match_cache):
        document.forget(build)
    if source:
        document.forget(prefilter._build_source_index)
    gc.collect()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def summary(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"{ms[0]:8.1f} {statistics.median(ms):8.1f} {ms[-1]:8.1f} ms"


def first_match(document: Document, query: Query, section: int) -> None:
    next(search_from(document, query, section), None)


def count(document: Document, query: Query) -> int:
    return sum(number for _, number in match_counts(document, query))


def longest_gap(action: Callable[[], object]) -> tuple[float, float]:
    """Run ``action`` in a thread; return (its duration, longest gap between 5 ms ticks)."""
    done = threading.Event()
    worker = threading.Thread(target=lambda: (action(), done.set()))
    gaps: list[float] = []
    start = time.perf_counter()
    worker.start()
    last = time.perf_counter()
    while not done.is_set():
        time.sleep(0.005)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    return time.perf_counter() - start, max(gaps, default=0.0)


def swallow_too_slow(action: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        with contextlib.suppress(PatternTooSlow):
            action()

    return run


def vm_hwm() -> str:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return line.split(":", 1)[1].strip()
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-baseline", action="store_true", help="skip the full-parse baseline")
    args = parser.parse_args()

    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"article-{args.size}.md"
    if not path.exists():
        path.write_text(generate(args.size), encoding="utf-8")
    print(f"document: {path.name}, {path.stat().st_size / 1e6:.1f} MB")

    load = timed(lambda: load_document(path))
    document = load_document(path)
    gc.freeze()
    sections = len(document.sections)
    start = sections // 10
    print(f"load (outline only): {load:.2f} s; {sections} sections, {document.line_count} lines")
    print(f"searches start at section {start} (10 % in)\n")

    print("first match after a keystroke               min   median      max")
    rare = compile_query(RARE_WORD)
    empty_caches(document, source=True)
    very_first = timed(lambda: first_match(document, rare, start))
    print(f"  {'rare word, first search, no prepare()':<40} {summary([very_first])}")
    prepared = []
    for _ in range(args.runs):
        empty_caches(document, source=True)
        prepared.append(timed(lambda: prepare(document)))
    print(f"  {'(prepare() alone, once per document)':<40} {summary(prepared)}")
    cases = {
        "common word 'the'": compile_query("the"),
        "medium word 'kalobri'": compile_query("kalobri"),
        f"rare word '{RARE_WORD}'": rare,
        "phrase 'of the'": compile_query("of the"),
        r"regex 'zeug\w+' (prefilter on 'zeug')": compile_query(r"zeug\w+", is_regex=True),
        r"regex '(?:zeugma)' (no prefilter)": compile_query("(?:zeugma)", is_regex=True),
        r"regex '\bthe\b'": compile_query(r"\bthe\b", is_regex=True),
    }
    for name, query in cases.items():
        runs = 1 if "no prefilter" in name else args.runs
        times = []
        for _ in range(runs):
            empty_caches(document)
            times.append(timed(lambda query=query: first_match(document, query, start)))
        print(f"  {name:<40} {summary(times)}")
    empty_caches(document)
    warm = compile_query("(?:zeugma)", is_regex=True)
    count(document, warm)
    times = [timed(lambda: first_match(document, warm, start)) for _ in range(args.runs)]
    print(f"  {'the same, sections already parsed':<40} {summary(times)}")

    print("\ntyping the rare word letter by letter (caches kept between keystrokes)")
    empty_caches(document)
    for end in range(1, len(RARE_WORD) + 1):
        query = compile_query(RARE_WORD[:end])
        latency = timed(lambda query=query: first_match(document, query, start))
        print(f"  {RARE_WORD[:end]!r:<10} {latency * 1000:8.1f} ms")

    print("\ncounting every match                        min   median      max")
    for name, query in {
        "common 'the'": compile_query("the"),
        f"rare '{RARE_WORD}'": rare,
        r"regex 'zeug\w+'": compile_query(r"zeug\w+", is_regex=True),
        "regex '(?:zeugma)'": compile_query("(?:zeugma)", is_regex=True),
    }.items():
        cold = []
        for _ in range(
            min(args.runs, 3) if query.candidate is None or name.startswith("common") else args.runs
        ):
            empty_caches(document)
            cold.append(timed(lambda query=query: count(document, query)))
        warm_times = [timed(lambda query=query: count(document, query)) for _ in range(args.runs)]
        total = count(document, query)
        print(f"  {name:<20} cold {summary(cold)}   warm {summary(warm_times)}   ({total} matches)")
    print(f"  peak memory so far (VmHWM): {vm_hwm()}")

    print("\nresponsiveness while a cold count of 'the' runs in a thread")
    empty_caches(document)
    duration, gap = longest_gap(lambda: count(document, compile_query("the")))
    print(f"  count took {duration:.2f} s; longest gap between 5 ms ticks: {gap * 1000:.1f} ms")

    print("\ncancelling a cold count between sections")
    empty_caches(document)
    cancelled = threading.Event()
    stopped: list[float] = []

    def cancellable() -> None:
        for _ in match_counts(document, compile_query("the")):
            if cancelled.is_set():
                stopped.append(time.perf_counter())
                return

    worker = threading.Thread(target=cancellable)
    worker.start()
    time.sleep(1.0)
    asked = time.perf_counter()
    cancelled.set()
    worker.join()
    print(f"  stopped {(stopped[0] - asked) * 1000:.2f} ms after being asked")

    print(f"\npathological regex '(a+)+$' (a run of {TRAP_LENGTH} 'a's in the middle)")
    trap = next(
        index
        for index, section in enumerate(document.sections)
        if any(
            len(line) >= TRAP_LENGTH
            for line in document.lines[section.start_line - 1 : section.end_line]
        )
    )
    for timeout in (0.25, 1.0):
        query = compile_query("(a+)+$", is_regex=True, timeout=timeout)
        duration, gap = longest_gap(
            swallow_too_slow(lambda query=query: first_match(document, query, trap))
        )
        print(
            f"  regex engine, timeout {timeout:g} s: gave up after {duration:.2f} s; "
            f"other thread's longest gap {gap * 1000:.1f} ms"
        )
    query = compile_query("(a+)+$", is_regex=True, timeout=0.25)
    try:
        count(document, query)
        print("  count: finished?!")
    except PatternTooSlow as error:
        print(f"  count over the document: PatternTooSlow: {error}")
    stdlib = re.compile("(a+)+$")
    for length in (20, 22, 24):
        duration, gap = longest_gap(lambda length=length: stdlib.search("a" * length + "!"))
        print(
            f"  for comparison, stdlib re on {length} 'a's: {duration:.2f} s, "
            f"other thread's longest gap {gap * 1000:.0f} ms"
        )

    if not args.no_baseline:
        print("\nbaseline, interleaved A B A B: markdown-it-py full parse of the whole text")
        print("(A) against a cold count of 'the' (B), which parses every section on its own")
        text = path.read_text(encoding="utf-8")
        for _ in range(2):
            baseline = timed(lambda: full_parser().parse(text))
            gc.collect()
            empty_caches(document)
            cold = timed(lambda: count(document, compile_query("the")))
            print(f"  A {baseline:6.2f} s   B {cold:6.2f} s   B/A {cold / baseline:.2f}")
    print(f"\npeak memory (VmHWM): {vm_hwm()}")


if __name__ == "__main__":
    main()
