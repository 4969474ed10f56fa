"""crossing: the state of each official Pakistan–Afghanistan crossing.

Values (ALERTS.md): ``open``, ``partially_open`` (only some traffic:
pedestrians, returning or deported refugees, one direction, trade only,
humanitarian, certain days), ``closed`` (shut to all traffic).

How: one compiled pattern over every crossing's names (Latin, Urdu, Pashto,
Dari) is the prefilter. For each mention, the cues in its clause (else its
sentence; "the crossing" in the next sentences means the ones just named)
decide the value; a cue counts only if asserted and about now. A change verb
("reopened", "closed") outweighs a state ("remained shut"), which outweighs a
noun ("the closure").

The rules of news language it follows, each with its tests in
tests/test_crossing_language.py:

- Words of fighting open nothing: "opened fire", "open war", "shelling resumed".
- An opening that says whom it lets through is partial: "but only for
  returnees", "for UN aid shipments only", "to send Afghans home", "the only
  traffic allowed", "only X may cross"; so are returns or aid cargo seen going
  through a crossing, and an opening in an article that says some traffic is
  still stopped. Words of everyone ("to all traffic", "for trade and
  travellers") make it ``open``, and outweigh a partial opening in the article.
- Background is not news: "following Saturday's reopening", "since the
  closure", a year before the article's; but "trucks crossed after Pakistan
  reopened Torkham on Monday" is news.
- A looser retelling does not widen or narrow a state reported in the days
  before: a bare "Torkham reopened" also fits ``partially_open``, people
  crossing home also fit ``open``, "closed to trade" also fits
  ``partially_open`` (``Observation.also_fits``).

Configuration: ``[plugins.crossing] aliases = { Torkham = ["…"] }`` adds names.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import monitor
from monitor.text import Gazetteer, asserted_now, clause_of, load_data, load_scope, load_table, lowered, not_asserted, split_sentences

DATA = "monitor.plugins.data"

OPEN = lowered(re.compile(
    r"\b(?:re-?open(?:ed|s|ing)?|open(?:ed|s)?(?!-)|resum(?:ed|es|ing|ption)|restart(?:ed|s|ing)?|restor(?:ed|ing)|"
    r"(?:lift(?:ed|s)?|end(?:ed|s)?) (?:the |a |its )?(?:[\w'’-]+ ){0,3}?(?:closure|ban|suspension|blockade|shutdown)|back in operation|operational again|"
    r"allow(?:ed|s|ing) (?:all )?(?:trade|traffic|vehicles|movement|trucks|travellers|travelers)(?! only)|"
    # letting someone through: "let aid trucks through", "allowed students to cross back"
    r"let(?:ting)? (?:[\w'’-]+ ){1,7}?(?:through|across|pass|cross|transit)|(?:wav|usher|clear)(?:ed|ing) (?:[\w'’-]+ ){0,3}?(?:through|across)|"
    r"(?:allow|permit)(?:ed|s|ing|ted|ting)? (?:[\w'’-]+ ){1,8}?to (?:cross|return|go|pass|enter|leave|travel|move|be moved)|"
    # traffic seen crossing: "trucks began crossing Torkham", "buses rolled across"
    r"(?:trucks|lorries|vehicles|buses|travell?ers|passengers|traffic) (?:[\w'’-]+ ){0,3}?"
    r"(?:crossed|(?:began|started|resumed) crossing|rolled (?:across|through|into)|passed through)|"
    r"(?:operat|function|work|runn)(?:ing|es|ed|s)? normally|back to normal)\b",
    re.I,
))
# Words of fighting are not a crossing opening: "opened [unprovoked] fire",
# "declared 'open war'", "resumed shelling" (the object follows the verb),
# "firing [across the frontier] resumed", "calm was restored" (the subject
# comes before an intransitive "resumed" or a passive "restored").
_FIGHTING = (
    r"(?:fire|firing|gunfire|shelling|shooting|shots|fighting|clashes|hostilities|exchanges?|attacks?|strikes|"
    r"bombardment|skirmish(?:es)?|violence|war|offensive|front|calm|order|peace|dialogue|talks|negotiations)"
)
FIGHT_AFTER = lowered(re.compile(rf"\A[\s'‘’\"“”]*(?:(?:an?|the|its|their|heavy|unprovoked|indiscriminate|intense|sporadic|fresh|direct|cross-border|small-arms|artillery|mortar)\s+){{0,3}}{_FIGHTING}\b", re.I))
FIGHT_BEFORE = lowered(re.compile(
    rf"\b{_FIGHTING}(?:\s+(?!(?:end|ended|stopped|ceased|subsided|eased|halted|died)\b)[\w'’-]+){{0,3}}?\s+(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+)?)?$",
    re.I,
))
CLOSED = lowered(re.compile(
    r"\b(?:clos(?:ed|es|ing)|shut(?:s|ting)?(?: down)?|seal(?:ed|s|ing)|suspend(?:ed|s|ing)|halt(?:ed|s|ing)|block(?:ed|ing)|"
    r"stopp(?:ed|ing)|suspension|barred|turned (?:back|away)|remain(?:s|ed)? (?:shut|closed)|stay(?:s|ed)? (?:shut|closed)|"
    r"(?:kept|keeps?|keeping) (?:[\w'’-]+ ){1,3}?(?:shut|closed|sealed))\b",
    re.I,
))
# "reopened the crossing for returning refugees": restricted traffic, counted
# only where the clause also opens something ("closed for pedestrians" is closed).
PARTIAL_FOR = lowered(re.compile(
    r"\bfor (?:the )?(?:evacuation|return|repatriation|passage) of\b|"
    r"\bfor (?:the )?(?:(?:returning|deported|stranded|repatriated|Afghan|registered|undocumented) ){0,2}(?:refugees|returnees|deportees|"
    r"pedestrians|foot traffic|diplomats|patients|students|nationals|Afghans|families|migrants|humanitarian (?:aid|cargo|supplies|purposes)|empty (?:trucks|containers|vehicles))\b|"
    # "for UN aid shipments only", "to pedestrians only", "for them alone"
    r"\b(?:for|to) (?:[\w'’-]+,? ){1,5}?(?:only|alone)\b|"
    # certain hours: "for brief periods", "for a few hours", "six hours a day"
    r"\bfor (?:brief|short|limited) (?:periods|spells|windows)\b|\bfor (?:a few|a couple of|some) hours\b|\bhours a day\b",
    re.I,
))
# Whom an opening lets through, when that is a kind of traffic rather than
# everyone: "reopened to send undocumented Afghans home", "opened so that UN
# cargo can pass", "opened on humanitarian grounds". Counted after an opening,
# in its clause.
RESTRICTED_TRAFFIC = lowered(re.compile(
    r"\b(?:refugees?|returnees?|deportees?|deport(?:ed|ing|ation)|repatriat\w*|evacuat\w*|undocumented|pilgrims|patients|"
    r"students|pedestrians?|foot traffic|on foot|humanitarian|diplomats|families|one[- ]way|one direction|"
    r"(?:relief|aid) (?:shipments?|cargo|convoys?|trucks|lorries|supplies|consignments?|deliveries|goods)|(?:food|medical|humanitarian|relief|emergency) (?:aid|assistance|supplies|consignments?|cargo|shipments?|containers)|"
    # "consignments from three UN agencies"
    r"(?:consignments?|shipments?|containers|cargo|supplies|convoys?) (?:from|of|belonging to) (?:[\w-]+ ){0,3}?(?:UN|U\.N\.|United Nations|WFP|World Food Programme|UNICEF|UNHCR|UN agencies)|"
    r"(?:un|u\.n\.|united nations)(?: [\w-]+){0,2} (?:shipments?|cargo|convoys?|trucks|lorries|supplies|consignments?|containers|aid)|"
    r"empty (?:trucks|containers|vehicles)|"
    # "for urgent deliveries of food, medicine and other essentials"
    r"(?:deliveries|shipments?|supplies|consignments?|transport) of (?:[\w-]+ ){0,2}?(?:food|medicines?|medical|humanitarian|relief|aid|essentials)|"
    r"(?:send|sent|sending|go|going|went|return|returning|returned|head|heading|headed)\s+(?:[\w'’-]+\s+){0,3}?home)\b",
    re.I,
))
# "reopened, but only for …", "opened specifically for repatriation": a
# restriction word after the opening. "Not only" and "only after" are not.
ONLY = lowered(re.compile(
    r"(?<!not )(?<!the )(?<!its )\b(?:only|solely|exclusively|specifically|alone)\b"
    r"(?!\s+(?:after|when|if|once|until|because|since|hours|days|weeks|minutes|moments|to (?:be )?(?:closed|shut)))",
    re.I,
))
NEXT_CLAUSE_CONCESSIVE = re.compile(r"\W*(?:but|though|although|while)\b", re.I)
NEXT_CLAUSE_ONLY = lowered(re.compile(r"\A\W*(?:but|though|although|and)?\s*(?:only|solely|exclusively)\b", re.I))
# "…, while passenger movement remains suspended": opened for some traffic only.
STILL_SHUT_FOR_SOME = lowered(re.compile(
    r"\b(?:passenger|pedestrian|people|traveller|traveler|trade|cargo|goods|commercial|transit|truck|vehicle)s?"
    r"(?: movement| traffic| vehicles)? (?:remains?|remained|stays?|stayed|is|are|was|were)? ?(?:still )?"
    r"(?:suspended|closed|barred|halted|banned|not allowed|shut|on hold|frozen|restricted|(?:will )?(?:have|has) to wait)\b|"
    # "it stays closed to trade and pedestrian traffic" (but not "to all traffic")
    r"\b(?:closed|shut|barred|suspended|halted) (?:to|for) (?!all\b|every\b|any\b)(?:[\w-]+ ){0,2}?"
    r"(?:trade|traffic|goods|cargo|trucks|vehicles|travellers|travelers|passengers|pedestrians|commerce|transit|movement)\b",
    re.I,
))
# People sent or going home across a crossing that is otherwise shut, and aid
# cargo let through it: "deported 5,000 Afghans through Chaman, while the
# border otherwise remained closed to trade", "10,000 people went back
# through Chaman in a single day", "began clearing UN relief cargo through
# Torkham".
SENT_THROUGH = lowered(re.compile(
    r"\b(?:(?:deport\w*|repatriat\w*|expell?\w*|sent (?:back|out|away|home)|pushed back|forced (?:back|out|home)|forcibly (?:returned|sent|moved))\b[^.;]{0,60}?\b(?:through|via|across|at)|"
    r"(?:returned|returning|re-?entered|re-?entering|went back|gone back|going back|go back|(?:made|make|making) it (?:back|home)|(?:got|came|come|coming) back|crossed (?:back|home)|cross(?:ed|ing)? home|head(?:ed|ing)? home|"
    r"(?:refugees|returnees|deportees|families|Afghans|migrants) (?:[\w-]+ ){0,2}?cross(?:ed|ing)? (?:back )?into (?:Afghanistan|their (?:country|homeland))|"
    r"(?:\w+ed|\w+ing|went|gone|go|came|come|sent) (?:back )?home|(?:relief|aid|humanitarian|UN|U\.N\.|United Nations) (?:[\w-]+ ){0,2}?(?:cargo|consignments?|shipments?|supplies|containers|convoys?|trucks))"
    r"\b[^.;]{0,60}?\b(?:through|via|across)|"
    # counted people going over, in headline grammar too: "10,700 cross at Chaman",
    # "where some 4,000 people crossed into Afghanistan"
    r"(?:\d[\d,.]*|thousands|hundreds|dozens)\s+(?:(?:more|other|of)\s+)?(?:(?:Afghan|stranded|returning|undocumented)\s+)?"
    r"(?:(?:people|persons|individuals|refugees|returnees|deportees|Afghans|families|migrants|nationals)\s+)?(?:have\s+|had\s+)?"
    r"(?:cross(?:ed)?|returned|went back)\s+(?:back\s+)?(?:into|at|via|through|over)|"
    r"(?:people|persons|individuals|refugees|returnees|deportees|families|Afghans|migrants) (?:[\w-]+ ){0,2}?cross(?:ed|ing)? (?:back )?into (?:Afghanistan|their (?:country|homeland))|"
    # returns extended to a crossing: "extended the repatriation of Afghans to Chaman"
    r"(?:extend|expand|widen)(?:ed|s|ing)?\s+(?:the\s+)?(?:return|repatriation|deportation)s?\b(?:\s+(?:process|drive|operation|campaign))?[^.;]{0,40}?\bto|"
    # the same in the passive: "the repatriation channel has also been widened to the Chaman crossing"
    r"(?:return|repatriation|deportation)s?\s+(?:process|drive|operation|campaign|channel)?\s*(?:has|have|was|were|is|are)\s+(?:also\s+|now\s+)?(?:been\s+)?(?:extended|expanded|widened)\s+to)\b",
    re.I,
))
FLOW_WORDS = ("through", "via", "across", "deport", "repatriat", "expel", "sent ", "pushed back", "forced ", "forcibly", "cross", "return", "went back")
# "the repatriation of families through Torkham would restart on Saturday": a plan.
FLOW_PLANNED = re.compile(r"[^,;.]{0,50}?\b(?:would|will|shall|could|may|might|should|(?:is|are|was|were) (?:set |expected |likely |due )?to)\b", re.I)
DATED_BETWEEN = re.compile(r"\b(?:on|in|since)\s+(?:\w+\s+)?\d", re.I)
# "UN cargo will be allowed through Torkham": the verb of the flow is itself in the future.
PLANNED_INSIDE = re.compile(r"\b(?:will|would|shall|could|may|might|should|to be)\b", re.I)
# The same, less "may": "only refugees may cross" is a permission now, "only refugees will be let through" a plan.
FUTURE_INSIDE = re.compile(r"\b(?:will|would|shall|to be)\b")
# "deportations through Chaman were halted": the flow is what stopped.
FLOW_STOPPED = re.compile(
    r"[^,;.]{0,40}?\b(?:were|was|have been|has been|had been|are|is)\s+(?:\w+\s+)?(?:halted|suspended|stopped|blocked|barred|banned)\b", re.I
)
# A flow counts as news when it is dated now or the sentence says other
# traffic is stopped; "a million have returned through Torkham since 2023" is not.
NOW_FLOW = lowered(re.compile(
    r"\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|this (?:morning|afternoon|evening|week)|"
    r"each day|every day|daily|a day|per day|in a single day|in one day|on the first day|(?:has |have )?beg[au]n|start(?:ed|s)|"
    r"(?:is|are) (?:still )?(?:being )?\w+ing|(?:is|are) (?:still )?being)\b",
    re.I,
))
CLOSURE_NOUN = re.compile(r"\b(?:closure|shutdown|blockade)\b", re.I)
PARTIAL = lowered(re.compile(
    r"\b(?:partial(?:ly)?|partly|limited (?:basis|traffic|trade|movement|hours|capacity)|"
    r"only (?:for |to |by )?(?:pedestrians|refugees|returnees|deportees|trade|goods|cargo|humanitarian|empty|one|certain|diplomats|patients|students|foot|exports|imports)|"
    # "are being used only by returning Afghans"
    r"only (?:for |to |by )?(?:returning|deported|repatriated|departing|expelled) (?:Afghans|refugees|families|nationals|migrants|people)|"
    r"(?:pedestrians|refugees|returnees|deportees|returning|deported|repatriated|stranded|Afghan (?:nationals|refugees|families|citizens|migrants)|nationals|patients|students|families) "
    # ("students who had been stuck in Afghanistan because of the blockade were allowed to cross")
    r"(?:[\w'’-]+ ){0,12}?(?:were |are |was |is |being |have been |had been )*(?:allowed|permitted|let through|let in|able) (?:to )?(?:cross|return|go|pass|enter|leave|through)|"
    r"(?:allow(?:ed|s|ing)|permit(?:ted|s|ting)) (?:the )?(?:return|repatriation|crossing|passage|movement) of|"
    r"(?:re-?)?open(?:ed|s)? (?:only )?(?:for|to) (?:the )?(?:return|repatriation|deportation|deportees|returnees|refugees|pedestrians|humanitarian|foot|diplomats|patients|empty)|"
    r"(?:re-?)?open(?:ed|s)? briefly|one-way|one direction|in one direction|humanitarian (?:aid|supplies|cargo|corridor|basis|grounds)|"
    r"(?:on |for )?(?:certain|specific|some|alternate) days|(?:two|three|four|\d) days a week|weekdays only|"
    r"on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)(?:,? (?:and |or )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))* only|"
    r"(?:trade|goods|cargo|commercial traffic) only|only (?:trade|goods|cargo)|for (?:pedestrians|foot traffic) only)\b",
    re.I,
))
# "only X may cross", "only vehicles taking refugees' goods are let through",
# "the only traffic Pakistan permits", "allowed only refugees": whatever X is,
# "only" with a verb of letting through restricts the traffic. (Run only where
# "only" is written: a long pattern.)
ONLY_LETS = lowered(re.compile(
    r"(?<!not )\bonly\s+(?:[\w'’-]+,?\s+){0,8}?(?:(?:are|is|were|was|being|been|has been|have been)\s+)?"
    r"(?:allowed|permitted|permits?|allows?|let (?:through|in|across|pass)|may (?:cross|pass|go|use|enter|leave|return)|"
    r"can (?:cross|pass|go|use|enter|leave|return)|crossed|passed|went through|got through)\b|"
    r"\b(?:allow(?:ed|s|ing)?|permit(?:ted|s|ting)?|let(?:ting)?)\s+(?:[\w'’-]+\s+){0,3}?only\b",
    re.I,
))
FULLY = re.compile(
    r"\b(?:fully|completely|all (?:kinds|types|sorts) of|all traffic|all movement|for all|to all|both trade and|"
    r"trade and (?:travel|travellers|travelers|pedestrians|passengers|people)|normal(?:ly)? (?:traffic|operations|trade)|"
    r"in both directions|two-way (?:trade|traffic)|(?:operat|function|work|runn)\w* normally|back to normal)\b",
    re.I,
)
# "following Saturday's reopening", "after weeks of closure", "since the
# clashes": the cue is the object of a preposition of earlier time.
PREFIX_BACKGROUND = re.compile(
    r"\b(?:after|since|following|despite|amid|days of|weeks of|months of|ended (?:a|the))\s+"
    r"(?:(?!(?:but|and|while|though|although|when|as|yet)\s)[\w'’-]+\s+){0,4}$",
    re.I,
)
# An opening that names what it lets through: "trade resumed", "reopened for
# traffic" (with FULLY: "to all traffic", "for trade and travellers").
FOR_TRAFFIC = lowered(re.compile(
    r"\b(?:trade|traffic|commerce|commercial|business|travel|travell?ers|goods|cargo|trucks|lorries|vehicles|passengers|transit)\b",
    re.I,
))
# A next clause with no subject of its own: "…, but is open for refugees".
CONTINUES = re.compile(
    r"\W*(?:but|while|though|although)\s+(?:(?:is|are|was|were|has|have|had|remains?|remained|stays?|stayed)\b|"
    r"(?:re-?)?open(?:ed|s)?\b|clos(?:ed|es)\b|shut\b)",
    re.I,
)
# "Torkham, which remains shut", "Chaman, where trade resumed on Monday".
RELATIVE = re.compile(r",?\s+(?:which|where|that)\b")
# "Reopen Torkham", "Editorial: Open the crossings": a bare verb with no
# subject before it in its clause is a demand, not a report.
IMPERATIVE = re.compile(r"(?:\A|[:;—–-]\s*|[\"“‘']\s*)(?:re-?open|open|close|shut|seal|lift|end|resume|restore)\b", re.I)
# "opened in 2023", "during early 2024": a change in a year before the
# article's is history. (A tally "killed in 2025" can still be a claim now,
# so this stays with the state of a crossing.)
PAST_YEAR = lowered(re.compile(r"\b(?:in|during|back in|throughout)\s+(?:early |mid-|late )?((?:19|20)\d\d)\b", re.I))
# "two-way trade and pedestrian traffic remain suspended": the full-sounding
# words are the subject of a closure.
SHUT_AFTER = re.compile(r"\s+(?:shut|closed|sealed|halted|suspended|blocked|stopped|barred|frozen)\b", re.I)
SUBJECT_OF_CLOSURE = re.compile(
    r"[\w\s,'’-]{0,60}?\b(?:remains?|remained|stays?|stayed|are|is|were|was)\s+(?:still\s+)?"
    r"(?:suspended|closed|barred|halted|banned|shut|on hold|frozen|restricted)\b",
    re.I,
)
# "Trade at Torkham remains suspended": a kind of traffic is what is stopped.
TRAFFIC_SUBJECT = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,2}?(?:trade|cargo|goods|commerce|transit|exports?|imports?|commercial \w+)\b", re.I
)
# "said nothing about reopening", "readied for reopening": a subject of talk or an aim.
TOPIC = re.compile(r"\b(?:about|on|over|regarding|concerning|whether|of|for|towards?)\s+(?:the\s+)?$", re.I)
# "to all traffic", "every kind of trade", "neither trade nor travel": not one kind only.
EVERYTHING = re.compile(r"\b(?:all|every|any)\b(?: \w+){0,2} (?:traffic|movement|trade|kinds?|types?|activity)\b|\bneither\b", re.I)
# "blocking humanitarian aid", "halted the return of": the restricted traffic is what stopped.
OBJECT_OF_CLOSURE = lowered(re.compile(
    r"\b(?:block(?:ed|ing|s)?|halt(?:ed|ing|s)?|stopp(?:ed|ing)|stops?|suspend(?:ed|ing|s)?|barr(?:ed|ing)|bans?|bann(?:ed|ing)|"
    r"refus(?:ed|ing)|den(?:ied|ying))\s+(?:the\s+|a\s+|all\s+|any\s+)?$",
    re.I,
))
HABITUAL = re.compile(
    r"\b(?:usually|often|frequently|routinely|typically|generally|sometimes|repeatedly|regularly)\s+(?:\w+\s+)?$|"
    r"\A[\w\s-]{0,30}?\b(?:many|several|countless|multiple) times\b|\A[\w\s-]{0,30}?\btime and again\b",
    re.I,
)
_OTHER_THINGS = (
    r"(?:shops?|markets?|bazaars?|schools?|colleges?|universit(?:y|ies)|banks?|offices?|businesses|restaurants?|hotels?|"
    r"mosques?|airports?|airspace|embassy|embassies|consulates?|courts?|hospitals?|clinics?|roads?|highways?|"
    r"talks|negotiations|rounds?|sessions?|meetings?|summits?|conferences?|cinemas?|factories|mills|mines|"
    # "reopening fears of escalation", "reopened old wounds": what is opened again is no crossing
    r"fears?|wounds?|debates?|questions?|tensions?|rifts?|memories|cases?|files?|inquir(?:y|ies)|investigations?)"
)
# "Shops in Chaman reopened", "Markets near the Ghulam Khan crossing opened":
# the thing opened is named before the verb, as its subject …
OTHER_THING_BEFORE = re.compile(
    rf"\b{_OTHER_THINGS}\b(?:\s+(?!(?:and|but|while|as|after|before|when|since|then|so|resumed|reopened|opened)\b)[\w'’-]+){{0,5}}?"
    r"\s+(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+)?)?$",
    re.I,
)
# … or after it, as its object: "reopened its airspace", "closed schools".
OTHER_THING_AFTER = re.compile(rf"\s+(?:(?:its|the|their|all|some|many)\s+)?(?:\w+\s+)?{_OTHER_THINGS}\b", re.I)
ELSEWHERE = re.compile(r"\b(?:other|remaining|rest of the) (?:\w+ )?(?:crossings?|border points|gates|terminals|routes)\b|\belsewhere\b", re.I)
# "closed again", "shut it again", "re-closed": a closure after an opening.
AGAIN = re.compile(r"(?:re-?clos\w*|\w+(?:\s+(?:it|them|the \w+|\w+))?\s+(?:once\s+)?again)\b", re.I)
# A cue that is a verb with a subject ("reopened", "shut"), not a noun or a gerund.
FINITE = re.compile(r"(?!(?:closure|suspension|resumption|reopening|opening|closing|shutdown|blockade)\b)\w+(?:ed|s)?\b|shut\b", re.I)
RECENTLY = re.compile(r"\b(?:hours|minutes|moments|shortly|just|soon|a day|the day|a few hours)\s*$", re.I)
# "closed since October", "shut for six weeks": how long, a state.
DURATION = re.compile(r"\s+(?:since|for (?:the )?(?:past |last )?(?:\d+|a|an|two|three|four|five|six|seven|eight|nine|ten|several|many|some) )", re.I)

_crossings = load_table(DATA, "crossings.toml", "crossings")
ALL_PHRASES = load_data(DATA, "crossings.toml")["all_crossings"]["phrases"]
GAZETTEER = Gazetteer(_crossings)
ALL_CROSSINGS = re.compile("|".join(re.escape(p) for p in ALL_PHRASES), re.I)
SCOPE = load_scope("monitor.plugins.data", "scope.toml")
SEVERITY = {"closed": "high", "open": "high", "partially_open": "medium"}
# Within an article: an opening for all traffic, then a partial one, then the
# rest; among equals the more definite reading, else the first said.
RANK = {
    "open:full": 3, "partially_open:said": 2, "partially_open:flow": 2,
    "closed:all": 1, "closed:some": 1, "open:explicit": 1, "open:bare": 1,
}
PREFERRED = {"partially_open:said", "closed:all", "open:explicit"}
# Readings that also fit another current value (state.decide_state): another
# outlet's "Torkham reopened" retells a reopening for refugees reported days
# before; people crossing home fit an open crossing too; "closed to trade" fits
# a crossing open only to refugees.
ALSO_FITS = {
    "open:bare": ("partially_open",),
    "partially_open:flow": ("open",),
    "closed:some": ("partially_open",),
}
# "the crossing", "either crossing", "the gate": the crossings named just before.
ANAPHOR = lowered(re.compile(r"\b(?:the|either|both|each|the two) (?:border )?(?:crossings?|gates?|crossing points?|terminals?)\b", re.I))


def _clause_end(sentence: str, start: int) -> int:
    """Where a relative clause starting at ``start`` ends: at its next comma."""
    comma = sentence.find(",", start)
    return comma if comma >= 0 else len(sentence)


def _imperative(sentence: str, lo: int, pos: int) -> bool:
    """Does the cue at ``pos`` start its clause as a bare verb ("Reopen Torkham")?"""
    start = max(lo, clause_of(sentence, pos)[0])
    return bool(IMPERATIVE.match(sentence, max(start, pos - 3))) and not sentence[start:pos].strip(" :;—–-\"“‘'")


def _habitual(sentence: str, lo: int, pos: int) -> bool:
    """"usually reopens within days", "has closed and reopened many times": what
    tends to happen, not what happened."""
    return bool(HABITUAL.search(sentence, max(lo, pos - 30), pos) or HABITUAL.match(sentence, pos, pos + 60))


def _something_else(sentence: str, lo: int, pos: int, end: int) -> bool:
    """"Shops reopened near Torkham", "Pakistan reopened its airspace": the
    verb opens or closes something other than the crossing."""
    return bool(OTHER_THING_BEFORE.search(sentence, max(lo, pos - 60), pos) or OTHER_THING_AFTER.match(sentence, end))


def _topic(sentence: str, pos: int, word: str) -> bool:
    """"said nothing about reopening Torkham", "a decision on reopening": a
    gerund after a preposition names a subject of talk, not an event."""
    return word.endswith("ing") and bool(TOPIC.search(sentence, max(0, pos - 25), pos))


def _stopped(span: str, flow) -> bool:
    """Is the flow itself what was stopped: "suspended the repatriation of
    Afghans through Torkham", "deportations through Chaman were halted"?"""
    before = CLOSED.search(span, max(0, flow.start() - 30), flow.start())
    # ("… since every crossing was shut on October 12 made it back through Torkham": the
    # closure's clause ended at its date; the flow has a verb of its own)
    between = span[before.end():flow.start()] if before else ""
    return bool(before and "," not in between.strip(" ,") and not DATED_BETWEEN.search(between)) or bool(
        FLOW_STOPPED.match(span, flow.end())
    )


