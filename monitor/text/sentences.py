"""Sentences with their offsets, paragraphs, and who is being quoted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "st", "no",
    "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "govt", "pvt", "ltd", "co", "inc", "jr", "sr", "prof",
}
_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+|$)|\n\s*\n")
_LAST_WORD = re.compile(r"([\w.]+)\.\Z")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
_AFTER_LOWER_WORD = re.compile(r"\b(?:on|at|via|from|to|in|of|by)\s\Z")
_OPEN_QUOTES = "“\""
_CLOSE_QUOTES = "”\""


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the whole text
    end: int
    paragraph: int
    index: int
    in_quote: bool = False  # inside a quotation opened by an earlier sentence

    def __str__(self) -> str:
        return self.text


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences, keeping offsets into ``text`` (see ``_split``)."""
    return list(_split(text))


@lru_cache(maxsize=256)  # every detector splits the same article
def _split(text: str) -> tuple[Sentence, ...]:
    """Split into sentences, keeping offsets into ``text``.

    A sentence that continues a quotation opened in an earlier sentence of the
    same paragraph is marked ``in_quote``, so a detector can attribute it to
    whoever opened the quotation.
    """
    sentences: list[Sentence] = []
    paragraph, start, quote_open = 0, 0, False
    pos = 0
    while pos <= len(text):
        match = _END.search(text, pos)
        end = match.end() if match else len(text)
        if match and match.group().strip() and match.group()[0] == ".":
            # The word before the stop; a short window, since abbreviations are short.
            word = _LAST_WORD.search(text, max(start, match.start() - 30), match.start() + 1)
            token = word.group(1).lower() if word else ""
            # "Dr." or an initial ("K.") does not end a sentence; nor does a stop
            # before a word in lower case ("at 11 p.m. on Saturday", "approx. five").
            if token in _ABBREVIATIONS or _LOWER_NEXT.match(text, match.end()) or (
                len(token) == 1 and token.isalpha() and token.isupper() is False and text[match.start() - 1].isupper()
                # "posted on X." ends a sentence: a letter after a lower-case word is no initial
                and not _AFTER_LOWER_WORD.search(text, max(start, match.start() - 12), match.start() - 1)
            ):
                pos = match.end()
                if pos >= len(text):
                    match = None
                    end = len(text)
                else:
                    continue
        raw = text[start:end]
        stripped = raw.strip()
        if stripped:
            offset = start + (len(raw) - len(raw.lstrip()))
            opens = sum(stripped.count(q) for q in "“") + (stripped.count('"') % 2 if not quote_open else 0)
            closes = sum(stripped.count(q) for q in "”") + (stripped.count('"') % 2 if quote_open else 0)
            sentences.append(
                Sentence(stripped, offset, offset + len(stripped), paragraph, len(sentences), in_quote=quote_open)
            )
            if opens > closes:
                quote_open = True
            elif closes > opens:
                quote_open = False
        if match is None:
            break
        if "\n" in match.group() and not match.group().strip(".!?\"'”’) "):
            paragraph += 1
            quote_open = False
        start = pos = end
        if pos >= len(text):
            break
    return tuple(sentences)


# ("not only in Kabul but also in Kandahar": a correlative "but also" joins, it starts no clause)
# (", and Pakistani officials said three were hurt": a second speaker's clause)
_CLAUSE_BREAK = re.compile(r";|:(?=\s)|—|\s(?:but(?!\s+also\b)|while|whereas|although|though)\s|,\s+and\s+that\s|\sand\s+that\s|"
                           # (", and Afghan authorities gave a first toll of 18 killed": the same, its verb a toll given)
                           r",\s+and\s+(?=(?:[\w'’-]+\s+){1,4}?(?:said|says|told|claimed|claims|reported|added|saying|claiming|putting|gave (?:a |an |the |its |their )?(?:\w+ )?(?:death )?toll)\b)|"
                           # (", where Taliban officials say at least 400 were killed": a speaker of its own)
                           r",\s+where\s+(?=(?:[\w'’-]+\s+){1,4}?(?:said|says|say|claimed|claim|claims|reported)\b)|"
                           # ("with Pakistan saying it had killed 200 and Afghanistan putting its losses at 58")
                           r"\sand\s+(?=(?:[\w'’-]+\s+){1,3}?(?:saying|claiming|putting)\b)")
# "Kabul says 36 dead, Islamabad says 29 militants killed": two speakers side by side,
# each with what it says (not "…, officials said on Tuesday", which names the first's)
_SAYS = r"(?:says|say|said|claims|claim|claimed|reports|reported)"
_WHAT_IS_SAID = r"\s+(?!(?:on|in|at|late|early|last|this|yesterday|today|tonight|after|before|during)\b)[\w'’-]"  # (not a time)
_SECOND_SPEAKER = re.compile(rf",\s+(?=(?:[\w'’-]+\s+){{1,3}}?{_SAYS}{_WHAT_IS_SAID})")
_SAYS_SOMETHING = re.compile(rf"\b{_SAYS}{_WHAT_IS_SAID}")


@lru_cache(maxsize=4096)  # asked again for every cue in the sentence
def clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentence's clauses: split at ; : and at "but", "while",
    "whereas", "although", ", and that", and before a second speaker's
    ", Y says …" after "X says …"."""
    bounds = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    for second in _SECOND_SPEAKER.finditer(sentence):
        last = max(b for b in bounds if b <= second.start())
        if _SAYS_SOMETHING.search(sentence, last, second.start()):
            bounds.append(second.start())
    bounds = sorted(set(bounds)) + [len(sentence)]
    return tuple((a, b) for a, b in zip(bounds, bounds[1:]) if b > a)


def clause_of(sentence: str, position: int) -> tuple[int, int]:
    for a, b in clauses(sentence):
        if a <= position < b:
            return a, b
    return 0, len(sentence)
