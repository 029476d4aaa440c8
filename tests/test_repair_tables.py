"""Pipe tables: debris cleaned, delimiter row added, rows squared, empty rows dropped."""

from __future__ import annotations

from pactreader.parse.blocks import Table
from tests.repair_support import blocks_of, structure


def test_a_missing_delimiter_row_is_added() -> None:
    assert structure("| A | B |\n| 1 | 2 |\n") == [("table", ("A", "B"), (("1", "2"),))]


def test_short_rows_are_padded_to_the_header_width() -> None:
    text = "| A | B | C |\n|---|---|---|\n| 1 |\n| 2 | 3 |\n"
    assert structure(text) == [("table", ("A", "B", "C"), (("1", "", ""), ("2", "3", "")))]


def test_a_row_longer_than_the_header_widens_the_table_instead_of_losing_cells() -> None:
    text = "| A | B |\n|---|---|\n| 1 | 2 | 3 |\n"
    assert structure(text) == [("table", ("A", "B", ""), (("1", "2", "3"),))]


def test_empty_rows_and_trailing_empty_lines_are_dropped() -> None:
    text = "| A | B |\n|---|---|\n| 1 | 2 |\n| | |\n|  |\n\n\n\n"
    assert structure(text) == [("table", ("A", "B"), (("1", "2"),))]


def test_a_table_with_no_text_at_all_is_dropped() -> None:
    assert structure("Text before.\n| | |\n|---|---|\n| td > | |\n") == [
        ("paragraph", "Text before.")
    ]


def test_the_seed_table_keeps_an_empty_last_cell() -> None:
    text = (
        "| Focus Areas th > | Implementation Strategies th > < / tr > < /thead > |\n"
        "|---|---|\n"
        "| Counter-Terrorism Operations td > | Joint intel assessments & planning sessions td > |\n"
        "| Humanitarian Assistance td > | Coordinated disaster response drills td > |\n"
        "| Cybersecurity Cooperation td > |\n\n\n"
    )
    assert structure(text) == [
        (
            "table",
            ("Focus Areas", "Implementation Strategies"),
            (
                ("Counter-Terrorism Operations", "Joint intel assessments & planning sessions"),
                ("Humanitarian Assistance", "Coordinated disaster response drills"),
                ("Cybersecurity Cooperation", ""),
            ),
        )
    ]


def test_a_cell_of_debris_alone_at_the_edge_is_no_cell() -> None:
    text = "< tr >| A th > | B th > | < / tr >\n| 1 td > | 2 td > | < / tr >\n"
    assert structure(text) == [("table", ("A", "B"), (("1", "2"),))]


def test_alignment_is_kept() -> None:
    [table] = blocks_of("| A | B | C |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n")
    assert isinstance(table, Table)
    assert table.aligns == ("left", "center", "right")


def test_rows_without_edge_pipes_next_to_a_delimiter_row_are_a_table() -> None:
    assert structure("A | B\n--|--\n1 | 2\n") == [("table", ("A", "B"), (("1", "2"),))]


def test_rows_written_with_td_debris_and_no_pipes_become_a_table() -> None:
    text = "< tr >< th >Name th >< th >Score th > tr >\n< tr >< td >Ann td >< td >9 td > tr >\n"
    assert structure(text) == [("table", ("Name", "Score"), (("Ann", "9"),))]


def test_escaped_pipes_stay_inside_their_cell() -> None:
    assert structure("| A | B |\n| x \\| y | z |\n") == [("table", ("A", "B"), (("x | y", "z"),))]


def test_a_line_with_a_pipe_in_prose_is_not_a_table() -> None:
    assert structure("Home | About us\n") == [("paragraph", "Home | About us")]


def test_a_table_is_separated_from_the_paragraph_before_it() -> None:
    assert [block[0] for block in structure("Lead-in text:\n| A | B |\n|---|---|\n")] == [
        "paragraph",
        "table",
    ]