def _flow(span: str) -> re.Match | None:
    """People or aid going through a crossing in ``span``, told as happening:
    not the flow that was stopped, nor one that would restart."""
    if not any(word in span.lower() for word in FLOW_WORDS):
        return None
    sent = SENT_THROUGH.search(span)
    if sent is None or _stopped(span, sent) or FLOW_PLANNED.match(span, sent.end()) or PLANNED_INSIDE.search(sent.group()):
        return None
    return sent


def _subordinate(sentence: str, pos: int, word: str) -> bool:
    """"… after Pakistan reopened Torkham": a verb of its own in an "after"
    clause, news when it stands alone, but the earlier of two events."""
    prefix = PREFIX_BACKGROUND.search(sentence[max(0, pos - 40):pos])
    return bool(prefix and FINITE.match(word) and prefix.group().lower().startswith(("after", "following")))


def _earlier(sentence: str, pos: int, word: str = "") -> bool:
    """Is the cue at ``pos`` the object of "after", "since", "following" …,
    an earlier event? "following Saturday's reopening", "after weeks of
    closure", "since Pakistan closed it" are; "hours after traffic resumed" is
    recent, and "trucks crossed after Pakistan reopened Torkham on Monday"
    tells the news with a verb of its own (its date, if old, still counts)."""
    prefix = PREFIX_BACKGROUND.search(sentence[max(0, pos - 40):pos])
    if not prefix or RECENTLY.search(sentence[max(0, pos - 60):pos - len(prefix.group())]):
        return False
    return not (FINITE.match(word) and prefix.group().lower().startswith(("after", "following")))


