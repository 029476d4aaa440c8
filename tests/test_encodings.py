"""Legacy and wide encodings decode to the right characters, with CRLF mended."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactreader.cli.main import main
from pactreader.source import decode_bytes, read_source

WESTERN = [
    "Price: £5 — “quoted” café\r\nIt’s naïve.\r\n",  # noqa: RUF001
    "£",
    "Grüße aus München, £10\r\n",
    "École française à PARIS\r\n",
    "The “pact” – signed\r\n",  # noqa: RUF001
]
LATIN_1 = ["Price: £5, café crème brûlée\r\nNaïve résumé\r\n", "£", "Ñandú ¿qué? ¡sí!\r\n"]


@pytest.mark.parametrize("text", WESTERN)
def test_cp1252_with_crlf_decodes_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("cp1252"))
    source = read_source(path)
    assert source.text == text.replace("\r\n", "\n")
    assert "\ufffd" not in source.text


@pytest.mark.parametrize("text", LATIN_1)
def test_latin_1_with_crlf_decodes_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_source(path).text == text.replace("\r\n", "\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_bom_decodes(tmp_path: Path, codec: str) -> None:
    text = "The “pact”, £5\r\nCafé\r\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-16": b""}[codec]
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(codec))
    source = read_source(path)
    assert source.text == text.replace("\r\n", "\n")
    assert source.encoding.startswith("utf-16")


def test_a_stray_cp1252_byte_in_utf8_is_read_as_cp1252() -> None:
    text, encoding = decode_bytes("café “ok” ".encode() + b"\x92s \xa3")
    assert (text, encoding) == ("café “ok” ’s £", "utf-8")  # noqa: RUF001


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет, как дела? Это тестовый текст. ", "cp1251"),
        ("Zażółć gęślą jaźń. Łódź jest dużym miastem w Polsce. ", "cp1250"),
    ],
)
def test_other_code_pages_are_still_detected(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_a_cp1252_scraped_file_is_read_and_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scraped.txt"
    body = "Prices rose to £5 , officials said . They called it “unprecedented” ."
    path.write_bytes(f"The £5 Question\r\n{body}\r\n".encode("cp1252"))
    assert main(["outline", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["title"] == "The £5 Question"
    assert main(["clean", str(path)]) == 0
    assert capsys.readouterr().out == (
        "# The £5 Question\n\nPrices rose to £5, officials said. They called it “unprecedented”.\n"
    )
