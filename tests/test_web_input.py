"""Web input end to end: URLs, .html files and sniffed HTML through every command.

Every page is served by a local server on 127.0.0.1 that the tests write; nothing
touches the network.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pactreader.common.errors import SourceError
from pactreader.source import read_source
from pactreader.source.fetch import USER_AGENT, FetchLimits, fetch
from tests.web_pages import ARTICLE, ARTICLE_OUTLINE
from tests.web_server import ENDLESS, STALL, Reply, WebServer


@pytest.fixture
def server() -> Iterator[WebServer]:
    web = WebServer()
    web.routes["/guides/brew"] = Reply(ARTICLE.encode("utf-8"))
    web.start()
    try:
        yield web
    finally:
        web.stop()


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pactreader", *args],
        capture_output=True,
        input=stdin.decode("utf-8") if stdin is not None else None,
        text=True,
        check=False,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("pactreader: error: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def _outline(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert result.returncode == 0, result.stderr
    payload: dict[str, object] = json.loads(result.stdout)
    return payload


def _without_lines(outline: object) -> object:
    """The outline with what depends on where the page came from left out."""
    if isinstance(outline, list):
        return [_without_lines(item) for item in outline]
    if isinstance(outline, dict):
        skip = ("source", "front_matter", "start_line", "end_line")
        return {key: _without_lines(value) for key, value in outline.items() if key not in skip}
    return outline


def _titles(outline: dict[str, object]) -> list[str]:
    found: list[str] = []

    def walk(sections: object) -> None:
        assert isinstance(sections, list)
        for section in sections:
            if section["number"] != "0":
                found.append(section["title"])
            walk(section["children"])

    walk(outline["sections"])
    return found


def test_url_and_the_same_page_as_a_file_give_the_same_outline(
    server: WebServer, tmp_path: Path
) -> None:
    page = tmp_path / "brew.html"
    page.write_text(ARTICLE, encoding="utf-8")
    url_text = run_cli("outline", server.url("/guides/brew"))
    file_text = run_cli("outline", str(page))
    assert url_text.returncode == file_text.returncode == 0
    assert url_text.stdout == file_text.stdout
    # In JSON only the line numbers may differ: the URL's front matter has a url line.
    from_url = _outline(run_cli("outline", server.url("/guides/brew"), "--json"))
    from_file = _outline(run_cli("outline", str(page), "--json"))
    assert _without_lines(from_url) == _without_lines(from_file)
    assert from_url["title"] == "How to Brew Tea"
    assert from_url["format"] == "html"
    assert _titles(from_url) == ARTICLE_OUTLINE


def test_html_sniffed_from_standard_input() -> None:
    outline = _outline(run_cli("outline", "-", "--json", stdin=ARTICLE.encode("utf-8")))
    assert outline["title"] == "How to Brew Tea"
    assert _titles(outline) == ARTICLE_OUTLINE


def test_clean_url_prints_markdown_with_front_matter(server: WebServer) -> None:
    result = run_cli("clean", server.url("/guides/brew"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("---\ntitle: How to Brew Tea\nauthor: Ada Leaf\n")
    assert f"url: {server.url('/guides/brew')}\n" in result.stdout
    assert f"[kettle guide]({server.url('/kettles')})" in result.stdout
    assert "\n## Water\n" in result.stdout


def test_export_and_search_take_urls(server: WebServer) -> None:
    exported = run_cli("export", server.url("/guides/brew"), "Water", "--format", "text")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("1 Water\n")
    found = run_cli("search", server.url("/guides/brew"), "oxygen")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("1 Water:")


def test_user_agent_names_pactreader(server: WebServer) -> None:
    fetch(server.url("/guides/brew"))
    assert server.user_agents == [USER_AGENT]
    assert USER_AGENT.startswith("pactreader/")


def test_markdown_url_is_read_as_markdown(server: WebServer) -> None:
    server.routes["/notes.md"] = Reply(b"# Notes\n\n<b>raw</b> text\n", "text/plain")
    source = read_source(server.url("/notes.md"))
    assert source.format == "markdown"
    assert source.text.startswith("# Notes")


def test_charset_from_header_then_meta(server: WebServer) -> None:
    body = '<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body></body></html>'
    server.routes["/header"] = Reply(body.encode("cp1252"), "text/html; charset=windows-1252")
    server.routes["/meta"] = Reply(
        body.replace("utf-8", "windows-1252").encode("cp1252"), "text/html"
    )
    assert "Caf\u00e9" in read_source(server.url("/header")).text
    assert "Caf\u00e9" in read_source(server.url("/meta")).text
    assert read_source(server.url("/meta")).encoding == "cp1252"


def test_meta_charset_in_a_file(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    title = "\u65e5\u672c\u8a9e\u306e\u8a18\u4e8b"
    text = f'<html><head><meta charset="shift_jis"><title>{title}</title></head></html>'
    page.write_bytes(text.encode("shift_jis"))
    source = read_source(page)
    assert (source.format, source.encoding) == ("html", "shift_jis")
    assert "\u65e5\u672c\u8a9e" in source.text


def test_redirects_are_followed_up_to_five(server: WebServer) -> None:
    for hop in range(6):
        server.routes[f"/r{hop}"] = Reply(status=302, headers={"Location": f"/r{hop + 1}"})
    server.routes["/r6"] = Reply(ARTICLE.encode("utf-8"))
    assert fetch(server.url("/r1")).url == server.url("/r6")
    with pytest.raises(SourceError, match="more than 5 redirects"):
        fetch(server.url("/r0"))


def test_redirect_to_another_scheme_is_refused(server: WebServer) -> None:
    server.routes["/away"] = Reply(status=301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(SourceError, match="only http and https"):
        fetch(server.url("/away"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a.html", "data:text/html,hi"]
)
def test_other_schemes_are_refused(url: str) -> None:
    assert_one_line_error(run_cli("outline", url), "only http and https")


@pytest.mark.parametrize("url", ["http://[::1", "http://exa mple.com/"])
def test_malformed_urls(url: str) -> None:
    assert_one_line_error(run_cli("outline", url), "not a valid URL")


def test_not_found(server: WebServer) -> None:
    assert_one_line_error(run_cli("outline", server.url("/missing")), "HTTP 404")


def test_binary_content_type(server: WebServer) -> None:
    server.routes["/picture.png"] = Reply(b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
    assert_one_line_error(run_cli("outline", server.url("/picture.png")), "not an article")


def test_binary_body_behind_a_text_type(server: WebServer) -> None:
    server.routes["/fake.html"] = Reply(b"\x00\x01\x02binary" * 100)
    assert_one_line_error(run_cli("outline", server.url("/fake.html")), "binary data")


def test_connection_refused() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert_one_line_error(run_cli("outline", f"http://127.0.0.1:{port}/"), "refused")


@pytest.mark.parametrize(
    ("reply", "words"),
    [(ENDLESS, "larger than 20 MB"), (STALL, "timed out after 20 s")],
    ids=["huge-body-stops-at-the-cap", "stalled-server-times-out"],
)
def test_a_server_that_never_finishes_is_one_error(
    server: WebServer, reply: bytes, words: str
) -> None:
    server.routes["/endless"] = Reply(reply)
    started = time.monotonic()
    result = run_cli("outline", server.url("/endless"))
    assert_one_line_error(result, words)
    assert time.monotonic() - started < 60


def test_deadline_covers_a_body_that_drips(server: WebServer) -> None:
    server.routes["/huge"] = Reply(ENDLESS)
    # A tiny time budget: the body cannot be read in time, however it trickles.
    with pytest.raises(SourceError, match="timed out"):
        fetch(server.url("/huge"), FetchLimits(seconds=0.05, max_bytes=10**12))