def _fighting(sentence: str, start: int, end: int) -> bool:
    """Does the opening cue at [start, end) open or resume fighting instead?"""
    if FIGHT_AFTER.match(sentence[end:end + 60]):
        return True
    return sentence[start:end].lower().startswith(("resum", "restart", "restor")) and bool(
        FIGHT_BEFORE.search(sentence[max(0, start - 60):start])
    )


def _restrictions(sentence: str, lo: int, hi: int, opening) -> list[int]:
    """Where the clause [lo, hi) limits what its opening lets through: "for
    returning refugees", "to send undocumented Afghans home", "for UN aid
    shipments only", "…, but only for returnees" (the next clause)."""
    span = sentence[lo:hi]
    at = opening.end()
    found = [m.start() for m in PARTIAL_FOR.finditer(span, opening.start())]
    # from the opening's start: "allowed UN containers to cross" names whom it lets through inside it
    found += [m.start() for m in RESTRICTED_TRAFFIC.finditer(span, opening.start(), min(len(span), at + 100))]
    if any(word in span.lower() for word in ("only", "solely", "exclusively", "specifically", "alone")):
        found += [m.start() for m in ONLY.finditer(span, at)]
    if hi < len(sentence) and NEXT_CLAUSE_ONLY.match(sentence[hi:hi + 40]):
        found.append(opening.start())
    elif hi < len(sentence) and NEXT_CLAUSE_CONCESSIVE.match(sentence[hi:hi + 12]):
        # "reopened, although for now it is being used only by refugees going home"
        following = sentence[hi:clause_of(sentence, hi)[1]]
        if ONLY.search(following) and RESTRICTED_TRAFFIC.search(following):
            found.append(opening.start())
    return sorted(found)


