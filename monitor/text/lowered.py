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

A big alternation ("killed|wounded|captured|…") is slow even so: at every
position of the text ``re`` tries each alternative in turn. So the words every
match must begin with are worked out from the pattern itself (``kill``,
``wound``, ``captured``, …; see ``_beginnings``) and searched first, as a tree
of shared beginnings; the pattern is tried only where one of them starts.
Those that follow a \b are looked for one character earlier, after a space or
a punctuation mark, which ``re`` skips to quickly, as it does not to letters.
The matches are the same, leftmost first (a match's ``pos`` is where it was
tried). ``may_occur(text)`` asks only whether one of those beginnings occurs:
no, and the pattern cannot match the text nor any slice of it.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
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


def _trie(names: list[list[str]]) -> str:
    """One pattern for names given as lists of escaped words, written as a
    tree of shared beginnings ("tor(?:kham|...)"): at each position of the
    text re then tries a letter or two, not every name. A name's words are
    joined by any spaces or hyphens ("Bab-e-Dosti", "Bab e Dosti"). Optional
    endings are greedy, so at one start the longest name wins, as in a
    longest-first alternation; which name it was is looked up from the matched
    text afterwards."""
    root: dict = {}
    for words in names:
        node = root
        for i, word in enumerate(words):
            for char in re.findall(r"\\.|.", word, re.S):
                node = node.setdefault(char, {})
            if i < len(words) - 1:
                node = node.setdefault(r"[\s\-]*", {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [step + pattern(child) for step, child in node.items() if step]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name may end here
            return f"(?:{body})?"
        return body

    return pattern(root)


# Beginnings: (text, whole, after_boundary) triples, such that every match of a
# piece of pattern is either exactly a ``text`` with ``whole`` set, or starts
# with a ``text``; ``after_boundary``: a \b stands right before the text.
_Beginnings = set[tuple[str, bool, bool]]
_UNKNOWN: _Beginnings = {("", False, False)}  # any match at all: nothing to pre-test
_EMPTY: _Beginnings = {("", True, False)}  # zero-width: ^, lookarounds
_BOUNDARY: _Beginnings = {("", True, True)}  # \b
_MOST = 400  # beginnings kept while joining pieces; beyond, they stop growing
_LONGEST = 12  # characters: longer ones would seldom rule out more positions
_SMALL_CLASS = 4  # "[sz]" is two beginnings; "[a-z]" is no beginning at all
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _join(first: _Beginnings, then: _Beginnings) -> _Beginnings:
    if len(first) * len(then) > _MOST and all(len(text) >= 2 for text, _, _ in first):
        return {(text, False, bounded) for text, _, bounded in first}  # enough already: stop here
    joined = set()
    for text, whole, bounded in first:
        if not whole:
            joined.add((text, False, bounded))
            continue
        for more, more_whole, more_bounded in then:
            both = text + more
            joined.add((both[:_LONGEST], more_whole and len(both) <= _LONGEST, bounded or (not text and more_bounded)))
    return joined


def _sequence(items) -> _Beginnings:
    found = _EMPTY
    for op, av in items:
        found = _join(found, _item(op, av))
        if not any(whole for _, whole, _ in found):
            break
    return found


def _item(op, av) -> _Beginnings:
    if op is sre.LITERAL:
        return {(chr(av), True, False)}
    if op is sre.AT and av is sre.AT_BOUNDARY:
        return _BOUNDARY
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre.IN:
        if all(kind is sre.LITERAL for kind, _ in av) and len(av) <= _SMALL_CLASS:
            return {(chr(code), True, False) for _, code in av}
        return _UNKNOWN
    if op is sre.BRANCH:
        return set().union(*(_sequence(branch) for branch in av[1]))
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return _UNKNOWN if add_flags or del_flags else _sequence(inner)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in _REPEATS:
        low, high, inner = av
        once = _sequence(inner)
        if low == high == 1:
            return once
        started = {(text, False, bounded) for text, _, bounded in once}
        if low == 0:
            return _EMPTY | (once if high == 1 else started)
        return started
    return _UNKNOWN  # ".", "\w", a back-reference: anything may begin here


def _shortest(texts: set[str], covered: set[str] = frozenset()) -> list[str]:
    """``texts`` without those another of them, or of ``covered``, begins ("kill" finds "killed")."""
    ordered = sorted(texts)
    return [t for i, t in enumerate(ordered) if not any(t.startswith(shorter) for shorter in [*ordered[:i], *covered])]


def _beginnings(pattern: re.Pattern[str]) -> tuple[list[str], list[str]] | None:
    """The texts every match of ``pattern`` begins with, in two lists: those
    that begin a word (after a \b, with a letter or digit first) and the
    others. None when some match may begin with less than two known characters."""
    try:
        found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern the parser reads otherwise: no pre-test
        return None
    if not found or any(len(text) < 2 for text, _, _ in found):
        return None
    word_led = not pattern.flags & re.ASCII  # \b and \W then agree on what a word is
    texts = {text for text, _, _ in found}
    # a text begins a word only if it does wherever the pattern has it ("\bn't|n't\b")
    anywhere = {text for text, _, bounded in found if not (word_led and bounded and (text[0].isalnum() or text[0] == "_"))}
    words = texts - anywhere
    others = _shortest(anywhere)
    return _shortest(words, set(others)), others


def _compiled(texts: list[str], before: str = "") -> re.Pattern[str] | None:
    return re.compile(before + "(?:" + _trie([[re.escape(t)] for t in texts]) + ")") if texts else None


class Lowered:
    def __init__(self, pattern: re.Pattern[str]):
        self.original = pattern
        self._fast: re.Pattern[str] | None = None
        self._pretest = False  # see _search
        # The fast pattern and its pre-test are compiled when first used: every
        # command loads the detectors, and most (``monitor alerts``) never match.
        self._ready = False

    def _prepare(self) -> None:
        # Threads may race here; each computes the same answer, and _ready is set last.
        pattern = self.original
        if pattern.flags & re.IGNORECASE and "(?-i" not in pattern.pattern:
            try:
                self._fast = re.compile(_lower_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)
            except re.error:
                self._fast = None
        if self._fast is not None and not self._fast.flags & (re.IGNORECASE | re.LOCALE):
            found = _beginnings(self._fast)
            if found:
                words, others = found
                self._pretest = True
                # Beginnings of words: found from the character before them
                # (\W), which re skips to quickly, as it does not to letters.
                self._words = _compiled(words, r"\W")
                self._head = _compiled(words)  # the same, at the very position asked
                self._others = _compiled(others)
        self._ready = True

    # search, match and finditer repeat the same few lines: they run some
    # hundred thousand times a minute on a busy feed, and a shared helper
    # returning a tuple cost a third of their time.
    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._ready:
            self._prepare()
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                if not self._pretest:
                    return self._fast.search(low, pos, endpos)
                return self._search(low, pos, endpos)
        return self.original.search(text, pos, endpos)

    def _search(self, low: str, pos: int, endpos: int) -> re.Match[str] | None:
        # Every match starts where a beginning does: try the pattern there
        # only, leftmost first. \b and lookbehinds still see the characters
        # before, as they would in a search. A beginning of a word is at
        # ``pos`` itself or one past a non-word character.
        match, words, others = self._fast.match, self._words, self._others  # type: ignore[union-attr]
        tried = -1
        word = other = None
        if words is not None:
            if self._head.match(low, pos, endpos) is not None:  # type: ignore[union-attr]
                found = match(low, pos, endpos)
                if found is not None:
                    return found
                tried = pos
            word = words.search(low, pos, endpos)
        if others is not None:
            other = others.search(low, pos, endpos)
        while word is not None or other is not None:
            word_at = word.start() + 1 if word is not None else endpos
            other_at = other.start() if other is not None else endpos
            at = min(word_at, other_at)
            if at != tried:
                found = match(low, at, endpos)
                if found is not None:
                    return found
                tried = at
            if word_at == at:
                word = words.search(low, at, endpos)  # type: ignore[union-attr]
            if other_at == at:
                other = others.search(low, at + 1, endpos)  # type: ignore[union-attr]
        return None

    def _begins_at(self, low: str, pos: int, endpos: int) -> bool:
        return (self._head is not None and self._head.match(low, pos, endpos) is not None) or (
            self._others is not None and self._others.match(low, pos, endpos) is not None)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._ready:
            self._prepare()
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                if self._pretest and not self._begins_at(low, pos, endpos):
                    return None
                return self._fast.match(low, pos, endpos)
        return self.original.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self._ready:
            self._prepare()
        if self._fast is not None:
            low = _LOWER.get(text) or _lower(text)
            if len(low) == len(text):
                if not self._pretest:
                    return self._fast.finditer(low, pos, endpos)
                return self._finditer(low, pos, endpos)
        return self.original.finditer(text, pos, endpos)

    def _finditer(self, low: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        # A match is at least two characters long (its beginning), so the next
        # one is searched from where the last ended, as re's finditer does.
        found = self._search(low, pos, endpos)
        while found is not None:
            yield found
            found = self._search(low, found.end(), endpos)

    def may_occur(self, text: str) -> bool:
        """False when the pattern cannot match ``text`` nor any slice of it
        (none of the words its matches begin with occurs); True says little."""
        if not self._ready:
            self._prepare()
        if not self._pretest:
            return True
        low = _LOWER.get(text) or _lower(text)
        if len(low) != len(text):
            return True
        # In a slice a word may begin anywhere: the beginnings are looked for everywhere.
        return (self._head is not None and self._head.search(low) is not None) or (
            self._others is not None and self._others.search(low) is not None)

    @property
    def pattern(self) -> str:
        """The original pattern's text, as re.Pattern has it, to build bigger patterns from."""
        return self.original.pattern

    @property
    def flags(self) -> int:
        return self.original.flags


def lowered(pattern: re.Pattern[str]) -> Lowered:
    return Lowered(pattern)
