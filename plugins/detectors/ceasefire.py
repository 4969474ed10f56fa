"""ceasefire: the state of the Pakistan–Afghanistan ceasefire.

Values (ALERTS.md): ``in_effect`` (agreed, holding, extended, restored),
``violated`` (a breach reported while neither side has declared it over),
``collapsed`` (declared over or abandoned; full fighting resumed).

How: a cheap prefilter (one compiled pattern) drops articles that never
mention a truce or cross-border violence. In the rest, each sentence in scope
is matched against cue patterns for each value; a cue counts only if it is
asserted (not negated, denied, hedged, conditional, a question or
background). Talks failing is not a change of the ceasefire.
"""

from __future__ import annotations

import re
from datetime import timedelta

import monitor
from monitor.text import (
    clause_of,
    Lowered,
    Sentence,
    is_question,
    load_data,
    load_scope,
    lowered,
    event_dates,
    weekday_dates,
    negated,
    read,
    window_before,
)

SUBJECT = "Pakistan–Afghanistan ceasefire"
DATA = "monitor.plugins.data"

TRUCE = r"(?:cease-?fire|truce|armistice|Doha (?:agreement|accord|deal|understanding))"
# What a side declares it halts or is halting: "its military operations", "the fighting"
_WHAT_IS_PAUSED = r"(?:its |their |all |the )?(?:military |combat )?(?:operations?|hostilities|fighting|attacks|strikes|offensive)"
CUES: list[tuple[str, int, Lowered]] = [
    # (value, priority, pattern): a higher priority wins within one article.
    (
        "in_effect",
        5,  # restored or newly agreed: the news that ends a breach or collapse
        lowered(re.compile(
            rf"\b(?:restor\w*|reinstat\w*|reviv\w*|renew\w*|extend\w*|agreed (?:to |on |upon )?(?:a |an |the )?(?:new |fresh |immediate |permanent |lasting |open-ended )?(?:\S+ )?|"
            rf"signed (?:a |an |the )?|reached (?:a |an |the )?|struck (?:a |an |the )?|(?<!-)brokered (?:a |an |the )?|announced (?:a |an |the )?|declared (?:a |an )|confirmed (?:a |an |the ))"
            # (not "announced that its ceasefire … has effectively ended": a clause about the truce)
            rf"(?!that\b)[\w\s-]{{0,30}}?{TRUCE}"
            rf"|{TRUCE}[\w\s,-]{{0,30}}?\b(?:was |has been |have been |is )?(?:restored|reinstated|extended|renewed|made (?:open-ended|permanent)|transformed into)"
            # "agreed to uphold the ceasefire", "agreed that the truce should stay in place": an agreement, not a plan
            rf"|\bagree[ds]? (?:to |on )?(?:maintain|uphold|keep|respect|observe|continue|preserve|honou?r|abide by|stick to)\w* (?:to )?(?:the |a |their |its )?(?:\w+ )?{TRUCE}"
            rf"|\bagree[ds]? that (?:the |their |a )?(?:\w+ )?{TRUCE} (?:should|would|will|must) (?:stay|remain|hold|continue|be (?:maintained|extended|upheld))"
            # both sides stop fighting for a time: "pause fighting for Eid", "halt military operations"
            r"|\b(?:paus|halt|suspend|stopp?)(?:e|es|ed|ing|s)? (?:its |their |all |the |cross-border )?(?:military |offensive |combat )?(?:operations|offensives?|hostilities|fighting|attacks|strikes)"
            # the same as a noun, declared: "declared a temporary pause in their escalating fighting"
            r"|\b(?:declared|announced|agreed (?:on |to )?|observ\w*) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:pause|halt|suspension|lull|cessation) (?:in|of|to) (?:the |their |all )?(?:[\w-]+ ){0,2}?(?:fighting|hostilities|operations|strikes|clashes)"
            # "Pakistan declared it would halt military operations in Afghanistan from midnight": a pause declared
            # ("announced on Wednesday that, for Eid, Pakistan would temporarily pause Operation …": its own named operation)
            r"|\b(?:declared|announced|agreed)\b(?: on \w+day)? (?:that )?(?:[^.;]{0,40}?,\s*)?(?:it|they|both sides|the two sides|both|Pakistan|Afghanistan|Islamabad|Kabul) would (?:\w+ly )?(?:halt|pause|suspend|stop|cease) "
            + _WHAT_IS_PAUSED +
            # ("Pakistan said on Wednesday that it was suspending its military operations in Afghanistan for Eid")
            r"|\b(?:said|says|announced|declared)\b(?: on \w+day)?(?:,? [^.;]{0,30}?,)? (?:that )?(?:it|they|Pakistan|Afghanistan|Islamabad|Kabul) (?:was|were|is|are) (?:\w+ly )?(?:halting|pausing|suspending|stopping|ceasing) "
            + _WHAT_IS_PAUSED +
            # the same, told in the passive: "Operation Ghazab lil-Haq was paused until …"
            r"|\b(?:Operation \w[\w-]*|(?:military |combat )?operations|offensive)(?: [\w-]+){0,7}? (?:was|were|has been|have been|had been) (?:\w+ly )?(?:paused|halted|suspended)"
            # a truce told as newly agreed: "the Eid ceasefire between Pakistan and Afghanistan, agreed after appeals from …"
            rf"|{TRUCE}[\w\s-]{{0,50}}?,\s+(?:which was |that was )?(?:agreed|reached|brokered) (?:on|after|in|at|by|with|late|early|overnight)\b"
            # a truce declared for a span of days: "Ankara's contribution to the ceasefire announced for the Eid days"
            # ("the temporary truce announced between Pakistan and Afghanistan for Eid al-Fitr")
            rf"|{TRUCE}\s+(?:(?:that|which) (?:was|were|has been|had been) )?(?:announced|declared|agreed(?: upon)?)\s+(?:between [\w\s-]{{3,40}}?\s+)?for\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:days?|hours|weeks?|holidays?|festival|Eid)\b",
            re.I,
        )),
    ),
    (
        "collapsed",
        6,  # OPEN_WAR: a party's leader declaring "open war" is a collapse (ALERTS.md), told at any time since
        lowered(re.compile(
            r"\b(?:open|all-out|full-scale|total) war\b",
            re.I,
        )),
    ),
    (
        "collapsed",
        4,
        lowered(re.compile(
            # (the gap never crosses ", and …": "the truce, and three rounds ended in deadlock")
            rf"{TRUCE}(?:(?!,\s*(?:and|but|while|though)\b)[\w\s,'’-]){{0,60}}?\b(?:has |had |have )?(?:collapsed|broken down|broke down|"
            # "the truce ended the fighting": ended something else, it did not end;
            # "the truce ended on Friday", "has ended.": it did
            r"ended(?=\s*(?:$|[.,;:]|on\b|in\b|at\b|after\b|when\b|with\b|abruptly|suddenly|today|yesterday|last\b|this\b|early|late|overnight|days|weeks|hours))|"
            r"is over|was over|are over|is dead|in tatters|unravel+ed|came apart|fell apart|crumbled|expired|no longer (?:holds|holding|in (?:effect|force|place))|"
            # ("the ceasefire … has become inoperative", "is now defunct")
            r"(?:become |became |is (?:now )?|was )(?:inoperative|defunct|a dead letter|null and void|meaningless))"
            # no truce at all, in a party's words: "the two sides are not currently observing any ceasefire"
            rf"|\bnot (?:\w+ )?(?:observing|honou?ring|bound by) any (?:\w+ )?{TRUCE}"
            rf"|\b(?:collapse|end|breakdown) of (?:the |a )?(?:\w+ )?{TRUCE}"
            rf"|\b(?:ended|scrapped|abandoned|called off|pulled out of|withdr[ae]w\w* from|terminated|tore up|declared (?:an end to|the end of)|suspended)\s+(?:the |a |its |their )?(?:\w+ )?{TRUCE}"
            rf"|\bdeclared (?:the |its |their )?(?:\w+ )?{TRUCE}(?: with \w+)? (?:void|over|dead|null|finished|ended)"
            # ("a full-scale border battle broke out between Pakistani and Afghan forces")
            r"|\b(?:full-scale|all-out|open|full) (?:[\w-]+ )?(?:war|fighting|hostilities|conflict|battles?) (?:has |have )?(?:resumed|erupted|broke out|broken out|returned)"
            # one state opening a military operation against the other: war, whatever the truce was
            # ("Pakistan has opened a major military operation against Afghanistan")
            r"|\b(?:launch\w*|open\w*|beg[au]n|start\w*|declar\w*)\s+(?:a |an |its |the )?(?:new |major |large-scale |full-scale |wide-ranging )?(?:military |air |ground )?(?:operation|offensive|war)\s+against\s+(?:the\s+)?(?:Afghanistan|Pakistan|Afghan Taliban|Taliban (?:government|regime|administration)|Kabul|Islamabad)\b",
            re.I,
        )),
    ),
    (
        "violated",
        3,
        lowered(re.compile(
            # (not "the talks had broken down, but … the ceasefire": a phrasal verb of something else)
            rf"\b(?:violat\w*|breach\w*|broke|breaking|broken|flout\w*|undermin\w*)\b(?!\s+(?:down|off|up|out|away)\b)[\w\s,'’-]{{0,40}}?{TRUCE}"
            rf"|{TRUCE}[\w\s-]{{0,20}}?\b(?:violations?|breach(?:es)?|(?:was |were |has been |is )?violated|(?:was |has been |is )?breached)\b"
            rf"|{TRUCE}[\w\s,'’-]{{0,50}}?\b(?:is|was|has been|had been|were|are) (?:not|no longer|hardly|barely) (?:holding|being (?:respected|observed|honou?red|implemented))\b"
            # a headline's: "Pakistan says ceasefire with Afghanistan 'not holding'"
            rf"|{TRUCE}[\w\s,-]{{0,50}}?\s['‘\"“](?:not|no longer) holding\b",
            re.I,
        )),
    ),
    (
        "in_effect",
        1,  # holding: usually the state already known, so silent
        lowered(re.compile(
            rf"{TRUCE}[\w\s,-]{{0,50}}?\b(?:holds|held|holding|remains? (?:in place|in effect|in force|intact)|"
            rf"(?:was |is )?still in (?:place|effect|force)|in effect|in force|took effect|came into (?:effect|force)|continues|continued)"
            rf"|\b(?:committed|commitment) to (?:the |a )?(?:\w+ )?{TRUCE}"
            # a pause or lull in the fighting is the truce holding, not news of one agreed
            r"|\b(?:a |an )?(?:\w+ )?(?:pause|halt|lull|suspension) (?:in|of|to) (?:the )?(?:fighting|hostilities|military operations)",
            re.I,
        )),
    ),
]
# Fighting that breaches a truce by itself: strikes from the air and cross-border fire.
STRONG_HOSTILITIES = lowered(re.compile(
    r"\b(?:air ?strikes?|air raids?|aerial (?:strikes?|bombardment|attacks?)|drone (?:strikes?|attacks?)|"
    # A bombing on the ground is an attack, not a breach of the truce (F012): only
    # bombing from the air or bombardment counts.
    r"bombard(?:ment|ed|ing)|bombing raids?|aerial bombing|bombed from the air|shell(?:ed|ing)|artillery (?:fire|shelling)|"
    r"cross-border (?:fire|firing|attacks?|shelling|strikes?|raids?|fighting|clashes)|"
    r"(?:jets?|aircraft|warplanes|planes|drones?|helicopters?|gunships?)\b[\w\s,]{0,25}?\b(?:struck|bombed|hit|pounded|targeted|attacked)|"
    r"(?:forces|troops|military|army|artillery)\b[\w\s,]{0,15}?\b(?:bombed|shelled|pounded|struck|fired on|fired at)|"
    r"rocket (?:attacks?|fire)|mortar (?:fire|shells?|attacks?)|carried out (?:[\w-]+ ){0,2}?(?:air |drone |missile )?strikes|"
    # the two parties as the subject of a reciprocal verb: "as Pakistan and Afghanistan traded attacks"
    r"(?:Pakistan|Afghanistan|Islamabad|Kabul)\s+and\s+(?:Pakistan|Afghanistan|Islamabad|Kabul)\s+(?:\w+\s+)?(?:traded|exchanged)\s+(?:\w+\s+)?(?:attacks|strikes|fire|blows|shelling)|"
    # one side's forces opening fire: "Afghan Taliban forces opened unprovoked fire in the Torkham sub-sector"
    r"(?:Pakistani|Afghan|Taliban) (?:[\w-]+ ){0,2}?(?:forces|troops|soldiers|guards|border forces) (?:\w+ )?open(?:ed|s)? (?:[\w-]+ )?fire|"
    # fire at the other side's forces: "fired rockets at Pakistani army locations"
    r"fir(?:ed|ing) (?:\w+ ){0,2}?(?:at|on|into) (?:the )?(?:Pakistani|Afghan) |"
    # one side's strikes named as its own: "a Pakistani strike on a house in Khost", "Pakistan's attacks in Kunar"
    r"(?:Pakistani|Afghan|(?:Pakistan|Afghanistan|Islamabad|Kabul)(?:'s|’s)) (?:air |drone |missile |artillery |military )?(?:strikes?|attacks?|shelling|bombardment|raids?)|"
    # both sides' forces trading fire: "Pakistani and Afghan forces exchanged heavy fire"
    r"(?:Pakistani|Afghan)\s+and\s+(?:Pakistani|Afghan)\s+(?:forces|troops|soldiers|border forces)\s+(?:\w+\s+)?(?:(?:exchanged|traded|exchange|trade)\s+(?:heavy\s+|intense\s+)?(?:fire|gunfire|shots)|clashed|fought)|"
    # ground attacks on the other side's forces: "attacked Pakistani border posts", "seized five Afghan posts"
    r"(?:attack(?:ed|s|ing)?|offensive(?: operations)?|assaults?|raids?|advance[ds]?)\b[\w\s,]{0,40}?\b(?:on|against) (?:the )?(?:Pakistani|Afghan|Taliban|enemy) (?:\w+ ){0,2}?(?:positions|posts|outposts|checkpoints|check posts|installations|forces|troops|pickets)|"
    r"(?:attack(?:ed|ing)|stormed|hit|pounded|shelled|seiz(?:ed|ing)|captur(?:ed|ing)|overr[au]n|took|taken|destroy(?:ed|ing)|razed|levell?ed) (?:\w+ ){0,4}?(?:Pakistani|Afghan|Taliban|border) (?:\w+ ){0,2}?(?:posts|outposts|positions|checkpoints|check posts|pickets|terminal)|"
    # "struck TTP camps": a strike on military targets (not "an earthquake struck")
    # ("struck at least seven militant hideouts", "using air power to bomb military bases")
    r"(?:struck|strikes? (?:on|against)|strikes|targeted|bomb(?:ed|ing)?|hit) (?:[\w‘’'\"“”-]+ ){0,4}?(?:camps?|hideouts?|bases?|positions?|targets?|compounds?|sanctuaries|sites|facilities|strongholds)|"
    # the other side's posts as the subject: "27 Taliban posts destroyed", "89 Afghan posts had been destroyed"
    r"(?:Pakistani|Afghan|Taliban|border) (?:[\w-]+ ){0,2}?(?:posts|outposts|positions|checkpoints|check posts|pickets) (?:[\w-]+ ){0,2}?(?:were |was |had been |have been )?(?:destroyed|captured|seized|overrun|taken over|razed)|"
    # "retaliatory operations inside Afghanistan": one side's forces in the other's territory
    r"(?:retaliatory|military|air|ground|cross-border) (?:[\w-]+ ){0,2}?operations? inside (?:Afghanistan|Afghan territory|Pakistan|Pakistani territory)|"
    # a party that bombed or shelled: "Pakistan had bombed our compatriots in Nangarhar"
    r"(?:Pakistan|Afghanistan|Islamabad|Kabul|Taliban)(?:'s|’s)? (?:[\w-]+ ){0,2}?(?:bombed|shelled|pounded)|"
    # the other's land attacked: "accused Islamabad of attacking its territory"
    r"(?:attack|strik|bomb|shell)(?:ed|ing) (?:its|their|our|Afghan|Pakistani|Afghanistan's|Pakistan's) (?:soil|territory)|"
    # charged with it: "accused Pakistan of striking a hospital in Kabul"
    r"(?:Pakistan|Afghanistan|Islamabad|Kabul|Taliban) of (?:\w+ )?(?:striking|bombing|shelling|bombarding)|"
    r"(?:military|air|drone|missile) strikes? (?:hit|struck|destroyed|flattened)|"
    # "clashes between Afghan and Pakistani forces", drones sent across the border
    r"clash(?:es|ed)? between (?:the )?(?:Afghan|Pakistani|Taliban) and (?:Afghan|Pakistani|Taliban) (?:forces|troops|soldiers|border forces|border guards)|"
    # the two sides' forces as the subject: "Taliban fighters and Pakistani troops clashed on Friday"
    r"(?<!Pakistani )(?:Afghan|Taliban) (?:forces|troops|fighters|soldiers|border forces|border guards) and (?:the )?Pakistani (?:forces|troops|soldiers|border forces|security forces) (?:\w+ )?(?:clashed|fought|exchanged fire|traded fire)|"
    r"Pakistani (?:forces|troops|soldiers|border forces|security forces) and (?:the )?(?:Afghan|Taliban) (?:forces|troops|fighters|soldiers|border forces|border guards) (?:\w+ )?(?:clashed|fought|exchanged fire|traded fire)|"
    r"(?:flew|flown|sent|launched) (?:[\w-]+ ){0,3}?drones? (?:[\w-]+ ){0,2}?(?:across|over) the border|"
    # places on the other side hit, told by the side hit: "civilian areas in Nangarhar and Paktika had been hit"
    r"(?:areas|homes|houses|villages|camps|sites|targets|installations|madrassas?|schools?)\b[\w\s,'’-]{0,70}?\b(?:had been|have been|were|was) (?:hit|struck|bombed|shelled|targeted)|"
    # fire from across the line: "indirect fire across the Durand Line hitting homes"
    r"(?:fire|fired|firing|shelling|shelled|shells|rockets|mortars?) (?:from )?across the (?:border|Durand Line|frontier))\b",
    re.I,
))
# Weaker signs count only where the article speaks of the truce at all.
WEAK_HOSTILITIES = lowered(re.compile(
    r"\b(?:clash(?:ed|es)|exchange(?:d)? of fire|exchanged fire|traded fire|trade fire|firing|gunfire|shooting|opened fire|open fire|opening fire|opens fire|"
    r"fired (?:on|at|across|into|upon)|fighting (?:erupted|broke out))\b", re.I
))
PAUSE = (r"\b(?:paus|halt|suspen|stop|lull)\w*\s+(?:\w+\s+){0,3}?(?:operations?|offensives?|hostilities|fighting|attacks|strikes)\b"
         r"|\b(?:operations?|offensives?)\s+(?:[\w-]+\s+){0,8}?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:paused|halted|suspended)\b")