def _restriction_still_standing(sentence: str, lo: int, hi: int, openings, article, baseline_mode: bool) -> int | None:
    """"Earlier in November Pakistan reopened Torkham and Chaman for refugees,
    but both are still closed to commercial movement": a restricted opening
    told as background, then the other traffic still stopped now, is the
    restriction still in force. Where the "still" is, or None. The "still"
    clause is dated by itself: the earlier time belongs to the opening's."""
    for opening in openings:
        at = lo + opening.start()
        if not_asserted(sentence, at) or _topic(sentence, at, opening.group()) or not _restrictions(sentence, lo, hi, opening):
            continue
        for still in STILL_SHUT_FOR_SOME.finditer(sentence, lo + opening.end(), hi):
            if "still" not in sentence[max(lo, still.start() - 12):still.end()].lower():
                continue
            start, end = clause_of(sentence, still.start())
            if start > at and asserted_now(sentence[start:end], still.start() - start, article.published, baseline_mode):
                return still.start()
    return None


class Cue(NamedTuple):
    """What a span of a sentence says about a crossing."""

    value: str  # open, partially_open, closed
    strength: int  # a change verb (2) beats a state (1) beats a noun (0)
    position: int
    # How it says it. open: "full" (all traffic), "explicit" (names trade or
    # traffic), "bare" ("Torkham reopened"); partially_open: "said" (a
    # restriction), "flow" (people or aid seen going through); closed: "all",
    # "some" (one kind of traffic: "closed to trade").
    reading: str = ""

    @property
    def key(self) -> str:
        return f"{self.value}:{self.reading}"


