"""What the user typed, compiled once into something that finds matches.

Smart case (the convention of ``less -i``, vim and ripgrep): a query is matched
case-insensitively unless it holds a capital letter, so ``pact`` finds ``Pact`` but
``Pact`` does not find ``pact``. Plain text is the default; regular expressions are
asked for explicitly, because ``.`` or ``(`` in an ordinary query would surprise.

Matching uses the third-party ``regex`` engine rather than :mod:`re`. The standard
engine cannot be stopped once a match has started, and Python threads cannot be
killed: ``(a+)+$`` against a line of 2,000 letters ``a`` would keep a search worker
busy for longer than the universe has existed, and every later keystroke would start
another. ``regex`` gives up after a ``timeout`` (a one-line "too slow" error instead
of a hang) and releases the GIL while it matches, so the interface keeps running.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from pactreader.common.errors import UsageError
from pactreader.search.prefilter import candidate_pattern, required_literal

DEFAULT_TIMEOUT = 1.0
"""Seconds one regular-expression search over one text unit may take.

``regex`` counts CPU time: on a loaded machine the wall-clock wait can be twice this.
"""

SEARCH_BUDGET = 5.0
"""Seconds a whole ``pactreader search`` may spend in regular expressions.

The per-unit :data:`DEFAULT_TIMEOUT` alone lets a pattern take just under a second on
each of thousands of blocks: sixty blocks of ``aaaa…!`` with ``(a|a)*$`` took 95 s.
"""


_TIMED_OUT: Any = object()
"""Stands for a match attempt that ran out of time."""


@dataclass(slots=True)
class Budget:
    """Time a whole search may spend matching, shared by every text unit it visits."""

    seconds: float
    spent: float = 0.0

    @property
    def left(self) -> float:
        """Seconds left (0 or less: spent)."""
        return self.seconds - self.spent


# What does not count as a capital in a regular expression: escapes (``\S``, ``\W``,
# ``\p{Lu}``) and group names (``(?P<Name>...)``, ``(?P=Name)``, ``\g<Name>``).
_NOT_LITERAL = regex.compile(
    r"\\[pPN]\{[^}]*\}|\\g<[^>]*>|\(\?P<[^>]*>|\(\?P=[^)]*\)|\(\?<(?![=!])[^>]*>|\\.",
    regex.DOTALL,
)


class PatternTooSlow(UsageError):
    """A regular expression took longer than its time budget on one text unit."""


@dataclass(frozen=True, slots=True, eq=False)
class Query:
    """A compiled search: the pattern plus what it was made from."""

    text: str
    """The query as typed."""
    is_regex: bool
    """True when ``text`` is a regular expression, False for plain text."""
    case_sensitive: bool
    """The effective case rule after smart case."""
    pattern: regex.Pattern[str]
    """Finds matches in visible text."""
    candidate: regex.Pattern[str] | None
    """Finds where in the Markdown source a match may lie; None when it cannot tell
    (a regular expression without a plain run of text), so every section is searched."""
    timeout: float | None = DEFAULT_TIMEOUT
    """Seconds a regular expression may take over one text unit; None for no limit."""
    budget: Budget | None = field(default=None)
    """Time the whole search may take, across units; None for no overall limit."""

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The non-empty matches in ``text`` as ``(start, end)`` offsets, in order.

        Empty matches (``a*`` between letters, a bare ``^``) are skipped: there would
        be nothing to show the user.

        Raises:
            PatternTooSlow: The search over ``text`` ran out of time.
        """
        if not self.is_regex:
            # Escaped plain text runs in linear time: no time limit, no GIL hand-over
            # (each costs more than the search itself on a short paragraph).
            yield from (found.span() for found in self.pattern.finditer(text))
            return
        budget = self.budget
        timeout = self.timeout
        if budget is not None:
            if budget.left <= 0:
                raise self._too_slow()
            timeout = budget.left if timeout is None else min(timeout, budget.left)
        matches = self.pattern.finditer(text, concurrent=True, timeout=timeout)
        while True:
            started = time.monotonic()
            try:
                found = next(matches, None)
            except TimeoutError:
                found = _TIMED_OUT
            if budget is not None:
                budget.spent += time.monotonic() - started
            if found is _TIMED_OUT:
                raise self._too_slow()
            if found is None:
                return
            start, end = found.span()
            if end > start:
                yield start, end

    def _too_slow(self) -> PatternTooSlow:
        if self.budget is not None and self.budget.left <= 0:
            limit = f"more than {self.budget.seconds:g} s on the whole text"
        else:
            limit = f"more than {self.timeout:g} s on one block of text"
        return PatternTooSlow(
            f"the pattern {self.text!r} is too slow ({limit}); simplify nested repetitions"
            " like (a+)+"
        )

    def count(self, text: str) -> int:
        """How many non-empty matches ``text`` holds."""
        if not self.is_regex:
            return len(self.pattern.findall(text))
        return sum(1 for _ in self.spans(text))


def compile_query(
    text: str,
    *,
    is_regex: bool = False,
    case_sensitive: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    budget: float | None = None,
) -> Query:
    """Compile what the user typed.

    Args:
        text: The query.
        is_regex: Read ``text`` as a regular expression instead of plain text.
        case_sensitive: Always match case; otherwise smart case decides.
        timeout: Seconds one search over one text unit may take (None: no limit).
        budget: Seconds the whole search may take over every unit together (None:
            no overall limit). One query is one search: its time is shared.

    Raises:
        UsageError: The query is empty or is not a valid regular expression; the
            message is one line.
    """
    if not text:
        raise UsageError("the search pattern is empty")
    sensitive = case_sensitive or has_capital(text, is_regex=is_regex)
    flags = regex.MULTILINE if sensitive else regex.MULTILINE | regex.IGNORECASE
    source = text if is_regex else regex.escape(text, special_only=True)
    try:
        pattern = regex.compile(source, flags)
    except regex.error as error:
        reason = " ".join(str(error).split())
        raise UsageError(f"invalid regular expression {text!r}: {reason}") from None
    literal = required_literal(text) if is_regex else text
    candidate = candidate_pattern(literal, ignore_case=not sensitive) if literal else None
    overall = Budget(budget) if budget is not None and is_regex else None
    return Query(text, is_regex, sensitive, pattern, candidate, timeout, overall)


def has_capital(text: str, *, is_regex: bool) -> bool:
    """Whether ``text`` asks for case-sensitive matching under smart case.

    In a regular expression, escapes such as ``\\S`` and group names do not count.
    """
    if is_regex:
        text = _NOT_LITERAL.sub("", text)
    return any(character.isupper() for character in text)
