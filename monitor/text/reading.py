"""Each sentence of an article, read once: the questions every detector asks.

A detector decides ("an asserted, current, in-scope sentence that says a
crossing opened for returnees only is partially_open"); the reading answers
the questions of language that every detector, built-in or third-party, would
otherwise answer again in its own way:

- whose words the sentence is (``speaker``, and per clause ``clause_speakers``),
  from ``monitor.text.attribution``;
- whether it is about another conflict or border (``elsewhere``), from a Scope;
- at a cue's position, its modality (asserted, question, denial, negation,
  hedge) and its time (now, or background that restates older facts), from
  ``monitor.text.cues``;
- the numbers it holds (``numbers``), from ``monitor.text.numbers``.

Everything is computed when first asked, so a sentence that no detector looks
at past its cheap test costs nothing more. A fix to any of these answers
reaches every detector at once.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property

from monitor.text.attribution import ACCORDING, PASSIVE_BEFORE, REPORTING, Speakers, noun_use, speaks_for_no_party
from monitor.text.cues import asserted_now, is_background, not_asserted
from monitor.text.numbers import Number, find_numbers
from monitor.text.scope import Scope
from monitor.text.sentences import Sentence, clauses, split_sentences


NO_PARTY = ""  # a clause's own speaker, who speaks for no party (see Reading.clause_speakers)


class Reading:
    """One sentence of an article and what it says, as far as any detector asks."""

    def __init__(self, sentence: Sentence, published: datetime | None, scope: Scope | None = None):
        self.sentence = sentence
        self.published = published
        self.scope = scope
        # Given by read() when it was asked for speakers: the party whose words
        # the sentence is (None: unattributed), where it is named, and for a
        # sentence of several clauses the speaker of each clause that has its
        # own verb of saying ("Pakistan put its losses at 23, while Kabul claimed 58"):
        # a party; None for a clause with no verb of saying (the sentence's speaker
        # speaks it); NO_PARTY ("") for one whose own speaker speaks for no party
        # ("…, while a hospital in Chaman reported treating three people").
        self._speaker: str | None = None
        self._speaker_span: tuple[int, int] = (0, 0)
        self._clause_speakers: tuple[tuple[int, int, str | None], ...] = ()
        self._speakers_pending: _InOrder | None = None  # set by read(): resolved when first asked

    @property
    def speaker(self) -> str | None:
        if self._speakers_pending is not None:
            self._speakers_pending.through(self)
        return self._speaker

    @property
    def speaker_span(self) -> tuple[int, int]:
        if self._speakers_pending is not None:
            self._speakers_pending.through(self)
        return self._speaker_span

    @property
    def clause_speakers(self) -> tuple[tuple[int, int, str | None], ...]:
        if self._speakers_pending is not None:
            self._speakers_pending.through(self)
        return self._clause_speakers

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def index(self) -> int:
        return self.sentence.index

    @cached_property
    def elsewhere(self) -> bool:
        """About another conflict or border, and nothing of this one."""
        return self.scope is not None and self.scope.sentence_elsewhere(self.sentence.text)

    @cached_property
    def numbers(self) -> list[Number]:
        return find_numbers(self.sentence.text)

    def modality(self, position: int) -> str:
        """How the words at ``position`` are put: "asserted", or why not
        ("question", "denial", "negation", "hedge")."""
        return not_asserted(self.sentence.text, position) or "asserted"

    def time(self, position: int) -> str:
        """"now", or "background" where the sentence restates older facts."""
        return "background" if is_background(self.sentence.text, self.published, position) else "now"

    def asserted_now(self, position: int, background_ok: bool = False) -> bool:
        """Asserted and about now (``background_ok``: a reference article,
        which restates its facts by design)."""
        return asserted_now(self.sentence.text, position, self.published, background_ok)


def read(article, scope: Scope | None = None, speakers: Speakers | None = None) -> list[Reading]:
    """The readings of ``article.full_text``, sentence by sentence, in order.

    With ``speakers`` (a ``Speakers`` for the parties the detector knows), each
    sentence that attributes (a verb of saying, "according to", or a quotation
    continued) gets its speaker, read in order so that "he said" and "the
    former" resolve to who spoke or was named before. They are worked out when
    a sentence's speaker is first asked, for it and every sentence before it:
    the sentences after the last one asked about cost nothing.
    """
    readings = [Reading(sentence, article.published, scope) for sentence in split_sentences(article.full_text)]
    if speakers is not None:
        pending = _InOrder(readings, speakers)
        for reading in readings:
            reading._speakers_pending = pending
    return readings


class _InOrder:
    """An article's speakers, resolved sentence by sentence in order, as far
    as a detector has asked: each sentence's answer depends on who spoke or
    was named in the sentences before it, never after."""

    def __init__(self, readings: list[Reading], speakers: Speakers):
        self.readings = list(readings)  # the caller may change its own list
        self.speakers = speakers
        self.done = 0

    def through(self, last: Reading) -> None:
        while last._speakers_pending is not None:
            reading = self.readings[self.done]
            self.done += 1
            reading._speakers_pending = None
            _resolve(reading, self.speakers)


def _resolve(reading: Reading, speakers: Speakers) -> None:
    sentence = reading.sentence
    if not (sentence.in_quote or REPORTING.search(sentence.text) or ACCORDING.search(sentence.text)):
        speakers.remember(sentence, None)  # who it names still resolves "it" and "the former" later
        return
    reading._speaker, reading._speaker_span = speakers.claimant(sentence)
    spans = clauses(sentence.text)
    if len(spans) > 1:
        # Read before this sentence is remembered: "he said" in a clause
        # means who spoke before, not a party this sentence names.
        reading._clause_speakers = tuple(
            (lo, hi, _clause_speaker(speakers, sentence.text, lo, hi, reading) or (NO_PARTY if speaks_for_no_party(sentence.text[lo:hi]) else None))
            if _says(sentence.text[lo:hi]) else (lo, hi, None)
            for lo, hi in spans
        )
    speakers.remember(sentence, reading._speaker, attributed=True)


def _says(clause: str) -> bool:
    """Has the clause a verb of saying of its own (not "had been reported", not "the claims")?"""
    if ACCORDING.search(clause):
        return True
    return any(not noun_use(clause, verb) and not PASSIVE_BEFORE.search(clause, max(0, verb.start() - 12), verb.start())
               for verb in REPORTING.finditer(clause))


def _clause_speaker(speakers: Speakers, text: str, lo: int, hi: int, reading: Reading) -> str | None:
    """The speaker of the clause [lo, hi). One the clause does not name ("he
    said", resolved from memory) is the sentence's own named speaker when that
    one is named before the clause: "Mujahid told a different story: he said …"."""
    party, span = speakers.claimant_of(text[lo:hi])
    named_before = reading._speaker is not None and reading._speaker_span[0] < reading._speaker_span[1] <= lo
    if party is not None and span[0] == span[1] and named_before:
        return reading._speaker
    return party
