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

from monitor.text.attribution import ACCORDING, REPORTING, Speakers
from monitor.text.cues import asserted_now, is_background, not_asserted
from monitor.text.numbers import Number, find_numbers
from monitor.text.scope import Scope
from monitor.text.sentences import Sentence, clauses, split_sentences


class Reading:
    """One sentence of an article and what it says, as far as any detector asks."""

    def __init__(self, sentence: Sentence, published: datetime | None, scope: Scope | None = None):
        self.sentence = sentence
        self.published = published
        self.scope = scope
        # Set by read() when it was asked for speakers: the party whose words the
        # sentence is (None: unattributed), where it is named, and for a sentence
        # of several clauses the speaker of each clause that has its own verb of
        # saying ("Pakistan put its losses at 23, while Kabul claimed 58").
        self.speaker: str | None = None
        self.speaker_span: tuple[int, int] = (0, 0)
        self.clause_speakers: tuple[tuple[int, int, str | None], ...] = ()

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
    former" resolve to who spoke or was named before.
    """
    readings = [Reading(sentence, article.published, scope) for sentence in split_sentences(article.full_text)]
    if speakers is not None:
        for reading in readings:
            sentence = reading.sentence
            if not (sentence.in_quote or REPORTING.search(sentence.text) or ACCORDING.search(sentence.text)):
                speakers.remember(sentence, None)  # who it names still resolves "it" and "the former" later
                continue
            reading.speaker, reading.speaker_span = speakers.claimant(sentence)
            spans = clauses(sentence.text)
            if len(spans) > 1:
                # Read before this sentence is remembered: "he said" in a clause
                # means who spoke before, not a party this sentence names.
                reading.clause_speakers = tuple(
                    (lo, hi, _clause_speaker(speakers, sentence.text, lo, hi, reading))
                    if REPORTING.search(sentence.text[lo:hi]) or ACCORDING.search(sentence.text[lo:hi]) else (lo, hi, None)
                    for lo, hi in spans
                )
            speakers.remember(sentence, reading.speaker)
    return readings


def _clause_speaker(speakers: Speakers, text: str, lo: int, hi: int, reading: Reading) -> str | None:
    """The speaker of the clause [lo, hi). One the clause does not name ("he
    said", resolved from memory) is the sentence's own named speaker when that
    one is named before the clause: "Mujahid told a different story: he said …"."""
    party, span = speakers.claimant_of(text[lo:hi])
    named_before = reading.speaker is not None and reading.speaker_span[0] < reading.speaker_span[1] <= lo
    if party is not None and span[0] == span[1] and named_before:
        return reading.speaker
    return party
