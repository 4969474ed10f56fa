"""Is a text about the conflict a detector watches, or about another one?"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.text.cache import TextCache
from monitor.text.gazetteer import Gazetteer, load_data
from monitor.text.lowered import lower


class Scope:
    """Term lists: what puts a text in scope, what marks another conflict or
    border, and (``conflict``) the words the conflict itself is told in."""

    def __init__(self, in_scope: list[str], out_of_scope: list[str], anchors: list[str] | None = None,
                 conflict: list[str] | None = None, tolls: list[str] | None = None, disasters: list[str] | None = None,
                 weak: list[str] | None = None, parties: list[str] | None = None):
        self.inside = Gazetteer({term: [] for term in in_scope})
        self.outside = Gazetteer({term: [] for term in out_of_scope})
        # Terms that tie a sentence naming another country to this conflict
        # after all: without one, "gunmen from Afghanistan attacked Chinese
        # workers in Tajikistan" is another conflict, though it names Afghanistan.
        self.anchors = Gazetteer({term: [] for term in anchors}) if anchors else None
        # One pass finds any of the conflict's words, a toll's and the weak
        # ones; what a match is, is asked only of the few a story holds.
        self.conflict = conflict_words((conflict or []) + (tolls or []) + (weak or [])) if conflict else None
        # A toll's words count for the conflict where the article names no disaster or crime.
        self.tolls = conflict_words(tolls) if tolls else None
        self.disasters = conflict_words(disasters) if disasters else None
        # Words said of other things as often as of the fighting ("an
        # earthquake struck", "flight operations", "both sides of the
        # border") count only in a sentence that names one of the parties:
        # "Pakistan struck Kandahar", "the border with Afghanistan".
        self.weak = conflict_words(weak) if weak else None
        self.parties = conflict_words(parties) if weak and parties else None
        self._about: TextCache[bool] = TextCache()

    def about_the_conflict(self, text: str) -> bool:
        """The gate every built-in detector opens with, asked once per
        article: the article names this conflict's side, region or crossings
        (``inside``) and at least one word it is told in (``conflict``:
        fighting, arms, a truce, a border, a charge; or a toll's, where it
        names no disaster or crime). A story that names
        Kabul or Pakistan but none of these (cricket, inflation, a flood) is
        not read further: attribution, figures and modality are worked out
        only for articles that pass. One cached answer per text, so the
        second and third detector to ask pay nothing."""
        answer = self._about.get(text)
        if answer is None:
            # The conflict's words first: most general stories have none.
            answer = self._told(text) and self.inside.mentioned(text)
            self._about.put(text, answer)
        return answer

    def _told(self, text: str) -> bool:
        if self.conflict is None:
            return True
        low = "\n" + lower(text)
        toll = False
        for found in self.conflict.finditer(low):
            at = found.start()
            if self.tolls is not None and self.tolls.match(low, at):
                toll = True
            elif self.weak is None or not self.weak.match(low, at):
                return True  # a word only the conflict is told in
            elif self.parties is not None:
                sentence = _sentence_around(low, at)
                if self.parties.search(low, *sentence) and (self.disasters is None or not self.disasters.search(low, *sentence)):
                    return True  # "Pakistan struck Kandahar", not "floods destroyed houses in Afghanistan's Herat"
        return toll and (self.disasters is None or self.disasters.search(low) is None)

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


def _sentence_around(low: str, at: int) -> tuple[int, int]:
    """The span of the sentence (or line) around ``at``, roughly: from the
    end of the last one to the end of this one."""
    start = max(low.rfind(". ", 0, at), low.rfind("\n", 0, at), low.rfind("? ", 0, at), low.rfind("! ", 0, at), 0)
    ends = [end for end in (low.find(". ", at), low.find("\n", at + 1)) if end != -1]
    return start, min(ends) if ends else len(low)


@lru_cache(maxsize=None)
def load_scope(package: str, filename: str) -> Scope:
    """One shared Scope per data file: every detector then asks the same
    object, and its per-text caches answer the second and third time."""
    data = load_data(package, filename)
    conflict = data.get("conflict", {})
    return Scope(data["in_scope"]["terms"], data["out_of_scope"]["terms"], data["in_scope"].get("anchors"),
                 conflict.get("terms"), conflict.get("tolls"), conflict.get("disasters"), conflict.get("weak"), conflict.get("parties"))


def conflict_words(terms: list[str]) -> re.Pattern[str]:
    """Whether any of ``terms`` occurs, in lower-cased text after a character
    that is not a letter (search "\\n" + text): each term a whole word ("war")
    or, ending in "*", any word it begins ("attack*": attacked, attacks);
    spaces and hyphens inside a term match either ("cease-fire*"). Written as
    a tree of shared beginnings, so that re tries a letter or two at each
    word, not every term: this pattern runs over every article."""
    root: dict = {}
    for term in terms:
        prefix = term.endswith("*")
        words = [w for w in re.split(r"[\s\-]+", (term[:-1] if prefix else term).lower()) if w]
        node = root
        for i, word in enumerate(words):
            for char in word:
                node = node.setdefault(re.escape(char), {})
            if i < len(words) - 1:
                node = node.setdefault(r"[\s\-]+", {})
        node[""] = "prefix" if prefix or node.get("") == "prefix" else "whole"

    def pattern(node: dict) -> str:
        if node.get("") == "prefix":
            return ""  # whatever follows, a word begun so is one of the terms
        branches = [step + pattern(child) for step, child in node.items() if step]
        if node.get("") == "whole":
            branches.append(r"(?!\w)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(r"\W" + pattern(root))
