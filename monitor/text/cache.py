"""A cache of answers about texts, bounded by the characters it keeps.

Several detectors ask the same questions of the same sentences and articles;
the answers are kept here. A count of entries would not bound memory (an
article can be a few words or a whole page), so the cache is emptied once the
texts it holds add up to ``max_chars``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class TextCache(Generic[V]):
    def __init__(self, max_chars: int = 1_000_000):
        self.max_chars = max_chars
        self._answers: dict[str, V] = {}
        self._chars = 0
        # The dict's own method: asked some hundred thousand times a minute.
        self.get: Callable[[str], V | None] = self._answers.get

    def put(self, text: str, answer: V) -> V:
        # Threads may race on the count; it only decides when to start afresh.
        if self._chars + len(text) > self.max_chars:
            self._answers.clear()
            self._chars = 0
        self._answers[text] = answer
        self._chars += len(text)
        return answer
