"""Is a text about the conflict a detector watches, or about another one?"""

from __future__ import annotations

from functools import lru_cache

from monitor.text.gazetteer import Gazetteer, load_data


class Scope:
    """Two term lists: what puts a text in scope, and what marks another
    conflict or border. Either may be extended by a user's configuration."""

    def __init__(self, in_scope: list[str], out_of_scope: list[str], anchors: list[str] | None = None):
        self.inside = Gazetteer({term: [] for term in in_scope})
        self.outside = Gazetteer({term: [] for term in out_of_scope})
        # Terms that tie a sentence naming another country to this conflict
        # after all: without one, "gunmen from Afghanistan attacked Chinese
        # workers in Tajikistan" is another conflict, though it names Afghanistan.
        self.anchors = Gazetteer({term: [] for term in anchors}) if anchors else None

    def counts(self, text: str) -> tuple[int, int]:
        return len(self.inside.find(text)), len(self.outside.find(text))

    def article_in_scope(self, text: str) -> bool:
        """In scope when it names the conflict at least as often as another one."""
        if not self.inside.mentioned(text):  # most of a general news feed stops here
            return False
        if not self.outside.mentioned(text):  # names no other conflict: nothing to count
            return True
        return len(self.inside.find(text)) >= len(self.outside.find(text))

    def sentence_elsewhere(self, sentence: str) -> bool:
        """The sentence is about another conflict or border ("the Wagah border
        between Pakistan and India", "Israeli strikes in Gaza"): it names one
        and nothing of this conflict, or nothing of it that ``anchors`` name
        ("Afghan gunmen attacked Chinese workers in Tajikistan")."""
        if not self.outside.find(sentence):
            return False
        if not self.inside.find(sentence):
            return True
        return self.anchors is not None and not self.anchors.find(sentence)


@lru_cache(maxsize=None)
def load_scope(package: str, filename: str) -> Scope:
    """One shared Scope per data file: every detector then asks the same
    object, and its per-text caches answer the second and third time."""
    data = load_data(package, filename)
    return Scope(data["in_scope"]["terms"], data["out_of_scope"]["terms"], data["in_scope"].get("anchors"))