def _cue(
    sentence: str, lo: int, hi: int, article, baseline_mode: bool, anchor: tuple[int, int] | None = None,
    dated_before: bool = False,
) -> Cue | None:
    """What the span [lo, hi) of the sentence asserts, if anything. Among cues
    of equal strength, the one nearest ``anchor`` (the crossing's name) wins:
    "Torkham open, Chaman shut". ``dated_before``: the sentence before, in the
    same paragraph, dates what it tells to now ("4,214 people were sent back
    on Tuesday. Most re-entered through Torkham")."""
    span = sentence[lo:hi]
    low = span.lower()
    if article.published is not None and not baseline_mode and (" 19" in sentence or " 20" in sentence) and any(
        int(m.group(1)) < article.published.year for m in PAST_YEAR.finditer(sentence)
    ):
        return None
    candidates: list[Cue] = []
    known: dict[int, bool] = {}

    def asserted(pos: int) -> bool:  # asked again for the same opening below
        if pos not in known:
            known[pos] = asserted_now(sentence, pos, article.published, baseline_mode)
        return known[pos]

    openings = [m for m in OPEN.finditer(span) if not _fighting(sentence, lo + m.start(), lo + m.end())]
    partial = [(m.start(), "said") for m in PARTIAL.finditer(span)]
    if "only" in low:
        # ("only Afghan refugees will be let through": as planned as any opening that "will" happen)
        partial += [(m.start(), "said") for m in ONLY_LETS.finditer(span) if not FUTURE_INSIDE.search(m.group())]
    said = next((m for m in openings if asserted(lo + m.start()) and not _topic(sentence, lo + m.start(), m.group())
                 and not _earlier(sentence, lo + m.start(), m.group())), None)
    restricting: set[int] = set()  # the restrictions of the opening told: as asserted as it is
    if said:  # "would open, but only for families" is no partial opening either
        restricting = set(_restrictions(sentence, lo, hi, said))
        partial += [(start, "said") for start in sorted(restricting)]
    sent = _flow(span)
    if sent and (dated_before or CLOSED.search(sentence) or NOW_FLOW.search(sentence)):
        partial.append((sent.start(), "flow"))  # (not a tally since 2023, nor "suspended the repatriation")
    for start, reading in sorted(partial, key=lambda p: (p[1] != "said", p[0])):
        if OBJECT_OF_CLOSURE.search(span, max(0, start - 40), start):
            continue  # "blocking humanitarian aid", "halted the return of refugees"
        if reading == "said" and any(m.start() < start and not asserted(lo + m.start()) for m in openings if m is not said):
            continue  # "has decided to reopen Torkham exclusively for UN cargo": the restriction is as planned as its opening
        # ("opened Torkham earlier this month for UN relief supplies": the time told
        # between the opening and its restriction is the opening's, asked of the opening)
        if start in restricting or asserted(lo + start):
            candidates.append(Cue("partially_open", 3, lo + start, reading))
            break
    if said is None and openings and "still" in low:
        still = _restriction_still_standing(sentence, lo, hi, openings, article, baseline_mode)
        if still is not None:
            candidates.append(Cue("partially_open", 3, still, "said"))
    for value, matches in (("open", openings), ("closed", CLOSED.finditer(span))):
        for m in matches:
            pos = lo + m.start()
            if _earlier(sentence, pos, m.group()) or _habitual(sentence, lo, pos) or _something_else(sentence, lo, pos, m.end() + lo):
                continue
            if value == "open" and (_imperative(sentence, lo, pos) or _topic(sentence, pos, m.group())):
                continue
            if asserted(pos):
                # A state ("remained shut", "closed since October") yields to a change.
                state = m.group().lower().startswith(("remain", "stay", "suspension")) or (
                    value == "closed" and DURATION.match(sentence, lo + m.end())
                )
                candidates.append(Cue(value, 1 if state or _subordinate(sentence, pos, m.group()) else 2, pos))
                if anchor is None:
                    break  # otherwise every asserted cue competes on distance
    if not candidates:
        for m in CLOSURE_NOUN.finditer(span):
            pos = lo + m.start()
            if not _earlier(sentence, pos) and asserted_now(sentence, pos, article.published, baseline_mode):
                candidates.append(Cue("closed", 0, pos))
                break
    if not candidates:
        return None
    # ("the crossing, completely shut since October 11, had been partially reopened": "completely" says how shut it was)
    full = any(not SUBJECT_OF_CLOSURE.match(span, m.end()) and not SHUT_AFTER.match(span, m.end()) for m in FULLY.finditer(span))
    partial_cue = next((c for c in candidates if c.value == "partially_open"), None)
    again = next((c for c in candidates if c.value == "closed" and c.strength == 2 and AGAIN.match(sentence, c.position)), None)
    if again:  # "opened for refugees on Saturday, was closed again on Monday": the later change
        return again._replace(reading="all")
    if partial_cue and full:
        candidates = [c for c in candidates if c.value != "partially_open"] or [Cue("open", 2, partial_cue.position)]
    elif partial_cue:
        return partial_cue
    if anchor is None:
        best = max(candidates, key=lambda c: (c.strength, -c.position))
    else:
        start, end = anchor
        best = max(candidates, key=lambda c: (c.strength, -min(abs(c.position - start), abs(c.position - end))))
    if best.value == "open":
        reading = "full" if full else "explicit" if FOR_TRAFFIC.search(span) else "bare"
    else:
        at = best.position - lo
        some = any(m.start() - 12 <= at < m.end() for m in STILL_SHUT_FOR_SOME.finditer(span)) or bool(
            TRAFFIC_SUBJECT.match(sentence[clause_of(sentence, best.position)[0]:best.position])
        )
        reading = "some" if some and not EVERYTHING.search(span) else "all"
    return best._replace(reading=reading)


