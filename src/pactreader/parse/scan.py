"""Find the top-level headings of a big document fast, with markdown-it-py's own rules.

The outline needs one fact per line: does a heading start here, outside every list
item, block quote and code block? markdown-it-py answers it with a block pass that
builds a token for every paragraph, list item and table cell: 5 s for 20 MB. This
module walks the same block structure without building tokens:

* It is a line-for-line port of markdown-it-py's block tokenizer and of the rules that
  shape the structure (paragraph and setext heading, ATX heading, fence, indented
  code, thematic break, list, block quote, table body). It runs on a real
  :class:`~markdown_it.rules_block.StateBlock` (same line marks, same indentation
  bookkeeping, same quirks), so the port can be read side by side with the original.
* Whether a line may interrupt a paragraph, a block quote's lazy lines or a list is
  asked only when the line's first character could start such a block. The common
  checks (fence, quote, rule, list item, ATX heading) are ported too; the rare or
  intricate ones are answered by markdown-it-py's own rules in silent mode, called on
  the same state (table heads, footnote definitions, HTML blocks), and so are whole
  blocks that begin with ``[`` (footnote and link reference definitions, whose labels
  heading text may use) or ``<`` (HTML blocks).
* It only runs when markdown-it-py is a release it was checked against and the parser
  is configured exactly as it was written for (the same rules in the same order, the
  same options); otherwise :func:`scan_headings` returns None and the caller uses the
  reference parse.

tests/test_outline_equivalence.py proves the result equals markdown-it-py's on
generated hostile documents and on the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from operator import add
from typing import Any

import markdown_it
from markdown_it import MarkdownIt
from markdown_it.common import utils as _markdown_utils
from markdown_it.parser_block import ParserBlock
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS
from markdown_it.rules_core.normalize import NEWLINES_RE, NULL_RE
from markdown_it.token import Token

from pactreader.parse.markdown import new_parser

Rule = Callable[[StateBlock, int, int, bool], bool]

# How markdown-it-py trims heading text and table rows: its own CommonMark set where it
# has one (4.1 and later), Python's str.strip before.
mdTrim: Callable[[str], str] = getattr(_markdown_utils, "mdTrim", str.strip)
# The markdown-it-py releases whose block rules this port was checked against
# (tests/test_outline_equivalence.py passes on them); pyproject.toml admits only these,
# and any other version found at run time uses the reference parse instead.
VERIFIED_VERSIONS = ("4.3.",)

# The block rules this port mirrors, in markdown-it-py's order. Any other
# configuration (a plugin added, a rule disabled) falls back to the reference parse.
EXPECTED_RULES = (
    "table",
    "code",
    "fence",
    "blockquote",
    "hr",
    "list",
    "footnote_def",
    "reference",
    "html_block",
    "heading",
    "lheading",
    "paragraph",
)
# Which rules may end a paragraph, a block quote's lazy lines, a list: the rules'
# "alt" chains, checked against the ruler at start-up.
EXPECTED_CHAINS = {
    "paragraph": (
        "table",
        "fence",
        "blockquote",
        "hr",
        "list",
        "footnote_def",
        "html_block",
        "heading",
    ),
    "blockquote": ("fence", "blockquote", "hr", "list", "html_block", "heading"),
    "list": ("fence", "blockquote", "hr"),
}
# The first characters (after indentation) a line needs for each terminator rule to
# possibly match it; the table rule is special-cased (it looks at the next line).
_STARTS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "html_block": "<",
    "heading": "#",
}
_TABLE_DELIMITER_STARTS = "|-:"
# markdown-it-py's skipOrderedListMarker: 1-9 digits, "." or ")", then a space, a tab
# or the end of the line.
_ORDERED_MARKER = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")


@dataclass(frozen=True, slots=True)
class RawHeading:
    """A top-level heading as the block pass sees it, before inline parsing."""

    line: int
    """First line, 0-based (markdown-it-py's ``map[0]``)."""
    level: int
    content: str
    """The heading's inline source, exactly as markdown-it-py's ``inline`` token has it."""


Check = Callable[["ScanState", int, int], bool]
"""A silent rule: ``(state, line, endLine) -> does such a block start here``."""


@dataclass(frozen=True, slots=True)
class _Chain:
    """The silent checks of one terminator chain, dispatched on a line's first character.

    The chain's answer is an OR of side-effect-free checks, so only the checks that can
    match the line's first character are run, in any order.
    """

    by_start: dict[str, tuple[Check, ...]]
    table: bool
    """Whether the table rule is in the chain (it looks at the next line, not this one)."""

    @classmethod
    def build(cls, checks: dict[str, Check], names: tuple[str, ...]) -> _Chain:
        by_start: dict[str, list[Check]] = {}
        for name in names:
            for character in _STARTS.get(name, ""):
                by_start.setdefault(character, []).append(checks[name])
        return cls({key: tuple(value) for key, value in by_start.items()}, "table" in names)


class _ScanBlock(ParserBlock):
    """A block parser whose nested ``tokenize`` calls come back to the scan.

    markdown-it-py rules that hold nested blocks (the footnote definition) call
    ``state.md.block.tokenize``; routing it here keeps the whole walk token-free.
    """

    def __init__(self, ruler: Ruler[Any]) -> None:
        super().__init__()
        self.ruler = ruler

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """Scan when the state is a scan, tokenize normally otherwise."""
        if isinstance(state, ScanState):
            state.scan(startLine, endLine)
        else:
            super().tokenize(state, startLine, endLine)


@dataclass(frozen=True, slots=True)
class _Setup:
    """The scan's parser and the real rules it calls, resolved once."""

    md: MarkdownIt
    rules: dict[str, Rule]
    max_nesting: int
    paragraph_ends: _Chain
    quote_ends: _Chain
    list_ends: _Chain


@cache
def _setup() -> _Setup | None:
    """Resolve the rules, or None when the parser is not the one this port mirrors."""
    if not markdown_it.__version__.startswith(VERIFIED_VERSIONS):
        return None
    md = new_parser()
    ruler = md.block.ruler
    names = tuple(ruler.get_active_rules())
    if names != EXPECTED_RULES:
        return None
    if md.options.get("alerts") or md.options.get("tasklists") or not md.options.get("html"):
        return None
    rules = dict(zip(names, ruler.getRules(""), strict=True))
    for chain, expected in EXPECTED_CHAINS.items():
        if tuple(_rule_name(rules, fn) for fn in ruler.getRules(chain)) != expected:
            return None
    md.block = _ScanBlock(ruler)
    checks: dict[str, Check] = {
        "fence": ScanState._fence_starts,
        "blockquote": ScanState._quote_starts,
        "hr": ScanState._hr_starts,
        "list": ScanState._list_starts,
        "heading": ScanState._heading_starts,
        "footnote_def": _silent(rules["footnote_def"]),
        "html_block": _silent(rules["html_block"]),
    }
    return _Setup(
        md=md,
        rules=rules,
        max_nesting=int(md.options["maxNesting"]),
        paragraph_ends=_Chain.build(checks, EXPECTED_CHAINS["paragraph"]),
        quote_ends=_Chain.build(checks, EXPECTED_CHAINS["blockquote"]),
        list_ends=_Chain.build(checks, EXPECTED_CHAINS["list"]),
    )


def _silent(rule: Rule) -> Check:
    """A markdown-it-py rule as a check: called in silent mode, it only answers."""
    return lambda state, line, end: rule(state, line, end, True)


def _rule_name(rules: dict[str, Rule], function: Rule) -> str:
    """The name a rule function is registered under ("?" if none)."""
    return next((name for name, rule in rules.items() if rule is function), "?")


def normalize(text: str) -> str:
    """What markdown-it-py's ``normalize`` core rule does before the block pass."""
    if "\r" in text:
        text = NEWLINES_RE.sub("\n", text)
    if "\0" in text:
        text = NULL_RE.sub("\ufffd", text)
    return text


def scan_headings(
    text: str, env: dict[str, Any], lines: Sequence[str] | None = None
) -> list[RawHeading] | None:
    """The top-level headings of ``text``, as markdown-it-py's block pass finds them.

    ``env`` receives what the block pass records (link references, footnote labels),
    which inline parsing of heading text needs. ``lines``, when given, must be
    ``text`` split on ``\\n`` without the empty string after a final newline; it saves
    splitting a big text twice. Returns None when the configured parser is not the
    one this port mirrors; the caller then parses for real.
    """
    setup = _setup()
    if setup is None:
        return None
    src = normalize(text)
    if not src:
        return []
    state = ScanState(src, setup, env, lines if src is text else None)
    state.scan(0, state.lineMax)
    return state.headings


class ScanState(StateBlock):
    """markdown-it-py's block state plus a token-free port of its block tokenizer."""

    def __init__(
        self,
        src: str,
        setup: _Setup,
        env: dict[str, Any],
        lines: Sequence[str] | None = None,
    ) -> None:
        # StateBlock.__init__ is not called: it scans the text line by line in Python;
        # the same marks are computed here with whole-string operations.
        self.src = src
        self.md = setup.md
        self.env = env
        self.tokens: list[Token] = []
        self._rules = setup.rules
        # Shared with every scan (no bound methods here: a scan holding its own methods
        # would be a reference cycle, keeping its big line arrays alive until a GC).
        self._paragraph_ends = setup.paragraph_ends
        self._quote_ends = setup.quote_ends
        self._list_ends = setup.list_ends
        self._max_nesting = setup.max_nesting
        self._scrap = Token("scrap", "", 0)
        self.headings: list[RawHeading] = []
        self._marks(src, lines)
        self.blkIndent = 0
        self.line = 0
        self.tight = False
        self.ddIndent = -1
        self.listIndent = -1
        self.parentType = "root"
        self.level = 0
        self.result = ""
        self._code_enabled = True

    def _marks(self, src: str, given: Sequence[str] | None) -> None:
        """Line begin/end offsets and indentation, exactly as StateBlock computes them."""
        if given is None:
            lines: Sequence[str] = src.split("\n")
            if src.endswith("\n"):
                lines = lines[:-1]
        else:
            lines = given
        if not src.endswith("\n") and not lines[-1].strip(" \t"):
            # A final line of only spaces/tabs and no newline gets no marker.
            lines = lines[:-1]
        lengths = list(map(len, lines))
        begins = list(accumulate(map((1).__add__, lengths), initial=0))
        begins[-1] = len(src)  # the fake entry past the last line
        ends = list(map(add, begins, lengths))
        ends.append(len(src))
        shifts = [len(line) - len(line.lstrip(" \t")) for line in lines]
        counts = shifts.copy()
        if "\t" in src:
            for index, shift in enumerate(shifts):
                if shift and "\t" in lines[index][:shift]:
                    counts[index] = _expanded_indent(lines[index], shift)
        shifts.append(0)
        counts.append(0)
        self.bMarks = begins
        self.eMarks = ends
        self.tShift = shifts
        self.sCount = counts
        self.bsCount = [0] * len(begins)
        self.lineMax = len(lines)

    def _arrays(self) -> tuple[str, list[int], list[int], list[int], list[int]]:
        """The text and the line marks, to bind to locals in the hot loops."""
        return self.src, self.bMarks, self.eMarks, self.tShift, self.sCount

    def push(self, ttype: str, tag: str, nesting: int) -> Token:
        """Keep markdown-it-py's nesting level; keep no token (nothing reads them)."""
        if nesting < 0:
            self.level -= 1
        if nesting > 0:
            self.level += 1
        return self._scrap

    # --- the tokenizer -------------------------------------------------------------

    def scan(self, startLine: int, endLine: int) -> None:
        """Port of ``ParserBlock.tokenize``: one block per iteration."""
        bMarks, eMarks, tShift, sCount = self.bMarks, self.eMarks, self.tShift, self.sCount
        line = startLine
        while line < endLine:
            line_max = self.lineMax
            while line < line_max and bMarks[line] + tShift[line] >= eMarks[line]:
                line += 1
            self.line = line
            if line >= endLine:
                break
            if sCount[line] < self.blkIndent:
                break
            if self.level >= self._max_nesting:
                self.line = endLine
                break
            self._block(line, endLine)
            line = self.line
            if line < endLine and bMarks[line] + tShift[line] >= eMarks[line]:
                line += 1
                self.line = line

    def _block(self, line: int, endLine: int) -> None:
        """Try the rules in markdown-it-py's order; the first that matches wins."""
        src, bMarks, tShift, sCount = self.src, self.bMarks, self.tShift, self.sCount
        indent = self.blkIndent
        following = line + 1
        if line + 2 <= endLine and sCount[following] >= indent:
            start = bMarks[following] + tShift[following]
            if (
                start < self.eMarks[following]
                and src[start] in _TABLE_DELIMITER_STARTS
                and self._table(line, endLine)
            ):
                return
        if sCount[line] - indent >= 4:
            self._code(line, endLine)
            return
        character = src[bMarks[line] + tShift[line]]
        if character in "`~":
            if self._fence(line, endLine):
                return
        elif character == ">":
            self._blockquote(line, endLine)
            return
        elif character in "*-_+0123456789":
            if character in "*-_" and self._hr(line):
                return
            if character in "*-+0123456789" and self._list(line, endLine):
                return
        elif character == "[":
            rules = self._rules
            if rules["footnote_def"](self, line, endLine, False):
                return
            if rules["reference"](self, line, endLine, False):
                return
        elif character == "<":
            if self._rules["html_block"](self, line, endLine, False):
                return
        elif character == "#" and self._heading(line):
            return
        self._paragraph(line, endLine)

    def _terminates(self, chain: _Chain, line: int, endLine: int) -> bool:
        """Whether a block of ``chain``'s kinds starts at ``line`` (silent rules)."""
        src = self.src
        start = self.bMarks[line] + self.tShift[line]
        end = self.eMarks[line]
        if start >= end:
            return False  # no rule starts on an empty line
        if chain.table:
            # The fake entry after the last line keeps ``line + 1`` in range.
            following = line + 1
            first = self.bMarks[following] + self.tShift[following]
            if (
                first < self.eMarks[following]
                and src[first] in _TABLE_DELIMITER_STARTS
                and src.find("|", start, end) >= 0
                and self._rules["table"](self, line, endLine, True)
            ):
                return True
        checks = chain.by_start.get(src[start])
        if checks is not None:
            for check in checks:
                if check(self, line, endLine):
                    return True
        return False

    # --- silent checks: can a block of this kind start here? ---------------------

    def _fence_starts(self, line: int, endLine: int) -> bool:
        """``fence`` in silent mode."""
        return self.sCount[line] - self.blkIndent < 4 and self._fence_opening(line) > 0

    def _fence_opening(self, line: int) -> int:
        """The length of the fence opening at ``line``, or 0 when it opens none.

        The caller has checked that the line's first character is a backtick or tilde.
        """
        src = self.src
        pos = self.bMarks[line] + self.tShift[line]
        maximum = self.eMarks[line]
        if pos + 3 > maximum:
            return 0
        marker = src[pos]
        run = pos
        while run < maximum and src[run] == marker:
            run += 1
        if run - pos < 3 or (marker == "`" and src.find("`", run, maximum) >= 0):
            return 0
        return run - pos

    def _quote_starts(self, line: int, endLine: int) -> bool:
        """``blockquote`` in silent mode (the first character is already ``>``)."""
        return self.sCount[line] - self.blkIndent < 4

    def _hr_starts(self, line: int, endLine: int) -> bool:
        """``hr`` in silent mode."""
        return self.sCount[line] - self.blkIndent < 4 and _is_rule(
            self.src[self.bMarks[line] + self.tShift[line] : self.eMarks[line]]
        )

    def _heading_starts(self, line: int, endLine: int) -> bool:
        """``heading`` in silent mode."""
        return self.sCount[line] - self.blkIndent < 4 and self._atx_level(line)[0] > 0

    def _list_starts(self, line: int, endLine: int) -> bool:
        """``list_block`` in silent mode: whether a list (item) may start here."""
        count = self.sCount[line]
        indent = self.blkIndent
        if count - indent >= 4:
            return False
        if self.listIndent >= 0 and count - self.listIndent >= 4 and count < indent:
            return False
        # Starting a list after a paragraph has extra conditions.
        after_paragraph = self.parentType == "paragraph" and count >= indent
        src = self.src
        start = self.bMarks[line] + self.tShift[line]
        maximum = self.eMarks[line]
        after_marker = _ordered_marker_end(src, start, maximum)
        if after_marker >= 0:
            if after_paragraph and int(src[start : after_marker - 1]) != 1:
                return False
        else:
            after_marker = _bullet_marker_end(src, start, maximum)
            if after_marker < 0:
                return False
        return not (after_paragraph and self.skipSpaces(after_marker) >= self.eMarks[line])

    # --- leaf blocks ---------------------------------------------------------------

    def _paragraph(self, startLine: int, endLine: int) -> None:
        """Ports of ``lheading`` then ``paragraph``: one scan serves both when it can."""
        src, bMarks, eMarks, tShift, sCount = self._arrays()
        terminators = self._paragraph_ends
        starters = terminators.by_start
        old_parent = self.parentType
        self.parentType = "paragraph"
        indent = self.blkIndent
        level = 0
        next_line = startLine + 1
        while next_line < endLine:
            start = bMarks[next_line] + tShift[next_line]
            end = eMarks[next_line]
            if start >= end:
                break
            count = sCount[next_line]
            if count - indent > 3:
                next_line += 1
                continue
            marker = src[start]
            if (
                count >= indent
                and (marker == "=" or marker == "-")
                and not src[start:end].rstrip(" \t").strip(marker)
            ):
                level = 1 if marker == "=" else 2
                break
            if count < 0:
                next_line += 1
                continue
            if marker not in starters:
                # Most lines: no rule starts with this character; only a table (whose
                # delimiter row is the next line) could still interrupt.
                following = next_line + 1
                first = bMarks[following] + tShift[following]
                if (
                    first >= eMarks[following]
                    or src[first] not in _TABLE_DELIMITER_STARTS
                    or src.find("|", start, end) < 0
                ):
                    next_line += 1
                    continue
            if self._terminates(terminators, next_line, endLine):
                break
            next_line += 1
        if level:
            if self.level == 0:
                content = mdTrim(self.getLines(startLine, next_line, indent, False))
                self.headings.append(RawHeading(startLine, level, content))
            self.line = next_line + 1
            self.parentType = old_parent
            return
        # lheading failed: it leaves parentType as "paragraph", and paragraph keeps it.
        line_max = self.lineMax
        if endLine != line_max:
            next_line = self._paragraph_end(startLine, line_max)
        self.line = next_line

    def _paragraph_end(self, startLine: int, endLine: int) -> int:
        """Port of ``paragraph``'s scan, for when its bound differs from ``lheading``'s."""
        bMarks, eMarks, tShift, sCount = self.bMarks, self.eMarks, self.tShift, self.sCount
        terminators = self._paragraph_ends
        indent = self.blkIndent
        next_line = startLine + 1
        while next_line < endLine:
            if bMarks[next_line] + tShift[next_line] >= eMarks[next_line]:
                break
            count = sCount[next_line]
            if count - indent > 3 or count < 0:
                next_line += 1
                continue
            if self._terminates(terminators, next_line, endLine):
                break
            next_line += 1
        return next_line

    def _atx_level(self, line: int) -> tuple[int, int]:
        """An ATX heading's level and where its text starts; level 0 if not one."""
        src = self.src
        pos = self.bMarks[line] + self.tShift[line]
        maximum = self.eMarks[line]
        if pos >= maximum or src[pos] != "#":
            return 0, pos
        level = 1
        pos += 1
        while pos < maximum and src[pos] == "#" and level <= 6:
            level += 1
            pos += 1
        if level > 6 or (pos < maximum and src[pos] not in " \t"):
            return 0, pos
        return level, pos

    def _heading(self, line: int) -> bool:
        """Port of ``heading`` (ATX); records the heading when it is top-level."""
        level, pos = self._atx_level(line)
        if not level:
            return False
        if self.level == 0:
            src = self.src
            maximum = self.eMarks[line]
            maximum = self.skipSpacesBack(maximum, pos)
            tail = self.skipCharsStrBack(maximum, "#", pos)
            if tail > pos and src[tail - 1] in " \t":
                maximum = tail
            self.headings.append(RawHeading(line, level, mdTrim(src[pos:maximum])))
        self.line = line + 1
        return True

    def _hr(self, line: int) -> bool:
        """Port of ``hr``."""
        if not _is_rule(self.src[self.bMarks[line] + self.tShift[line] : self.eMarks[line]]):
            return False
        self.line = line + 1
        return True

    def _code(self, startLine: int, endLine: int) -> None:
        """Port of ``code`` (indented code block)."""
        bMarks, eMarks, tShift, sCount = self.bMarks, self.eMarks, self.tShift, self.sCount
        indent = self.blkIndent
        last = next_line = startLine + 1
        while next_line < endLine:
            if bMarks[next_line] + tShift[next_line] >= eMarks[next_line]:
                next_line += 1
                continue
            if sCount[next_line] - indent >= 4:
                next_line += 1
                last = next_line
                continue
            break
        self.line = last

    def _fence(self, startLine: int, endLine: int) -> bool:
        """Port of ``fence``: find the closing fence without copying the content."""
        length = self._fence_opening(startLine)
        if not length:
            return False
        src, bMarks, eMarks, tShift, sCount = self._arrays()
        marker = src[bMarks[startLine] + tShift[startLine]]
        indent = self.blkIndent
        size = len(src)
        have_end = False
        next_line = startLine
        while True:
            next_line += 1
            if next_line >= endLine:
                break
            pos = mem = bMarks[next_line] + tShift[next_line]
            maximum = eMarks[next_line]
            if pos < maximum and sCount[next_line] < indent:
                break
            if pos >= size:
                break
            if src[pos] != marker:
                continue
            if sCount[next_line] - indent >= 4:
                continue
            while pos < size and src[pos] == marker:
                pos += 1
            if pos - mem < length:
                continue
            while pos < size and src[pos] in " \t":
                pos += 1
            if pos < maximum:
                continue
            have_end = True
            break
        self.line = next_line + (1 if have_end else 0)
        return True

    def _table(self, startLine: int, endLine: int) -> bool:
        """Port of ``table``: markdown-it-py validates the head, the port walks the body."""
        if not self._rules["table"](self, startLine, endLine, True):
            return False
        src, bMarks, eMarks, tShift, sCount = self._arrays()
        column_count = _column_count(
            mdTrim(src[bMarks[startLine] + tShift[startLine] : eMarks[startLine]])
        )
        old_parent = self.parentType
        self.parentType = "table"
        terminators = self._quote_ends
        indent = self.blkIndent
        autocompleted = 0
        next_line = startLine + 2
        while next_line < endLine:
            if sCount[next_line] < indent:
                break
            if self._terminates(terminators, next_line, endLine):
                break
            text = mdTrim(src[bMarks[next_line] + tShift[next_line] : eMarks[next_line]])
            if not text:
                break
            if sCount[next_line] - indent >= 4:
                break
            # markdown-it-py stops a table that would need too many empty cells filled in.
            autocompleted += column_count - _column_count(text)
            if autocompleted > MAX_AUTOCOMPLETED_CELLS:
                break
            next_line += 1
        self.parentType = old_parent
        self.line = next_line
        return True

    # --- containers ----------------------------------------------------------------

    def _blockquote(self, startLine: int, endLine: int) -> None:
        """Port of ``blockquote``: strip the ``>`` marks, scan the inside, restore."""
        src, bMarks, eMarks, tShift, sCount = self._arrays()
        old_line_max = self.lineMax
        saved: list[tuple[int, int, int, int, int]] = []
        last_line_empty = self._strip_quote_mark(startLine, saved)
        terminators = self._quote_ends
        old_parent = self.parentType
        self.parentType = "blockquote"
        next_line = startLine + 1
        while next_line < endLine:
            is_outdented = sCount[next_line] < self.blkIndent
            pos = bMarks[next_line] + tShift[next_line]
            if pos >= eMarks[next_line]:
                break
            if src[pos] == ">" and not is_outdented:
                last_line_empty = self._strip_quote_mark(next_line, saved)
                next_line += 1
                continue
            if last_line_empty:
                break
            if self._terminates(terminators, next_line, endLine):
                # "Hard termination": paragraphs inside may not look past this line.
                self.lineMax = next_line
                if self.blkIndent != 0:
                    saved.append(self._line_marks(next_line))
                    sCount[next_line] -= self.blkIndent
                break
            saved.append(self._line_marks(next_line))
            # A negative indentation marks a lazy paragraph continuation.
            sCount[next_line] = -1
            next_line += 1

        old_indent = self.blkIndent
        self.blkIndent = 0
        self.level += 1
        self.scan(startLine, next_line)
        self.level -= 1
        self.lineMax = old_line_max
        self.parentType = old_parent
        for line, begin, shift, count, block_shift in saved:
            bMarks[line] = begin
            tShift[line] = shift
            sCount[line] = count
            self.bsCount[line] = block_shift
        self.blkIndent = old_indent

    def _line_marks(self, line: int) -> tuple[int, int, int, int, int]:
        """A line's marks, to put back when a block quote is done with them."""
        return line, self.bMarks[line], self.tShift[line], self.sCount[line], self.bsCount[line]

    def _strip_quote_mark(self, line: int, saved: list[tuple[int, int, int, int, int]]) -> bool:
        """Make a ``>`` line look like its content: skip the mark and one optional space.

        The line's old marks go to ``saved``. Returns whether nothing follows the mark.
        """
        src, bMarks, tShift, sCount, bsCount = (
            self.src,
            self.bMarks,
            self.tShift,
            self.sCount,
            self.bsCount,
        )
        saved.append(self._line_marks(line))
        maximum = self.eMarks[line]
        pos = bMarks[line] + tShift[line] + 1
        initial = offset = sCount[line] + 1
        after = src[pos] if pos < len(src) else ""
        adjust_tab = False
        if after == " ":
            pos += 1
            initial += 1
            offset += 1
            space_after_mark = True
        elif after == "\t":
            space_after_mark = True
            if (bsCount[line] + offset) % 4 == 3:
                pos += 1
                initial += 1
                offset += 1
            else:
                adjust_tab = True
        else:
            space_after_mark = False
        bMarks[line] = pos
        while pos < maximum:
            character = src[pos]
            if character == "\t":
                offset += 4 - (offset + bsCount[line] + (1 if adjust_tab else 0)) % 4
            elif character == " ":
                offset += 1
            else:
                break
            pos += 1
        bsCount[line] = sCount[line] + 1 + (1 if space_after_mark else 0)
        sCount[line] = offset - initial
        tShift[line] = pos - bMarks[line]
        return pos >= maximum

    def _list(self, startLine: int, endLine: int) -> bool:
        """Port of ``list_block``: each item's content is scanned at its own indent."""
        src, bMarks, eMarks, tShift, sCount, bsCount = (
            self.src,
            self.bMarks,
            self.eMarks,
            self.tShift,
            self.sCount,
            self.bsCount,
        )
        if (
            self.listIndent >= 0
            and sCount[startLine] - self.listIndent >= 4
            and sCount[startLine] < self.blkIndent
        ):
            return False
        first = bMarks[startLine] + tShift[startLine]
        after_marker = _ordered_marker_end(src, first, eMarks[startLine])
        ordered = after_marker >= 0
        if not ordered:
            after_marker = _bullet_marker_end(src, first, eMarks[startLine])
            if after_marker < 0:
                return False
        marker = src[after_marker - 1]
        self.level += 1
        next_line = startLine
        terminators = self._list_ends
        old_parent = self.parentType
        self.parentType = "list"
        while next_line < endLine:
            pos = after_marker
            maximum = eMarks[next_line]
            initial = offset = (
                sCount[next_line] + after_marker - (bMarks[startLine] + tShift[startLine])
            )
            while pos < maximum:
                character = src[pos]
                if character == "\t":
                    offset += 4 - (offset + bsCount[next_line]) % 4
                elif character == " ":
                    offset += 1
                else:
                    break
                pos += 1
            content_start = pos
            indent_after_marker = 1 if content_start >= maximum else offset - initial
            if indent_after_marker > 4:
                indent_after_marker = 1
            indent = initial + indent_after_marker

            self.level += 1
            old_t_shift = tShift[startLine]
            old_s_count = sCount[startLine]
            old_list_indent = self.listIndent
            self.listIndent = self.blkIndent
            self.blkIndent = indent
            tShift[startLine] = content_start - bMarks[startLine]
            sCount[startLine] = offset
            following = startLine + 1
            if (
                content_start >= maximum
                and bMarks[following] + tShift[following] >= eMarks[following]
            ):
                # An empty item followed by a blank line ends the list.
                self.line = min(self.line + 2, endLine)
            else:
                self.scan(startLine, endLine)
            self.blkIndent = self.listIndent
            self.listIndent = old_list_indent
            tShift[startLine] = old_t_shift
            sCount[startLine] = old_s_count
            self.level -= 1

            next_line = startLine = self.line
            if next_line >= endLine:
                break
            if sCount[next_line] < self.blkIndent:
                break
            if sCount[startLine] - self.blkIndent >= 4:
                break
            first = bMarks[next_line] + tShift[next_line]
            maximum = eMarks[next_line]
            if (
                first < maximum
                and src[first] in terminators.by_start
                and self._terminates(terminators, next_line, endLine)
            ):
                break
            if ordered:
                after_marker = _ordered_marker_end(src, first, maximum)
            else:
                after_marker = _bullet_marker_end(src, first, maximum)
            if after_marker < 0:
                break
            if marker != src[after_marker - 1]:
                break
        self.level -= 1
        self.line = next_line
        self.parentType = old_parent
        return True


def _ordered_marker_end(src: str, start: int, maximum: int) -> int:
    """Where an ordered list marker starting at ``start`` ends, or -1 if there is none."""
    found = _ORDERED_MARKER.match(src, start, maximum)
    return found.end() if found else -1


def _bullet_marker_end(src: str, start: int, maximum: int) -> int:
    """markdown-it-py's skipBulletListMarker: ``*``, ``-`` or ``+``, then a blank or the end."""
    if (
        start < maximum
        and src[start] in "*-+"
        and (start + 1 >= maximum or src[start + 1] in " \t")
    ):
        return start + 1
    return -1


def _expanded_indent(line: str, shift: int) -> int:
    """Indentation width of a line whose leading white space holds a tab."""
    offset = 0
    for character in line[:shift]:
        offset += 4 - offset % 4 if character == "\t" else 1
    return offset


def _is_rule(text: str) -> bool:
    """Whether a line's text (from its first non-blank) is a thematic break (``- - -``).

    Only its first character's kind of mark, spaces and tabs, and three marks or more.
    """
    marker = text[0]
    return marker in "*-_" and not text.strip(marker + " \t") and text.count(marker) >= 3


def _column_count(text: str) -> int:
    """How many cells markdown-it-py's table rule sees in a trimmed row.

    Its ``escapedSplit`` splits on every ``|`` not directly after a backslash, then the
    empty first and last pieces (from a leading or trailing pipe) are dropped.
    """
    count = text.count("|") - text.count("\\|") + 1
    if text.startswith("|"):
        count -= 1
    if text.endswith("|") and not text.endswith("\\|"):
        count -= 1
    return count
