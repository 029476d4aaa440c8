"""Time article extraction per page: pactreader's extract layer against its candidates.

For every page of the dev split (``../shared/eval/scraped/*.html``, or the pages
given), each extractor runs on the same decoded text in one process, alternating page
by page so that machine load hits them alike; the median, the 90th percentile and the
mean per page are reported. Candidates (see ``extract_candidates.py``):

* ``pactreader``: :func:`pactreader.extract.extract_article` (trafilatura, headline
  rules, front matter) and the parse that follows it.
* ``trafilatura``: trafilatura alone, Markdown and metadata (the baseline).
* ``readability``: readability-lxml plus markdownify, when installed.

Also reported: the start-up cost of a command on an HTML file (the median wall time
of ``pactreader outline PAGE`` in a fresh process), which includes importing lxml and
trafilatura.

Usage: python benchmarks/bench_extract.py [--limit N] [--cli-runs N] [PAGE...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from extract_candidates import extract

from pactreader.extract import extract_article
from pactreader.parse import parse_markdown
from pactreader.source import read_source

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "scraped"


def _pactreader(text: str, data: bytes) -> object:
    return parse_markdown(extract_article(text).markdown(), format="html")


def _candidate(name: str) -> Callable[[str, bytes], object]:
    def run(text: str, data: bytes) -> object:
        return extract(name, data)

    return run


def _available() -> dict[str, Callable[[str, bytes], object]]:
    runners = {"pactreader": _pactreader, "trafilatura": _candidate("trafilatura")}
    try:
        import markdownify  # noqa: F401
        import readability  # noqa: F401
    except ImportError:
        pass
    else:
        runners["readability"] = _candidate("readability")
    return runners


def _cli_seconds(page: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pactreader", "outline", str(page)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--cli-runs", type=int, default=5)
    args = parser.parse_args()
    pages = args.pages or sorted(DEV.glob("*.html"))
    if not pages:
        print(f"no pages: give some, or put the dev split at {DEV}", file=sys.stderr)
        return 1
    if args.limit:
        pages = pages[: args.limit]
    runners = _available()
    timings: dict[str, list[float]] = {name: [] for name in runners}
    for page in pages:
        text = read_source(page).text
        data = page.read_bytes()
        for name, run in runners.items():
            started = time.perf_counter()
            run(text, data)
            timings[name].append(time.perf_counter() - started)
    print(f"{len(pages)} pages, milliseconds per page")
    print(f"{'extractor':<12} {'median':>8} {'p90':>8} {'mean':>8}")
    for name, times in timings.items():
        ordered = sorted(times)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(
            f"{name:<12} {statistics.median(times) * 1000:8.0f} {p90 * 1000:8.0f}"
            f" {statistics.mean(times) * 1000:8.0f}"
        )
    page = pages[len(pages) // 2]
    seconds = _cli_seconds(page, args.cli_runs)
    print(f"pactreader outline {page.name} in a fresh process: {seconds:.2f} s (median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
