"""Names and their other names, matched in one pass.

A ``Gazetteer`` maps aliases (any script: Latin, Urdu, Pashto, Dari) to a
canonical name and compiles them all into one regular expression, longest
alias first, so "Pakistani Taliban" wins over "Pakistani" and "Taliban".
Data lives in TOML (``monitor/plugins/data/*.toml``), and users extend it from
their plugin's configuration section.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from monitor.errors import ConfigError
from monitor.text.cache import TextCache
from monitor.text.lowered import _trie, lower


@dataclass(frozen=True)
class Mention:
    name: str  # canonical
    alias: str  # as written
    start: int
    end: int


def _is_acronym(alias: str) -> bool:
    # Short acronyms ("US", "UN", "TTP") match only as written: "us" is a pronoun.
    return bool(re.match(r"[A-Za-z]", alias)) and len(alias) <= 5 and sum(c.isupper() for c in alias) >= 2


def _alternative(alias: str) -> str:
    # Spaces and hyphens are interchangeable: "Bab-e-Dosti", "Bab e Dosti".
    escaped = r"[\s\-]*".join(re.escape(part) for part in re.split(r"[\s\-]+", alias) if part)
    return rf"(?-i:{escaped})" if _is_acronym(alias) else escaped


def _words(alternatives: list[str], flags: int = 0) -> re.Pattern[str]:
    # One pair of word boundaries around the whole alternation: positions
    # inside a word fail at once instead of trying every alias there.
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)" if alternatives else r"(?!x)x", flags)


class Gazetteer:
    def __init__(self, names: dict[str, list[str]]):
        self.names = {canonical: list(dict.fromkeys([canonical, *aliases])) for canonical, aliases in names.items()}
        self._lookup: dict[str, str] = {}
        self._cache: TextCache[tuple[Mention, ...]] = TextCache()
        for canonical, aliases in self.names.items():
            for alias in aliases:
                self._lookup[self._key(alias)] = canonical
        ordered = sorted(self._lookup, key=len, reverse=True)
        originals = {self._key(a): a for aliases in self.names.values() for a in aliases}
        self.pattern = _words([_alternative(originals[k]) for k in ordered], re.I)
        # The same, faster: the other names lower-cased, as a tree, matched in
        # lower-cased text without IGNORECASE (which re runs slowly), and the
        # acronyms matched as written in a pattern of their own. See find().
        acronyms = [k for k in ordered if _is_acronym(originals[k])]
        words = {k: [re.escape(p) for p in re.split(r"[\s\-]+", originals[k].lower()) if p] for k in ordered}
        tree = _trie([words[k] for k in ordered if k not in acronyms])
        self._lowered = _words([tree] if tree else [])
        self._acronyms = _words([_alternative(originals[k]) for k in acronyms]) if acronyms else None
        self._quick = re.compile(_trie(list(words.values())) or r"(?!x)x")
        self._mentioned: TextCache[bool] = TextCache()

    @staticmethod
    @lru_cache(maxsize=8192)  # the same few names, found over and over
    def _key(alias: str) -> str:
        return re.sub(r"[\s\-]+", "", alias.lower())

    def find(self, text: str) -> list[Mention]:
        # Several detectors ask about the same sentences of the same article.
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(
                Mention(self._lookup.get(self._key(text[start:end]), text[start:end]), text[start:end], start, end)
                for start, end in self._spans(text)
            )
            self._cache.put(text, cached)
        return list(cached)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        lowered = lower(text)
        if len(lowered) != len(text):  # "İ": offsets would shift; take the slow way
            return [m.span() for m in self.pattern.finditer(text)]
        spans = [m.span() for m in self._lowered.finditer(lowered)]
        if self._acronyms is None:
            return spans
        # As one alternation would: leftmost first, the longer name at one
        # start, none overlapping.
        spans.extend(m.span() for m in self._acronyms.finditer(text))
        spans.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int]] = []
        for start, end in spans:
            if not kept or start >= kept[-1][1]:
                kept.append((start, end))
        return kept

    def mentioned(self, text: str) -> bool:
        """Whether any name may occur: a cheap first test that can say yes
        wrongly (no word boundaries, any case) but never no wrongly."""
        answer = self._mentioned.get(text)
        if answer is None:
            # Lower-cased text against lower-cased aliases is several times
            # faster in `re` than one case-insensitive pattern with lookarounds.
            answer = self._quick.search(lower(text)) is not None
            self._mentioned.put(text, answer)
        return answer

    def canonical(self, alias: str) -> str | None:
        return self._lookup.get(self._key(alias))

    def extended(self, extra: dict[str, list[str]] | None) -> Gazetteer:
        if not extra:
            return self
        merged = {k: list(v) for k, v in self.names.items()}
        for canonical, aliases in extra.items():
            merged.setdefault(canonical, []).extend(aliases)
        return Gazetteer(merged)


def load_data(package: str, filename: str) -> dict:
    """A TOML data file shipped inside a package (a plugin's data folder)."""
    return tomllib.loads(resources.files(package).joinpath(filename).read_text("utf-8"))


def load_table(package: str, filename: str, table: str) -> dict[str, list[str]]:
    """A table of ``canonical = [aliases]`` from a package's TOML data file."""
    return _aliases(load_data(package, filename).get(table, {}), filename, table)


def load_user_table(path: str | Path, table: str) -> dict[str, list[str]]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it as TOML ({exc}); fix the file or the path") from None
    return _aliases(data.get(table, {}), str(path), table)


def _aliases(table: object, source: str, name: str) -> dict[str, list[str]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [{name}] must map a name to a list of aliases")
    result = {}
    for canonical, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{source}: {name}.{canonical}: expected a list of aliases, like [\"Alias\"]")
        result[canonical] = aliases
    return result