def _gazetteer(config: dict) -> Gazetteer:
    extra = config.get("aliases")
    return GAZETTEER.extended(extra) if isinstance(extra, dict) else GAZETTEER


def _observe(article, config: dict, baseline_mode: bool) -> list[monitor.Observation]:
    text = article.full_text
    gazetteer = _gazetteer(config)
    if not SCOPE.about_the_conflict(text) and (gazetteer is GAZETTEER or not gazetteer.mentioned(text)):
        return []  # most of a general news feed stops here (scope.toml lists the crossings' names; a user's own are asked apart)
    named = len(gazetteer.find(text)) if gazetteer.mentioned(text) else 0  # its quick test first: most name no crossing
    generic = ALL_CROSSINGS.search(text) if baseline_mode else None
    if not (named or generic):
        return []
    # A named crossing is itself a mention of this border.
    inside, outside = SCOPE.counts(text)
    if inside + named < max(outside, 1):
        return []
    best: dict[str, tuple[str, object]] = {}  # crossing -> (Cue.key, sentence)
    sentences = split_sentences(text)
    last_named: tuple[int, list[str]] = (-9, [])  # the latest sentence that named crossings, for "the crossing"
    for previous, sentence in zip((None, *sentences), sentences):
        s = sentence.text
        mentions = gazetteer.find(s)
        everyone = baseline_mode and ALL_CROSSINGS.search(s)
        if not mentions and not everyone:
            # "… Chaman and Torkham … For a month the only traffic allowed
            # through either crossing has been refugees": the crossings just named.
            if sentence.index - last_named[0] <= 2 and ANAPHOR.search(s) and not SCOPE.sentence_elsewhere(s):
                cue = _cue(s, 0, len(s), article, baseline_mode)
                for name in last_named[1] if cue else ():
                    _keep(best, name, _restricted_elsewhere(cue, s, 0, len(s), gazetteer), sentence)
            continue
        if SCOPE.sentence_elsewhere(s) and not mentions:
            continue
        if mentions:
            last_named = (sentence.index, [m.name for m in mentions])
        whole: list = []  # the sentence's own cue, computed only if a clause has none
        dated_before = bool(previous and previous.paragraph == sentence.paragraph and NOW_FLOW.search(previous.text))

        def sentence_cue():
            if not whole:
                whole.append(_cue(s, 0, len(s), article, baseline_mode, dated_before=dated_before))
            return whole[0]

        named = []
        for mention in mentions:
            lo, hi = clause_of(s, mention.start)
            if CONTINUES.match(s, hi):  # "… closed for trade but is open for refugees": the same subject
                hi = clause_of(s, hi + 1)[1]
            own = RELATIVE.match(s, mention.end)  # "Torkham, which remains shut": its own clause decides
            if own:
                # … unless the main clause after it says what happened: "Torkham,
                # which remains shut to trade, was opened for the students alone".
                relative_end = min(hi, _clause_end(s, own.end()))
                cue = (relative_end < hi and _cue(s, relative_end, hi, article, baseline_mode, dated_before=dated_before)) or _cue(
                    s, mention.end, relative_end, article, baseline_mode, dated_before=dated_before
                )
            else:
                cue = None
            cue = cue or _cue(s, lo, hi, article, baseline_mode, anchor=(mention.start, mention.end), dated_before=dated_before) or (
                sentence_cue() if (lo, hi) != (0, len(s)) else None
            )
            if cue and cue.value == "closed" and _flow_beside(s, hi, article, baseline_mode):
                cue = Cue("partially_open", 3, cue.position, "flow")  # "trade suspended, though deportees are still sent through"
            if cue:
                named.append(mention.name)
                _keep(best, mention.name, _restricted_elsewhere(cue, s, lo, hi, gazetteer), sentence)
        if everyone and sentence_cue():
            for name in gazetteer.names:
                if name not in named:
                    _keep(best, name, sentence_cue().key, sentence)
    if any(key in ("open:explicit", "open:bare") for key, _ in best.values()):
        # "Torkham reopened on Saturday. … Trade remains suspended.": an
        # opening that does not say it is for everyone, in an article that
        # says some traffic is still stopped, is a partial one.
        still = _still_shut(sentences, article, baseline_mode, gazetteer)
        for name, (key, sentence) in list(best.items()):
            if key in ("open:explicit", "open:bare") and still is not None and still in ((), (name,)):
                best[name] = ("partially_open:said", sentence)
    observations = []
    for name, (key, sentence) in best.items():
        value = key.partition(":")[0]
        observations.append(monitor.Observation(
            subject=name,
            value=value,
            evidence=sentence.text,  # type: ignore[attr-defined]
            confidence=0.85,
            severity=SEVERITY[value],  # type: ignore[arg-type]
            also_fits=ALSO_FITS.get(key, ()),
            start=sentence.start,  # type: ignore[attr-defined]
            end=sentence.end,  # type: ignore[attr-defined]
        ))
    return observations


