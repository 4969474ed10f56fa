"""Case-insensitive patterns, run faster.

Python's `re` compares every character through its case folding when a
pattern has the IGNORECASE flag, and cannot skip ahead to where a word might
start. The same pattern written in lower case, searched case-sensitively in
lower-cased text, finds the same matches several times faster. The detectors'
hottest patterns (the first tests that decide whether a sentence is worth
reading, the number finder) go through here; see bench/detectors.py.

``lowered(pattern)`` gives an object with the pattern's ``search``,
``finditer`` and ``match``. Match offsets are those of the original text; a
match's group text is lower-cased. Where the answers could differ it quietly
uses the original pattern instead: a pattern with case-sensitive parts
(``(?-i:...)``), and a text whose lower-casing changes its length ("İ").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from monitor.text.cache import TextCache


def _lower_pattern(source: str) -> str:
    # Lower-case literals only: escapes keep their meaning (\S is not \s), and
    # so do named groups, "(?P<name>" and "(?P=name)".
    return re.sub(
        r"\\.|\(\?P[<=]\w+|(?:[^\\(]|\((?!\?P[<=]))+",
        lambda m: m.group() if m.group().startswith(("\\", "(?P")) else m.group().lower(),
        source,
    )


# Every pattern asks for the same sentence in lower case; shared by threads,
# which at worst compute one lower-casing twice.
_LOWER: TextCache[str] = TextCache()


def _lower(text: str) -> str:
    return _LOWER.put(text, text.lower())


def lower(text: str) -> str:
    """``text.lower()``, shared with every other pattern asking about ``text``."""
    return _LOWER.get(text) or _lower(text)


class Lowered:
    def __init__(self, pattern: re.Pattern[str]):
        self.original = pattern
        self._fast: re.Pattern[str] | None = None
        if pattern.flags & re.IGNORECASE and "(?-i" not in pattern.pattern:
            try:
                self._fast = re.compile(_lower_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)
            except re.error:
                self._fast = None

    # search, match and finditer repeat the same few lines: they run some
    # hundred thousand times a minute on a busy feed, and a shared helper
    # returning a tuple cost a third of their time.
    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                return self._fast.search(low, pos, endpos)
        return self.original.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                return self._fast.match(low, pos, endpos)
        return self.original.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                return self._fast.finditer(low, pos, endpos)
        return self.original.finditer(text, pos, endpos)

    @property
    def pattern(self) -> str:
        """The original pattern's text, as re.Pattern has it, to build bigger patterns from."""
        return self.original.pattern

    @property
    def flags(self) -> int:
        return self.original.flags


def lowered(pattern: re.Pattern[str]) -> Lowered:
    return Lowered(pattern)
