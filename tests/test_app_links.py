"""Following links from the reader: only http, https and mailto, and only after a yes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from pactreader.tui.app import ReaderApp
from pactreader.tui.confirm_dialog import ConfirmDialog
from pactreader.tui.links_dialog import LinksDialog
from tests.reader_helpers import notices, opened, text_of

LINKS = """# Links

Read [the site](https://example.com/a), [a download](ftp://example.com/f),
[an app](x-app://run?cmd=rm) and [mail us](mailto:team@example.com).

[a script](javascript:alert(1)) and [a file](file:///etc/passwd) are not even links:
markdown-it-py refuses those schemes, so they stay visible as text.
"""


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "links.md"
    path.write_text(LINKS, encoding="utf-8")
    return path


def opened_urls(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kwargs: urls.append(url))
    return urls


async def choose(app: ReaderApp, pilot: object, index: int) -> None:
    await pilot.press("L")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, LinksDialog)
    options = app.screen.query_one(OptionList)
    options.highlighted = index
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_picker_lists_every_link(document: Path) -> None:
    async with opened(document) as (app, pilot):
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LinksDialog)
        assert app.screen.query_one(OptionList).option_count == 4


async def test_javascript_and_file_targets_are_plain_text(document: Path) -> None:
    async with opened(document) as (app, _pilot):
        shown = text_of(app.reading)
        assert "[a script](javascript:alert(1))" in shown
        assert "[a file](file:///etc/passwd)" in shown


@pytest.mark.parametrize("index", [1, 2])
async def test_other_schemes_are_refused(
    document: Path, index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with opened(document) as (app, pilot):
        urls = opened_urls(app, monkeypatch)
        await choose(app, pilot, index)
        assert not isinstance(app.screen, ConfirmDialog)
        assert urls == []
        assert any("Refused to open" in notice for notice in notices(app))


async def test_http_opens_only_after_confirmation(
    document: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with opened(document) as (app, pilot):
        urls = opened_urls(app, monkeypatch)
        await choose(app, pilot, 0)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert urls == []
        await choose(app, pilot, 3)
        await pilot.press("y")
        await pilot.pause()
        assert urls == ["mailto:team@example.com"]


async def test_a_section_without_links_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Plain\n\nno links\n", encoding="utf-8")
    async with opened(path) as (app, pilot):
        await pilot.press("L")
        await pilot.pause()
        assert not isinstance(app.screen, LinksDialog)
        assert notices(app) == ["This section has no links."]