def _flow_beside(s: str, hi: int, article, baseline_mode: bool) -> bool:
    """After a clause that says the crossing is shut, does a concessive clause
    say people are still going through it ("…, though Afghans are still being
    sent out through the gate")?"""
    if not NEXT_CLAUSE_CONCESSIVE.match(s, hi):
        return False
    rest = s[hi:]
    sent = _flow(rest)
    return bool(sent and NOW_FLOW.search(rest) and asserted_now(s, hi + sent.start(), article.published, baseline_mode))


def _restricted_elsewhere(cue: Cue, s: str, lo: int, hi: int, gazetteer: Gazetteer) -> str:
    """An opening in the clause, and "…, while passenger movement remains
    suspended" elsewhere in the sentence (about no other crossing): partial."""
    if cue.key in ("open:explicit", "open:bare"):
        rest = s[:lo] + " " + s[hi:]
        still = STILL_SHUT_FOR_SOME.search(rest)
        if still and not gazetteer.find(rest[max(0, still.start() - 40):still.end()]):
            return "partially_open:said"
    return cue.key


def _still_shut(sentences, article, baseline_mode: bool, gazetteer: Gazetteer) -> tuple[str, ...] | None:
    """The crossings named by the first sentence that says some kind of
    traffic is still stopped (none named: ()); None if no sentence says so."""
    for sentence in sentences:
        s = sentence.text
        if ELSEWHERE.search(s):  # "trade through the other crossings remains suspended"
            continue
        for m in STILL_SHUT_FOR_SOME.finditer(s):
            if asserted_now(s, m.start(), article.published, baseline_mode):
                return tuple(sorted({n.name for n in gazetteer.find(s)}))
    return None


def _keep(best: dict, name: str, key: str, sentence) -> None:
    """Within one article: the more specific value wins (RANK), then the more
    definite reading of it (PREFERRED), else the first said."""
    if name not in best:
        best[name] = (key, sentence)
        return
    old, where = best[name]
    if RANK[key] > RANK[old] or (RANK[key] == RANK[old] and key in PREFERRED and old not in PREFERRED):
        best[name] = (key, sentence)
    elif key == old and where.index == 0 and sentence.index > 0:
        # The headline said it first; the body says it with its details.
        best[name] = (key, sentence)


@monitor.hookimpl
def detect(article, config):
    return _observe(article, config, baseline_mode=False)


@monitor.hookimpl
def baseline(article, config):
    return _observe(article, config, baseline_mode=True)