THIRD_FORCES = re.compile(r"\b(?:Indian|Israeli|Iranian|Thai|Cambodian|Russian|Ukrainian)\s+(?:troops|forces|army|soldiers|side)\s+(?:\w+\s+)?$", re.I)
MILITANTS = re.compile(r"\b(?:TTP|Pakistani Taliban|militants?|khawarij|terrorists?|Fitna al[- ]Khawarij)\b", re.I)
MILITANTS_FROM = re.compile(r"\b(?:from|into|in from)\s+(?:the\s+)?(?:Afghan\s+(?:soil|territory|side)|Afghanistan)\b", re.I)
NEAR_THE_BORDER = re.compile(r"\b(?:near|along|on|close to|at|by)\s+the\s+(?:Afghan|Pak-Afghan|Pakistan-Afghanistan|Afghanistan)\s+border\b", re.I)
# The militants' own deeds, named to say who they are: "sheltering militants
# responsible for cross-border attacks" tells of no fighting between the sides.
MILITANTS_DEED_BEFORE = re.compile(
    r"\b(?:TTP|militants?|khawarij|terrorists?|insurgents?|groups?|fighters)\s+(?:\w+\s+){0,2}?"
    r"(?:responsible for|behind|who (?:carr(?:y|ies|ied) out|launch(?:es|ed)?|stage[sd]?)|carrying out|launching|staging|involved in|blamed for)\s+"
    r"(?:the\s+|recent\s+|a\s+|many\s+|deadly\s+)*$|"
    # what soil is charged with being used for: "letting fighters use Afghan territory for
    # cross-border attacks", "allowing its soil to be used to launch attacks"
    r"\b(?:use[sd]?|using)\s+(?:[\w-]+\s+){0,2}?(?:territory|soil|land)\s+(?:for|to\s+(?:launch|carry out|stage|plan|mount))\s+(?:the\s+|recent\s+|a\s+|deadly\s+)*$|"
    r"\b(?:territory|soil|land)\s+(?:to be|being|is|was|were)\s+used\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?(?:for|to\s+(?:launch|carry out|stage|plan|mount))\s+(?:the\s+|recent\s+|a\s+|deadly\s+)*$", re.I)
