"""Word counts: the fast path counts exactly what the definition of a word says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pactreader.parse.words import WORD, count_words

# ASCII with every kind of separator and mark, plus a few letters and digits outside it.
ASCII_HEAVY = st.text(
    alphabet=st.sampled_from([*" \t\n\r\x0b\x0c\x1c\x1f\x00\x7f_-#*|.,:a1Z", "é", "٣", "\u00a0"]),
    max_size=60,
)


@given(st.one_of(ASCII_HEAVY, st.text(max_size=60)))
def test_count_words_matches_the_word_pattern(text: str) -> None:
    assert count_words(text) == len(WORD.findall(text))


def test_marks_and_bullets_are_not_words() -> None:
    assert count_words("- one *two* | --- | ### 3rd _ __ **") == 3
    assert count_words("naïve café, ½") == 3
