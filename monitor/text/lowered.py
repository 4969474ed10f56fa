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
from collections.abc import Iterator


def _lower_pattern(source: str) -> str:
    # Lower-case literals only: escapes keep their meaning (\S is not \s), and
    # so do named groups, "(?P<name>" and "(?P=name)".
    return re.sub(
        r"\\.|\(\?P[<=]\w+|(?:[^\\(]|\((?!\?P[<=]))+",
        lambda m: m.group() if m.group().startswith(("\\", "(?P")) else m.group().lower(),
        source,
    )


class Lowered:
    def __init__(self, pattern: re.Pattern[str]):
        self.original = pattern
        self._fast: re.Pattern[str] | None = None
        if pattern.flags & re.IGNORECASE and "(?-i" not in pattern.pattern:
            try:
                self._fast = re.compile(_lower_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)
            except re.error:
                self._fast = None

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        if self._fast is not None:
            low = text.lower()
            if len(low) == len(text):
                return self._fast, low
        return self.original, text

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.search(target, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.match(target, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        pattern, target = self._target(text)
        return pattern.finditer(target, pos, endpos)

    @property
    def pattern(self) -> str:
        """The original pattern's text, as re.Pattern has it, to build bigger patterns from."""
        return self.original.pattern

    @property
    def flags(self) -> int:
        return self.original.flags


def lowered(pattern: re.Pattern[str]) -> Lowered:
    return Lowered(pattern)