# ("carried out any act of terrorism, cross-border attack or drone strike": "any" governs the list)
# "killed in clashes over the past three to four months", "have killed dozens in recent weeks": a tally
# over a period, most of it before any truce, no breach now
OVER_A_PERIOD = re.compile(r"[^.;]{0,30}?\b(?:over|in|during|throughout) (?:the (?:past|last|previous) (?:[\w-]+ (?:to [\w-]+ )?)?(?:months|years)|recent (?:weeks|months))\b", re.I)
HYPOTHETICAL_BEFORE = re.compile(r"\b(?:any|every|future)\s+(?:[\w-]+\s+)?$|\bany\s+[\w\s,-]{0,50}?(?:,|\bor)\s+(?:[\w-]+\s+)?$", re.I)
CAUSE_BEFORE = re.compile(
    r"\b(?:comes?|came|follows?|followed) (?:\w+ )?(?:after|on the heels of)\s+(?:\w+\s+){0,2}$|\bin the wake of\s+(?:\w+\s+){0,2}$|"
    # "relations soured after Pakistani air strikes …": what the strikes led to, told later
    r"\b(?:soured|worsened|deteriorated|plunged|nosedived|frayed|declined|suffered|remain(?:s|ed)? on (?:high )?alert)\s+(?:\w+\s+)?(?:after|following|since)\s+(?:\w+\s+){0,3}$|"
    # "shut to trade since the recent clashes": the start of a period, an earlier event
    r"\bsince\s+(?:the\s+)?(?:recent\s+|earlier\s+|previous\s+|last\s+)?$",
    re.I,
)
BEFORE_THE_TRUCE = lowered(re.compile(rf"\b(?:before|until|ahead of)\b[^.;]{{0,60}}?{TRUCE}", re.I))
TRUCE_WORD = lowered(re.compile(TRUCE, re.I))
PREFILTER = lowered(re.compile(rf"{TRUCE}|open war|all-out|full-scale|total war|operation against|offensive against|war against|{PAUSE}|{STRONG_HOSTILITIES.pattern}|{WEAK_HOSTILITIES.pattern}", re.I))

_places = load_data(DATA, "places.toml")
SCOPE = load_scope("monitor.plugins.data", "scope.toml")
AFGHAN_SIDE = lowered(re.compile(
    r"\b(?:Afghan|Afghanistan|Kabul|(?<!Pakistani )(?<!Pakistan )Taliban|cross-border|across the border|Durand Line|"
    + "|".join(re.escape(p) for p in _places["afghanistan"]["places"] + [d for ds in _places["afghanistan"].get("districts", {}).values() for d in ds])
    + r")\b",
    re.I,
))
SEVERITY = {"collapsed": "high", "violated": "high", "in_effect": "medium"}
# The TTP's own truces with Islamabad are not this subject: "the TTP ended its
# ceasefire with the government", "a truce with the Pakistani Taliban".
TTP = r"(?:TTP|Tehr[ei]e?k-[ie]-Taliban(?: Pakistan)?|Pakistani Taliban|Pakistan Taliban)"
TTP_TRUCE = lowered(re.compile(
    rf"\b{TTP}\b[^.;]{{0,60}}?\b(?:its|their|own)\s+(?:\w+\s+)?{TRUCE}|{TRUCE}\s+with\s+(?:the\s+)?(?:Pakistani\s+|federal\s+)?(?:government|state|Islamabad)\b|{TRUCE}\s+(?:talks\s+)?with\s+(?:the\s+)?{TTP}|\b{TTP}(?:'s|’s)?\s+(?:\w+\s+)?{TRUCE}",
    re.I,
))
# "agreed" worn by the truce's noun, after a determiner or an adverb: what the truce is called, not an agreement told
AGREED_BEFORE_ITS_NOUN = re.compile(rf"agreed\s+(?:[\w-]+\s+)?{TRUCE}", re.I)
ATTRIBUTIVE = re.compile(r"\b(?:the|its|their|a|an|this|that|\w+ly)\s+$", re.I)
OPEN_WAR = 6
# A truce named in a clause of time is the earlier event: "before Qatar brokered a
# truce", "since the ceasefire was agreed", "after the truce that ended …".
EARLIER_EVENT = re.compile(r"\b(?:before|since|after|following|until)\b(?:\s+[\w'’-]+){0,5}\s*$", re.I)
# … and so is one told in what a report "came after", however long that clause:
# "The allegation came two days after Reuters reported that … had agreed to keep their ceasefire".
CAME_AFTER = re.compile(r"\b(?:comes?|came|follows?|followed)\s+(?:[\w-]+\s+){0,3}?(?:after|on the heels of)\b[^.;]*$", re.I)
# The truce a breach is told against: "attacking its territory despite a ceasefire in force".
DESPITE_BEFORE = re.compile(r"\b(?:despite|in spite of|notwithstanding|in violation of|in breach of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
# Negations that are the news: "no longer in place", "not observing any ceasefire" (a collapse);
# "not holding" (a breach).
SAYS_NONE_IN_FORCE = re.compile(r"\bno longer\b|\bnot (?:\w+ )?(?:observing|honou?ring|bound by) any\b", re.I)
SAYS_NOT_HOLDING = re.compile(r"\b(?:not|no longer|hardly|barely) (?:holding|being)\b", re.I)


# What keeps "open war" from being declared: a threat, a condition, a fear ("could
# slide into open war", "warned of open war"). A plain "considered itself in open
# war" is a declaration, though "consider" hedges other cues.
OPEN_WAR_HEDGE = lowered(re.compile(
    r"\b(?:will|would|could|might|may|if|unless|option|threat\w*|warn\w*|risk\w*|fear\w*|brink|verge|slid\w*|slip\w*|head(?:ed|ing)? (?:for|towards?)|"
    r"avoid\w*|avert\w*|prevent\w*|rul(?:e|ed|es) out|no\b|not\b|never|den(?:y|ied|ies))",
    re.I,
))


# "… the option of open war if the talks fail": a condition after the words.
CONDITION_AFTER = re.compile(r"^[^.;:]{0,60}?\b(?:if|unless|should (?:the|they|talks|kabul|islamabad)|in case|were (?:the|talks|kabul))\b", re.I)


def _open_war_not_declared(s: str, position: int) -> bool:
    window = window_before(s, position, 60)
    return is_question(s) or bool(OPEN_WAR_HEDGE.search(window) or CONDITION_AFTER.match(s[position:]))


EARLIER_YEAR = re.compile(r"\b(?:in|of|during|since|through|throughout)\s+(?:[\w-]+\s+){0,4}?((?:19|20)\d\d)\b", re.I)


def _earlier_year(text: str, year: int) -> bool:
    return any(int(m.group(1)) < year for m in EARLIER_YEAR.finditer(text))


def _other_side(s: str, position: int, militants: bool) -> bool:
    """Is the other side in the fighting at ``position``? Where militants are
    named, only in its own clause, and a place "near the Afghan border" is not
    it: "six soldiers and 14 TTP militants were killed in clashes near the
    Afghan border" is Pakistan's fight with the TTP."""
    if not militants:
        return bool(AFGHAN_SIDE.search(s))
    lo, hi = clause_of(s, position)
    lo = max(lo, s.rfind(",", 0, position) + 1)  # (and only past the last comma: "As the truce with Kabul held, …")
    # (where militants came from is not who fought: "after militants tried to cross in from Afghan soil")
    return bool(AFGHAN_SIDE.search(MILITANTS_FROM.sub(" ", NEAR_THE_BORDER.sub(" ", s[lo:hi]))))


def _negated_inside(m: re.Match, value: str) -> bool:
    """A negation between the truce and its verb: "the truce has not collapsed"."""
    if value == "violated" and SAYS_NOT_HOLDING.search(m.group()):
        return False  # "the ceasefire is not holding" says it is breached
    if value == "collapsed" and SAYS_NONE_IN_FORCE.search(m.group()):
        return False  # "the ceasefire is no longer in place", "not observing any ceasefire" say it is over
    return negated(m.group(), len(m.group()), width=len(m.group()))


def _observe(article: monitor.Article, baseline_mode: bool) -> list[monitor.Observation]:
    text = article.full_text
    if not SCOPE.about_the_conflict(text) or not PREFILTER.search(text) or not SCOPE.article_in_scope(text):
        return []
    speaks_of_truce = bool(TRUCE_WORD.search(text))
    found: list[tuple[int, int, str, Sentence, int]] = []  # (priority, order, value, sentence, position)
    for reading in read(article, SCOPE):
        sentence, s = reading.sentence, reading.text
        if not PREFILTER.search(s):
            continue
        if reading.elsewhere and (not TRUCE_WORD.search(s) or not AFGHAN_SIDE.search(s)):
            continue
        other_truce = TTP_TRUCE.search(s)
        for value, priority, pattern in CUES:
            for m in pattern.finditer(s):
                if other_truce and other_truce.start() - 80 <= m.start() <= other_truce.end() + 80:
                    continue  # the TTP's truce with Islamabad, not this one
                if _negated_inside(m, value):
                    continue  # "the ceasefire had not been breached"
                if value != "in_effect" and (SCOPE.outside.find(s[max(0, m.start() - 40):m.start()]) or THIRD_FORCES.search(s, max(0, m.start() - 40), m.start())):
                    continue  # "Indian troops violated the ceasefire in the Leepa sector": another state's truce
                if priority == OPEN_WAR:
                    # A declaration of open war since the baseline is the state now,
                    # however the article tells it; as background it yields to a new truce.
                    if _open_war_not_declared(s, m.start()):
                        continue
                    background = reading.time(m.start()) == "background"
                    found.append((priority if not background else 4, -sentence.index, value, sentence, m.start()))
                    break
                if value == "in_effect" and AGREED_BEFORE_ITS_NOUN.match(s, m.start()) and ATTRIBUTIVE.search(s, max(0, m.start() - 20), m.start()):
                    continue  # "its recently agreed ceasefire … was not holding": the truce named, no news that one was agreed
                if value == "in_effect" and not baseline_mode and EARLIER_EVENT.search(s[max(0, m.start() - 50):m.start()]):
                    continue  # "… dead before Qatar and Turkey brokered a truce": the earlier of two events, told as background
                if value == "in_effect" and not baseline_mode and CAME_AFTER.search(s, 0, m.start()):
                    continue  # "The allegation came two days after Reuters reported that … had agreed to keep their ceasefire": the earlier event
                if value == "in_effect" and DESPITE_BEFORE.search(s, max(0, m.start() - 30), m.start()):
                    continue  # "attacking its territory despite a ceasefire in force": the truce a breach is told against
                if reading.asserted_now(m.start(), baseline_mode):
                    found.append((priority, -sentence.index, value, sentence, m.start()))
                    break
        hostilities = [STRONG_HOSTILITIES] + ([WEAK_HOSTILITIES] if speaks_of_truce else [])
        militants = MILITANTS.search(s)
        for pattern in hostilities:
            hit = None
            for m in pattern.finditer(s):
                if BEFORE_THE_TRUCE.search(s, m.end()):
                    break  # "clashes left dozens dead before Qatar brokered a truce": fighting before it, no breach of it
                if HYPOTHETICAL_BEFORE.search(s, max(0, m.start() - 60), m.start()):
                    continue  # "any cross-border attack would see the operation restart": not one that happened
                if MILITANTS_DEED_BEFORE.search(s, max(0, m.start() - 80), m.start()):
                    continue  # "militants responsible for cross-border attacks": who they are, not a breach
                if OVER_A_PERIOD.match(s, m.end()):
                    continue  # "fighters killed in clashes over the past three to four months": a tally, no breach now
                if CAUSE_BEFORE.search(s, max(0, m.start() - 40), m.start()):
                    continue  # "the move comes after Pakistani airstrikes on …": the earlier event a story is explained by
                if _other_side(s, m.start(), bool(militants)) and reading.asserted_now(m.start(), baseline_mode):
                    hit = m
                    break
            if hit:
                found.append((2, -sentence.index, "violated", sentence, hit.start()))
                break
    if not found:
        return []
    if not baseline_mode and article.published is not None:
        # A year named before the article's ("in the last three months of 2025",
        # told in 2026) makes the sentence's events history.
        found = [f for f in found if f[2] == "collapsed" and f[0] >= OPEN_WAR or not _earlier_year(f[3].text, article.published.year)]
        if not found:
            return []
        # Tense and dates: a sentence that dates its event to an earlier day ("on
        # November 6 troops exchanged fire") yields to one that says what holds
        # now ("the truce is still holding"), whatever their cues.
        today = article.published.date()
        week_before = (article.published - timedelta(days=3)).date()
        # (not the start of a period: "killed 34 between 26 February and 1 March" is now)
        dated = {id(f): [d.date() for d in event_dates(f[3].text, article.published)] for f in found}
        if any(f[2] == "in_effect" for f in found):
            # a pause or truce told now beside the war's start told as a dated past ("a lull in a
            # conflict Islamabad branded 'open war' when it erupted on February 26"): the pause is the news
            found = [f for f in found if not (f[2] == "collapsed" and any(d < week_before for d in dated[id(f)]))]
            for f in found:
                if f[2] == "in_effect":  # (the pause is dated by the words around it, not the war's start told after)
                    dated[id(f)] = [d.date() for d in event_dates(f[3].text, article.published, f[4], after=120)]
        # an event dated well before the article is history ("when jets hit Kabul on October 9, …")
        found = [f for f in found if f[2] == "collapsed" or not any(d < week_before for d in dated[id(f)])]
        if not found:
            return []
        # (a weekday dates it too: "On Thursday the forces briefly exchanged fire", told on a Saturday,
        # yields to "the ceasefire is still in place"; it never makes it history, as a written date can)
        found = [
            (0, f[1], f[2], f[3], f[4])
            if f[2] != "collapsed" and any(
                d < today for d in dated[id(f)] + ([w.date() for w in weekday_dates(f[3].text, article.published)] if f[2] == "violated" else [])
            )
            else f
            for f in found
        ]
    priority, _, value, sentence, _ = max(found, key=lambda f: (f[0], f[1]))
    if sentence.index == 0:  # the headline: prefer the body's sentence for the same value
        body = [f for f in found if f[2] == value and f[3].index > 0]
        if body:
            sentence = min(body, key=lambda f: f[3].index)[3]
    return [
        monitor.Observation(
            subject=SUBJECT,
            value=value,
            evidence=sentence.text,
            confidence=0.9 if priority >= 3 else 0.7 if priority > 0 else 0.5,
            severity=SEVERITY[value],  # type: ignore[arg-type]
            # Fighting after a collapse keeps it collapsed; only a new truce moves it on.
            unless_current=("collapsed",) if value == "violated" else (),
            start=sentence.start,
            end=sentence.end,
        )
    ]


@monitor.hookimpl
def detect(article):
    return _observe(article, baseline_mode=False)


@monitor.hookimpl
def baseline(article):
    return _observe(article, baseline_mode=True)
